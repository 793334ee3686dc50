//! `slacalc audit`: first responses of a help-desk export against their
//! targets, per ticket and per plan × priority × desk.

use std::io::Write;

use anyhow::Context as _;
use clap::Args;

use slacalc::audit::{audit, tally, TicketAudit};
use slacalc::frame::LineError;
use slacalc::input;
use slacalc::record::TicketFields;
use slacalc::resolve::Resolver;

use super::batch::{self, ErrorPlacement, InputFormat, Tallied};
use super::{Context, Execute, Format};
use crate::render::{self, audit::TicketVerdictJson};

/// Met or breached: audit first-response times of an export
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc audit examples/tickets.csv
  slacalc audit examples/tickets.jsonl --format json --as-of 2026-12-01T00:00:00Z
  slacalc audit examples/tickets.csv --tickets --format csv > verdicts.csv
  slacalc audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z
  slacalc audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z --tickets --format json
  slacalc audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z --by opened:week
  slacalc audit --events examples/helpdesk-export.csv --as-of 2026-11-27T12:00:00Z --by agent \\
    --map ticket='Ticket ID' --map at='Event Time' --map type=Event \\
    --map desk='Support Desk' --map to='Assigned To'

Ticket rows: plan, priority (or event), desk, opened, pauses (optional, A/B;A/B),
responded (the first response; empty if none yet), notified, closed, id (optional).
Event logs (--events): ticket, at, type (opened, status, priority, notified, responded,
escalated, closed) and the type's fields: plan, priority, desk; status; priority; to.")]
pub struct AuditArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableJsonCsv>,
    /// The export of ticket rows: JSON Lines or CSV with a header (- for
    /// stdin)
    #[arg(required_unless_present = "events", conflicts_with = "events")]
    file: Option<String>,
    /// An event log instead (SPEC §9): opened, status, priority, notified,
    /// responded, escalated and closed events of interleaved tickets
    #[arg(long, value_name = "FILE")]
    events: Option<String>,
    /// With --events: group the summary by this column of the opened
    /// event (e.g. agent), or by opened:day, opened:week or opened:month
    #[arg(long, value_name = "FIELD")]
    by: Option<String>,
    #[command(flatten)]
    event_options: super::event_source::EventOptions,
    /// The export's own column (or key) for a field, FIELD=COLUMN
    /// (repeatable), e.g. opened="Created at"
    #[arg(long, value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// Format of FILE (default: from the extension; else told from the
    /// first character: a letter starts a CSV header, else JSON Lines)
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// One row per ticket instead of the summary
    #[arg(long)]
    tickets: bool,
    /// Workers reading and judging the tickets or the event log (default:
    /// the number of cores)
    #[arg(long, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    /// Judge unanswered tickets as of this instant: RFC 3339, a local time
    /// at each ticket's desk (with --events: in UTC), or now; events after
    /// it are ignored
    #[arg(long, default_value = "now", value_name = "TIME")]
    as_of: String,
}

