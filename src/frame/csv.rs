//! CSV records as csv-core parses them: the delimiter told from the header,
//! cells unquoted, the file line each record starts on, a quote never
//! closed reported where it opens, and the 1 MiB cap on a record.

use std::io::{self, BufRead};
use std::sync::Arc;

use super::{is_blank, Framed, LineError, ReadError, MAX_LINE_BYTES};

/// CSV: a header row, then one record a row. The delimiter is told from
/// the header (see [`delimiter_of`]).
pub(super) fn read_csv<H, E>(
    reader: &mut impl BufRead,
    read_header: impl FnOnce(&CsvHeader<'_>) -> Result<H, String>,
    sink: &mut impl Framed<H, E>,
) -> Result<(), ReadError<E>> {
    let mut csv = CsvReader::new(reader);
    let mut told = false;
    let columns = loop {
        let header = |line, message: &str| ReadError::Header {
            line,
            message: message.to_string(),
        };
        match csv.read()? {
            CsvRecord::End => return Ok(()),
            CsvRecord::Row { .. } if csv.is_blank() => {}
            CsvRecord::Row { line } => {
                if !told {
                    told = true;
                    let delimiter = delimiter_of(&csv.raw);
                    if delimiter != csv.delimiter {
                        // The header once more, cut where that delimiter
                        // cuts it.
                        csv.again_with(delimiter);
                        continue;
                    }
                }
                let Some(cells) = csv.row().cells() else {
                    return Err(header(line, "the header is not UTF-8 text"));
                };
                let read = CsvHeader {
                    cells: cells.collect(),
                    text: csv.raw.strip_suffix(b"\n").unwrap_or(&csv.raw),
                    delimiter: csv.delimiter,
                };
                let read = CsvHeader {
                    text: read.text.strip_suffix(b"\r").unwrap_or(read.text),
                    ..read
                };
                break read_header(&read)
                    .map_err(|message| ReadError::Columns { line, message })?;
            }
            CsvRecord::TooLong { line } => {
                return Err(header(line, "the header is longer than 1 MiB"))
            }
            CsvRecord::Unclosed { line, .. } => {
                return Err(header(
                    line,
                    "the header has a quoted cell that is never closed",
                ))
            }
        }
    };
    sink.header(&Arc::new(columns));
    loop {
        let (line, row) = match csv.read()? {
            CsvRecord::End => return Ok(()),
            CsvRecord::TooLong { line } => (line, Err(LineError::TooLong)),
            CsvRecord::Unclosed {
                line,
                quote_line,
                at_cap,
            } => {
                let on = if quote_line == line {
                    "this line".to_string()
                } else {
                    format!("line {quote_line}")
                };
                let closed = if at_cap {
                    format!("is not closed within 1 MiB ({MAX_LINE_BYTES} bytes)")
                } else {
                    "is never closed".to_string()
                };
                let message = format!("a quoted cell that starts on {on} {closed}");
                (line, Err(LineError::Invalid(message)))
            }
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

/// A CSV header as read: its cells, its text as written (without its line
/// end) and the delimiter its cells were cut at.
#[derive(Debug)]
pub struct CsvHeader<'h> {
    cells: Vec<&'h str>,
    text: &'h [u8],
    delimiter: u8,
}

impl<'h> CsvHeader<'h> {
    /// The cells, unquoted, in order.
    pub fn cells(&self) -> impl Iterator<Item = &'h str> + '_ {
        self.cells.iter().copied()
    }

    /// How many cells (columns) it has.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The header as written, quotes and delimiters included.
    pub fn text(&self) -> std::borrow::Cow<'h, str> {
        String::from_utf8_lossy(self.text)
    }

    /// The delimiter between its cells: `,`, `;` or a tab.
    pub fn delimiter(&self) -> char {
        char::from(self.delimiter)
    }
}

/// The delimiter of a CSV file told from its header record, as written
/// (SPEC §11): `,` unless the header has more `;` or tab characters outside
/// quotes than commas, then that one (`;` when as many of each).
fn delimiter_of(header: &[u8]) -> u8 {
    let commas = outside_quotes(header, b',');
    let mut best = (b',', commas);
    for delimiter in [b';', b'\t'] {
        let count = outside_quotes(header, delimiter);
        if count > best.1 {
            best = (delimiter, count);
        }
    }
    best.0
}

/// How many times `delimiter` stands outside quotes in a CSV record, read
/// with it as the delimiter (a quote opens a cell only at its start).
fn outside_quotes(record: &[u8], delimiter: u8) -> usize {
    let mut cell = Cell::Start;
    let mut count = 0;
    for &byte in record {
        if cell != Cell::Quoted {
            if byte == b'\n' || byte == b'\r' {
                break;
            }
            count += usize::from(byte == delimiter);
        }
        cell = cell.next(byte, delimiter);
    }
    count
}

/// Where a CSV record's quoted cell still open at its end opens (an offset
/// into `record`), as `csv_core` reads `record` with `delimiter`.
fn open_quote(record: &[u8], delimiter: u8) -> Option<usize> {
    let mut cell = Cell::Start;
    let mut open = 0;
    for (at, &byte) in record.iter().enumerate() {
        let next = cell.next(byte, delimiter);
        if cell == Cell::Start && next == Cell::Quoted {
            open = at;
        }
        cell = next;
    }
    (cell == Cell::Quoted).then_some(open)
}

/// Where a CSV reader is in a cell, as `csv_core` moves with its default
/// dialect: a quote opens a quoted cell only at a cell's start, and inside
/// one a doubled quote is a quote; a line end ends the record outside
/// quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// At the start of a cell.
    Start,
    /// In a cell not quoted (or after a quoted part).
    Plain,
    /// In a quoted cell.
    Quoted,
    /// Just after a quote in a quoted cell: its end, or half of a doubled
    /// quote.
    QuoteInQuoted,
}

impl Cell {
    fn next(self, byte: u8, delimiter: u8) -> Cell {
        let ends = byte == delimiter || byte == b'\n' || byte == b'\r';
        match self {
            // A quote opens a cell at its start; doubled, it is a quote.
            Cell::Start | Cell::QuoteInQuoted if byte == b'"' => Cell::Quoted,
            Cell::Quoted if byte == b'"' => Cell::QuoteInQuoted,
            Cell::Quoted => Cell::Quoted,
            _ if ends => Cell::Start,
            _ => Cell::Plain,
        }
    }
}

/// A CSV record as read: its cells unquoted, one after another, and where
/// each ends.
#[derive(Debug, Clone, Copy)]
pub struct CsvRow<'r> {
    pub(super) text: &'r [u8],
    pub(super) ends: &'r [usize],
}

