//! Escalation: the one ladder of a ticket (SPEC §5, §9, §10) — when each
//! step of the plan's matrix falls due, who it hands the ticket to, and so
//! who holds the ticket at an instant. `escalate`, the audits, the queue
//! and Python all walk it here. Its rules:
//!
//! - Step k falls due at Dk, on the plan's business clock from the
//!   effective start, pauses excluded.
//! - Whose ladder applies is a [`LadderOf`]: each step on the ladder of
//!   the priority in force at its own instant Dk (audits and the queue; a
//!   history cut at an instant has no later priority, so a step after it
//!   follows the priority in force then), or every step on the ladder of
//!   the priority in force at one instant (`escalate`'s forward-looking
//!   display).
//! - The holder starts as the matrix's initial holder (Support Team); a
//!   step whose cell names someone hands the ticket to them. A step
//!   *changes the holder* when its cell is not empty and names someone
//!   other than the holder so far (compared case-insensitively, spaces
//!   at the ends aside); only such steps are judged in audits and offered
//!   as the queue's next step.
//! - Who holds the ticket at an instant: the holder after the last step
//!   due at or before it.

use chrono::{DateTime, Utc};

use crate::calendar::Calendar;
use crate::clock::{Clock, ClockKind};
use crate::deadline;
use crate::error::{Error, Result};
use crate::plan::{Plan, Target};
use crate::ticket::{PriorityPeriod, Ticket};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    /// Its instant is after the moment asked about.
    Pending,
    /// It has happened.
    Reached,
    /// Its instant passed before the priority that has it was in force: the
    /// escalation is owed now.
    Overdue,
}

impl StepStatus {
    pub fn name(self) -> &'static str {
        match self {
            StepStatus::Pending => "pending",
            StepStatus::Reached => "reached",
            StepStatus::Overdue => "overdue",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    /// 1-based.
    pub number: usize,
    pub after: Target,
    pub at: DateTime<Utc>,
    /// Who the step hands the ticket to (`None`: no change at this step).
    pub reaches: Option<String>,
    /// Who holds the ticket from this step on.
    pub holder: String,
    pub status: StepStatus,
    /// How much of the step's clock time is used up at the moment asked
    /// about, in percent (SPEC §10).
    pub used_percent: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Escalation<'a> {
    pub plan: &'a Plan,
    pub desk: &'a Calendar,
    pub opened: DateTime<Utc>,
    pub at: DateTime<Utc>,
    /// The priority in force at `at`, and since when.
    pub priority: PriorityPeriod<'a>,
    pub history: Vec<PriorityPeriod<'a>>,
    pub holder: String,
    pub steps: Vec<Step>,
    /// Index into `steps` of the first step after `at`.
    pub next: Option<usize>,
    /// The response deadline of the priority in force (`None`: best effort).
    pub response_due: Option<DateTime<Utc>>,
    /// How much of the response target's clock time is used up at `at`,
    /// in percent.
    pub response_used_percent: Option<f64>,
    /// The ticket runs on the 24/7 on-call clock and `at` is outside the
    /// plan's business hours: no R&D escalation now.
    pub on_call: bool,
}

/// Whose ladder a step follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LadderOf {
    /// The priority in force at the step's own instant (SPEC §9).
    EachStepsPriority,
    /// The priority in force at this instant, for every step.
    PriorityAt(DateTime<Utc>),
}

/// One step of a ticket's ladder.
#[derive(Debug, Clone)]
pub struct Rung<'m> {
    /// 0-based, in the matrix.
    pub index: usize,
    pub after: Target,
    /// When it falls due (`None`: the step has no time).
    pub due: Option<DateTime<Utc>>,
    /// The ladder it follows (its cell is `ladder[index]`).
    pub ladder: &'m [Option<String>],
    /// Who holds the ticket from this step on.
    pub holder: &'m str,
    /// Whether the step hands the ticket to someone new.
    pub changes_holder: bool,
}

impl<'m> Rung<'m> {
    /// The step's cell: who it reaches (`None`: no one named).
    pub fn cell(&self) -> Option<&'m str> {
        self.ladder.get(self.index).and_then(Option::as_deref)
    }

    /// The holders its ladder names from this step on.
    pub fn holders_from_here(&self) -> impl Iterator<Item = &'m str> {
        self.ladder
            .get(self.index..)
            .unwrap_or_default()
            .iter()
            .flatten()
            .map(|name| name.trim())
    }
}

