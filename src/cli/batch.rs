//! Batch mode: tickets as JSON Lines or CSV in, one JSON object per line out,
//! in input order and in constant memory. A bad line yields an error object
//! in its place and the rest go on.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

use clap::ValueEnum;
use slacalc::input::escaped;
use slacalc::ticket::{Columns, TicketFields};

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

/// The longest line (or CSV record) read, in bytes without its line
/// ending: a longer one is an error in its place, skipped without being
/// held in memory.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The byte order mark some programs put at the start of a text file.
const BOM: &[u8] = b"\xef\xbb\xbf";

fn open(path: &str) -> anyhow::Result<Named> {
    let cannot = |why: &dyn std::fmt::Display| {
        slacalc::Error::Input(format!("cannot read '{}': {why}", escaped(path)))
    };
    let inner: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else {
        let file = File::open(path).map_err(|e| cannot(&e))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(cannot(&"it is a directory").into());
        }
        Box::new(file)
    };
    Ok(Named {
        inner,
        path: escaped(path).into_owned(),
    })
}

/// The input, whose read errors name it.
struct Named {
    inner: Box<dyn Read>,
    path: String,
}

impl Read for Named {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner
            .read(buf)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot read '{}': {e}", self.path)))
    }
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
    let mut sink = Sink {
        out,
        pending: Vec::with_capacity(OUT_CHUNK * 2),
        errors,
        total: 0,
        failed: 0,
    };
    // Finished lines are written out even when reading stops on an error.
    let read = (|| -> anyhow::Result<()> {
        if reader.fill_buf()?.starts_with(BOM) {
            reader.consume(BOM.len());
        }
        match format {
            InputFormat::Jsonl => read_json_lines(&mut reader, &mut sink, &mut each),
            InputFormat::Csv => read_csv(&mut reader, &mut sink, &mut each),
        }
    })();
    sink.flush()?;
    read?;
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
        fields: Result<TicketFields<'_>, String>,
        each: &mut impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.total += 1;
        let start = self.pending.len();
        let result = match fields {
            Ok(fields) => each(&fields, &mut self.pending).map_err(|e| one_line(&e)),
            Err(message) => Err(message),
        };
        if let Err(message) = result {
            // One line, whatever a value in it held.
            let message = escaped(&message);
            self.failed += 1;
            self.pending.truncate(start);
            if self.errors == ErrorPlacement::Stderr {
                eprintln!("slacalc: line {line}: {message}");
                return Ok(());
            }
            serde_json::to_writer(
                &mut self.pending,
                &serde_json::json!({ "line": line, "error": message }),
            )?;
        }
        self.pending.push(b'\n');
        if self.pending.len() >= OUT_CHUNK {
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

fn too_long() -> String {
    format!("the line is longer than 1 MiB ({MAX_LINE_BYTES} bytes); it was skipped")
}

/// JSON Lines: one ticket a line; blank lines are skipped, but counted.
fn read_json_lines(
    reader: &mut impl BufRead,
    sink: &mut Sink,
    each: &mut impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut number = 0;
    // A line that straddles the reader's buffer is copied here; the others
    // are read where they lie.
    let mut straddling = Vec::new();
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        number += 1;
        if let Some(end) = memchr::memchr(b'\n', buffer) {
            let line = without_cr(&buffer[..end]);
            if line.len() <= MAX_LINE_BYTES {
                if !is_blank(line) {
                    sink.emit(number, ticket_line(line), each)?;
                }
                reader.consume(end + 1);
                continue;
            }
        }
        straddling.clear();
        let ended = read_capped(reader, &mut straddling)?;
        let line = without_cr(&straddling);
        if line.len() > MAX_LINE_BYTES {
            // Said at once: a line without end (a device, a stuck pipe)
            // still shows its error.
            sink.emit(number, Err(too_long()), each)?;
            sink.flush()?;
            if !ended {
                skip_line(reader)?;
            }
        } else if !is_blank(line) {
            sink.emit(number, ticket_line(line), each)?;
        }
    }
}

