//! Judging tickets against their targets (SPEC §9), as plain data: the
//! verdict and lateness of a ticket row's first response; a history's
//! response, P1 notification and escalation steps (on the one ladder of
//! [`crate::escalation`]); tallies per group with lateness quantiles in
//! bounded memory; and how a summary groups tickets.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, TimeDelta, Utc};

use crate::clock::{Interval, Pauses};
use crate::deadline::{self, Deadline};
use crate::error::{Error, Result};
use crate::escalation::{self, Ladder, LadderOf};
use crate::history::History;
use crate::plan::{Plan, Priority, Target};
use crate::record::Field;
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

/// Counts for one group of tickets (plan × priority × desk by default).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub tickets: u64,
    pub met: u64,
    pub breached: u64,
    pub open: u64,
    pub best_effort: u64,
    /// The largest lateness among breached tickets.
    pub worst_lateness: Option<TimeDelta>,
    /// The lateness of breached tickets, in bounded memory.
    lateness: Lateness,
    /// Escalation steps by verdict, in the order of [`StepVerdict::ALL`].
    pub steps: [u64; 5],
}

/// Lateness in seconds: every value while there are few, then a
/// `DDSketch` (relative error 1%), so that memory stays bounded.
#[derive(Clone, Default)]
struct Lateness {
    exact: Vec<i64>,
    sketch: Option<sketches_ddsketch::DDSketch>,
}

/// How many values are kept exactly before the sketch takes over.
const EXACT_LATENESS: usize = 1024;

impl std::fmt::Debug for Lateness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lateness({} exact values)", self.exact.len())
    }
}

impl Lateness {
    #[allow(clippy::cast_precision_loss)]
    fn add(&mut self, seconds: i64) {
        if let Some(sketch) = &mut self.sketch {
            sketch.add(seconds as f64);
        } else if self.exact.len() < EXACT_LATENESS {
            self.exact.push(seconds);
        } else {
            let mut sketch =
                sketches_ddsketch::DDSketch::new(sketches_ddsketch::Config::defaults());
            for value in self.exact.drain(..).chain([seconds]) {
                sketch.add(value as f64);
            }
            self.sketch = Some(sketch);
        }
    }

    /// The values of both, as if added to one.
    #[allow(clippy::cast_precision_loss)]
    fn merge(&mut self, other: &Lateness) {
        match (&mut self.sketch, &other.sketch) {
            (None, None) if self.exact.len() + other.exact.len() <= EXACT_LATENESS => {
                self.exact.extend_from_slice(&other.exact);
            }
            (Some(sketch), Some(theirs)) => {
                // Both made with the same configuration: they merge.
                let _ = sketch.merge(theirs);
            }
            _ => {
                for value in &other.exact {
                    self.add(*value);
                }
                if let Some(theirs) = &other.sketch {
                    let mut sketch = self.sketch.take().unwrap_or_else(|| {
                        let mut sketch =
                            sketches_ddsketch::DDSketch::new(sketches_ddsketch::Config::defaults());
                        for value in self.exact.drain(..) {
                            sketch.add(value as f64);
                        }
                        sketch
                    });
                    let _ = sketch.merge(theirs);
                    self.sketch = Some(sketch);
                }
            }
        }
    }