/// A ticket's ladder: its plan's initial holder and each step of its
/// escalation matrix.
#[derive(Debug, Clone)]
pub struct Ladder<'m> {
    /// Who holds the ticket before step 1.
    pub initial: &'m str,
    pub rungs: Vec<Rung<'m>>,
}

impl<'m> Ladder<'m> {
    /// Who holds the ticket at `at`: the holder after the last step due at
    /// or before it (before step 1: the initial holder).
    pub fn holder_at(&self, at: DateTime<Utc>) -> &'m str {
        self.rungs
            .iter()
            .rev()
            .find(|rung| rung.due.is_some_and(|due| due <= at))
            .map_or(self.initial, |rung| rung.holder)
    }
}

/// A ticket's ladder (`None`: the plan has no escalation matrix).
pub fn ladder<'m>(ticket: &Ticket<'m>, of: LadderOf) -> Result<Option<Ladder<'m>>> {
    let Some(matrix) = ticket.plan.escalation() else {
        return Ok(None);
    };
    let initial = matrix.initial_holder.as_str();
    let mut holder = initial;
    let mut rungs = Vec::with_capacity(matrix.steps.len());
    for (index, target) in matrix.steps.iter().enumerate() {
        let due = deadline::due(ticket.desk, *target, ticket.opened, &ticket.pauses)?;
        let priority = match of {
            LadderOf::EachStepsPriority => ticket.period_at(due.unwrap_or(ticket.opened)).priority,
            LadderOf::PriorityAt(t) => ticket.period_at(t).priority,
        };
        let ladder = matrix.ladder(priority);
        let cell = ladder
            .get(index)
            .and_then(Option::as_deref)
            .filter(|_| due.is_some());
        let changes_holder =
            cell.is_some_and(|cell| !cell.trim().eq_ignore_ascii_case(holder.trim()));
        if let Some(cell) = cell {
            holder = cell;
        }
        rungs.push(Rung {
            index,
            after: *target,
            due,
            ladder,
            holder,
            changes_holder,
        });
    }
    Ok(Some(Ladder { initial, rungs }))
}

/// The escalation state of a ticket at `at`.
pub fn escalate<'a>(ticket: &Ticket<'a>, at: DateTime<Utc>) -> Result<Escalation<'a>> {
    let (plan, desk) = (ticket.plan, ticket.desk);
    if at < ticket.opened {
        return Err(Error::BeforeOpening {
            what: "the moment asked about",
            at: crate::time::rfc3339(at, desk.zone),
            opened: crate::time::rfc3339(ticket.opened, desk.zone),
        });
    }
    let in_force = ticket.period_at(at).clone();
    let ladder = ladder(ticket, LadderOf::PriorityAt(at))?.ok_or_else(|| {
        Error::Lacking(format!(
            "plan '{}' has no escalation matrix in its plan file",
            plan.name
        ))
    })?;
    let mut steps = Vec::with_capacity(ladder.rungs.len());
    for rung in &ladder.rungs {
        let due = rung.due.ok_or_else(|| {
            Error::Lacking(format!("escalation step {} has no time", rung.index + 1))
        })?;
        let status = if due > at {
            StepStatus::Pending
        } else if due < in_force.from {
            StepStatus::Overdue
        } else {
            StepStatus::Reached
        };
        steps.push(Step {
            number: rung.index + 1,
            after: rung.after,
            at: due,
            reaches: rung.cell().map(str::to_string),
            holder: rung.holder.to_string(),
            status,
            used_percent: deadline::used_percent(
                desk,
                rung.after,
                ticket.opened,
                &ticket.pauses,
                at,
            )?,
        });
    }
    let holder_at = ladder.holder_at(at).to_string();
    let next = steps.iter().position(|s| s.status == StepStatus::Pending);
    let response = plan.response(in_force.priority);
    let response_due = deadline::due(desk, response, ticket.opened, &ticket.pauses)?;
    let on_call = response.clock == ClockKind::AllDay
        && Clock::new(desk, plan.business_clock)
            .window_at(at)?
            .is_none();
    Ok(Escalation {
        plan,
        desk,
        opened: ticket.opened,
        at,
        priority: in_force,
        history: ticket.history(),
        holder: holder_at,
        steps,
        next,
        response_due,
        response_used_percent: deadline::used_percent(
            desk,
            response,
            ticket.opened,
            &ticket.pauses,
            at,
        )?,
        on_call,
    })
}