impl Execute for AuditArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.by.is_some() && self.events.is_none() {
            return Err(super::Usage(
                "--by groups the summary of an event log: give it with --events FILE".into(),
            )
            .into());
        }
        if let Some(events) = &self.events {
            let as_of =
                input::instant(&self.as_of, slacalc::time::UTC, context.now).context("--as-of")?;
            let by = self.by.as_deref();
            let grouping = slacalc::audit::GroupBy::parse(by).context("--by")?;
            return super::event_audit::EventAudit {
                source: super::event_source::EventSource {
                    path: events,
                    format: self.input_format,
                    map: &self.map,
                    options: &self.event_options,
                    keep: grouping.column(),
                },
                as_of,
                tickets: self.tickets,
                by,
                grouping: &grouping,
                jobs: batch::jobs(self.jobs),
            }
            .run(context, out);
        }
        let source = batch::Source {
            path: self.file.as_deref().unwrap_or("-"),
            format: self.input_format,
            map: &self.map,
        };
        let data = context.data()?;
        let as_of = self.as_of.as_str();
        if self.tickets && context.format() == Format::Table {
            return tickets_table(&source, data, context, as_of, batch::jobs(self.jobs), out);
        }
        if self.tickets {
            let placement = if context.format() == Format::Csv {
                ErrorPlacement::Stderr
            } else {
                ErrorPlacement::InPlace
            };
            let lines = || {
                let mut rows = render::CsvRows::default();
                let mut names = Resolver::new(data, context.now);
                move |fields: &TicketFields, line: &mut Vec<u8>| {
                    let judged = judge(&mut names, as_of, fields)?;
                    let verdict = TicketVerdictJson::new(fields.id.clone(), &judged);
                    if context.format() == Format::Csv {
                        rows.write(&verdict, line)
                    } else {
                        Ok(serde_json::to_writer(line, &verdict)?)
                    }
                }
            };
            return batch::run(
                &batch::Batch {
                    source,
                    errors: placement,
                    jobs: batch::jobs(self.jobs),
                    make: &lines,
                },
                out,
            );
        }
        // A line's ticket tallied, or its error kept as one line, whatever
        // a value in it held.
        let add = |all: &mut Tallied<_, (u64, String)>,
                   names: &mut Resolver<'_>,
                   line: u64,
                   fields: Result<TicketFields, LineError>| {
            match batch::of_line(fields, |fields| judge(names, as_of, &fields)) {
                Ok(judged) => tally(&mut all.groups, &judged),
                Err(message) => all.fail((line, message)),
            }
        };
        let mut all: Tallied<_, (u64, String)> = Tallied::default();
        // Each worker tallies its chunks; the parts merge in input order
        // (with one job, here, chunk by chunk).
        source.ticket_rows(data, context.now, batch::jobs(self.jobs), &add, |part| {
            all.merge(part);
            Ok(())
        })?;
        let (summary, failed) = (&all.groups, &all.failed_lines);
        let text = match context.format() {
            Format::Json => render::audit::summary_json(summary, all.failed, failed)?,
            Format::Csv => render::audit::summary_csv(summary)?,
            _ => render::audit::summary_table(summary, failed, context.screen),
        };
        let counted = all.counted(batch::Unit::Lines);
        counted.written(out.write_all(text.as_bytes()))?;
        counted.outcome()
    }
}

/// A ticket row judged; `--as-of` without an offset is a local time at the
/// ticket's desk.
fn judge<'d>(
    names: &mut Resolver<'d>,
    as_of: &str,
    fields: &TicketFields,
) -> anyhow::Result<TicketAudit<'d>> {
    let ticket = names.ticket(fields)?;
    let as_of = names.instant(as_of, ticket.desk().zone)?;
    Ok(audit(&ticket, as_of)?)
}

/// `audit FILE --tickets` as a table: every row judged (on `jobs`
/// workers), the table written at the end, errors on stderr in order.
fn tickets_table<'d>(
    source: &batch::Source,
    data: &'d slacalc::DataSet,
    context: &Context,
    as_of: &str,
    jobs: usize,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let each = |part: &mut Vec<Result<(_, TicketAudit<'d>), _>>,
                names: &mut Resolver<'d>,
                line: u64,
                fields: Result<TicketFields<'_>, LineError>| {
        let row = batch::of_line(fields, |fields| {
            Ok((fields.id.clone(), judge(names, as_of, &fields)?))
        });
        part.push(row.map_err(|message| (line, message)));
    };
    let (mut rows, mut counted) = (Vec::new(), batch::Counted::default());
    source.ticket_rows(data, context.now, jobs, &each, |part| {
        for row in part {
            counted.count(row.is_err());
            match row {
                Ok(row) => rows.push(row),
                Err((line, message)) => {
                    eprintln!("{}", batch::error_line(line, &message));
                }
            }
        }
        Ok(())
    })?;
    counted
        .written(out.write_all(render::audit::tickets_table(&rows, context.screen).as_bytes()))?;
    counted.outcome()
}
