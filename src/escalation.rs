//! Escalation: when each step of the plan's matrix falls due, who holds the
//! ticket at a given instant, and how priority changes move that (SPEC §4–5).

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

/// The escalation state of a ticket at `at`.
pub fn escalate<'a>(ticket: &Ticket<'a>, at: DateTime<Utc>) -> Result<Escalation<'a>> {
    let (plan, desk) = (ticket.plan, ticket.desk);
    if at < ticket.opened {
        return Err(Error::BeforeOpening {
            what: "the moment asked about",
            at,
            opened: ticket.opened,
            zone: desk.zone,
        });
    }
    let in_force = ticket.period_at(at).clone();
    let matrix = plan.escalation().ok_or_else(|| {
        Error::Lacking(format!(
            "plan '{}' has no escalation matrix in its plan file",
            plan.name
        ))
    })?;
    let cells = matrix
        .matrix
        .get(&in_force.priority.id)
        .cloned()
        .unwrap_or_default();
    let mut holder = matrix.initial_holder.clone();
    let mut holder_at = matrix.initial_holder.clone();
    let mut steps = Vec::with_capacity(matrix.steps.len());
    for (index, target) in matrix.steps.iter().enumerate() {
        let due = deadline::due(desk, *target, ticket.opened, &ticket.pauses)?
            .ok_or_else(|| Error::Lacking(format!("escalation step {} has no time", index + 1)))?;
        let reaches = cells.get(index).cloned().flatten();
        if let Some(name) = &reaches {
            holder.clone_from(name);
        }
        let status = if due > at {
            StepStatus::Pending
        } else if due < in_force.from {
            StepStatus::Overdue
        } else {
            StepStatus::Reached
        };
        if status != StepStatus::Pending {
            holder_at.clone_from(&holder);
        }
        steps.push(Step {
            number: index + 1,
            after: *target,
            at: due,
            reaches,
            holder: holder.clone(),
            status,
            used_percent: deadline::used_percent(desk, *target, ticket.opened, &ticket.pauses, at)?,
        });
    }
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