impl<'r> CsvRow<'r> {
    /// The cells as text, or `None` if the record is not UTF-8.
    pub fn cells(self) -> Option<impl Iterator<Item = &'r str>> {
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

    /// How many cells it has.
    pub fn len(self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(self) -> bool {
        self.ends.is_empty()
    }
}

/// What reading one CSV record found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvRecord {
    /// A record starting on file line `line`; its cells are in the reader.
    Row { line: u64 },
    /// A record longer than [`MAX_LINE_BYTES`], skipped to the end of the
    /// line the cap was passed on.
    TooLong { line: u64 },
    /// A record starting on file line `line` whose quoted cell, opened on
    /// line `quote_line`, is not closed by the end of the input or (when
    /// `at_cap`) within the cap; reading goes on at the line after
    /// `quote_line`.
    Unclosed {
        line: u64,
        quote_line: u64,
        at_cap: bool,
    },
    /// The end of the input.
    End,
}

/// The input of a CSV reader: bytes put back to be read again (the lines
/// after one whose quote is never closed), then the reader's.
struct Input<'r, R> {
    reader: &'r mut R,
    again: Vec<u8>,
    /// How much of `again` has been read.
    at: usize,
    /// The reader has ended (it is not asked again: standard input may
    /// wait for more).
    ended: bool,
}

impl<R: BufRead> Input<'_, R> {
    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.at < self.again.len() {
            return Ok(&self.again[self.at..]);
        }
        if self.ended {
            return Ok(&[]);
        }
        let buffer = self.reader.fill_buf()?;
        self.ended = buffer.is_empty();
        Ok(buffer)
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.again.len() {
            self.at += n;
            if self.at == self.again.len() {
                self.at = 0;
                self.again.clear();
                self.again.shrink_to(1 << 12);
            }
        } else {
            self.reader.consume(n);
        }
    }

    /// Read `bytes` again, before what is still to be read.
    fn put_back(&mut self, bytes: &[u8]) {
        let rest = self.again.len() - self.at;
        let mut again = Vec::with_capacity(bytes.len() + rest);
        again.extend_from_slice(bytes);
        again.extend_from_slice(&self.again[self.at..]);
        self.again = again;
        self.at = 0;
    }
}

