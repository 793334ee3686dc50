//! Batch mode: tickets as JSON Lines or CSV in, one JSON object per line out,
//! in input order and in constant memory. A bad line yields an error object
//! in its place and the rest go on.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

use clap::ValueEnum;
use slacalc::ticket::TicketFields;

use super::one_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object per line
    Jsonl,
    /// A header row, then one ticket per row
    Csv,
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

fn open(path: &str) -> anyhow::Result<Box<dyn Read>> {
    if path == "-" {
        return Ok(Box::new(io::stdin()));
    }
    let file = File::open(path)
        .map_err(|e| slacalc::Error::Input(format!("cannot read --input {path}: {e}")))?;
    Ok(Box::new(file))
}

/// Run `each` over every ticket of the input, writing one line per ticket:
/// its JSON result, or `{"line": N, "error": "..."}`.
pub fn run(
    path: &str,
    format: Option<InputFormat>,
    errors: ErrorPlacement,
    out: &mut dyn Write,
    mut each: impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let format = format.unwrap_or(if path.to_ascii_lowercase().ends_with(".csv") {
        InputFormat::Csv
    } else {
        InputFormat::Jsonl
    });
    let mut reader = BufReader::with_capacity(1 << 16, open(path)?);
    // Output lines gather here and go out in chunks; a line that fails is
    // cut back to where it began and its error takes its place.
    let mut pending = Vec::with_capacity(OUT_CHUNK * 2);
    let (mut total, mut failed) = (0u64, 0u64);
    let mut emit = |line: u64,
                    fields: Result<TicketFields<'_>, String>,
                    out: &mut dyn Write|
     -> anyhow::Result<()> {
        total += 1;
        let start = pending.len();
        let result = match fields {
            Ok(fields) => each(&fields, &mut pending).map_err(|e| one_line(&e)),
            Err(message) => Err(message),
        };
        if let Err(message) = result {
            failed += 1;
            pending.truncate(start);
            if errors == ErrorPlacement::Stderr {
                eprintln!("slacalc: line {line}: {message}");
                return Ok(());
            }
            serde_json::to_writer(
                &mut pending,
                &serde_json::json!({ "line": line, "error": message }),
            )?;
        }
        pending.push(b'\n');
        if pending.len() >= OUT_CHUNK {
            out.write_all(&pending)?;
            pending.clear();
        }
        Ok(())
    };
    // Finished lines are written out even when reading stops on an error.
    let read = (|| -> anyhow::Result<()> {
        match format {
            InputFormat::Jsonl => {
                let mut number = 0;
                // A line that straddles the reader's buffer is copied here;
                // the others are read where they lie.
                let mut straddling = Vec::new();
                loop {
                    let buffer = reader.fill_buf()?;
                    if buffer.is_empty() {
                        break;
                    }
                    number += 1;
                    let (line, used) = if let Some(end) = memchr::memchr(b'\n', buffer) {
                        (&buffer[..end], end + 1)
                    } else {
                        straddling.clear();
                        reader.read_until(b'\n', &mut straddling)?;
                        (&straddling[..], 0)
                    };
                    // Blank lines are skipped, but counted.
                    if !is_blank(line) {
                        emit(number, ticket_line(number, line), out)?;
                    }
                    reader.consume(used);
                }
            }
            InputFormat::Csv => {
                let mut csv = csv::ReaderBuilder::new()
                    .trim(csv::Trim::All)
                    .from_reader(reader);
                let headers = csv.headers()?.clone();
                let mut record = csv::StringRecord::new();
                // Line numbers count the newlines inside quoted fields too
                // (blank lines, which CSV skips, are not counted).
                let mut next_line = 2 + newlines(&headers);
                loop {
                    let number = next_line;
                    let fields = match csv.read_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) => {
                            next_line += 1 + newlines(&record);
                            record
                                .deserialize::<TicketFields>(Some(&headers))
                                .map_err(|e| format!("line {number}: {e}"))
                        }
                        Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => return Err(e.into()),
                        Err(e) => {
                            next_line += 1;
                            Err(e.to_string())
                        }
                    };
                    emit(number, fields, out)?;
                }
            }
        }
        Ok(())
    })();
    out.write_all(&pending)?;
    out.flush()?;
    read?;
    if failed > 0 {
        return Err(BatchFailed { failed, total }.into());
    }
    Ok(())
}

/// A line with nothing but white space (Unicode's, as `str::trim` sees it).
fn is_blank(line: &[u8]) -> bool {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|text| text.trim().is_empty()),
    }
}

fn newlines(record: &csv::StringRecord) -> u64 {
    memchr::memchr_iter(b'\n', record.as_slice().as_bytes()).count() as u64
}

/// Output is written in chunks of about this many bytes.
const OUT_CHUNK: usize = 1 << 16;

/// The ticket on one line of JSON Lines input.
fn ticket_line(number: u64, line: &[u8]) -> Result<TicketFields<'_>, String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("line {number} is not UTF-8 text: {e}"))?;
    serde_json::from_str(text).map_err(|e| format!("line {number}: {e}"))
}
