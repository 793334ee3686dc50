//! Bytes into lines and CSV records: JSON Lines or CSV framed with their
//! file line numbers, a leading byte order mark skipped, `\r\n` and lone
//! `\r` line ends, blank lines skipped, the 1 MiB cap on a line, a CSV
//! delimiter told from the header, a quote never closed reported where it
//! opens and reading resumed on the next line, and chunks of framed lines
//! to be read on other cores. What a line or record holds is
//! [`crate::record`]'s; this module knows no field.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;

mod csv;

use csv::read_csv;
pub use csv::{CsvHeader, CsvRow};

/// The shape of a batch input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object per line.
    Jsonl,
    /// A header row, then one ticket per row.
    Csv,
    /// Either, told apart by the first character that is not white space:
    /// a letter (or a quote) starts a CSV header, anything else is read as
    /// JSON Lines (for input whose name says neither, such as standard
    /// input).
    Detect,
}

/// The longest line (or CSV record) read, in bytes without its line
/// ending: a longer one is an error in its place, skipped without being
/// held in memory.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The byte order mark some programs put at the start of a text file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Why a line holds no ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// The line (or CSV record) is longer than [`MAX_LINE_BYTES`]; it was
    /// skipped unread.
    TooLong,
    /// The line was read but is not a ticket: what is wrong with it.
    Invalid(String),
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineError::TooLong => write!(
                f,
                "the line is longer than 1 MiB ({MAX_LINE_BYTES} bytes); it was skipped"
            ),
            LineError::Invalid(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for LineError {}

/// What stopped a batch.
#[derive(Debug)]
pub enum ReadError<E> {
    /// The input could not be read.
    Io(io::Error),
    /// The CSV header on file line `line` cannot be read.
    Header { line: u64, message: String },
    /// The CSV header on file line `line` was read, but its columns do not
    /// give what the records need: the header reader's message.
    Columns { line: u64, message: String },
    /// The callback's own error.
    Each(E),
}

impl<E: fmt::Display> fmt::Display for ReadError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Header { line, message } | ReadError::Columns { line, message } => {
                write!(f, "line {line}: {message}")
            }
            ReadError::Each(e) => write!(f, "{e}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ReadError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io(e) => Some(e),
            ReadError::Header { .. } | ReadError::Columns { .. } => None,
            ReadError::Each(e) => Some(e),
        }
    }
}

