//! `audit --events`: ticket histories judged one by one, or summarised
//! by group (SPEC §9).

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, Utc};

use slacalc::audit::{judge_history, GroupBy, Groups, Judgement};
use slacalc::history::{Failed, Finished, History};

use super::batch::BatchFailed;
use super::eventlog::{failed_json, EventSource};
use super::{one_line, Context, Format};
use crate::render::history::{history_row, GroupJson, HistoryJson, SummaryJson};
use crate::render::{self, rfc3339};

/// The most failed lines a summary shows; the rest are only counted.
const FAILED_SAMPLE: usize = 100;

/// `audit --events`: each ticket judged (`--tickets`), or the summary.
pub struct EventAudit<'a> {
    pub source: EventSource<'a>,
    pub as_of: DateTime<Utc>,
    pub tickets: bool,
    pub by: Option<&'a str>,
    pub grouping: &'a GroupBy,
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

    /// A ticket of the log judged, or why not.
    fn judge<'c>(&self, finished: Finished<'c>) -> Result<Judgement<'c>, Failed> {
        let history = finished?;
        judge_history(&history, self.as_of).map_err(|e| Failed {
            message: one_line(&anyhow::Error::from(e)),
            ..failed_from(&history)
        })
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
        let (mut total, mut failed) = (0u64, 0u64);
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
                            csv.write(&history_row(&judgement), &mut line)?;
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
        self.source.read(context, self.as_of, |finished| {
            total += 1;
            let item = self.judge(finished);
            // A ticket that cannot be judged fails like one that cannot be read.
            failed += u64::from(item.is_err());
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
        let grouping = self.grouping;
        let names = grouping.names(self.by.unwrap_or_default());
        let mut groups = Groups::new();
        let mut failed_lines = Vec::new();
        let (mut total, mut failed) = (0u64, 0u64);
        self.source.read(context, self.as_of, |finished| {
            total += 1;
            match self.judge(finished) {
                Ok(judgement) => groups
                    .entry(grouping.key(&judgement))
                    .or_default()
                    .add_history(&judgement),
                Err(error) => {
                    failed += 1;
                    if failed_lines.len() < FAILED_SAMPLE {
                        failed_lines.push(failed_json(&error));
                    }
                }
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
