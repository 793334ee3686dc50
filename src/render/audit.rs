//! Audit results: a verdict per ticket (JSON or CSV row), and the summary
//! per plan × priority × desk as JSON, CSV or a table.

use serde::Serialize;

use slacalc::audit::{Summary, Tally, TicketAudit};

use super::rfc3339;

#[derive(Serialize, schemars::JsonSchema)]
pub struct TicketVerdictJson<'a> {
    id: Option<serde_json::Value>,
    plan: &'a str,
    priority: &'a str,
    desk: &'a str,
    opened: String,
    due: Option<String>,
    responded: Option<String>,
    verdict: &'static str,
    late_seconds: Option<i64>,
}

impl<'a> TicketVerdictJson<'a> {
    pub fn new(id: Option<serde_json::Value>, a: &TicketAudit<'a>) -> TicketVerdictJson<'a> {
        let d = &a.deadline;
        let zone = d.desk.zone;
        let (due, responded, verdict, late_seconds) =
            super::verdict_cells(d.response.due, a.responded, a.verdict, a.late, zone);
        TicketVerdictJson {
            id,
            plan: &d.plan.name,
            priority: &d.priority.id,
            desk: &d.desk.name,
            opened: rfc3339(d.opened, zone),
            due,
            responded,
            verdict,
            late_seconds,
        }
    }
}

/// Ticket rows judged, one table row each in input order: id, plan,
/// priority, desk, response due, responded, verdict and lateness. Names
/// and ids are escaped: a table row stays one line.
pub fn tickets_table(
    rows: &[(Option<serde_json::Value>, TicketAudit)],
    screen: super::Screen,
) -> String {
    let more = [
        ("responded", "responded"),
        ("verdict", "verdict"),
        ("late", "late"),
    ];
    let (mut table, narrow) = super::ticket_table(screen, &more, 6);
    for (id, a) in rows {
        let d = &a.deadline;
        let when = |t| super::table_time(narrow, t, d.desk.zone);
        let id = id.as_ref().map(super::csv_field).unwrap_or_default();
        let mut row: Vec<comfy_table::Cell> = vec![
            super::shown(&id).into(),
            d.plan.name.clone().into(),
            d.priority.id.clone().into(),
            d.desk.name.clone().into(),
            d.response.due.map_or("best effort".into(), when).into(),
            a.responded.map_or("-".into(), when).into(),
        ];
        row.extend(super::verdict_table_cells(screen, a.verdict, a.late));
        table.add_row(row);
    }
    format!("{table}\n")
}

// The group of a ticket-row summary row.
#[derive(Serialize, schemars::JsonSchema)]
struct SummaryKeyJson {
    plan: String,
    priority: String,
    desk: String,
}

#[derive(Serialize, schemars::JsonSchema)]
struct SummaryRowJson {
    #[serde(flatten)]
    key: SummaryKeyJson,
    #[serde(flatten)]
    counts: CountsJson,
}

// How a group's tickets fared, as every summary opens its counts.
#[derive(Serialize, schemars::JsonSchema)]
pub struct CountsJson {
    pub tickets: u64,
    pub met: u64,
    pub breached: u64,
    pub open: u64,
    pub best_effort: u64,
    /// met ÷ (met + breached) × 100, to two decimals.
    pub compliance_percent: Option<f64>,
    pub worst_late_seconds: Option<i64>,
}

impl CountsJson {
    pub fn new(t: &Tally) -> CountsJson {
        CountsJson {
            tickets: t.tickets,
            met: t.met,
            breached: t.breached,
            open: t.open,
            best_effort: t.best_effort,
            compliance_percent: t.compliance().map(|c| (c * 100.0).round() / 100.0),
            worst_late_seconds: t.worst_lateness.map(|d| d.num_seconds()),
        }
    }
}

fn rows(summary: &Summary) -> Vec<SummaryRowJson> {
    summary
        .iter()
        .map(|((plan, priority, desk), t)| SummaryRowJson {
            key: SummaryKeyJson {
                plan: plan.clone(),
                priority: priority.clone(),
                desk: desk.clone(),
            },
            counts: CountsJson::new(t),
        })
        .collect()
}

/// The summary as one JSON document, with the count of failed lines and
/// a bounded sample of them, each as its file line and error.
pub fn summary_json(
    summary: &Summary,
    errors: u64,
    failed: &[(u64, String)],
) -> anyhow::Result<String> {
    super::json(&SummaryDocJson {
        errors,
        failed_lines: failed
            .iter()
            .map(|(line, error)| FailedLineJson {
                error: error.clone(),
                line: *line,
            })
            .collect(),
        summary: rows(summary),
    })
}

/// The summary document (fields in the order they have always had).
#[derive(Serialize, schemars::JsonSchema)]
struct SummaryDocJson {
    errors: u64,
    failed_lines: Vec<FailedLineJson>,
    summary: Vec<SummaryRowJson>,
}

/// A line of the input that failed: its file line and what was wrong.
#[derive(Serialize, schemars::JsonSchema)]
struct FailedLineJson {
    error: String,
    line: u64,
}

/// Either shape of `audit --format json`: the summary document, or (with
/// `--tickets`) one line per ticket.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum AuditJson {
    Summary(SummaryDocJson),
    Ticket(TicketVerdictJson<'static>),
    /// A line of `--tickets` that failed, in its place.
    Error(super::BatchErrorJson),
}

/// The JSON Schema of `audit`'s output, both shapes.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(AuditJson)
}

/// The summary as CSV, one row per plan × priority × desk.
pub fn summary_csv(summary: &Summary) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows(summary) {
        // A tuple, not the flattened struct: CSV writes no maps.
        writer.serialize((row.key, row.counts))?;
    }
    Ok(String::from_utf8(
        writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?,
    )?)
}

/// The summary as a table, then one line per failed line.
pub fn summary_table(summary: &Summary, failed: &[(u64, String)], screen: super::Screen) -> String {
    // Narrow: short headers ("miss": breached, "b.e.": best effort,
    // "met %": compliance).
    let header: &[&str] = if screen.narrower_than(120) {
        &[
            "plan", "pri", "desk", "n", "met", "miss", "open", "b.e.", "met %", "worst",
        ]
    } else {
        &[
            "plan",
            "priority",
            "desk",
            "tickets",
            "met",
            "breached",
            "open",
            "best effort",
            "compliance",
            "worst lateness",
        ]
    };
    let mut table = screen.table(header);
    // Names are never cut: other columns wrap first.
    super::keep_whole(&mut table, &[0, 2, 5, 8]);
    for SummaryRowJson { key, counts: r } in rows(summary) {
        let breached = r.breached > 0;
        table.add_row(vec![
            key.plan.into(),
            key.priority.into(),
            key.desk.into(),
            r.tickets.to_string().into(),
            r.met.to_string().into(),
            screen.alarm(r.breached.to_string(), breached),
            r.open.to_string().into(),
            r.best_effort.to_string().into(),
            r.compliance_percent
                .map_or("-".into(), |c| format!("{c:.1}%"))
                .into(),
            r.worst_late_seconds
                .map_or("-".into(), |s| super::hours(chrono::TimeDelta::seconds(s)))
                .into(),
        ]);
    }
    let mut text = format!("{table}\n");
    for (line, error) in failed {
        text.push_str(&format!("line {line}: {error}\n"));
    }
    text
}
