//! Reading a batch of tickets: JSON Lines or CSV in, one
//! [`TicketFields`] per ticket out, in input order and in constant memory,
//! each with the file line it starts on. A line that holds no ticket is an
//! error for that line and reading goes on; only an I/O error (or a CSV
//! header that cannot be read) stops it.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use crate::ticket::{Columns, FieldMap, TicketFields};

/// What one line (or CSV record) of a batch holds: a ticket row, or an
/// event of a ticket history. Both read the same way (SPEC §9).
pub trait Record {
    /// The record, borrowing the line's text where it can.
    type Of<'l>;
    /// The record on one line of JSON Lines.
    fn from_json<'l>(text: &'l str, map: &FieldMap) -> Result<Self::Of<'l>, String>;
    /// The record in one CSV row, under the header's `columns`.
    fn from_row<'l>(
        columns: &Columns,
        cells: impl Iterator<Item = &'l str>,
    ) -> Result<Self::Of<'l>, String>;
}

/// Ticket rows.
pub struct Tickets;

impl Record for Tickets {
    type Of<'l> = TicketFields<'l>;
    fn from_json<'l>(text: &'l str, map: &FieldMap) -> Result<TicketFields<'l>, String> {
        TicketFields::from_json(text, map)
    }
    fn from_row<'l>(
        columns: &Columns,
        cells: impl Iterator<Item = &'l str>,
    ) -> Result<TicketFields<'l>, String> {
        TicketFields::from_row(columns, cells)
    }
}

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
    /// The CSV header on file line `line` cannot be used.
    Header { line: u64, message: String },
    /// The callback's own error.
    Each(E),
}

impl<E: fmt::Display> fmt::Display for ReadError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Header { line, message } => write!(f, "line {line}: {message}"),
            ReadError::Each(e) => write!(f, "{e}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ReadError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Io(e) => Some(e),
            ReadError::Header { .. } => None,
            ReadError::Each(e) => Some(e),
        }
    }
}

impl<E> From<io::Error> for ReadError<E> {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// What a batch held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Tickets given to the callback, good or not (blank lines and the
    /// CSV header are not counted).
    pub lines: u64,
    /// Those of them that were an error.
    pub invalid: u64,
}

