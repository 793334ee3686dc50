//! Waiting time: the intervals during which no clock runs.

use chrono::{DateTime, TimeDelta, Utc};

use crate::error::{Error, Result};

/// A half-open span of time `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Interval {
    pub fn length(self) -> TimeDelta {
        self.end - self.start
    }
}

/// Intervals during which no clock runs (waiting for the customer or a
/// third party): sorted and never overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pauses(Vec<Interval>);

impl Pauses {
    /// Checks that each pause ends after it starts and none overlaps another.
    pub fn new(mut pauses: Vec<Interval>) -> Result<Pauses> {
        for p in &pauses {
            if p.end <= p.start {
                return Err(Error::Input(format!(
                    "pause {}/{} ends before it starts",
                    p.start.to_rfc3339(),
                    p.end.to_rfc3339()
                )));
            }
        }
        pauses.sort_by_key(|p| p.start);
        for pair in pauses.windows(2) {
            if pair[1].start < pair[0].end {
                return Err(Error::Input(format!(
                    "pauses {}/{} and {}/{} overlap; give each waiting time once",
                    pair[0].start.to_rfc3339(),
                    pair[0].end.to_rfc3339(),
                    pair[1].start.to_rfc3339(),
                    pair[1].end.to_rfc3339()
                )));
            }
        }
        Ok(Pauses(pauses))
    }

    pub fn none() -> Pauses {
        Pauses(Vec::new())
    }

    pub fn as_slice(&self) -> &[Interval] {
        &self.0
    }
}
