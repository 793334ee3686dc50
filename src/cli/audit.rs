//! `slacalc audit`: first responses of a help-desk export against their
//! targets, per ticket and per plan × priority × desk.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use slacalc::audit::{judge, Summary, Verdict};
use slacalc::input;

use super::batch::{self, ErrorPlacement, InputFormat};
use super::render::{self, rfc3339};
use super::{Context, Format};
use slacalc::deadline;
use slacalc::ticket::TicketFields;

/// Met or breached: audit first-response times of an export
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc audit tickets.csv
  slacalc audit tickets.jsonl --format json
  slacalc audit tickets.csv --tickets --format csv > verdicts.csv

Each line: plan, priority (or event), desk, opened, pauses (optional, A/B;A/B),
responded (the first response; empty if none yet), id (optional).")]
pub struct AuditArgs {
    /// The export: JSON Lines or CSV with a header (- for stdin)
    file: String,
    /// Format of FILE (default: from the extension; stdin: jsonl)
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// One row per ticket instead of the summary
    #[arg(long)]
    tickets: bool,
    /// Judge unanswered tickets as of this instant (RFC 3339 or now)
    #[arg(long, default_value = "now", value_name = "TIME")]
    as_of: String,
}

#[derive(Serialize)]
struct TicketVerdictJson<'a> {
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

#[derive(Serialize)]
struct SummaryRowJson {
    plan: String,
    priority: String,
    desk: String,
    tickets: u64,
    met: u64,
    breached: u64,
    open: u64,
    best_effort: u64,
    compliance_percent: Option<f64>,
    worst_late_seconds: Option<i64>,
}

impl AuditArgs {
    pub fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        if context.format == Format::Ics {
            return Err(super::unsupported(context.format, "audit"));
        }
        let as_of = input::instant(&self.as_of, slacalc::time::UTC, context.now)?;
        let mut summary = Summary::new();
        let mut rows = render::CsvRows::default();
        let mut errors = 0u64;
        let mut sink: Vec<u8> = Vec::new();
        let placement = if context.format == Format::Csv && self.tickets {
            ErrorPlacement::Stderr
        } else {
            ErrorPlacement::InPlace
        };
        let result = batch::run(
            &self.file,
            self.input_format,
            placement,
            &mut sink_or(out, self.tickets, &mut sink),
            |fields, line| {
                let verdict = audit_one(context, fields, as_of, &mut summary)?;
                if context.format == Format::Csv {
                    rows.write(&verdict, line)
                } else {
                    Ok(serde_json::to_writer(line, &verdict)?)
                }
            },
        );
        match result {
            Ok(()) => {}
            Err(e) => match e.downcast_ref::<batch::BatchFailed>() {
                Some(failed) => errors = failed.failed,
                None => return Err(e),
            },
        }
        if !self.tickets {
            self.write_summary(context, &summary, errors, &sink, out)?;
        }
        if errors > 0 {
            return Err(batch::BatchFailed {
                failed: errors,
                total: summary.values().map(|t| t.tickets).sum::<u64>() + errors,
            }
            .into());
        }
        Ok(())
    }

    fn write_summary(
        &self,
        context: &Context,
        summary: &Summary,
        errors: u64,
        error_lines: &[u8],
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let rows: Vec<SummaryRowJson> = summary
            .iter()
            .map(|((plan, priority, desk), t)| SummaryRowJson {
                plan: plan.clone(),
                priority: priority.clone(),
                desk: desk.clone(),
                tickets: t.tickets,
                met: t.met,
                breached: t.breached,
                open: t.open,
                best_effort: t.best_effort,
                compliance_percent: t.compliance().map(|c| (c * 100.0).round() / 100.0),
                worst_late_seconds: t.worst_lateness.map(|d| d.num_seconds()),
            })
            .collect();
        // Lines that failed: their error objects, kept for the report.
        let failed: Vec<serde_json::Value> = String::from_utf8_lossy(error_lines)
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .filter(|v: &serde_json::Value| v.get("error").is_some())
            .collect();
        match context.format {
            Format::Json => {
                let doc = serde_json::json!({ "summary": rows, "errors": errors, "failed_lines": failed });
                out.write_all(render::json(&doc)?.as_bytes())?;
            }
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(Vec::new());
                for row in &rows {
                    writer.serialize(row)?;
                }
                out.write_all(&writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
            }
            Format::Table | Format::Ics => {
                let mut table = render::table(&[
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
                ]);
                for r in &rows {
                    table.add_row(vec![
                        r.plan.clone(),
                        r.priority.clone(),
                        r.desk.clone(),
                        r.tickets.to_string(),
                        r.met.to_string(),
                        r.breached.to_string(),
                        r.open.to_string(),
                        r.best_effort.to_string(),
                        r.compliance_percent
                            .map_or("-".into(), |c| format!("{c:.1}%")),
                        r.worst_late_seconds
                            .map_or("-".into(), |s| render::hours(chrono::TimeDelta::seconds(s))),
                    ]);
                }
                let mut text = format!("{table}\n");
                for f in &failed {
                    text.push_str(&format!(
                        "line {}: {}\n",
                        f["line"],
                        f["error"].as_str().unwrap_or_default()
                    ));
                }
                out.write_all(text.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// Per-ticket rows go to `out`; for a summary, the lines are kept in
/// `sink` (only error objects matter there).
fn sink_or<'a>(
    out: &'a mut dyn Write,
    tickets: bool,
    sink: &'a mut Vec<u8>,
) -> Box<dyn Write + 'a> {
    if tickets {
        Box::new(out)
    } else {
        Box::new(ErrorsOnly(sink))
    }
}

/// Keeps only error objects, so a summary of millions of lines stays small.
/// The batch runner writes whole lines, many at a time.
struct ErrorsOnly<'a>(&'a mut Vec<u8>);

impl Write for ErrorsOnly<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for line in buf.split_inclusive(|&b| b == b'\n') {
            if line.starts_with(b"{\"error\"") || line.starts_with(b"{\"line\"") {
                self.0.extend_from_slice(line);
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn audit_one<'a>(
    context: &'a Context,
    fields: &TicketFields,
    as_of: chrono::DateTime<chrono::Utc>,
    summary: &mut Summary,
) -> anyhow::Result<TicketVerdictJson<'a>> {
    let ticket = fields.resolve(&context.data, context.now)?;
    let deadline = deadline::compute(&ticket, false)?;
    let zone = deadline.desk.zone;
    let responded = ticket.responded;
    let (verdict, lateness) = judge(deadline.response.due, responded, as_of);
    summary
        .entry((
            deadline.plan.name.clone(),
            deadline.priority.id.clone(),
            deadline.desk.name.clone(),
        ))
        .or_default()
        .add(verdict, lateness);
    Ok(TicketVerdictJson {
        id: fields.id.clone(),
        plan: &deadline.plan.name,
        priority: &deadline.priority.id,
        desk: &deadline.desk.name,
        opened: rfc3339(deadline.opened, zone),
        due: deadline.response.due.map(|t| rfc3339(t, zone)),
        responded: responded.map(|t| rfc3339(t, zone)),
        verdict: verdict.name(),
        late_seconds: lateness
            .filter(|_| verdict != Verdict::Open)
            .map(|d| d.num_seconds()),
    })
}