    /// The `q` quantile by nearest rank: the smallest value with at least
    /// `q` of all values at or below it.
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    fn quantile(&self, q: f64) -> Option<i64> {
        if let Some(sketch) = &self.sketch {
            // The sketch ranks by ⌊q'·(n−1)⌋ (0-based); nearest rank is the
            // ⌈q·n⌉-th smallest: ask for the q' whose rank that is (half a
            // rank up, against rounding).
            let n = sketch.count();
            let rank = ((q * n as f64).ceil() as usize).clamp(1, n.max(1));
            let q = if n > 1 {
                ((rank as f64 - 0.5) / (n - 1) as f64).min(1.0)
            } else {
                0.0
            };
            return sketch.quantile(q).ok().flatten().map(|v| v.round() as i64);
        }
        let mut values = self.exact.clone();
        values.sort_unstable();
        let rank = ((q * values.len() as f64).ceil() as usize).max(1);
        values.get(rank - 1).copied()
    }
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
                    self.lateness.add(late.num_seconds());
                }
            }
            Verdict::Open => self.open += 1,
            Verdict::BestEffort => self.best_effort += 1,
        }
    }

    /// The `q` quantile (0 to 1) of the breached tickets' lateness, in
    /// seconds: exact (nearest rank) up to 1,024 breached tickets, within
    /// 1% beyond.
    pub fn lateness_quantile(&self, q: f64) -> Option<i64> {
        self.lateness.quantile(q)
    }

    /// Add another group's counts, as if its tickets had been counted here.
    pub fn merge(&mut self, other: &Tally) {
        self.tickets += other.tickets;
        self.met += other.met;
        self.breached += other.breached;
        self.open += other.open;
        self.best_effort += other.best_effort;
        self.worst_lateness = match (self.worst_lateness, other.worst_lateness) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.lateness.merge(&other.lateness);
        for (mine, theirs) in self.steps.iter_mut().zip(other.steps) {
            *mine += theirs;
        }
    }

    /// Count a judged history: its response and its escalation steps.
    pub fn add_history(&mut self, judgement: &Judgement) {
        self.add(judgement.response.verdict, judgement.response.late);
        for step in &judgement.escalations {
            let index = StepVerdict::ALL
                .iter()
                .position(|v| *v == step.verdict)
                .unwrap_or_default();
            self.steps[index] += 1;
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

/// Judge a ticket row's first response as of `as_of`: what happened after
/// it is not known (a response, notification or close after it is not
/// there yet, a pause going on then ends then). Against the priority in
/// force at the response (without one: at the close, or `as_of`); a close
/// without a response counts as the response (SPEC §9).
pub fn audit<'a>(ticket: &Ticket<'a>, as_of: DateTime<Utc>) -> Result<TicketAudit<'a>> {
    let times = ticket.times();
    let known = |t: Option<DateTime<Utc>>| t.filter(|t| *t <= as_of);
    let counted = known(times.responded).or(known(times.closed));
    let applies = counted.unwrap_or(as_of);
    let mut judged = ticket.clone();
    judged.changes.retain(|change| change.from <= applies);
    judged.pauses = ticket.pauses.until(as_of);
    let deadline = deadline::compute(&judged, false)?;
    let (verdict, lateness) = judge(deadline.response.due, counted, as_of);
    Ok(TicketAudit {
        late: lateness.filter(|_| verdict != Verdict::Open),
        deadline,
        responded: counted,
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

/// How an escalation step went (SPEC §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepVerdict {
    /// Closed before the step fell due, whatever was escalated.
    NotNeeded,
    /// Escalated at or before the step's instant.
    OnTime,
    /// Escalated after it.
    Late,
    /// Not escalated, and the instant has passed (by the close or as-of).
    Missed,
    /// Not escalated, and not due yet.
    Pending,
}

impl StepVerdict {
    /// In the order summaries count them.
    pub const ALL: [StepVerdict; 5] = [
        StepVerdict::OnTime,
        StepVerdict::Late,
        StepVerdict::Missed,
        StepVerdict::Pending,
        StepVerdict::NotNeeded,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StepVerdict::NotNeeded => "not_needed",
            StepVerdict::OnTime => "on_time",
            StepVerdict::Late => "late",
            StepVerdict::Missed => "missed",
            StepVerdict::Pending => "pending",
        }
    }
}

/// A response or a notification judged.
#[derive(Debug, Clone)]
pub struct Judged<'d> {
    /// The priority that applies: the one in force at the response (or,
    /// without one, at the close or as-of, whichever is first).
    pub priority: &'d Priority,
    pub target: Target,
    pub due: Option<DateTime<Utc>>,
    /// The instant that counts as the response: the first one, or else
    /// the close.
    pub at: Option<DateTime<Utc>>,
    pub verdict: Verdict,
    /// Wall-clock time from the due instant to the response (negative:
    /// early), or to as-of when breached without one.
    pub late: Option<TimeDelta>,
}

/// One escalation step judged.
#[derive(Debug, Clone)]
pub struct StepJudged {
    /// 1-based.
    pub step: usize,
    pub due: DateTime<Utc>,
    /// The holder the step hands the ticket to.
    pub reaches: String,
    /// The escalation that satisfied it.
    pub escalated_at: Option<DateTime<Utc>>,
    pub verdict: StepVerdict,
    pub late: Option<TimeDelta>,
}