/// Read every ticket of `input` and give it to `each` with the file line
/// it starts on (the first line is 1; blank lines count), or the reason
/// that line holds none. A leading byte order mark is skipped; blank
/// lines are skipped. An error from `each` stops reading and is returned
/// as [`ReadError::Each`].
pub fn read<E>(
    input: impl Read,
    format: InputFormat,
    each: impl FnMut(u64, Result<TicketFields<'_>, LineError>) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    read_mapped(input, format, &FieldMap::default(), each)
}

/// [`read`], with the export's own column (or key) names for fields
/// (`--map FIELD=COLUMN`).
pub fn read_mapped<E>(
    input: impl Read,
    format: InputFormat,
    map: &FieldMap,
    each: impl FnMut(u64, Result<TicketFields<'_>, LineError>) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    read_records::<Tickets, E>(input, format, map, each)
}

/// [`read_mapped`], for any kind of [`Record`].
pub fn read_records<R: Record, E>(
    input: impl Read,
    format: InputFormat,
    map: &FieldMap,
    each: impl FnMut(u64, Result<R::Of<'_>, LineError>) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    let mut parse = Parse::<R, _> {
        map,
        columns: None,
        outcome: Outcome::default(),
        each,
        record: std::marker::PhantomData,
    };
    frame(input, format, map, &mut parse)?;
    Ok(parse.outcome)
}

/// Read `input` as `format` and give each line or CSV row, framed but not
/// yet read as a record, to `sink`. A leading byte order mark is skipped;
/// blank lines are skipped.
fn frame<E>(
    input: impl Read,
    format: InputFormat,
    map: &FieldMap,
    sink: &mut impl Framed<E>,
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
        InputFormat::Csv => read_csv(&mut reader, map, sink),
    }
}

/// Where framed lines and rows go.
trait Framed<E> {
    /// The columns of the CSV header, before its rows.
    fn header(&mut self, columns: &Columns);
    /// A line of JSON Lines (without its line end), or why it holds none.
    fn line(&mut self, number: u64, line: Result<&[u8], LineError>) -> Result<(), E>;
    /// A CSV row, or why it holds none.
    fn row(&mut self, number: u64, row: Result<CsvRow<'_>, LineError>) -> Result<(), E>;
}

/// Records read as they are framed, and given to `each`.
struct Parse<'m, R, F> {
    map: &'m FieldMap,
    columns: Option<std::sync::Arc<Columns>>,
    outcome: Outcome,
    each: F,
    record: std::marker::PhantomData<R>,
}

impl<R: Record, E, F> Framed<E> for Parse<'_, R, F>
where
    F: FnMut(u64, Result<R::Of<'_>, LineError>) -> Result<(), E>,
{
    fn header(&mut self, columns: &Columns) {
        self.columns = Some(std::sync::Arc::new(columns.clone()));
    }

    fn line(&mut self, number: u64, line: Result<&[u8], LineError>) -> Result<(), E> {
        let record = line.and_then(|line| json_line::<R>(line, self.map));
        self.outcome.count(record.is_err());
        (self.each)(number, record)
    }

    fn row(&mut self, number: u64, row: Result<CsvRow<'_>, LineError>) -> Result<(), E> {
        let columns = self
            .columns
            .as_ref()
            .expect("the header comes before its rows");
        let record = row.and_then(|row| row.record::<R>(columns));
        self.outcome.count(record.is_err());
        (self.each)(number, record)
    }
}

impl Outcome {
    fn count(&mut self, invalid: bool) {
        self.lines += 1;
        self.invalid += u64::from(invalid);
    }
}

/// Lines or CSV rows framed but not yet read as records, gathered to be
/// read elsewhere (on another core), in input order.
#[derive(Debug, Default)]
pub struct Chunk {
    text: Vec<u8>,
    ends: Vec<usize>,
    items: Vec<Item>,
    /// The CSV header's columns (`None`: JSON Lines).
    columns: Option<std::sync::Arc<Columns>>,
}

/// One line or row of a chunk: its file line, and where its text (and CSV
/// cell ends) lie in the chunk, or why it holds nothing.
#[derive(Debug)]
struct Item {
    number: u64,
    framed: Result<(std::ops::Range<usize>, std::ops::Range<usize>), LineError>,
}

impl Chunk {
    /// How many lines or rows it holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Read each record of the chunk in order, exactly as [`read_records`]
    /// reads them, and give it to `each`.
    pub fn read<R: Record, E>(
        &self,
        map: &FieldMap,
        each: impl FnMut(u64, Result<R::Of<'_>, LineError>) -> Result<(), E>,
    ) -> Result<Outcome, E> {
        let mut parse = Parse::<R, _> {
            map,
            columns: self.columns.clone(),
            outcome: Outcome::default(),
            each,
            record: std::marker::PhantomData,
        };
        for item in &self.items {
            match (&item.framed, &self.columns) {
                // Why a line holds nothing is the same whatever its format.
                (Err(error), _) => parse.line(item.number, Err(error.clone()))?,
                (Ok((text, _)), None) => parse.line(item.number, Ok(&self.text[text.clone()]))?,
                (Ok((text, ends)), Some(_)) => parse.row(
                    item.number,
                    Ok(CsvRow {
                        text: &self.text[text.clone()],
                        ends: &self.ends[ends.clone()],
                    }),
                )?,
            }
        }
        Ok(parse.outcome)
    }
}

/// Framed lines gathered into chunks of about `bytes` bytes of text, each
/// given to `ship` when full.
struct Gather<F> {
    chunk: Chunk,
    bytes: usize,
    ship: F,
}

impl<F> Gather<F> {
    /// Add a line or row; ship the chunk when full, or at once after a line
    /// too long (after it the reader skips to its end, which may never come).
    fn push<E>(
        &mut self,
        number: u64,
        framed: Result<(&[u8], &[usize]), LineError>,
    ) -> Result<(), E>
    where
        F: FnMut(Chunk) -> Result<(), E>,
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

    fn take(&mut self) -> Chunk {
        let columns = self.chunk.columns.clone();
        std::mem::replace(
            &mut self.chunk,
            Chunk {
                columns,
                ..Chunk::default()
            },
        )
    }
}

impl<E, F: FnMut(Chunk) -> Result<(), E>> Framed<E> for Gather<F> {
    fn header(&mut self, columns: &Columns) {
        self.chunk.columns = Some(std::sync::Arc::new(columns.clone()));
    }

    fn line(&mut self, number: u64, line: Result<&[u8], LineError>) -> Result<(), E> {
        self.push(number, line.map(|line| (line, &[][..])))
    }

    fn row(&mut self, number: u64, row: Result<CsvRow<'_>, LineError>) -> Result<(), E> {
        self.push(number, row.map(|row| (row.text, row.ends)))
    }
}

/// Read `input` like [`read_mapped`], but hand its lines on framed and not
/// yet read, in chunks of about `bytes` bytes of text, to be read with
/// [`Chunk::read`] (on other cores); `ship` gets them in input order.
pub fn read_chunks<E>(
    input: impl Read,
    format: InputFormat,
    map: &FieldMap,
    bytes: usize,
    ship: impl FnMut(Chunk) -> Result<(), E>,
) -> Result<(), ReadError<E>> {
    let mut gather = Gather {
        chunk: Chunk::default(),
        bytes,
        ship,
    };
    frame(input, format, map, &mut gather)?;
    if !gather.chunk.items.is_empty() {
        let chunk = gather.take();
        (gather.ship)(chunk).map_err(ReadError::Each)?;
    }
    Ok(())
}

/// JSON Lines: one ticket a line; blank lines are skipped, but counted.
fn read_json_lines<E>(
    reader: &mut impl BufRead,
    sink: &mut impl Framed<E>,
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

/// The record on one line of JSON Lines input.
fn json_line<'l, R: Record>(line: &'l [u8], map: &FieldMap) -> Result<R::Of<'l>, LineError> {
    let text = std::str::from_utf8(line).map_err(|e| {
        LineError::Invalid(format!(
            "the line is not UTF-8 text (at byte {})",
            e.valid_up_to() + 1
        ))
    })?;
    R::from_json(text, map).map_err(LineError::Invalid)
}

/// CSV: a header row, then one ticket a row.
fn read_csv<E>(
    reader: &mut impl BufRead,
    map: &FieldMap,
    sink: &mut impl Framed<E>,
) -> Result<(), ReadError<E>> {
    let mut csv = CsvReader::new(reader);
    let columns = loop {
        let header = |line, message: &str| ReadError::Header {
            line,
            message: message.to_string(),
        };
        match csv.read()? {
            CsvRecord::End => return Ok(()),
            CsvRecord::Row { .. } if csv.is_blank() => {}
            CsvRecord::Row { line } => match csv.row().cells() {
                Some(cells) => break Columns::new(cells, map).map_err(|e| header(line, &e))?,
                None => return Err(header(line, "the header is not UTF-8 text")),
            },
            CsvRecord::TooLong { line } | CsvRecord::Unclosed { line } => {
                return Err(header(
                    line,
                    "the header is longer than 1 MiB or has a quote that is never closed",
                ))
            }
        }
    };
    sink.header(&columns);
    loop {
        let (line, row) = match csv.read()? {
            CsvRecord::End => return Ok(()),
            CsvRecord::TooLong { line } => (line, Err(LineError::TooLong)),
            CsvRecord::Unclosed { line } => (
                line,
                Err(LineError::Invalid(
                    "a quoted cell that starts on this line is never closed".to_string(),
                )),
            ),
            CsvRecord::Row { line } => {
                if csv.is_blank() {
                    continue;
                }
                (line, Ok(csv.row()))
            }
        };
        sink.row(line, row).map_err(ReadError::Each)?;
    }
}

/// A CSV record as read: its cells unquoted, one after another, and where
/// each ends.
#[derive(Debug, Clone, Copy)]
struct CsvRow<'r> {
    text: &'r [u8],
    ends: &'r [usize],
}

impl<'r> CsvRow<'r> {
    /// The cells as text, or `None` if the record is not UTF-8.
    fn cells(self) -> Option<impl Iterator<Item = &'r str>> {
        let text = std::str::from_utf8(self.text).ok()?;
        if !self.ends.iter().all(|&end| text.is_char_boundary(end)) {
            return None;
        }
        Some(self.ends.iter().scan(0, move |start, &end| {
            let cell = &text[*start..end];
            *start = end;
            Some(cell)
        }))
    }

    /// The record under the header's `columns`.
    fn record<R: Record>(self, columns: &Columns) -> Result<R::Of<'r>, LineError> {
        match self.cells() {
            None => Err("the line is not UTF-8 text".to_string()),
            Some(_) if self.ends.len() > columns.len() => Err(format!(
                "the row has {} cells, the header {}",
                self.ends.len(),
                columns.len()
            )),
            Some(cells) => R::from_row(columns, cells),
        }
        .map_err(LineError::Invalid)
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

/// CSV records as `csv_core` parses them with its default dialect (`,`
/// between cells, `"` opens a quoted cell only at its start and is doubled
/// inside it; a record ends at `\n`, `\r\n` or `\r` outside quotes), with
/// the file line each starts on and a cap on the bytes a record holds.
struct CsvReader<'r, R> {
    reader: &'r mut R,
    parser: csv_core::Reader,
    /// The file line the reader is on: a line ends at `\n`, `\r\n` or `\r`,
    /// also inside quotes.
    line: u64,
    /// The last byte was `\r` (a `\n` next ends no further line).
    after_cr: bool,
    /// The cells of the record, unquoted, one after another, in the first
    /// `text_len` bytes.
    text: Vec<u8>,
    text_len: usize,
    /// Where each cell ends in `text`, in the first `ends_len` slots.
    ends: Vec<usize>,
    ends_len: usize,
    /// The input has ended.
    done: bool,
}