/// CSV records as `csv_core` parses them with its default dialect and the
/// delimiter told from the header (`,` until then; `"` opens a quoted cell
/// only at its start and is doubled inside it; a record ends at `\n`,
/// `\r\n` or `\r` outside quotes), with the file line each starts on and
/// a cap on the bytes a record holds.
struct CsvReader<'r, R> {
    input: Input<'r, R>,
    parser: csv_core::Reader,
    /// The byte cells are cut at.
    delimiter: u8,
    /// The file line the reader is on: a line ends at `\n`, `\r\n` or `\r`,
    /// also inside quotes.
    line: u64,
    /// The last byte was `\r` (a `\n` next ends no further line).
    after_cr: bool,
    /// The file line the record starts on.
    record_line: u64,
    /// The record as written, line end included: at most one byte more
    /// than a record may hold.
    raw: Vec<u8>,
    /// The cells of the record, unquoted, one after another, in the first
    /// `text_len` bytes.
    text: Vec<u8>,
    text_len: usize,
    /// Where each cell ends in `text`, in the first `ends_len` slots.
    ends: Vec<usize>,
    ends_len: usize,
}

/// The most unquoted bytes a record holds: one more than a record may
/// have, so that a full buffer means a record too long.
const TEXT_CAP: usize = MAX_LINE_BYTES + 1;

/// The most cells a record holds: each but the first follows a delimiter.
const ENDS_CAP: usize = MAX_LINE_BYTES + 2;

/// The size the buffers of a record go back to after a long one.
const SMALL: usize = 1 << 12;

/// A parser of records cut at `delimiter`.
fn parser(delimiter: u8) -> csv_core::Reader {
    let mut parser = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    // The parser drops a byte order mark at the start of the first input
    // it is given; ours is gone already, and a second one is text. An
    // empty line first (empty lines are skipped) makes it look no further.
    let _ = parser.read_record(b"\n", &mut [0], &mut [0]);
    parser
}

impl<'r, R: BufRead> CsvReader<'r, R> {
    fn new(reader: &'r mut R) -> Self {
        CsvReader {
            input: Input {
                reader,
                again: Vec::new(),
                at: 0,
                ended: false,
            },
            parser: parser(b','),
            delimiter: b',',
            line: 1,
            after_cr: false,
            record_line: 1,
            raw: Vec::new(),
            text: vec![0; SMALL],
            text_len: 0,
            ends: vec![0; 1 << 6],
            ends_len: 0,
        }
    }

    /// The next record.
    fn read(&mut self) -> io::Result<CsvRecord> {
        use csv_core::ReadRecordResult as Parsed;
        self.text_len = 0;
        self.ends_len = 0;
        self.raw.clear();
        // Between records, line ends are blank lines: counted and skipped
        // here (the parser would skip them as well).
        loop {
            let buffer = self.input.fill()?;
            if buffer.is_empty() {
                return Ok(CsvRecord::End);
            }
            let text = buffer.iter().position(|&b| b != b'\n' && b != b'\r');
            let blank = text.unwrap_or(buffer.len());
            count_lines(&mut self.line, &mut self.after_cr, &buffer[..blank]);
            self.input.consume(blank);
            if text.is_some() {
                break;
            }
        }
        self.record_line = self.line;
        loop {
            let buffer = self.input.fill()?;
            let at_end = buffer.is_empty();
            // At the end of the input a line end tells whether a quoted
            // cell is still open: outside quotes it ends the record. No
            // more than a record may hold and its line end is given to the
            // parser: `raw` holds all it has read of the record.
            let room = MAX_LINE_BYTES + 1 - self.raw.len();
            let input: &[u8] = if at_end {
                b"\n"
            } else {
                &buffer[..buffer.len().min(room)]
            };
            let (result, nin, nout, nend) = self.parser.read_record(
                input,
                &mut self.text[self.text_len..],
                &mut self.ends[self.ends_len..],
            );
            self.text_len += nout;
            self.ends_len += nend;
            if !at_end {
                self.raw.extend_from_slice(&input[..nin]);
                count_lines(&mut self.line, &mut self.after_cr, &input[..nin]);
                self.input.consume(nin);
            }
            match result {
                // The record and its line end fit in the cap.
                Parsed::Record => {
                    return Ok(CsvRecord::Row {
                        line: self.record_line,
                    })
                }
                Parsed::End => return Ok(CsvRecord::End),
                Parsed::InputEmpty if at_end => return Ok(self.unclosed(false)),
                Parsed::InputEmpty => {}
                Parsed::OutputFull if self.text.len() < TEXT_CAP => {
                    let grown = (self.text.len() * 2).min(TEXT_CAP);
                    self.text.resize(grown, 0);
                }
                Parsed::OutputEndsFull if self.ends.len() < ENDS_CAP => {
                    let grown = (self.ends.len() * 2).min(ENDS_CAP);
                    self.ends.resize(grown, 0);
                }
                // Never before the cap is passed: a cell holds no more
                // than was read.
                Parsed::OutputFull | Parsed::OutputEndsFull => return self.too_long(),
            }
            if self.raw.len() > MAX_LINE_BYTES {
                return self.too_long();
            }
        }
    }

