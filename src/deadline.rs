//! The deadlines of a ticket: when the priority notification and the
//! response are due (SPEC §3–4).

use chrono::{DateTime, TimeDelta, Utc};

use crate::calendar::Calendar;
use crate::clock::{business_days_due, Clock, ClockKind, Interval, Pauses};
use crate::error::Result;
use crate::plan::{Amount, Plan, Priority, Target};
use crate::ticket::Ticket;

/// A target with its due instant (`None`: best effort).
#[derive(Debug, Clone)]
pub struct TargetDue {
    pub target: Target,
    pub due: Option<DateTime<Utc>>,
    /// The counted windows from the opening to `due`.
    pub windows: Vec<Interval>,
}

#[derive(Debug, Clone)]
pub struct Deadline<'a> {
    pub plan: &'a Plan,
    pub priority: &'a Priority,
    pub desk: &'a Calendar,
    pub opened: DateTime<Utc>,
    pub notification: Option<TargetDue>,
    pub response: TargetDue,
}

/// The deadlines of a ticket under its latest priority, measured from the
/// opening (SPEC §4); `explain` also lists the counted windows.
pub fn compute<'a>(ticket: &Ticket<'a>, explain: bool) -> Result<Deadline<'a>> {
    let (plan, desk, priority) = (ticket.plan, ticket.desk, ticket.priority());
    let with_due = |target: Target| -> Result<TargetDue> {
        let due = due(desk, target, ticket.opened, &ticket.pauses)?;
        let windows = match (explain, due) {
            (true, Some(due)) => Clock::new(desk, target.clock).windows_between(
                ticket.opened,
                due,
                &ticket.pauses,
            )?,
            _ => Vec::new(),
        };
        Ok(TargetDue {
            target,
            due,
            windows,
        })
    };
    Ok(Deadline {
        plan,
        priority,
        desk,
        opened: ticket.opened,
        notification: plan.notification(priority).map(with_due).transpose()?,
        response: with_due(plan.response(priority))?,
    })
}

/// The due instant of a target for a ticket opened at `opened`, measured
/// from its effective start (SPEC §3: the opening, or the end of the pause
/// covering it).
pub fn due(
    desk: &Calendar,
    target: Target,
    opened: DateTime<Utc>,
    pauses: &Pauses,
) -> Result<Option<DateTime<Utc>>> {
    let span = match target.amount {
        Amount::BestEffort => return Ok(None),
        Amount::Minutes(m) => Span::Time(TimeDelta::minutes(i64::from(m))),
        Amount::Hours(h) => Span::Time(TimeDelta::hours(i64::from(h))),
        Amount::BusinessDays(days) => Span::BusinessDays(days),
    };
    due_after(desk, target.clock, span, opened, pauses).map(Some)
}

/// How far a due instant lies after its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Clock time on the target's clock.
    Time(TimeDelta),
    /// Business days (SPEC §3), on the standard clock.
    BusinessDays(u32),
}

/// The instant `span` after `opened` on `clock`, counted from the
/// effective start (the end of a pause covering the opening, SPEC §3),
/// pauses excluded: the one engine of `deadline` and `clock`.
pub fn due_after(
    desk: &Calendar,
    clock: ClockKind,
    span: Span,
    opened: DateTime<Utc>,
    pauses: &Pauses,
) -> Result<DateTime<Utc>> {
    let start = pauses.effective_start(opened);
    match span {
        Span::Time(amount) => Clock::new(desk, clock).due(start, amount, pauses),
        Span::BusinessDays(days) => business_days_with_pauses(desk, start, days, pauses),
    }
}

/// Business days with pauses (SPEC §3): the day rule, applied to the local
/// date of the effective start `start`, gives D0; the target is the
/// standard-clock time L from `start` to D0, extended by the pauses.
pub fn business_days_with_pauses(
    desk: &Calendar,
    opened: DateTime<Utc>,
    days: u32,
    pauses: &Pauses,
) -> Result<DateTime<Utc>> {
    let unpaused = business_days_due(desk, opened, days)?;
    if pauses.as_slice().is_empty() {
        return Ok(unpaused);
    }
    let standard = Clock::new(desk, ClockKind::Standard);
    let amount = standard.elapsed(opened, unpaused, &Pauses::none())?;
    standard.due(opened, amount, pauses)
}

/// How much of a target's clock time is used up at `at`, in percent (SPEC
/// §10): the clock time from the effective start to `at`, pauses excluded,
/// over the target's whole clock time (business days: the standard-clock
/// time L to the day rule's due instant, §3). Over 100 once past due;
/// `None` for best effort.
pub fn used_percent(
    desk: &Calendar,
    target: Target,
    opened: DateTime<Utc>,
    pauses: &Pauses,
    at: DateTime<Utc>,
) -> Result<Option<f64>> {
    let start = pauses.effective_start(opened);
    let whole = match target.amount {
        Amount::BestEffort => return Ok(None),
        Amount::Minutes(m) => TimeDelta::minutes(i64::from(m)),
        Amount::Hours(h) => TimeDelta::hours(i64::from(h)),
        Amount::BusinessDays(days) => Clock::new(desk, ClockKind::Standard).elapsed(
            start,
            business_days_due(desk, start, days)?,
            &Pauses::none(),
        )?,
    };
    let used = if at > start {
        Clock::new(desk, target.clock).elapsed(start, at, pauses)?
    } else {
        TimeDelta::zero()
    };
    #[allow(clippy::cast_precision_loss)]
    Ok(Some(if whole > TimeDelta::zero() {
        used.num_seconds() as f64 * 100.0 / whole.num_seconds() as f64
    } else {
        100.0
    }))
}
