//! Batch mode: tickets as JSON Lines or CSV in (read by
//! [`slacalc::batch`]), one JSON object per line out, in input order and in
//! constant memory. A bad line yields an error object in its place and the
//! rest go on.

use std::collections::BTreeMap;
use std::io::{self, Write};

use anyhow::Context as _;
use slacalc::audit::Tally;
use slacalc::batch::{LineError, ReadError};
use slacalc::input::escaped;
use slacalc::ticket::{FieldMap, TicketFields};

use super::one_line;
pub use super::source::{format_of, open, InputFormat};

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

/// Some lines of a batch failed; each was reported with its line number.
#[derive(Debug, thiserror::Error)]
#[error("{failed} of {total} input lines failed")]
pub struct BatchFailed {
    pub failed: u64,
    pub total: u64,
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

    /// Why the summary fails, if a ticket or line did: how many of all.
    pub fn failures(&self) -> Option<BatchFailed> {
        let judged: u64 = self.groups.values().map(|t| t.tickets).sum();
        (self.failed > 0).then(|| BatchFailed {
            failed: self.failed,
            total: judged + self.failed,
        })
    }
}

/// What stopped reading, as the CLI reports it: a header that cannot be
/// used is bad input.
pub fn stopped(error: ReadError<anyhow::Error>) -> anyhow::Error {
    match error {
        ReadError::Io(e) => e.into(),
        ReadError::Header { line, message } => {
            slacalc::Error::value(line, format!("line {line}: {message}")).into()
        }
        ReadError::Each(e) => e,
    }
}

/// Where a batch comes from: the file (`-`: standard input), its format if
/// given, and the export's own names for fields (`--map FIELD=COLUMN`).
pub struct Source<'a> {
    pub path: &'a str,
    pub format: Option<InputFormat>,
    pub map: &'a [String],
}

impl Source<'_> {
    /// The export's names for fields (`--map`), read.
    pub fn field_map(&self) -> anyhow::Result<FieldMap> {
        FieldMap::parse(self.map).context("--map")
    }

    /// Read every ticket of the source (see `slacalc::batch::read`).
    pub fn read<E>(
        &self,
        each: impl FnMut(u64, Result<TicketFields<'_>, LineError>) -> Result<(), E>,
    ) -> anyhow::Result<Result<slacalc::batch::Outcome, slacalc::batch::ReadError<E>>> {
        let map = self.field_map()?;
        let format = format_of(self.path, self.format);
        Ok(slacalc::batch::read_mapped(
            open(self.path)?,
            format,
            &map,
            each,
        ))
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
/// or `{"line": N, "error": "..."}`. With more than one job, each worker
/// makes its own line writer and the lines are read on all of them, the
/// output still in input order.
pub fn run<F: Lines>(batch: &Batch<F>, out: &mut dyn Write) -> anyhow::Result<()> {
    if batch.jobs > 1 {
        return super::parallel::run(batch, out);
    }
    let (source, errors) = (&batch.source, batch.errors);
    let mut each = (batch.make)();
    let mut sink = Sink {
        out,
        pending: Vec::with_capacity(OUT_CHUNK * 2),
        errors,
        total: 0,
        failed: 0,
    };
    let read = source.read(|line, fields| sink.emit(line, fields, &mut each))?;
    // Finished lines are written out even when reading stops on an error.
    sink.flush()?;
    read.map_err(stopped)?;
    if sink.failed > 0 {
        return Err(BatchFailed {
            failed: sink.failed,
            total: sink.total,
        }
        .into());
    }
    Ok(())
}

/// Where the output lines gather and go out in chunks; a line that fails
/// is cut back to where it began and its error takes its place.
struct Sink<'o> {
    out: &'o mut dyn Write,
    pending: Vec<u8>,
    errors: ErrorPlacement,
    total: u64,
    failed: u64,
}

impl Sink<'_> {
    /// The output of the ticket on file line `line`, or its error.
    fn emit(
        &mut self,
        line: u64,
        fields: Result<TicketFields<'_>, LineError>,
        each: &mut impl Lines,
    ) -> anyhow::Result<()> {
        self.total += 1;
        // Said at once: after a line too long the reader skips to its end,
        // which may never come (a device, a stuck pipe).
        let at_once = matches!(fields, Err(LineError::TooLong));
        if let Some(message) = emit(line, fields, each, &mut self.pending, self.errors)? {
            self.failed += 1;
            if self.errors == ErrorPlacement::Stderr {
                eprintln!("slacalc: line {line}: {message}");
            }
        }
        if at_once {
            self.flush()?;
        } else if self.pending.len() >= OUT_CHUNK {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
        }
        Ok(())
    }

    /// Write out what has gathered.
    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.pending)?;
        self.pending.clear();
        self.out.flush()
    }
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
    let result = match fields {
        Ok(fields) => each(&fields, out).map_err(|e| one_line(&e)),
        Err(error) => Err(error.to_string()),
    };
    let failed = match result {
        Ok(()) => None,
        Err(message) => {
            // One line, whatever a value in it held.
            let message = escaped(&message).into_owned();
            out.truncate(start);
            if errors == ErrorPlacement::Stderr {
                return Ok(Some(message));
            }
            serde_json::to_writer(
                &mut *out,
                &serde_json::json!({ "line": line, "error": message }),
            )?;
            Some(message)
        }
    };
    out.push(b'\n');
    Ok(failed)
}

/// Output is written in chunks of about this many bytes.
const OUT_CHUNK: usize = 1 << 16;