impl<E> From<io::Error> for ReadError<E> {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// About this many bytes of input go to a worker at a time.
pub const CHUNK_BYTES: usize = 1 << 17;

/// Read `input` as `format` and give each line or CSV row, framed but not
/// yet read as a record, to `sink`; a CSV header is read by `header` first
/// (its error stops reading, as [`ReadError::Columns`]). A leading byte
/// order mark is skipped; blank lines are skipped.
pub fn frame<H, E>(
    input: impl Read,
    format: InputFormat,
    header: impl FnOnce(&CsvHeader<'_>) -> Result<H, String>,
    sink: &mut impl Framed<H, E>,
) -> Result<(), ReadError<E>> {
    // The first bytes, read apart so that a mark split over reads is seen.
    let mut start = [0u8; BOM.len()];
    let mut held = 0;
    let mut input = input;
    while held < start.len() {
        match input.read(&mut start[held..]) {
            Ok(0) => break,
            Ok(n) => held += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    let start = if start[..held] == *BOM {
        &[][..]
    } else {
        &start[..held]
    };
    let mut reader = BufReader::with_capacity(1 << 16, start.chain(input));
    let format = match format {
        InputFormat::Detect => {
            let first = reader
                .fill_buf()?
                .iter()
                .copied()
                .find(|b| !b.is_ascii_whitespace());
            // A CSV header starts with a name (or a quoted one).
            if first.is_some_and(|b| b.is_ascii_alphabetic() || b == b'"' || b == b'_') {
                InputFormat::Csv
            } else {
                InputFormat::Jsonl
            }
        }
        given => given,
    };
    match format {
        InputFormat::Jsonl | InputFormat::Detect => read_json_lines(&mut reader, sink),
        InputFormat::Csv => read_csv(&mut reader, header, sink),
    }
}

/// Where framed lines and rows go.
pub trait Framed<H, E> {
    /// The CSV header, as read, before its rows.
    fn header(&mut self, header: &Arc<H>);
    /// A line of JSON Lines (without its line end), or why it holds none.
    fn line(&mut self, number: u64, line: Result<&[u8], LineError>) -> Result<(), E>;
    /// A CSV row, or why it holds none.
    fn row(&mut self, number: u64, row: Result<CsvRow<'_>, LineError>) -> Result<(), E>;
}

/// Lines or CSV rows framed but not yet read as records, gathered to be
/// read elsewhere (on another core), in input order.
#[derive(Debug)]
pub struct Chunk<H> {
    text: Vec<u8>,
    ends: Vec<usize>,
    items: Vec<Item>,
    /// The CSV header, as read (`None`: JSON Lines).
    header: Option<Arc<H>>,
}

impl<H> Default for Chunk<H> {
    fn default() -> Self {
        Chunk {
            text: Vec::new(),
            ends: Vec::new(),
            items: Vec::new(),
            header: None,
        }
    }
}

/// One line or row of a chunk: its file line, and where its text (and CSV
/// cell ends) lie in the chunk, or why it holds nothing.
#[derive(Debug)]
struct Item {
    number: u64,
    framed: Result<(std::ops::Range<usize>, std::ops::Range<usize>), LineError>,
}

impl<H> Chunk<H> {
    /// How many lines or rows it holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Give each line or row of the chunk to `sink`, in order, as
    /// [`frame`] gave them.
    pub fn replay<E>(&self, sink: &mut impl Framed<H, E>) -> Result<(), E> {
        if let Some(header) = &self.header {
            sink.header(header);
        }
        for item in &self.items {
            match (&item.framed, &self.header) {
                // Why a line holds nothing is the same whatever its format.
                (Err(error), _) => sink.line(item.number, Err(error.clone()))?,
                (Ok((text, _)), None) => sink.line(item.number, Ok(&self.text[text.clone()]))?,
                (Ok((text, ends)), Some(_)) => sink.row(
                    item.number,
                    Ok(CsvRow {
                        text: &self.text[text.clone()],
                        ends: &self.ends[ends.clone()],
                    }),
                )?,
            }
        }
        Ok(())
    }
}

/// Framed lines gathered into chunks of about `bytes` bytes of text, each
/// given to `ship` when full.
struct Gather<H, F> {
    chunk: Chunk<H>,
    bytes: usize,
    ship: F,
}

impl<H, F> Gather<H, F> {
    /// Add a line or row; ship the chunk when full, or at once after a line
    /// too long (after it the reader skips to its end, which may never come).
    fn push<E>(
        &mut self,
        number: u64,
        framed: Result<(&[u8], &[usize]), LineError>,
    ) -> Result<(), E>
    where
        F: FnMut(Chunk<H>) -> Result<(), E>,
    {
        let too_long = matches!(framed, Err(LineError::TooLong));
        let chunk = &mut self.chunk;
        let framed = framed.map(|(text, ends)| {
            let at = (chunk.text.len(), chunk.ends.len());
            chunk.text.extend_from_slice(text);
            chunk.ends.extend_from_slice(ends);
            (at.0..chunk.text.len(), at.1..chunk.ends.len())
        });
        chunk.items.push(Item { number, framed });
        if too_long || chunk.text.len() >= self.bytes {
            let chunk = self.take();
            (self.ship)(chunk)?;
        }
        Ok(())
    }

    fn take(&mut self) -> Chunk<H> {
        let header = self.chunk.header.clone();
        std::mem::replace(
            &mut self.chunk,
            Chunk {
                header,
                ..Chunk::default()
            },
        )
    }
}

impl<H, E, F: FnMut(Chunk<H>) -> Result<(), E>> Framed<H, E> for Gather<H, F> {
    fn header(&mut self, header: &Arc<H>) {
        self.chunk.header = Some(Arc::clone(header));
    }

    fn line(&mut self, number: u64, line: Result<&[u8], LineError>) -> Result<(), E> {
        self.push(number, line.map(|line| (line, &[][..])))
    }

    fn row(&mut self, number: u64, row: Result<CsvRow<'_>, LineError>) -> Result<(), E> {
        self.push(number, row.map(|row| (row.text, row.ends)))
    }
}

/// Frame `input` like [`frame`], and hand its lines on not yet read, in
/// chunks of about `bytes` bytes of text, to be read (on other cores) with
/// [`Chunk::replay`]; `ship` gets them in input order.
pub fn chunks<H, E>(
    input: impl Read,
    format: InputFormat,
    header: impl FnOnce(&CsvHeader<'_>) -> Result<H, String>,
    bytes: usize,
    ship: impl FnMut(Chunk<H>) -> Result<(), E>,
) -> Result<(), ReadError<E>> {
    let mut gather = Gather {
        chunk: Chunk::default(),
        bytes,
        ship,
    };
    frame(input, format, header, &mut gather)?;
    if !gather.chunk.items.is_empty() {
        let chunk = gather.take();
        (gather.ship)(chunk).map_err(ReadError::Each)?;
    }
    Ok(())
}

/// JSON Lines: one ticket a line; blank lines are skipped, but counted.
fn read_json_lines<H, E>(
    reader: &mut impl BufRead,
    sink: &mut impl Framed<H, E>,
) -> Result<(), ReadError<E>> {
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
                    sink.line(number, Ok(line)).map_err(ReadError::Each)?;
                }
                reader.consume(end + 1);
                continue;
            }
        }
        straddling.clear();
        let ended = read_capped(reader, &mut straddling)?;
        let line = without_cr(&straddling);
        if line.len() > MAX_LINE_BYTES {
            // Said before the rest is skipped: a line without end (a
            // device, a stuck pipe) still has its error reported.
            sink.line(number, Err(LineError::TooLong))
                .map_err(ReadError::Each)?;
            if !ended {
                skip_line(reader)?;
            }
        } else if !is_blank(line) {
            sink.line(number, Ok(line)).map_err(ReadError::Each)?;
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

/// A line with nothing but white space (Unicode's, as `str::trim` sees it).
pub(crate) fn is_blank(line: &[u8]) -> bool {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|text| text.trim().is_empty()),
    }
}