/// A ticket's history judged at an instant (SPEC §9).
#[derive(Debug, Clone)]
pub struct Judgement<'d> {
    /// The history as it stood then.
    pub history: History<'d>,
    /// The ticket as judged: its waits as its pauses (a wait still going
    /// on ends at the close or as-of).
    pub ticket: Ticket<'d>,
    pub response: Judged<'d>,
    /// Only when the priority that applies has a notification target.
    pub notification: Option<Judged<'d>>,
    /// The steps whose ladder changes the holder.
    pub escalations: Vec<StepJudged>,
    /// The ticket's ladder the steps were judged on (`None`: the plan has
    /// no escalation matrix), for the queue's holder and next step.
    pub ladder: Option<Ladder<'d>>,
}

/// A history that could not be judged, and why.
#[derive(Debug)]
pub struct Unjudged<'d> {
    pub history: Box<History<'d>>,
    pub error: Error,
}

/// Judge a ticket's history at `as_of`: what happened after it is unknown.
pub fn judge_history(
    history: History<'_>,
    as_of: DateTime<Utc>,
) -> std::result::Result<Judgement<'_>, Unjudged<'_>> {
    let history = history.as_of(as_of);
    match judged_parts(&history, as_of) {
        Ok(Parts {
            ticket,
            response,
            notification,
            escalations,
            ladder,
        }) => Ok(Judgement {
            history,
            ticket,
            response,
            notification,
            escalations,
            ladder,
        }),
        Err(error) => Err(Unjudged {
            history: Box::new(history),
            error,
        }),
    }
}

/// What a judgement holds besides its history.
struct Parts<'d> {
    ticket: Ticket<'d>,
    response: Judged<'d>,
    notification: Option<Judged<'d>>,
    escalations: Vec<StepJudged>,
    ladder: Option<Ladder<'d>>,
}

/// A history's pauses, its response, its notification and its steps,
/// judged.
fn judged_parts<'d>(history: &History<'d>, as_of: DateTime<Utc>) -> Result<Parts<'d>> {
    let end = history.closed.unwrap_or(as_of);
    let mut waits = history.waits.clone();
    if let Some(since) = history.waiting_since {
        waits.push(Interval {
            start: since,
            end: end.max(since),
        });
    }
    let pauses =
        Pauses::new(waits).map_err(|_| Error::value("", "a pause ends before it starts"))?;
    // The ticket with its waits as its pauses.
    let ticket = Ticket {
        pauses,
        ..history.ticket.clone()
    };
    // The priority in force at the response (as recorded: a change at the
    // same instant later in the log does not apply), else at the close or
    // as-of.
    let judged = |counted: Option<DateTime<Utc>>,
                  recorded: Option<&'d Priority>,
                  target: fn(&Plan, &Priority) -> Option<Target>| {
        let priority =
            recorded.unwrap_or_else(|| ticket.period_at(counted.unwrap_or(end)).priority);
        target(ticket.plan, priority)
            .map(|target| -> Result<Judged> {
                let due = deadline::due(ticket.desk, target, ticket.opened, &ticket.pauses)?;
                let (verdict, late) = judge(due, counted, as_of);
                Ok(Judged {
                    priority,
                    target,
                    due,
                    at: counted,
                    verdict,
                    late: late.filter(|_| verdict != Verdict::Open),
                })
            })
            .transpose()
    };
    let response = judged(
        history.responded.or(history.closed),
        history.responded_priority,
        |plan, priority| Some(plan.response(priority)),
    )?
    .ok_or_else(|| Error::Lacking("a priority without a response target".into()))?;
    let notification = judged(
        history.notified.or(history.closed),
        history.notified_priority,
        Plan::notification,
    )?;
    let ladder = escalation::ladder(&ticket, LadderOf::EachStepsPriority)?;
    let escalations = ladder
        .as_ref()
        .map_or_else(Vec::new, |ladder| judge_steps(ladder, history, end));
    Ok(Parts {
        ticket,
        response,
        notification,
        escalations,
        ladder,
    })
}

