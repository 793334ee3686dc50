//! `audit --events`: judged ticket histories (one JSON line, CSV row or
//! table row a ticket) and their summary per group (SPEC §9).

use chrono::{DateTime, Utc};
use serde::Serialize;

use slacalc::audit::{Judged, Judgement, StepVerdict, Tally};
use slacalc::time::Tz;

use super::audit::CountsJson;
use super::{rfc3339, HistoryHead};

// A pause as its ticket's output lists it.
#[derive(Serialize, schemars::JsonSchema)]
struct PauseJson {
    from: String,
    to: String,
}

// A response or a P1 notification judged.
#[derive(Serialize, schemars::JsonSchema)]
struct JudgedJson {
    /// The priority that applies: in force at the response (without one,
    /// at the close or as-of, whichever is first).
    priority: String,
    /// The target, in words.
    target: String,
    /// null: best effort.
    due: Option<String>,
    /// The first response (notification), or the close that counts as it.
    responded: Option<String>,
    /// `met`, `breached`, `open` or `best_effort`.
    verdict: &'static str,
    /// Wall-clock seconds from due to the response (negative: early), or
    /// to as-of when breached without one.
    late_seconds: Option<i64>,
}

impl JudgedJson {
    fn new(judged: &Judged, zone: Tz) -> JudgedJson {
        let (due, responded, verdict, late_seconds) =
            super::verdict_cells(judged.due, judged.at, judged.verdict, judged.late, zone);
        JudgedJson {
            priority: judged.priority.id.clone(),
            target: super::target(judged.target),
            due,
            responded,
            verdict,
            late_seconds,
        }
    }
}

// An escalation step judged.
#[derive(Serialize, schemars::JsonSchema)]
struct StepJson {
    step: usize,
    due: String,
    /// The holder the step hands the ticket to.
    reaches: String,
    /// The first escalation to that holder or a later one of the ladder.
    escalated_at: Option<String>,
    /// `on_time`, `late`, `missed`, `pending` or `not_needed`.
    verdict: &'static str,
    late_seconds: Option<i64>,
}

/// One ticket's history judged (`audit --events --tickets`).
#[derive(Serialize, schemars::JsonSchema)]
pub struct HistoryJson {
    #[serde(flatten)]
    head: HistoryHead,
    closed: Option<String>,
    /// The waits, as their union; one still going on ends at as-of.
    pauses: Vec<PauseJson>,
    response: JudgedJson,
    /// Only when the priority that applies has a notification target (P1).
    notification: Option<JudgedJson>,
    /// The steps that change who holds the ticket.
    escalations: Vec<StepJson>,
}

impl HistoryJson {
    pub fn new(judgement: &Judgement) -> HistoryJson {
        let history = &judgement.history;
        let zone = history.ticket.desk().zone;
        let at = |t: DateTime<Utc>| rfc3339(t, zone);
        HistoryJson {
            head: HistoryHead::new(history, judgement.response.priority),
            closed: history.closed.map(at),
            pauses: judgement
                .ticket
                .pauses()
                .as_slice()
                .iter()
                .map(|p| PauseJson {
                    from: at(p.start),
                    to: at(p.end),
                })
                .collect(),
            response: JudgedJson::new(&judgement.response, zone),
            notification: judgement
                .notification
                .as_ref()
                .map(|n| JudgedJson::new(n, zone)),
            escalations: judgement
                .escalations
                .iter()
                .map(|s| StepJson {
                    step: s.step,
                    due: at(s.due),
                    reaches: s.reaches.clone(),
                    escalated_at: s.escalated_at.map(at),
                    verdict: s.verdict.name(),
                    late_seconds: s.late.map(|d| d.num_seconds()),
                })
                .collect(),
        }
    }
}

/// A ticket that could not be judged, in its place.
#[derive(Serialize, schemars::JsonSchema)]
pub struct FailedTicketJson {
    pub line: u64,
    pub ticket: String,
    pub error: String,
}

/// One judged ticket as a CSV row: the head, then the response and
/// notification flat and the escalation steps counted by verdict.
pub type HistoryRow = (HistoryHead, HistoryCells);

#[derive(Serialize)]
pub struct HistoryCells {
    closed: Option<String>,
    paused_seconds: i64,
    response_due: Option<String>,
    responded: Option<String>,
    response_verdict: &'static str,
    response_late_seconds: Option<i64>,
    notification_due: Option<String>,
    notified: Option<String>,
    notification_verdict: Option<&'static str>,
    notification_late_seconds: Option<i64>,
    escalations_on_time: usize,
    escalations_late: usize,
    escalations_missed: usize,
    escalations_pending: usize,
    escalations_not_needed: usize,
}