/// The most unquoted bytes a record holds: one more than a record may
/// have, so that a full buffer means a record too long.
const TEXT_CAP: usize = MAX_LINE_BYTES + 1;

/// The most cells a record holds: each but the first follows a `,`.
const ENDS_CAP: usize = MAX_LINE_BYTES + 2;

impl<'r, R: BufRead> CsvReader<'r, R> {
    fn new(reader: &'r mut R) -> Self {
        let mut parser = csv_core::Reader::new();
        // The parser drops a byte order mark at the start of the first
        // input it is given; ours is gone already, and a second one is
        // text. An empty line first (empty lines are skipped) makes it look
        // no further.
        let _ = parser.read_record(b"\n", &mut [0], &mut [0]);
        CsvReader {
            reader,
            parser,
            line: 1,
            after_cr: false,
            text: vec![0; 1 << 12],
            text_len: 0,
            ends: vec![0; 1 << 6],
            ends_len: 0,
            done: false,
        }
    }

    /// The next record.
    fn read(&mut self) -> io::Result<CsvRecord> {
        use csv_core::ReadRecordResult as Parsed;
        self.text_len = 0;
        self.ends_len = 0;
        if self.done {
            return Ok(CsvRecord::End);
        }
        // Between records, line ends are blank lines: counted and skipped
        // here (the parser would skip them as well).
        loop {
            let buffer = self.reader.fill_buf()?;
            if buffer.is_empty() {
                self.done = true;
                return Ok(CsvRecord::End);
            }
            let text = buffer.iter().position(|&b| b != b'\n' && b != b'\r');
            let blank = text.unwrap_or(buffer.len());
            count_lines(&mut self.line, &mut self.after_cr, &buffer[..blank]);
            self.reader.consume(blank);
            if text.is_some() {
                break;
            }
        }
        let first_line = self.line;
        // Bytes of the record so far, quotes and separators included.
        let mut size = 0usize;
        // Past the cap the parser's output goes here and is dropped.
        let mut skipping = false;
        let mut scratch = [0u8; 1 << 10];
        let mut scratch_ends = [0usize; 1 << 6];
        loop {
            let buffer = self.reader.fill_buf()?;
            let at_end = buffer.is_empty();
            // At the end of the input a line end tells whether a quoted
            // cell is still open: outside quotes it ends the record.
            let input: &[u8] = if at_end { b"\n" } else { buffer };
            let (result, nin) = if skipping {
                let (result, nin, _, _) =
                    self.parser
                        .read_record(input, &mut scratch, &mut scratch_ends);
                (result, nin)
            } else {
                let (result, nin, nout, nend) = self.parser.read_record(
                    input,
                    &mut self.text[self.text_len..],
                    &mut self.ends[self.ends_len..],
                );
                self.text_len += nout;
                self.ends_len += nend;
                (result, nin)
            };
            if at_end {
                let record = match result {
                    Parsed::Record if skipping => Some(CsvRecord::TooLong { line: first_line }),
                    Parsed::Record => Some(CsvRecord::Row { line: first_line }),
                    Parsed::InputEmpty | Parsed::End => {
                        Some(CsvRecord::Unclosed { line: first_line })
                    }
                    Parsed::OutputFull | Parsed::OutputEndsFull => None,
                };
                if let Some(record) = record {
                    self.done = true;
                    return Ok(record);
                }
            } else {
                count_lines(&mut self.line, &mut self.after_cr, &buffer[..nin]);
                self.reader.consume(nin);
                size += nin;
            }
            match result {
                // The line end that closed the record is not part of it.
                Parsed::Record if skipping || size - 1 > MAX_LINE_BYTES => {
                    return Ok(CsvRecord::TooLong { line: first_line })
                }
                Parsed::Record => return Ok(CsvRecord::Row { line: first_line }),
                Parsed::End => {
                    self.done = true;
                    return Ok(CsvRecord::End);
                }
                Parsed::InputEmpty => {}
                Parsed::OutputFull if !skipping && self.text.len() < TEXT_CAP => {
                    let grown = (self.text.len() * 2).min(TEXT_CAP);
                    self.text.resize(grown, 0);
                }
                Parsed::OutputEndsFull if !skipping && self.ends.len() < ENDS_CAP => {
                    let grown = (self.ends.len() * 2).min(ENDS_CAP);
                    self.ends.resize(grown, 0);
                }
                Parsed::OutputFull | Parsed::OutputEndsFull => skipping = true,
            }
            if !skipping && size > MAX_LINE_BYTES {
                skipping = true;
            }
            if skipping && (self.text.len() > 1 << 12 || self.ends.len() > 1 << 6) {
                // Nothing of this record is kept: give the memory back.
                self.text = vec![0; 1 << 12];
                self.ends = vec![0; 1 << 6];
            }
        }
    }

