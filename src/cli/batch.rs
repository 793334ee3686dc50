//! Batch mode: tickets as JSON Lines or CSV in (read by
//! [`slacalc::record`]), one JSON object per line out, in input order and
//! in constant memory, on `--jobs` workers. A bad line yields an error
//! object in its place and the rest go on.

use std::collections::BTreeMap;
use std::io::Write;

use slacalc::audit::Tally;
use slacalc::frame::{Chunk, LineError};
use slacalc::input::escaped;
use slacalc::record::{self, Columns, FieldMap, TicketFields, Tickets};

use super::one_line;
pub use super::source::{InputFormat, Source};

/// How many workers read a batch (`--jobs`): all cores unless told.
pub fn jobs(given: Option<std::num::NonZeroUsize>) -> usize {
    given
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, std::num::NonZeroUsize::get)
}

/// Where the error of a bad line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPlacement {
    /// An error object in the line's place in the output.
    InPlace,
    /// A line on stderr (output formats that cannot hold an error object).
    Stderr,
}

/// The lines or tickets of a batch counted, and those that failed (each
/// reported with its line number): the one count behind the run's exit
/// status. Parts counted on several workers add up.
#[derive(Debug, Clone, Copy, Default, thiserror::Error)]
#[error("{failed} of {total} {unit} failed")]
pub struct Counted {
    pub failed: u64,
    pub total: u64,
    pub unit: Unit,
}

/// What a batch counts: the lines of ticket rows, or the tickets of an
/// event log (with each line that held no event).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    #[default]
    Lines,
    Tickets,
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unit::Lines => "input lines",
            Unit::Tickets => "tickets (and lines that held no event)",
        })
    }
}

impl Counted {
    /// Nothing counted yet, of `unit`.
    pub fn of(unit: Unit) -> Counted {
        Counted {
            unit,
            ..Counted::default()
        }
    }

    /// One line or ticket more.
    pub fn count(&mut self, failed: bool) {
        self.total += 1;
        self.failed += u64::from(failed);
    }

    /// Another part's count.
    pub fn add(&mut self, part: Counted) {
        self.total += part.total;
        self.failed += part.failed;
    }

    /// A write's result: a closed pipe (`| head`) after a line or ticket
    /// had failed ends the run with exit status 1, quietly (SPEC §8).
    pub fn written(&self, result: std::io::Result<()>) -> anyhow::Result<()> {
        result.map_err(|e| {
            let closed = e.kind() == std::io::ErrorKind::BrokenPipe;
            let e = anyhow::Error::from(e);
            if closed && self.failed > 0 {
                e.context(super::ClosedAfterFailures)
            } else {
                e
            }
        })
    }

    /// The batch's outcome: an error when a line or ticket failed.
    pub fn outcome(self) -> anyhow::Result<()> {
        if self.failed > 0 {
            return Err(self.into());
        }
        Ok(())
    }
}

/// The most failed lines a summary lists; the rest are only counted.
const FAILED_SAMPLE: usize = 100;

/// A summary as it gathers: the tallies by group, the count of failures,
/// and the first of them (so that memory stays bounded however many
/// fail). Parts gathered on several workers merge in input order.
pub struct Tallied<K, F> {
    pub groups: BTreeMap<K, Tally>,
    pub failed: u64,
    pub failed_lines: Vec<F>,
}

impl<K, F> Default for Tallied<K, F> {
    fn default() -> Self {
        Tallied {
            groups: BTreeMap::new(),
            failed: 0,
            failed_lines: Vec::new(),
        }
    }
}

impl<K: Ord + Clone, F> Tallied<K, F> {
    /// The tally of a group.
    pub fn group(&mut self, key: K) -> &mut Tally {
        self.groups.entry(key).or_default()
    }

    /// A ticket or line that failed: counted, and kept among the first.
    pub fn fail(&mut self, failure: F) {
        self.failed += 1;
        if self.failed_lines.len() < FAILED_SAMPLE {
            self.failed_lines.push(failure);
        }
    }

    /// The next part of the input's summary.
    pub fn merge(&mut self, part: Tallied<K, F>) {
        for (key, tally) in &part.groups {
            self.group(key.clone()).merge(tally);
        }
        self.failed += part.failed;
        let room = FAILED_SAMPLE.saturating_sub(self.failed_lines.len());
        self.failed_lines
            .extend(part.failed_lines.into_iter().take(room));
    }

    /// The tickets judged and those that failed, counted in `unit`.
    pub fn counted(&self, unit: Unit) -> Counted {
        let judged: u64 = self.groups.values().map(|t| t.tickets).sum();
        Counted {
            failed: self.failed,
            total: judged + self.failed,
            unit,
        }
    }
}

/// What writes the output line of one ticket (its result, or an error).
pub trait Lines: FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()> {}

