//! `slacalc queue`: the tickets open at an instant, most urgent first
//! (SPEC §10), from an event log or from ticket rows.

use std::io::Write;

use anyhow::Context as _;
use clap::{ArgGroup, Args};

use slacalc::frame::LineError;
use slacalc::history::History;
use slacalc::input;
use slacalc::queue::{self, Entry, Thresholds};
use slacalc::record::TicketFields;
use slacalc::resolve::Resolver;

use super::batch::{self, Counted, InputFormat, Unit};
use super::event_source::{EventOptions, EventSource};
use super::{one_line, Context, Execute, Format};
use crate::render::{self, queue::queue_row, queue::QueueJson};

/// Which open tickets breach next: the live queue
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("source").required(true).args(["events", "input"])),
    after_help = "EXAMPLES:
  slacalc queue --events examples/events.jsonl --at 2026-11-27T12:00:00Z
  slacalc queue --events examples/events.jsonl --at 2026-11-27T12:00:00Z --format json
  slacalc queue --input examples/tickets.csv --at 2026-11-24T15:00:00Z --warn 60,80,95

State: ok, watch (50% of the target's clock time used), at_risk (75%), critical (90%),
breached, responded or best_effort; --warn sets the three thresholds."
)]
pub struct QueueArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableJsonCsv>,
    /// An event log (SPEC §9): JSON Lines or CSV (- for stdin)
    #[arg(long, value_name = "FILE")]
    events: Option<String>,
    /// Ticket rows instead: plan, priority, desk, opened, pauses, priority
    /// changes, responded, closed, id
    #[arg(long, value_name = "FILE")]
    input: Option<String>,
    /// The moment to look at: RFC 3339, a local time in UTC, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    at: String,
    /// The percentages of a target's clock time used from which a ticket is
    /// on watch, at risk and critical
    #[arg(
        long,
        default_value = "50,75,90",
        value_name = "WATCH,AT_RISK,CRITICAL"
    )]
    warn: String,
    /// The export's own column (or key) for a field, FIELD=COLUMN
    /// (repeatable), e.g. opened="Created at"
    #[arg(long, value_name = "FIELD=COLUMN")]
    map: Vec<String>,
    /// Format of the file (default: from the extension; else told from the
    /// first character: a letter starts a CSV header, else JSON Lines)
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Workers reading an event log (default: the number of cores)
    #[arg(long, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    #[command(flatten)]
    event_options: EventOptions,
}

/// The open tickets gathered so far, and the tickets and lines counted.
struct Gathered<'c> {
    warn: Thresholds,
    entries: Vec<Entry<'c>>,
    counted: Counted,
}

/// A ticket placed: in the queue, not open at the instant, or failed
/// (its line and why).
// Most tickets of a queue are open: boxing each would cost more.
#[allow(clippy::large_enum_variant)]
enum Placed<'c> {
    Open(Entry<'c>),
    NotOpen,
    Failed(u64, String),
}

/// A ticket's history placed at `at`: in the queue if open then.
fn place(history: History<'_>, at: chrono::DateTime<chrono::Utc>, warn: Thresholds) -> Placed<'_> {
    if !queue::is_open(&history, at) {
        return Placed::NotOpen;
    }
    let (line, id) = (history.line, history.id.clone());
    match queue::entry(history, at, warn) {
        Ok(entry) => Placed::Open(entry),
        Err(e) => Placed::Failed(line, batch::of_ticket(&id, &one_line(&e.into()))),
    }
}

/// A ticket row placed at `at`.
fn place_row<'d>(
    names: &mut Resolver<'d>,
    line: u64,
    fields: Result<TicketFields, LineError>,
    at: chrono::DateTime<chrono::Utc>,
    warn: Thresholds,
) -> Placed<'d> {
    let history = batch::of_line(fields, |fields| {
        let ticket = names.ticket(&fields)?;
        let id = fields
            .id
            .as_ref()
            .map(render::csv_field)
            .unwrap_or_default();
        // Its place among the rows: the file line.
        Ok(History::from_ticket(ticket, id, line, line, None))
    });
    match history {
        Ok(history) => place(history, at, warn),
        Err(message) => Placed::Failed(line, message),
    }
}

impl<'c> Gathered<'c> {
    /// A ticket counted, and kept if open; a failure said on stderr.
    fn add(&mut self, placed: Placed<'c>) {
        self.counted.count(matches!(placed, Placed::Failed(..)));
        match placed {
            Placed::Open(entry) => self.entries.push(entry),
            Placed::NotOpen => {}
            Placed::Failed(line, message) => {
                eprintln!("{}", batch::error_line(line, &input::escaped(&message)));
            }
        }
    }
}

impl Execute for QueueArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let at = input::instant(&self.at, slacalc::time::UTC, context.now).context("--at")?;
        let mut gathered = Gathered {
            warn: Thresholds::parse(&self.warn).context("--warn")?,
            entries: Vec::new(),
            counted: Counted::of(if self.events.is_some() {
                Unit::Tickets
            } else {
                Unit::Lines
            }),
        };
        if let Some(events) = &self.events {
            let source = EventSource {
                path: events,
                format: self.input_format,
                map: &self.map,
                options: &self.event_options,
                keep: None,
            };
            let warn = gathered.warn;
            let read = source.read(context, at, batch::jobs(self.jobs), |finished| {
                gathered.add(match finished {
                    Ok(history) => place(history, at, warn),
                    Err(failed) => {
                        Placed::Failed(failed.line, batch::of_ticket(&failed.id, &failed.message))
                    }
                });
                Ok(())
            })?;
            read.ignored.report();
        } else if let Some(path) = &self.input {
            let data = context.data()?;
            let source = batch::Source {
                path,
                format: self.input_format,
                map: &self.map,
            };
            let warn = gathered.warn;
            let each = |placed: &mut Vec<_>,
                        names: &mut _,
                        line,
                        fields: Result<TicketFields<'_>, LineError>| {
                placed.push(place_row(names, line, fields, at, warn));
            };
            source.ticket_rows(data, context.now, batch::jobs(self.jobs), &each, |placed| {
                for p in placed {
                    gathered.add(p);
                }
                Ok(())
            })?;
        }
        let Gathered {
            warn,
            mut entries,
            counted,
        } = gathered;
        queue::sort(&mut entries);
        match context.format() {
            Format::Json => {
                let rows: Vec<QueueJson> = entries.iter().map(QueueJson::new).collect();
                counted.written(out.write_all(render::json(&rows)?.as_bytes()))?;
            }
            Format::Csv => {
                let mut rows = render::CsvRows::default();
                let mut text = Vec::new();
                for entry in &entries {
                    rows.write(&queue_row(entry), &mut text)?;
                    text.push(b'\n');
                }
                counted.written(out.write_all(&text))?;
            }
            _ => {
                // Drawn with the thresholds the states were judged by (`--warn`),
                // not the default.
                let screen = render::Screen {
                    warn,
                    ..context.screen
                };
                counted
                    .written(out.write_all(render::queue::table(&entries, screen).as_bytes()))?;
            }
        }
        counted.outcome()
    }
}