/// Each step that changes the holder, judged (SPEC §9) on the ticket's
/// ladder ([`crate::escalation`]), each step with the ladder of the
/// priority in force at its instant.
fn judge_steps(ladder: &Ladder, history: &History, end: DateTime<Utc>) -> Vec<StepJudged> {
    let mut steps = Vec::new();
    for rung in ladder.rungs.iter().filter(|rung| rung.changes_holder) {
        let (Some(due), Some(reaches)) = (rung.due, rung.cell()) else {
            continue;
        };
        let escalated_at = history
            .escalations
            .iter()
            .find(|(_, to)| {
                rung.holders_from_here()
                    .any(|name| name.eq_ignore_ascii_case(to.trim()))
            })
            .map(|(at, _)| *at);
        let (verdict, late) = match escalated_at {
            _ if history.closed.is_some_and(|closed| closed <= due) => {
                (StepVerdict::NotNeeded, None)
            }
            Some(at) if at <= due => (StepVerdict::OnTime, Some(at - due)),
            Some(at) => (StepVerdict::Late, Some(at - due)),
            None if end > due => (StepVerdict::Missed, Some(end - due)),
            None => (StepVerdict::Pending, None),
        };
        steps.push(StepJudged {
            step: rung.index + 1,
            due,
            reaches: reaches.to_string(),
            escalated_at,
            verdict,
            late,
        });
    }
    steps
}

/// How an audit summary groups tickets (`--by`, SPEC §9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupBy {
    /// Plan × priority (the one that applies) × desk.
    PlanPriorityDesk,
    /// The local date of the opening at the desk: its day, ISO week or month.
    Opened(Period),
    /// A field of the ticket.
    Field(Field),
    /// Another column of the `opened` event (or the ticket row), by name.
    Column(String),
}

