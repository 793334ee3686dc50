//! The live queue (SPEC §10): each open ticket at an instant with its
//! remaining time, how much of its target is used up, who holds it and
//! what comes next, most urgent first.

use chrono::{DateTime, TimeDelta, Utc};

use crate::audit::{judge_history, StepVerdict};
use crate::clock::Clock;
use crate::deadline;
use crate::error::{Error, Result};
use crate::escalation::Ladder;
use crate::history::History;
use crate::plan::Priority;

/// The share of a target used up from which a ticket is on watch, at
/// risk, critical (percent; `--warn`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub watch: f64,
    pub at_risk: f64,
    pub critical: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            watch: 50.0,
            at_risk: 75.0,
            critical: 90.0,
        }
    }
}

impl Thresholds {
    /// Three rising percentages, `50,75,90`.
    pub fn parse(text: &str) -> Result<Thresholds> {
        let bad = || {
            Error::value(
                text,
                format!(
                    "'{}' is not three rising percentages like 50,75,90",
                    crate::input::escaped(text)
                ),
            )
        };
        let values: Vec<f64> = text
            .split(',')
            .map(|v| v.trim().parse::<f64>().map_err(|_| bad()))
            .collect::<Result<_>>()?;
        match values[..] {
            [watch, at_risk, critical]
                if values.iter().all(|v| v.is_finite() && *v >= 0.0)
                    && watch <= at_risk
                    && at_risk <= critical =>
            {
                Ok(Thresholds {
                    watch,
                    at_risk,
                    critical,
                })
            }
            _ => Err(bad()),
        }
    }
}

/// Where a ticket stands against its response target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Ok,
    Watch,
    AtRisk,
    Critical,
    Breached,
    Responded,
    BestEffort,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::Watch => "watch",
            State::AtRisk => "at_risk",
            State::Critical => "critical",
            State::Breached => "breached",
            State::Responded => "responded",
            State::BestEffort => "best_effort",
        }
    }
}

/// The next step that changes who holds the ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    /// 1-based.
    pub step: usize,
    pub at: DateTime<Utc>,
    pub reaches: String,
}

/// One open ticket in the queue.
#[derive(Debug, Clone)]
pub struct Entry<'d> {
    pub history: History<'d>,
    /// The priority in force at the moment asked about.
    pub priority: &'d Priority,
    pub waiting: bool,
    pub holder: String,
    /// Some step judged then was missed.
    pub escalation_overdue: bool,
    /// The response due instant (`None`: best effort).
    pub due: Option<DateTime<Utc>>,
    /// Clock time left until `due`; past it, minus the wall-clock time
    /// since. `None` once responded or without a target.
    pub remaining: Option<TimeDelta>,
    /// Clock time used up, in percent of the target's.
    pub elapsed_percent: Option<f64>,
    pub state: State,
    pub next_step: Option<NextStep>,
    /// The earlier of the response due instant (while unanswered) and the
    /// next step.
    pub next_deadline: Option<DateTime<Utc>>,
}

/// Whether a ticket is in the queue at `at`: opened at or before it and
/// not closed at or before it.
pub fn is_open(history: &History, at: DateTime<Utc>) -> bool {
    history.ticket.opened <= at && history.closed.is_none_or(|closed| closed > at)
}

/// A ticket open at `at`, placed in the queue (SPEC §10).
pub fn entry(history: History<'_>, at: DateTime<Utc>, warn: Thresholds) -> Result<Entry<'_>> {
    let judgement = judge_history(history, at).map_err(|unjudged| unjudged.error)?;
    // The history as it stood at `at`, from the judgement.
    let history = &judgement.history;
    let pauses = judgement.ticket.pauses();
    let response = &judgement.response;
    let answered = history.responded.is_some();
    let (remaining, elapsed_percent) = match response.due {
        Some(due) if !answered => {
            let clock = Clock::new(history.ticket.desk, response.target.clock);
            let remaining = if at <= due {
                clock.elapsed(at, due, pauses)?
            } else {
                -(at - due)
            };
            let used = deadline::used_percent(
                history.ticket.desk,
                response.target,
                history.ticket.opened,
                pauses,
                at,
            );
            // Past its due instant a ticket is breached whatever share it
            // used: a share that would need a year without holiday data,
            // or a walk of more than a century, is unknown, not a failure
            // that drops it from the queue (SPEC §10).
            let used = match used {
                Err(Error::NoHolidayData { .. } | Error::BeyondHorizon { .. }) if at > due => None,
                other => other?,
            };
            (Some(remaining), used)
        }
        _ => (None, None),
    };
    let state = match (answered, response.due, elapsed_percent) {
        (true, _, _) => State::Responded,
        (false, None, _) => State::BestEffort,
        (false, Some(due), _) if at > due => State::Breached,
        (false, Some(_), Some(p)) if p >= warn.critical => State::Critical,
        (false, Some(_), Some(p)) if p >= warn.at_risk => State::AtRisk,
        (false, Some(_), Some(p)) if p >= warn.watch => State::Watch,
        _ => State::Ok,
    };
    let priority = history.priority_at(at);
    let (holder, next_step) = holders(judgement.ladder.as_ref(), at);
    let unanswered_due = response.due.filter(|_| !answered);
    let next_deadline = match (unanswered_due, next_step.as_ref().map(|s| s.at)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let escalation_overdue = judgement
        .escalations
        .iter()
        .any(|s| s.verdict == StepVerdict::Missed);
    Ok(Entry {
        waiting: history.waiting(),
        priority,
        holder,
        escalation_overdue,
        due: response.due,
        remaining,
        elapsed_percent,
        state,
        next_step,
        next_deadline,
        history: judgement.history,
    })
}

/// Who holds the ticket at `at`, and the next step after `at` that
/// changes the holder, on the ladder its steps were judged on (each step
/// with the ladder of the priority in force at its instant; the history
/// ends at `at`, so a later step follows the priority in force then).
fn holders(ladder: Option<&Ladder>, at: DateTime<Utc>) -> (String, Option<NextStep>) {
    let Some(ladder) = ladder else {
        return (String::new(), None);
    };
    let next = ladder
        .rungs
        .iter()
        .filter(|rung| rung.changes_holder)
        .find_map(|rung| {
            let at_step = rung.due.filter(|due| *due > at)?;
            Some(NextStep {
                step: rung.index + 1,
                at: at_step,
                reaches: rung.cell()?.to_string(),
            })
        });
    (ladder.holder_at(at).to_string(), next)
}

/// Most urgent first: by next deadline (none last), then by id.
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        (a.next_deadline.is_none(), a.next_deadline, &a.history.id).cmp(&(
            b.next_deadline.is_none(),
            b.next_deadline,
            &b.history.id,
        ))
    });
}