/// Read up to and including the next `\n`, but hold no more than
/// `MAX_LINE_BYTES` and a line ending: whether the line ended.
fn read_capped(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<bool> {
    let limit = MAX_LINE_BYTES + 2;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(true);
        }
        let room = limit - line.len();
        let (take, ended) = match memchr::memchr(b'\n', buffer) {
            Some(end) if end < room => (end + 1, true),
            _ => (buffer.len().min(room), false),
        };
        line.extend_from_slice(&buffer[..take]);
        reader.consume(take);
        if ended {
            line.pop();
            return Ok(true);
        }
        if line.len() >= limit {
            return Ok(false);
        }
    }
}

/// Skip to just after the next `\n`, holding nothing.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        if let Some(end) = memchr::memchr(b'\n', buffer) {
            reader.consume(end + 1);
            return Ok(());
        }
        let all = buffer.len();
        reader.consume(all);
    }
}

fn without_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// CSV: a header row, then one ticket a row.
fn read_csv(
    reader: &mut impl BufRead,
    sink: &mut Sink,
    each: &mut impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut csv = CsvReader::new(reader);
    let columns = loop {
        match csv.read()? {
            CsvRecord::End => return Ok(()),
            CsvRecord::Row { .. } if csv.is_blank() => {}
            CsvRecord::Row { line } => match csv.cells() {
                Some(cells) => {
                    break Columns::new(cells)
                        .map_err(|e| slacalc::Error::Input(format!("line {line}: {e}")))?
                }
                None => {
                    return Err(slacalc::Error::Input(format!(
                        "line {line}: the header is not UTF-8 text"
                    ))
                    .into())
                }
            },
            CsvRecord::TooLong { line } | CsvRecord::Unclosed { line } => {
                return Err(slacalc::Error::Input(format!(
                    "line {line}: the header is longer than 1 MiB or has a quote that is never closed"
                ))
                .into())
            }
        }
    };
    loop {
        let (line, fields) = match csv.read()? {
            CsvRecord::End => return Ok(()),
            CsvRecord::TooLong { line } => (line, Err(too_long())),
            CsvRecord::Unclosed { line } => (
                line,
                Err("a quoted cell that starts on this line is never closed".to_string()),
            ),
            CsvRecord::Row { line } => {
                if csv.is_blank() {
                    continue;
                }
                let fields = match csv.cells() {
                    None => Err("the line is not UTF-8 text".to_string()),
                    Some(_) if csv.ends.len() > columns.len() => Err(format!(
                        "the row has {} cells, the header {}",
                        csv.ends.len(),
                        columns.len()
                    )),
                    Some(cells) => TicketFields::from_row(&columns, cells),
                };
                (line, fields)
            }
        };
        sink.emit(line, fields, each)?;
    }
}

/// What reading one CSV record found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvRecord {
    /// A record starting on file line `line`; its cells are in the reader.
    Row { line: u64 },
    /// A record longer than [`MAX_LINE_BYTES`], skipped.
    TooLong { line: u64 },
    /// A quoted cell that runs to the end of the input.
    Unclosed { line: u64 },
    /// The end of the input.
    End,
}

/// Where the CSV reader is within a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between records (blank lines are skipped here).
    Between,
    /// At the start of a cell.
    CellStart,
    /// In a cell without quotes: a quote is a character like any other.
    Plain,
    /// In a quoted cell.
    Quoted,
    /// Just after a quote in a quoted cell: a second one is a quote, a
    /// comma or line end ends the cell, anything else goes on unquoted.
    QuoteInQuoted,
}

/// CSV records, read with the csv crate's default dialect (`,` between
/// cells, `"` opens a quoted cell only at its start and is doubled inside
/// it; a record ends at `\n`, `\r\n` or `\r` outside quotes), with the
/// file line each starts on and a cap on the bytes a record holds.
struct CsvReader<'r, R> {
    reader: &'r mut R,
    /// The file line the reader is on: a line ends at `\n`, `\r\n` or `\r`,
    /// also inside quotes.
    line: u64,
    /// The last byte was `\r` (a `\n` next ends no further line).
    after_cr: bool,
    /// The cells of the record, unquoted, one after another.
    text: Vec<u8>,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
}

