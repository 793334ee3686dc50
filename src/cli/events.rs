//! Event logs in (SPEC §9): `audit --events` and `queue --events` read
//! them here into ticket histories, one at a time as tickets close.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Context as _;
use chrono::{DateTime, Datelike, Utc};
use clap::Args;

use slacalc::audit::{judge_history, Judgement, Tally};
use slacalc::batch::{read_records, LineError};
use slacalc::history::{Events, Failed, Finished, History, Recorder, Statuses};
use slacalc::input::escaped;
use slacalc::ticket::{Field, FieldMap};

use super::batch::{self, BatchFailed, InputFormat};
use super::{one_line, Context, Format};
use crate::render::history::{FailedTicketJson, GroupJson, HistoryJson, HistoryRow, SummaryJson};
use crate::render::{self, rfc3339};

/// The most failed lines a summary shows; the rest are only counted.
const FAILED_SAMPLE: usize = 100;

/// How an event log is read: its statuses and its export's names.
#[derive(Debug, Args)]
pub struct EventOptions {
    /// Statuses that pause every clock, comma-separated (replacing
    /// waiting, pending, on-hold)
    #[arg(long, value_name = "STATUS,...", value_delimiter = ',')]
    pub waiting: Vec<String>,
    /// Statuses that close a ticket, comma-separated (replacing closed,
    /// solved, resolved)
    #[arg(long, value_name = "STATUS,...", value_delimiter = ',')]
    pub closing: Vec<String>,
}

impl EventOptions {
    fn statuses(&self) -> Statuses {
        let mut statuses = Statuses::default();
        if !self.waiting.is_empty() {
            statuses.waiting.clone_from(&self.waiting);
        }
        if !self.closing.is_empty() {
            statuses.closing.clone_from(&self.closing);
        }
        statuses
    }
}

/// Where an event log comes from.
pub struct EventSource<'a> {
    pub path: &'a str,
    pub format: Option<InputFormat>,
    pub map: &'a [String],
    pub options: &'a EventOptions,
    /// The column to keep from each `opened` event (`--by`).
    pub keep: Option<&'a str>,
}

/// A ticket or a line that failed, as reported.
pub fn failed_json(failed: &Failed) -> FailedTicketJson {
    FailedTicketJson {
        line: failed.line,
        ticket: escaped(&failed.id).into_owned(),
        error: escaped(&failed.message).into_owned(),
    }
}

impl EventSource<'_> {
    /// Give `each` every ticket history of the log as of `as_of` (its
    /// ticket closed, or the log ended), or the failure of a ticket or a
    /// line; the count of failures comes back.
    pub fn read<'c>(
        &self,
        context: &'c Context,
        as_of: DateTime<Utc>,
        mut each: impl FnMut(Finished<'c>) -> anyhow::Result<()>,
    ) -> anyhow::Result<u64> {
        let data = context.data()?;
        let mut map = FieldMap::parse(self.map).context("--map")?;
        if let Some(keep) = self.keep {
            map = map.keeping(keep);
        }
        let mut recorder = Recorder::new(data, self.options.statuses(), context.now, as_of);
        let mut failures = 0u64;
        let mut handle = |finished: Finished<'c>| {
            failures += u64::from(finished.is_err());
            each(finished)
        };
        let read = read_records::<Events, anyhow::Error>(
            batch::open(self.path)?,
            batch::format_of(self.path, self.format),
            &map,
            |line, fields| match fields {
                Ok(fields) => match recorder.event(line, &fields) {
                    Some(finished) => handle(finished),
                    None => Ok(()),
                },
                Err(error) => handle(Err(line_failed(line, &error))),
            },
        );
        read.map_err(batch::stopped)?;
        for history in recorder.finish() {
            handle(Ok(history))?;
        }
        Ok(failures)
    }
}

fn line_failed(line: u64, error: &LineError) -> Failed {
    Failed {
        id: String::new(),
        line,
        order: u64::MAX,
        message: error.to_string(),
    }
}

/// `audit --events`: each ticket judged (`--tickets`), or the summary.
pub struct EventAudit<'a> {
    pub source: EventSource<'a>,
    pub as_of: DateTime<Utc>,
    pub tickets: bool,
    pub by: Option<&'a str>,
}

