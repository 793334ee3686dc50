//! Waiting time: the intervals during which no clock runs.

use chrono::{DateTime, TimeDelta, Utc};

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
/// third party). Pauses may overlap, nest or touch: what is paused is their
/// union, kept here sorted and disjoint (SPEC §3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pauses(Vec<Interval>);

/// The pause at this index (in the order given) ends before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReversedPause(pub usize);

impl Pauses {
    /// The union of `pauses`. A pause of zero length pauses nothing; a
    /// reversed one is an error, the only check pauses get.
    pub fn new(mut pauses: Vec<Interval>) -> Result<Pauses, ReversedPause> {
        if let Some(index) = pauses.iter().position(|p| p.end < p.start) {
            return Err(ReversedPause(index));
        }
        pauses.retain(|p| p.end > p.start);
        pauses.sort_unstable_by_key(|p| p.start);
        let mut union: Vec<Interval> = Vec::with_capacity(pauses.len());
        for p in pauses {
            match union.last_mut() {
                Some(last) if p.start <= last.end => last.end = last.end.max(p.end),
                _ => union.push(p),
            }
        }
        Ok(Pauses(union))
    }

    pub fn none() -> Pauses {
        Pauses(Vec::new())
    }

    pub fn as_slice(&self) -> &[Interval] {
        &self.0
    }

    /// The pauses as known at `at`: those started by then, a pause going
    /// on then ending at `at`.
    #[must_use]
    pub fn until(&self, at: DateTime<Utc>) -> Pauses {
        Pauses(
            self.0
                .iter()
                .filter(|p| p.start < at)
                .map(|p| Interval {
                    start: p.start,
                    end: p.end.min(at),
                })
                .collect(),
        )
    }

    /// When a ticket opened at `opened` starts counting: the opening, or the
    /// end of the pause covering it (`[A, B)` covers it when A ≤ opening < B;
    /// SPEC §3).
    pub fn effective_start(&self, opened: DateTime<Utc>) -> DateTime<Utc> {
        self.0
            .iter()
            .find(|p| p.start <= opened && opened < p.end)
            .map_or(opened, |p| p.end)
    }
}