/// A judged ticket as one CSV row.
pub fn history_row(judgement: &Judgement) -> HistoryRow {
    let json = HistoryJson::new(judgement);
    let count = |verdict: StepVerdict| {
        judgement
            .escalations
            .iter()
            .filter(|s| s.verdict == verdict)
            .count()
    };
    let notification = json.notification.as_ref();
    let cells = HistoryCells {
        closed: json.closed,
        paused_seconds: judgement
            .ticket
            .pauses()
            .as_slice()
            .iter()
            .map(|p| p.length().num_seconds())
            .sum(),
        response_due: json.response.due,
        responded: json.response.responded,
        response_verdict: json.response.verdict,
        response_late_seconds: json.response.late_seconds,
        notification_due: notification.and_then(|n| n.due.clone()),
        notified: notification.and_then(|n| n.responded.clone()),
        notification_verdict: notification.map(|n| n.verdict),
        notification_late_seconds: notification.and_then(|n| n.late_seconds),
        escalations_on_time: count(StepVerdict::OnTime),
        escalations_late: count(StepVerdict::Late),
        escalations_missed: count(StepVerdict::Missed),
        escalations_pending: count(StepVerdict::Pending),
        escalations_not_needed: count(StepVerdict::NotNeeded),
    };
    (json.head, cells)
}

/// Escalation steps of a group, by verdict.
#[derive(Serialize, schemars::JsonSchema)]
struct StepCountsJson {
    on_time: u64,
    late: u64,
    missed: u64,
    pending: u64,
    not_needed: u64,
}

/// One group of the summary: its keys (plan, priority and desk, or the
/// `--by` field), then its counts.
#[derive(Serialize, schemars::JsonSchema)]
pub struct GroupJson {
    #[serde(flatten)]
    keys: std::collections::BTreeMap<String, Option<String>>,
    #[serde(flatten)]
    counts: CountsJson,
    /// By nearest rank: exact up to 1,024 breached tickets, then within 1%
    /// (a `DDSketch` keeps memory bounded).
    median_late_seconds: Option<i64>,
    /// Like the median.
    p90_late_seconds: Option<i64>,
    escalations: StepCountsJson,
}

impl GroupJson {
    pub fn new(names: &[String], values: &[Option<String>], tally: &Tally) -> GroupJson {
        let [on_time, late, missed, pending, not_needed] = tally.steps;
        GroupJson {
            keys: names.iter().cloned().zip(values.iter().cloned()).collect(),
            counts: CountsJson::new(tally),
            median_late_seconds: tally.lateness_quantile(0.5),
            p90_late_seconds: tally.lateness_quantile(0.9),
            escalations: StepCountsJson {
                on_time,
                late,
                missed,
                pending,
                not_needed,
            },
        }
    }
}

/// The summary document of `audit --events`.
#[derive(Serialize, schemars::JsonSchema)]
pub struct SummaryJson {
    /// The instant judged at (RFC 3339, UTC).
    pub as_of: String,
    #[serde(flatten)]
    pub passed_over: PassedOverJson,
    /// The first lines and tickets that failed (at most 100).
    pub failed_lines: Vec<FailedTicketJson>,
    pub summary: Vec<GroupJson>,
}

/// What a summary could not count.
#[derive(Serialize, schemars::JsonSchema)]
pub struct PassedOverJson {
    /// Lines and tickets that failed.
    pub errors: u64,
    /// Events of types the log does not know, ignored (SPEC §9).
    pub ignored_events: u64,
}

/// Either shape of `audit --events --format json`.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)]
enum AuditEventsJson {
    Summary(SummaryJson),
    Ticket(HistoryJson),
    Failed(FailedTicketJson),
}

/// The JSON Schema of `audit --events`'s output, each shape.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(AuditEventsJson)
}

/// The summary as CSV: one row a group, escalation counts flat.
pub fn summary_csv(
    names: &[String],
    groups: &[(Vec<Option<String>>, Tally)],
) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = names.to_vec();
    header.extend(
        [
            "tickets",
            "met",
            "breached",
            "open",
            "best_effort",
            "compliance_percent",
            "worst_late_seconds",
            "median_late_seconds",
            "p90_late_seconds",
            "escalations_on_time",
            "escalations_late",
            "escalations_missed",
            "escalations_pending",
            "escalations_not_needed",
        ]
        .map(String::from),
    );
    writer.write_record(&header)?;
    for (values, tally) in groups {
        let g = GroupJson::new(names, values, tally);
        let mut row: Vec<String> = values
            .iter()
            .map(|v| v.clone().unwrap_or_default())
            .collect();
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let c = &g.counts;
        row.extend([
            c.tickets.to_string(),
            c.met.to_string(),
            c.breached.to_string(),
            c.open.to_string(),
            c.best_effort.to_string(),
            c.compliance_percent
                .map(|c| c.to_string())
                .unwrap_or_default(),
            opt(c.worst_late_seconds),
            opt(g.median_late_seconds),
            opt(g.p90_late_seconds),
            g.escalations.on_time.to_string(),
            g.escalations.late.to_string(),
            g.escalations.missed.to_string(),
            g.escalations.pending.to_string(),
            g.escalations.not_needed.to_string(),
        ]);
        writer.write_record(&row)?;
    }
    Ok(String::from_utf8(
        writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?,
    )?)
}

