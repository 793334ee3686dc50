//! Auditing a help-desk export: was each ticket's first response within its
//! target, by how much, and compliance per plan, priority and desk.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};

use crate::deadline::{self, Deadline};
use crate::error::Result;
use crate::ticket::Ticket;

/// The verdict on one ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Responded at or before the due instant.
    Met,
    /// Responded after it, or still unanswered after it.
    Breached,
    /// Not answered yet, and not due yet.
    Open,
    /// No response target (best effort).
    BestEffort,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Breached => "breached",
            Verdict::Open => "open",
            Verdict::BestEffort => "best_effort",
        }
    }
}

/// Judge a response against its due instant. `lateness` is how far past
/// the due instant the response came (negative: early); for an unanswered
/// ticket, how far past it `now` is.
pub fn judge(
    due: Option<DateTime<Utc>>,
    responded: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> (Verdict, Option<TimeDelta>) {
    let Some(due) = due else {
        return (Verdict::BestEffort, None);
    };
    match responded {
        Some(at) => (
            if at <= due {
                Verdict::Met
            } else {
                Verdict::Breached
            },
            Some(at - due),
        ),
        None if now > due => (Verdict::Breached, Some(now - due)),
        None => (Verdict::Open, None),
    }
}

/// Counts for one plan × priority × desk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub tickets: u64,
    pub met: u64,
    pub breached: u64,
    pub open: u64,
    pub best_effort: u64,
    /// The largest lateness among breached tickets.
    pub worst_lateness: Option<TimeDelta>,
}

impl Tally {
    pub fn add(&mut self, verdict: Verdict, lateness: Option<TimeDelta>) {
        self.tickets += 1;
        match verdict {
            Verdict::Met => self.met += 1,
            Verdict::Breached => {
                self.breached += 1;
                if let Some(late) = lateness {
                    self.worst_lateness = Some(self.worst_lateness.map_or(late, |w| w.max(late)));
                }
            }
            Verdict::Open => self.open += 1,
            Verdict::BestEffort => self.best_effort += 1,
        }
    }

    /// Share of judged tickets (met or breached) that were met, in percent.
    pub fn compliance(&self) -> Option<f64> {
        let judged = self.met + self.breached;
        #[allow(clippy::cast_precision_loss)]
        (judged > 0).then(|| self.met as f64 * 100.0 / judged as f64)
    }
}

/// Tallies keyed by (plan, priority, desk).
pub type Summary = BTreeMap<(String, String, String), Tally>;

/// One ticket judged: its deadlines, its first response and the verdict.
#[derive(Debug, Clone)]
pub struct TicketAudit<'a> {
    pub deadline: Deadline<'a>,
    pub responded: Option<DateTime<Utc>>,
    pub verdict: Verdict,
    /// How far past the due instant the response came (negative: early),
    /// or `as_of` is for a breached unanswered ticket; `None` while open or
    /// for best effort.
    pub late: Option<TimeDelta>,
}

/// Judge a ticket's first response as of `as_of`.
pub fn audit<'a>(ticket: &Ticket<'a>, as_of: DateTime<Utc>) -> Result<TicketAudit<'a>> {
    let deadline = deadline::compute(ticket, false)?;
    let (verdict, lateness) = judge(deadline.response.due, ticket.responded, as_of);
    Ok(TicketAudit {
        late: lateness.filter(|_| verdict != Verdict::Open),
        deadline,
        responded: ticket.responded,
        verdict,
    })
}

/// Count a judged ticket in its plan × priority × desk.
pub fn tally(summary: &mut Summary, audit: &TicketAudit) {
    let d = &audit.deadline;
    summary
        .entry((
            d.plan.name.clone(),
            d.priority.id.clone(),
            d.desk.name.clone(),
        ))
        .or_default()
        .add(audit.verdict, audit.late);
}
