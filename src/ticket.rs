//! A ticket resolved against a data set: its plan, desk and priorities as
//! references, its instants and pauses read in the desk's zone. Built by
//! [`crate::resolve`] only; nothing downstream looks a name up again.

use chrono::{DateTime, Utc};

use crate::calendar::Calendar;
use crate::clock::Pauses;
use crate::plan::{Plan, Priority};

/// The priority a ticket had from an instant on.
#[derive(Debug, Clone)]
pub struct PriorityPeriod<'a> {
    pub from: DateTime<Utc>,
    pub priority: &'a Priority,
}

/// A ticket resolved against a data set. Its fields are the crate's: a
/// ticket is built by [`crate::resolve`], with its checks, and read
/// through the methods below.
#[derive(Debug, Clone)]
pub struct Ticket<'a> {
    pub(crate) plan: &'a Plan,
    pub(crate) desk: &'a Calendar,
    pub(crate) opened: DateTime<Utc>,
    pub(crate) pauses: Pauses,
    /// The priority at the opening.
    pub(crate) initial: PriorityPeriod<'a>,
    /// Each change of priority, in time order (most tickets have none).
    pub(crate) changes: Vec<PriorityPeriod<'a>>,
    /// The instants a line may give besides the opening (most give none,
    /// and a batch moves each ticket: they are kept apart).
    pub(crate) times: Option<Box<Times>>,
}

/// The instants a ticket row gives besides its opening: what happened to
/// the ticket, and the moment asked about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Times {
    /// `escalate`: the moment asked about.
    pub at: Option<DateTime<Utc>>,
    /// `audit`: the first response.
    pub responded: Option<DateTime<Utc>>,
    /// `audit`, `queue`: the P1 notification.
    pub notified: Option<DateTime<Utc>>,
    /// `audit`, `queue`: the close.
    pub closed: Option<DateTime<Utc>>,
}

/// Of a first priority period and its changes (in time order), the one in
/// force at `t`: the last to start at or before it (before the first
/// change: the first period).
pub fn period_in_force<'p, 'a>(
    initial: &'p PriorityPeriod<'a>,
    changes: &'p [PriorityPeriod<'a>],
    t: DateTime<Utc>,
) -> &'p PriorityPeriod<'a> {
    changes
        .iter()
        .rev()
        .find(|p| p.from <= t)
        .unwrap_or(initial)
}

impl<'a> Ticket<'a> {
    pub fn plan(&self) -> &'a Plan {
        self.plan
    }

    /// The desk whose calendar and zone the ticket runs on.
    pub fn desk(&self) -> &'a Calendar {
        self.desk
    }

    pub fn opened(&self) -> DateTime<Utc> {
        self.opened
    }

    /// The waiting time that does not count.
    pub fn pauses(&self) -> &Pauses {
        &self.pauses
    }

    /// The priority at the opening.
    pub fn initial(&self) -> &PriorityPeriod<'a> {
        &self.initial
    }

    /// Each change of priority, in time order.
    pub fn changes(&self) -> &[PriorityPeriod<'a>] {
        &self.changes
    }

    /// The instants the line gave (none: all absent).
    pub fn times(&self) -> Times {
        self.times.as_deref().copied().unwrap_or_default()
    }

    /// The latest priority: its targets apply, measured from the opening
    /// (SPEC §4).
    pub fn priority(&self) -> &'a Priority {
        self.latest().priority
    }

    /// The latest priority period.
    pub fn latest(&self) -> &PriorityPeriod<'a> {
        self.changes.last().unwrap_or(&self.initial)
    }

    /// The priority period in force at `t` (before the opening: the first).
    pub fn period_at(&self, t: DateTime<Utc>) -> &PriorityPeriod<'a> {
        period_in_force(&self.initial, &self.changes, t)
    }

    /// The opening priority, then each change.
    pub fn history(&self) -> Vec<PriorityPeriod<'a>> {
        std::iter::once(&self.initial)
            .chain(&self.changes)
            .cloned()
            .collect()
    }
}
