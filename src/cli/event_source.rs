//! Event logs in (SPEC §9): `audit --events` and `queue --events` read
//! them here into ticket histories, one at a time as tickets close.

use chrono::{DateTime, Utc};
use clap::Args;

use slacalc::frame::{Chunk, LineError};
use slacalc::history::{Failed, Finished, Recorder, Statuses};
use slacalc::input::escaped;
use slacalc::record::{self, Columns, EventFields, Events, FieldMap};

use super::batch::{self, InputFormat};
use super::Context;
use crate::render::history::FailedTicketJson;

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
    /// The status sets; a status in both is a usage error (SPEC §9).
    fn statuses(&self) -> anyhow::Result<Statuses> {
        let mut statuses = Statuses::default();
        if !self.waiting.is_empty() {
            statuses.waiting.clone_from(&self.waiting);
        }
        if !self.closing.is_empty() {
            statuses.closing.clone_from(&self.closing);
        }
        let same = |a: &String, b: &String| a.trim().eq_ignore_ascii_case(b.trim());
        if let Some(both) = statuses
            .waiting
            .iter()
            .find(|w| statuses.closing.iter().any(|c| same(w, c)))
        {
            return Err(super::Usage(format!(
                "status '{}' is both waiting and closing; give it to one of --waiting and --closing",
                escaped(both)
            ))
            .into());
        }
        Ok(statuses)
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
    /// line. Lines are read on `jobs` workers; histories are recorded
    /// here, in the log's order.
    pub fn read<'c>(
        &self,
        context: &'c Context,
        as_of: DateTime<Utc>,
        jobs: usize,
        mut each: impl FnMut(Finished<'c>) -> anyhow::Result<()>,
    ) -> anyhow::Result<LogRead> {
        let data = context.data()?;
        let source = batch::Source {
            path: self.path,
            format: self.format,
            map: self.map,
        };
        let mut map = source.field_map()?;
        if let Some(keep) = self.keep {
            map = map.keeping(keep);
        }
        let mut recorder = Recorder::new(data, self.options.statuses()?, context.now, as_of);
        let mut has_by = false;
        let mut record = |line, fields: Result<EventFields, LineError>| match fields {
            Ok(fields) => {
                has_by |= fields.has_by;
                match recorder.event(line, fields) {
                    Some(finished) => each(finished),
                    None => Ok(()),
                }
            }
            Err(error) => each(Err(line_failed(line, &error))),
        };
        source.chunks::<Events, _, _>(
            &map,
            jobs,
            &|| {
                |chunk: &Chunk<Columns>, map: &FieldMap| {
                    let mut events = Vec::with_capacity(chunk.len());
                    record::read_chunk::<Events, anyhow::Error>(chunk, map, |line, fields| {
                        events.push((line, fields));
                        Ok(())
                    })?;
                    Ok(events)
                }
            },
            |events| {
                for (line, fields) in events {
                    record(line, fields)?;
                }
                Ok(())
            },
        )?;
        let ignored = recorder.ignored().clone();
        recorder.finish().into_iter().map(Ok).try_for_each(each)?;
        Ok(LogRead {
            ignored: Ignored(ignored),
            has_by,
        })
    }
}

/// What reading a log found besides its tickets.
#[derive(Debug, Default)]
pub struct LogRead {
    pub ignored: Ignored,
    /// Some line had the `--by` column (a value or not).
    pub has_by: bool,
}

/// The events of types the log does not know, ignored, by type.
#[derive(Debug, Default)]
pub struct Ignored(pub std::collections::BTreeMap<String, u64>);

impl Ignored {
    /// How many in all.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// Said on stderr at the end of a run, with the count per type (SPEC
    /// §9), when there were any.
    pub fn report(&self) {
        if self.0.is_empty() {
            return;
        }
        let types: Vec<String> = self
            .0
            .iter()
            .map(|(name, count)| format!("{} {count}", escaped(name)))
            .collect();
        eprintln!(
            "slacalc: ignored {} events of types the log does not know: {}",
            self.total(),
            types.join(", ")
        );
    }
}

fn line_failed(line: u64, error: &LineError) -> Failed {
    Failed {
        id: String::new(),
        line,
        order: None,
        message: error.to_string(),
    }
}