impl EventAudit<'_> {
    pub fn run(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let failures = if self.tickets {
            self.tickets(context, out)?
        } else {
            self.summary(context, out)?
        };
        if failures.failed > 0 {
            return Err(failures.into());
        }
        Ok(())
    }

    /// One line a ticket, in the order they were opened: a ticket that
    /// closes early waits for those opened before it.
    fn tickets<'c>(
        &self,
        context: &'c Context,
        out: &mut dyn Write,
    ) -> anyhow::Result<BatchFailed> {
        let format = context.format();
        let mut waiting: BTreeMap<u64, Result<Judgement<'c>, Failed>> = BTreeMap::new();
        let mut next = 0u64;
        let mut table: Vec<Judgement<'c>> = Vec::new();
        let mut csv = render::CsvRows::default();
        let mut total = 0u64;
        let mut write =
            |item: Result<Judgement<'c>, Failed>, out: &mut dyn Write| -> anyhow::Result<()> {
                match item {
                    Ok(judgement) => match format {
                        Format::Json => {
                            serde_json::to_writer(&mut *out, &HistoryJson::new(&judgement))?;
                            out.write_all(b"\n")?;
                        }
                        Format::Csv => {
                            let mut line = Vec::new();
                            csv.write(&HistoryRow::new(&judgement), &mut line)?;
                            line.push(b'\n');
                            out.write_all(&line)?;
                        }
                        _ => table.push(judgement),
                    },
                    Err(failed) => {
                        let failed = failed_json(&failed);
                        if format == Format::Json {
                            serde_json::to_writer(&mut *out, &failed)?;
                            out.write_all(b"\n")?;
                        } else {
                            eprintln!("slacalc: line {}: {}", failed.line, failed.error);
                        }
                    }
                }
                Ok(())
            };
        let failed = self.source.read(context, self.as_of, |finished| {
            total += 1;
            let item = match finished {
                Ok(history) => judge_history(&history, self.as_of).map_err(|e| Failed {
                    message: one_line(&anyhow::Error::from(e)),
                    ..failed_from(&history)
                }),
                Err(failed) => Err(failed),
            };
            let order = match &item {
                Ok(j) => j.history.order,
                Err(f) => f.order,
            };
            if order == u64::MAX {
                // A line that held no event: said at once.
                return write(item, out);
            }
            waiting.insert(order, item);
            while let Some(item) = waiting.remove(&next) {
                write(item, out)?;
                next += 1;
            }
            Ok(())
        })?;
        for item in std::mem::take(&mut waiting).into_values() {
            write(item, out)?;
        }
        if !table.is_empty() {
            out.write_all(render::history::tickets_table(&table, context.colors).as_bytes())?;
        }
        Ok(BatchFailed { failed, total })
    }

    fn summary(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<BatchFailed> {
        let names = self.group_names();
        let mut groups: BTreeMap<Vec<Option<String>>, Tally> = BTreeMap::new();
        let mut failed_lines = Vec::new();
        let mut total = 0u64;
        let mut note = |failed: Failed| {
            if failed_lines.len() < FAILED_SAMPLE {
                failed_lines.push(failed_json(&failed));
            }
        };
        let failed = self.source.read(context, self.as_of, |finished| {
            total += 1;
            match finished.and_then(|history| {
                judge_history(&history, self.as_of).map_err(|e| Failed {
                    message: one_line(&anyhow::Error::from(e)),
                    ..failed_from(&history)
                })
            }) {
                Ok(judgement) => groups
                    .entry(self.group_of(&judgement))
                    .or_default()
                    .add_history(&judgement),
                Err(failed) => note(failed),
            }
            Ok(())
        })?;
        let groups: Vec<_> = groups.into_iter().collect();
        let text = match context.format() {
            Format::Json => render::json(&SummaryJson {
                as_of: rfc3339(self.as_of, slacalc::time::UTC),
                errors: failed,
                failed_lines,
                summary: groups
                    .iter()
                    .map(|(values, tally)| GroupJson::new(&names, values, tally))
                    .collect(),
            })?,
            Format::Csv => render::history::summary_csv(&names, &groups)?,
            _ => render::history::summary_table(&names, &groups, &failed_lines, context.colors),
        };
        out.write_all(text.as_bytes())?;
        Ok(BatchFailed { failed, total })
    }

    /// The names of the group keys.
    fn group_names(&self) -> Vec<String> {
        match self.by {
            None => ["plan", "priority", "desk"].map(String::from).to_vec(),
            Some(by) => vec![by.trim().to_string()],
        }
    }

    /// The group of a judged ticket.
    fn group_of(&self, judgement: &Judgement) -> Vec<Option<String>> {
        let history = &judgement.history;
        let Some(by) = self.by else {
            return vec![
                Some(history.plan.name.clone()),
                Some(judgement.response.priority.id.clone()),
                Some(history.desk.name.clone()),
            ];
        };
        let opened =
            || slacalc::time::local_date(history.desk.zone, history.opened).unwrap_or_default();
        vec![match by.trim().to_ascii_lowercase().as_str() {
            "opened:day" => Some(opened().format("%Y-%m-%d").to_string()),
            "opened:week" => {
                let week = opened().iso_week();
                Some(format!("{}-W{:02}", week.year(), week.week()))
            }
            "opened:month" => Some(opened().format("%Y-%m").to_string()),
            _ => match Field::from_header(by) {
                Some(Field::Plan) => Some(history.plan.name.clone()),
                Some(Field::Priority) => Some(judgement.response.priority.id.clone()),
                Some(Field::Desk) => Some(history.desk.name.clone()),
                Some(Field::Ticket | Field::Id) => Some(history.id.clone()),
                _ => history.by.clone(),
            },
        }]
    }
}

/// The failure of a history that could not be judged.
fn failed_from(history: &History) -> Failed {
    Failed {
        id: history.id.clone(),
        line: history.line,
        order: history.order,
        message: String::new(),
    }
}

/// Whether `--by` names a grouping by the opening's date.
pub fn by_opening(by: &str) -> bool {
    by.trim().to_ascii_lowercase().starts_with("opened:")
}
