//! `audit --events`: ticket histories judged one by one, or summarised
//! by group (SPEC §9).

use std::collections::VecDeque;
use std::io::Write;

use chrono::{DateTime, Utc};

use slacalc::audit::{judge_history, GroupBy, Judgement};
use slacalc::history::{Failed, Finished, History};

use super::batch::{Counted, Tallied, Unit};
use super::event_source::{failed_json, EventSource, LogRead};
use super::{one_line, Context, Format};
use crate::render::history::{
    history_row, FailedTicketJson, GroupJson, HistoryJson, PassedOverJson, SummaryJson, TicketRow,
};
use crate::render::{self, rfc3339};

/// `audit --events`: each ticket judged (`--tickets`), or the summary.
pub struct EventAudit<'a> {
    pub source: EventSource<'a>,
    pub as_of: DateTime<Utc>,
    pub tickets: bool,
    pub by: Option<&'a str>,
    pub grouping: &'a GroupBy,
    /// Workers reading the log and judging its tickets.
    pub jobs: usize,
}

impl EventAudit<'_> {
    pub fn run(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let counted = if self.tickets {
            self.tickets(context, out)?
        } else {
            self.summary(context, out)?
        };
        counted.outcome()
    }

    /// A ticket of the log judged, or why not.
    fn judge<'c>(&self, finished: Finished<'c>) -> Result<Judgement<'c>, Failed> {
        let history = finished?;
        judge_history(history, self.as_of).map_err(|unjudged| Failed {
            message: one_line(&anyhow::Error::from(unjudged.error)),
            ..failed_from(*unjudged.history)
        })
    }

    /// The log's histories (and failures) in batches, each worked on by
    /// a worker made by `make` on one of `--jobs` cores, and what they
    /// made given to `take` in order. In opened order, a ticket that
    /// closes early waits for those opened before it; else histories come
    /// as their tickets close.
    fn in_batches<'c, T, W>(
        &self,
        context: &'c Context,
        opened_order: bool,
        make: &(dyn Fn() -> W + Sync),
        take: impl FnMut(T) -> anyhow::Result<()>,
    ) -> anyhow::Result<LogRead>
    where
        T: Send,
        W: FnMut(Vec<Finished<'c>>) -> anyhow::Result<T>,
    {
        let mut read = LogRead::default();
        let produce = |push: &mut dyn FnMut(Finished<'c>) -> anyhow::Result<()>| {
            // Tickets finished but waiting for one opened before them:
            // slot k holds the ticket of order `next + k`.
            let mut waiting: VecDeque<Option<Finished<'c>>> = VecDeque::new();
            let mut next = 0u64;
            read = self
                .source
                .read(context, self.as_of, self.jobs, |finished| {
                    let order = match &finished {
                        Ok(history) => Some(history.order),
                        Err(failed) => failed.order,
                    };
                    // A line that held no event is said at once.
                    let Some(order) = order.filter(|_| opened_order) else {
                        return push(finished);
                    };
                    let place = order
                        .checked_sub(next)
                        .and_then(|place| usize::try_from(place).ok())
                        .ok_or_else(|| anyhow::anyhow!("ticket order {order} came twice"))?;
                    if waiting.len() <= place {
                        waiting.resize_with(place + 1, || None);
                    }
                    waiting[place] = Some(finished);
                    while let Some(finished) = waiting.front_mut().and_then(Option::take) {
                        waiting.pop_front();
                        next += 1;
                        push(finished)?;
                    }
                    Ok(())
                })?;
            waiting.into_iter().flatten().try_for_each(push)
        };
        slacalc::pipeline::in_batches(self.jobs, produce, make, take)?;
        Ok(read)
    }

    /// One line a ticket, in the order they were opened.
    fn tickets<'c>(&self, context: &'c Context, out: &mut dyn Write) -> anyhow::Result<Counted> {
        let format = context.format();
        let make = || {
            move |batch: Vec<Finished<'c>>| -> anyhow::Result<TicketLines> {
                let mut part = TicketLines::default();
                let mut csv = render::CsvRows::default();
                for finished in batch {
                    let judged = self.judge(finished);
                    part.counted.count(judged.is_err());
                    match judged {
                        Ok(judgement) => match format {
                            Format::Json => {
                                serde_json::to_writer(
                                    &mut part.out,
                                    &HistoryJson::new(&judgement),
                                )?;
                                part.out.push(b'\n');
                            }
                            Format::Csv => {
                                csv.write(&history_row(&judgement), &mut part.out)?;
                                part.out.push(b'\n');
                            }
                            _ => part.table.push(TicketRow::new(&judgement, context.screen)),
                        },
                        // A ticket that cannot be judged fails like one that
                        // cannot be read.
                        Err(failed) => {
                            let failed = failed_json(&failed);
                            if format == Format::Json {
                                serde_json::to_writer(&mut part.out, &failed)?;
                                part.out.push(b'\n');
                            } else {
                                part.stderr.push(super::batch::error_line(
                                    failed.line,
                                    &super::batch::of_ticket(&failed.ticket, &failed.error),
                                ));
                            }
                        }
                    }
                }
                Ok(part)
            }
        };
        let mut csv = super::batch::CsvParts::default();
        let mut table = Vec::new();
        let mut counted = Counted::of(Unit::Tickets);
        let read = self.in_batches(context, true, &make, |part| {
            counted.add(part.counted);
            counted.written(out.write_all(if format == Format::Csv {
                csv.rows(&part.out)
            } else {
                &part.out
            }))?;
            for line in &part.stderr {
                eprintln!("{line}");
            }
            table.extend(part.table);
            Ok(())
        })?;
        if !table.is_empty() {
            let text = render::history::tickets_table(table, context.screen);
            counted.written(out.write_all(text.as_bytes()))?;
        }
        read.ignored.report();
        Ok(counted)
    }

    fn summary(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<Counted> {
        let grouping = self.grouping;
        let names = grouping.names(self.by.unwrap_or_default());
        let make = || {
            |batch: Vec<Finished>| {
                let mut part = Tallied::default();
                for finished in batch {
                    match self.judge(finished) {
                        Ok(judgement) => {
                            part.group(grouping.key(&judgement)).add_history(&judgement);
                        }
                        Err(failed) => part.fail(failed_json(&failed)),
                    }
                }
                Ok(part)
            }
        };
        let mut all: Tallied<_, FailedTicketJson> = Tallied::default();
        let read = self.in_batches(context, false, &make, |part| {
            all.merge(part);
            Ok(())
        })?;
        // A column no line has groups nothing: bad usage, not one group
        // of blanks (SPEC §9).
        if let (Some(by), false) = (self.grouping.column(), read.has_by) {
            return Err(super::Usage(format!(
                "--by {}: no line of the log has a column '{}'; give a column of the log, or opened:day, opened:week or opened:month",
                slacalc::input::escaped(by),
                slacalc::input::escaped(by)
            ))
            .into());
        }
        let counted = all.counted(Unit::Tickets);
        let groups: Vec<_> = all.groups.into_iter().collect();
        let text = match context.format() {
            Format::Json => render::json(&SummaryJson {
                as_of: rfc3339(self.as_of, slacalc::time::UTC),
                passed_over: PassedOverJson {
                    errors: all.failed,
                    ignored_events: read.ignored.total(),
                },
                failed_lines: all.failed_lines,
                summary: groups
                    .iter()
                    .map(|(values, tally)| GroupJson::new(&names, values, tally))
                    .collect(),
            })?,
            Format::Csv => render::history::summary_csv(&names, &groups)?,
            _ => render::history::summary_table(&names, &groups, &all.failed_lines, context.screen),
        };
        counted.written(out.write_all(text.as_bytes()))?;
        read.ignored.report();
        Ok(counted)
    }
}

/// What a worker made of a batch of tickets: their output lines (JSON or
/// CSV), errors for stderr, or rows for the table.
#[derive(Default)]
struct TicketLines {
    out: Vec<u8>,
    stderr: Vec<String>,
    table: Vec<TicketRow>,
    counted: Counted,
}

/// The failure of a history that could not be judged.
fn failed_from(history: History) -> Failed {
    Failed {
        id: history.id,
        line: history.line,
        order: Some(history.order),
        message: String::new(),
    }
}