    /// The record has passed the cap: a quoted cell open since an earlier
    /// line is never closed within it; else the record is too long, and
    /// skipped to the end of the line the cap was passed on.
    fn too_long(&mut self) -> io::Result<CsvRecord> {
        let spans_lines = open_quote(&self.raw, self.delimiter)
            .is_some_and(|open| memchr::memchr2(b'\n', b'\r', &self.raw[open..]).is_some());
        if spans_lines {
            return Ok(self.unclosed(true));
        }
        loop {
            let buffer = self.input.fill()?;
            if buffer.is_empty() {
                break;
            }
            let (take, ended) = match memchr::memchr2(b'\n', b'\r', buffer) {
                Some(end) => (end + 1, true),
                None => (buffer.len(), false),
            };
            count_lines(&mut self.line, &mut self.after_cr, &buffer[..take]);
            self.input.consume(take);
            if ended {
                break;
            }
        }
        self.restart();
        Ok(CsvRecord::TooLong {
            line: self.record_line,
        })
    }

    /// The record's quoted cell is not closed by the end of the input (or,
    /// `at_cap`, within the cap): the record is an error, and reading goes
    /// on at the line after the one the quote opens on, with the bytes
    /// read since put back.
    fn unclosed(&mut self, at_cap: bool) -> CsvRecord {
        // Where csv_core found a quote open; the start of the record if
        // the two ever disagree.
        let open = open_quote(&self.raw, self.delimiter).unwrap_or(0);
        let (mut quote_line, mut after_cr) = (self.record_line, false);
        count_lines(&mut quote_line, &mut after_cr, &self.raw[..open]);
        if let Some(end) = memchr::memchr2(b'\n', b'\r', &self.raw[open..]) {
            let end = open + end;
            let crlf = self.raw[end] == b'\r' && self.raw.get(end + 1) == Some(&b'\n');
            let next = if crlf { end + 2 } else { end + 1 };
            self.line = quote_line + 1;
            // A `\r` last: a `\n` still to read ends no line.
            self.after_cr = self.raw[end] == b'\r' && next == self.raw.len();
            self.input.put_back(&self.raw[next..]);
        }
        self.restart();
        CsvRecord::Unclosed {
            line: self.record_line,
            quote_line,
            at_cap,
        }
    }

    /// A fresh parser for the next record, after one that failed; the
    /// memory a long record took given back.
    fn restart(&mut self) {
        self.parser = parser(self.delimiter);
        self.text_len = 0;
        self.ends_len = 0;
        self.raw.clear();
        if self.text.len() > SMALL || self.ends.len() > 1 << 6 {
            self.text = vec![0; SMALL];
            self.ends = vec![0; 1 << 6];
        }
        self.raw.shrink_to(SMALL);
    }

    /// Read the record just read again, cut at `delimiter`, and every
    /// record after it.
    fn again_with(&mut self, delimiter: u8) {
        self.delimiter = delimiter;
        self.line = self.record_line;
        self.after_cr = false;
        self.input.put_back(&self.raw);
        self.restart();
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