impl<T: FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()>> Lines for T {}

/// A batch to run: where its tickets come from, where a bad line's error
/// goes, how many workers read it, and what makes a worker's line writer.
pub struct Batch<'a, F> {
    pub source: Source<'a>,
    pub errors: ErrorPlacement,
    pub jobs: usize,
    pub make: &'a (dyn Fn() -> F + Sync),
}

/// Run a batch, writing one line per ticket: its JSON result (or CSV row),
/// or `{"line": N, "error": "..."}`, in input order. The lines are read in
/// chunks on `jobs` workers, each with its own line writer. CSV output
/// (errors on stderr) is one table: each chunk is written as its own,
/// header first, and the header is kept once, where the first row is.
pub fn run<F: Lines>(batch: &Batch<F>, out: &mut dyn Write) -> anyhow::Result<()> {
    let (source, errors, make) = (&batch.source, batch.errors, batch.make);
    let table = errors == ErrorPlacement::Stderr;
    let (mut counted, mut csv) = (Counted::default(), CsvParts::default());
    source.chunks::<Tickets, _, _>(
        &source.field_map()?,
        batch.jobs,
        &|| {
            let mut each = make();
            move |chunk: &Chunk<Columns>, map: &FieldMap| {
                let mut fresh;
                let each: &mut F = if table {
                    fresh = make();
                    &mut fresh
                } else {
                    &mut each
                };
                let mut done = Done::default();
                record::read_chunk::<Tickets, anyhow::Error>(chunk, map, |line, fields| {
                    let error = emit(line, fields, each, &mut done.out, errors)?;
                    done.counted.count(error.is_some());
                    if let (Some(error), true) = (error, table) {
                        done.stderr.push(error_line(line, &error));
                    }
                    Ok(())
                })?;
                Ok(done)
            }
        },
        |done| {
            let text = if table {
                csv.rows(&done.out)
            } else {
                &done.out
            };
            counted.add(done.counted);
            counted.written(out.write_all(text).and_then(|()| out.flush()))?;
            for line in &done.stderr {
                eprintln!("{line}");
            }
            Ok(())
        },
    )?;
    counted.outcome()
}

/// What a worker made of one chunk's output lines.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    /// Errors that go to stderr (CSV output), in order.
    stderr: Vec<String>,
    counted: Counted,
}

/// CSV tables made in parts, each with its header, joined into one: the
/// header is kept where the first row is.
#[derive(Default)]
pub struct CsvParts {
    header_written: bool,
}

impl CsvParts {
    /// The part's text to write: without its header after the first.
    pub fn rows<'t>(&mut self, part: &'t [u8]) -> &'t [u8] {
        if part.is_empty() {
            return part;
        }
        if std::mem::replace(&mut self.header_written, true) {
            let header_end = memchr::memchr(b'\n', part).map_or(part.len(), |end| end + 1);
            return &part[header_end..];
        }
        part
    }
}

/// The line on stderr that reports a failed input line.
/// What a batch line's fields make, or why the line makes nothing: its
/// own error, or the error of `make`, as one line whatever a value in it
/// held (control characters escaped).
pub fn of_line<T>(
    fields: Result<TicketFields<'_>, LineError>,
    make: impl FnOnce(TicketFields<'_>) -> anyhow::Result<T>,
) -> Result<T, String> {
    match fields {
        Ok(fields) => make(fields).map_err(|e| one_line(&e)),
        Err(error) => Err(escaped(&error.to_string()).into_owned()),
    }
}

/// The error of a ticket, naming the ticket unless the message does.
pub fn of_ticket(id: &str, message: &str) -> String {
    if id.is_empty() || message.contains(&format!("'{id}'")) {
        return message.to_string();
    }
    format!("ticket '{id}': {message}")
}

pub fn error_line(line: u64, message: &str) -> String {
    format!("slacalc: line {line}: {message}")
}

/// Append the output line of the ticket on file line `line` to `out`: its
/// result, or (placed in the output) its error object. The error message
/// comes back when the line failed, escaped to one line.
pub fn emit(
    line: u64,
    fields: Result<TicketFields<'_>, LineError>,
    each: &mut impl Lines,
    out: &mut Vec<u8>,
    errors: ErrorPlacement,
) -> anyhow::Result<Option<String>> {
    let start = out.len();
    let failed = match of_line(fields, |fields| each(&fields, out)) {
        Ok(()) => None,
        Err(message) => {
            out.truncate(start);
            if errors == ErrorPlacement::Stderr {
                return Ok(Some(message));
            }
            serde_json::to_writer(
                &mut *out,
                &crate::render::BatchErrorJson {
                    error: message.clone(),
                    line,
                },
            )?;
            Some(message)
        }
    };
    out.push(b'\n');
    Ok(failed)
}