/// A span of the local calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl GroupBy {
    /// From `--by`: `opened:day|week|month`, a field, or any column.
    pub fn parse(by: Option<&str>) -> Result<GroupBy> {
        let Some(by) = by.map(str::trim) else {
            return Ok(GroupBy::PlanPriorityDesk);
        };
        if by.is_empty() {
            return Err(Error::value(
                by,
                "give a column to group by, or opened:day, opened:week or opened:month",
            ));
        }
        Ok(match by.to_ascii_lowercase().as_str() {
            "opened:day" => GroupBy::Opened(Period::Day),
            "opened:week" => GroupBy::Opened(Period::Week),
            "opened:month" => GroupBy::Opened(Period::Month),
            _ => match Field::from_header(by) {
                Some(
                    field @ (Field::Plan
                    | Field::Priority
                    | Field::Desk
                    | Field::Ticket
                    | Field::Id),
                ) => GroupBy::Field(field),
                _ => GroupBy::Column(by.to_string()),
            },
        })
    }

    /// The column an event log must keep for the grouping, if any.
    pub fn column(&self) -> Option<&str> {
        match self {
            GroupBy::Column(name) => Some(name),
            _ => None,
        }
    }

    /// The names of the group keys.
    pub fn names(&self, by: &str) -> Vec<String> {
        match self {
            GroupBy::PlanPriorityDesk => ["plan", "priority", "desk"].map(String::from).to_vec(),
            _ => vec![by.trim().to_string()],
        }
    }

    /// The group of a judged ticket (`None`: it has no value there).
    pub fn key(&self, judgement: &Judgement) -> Vec<Option<String>> {
        let history = &judgement.history;
        let priority = || judgement.response.priority.id.clone();
        let opened = || crate::time::local_date(history.ticket.desk.zone, history.ticket.opened);
        match self {
            GroupBy::PlanPriorityDesk => vec![
                Some(history.ticket.plan.name.clone()),
                Some(priority()),
                Some(history.ticket.desk.name.clone()),
            ],
            GroupBy::Opened(period) => vec![opened().map(|date| match period {
                Period::Day => date.format("%Y-%m-%d").to_string(),
                Period::Week => {
                    let week = date.iso_week();
                    format!("{}-W{:02}", week.year(), week.week())
                }
                Period::Month => date.format("%Y-%m").to_string(),
            })],
            GroupBy::Field(Field::Plan) => vec![Some(history.ticket.plan.name.clone())],
            GroupBy::Field(Field::Priority) => vec![Some(priority())],
            GroupBy::Field(Field::Desk) => vec![Some(history.ticket.desk.name.clone())],
            GroupBy::Field(_) => vec![Some(history.id.clone())],
            GroupBy::Column(_) => vec![history.by.clone()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breached(seconds: std::ops::RangeInclusive<i64>) -> Tally {
        let mut tally = Tally::default();
        for s in seconds {
            tally.add(Verdict::Breached, Some(TimeDelta::seconds(s)));
        }
        tally
    }

    /// The events of one ticket `T` as (type, at, value): `opened` takes
    /// `plan/priority/desk`, `priority` a priority, `escalated` a holder.
    fn events(events: &[(&str, &str, &str)]) -> Vec<crate::record::EventFields> {
        use crate::record::event::{EventFields, Kind, When};
        events
            .iter()
            .map(|(kind, at, value)| {
                let mut fields = EventFields {
                    ticket: Some("T".into()),
                    at: Some(When::read(at)),
                    kind: Some(Kind::read(kind)),
                    ..EventFields::default()
                };
                match *kind {
                    "opened" => {
                        let mut parts = value.split('/');
                        fields.plan = parts.next().map(Into::into);
                        fields.priority = parts.next().map(Into::into);
                        fields.desk = parts.next().map(Into::into);
                    }
                    "priority" => fields.priority = Some((*value).into()),
                    "escalated" => fields.to = Some((*value).into()),
                    _ => {}
                }
                fields
            })
            .collect()
    }

    /// What the recorder hands back for a ticket's events, as of 27 Nov.
    fn recorded(list: &[(&str, &str, &str)]) -> Vec<crate::history::Finished<'static>> {
        use crate::history::{Recorder, Statuses};
        let data = Box::leak(Box::new(crate::DataSet::embedded().unwrap()));
        let now = "2026-11-27T12:00:00Z".parse().unwrap();
        let mut recorder = Recorder::new(data, Statuses::default(), now, now);
        let mut out: Vec<_> = events(list)
            .into_iter()
            .zip(1..)
            .filter_map(|(fields, line)| recorder.event(line, fields))
            .collect();
        out.extend(recorder.finish().into_iter().map(Ok));
        out
    }

    /// The escalation steps of a ticket's history judged as of 27 Nov:
    /// (step, reaches, verdict, late seconds).
    fn judged_steps(list: &[(&str, &str, &str)]) -> Vec<(usize, String, StepVerdict, Option<i64>)> {
        let now = "2026-11-27T12:00:00Z".parse().unwrap();
        let history = recorded(list).remove(0).unwrap();
        judge_history(history, now)
            .unwrap()
            .escalations
            .iter()
            .map(|s| {
                (
                    s.step,
                    s.reaches.clone(),
                    s.verdict,
                    s.late.map(|l| l.num_seconds()),
                )
            })
            .collect()
    }

    /// A step whose cell names the holder the ticket already has changes
    /// nothing and is not judged, whichever ladder the holder came from
    /// (SPEC §9; the one ladder of `escalation`).
    #[test]
    fn a_step_to_the_holder_the_ticket_already_has_is_not_judged() {
        // Gold P1 on the americas desk (Mon-Fri 07:00-17:00 New York,
        // -05:00 in November; Saturday 07:00-12:00 on gold's extended
        // clock), opened Tue 17 Nov 13:49:22, 3h10m38s left that day.
        // Steps (2, 4, 8, 16, 40 business hours):
        //   D1 = Tue 15:49:22; D2 = Wed 07:49:22; D3 = Tue 3h10m38s + Wed
        //   4h49m22s = Wed 11:49:22; D4 = Tue + Wed 10h + Thu 2h49m22s =
        //   Thu 09:49:22; D5 = Tue + Wed + Thu + Fri (33h10m38s) + Sat 5h +
        //   Mon 1h49m22s = Mon 23 08:49:22.
        // P1's ladder: Team Leader, -, Support Manager, Co-CEO and CTO, -.
        // P2's ladder: Support Team, Team Leader, -, Support Manager,
        // Co-CEO and CTO. P2 from Thu 07:27:49; closed Thu 10:55:01.
        //   Step 1 (P1): Support Team -> Team Leader, escalated 15:24:56:
        //     on time, 24m26s = 1466 s early.
        //   Step 2 (P1): empty cell, not judged.
        //   Step 3 (P1): Team Leader -> Support Manager, never escalated,
        //     closed after D3: missed by Wed 11:49:22 -> Thu 10:55:01 =
        //     23h05m39s = 83139 s.
        //   Step 4 (P2 at D4): Support Manager, whom the ticket already
        //     has: not judged.
        //   Step 5 (P2): Support Manager -> Co-CEO and CTO, closed before
        //     D5: not needed.
        let steps = judged_steps(&[
            ("opened", "2026-11-17T13:49:22-05:00", "gold/P1/americas"),
            ("responded", "2026-11-17T14:18:56-05:00", ""),
            ("escalated", "2026-11-17T15:24:56-05:00", "Team Leader"),
            ("priority", "2026-11-19T07:27:49-05:00", "P2"),
            ("closed", "2026-11-19T10:55:01-05:00", ""),
        ]);
        assert_eq!(
            steps,
            [
                (1, "Team Leader".into(), StepVerdict::OnTime, Some(-1466)),
                (
                    3,
                    "Support Manager".into(),
                    StepVerdict::Missed,
                    Some(83139)
                ),
                (5, "Co-CEO and CTO".into(), StepVerdict::NotNeeded, None),
            ]
        );
    }

    /// The response of a ticket's history: (priority, due, verdict, late).
    fn judged_response(list: &[(&str, &str, &str)]) -> (String, String, Verdict, Option<i64>) {
        let now = "2026-11-27T12:00:00Z".parse().unwrap();
        let history = recorded(list).remove(0).unwrap();
        let r = judge_history(history, now).unwrap().response;
        let zone = crate::time::Tz::Europe__Rome;
        (
            r.priority.id.clone(),
            crate::time::rfc3339(r.due.unwrap(), zone),
            r.verdict,
            r.late.map(|l| l.num_seconds()),
        )
    }

    /// SPEC §9: equal instants apply in file order; a response followed on
    /// the file by a priority change at the same instant is judged at the
    /// old priority.
    #[test]
    fn a_priority_change_after_a_response_at_the_same_instant_does_not_apply_to_it() {
        // Gold at the europe desk (Mon-Fri 09:00-18:00 Rome, +01:00),
        // opened Mon 23 Nov 10:00 as P4 (8 business hours: Mon 10:00-18:00,
        // due Mon 18:00), answered at 10:30. P1 (60 business minutes: due
        // 11:00) from 10:30 too.
        let opened = ("opened", "2026-11-23T10:00:00+01:00", "gold/P4/europe");
        let responded = ("responded", "2026-11-23T10:30:00+01:00", "");
        let to_p1 = ("priority", "2026-11-23T10:30:00+01:00", "P1");
        // Response first: judged at P4, due Mon 18:00, met 7 h 30 m early
        // (10:30 to 18:00 = 27,000 s).
        assert_eq!(
            judged_response(&[opened, responded, to_p1]),
            (
                "P4".into(),
                "2026-11-23T18:00:00+01:00".into(),
                Verdict::Met,
                Some(-27_000)
            )
        );
        // The change first: judged at P1, due 11:00, met 30 m early.
        assert_eq!(
            judged_response(&[opened, to_p1, responded]),
            (
                "P1".into(),
                "2026-11-23T11:00:00+01:00".into(),
                Verdict::Met,
                Some(-1_800)
            )
        );
    }

    /// SPEC §9: the order check applies to every line, whatever as-of: an
    /// event that goes back in time fails its ticket even after as-of.
    #[test]
    fn events_out_of_order_after_as_of_fail_their_ticket() {
        // As-of is 27 Nov 12:00 UTC; the response on 28 Nov is after it
        // (ignored), the close on 27 Nov 23:00 is after it too but earlier
        // than the response before it in the log.
        let finished = recorded(&[
            ("opened", "2026-11-23T10:00:00+01:00", "gold/P2/europe"),
            ("responded", "2026-11-28T10:00:00+01:00", ""),
            ("closed", "2026-11-27T23:00:00+01:00", ""),
        ]);
        let failed = finished[0].as_ref().unwrap_err();
        assert_eq!(failed.line, 3);
        assert!(
            failed.message.contains("earlier than the one before it"),
            "{}",
            failed.message
        );
    }

    /// A ticket row (gold P2 at the europe desk) resolved at 27 Nov.
    fn row(
        opened: &str,
        pauses: &[&'static str],
        responded: Option<&'static str>,
        closed: Option<&'static str>,
    ) -> crate::Result<Ticket<'static>> {
        use crate::record::{ExtraFields, TicketFields};
        let data = Box::leak(Box::new(crate::DataSet::embedded().unwrap()));
        let fields = TicketFields {
            plan: "gold".into(),
            priority: Some("P2".into()),
            desk: "europe".into(),
            opened: opened.to_string().into(),
            pauses: pauses.iter().map(|p| (*p).into()).collect(),
            extra: Some(Box::new(ExtraFields {
                responded: responded.map(Into::into),
                closed: closed.map(Into::into),
                ..ExtraFields::default()
            })),
            ..TicketFields::default()
        };
        let now = "2026-11-27T12:00:00Z".parse().unwrap();
        crate::resolve::Resolver::new(data, now).ticket(&fields)
    }

    /// SPEC §9: ticket rows judged as of T ignore what happened after T;
    /// a pause going on at T ends at T.
    #[test]
    fn a_ticket_row_audited_as_of_an_instant_ignores_what_came_after_it() {
        // Gold P2 (2 business hours) at the europe desk, opened Mon 23 Nov
        // 10:00 (+01:00): due 12:00. Answered 15:00, audited as of 11:00:
        // the response is not there yet, due 12:00 is after as-of: open.
        let as_of = "2026-11-23T10:00:00Z".parse().unwrap();
        let ticket = row(
            "2026-11-23T10:00:00+01:00",
            &[],
            Some("2026-11-23T15:00:00+01:00"),
            None,
        )
        .unwrap();
        let judged = audit(&ticket, as_of).unwrap();
        assert_eq!(
            (judged.verdict, judged.responded, judged.late),
            (Verdict::Open, None, None)
        );
        // Closed at 15:00, as of 13:00 (12:00 UTC): no close yet, due
        // passed an hour ago: breached by 3,600 s.
        let as_of = "2026-11-23T12:00:00Z".parse().unwrap();
        let ticket = row(
            "2026-11-23T10:00:00+01:00",
            &[],
            None,
            Some("2026-11-23T15:00:00+01:00"),
        )
        .unwrap();
        let judged = audit(&ticket, as_of).unwrap();
        assert_eq!(judged.verdict, Verdict::Breached);
        assert_eq!(judged.late.map(|l| l.num_seconds()), Some(3_600));
        // Paused 10:30-13:00, as of 11:00: the pause ends at 11:00, so
        // 30 minutes are paused and the response is due 12:30, not 14:30.
        let as_of = "2026-11-23T10:00:00Z".parse().unwrap();
        let ticket = row(
            "2026-11-23T10:00:00+01:00",
            &["2026-11-23T10:30:00+01:00/2026-11-23T13:00:00+01:00"],
            None,
            None,
        )
        .unwrap();
        let due = audit(&ticket, as_of)
            .unwrap()
            .deadline
            .response
            .due
            .unwrap();
        assert_eq!(
            due,
            "2026-11-23T11:30:00Z".parse::<DateTime<Utc>>().unwrap()
        );
    }

    /// SPEC §9: a ticket row closed, responded or notified before its
    /// opening is an error of its line, not a `met` verdict.
    #[test]
    fn a_ticket_row_closed_before_its_opening_is_an_error() {
        let error = row(
            "2026-11-23T10:00:00+01:00",
            &[],
            None,
            Some("2026-11-23T09:00:00+01:00"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            "closed '2026-11-23T09:00:00+01:00' is before the ticket was opened"
        );
        let error = row(
            "2026-11-23T10:00:00+01:00",
            &[],
            Some("2026-11-22T10:00:00+01:00"),
            None,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            "responded '2026-11-22T10:00:00+01:00' is before the ticket was opened"
        );
    }

    /// SPEC §9: a second `opened` is an error of its line; a ticket is
    /// never judged twice (it once started a new ticket of the same id).
    #[test]
    fn a_ticket_opened_again_after_its_close_is_not_judged_twice() {
        let finished = recorded(&[
            ("opened", "2026-11-23T10:00:00+01:00", "gold/P2/europe"),
            ("closed", "2026-11-23T11:00:00+01:00", ""),
            ("opened", "2026-11-23T12:00:00+01:00", "gold/P2/europe"),
            ("responded", "2026-11-23T12:30:00+01:00", ""),
        ]);
        assert_eq!(finished.len(), 2, "{finished:?}");
        assert_eq!(finished[0].as_ref().unwrap().line, 1);
        let failed = finished[1].as_ref().unwrap_err();
        assert_eq!(
            (failed.line, failed.message.as_str()),
            (3, "ticket 'T' is opened twice")
        );
    }

    /// SPEC §9: closed at or before Dk, whatever was escalated, is
    /// `not_needed` — also closed exactly at Dk.
    #[test]
    fn a_step_closed_exactly_at_its_instant_is_not_needed() {
        // Gold P2 at the europe desk (Mon-Fri 09:00-18:00 Rome, +01:00),
        // opened Mon 23 Nov 10:00. P2's ladder: Support Team (the initial
        // holder: step 1 not judged), Team Leader, -, Support Manager,
        // Co-CEO and CTO. D2 = 4 business hours = Mon 14:00; D4 = 16 h =
        // Mon 8 h + Tue 8 h = Tue 17:00; D5 = 40 h = Mon 8 + Tue 9 + Wed 9
        // + Thu 9 + Fri 5 = Fri 27 14:00. Closed Mon 14:00, exactly at D2.
        let steps = judged_steps(&[
            ("opened", "2026-11-23T10:00:00+01:00", "gold/P2/europe"),
            ("closed", "2026-11-23T14:00:00+01:00", ""),
        ]);
        assert_eq!(
            steps,
            [
                (2, "Team Leader".into(), StepVerdict::NotNeeded, None),
                (4, "Support Manager".into(), StepVerdict::NotNeeded, None),
                (5, "Co-CEO and CTO".into(), StepVerdict::NotNeeded, None),
            ]
        );
    }

    /// The nearest-rank value (the ⌈q·n⌉-th smallest) of `values`.
    fn nearest_rank(values: &[i64], q: f64) -> i64 {
        let mut sorted = values.to_vec();
        sorted.sort_unstable();
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let rank = (q * sorted.len() as f64).ceil() as usize;
        sorted[rank.max(1) - 1]
    }

    #[test]
    fn the_sketch_quantile_is_the_nearest_rank_within_one_percent() {
        // 1,025 breached tickets (one past the 1,024 kept exactly): 920
        // late by 1..=920 s, then 105 late by a day or more. Nearest rank:
        // p90 is the ⌈0.9 × 1025⌉ = 923rd smallest, the 3rd of the long
        // tail (86,400 + 2·10,000 s); ranking by ⌊0.9 × 1024⌋ + 1 = 922nd
        // would give the 2nd, 10% less. The median is the 513th: 513 s.
        let mut values: Vec<i64> = (1..=920).collect();
        values.extend((0..105).map(|k| 86_400 + k * 10_000));
        let mut tally = Tally::default();
        for v in &values {
            tally.add(Verdict::Breached, Some(TimeDelta::seconds(*v)));
        }
        assert_eq!(nearest_rank(&values, 0.9), 106_400);
        assert_eq!(nearest_rank(&values, 0.5), 513);
        let within = |got: i64, exact: i64| (got - exact).abs() * 100 <= exact;
        for q in [0.5, 0.9] {
            let got = tally.lateness_quantile(q).unwrap();
            assert!(within(got, nearest_rank(&values, q)), "q {q}: {got}");
        }
        // 100,000 with a heavy tail: 90,000 of 1..=90,000 s and 10,000 of
        // 10^6 + k·10^3 s. p90 is the 90,000th smallest: 90,000 s; the
        // 90,001st would be 10^6 s.
        let mut values: Vec<i64> = (1..=90_000).collect();
        values.extend((0..10_000).map(|k| 1_000_000 + k * 1_000));
        let mut tally = Tally::default();
        for v in &values {
            tally.add(Verdict::Breached, Some(TimeDelta::seconds(*v)));
        }
        assert_eq!(nearest_rank(&values, 0.9), 90_000);
        for q in [0.5, 0.9, 0.99] {
            let got = tally.lateness_quantile(q).unwrap();
            assert!(within(got, nearest_rank(&values, q)), "q {q}: {got}");
        }
    }

    #[test]
    fn merged_tallies_count_as_one() {
        // 1..=1600 seconds late, counted in two halves of 800 (each kept
        // exactly, their union past the 1,024 exact values: a sketch). By
        // nearest rank the median of 1..=1600 is 800, the 90th percentile
        // 1440; the sketch is within 1 % of each.
        let mut merged = breached(1..=800);
        merged.merge(&breached(801..=1600));
        assert_eq!(merged.tickets, 1600);
        assert_eq!(merged.breached, 1600);
        assert_eq!(merged.worst_lateness, Some(TimeDelta::seconds(1600)));
        let within = |got: Option<i64>, exact: i64| {
            let got = got.unwrap();
            assert!((got - exact).abs() * 100 <= exact, "{got} vs {exact}");
        };
        within(merged.lateness_quantile(0.5), 800);
        within(merged.lateness_quantile(0.9), 1440);
        // Small halves stay exact: 1..=10 and 11..=20, median 10, p90 18.
        let mut small = breached(1..=10);
        small.merge(&breached(11..=20));
        assert_eq!(small.lateness_quantile(0.5), Some(10));
        assert_eq!(small.lateness_quantile(0.9), Some(18));
        // A sketch merged with a sketch.
        let mut big = breached(1..=2000);
        big.merge(&breached(2001..=4000));
        within(big.lateness_quantile(0.5), 2000);
    }
}