/// The summary as a table, then one line per failed ticket or line.
/// Narrow: short headers, no open count (the JSON and CSV have it).
pub fn summary_table(
    names: &[String],
    groups: &[(Vec<Option<String>>, Tally)],
    failed: &[FailedTicketJson],
    screen: super::Screen,
) -> String {
    let narrow = screen.narrower_than(120);
    let counts: &[&str] = if narrow {
        &["n", "met", "miss", "met%", "median", "steps"]
    } else {
        &[
            "tickets",
            "met",
            "breached",
            "open",
            "compliance",
            "median lateness",
            "steps on time/late/missed",
        ]
    };
    let keys = names.iter().map(|n| {
        if narrow && n == "priority" {
            "pri"
        } else {
            n.as_str()
        }
    });
    let header: Vec<&str> = keys.chain(counts.iter().copied()).collect();
    let mut table = screen.table(&header);
    super::keep_whole(&mut table, &(0..header.len()).collect::<Vec<_>>());
    for (values, tally) in groups {
        let mut row: Vec<comfy_table::Cell> = values
            .iter()
            .map(|v| v.as_deref().map_or_else(|| "-".into(), super::shown).into())
            .collect();
        let [on_time, late, missed, ..] = tally.steps;
        row.extend([
            tally.tickets.to_string().into(),
            tally.met.to_string().into(),
            screen.alarm(tally.breached.to_string(), tally.breached > 0),
        ]);
        if !narrow {
            row.push(tally.open.to_string().into());
        }
        row.extend([
            tally
                .compliance()
                .map_or("-".into(), |c| format!("{c:.1}%"))
                .into(),
            tally
                .lateness_quantile(0.5)
                .map_or("-".into(), |s| super::span(chrono::TimeDelta::seconds(s)))
                .into(),
            screen.alarm(format!("{on_time}/{late}/{missed}"), missed > 0),
        ]);
        table.add_row(row);
    }
    let mut text = format!("{table}\n");
    for f in failed {
        text.push_str(&screen.fit(&format!("line {}: {}\n", f.line, f.error)));
    }
    text
}

/// Judged tickets as a table, one row a ticket. Narrow: short times and
/// headers, cells wrapping between words.
pub fn tickets_table(rows: Vec<TicketRow>, screen: super::Screen) -> String {
    let (mut table, _) = super::ticket_table(screen, &TICKET_COLUMNS, 5);
    for row in rows {
        table.add_row(row.0);
    }
    format!("{table}\n")
}

/// The columns after the response due of a judged ticket's table row.
const TICKET_COLUMNS: [(&str, &str); 3] = [
    ("verdict", "verdict"),
    ("late", "late"),
    ("steps", "steps on time/late/missed"),
];

/// A judged ticket's row of the table, made as the ticket is judged: a
/// table of many tickets keeps their rows, not their histories.
pub struct TicketRow(Vec<comfy_table::Cell>);

impl TicketRow {
    pub fn new(j: &Judgement, screen: super::Screen) -> TicketRow {
        let narrow = screen.narrower_than(120);
        let h = &j.history;
        let count = |v: StepVerdict| j.escalations.iter().filter(|s| s.verdict == v).count();
        let missed = count(StepVerdict::Missed);
        let due = j.response.due.map_or("best effort".into(), |t| {
            super::table_time(narrow, t, h.ticket.desk().zone)
        });
        let mut row: Vec<comfy_table::Cell> = vec![
            super::shown(&h.id).into(),
            h.ticket.plan().name.clone().into(),
            j.response.priority.id.clone().into(),
            h.ticket.desk().name.clone().into(),
            due.into(),
        ];
        row.extend(super::verdict_table_cells(
            screen,
            j.response.verdict,
            j.response.late,
        ));
        let steps = format!(
            "{}/{}/{missed}",
            count(StepVerdict::OnTime),
            count(StepVerdict::Late)
        );
        row.push(screen.alarm(steps, missed > 0));
        TicketRow(row)
    }
}
