//! `slacalc audit`: first responses of a help-desk export against their
//! targets, per ticket and per plan × priority × desk.

use std::io::Write;

use clap::Args;

use slacalc::audit::{audit, tally, Summary};
use slacalc::input;
use slacalc::ticket::TicketFields;

use super::batch::{self, ErrorPlacement, InputFormat};
use super::{Context, Execute, Format};
use crate::render::{self, audit::TicketVerdictJson};

/// The most failed lines a summary shows; the rest are only counted.
const FAILED_SAMPLE: usize = 100;

/// Met or breached: audit first-response times of an export
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc audit examples/tickets.csv
  slacalc audit examples/tickets.jsonl --format json --as-of 2026-12-01T00:00:00Z
  slacalc audit examples/tickets.csv --tickets --format csv > verdicts.csv

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
    /// Judge unanswered tickets as of this instant: RFC 3339, a local time
    /// at each ticket's desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    as_of: String,
}

impl Execute for AuditArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        if context.format == Format::Ics {
            return Err(super::unsupported(context.format, "audit"));
        }
        let data = context.data()?;
        let mut summary = Summary::new();
        let mut rows = render::CsvRows::default();
        let mut errors = 0u64;
        let mut sample: Vec<u8> = Vec::new();
        let placement = if context.format == Format::Csv && self.tickets {
            ErrorPlacement::Stderr
        } else {
            ErrorPlacement::InPlace
        };
        let mut writer: Box<dyn Write> = if self.tickets {
            Box::new(&mut *out)
        } else {
            Box::new(ErrorSample {
                kept: &mut sample,
                count: 0,
            })
        };
        let result = batch::run(
            &self.file,
            self.input_format,
            placement,
            &mut writer,
            |fields: &TicketFields, line| {
                let ticket = fields.resolve(data, context.now)?;
                // --as-of without an offset is a local time at the ticket's desk.
                let as_of = input::instant(&self.as_of, ticket.desk.zone, context.now)?;
                let judged = audit(&ticket, as_of)?;
                tally(&mut summary, &judged);
                let verdict = TicketVerdictJson::new(fields.id.clone(), &judged);
                if context.format == Format::Csv {
                    rows.write(&verdict, line)
                } else {
                    Ok(serde_json::to_writer(line, &verdict)?)
                }
            },
        );
        drop(writer);
        match result {
            Ok(()) => {}
            Err(e) => match e.downcast_ref::<batch::BatchFailed>() {
                Some(failed) => errors = failed.failed,
                None => return Err(e),
            },
        }
        if !self.tickets {
            let failed: Vec<serde_json::Value> = String::from_utf8_lossy(&sample)
                .lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect();
            let text = match context.format {
                Format::Json => render::audit::summary_json(&summary, errors, &failed)?,
                Format::Csv => render::audit::summary_csv(&summary)?,
                _ => render::audit::summary_table(&summary, &failed),
            };
            out.write_all(text.as_bytes())?;
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
}

/// For a summary, the batch's lines are dropped but for the first error
/// objects, so memory stays bounded however many lines fail. The batch
/// runner writes whole lines, many at a time.
struct ErrorSample<'a> {
    kept: &'a mut Vec<u8>,
    count: usize,
}

impl Write for ErrorSample<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for line in buf.split_inclusive(|&b| b == b'\n') {
            let is_error = line.starts_with(b"{\"error\"") || line.starts_with(b"{\"line\"");
            if is_error && self.count < FAILED_SAMPLE {
                self.count += 1;
                self.kept.extend_from_slice(line);
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