    /// The record just read.
    fn row(&self) -> CsvRow<'_> {
        CsvRow {
            text: &self.text[..self.text_len],
            ends: &self.ends[..self.ends_len],
        }
    }

    fn is_blank(&self) -> bool {
        self.ends_len == 1 && is_blank(&self.text[..self.text_len])
    }
}

/// Count the line ends in `bytes`: each `\n`, `\r\n` or lone `\r`;
/// `after_cr` carries a `\r` at the end of one piece to the next.
fn count_lines(line: &mut u64, after_cr: &mut bool, bytes: &[u8]) {
    let Some(&last) = bytes.last() else {
        return;
    };
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        let cr_before = if at == 0 {
            *after_cr
        } else {
            bytes[at - 1] == b'\r'
        };
        if bytes[at] == b'\r' || !cr_before {
            *line += 1;
        }
    }
    *after_cr = last == b'\r';
}

/// A line with nothing but white space (Unicode's, as `str::trim` sees it).
fn is_blank(line: &[u8]) -> bool {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|text| text.trim().is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "plan,priority,desk,opened\n";

    /// A reader that gives one byte per read, so that every line end and
    /// quote falls on a buffer edge.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some((&first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            if buf.is_empty() {
                return Ok(0);
            }
            buf[0] = first;
            self.0 = rest;
            Ok(1)
        }
    }

    /// Each ticket's line with its desk, or its error.
    fn lines(input: &[u8], format: InputFormat) -> Vec<(u64, Result<String, String>)> {
        let mut whole = Vec::new();
        let mut trickled = Vec::new();
        for (reader, seen) in [
            (Box::new(input) as Box<dyn Read>, &mut whole),
            (Box::new(Trickle(input)), &mut trickled),
        ] {
            read(reader, format, |line, fields| {
                let fields = fields
                    .map(|f| f.desk.into_owned())
                    .map_err(|e| e.to_string());
                seen.push((line, fields));
                Ok::<(), ()>(())
            })
            .unwrap();
        }
        assert_eq!(whole, trickled);
        whole
    }

    fn csv(input: &str) -> Vec<(u64, Result<String, String>)> {
        lines(input.as_bytes(), InputFormat::Csv)
    }

    fn numbers(seen: &[(u64, Result<String, String>)]) -> Vec<u64> {
        seen.iter().map(|(line, _)| *line).collect()
    }

    #[test]
    fn csv_lines_are_file_lines() {
        let row = |desk: &str| format!("gold,p2,{desk},2026-11-20T17:30:00+01:00");
        let cases: [(String, &[u64]); 6] = [
            // Blank lines of every ending count.
            (format!("{HEADER}\n\r\n\r{}\n", row("a")), &[5]),
            // A quoted cell holds a line end of each kind.
            (
                format!(
                    "{HEADER}{}\n{}\n{}\n",
                    row("\"a\nb\""),
                    row("\"c\r\nd\""),
                    row("\"e\rf\"")
                ),
                &[2, 4, 6],
            ),
            // A lone \r ends a record and a line.
            (
                format!("{HEADER}{}\r{}\r\r{}", row("a"), row("b"), row("c")),
                &[2, 3, 5],
            ),
            // A line of white space is blank; a line of one empty quoted
            // cell too.
            (format!("{HEADER}  \t\n\"\"\n{}\n", row("a")), &[4]),
            // The header may come after blank lines.
            (format!("\n\r\n{HEADER}{}\n", row("a")), &[4]),
            // No line end at the end.
            (format!("{HEADER}{}", row("a")), &[2]),
        ];
        for (input, expected) in cases {
            assert_eq!(numbers(&csv(&input)), expected, "{input:?}");
        }
    }

    #[test]
    fn csv_cells_are_unquoted_and_rows_may_not_outgrow_the_header() {
        let seen = csv(&format!(
            "{HEADER}gold,p2,\"a,\"\"b\"\"\",x\ngold,p2,c,x,extra\ngold,p2,\"d\"e,x\n"
        ));
        assert_eq!(seen[0], (2, Ok("a,\"b\"".into())));
        assert_eq!(
            seen[1],
            (3, Err("the row has 5 cells, the header 4".into()))
        );
        assert_eq!(seen[2], (4, Ok("de".into())));
    }

    #[test]
    fn csv_records_are_capped() {
        // A record of exactly the cap is read; one byte more is not, nor
        // a record of only separators; the rows after them are.
        let fill = |len: usize| {
            let start = "gold,p2,";
            let end = ",x";
            format!("{start}{}{end}", "d".repeat(len - start.len() - end.len()))
        };
        let commas = ",".repeat(2 * MAX_LINE_BYTES);
        let input = format!(
            "{HEADER}{}\r\n{}\r\n{commas}\ngold,p2,ok,x\n",
            fill(MAX_LINE_BYTES),
            fill(MAX_LINE_BYTES + 1)
        );
        let seen = lines(input.as_bytes(), InputFormat::Csv);
        assert_eq!(numbers(&seen), [2, 3, 4, 5]);
        assert_eq!(seen[0].1.as_ref().map(String::len), Ok(MAX_LINE_BYTES - 10));
        assert_eq!(seen[1].1, Err(LineError::TooLong.to_string()));
        assert_eq!(seen[2].1, Err(LineError::TooLong.to_string()));
        assert_eq!(seen[3].1, Ok("ok".into()));
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let long = "y".repeat(MAX_LINE_BYTES + 5);
        for tail in ["", "\n", long.as_str()] {
            let seen = csv(&format!("{HEADER}\ngold,p2,\"a\nb\n{tail}"));
            assert_eq!(seen.len(), 1);
            assert_eq!(seen[0].0, 3);
            assert!(seen[0].1.as_ref().unwrap_err().contains("never closed"));
        }
    }

    #[test]
    fn one_byte_order_mark_is_skipped() {
        let row = "gold,p2,a,2026-11-20T17:30:00+01:00\n";
        let seen = csv(&format!("\u{feff}{HEADER}{row}"));
        assert_eq!(seen, [(2, Ok("a".into()))]);
        // A second one is text: the first column is not "plan".
        let seen = csv(&format!("\u{feff}\u{feff}{HEADER}{row}"));
        assert!(seen[0].1.is_err(), "{seen:?}");
    }

    #[test]
    fn a_header_that_cannot_be_used_stops_reading() {
        for (input, line) in [
            (&b"\n\"plan\n"[..], 2),
            (b"plan,desk,plan\n", 1),
            (b"\n\n\xff\xfe\n", 3),
        ] {
            let result = read(input, InputFormat::Csv, |_, _| Ok::<(), ()>(()));
            match result {
                Err(ReadError::Header { line: at, .. }) => assert_eq!(at, line, "{input:?}"),
                other => panic!("{input:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn json_lines_count_every_line() {
        let ticket =
            r#"{"plan":"gold","priority":"p2","desk":"a","opened":"2026-11-20T17:30:00Z"}"#;
        let input = format!("\u{feff}{ticket}\r\n\n \u{a0}\n{{\n{ticket}");
        let seen = lines(input.as_bytes(), InputFormat::Jsonl);
        assert_eq!(numbers(&seen), [1, 4, 5]);
        assert!(seen[1].1.is_err());
    }

    #[test]
    fn the_callback_stops_reading_and_the_outcome_counts() {
        let input = format!("{HEADER}gold,p2,a,x\ngold,p2,b,x,y\ngold,p2,c,x\n");
        let mut seen = 0;
        let result = read(input.as_bytes(), InputFormat::Csv, |line, _| {
            seen += 1;
            if line == 3 {
                Err("stop")
            } else {
                Ok(())
            }
        });
        assert!(matches!(result, Err(ReadError::Each("stop"))));
        assert_eq!(seen, 2);
        let outcome = read(input.as_bytes(), InputFormat::Csv, |_, _| Ok::<(), ()>(())).unwrap();
        assert_eq!(
            outcome,
            Outcome {
                lines: 3,
                invalid: 1
            }
        );
    }
}