impl<'r, R: BufRead> CsvReader<'r, R> {
    fn new(reader: &'r mut R) -> Self {
        CsvReader {
            reader,
            line: 1,
            after_cr: false,
            text: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// The next record.
    fn read(&mut self) -> io::Result<CsvRecord> {
        self.text.clear();
        self.ends.clear();
        let mut state = State::Between;
        let mut first_line = self.line;
        // Bytes of the record so far, quotes and separators included.
        let mut size = 0usize;
        loop {
            let buffer = self.reader.fill_buf()?;
            if buffer.is_empty() {
                return Ok(match state {
                    State::Between => CsvRecord::End,
                    State::Quoted => CsvRecord::Unclosed { line: first_line },
                    _ if size > MAX_LINE_BYTES => CsvRecord::TooLong { line: first_line },
                    _ => {
                        self.ends.push(self.text.len());
                        CsvRecord::Row { line: first_line }
                    }
                });
            }
            let mut i = 0;
            let mut ended = false;
            while i < buffer.len() {
                // Runs without anything special are taken whole.
                let run = match state {
                    State::Plain => memchr::memchr3(b',', b'\r', b'\n', &buffer[i..]),
                    State::Quoted => memchr::memchr3(b'"', b'\r', b'\n', &buffer[i..]),
                    _ => Some(0),
                }
                .unwrap_or(buffer.len() - i);
                if run > 0 {
                    let room = (MAX_LINE_BYTES + 1).saturating_sub(self.text.len());
                    self.text.extend_from_slice(&buffer[i..i + run.min(room)]);
                    size += run;
                    self.after_cr = false;
                    i += run;
                    continue;
                }
                let byte = buffer[i];
                i += 1;
                match byte {
                    b'\n' if self.after_cr => self.after_cr = false,
                    b'\n' => self.line += 1,
                    b'\r' => {
                        self.line += 1;
                        self.after_cr = true;
                    }
                    _ => self.after_cr = false,
                }
                let end_of_line = matches!(byte, b'\n' | b'\r');
                if state == State::Between {
                    if end_of_line {
                        continue;
                    }
                    first_line = self.line;
                    state = State::CellStart;
                }
                if end_of_line && state != State::Quoted {
                    self.ends.push(self.text.len());
                    ended = true;
                    break;
                }
                size += 1;
                let keep = match (state, byte) {
                    (State::CellStart, b'"') => {
                        state = State::Quoted;
                        None
                    }
                    (State::Quoted, b'"') => {
                        state = State::QuoteInQuoted;
                        None
                    }
                    (State::QuoteInQuoted, b'"') => {
                        state = State::Quoted;
                        Some(byte)
                    }
                    (State::CellStart | State::Plain | State::QuoteInQuoted, b',') => {
                        state = State::CellStart;
                        self.ends.push(self.text.len());
                        None
                    }
                    (State::Quoted, _) => Some(byte),
                    _ => {
                        state = State::Plain;
                        Some(byte)
                    }
                };
                if let Some(byte) = keep {
                    if self.text.len() <= MAX_LINE_BYTES {
                        self.text.push(byte);
                    }
                }
            }
            self.reader.consume(i);
            if ended {
                return Ok(if size > MAX_LINE_BYTES {
                    CsvRecord::TooLong { line: first_line }
                } else {
                    CsvRecord::Row { line: first_line }
                });
            }
        }
    }

    /// The cells of the record just read, or `None` when it is not UTF-8.
    fn cells(&self) -> Option<impl Iterator<Item = &str>> {
        let text = std::str::from_utf8(&self.text).ok()?;
        if !self.ends.iter().all(|&end| text.is_char_boundary(end)) {
            return None;
        }
        Some(self.ends.iter().scan(0, move |start, &end| {
            let cell = &text[*start..end];
            *start = end;
            Some(cell)
        }))
    }

    /// A record of one blank cell: a line of white space.
    fn is_blank(&self) -> bool {
        self.ends.len() == 1 && is_blank(&self.text)
    }
}

/// A line with nothing but white space (Unicode's, as `str::trim` sees it).
fn is_blank(line: &[u8]) -> bool {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|text| text.trim().is_empty()),
    }
}

/// Output is written in chunks of about this many bytes.
const OUT_CHUNK: usize = 1 << 16;

/// The ticket on one line of JSON Lines input.
fn ticket_line(line: &[u8]) -> Result<TicketFields<'_>, String> {
    let text = std::str::from_utf8(line).map_err(|e| {
        format!(
            "the line is not UTF-8 text (at byte {})",
            e.valid_up_to() + 1
        )
    })?;
    TicketFields::from_json(text)
}
