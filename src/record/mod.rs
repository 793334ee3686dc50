//! Input records as written: a JSON line or a CSV row (framed by
//! [`crate::frame`]) read into raw text fields — a ticket row, an event of
//! a ticket history — through the export's own names for fields (`--map`).
//! A record knows no plan, desk or clock: [`crate::resolve`] looks its
//! names up and reads its times.

pub mod event;
pub mod fields;
pub mod ticket;

use std::io::Read;
use std::sync::Arc;

pub use event::{EventFields, Events};
pub use fields::{Columns, Field, FieldMap};
pub use ticket::{ExtraFields, TicketFields, Tickets};

use crate::frame::{self, Chunk, CsvHeader, CsvRow, Framed, InputFormat, LineError, ReadError};

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
    /// The fields every record needs that a CSV header's `columns` lack,
    /// by name (with the field that may stand for one: `ticket (or id)`).
    fn lacking(columns: &Columns) -> Vec<&'static str>;
}

/// What a batch held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Records given to the callback, good or not (blank lines and the
    /// CSV header are not counted).
    pub lines: u64,
    /// Those of them that were an error.
    pub invalid: u64,
}

impl Outcome {
    fn count(&mut self, invalid: bool) {
        self.lines += 1;
        self.invalid += u64::from(invalid);
    }
}

/// Read every record of `input` and give it to `each` with the file line
/// it starts on (the first line is 1; blank lines count), or the reason
/// that line holds none. A leading byte order mark is skipped; blank
/// lines are skipped. An error from `each` stops reading and is returned
/// as [`ReadError::Each`].
pub fn read<R: Record, E>(
    input: impl Read,
    format: InputFormat,
    map: &FieldMap,
    each: impl FnMut(u64, Result<R::Of<'_>, LineError>) -> Result<(), E>,
) -> Result<Outcome, ReadError<E>> {
    let mut parse = Parse::<R, _>::new(map, each);
    frame::frame(input, format, |h| header_columns::<R>(h, map), &mut parse)?;
    Ok(parse.outcome)
}

/// Frame `input` into chunks of about `bytes` bytes of text, its CSV
/// header read as columns of `R` records under `map`, each chunk given to
/// `ship` in input order, to be read with [`read_chunk`] (on other cores).
pub fn chunks<R: Record, E>(
    input: impl Read,
    format: InputFormat,
    map: &FieldMap,
    bytes: usize,
    ship: impl FnMut(Chunk<Columns>) -> Result<(), E>,
) -> Result<(), ReadError<E>> {
    frame::chunks(input, format, |h| header_columns::<R>(h, map), bytes, ship)
}

/// The columns of a CSV header of `R` records under `map`: an error, which
/// quotes the header, when a column is named for two fields, a column
/// `map` names is not there, or a field every record needs has no column
/// (SPEC §11): said once, not on every line.
fn header_columns<R: Record>(header: &CsvHeader<'_>, map: &FieldMap) -> Result<Columns, String> {
    let columns = Columns::new(header.cells(), map)
        .map_err(|message| format!("{message} {}", quoted(header)))?;
    let lacking = R::lacking(&columns);
    if let Some((last, others)) = lacking.split_last() {
        let fields = if others.is_empty() {
            (*last).to_string()
        } else {
            format!("{} and {last}", others.join(", "))
        };
        return Err(format!(
            "the header lacks {fields}, which every row needs {}",
            quoted(header)
        ));
    }
    Ok(columns)
}

/// The header as an error quotes it: its text (cut after 200 characters)
/// and how it was cut into columns.
fn quoted(header: &CsvHeader<'_>) -> String {
    const SHOWN: usize = 200;
    let text = header.text();
    let text = match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    };
    let text = crate::input::escaped(&text);
    let delimiter = match header.delimiter() {
        '\t' => "tabs".to_string(),
        other => format!("'{other}'"),
    };
    match header.len() {
        1 => format!("(header: \"{text}\", one column: no ',', ';' or tab separates its cells)"),
        n => format!("(header: \"{text}\", {n} columns separated by {delimiter})"),
    }
}

/// Read each record of a chunk in order, exactly as [`read`] reads them,
/// and give it to `each`.
pub fn read_chunk<R: Record, E>(
    chunk: &Chunk<Columns>,
    map: &FieldMap,
    each: impl FnMut(u64, Result<R::Of<'_>, LineError>) -> Result<(), E>,
) -> Result<Outcome, E> {
    let mut parse = Parse::<R, _>::new(map, each);
    chunk.replay(&mut parse)?;
    Ok(parse.outcome)
}

/// Records read as they are framed, and given to `each`.
struct Parse<'m, R, F> {
    map: &'m FieldMap,
    columns: Option<Arc<Columns>>,
    outcome: Outcome,
    each: F,
    record: std::marker::PhantomData<R>,
}

impl<'m, R, F> Parse<'m, R, F> {
    fn new(map: &'m FieldMap, each: F) -> Self {
        Parse {
            map,
            columns: None,
            outcome: Outcome::default(),
            each,
            record: std::marker::PhantomData,
        }
    }
}

impl<R: Record, E, F> Framed<Columns, E> for Parse<'_, R, F>
where
    F: FnMut(u64, Result<R::Of<'_>, LineError>) -> Result<(), E>,
{
    fn header(&mut self, columns: &Arc<Columns>) {
        self.columns = Some(Arc::clone(columns));
    }

    fn line(&mut self, number: u64, line: Result<&[u8], LineError>) -> Result<(), E> {
        let record = line.and_then(|line| json_line::<R>(line, self.map));
        self.outcome.count(record.is_err());
        (self.each)(number, record)
    }

    fn row(&mut self, number: u64, row: Result<CsvRow<'_>, LineError>) -> Result<(), E> {
        let record = match &self.columns {
            Some(columns) => row.and_then(|row| row_record::<R>(row, columns)),
            // Rows come only after their header.
            None => Err(LineError::Invalid("a row before the CSV header".into())),
        };
        self.outcome.count(record.is_err());
        (self.each)(number, record)
    }
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

/// The record in a CSV row under the header's `columns`.
fn row_record<'r, R: Record>(row: CsvRow<'r>, columns: &Columns) -> Result<R::Of<'r>, LineError> {
    match row.cells() {
        None => Err("the line is not UTF-8 text".to_string()),
        Some(_) if row.len() > columns.len() => Err(format!(
            "the row has {} cells, the header {}",
            row.len(),
            columns.len()
        )),
        Some(cells) => R::from_row(columns, cells),
    }
    .map_err(LineError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::MAX_LINE_BYTES;
    use std::io;

    /// Ticket rows under their own names.
    fn read_tickets<E>(
        input: impl Read,
        format: InputFormat,
        each: impl FnMut(u64, Result<TicketFields<'_>, LineError>) -> Result<(), E>,
    ) -> Result<Outcome, ReadError<E>> {
        read::<Tickets, E>(input, format, &FieldMap::default(), each)
    }

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
            read_tickets(reader, format, |line, fields| {
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
        // The quote of line 3 is never closed: an error of line 3, and
        // reading resumes on line 4 (this test once had the quote swallow
        // every line after it: one error in all). Line 4, "b", is a row of
        // one cell; the long tail, a line too long.
        let long = "y".repeat(MAX_LINE_BYTES + 5);
        for (tail, after) in [("", None), ("\n", None), (long.as_str(), Some(5))] {
            let seen = csv(&format!("{HEADER}\ngold,p2,\"a\nb\n{tail}"));
            assert_eq!(seen.len(), 2 + usize::from(after.is_some()), "{seen:?}");
            assert_eq!(seen[0].0, 3);
            let error = seen[0].1.as_ref().unwrap_err();
            assert!(
                error.starts_with("a quoted cell that starts on this line is"),
                "{error}"
            );
            assert_eq!(seen[1], (4, Err("desk: missing".into())));
            if let Some(line) = after {
                assert_eq!(seen[2], (line, Err(LineError::TooLong.to_string())));
            }
        }
    }

    /// Each row's line and desk, or whether it failed for a quote not
    /// closed (`"!"`) or another reason (`"?"`).
    fn desks(input: &str) -> Vec<(u64, String)> {
        csv(input)
            .into_iter()
            .map(|(line, desk)| {
                let desk = desk.unwrap_or_else(|e| {
                    if e.starts_with("a quoted cell") {
                        "!"
                    } else {
                        "?"
                    }
                    .into()
                });
                (line, desk)
            })
            .collect()
    }

    #[test]
    fn an_unclosed_quote_swallows_no_following_line() {
        // SPEC §11: an unclosed quote is an error of its line, and reading
        // resumes on the next line; a quoted cell may still span lines
        // within the cap. Once every line after the quote was swallowed.
        let row = |desk: &str| format!("gold,p2,{desk},x");
        let input = [
            HEADER.trim_end().to_string(),
            row("a"),
            row("\"b\nc\""),
            row("\"d"),
            row("e"),
            row("f"),
        ]
        .join("\r\n");
        assert_eq!(
            desks(&input),
            [
                (2, "a".into()),
                (3, "b\nc".into()),
                (5, "!".into()),
                (6, "e".into()),
                (7, "f".into())
            ]
        );
        // The quote opens on a later line of its record than the first:
        // the record's line names it, and reading resumes after it.
        let seen = csv(&format!(
            "{HEADER}gold,\"p\n2\",\"d\n{}\n{}\n",
            row("e"),
            row("f")
        ));
        assert_eq!(numbers(&seen), [2, 4, 5]);
        assert_eq!(
            seen[0].1,
            Err("a quoted cell that starts on line 3 is never closed".into())
        );
        // Not closed within the cap (more than 1 MiB of rows after it, put
        // back to be read again): the rows are read.
        let rows: String = (0..70_000).map(|i| row(&format!("r{i}")) + "\n").collect();
        assert!(rows.len() > MAX_LINE_BYTES);
        let seen = csv(&format!("{HEADER}{}\n{rows}", row("\"d")));
        assert_eq!(seen.len(), 70_001);
        assert_eq!(
            seen[0],
            (
                2,
                Err("a quoted cell that starts on this line is not closed within 1 MiB (1048576 bytes)".into())
            )
        );
        assert_eq!(seen[1], (3, Ok("r0".into())));
        assert_eq!(seen[70_000], (70_002, Ok("r69999".into())));
        // A quoted cell longer than the cap on one line is a line too
        // long, skipped to that line's end, closed there or not.
        let long = "z".repeat(MAX_LINE_BYTES);
        for close in ["\"", ""] {
            let seen = desks(&format!(
                "{HEADER}{}\n{}\n",
                row(&format!("\"{long}{close}")),
                row("e")
            ));
            assert_eq!(seen, [(2, "?".into()), (3, "e".into())], "{close:?}");
        }
    }

    #[test]
    fn the_delimiter_is_told_from_the_header() {
        // SPEC §11: `,` unless the header has more `;` or tab characters
        // outside quotes than commas, then that one.
        let cases: [(&str, &[&str], &str); 5] = [
            ("plan;priority;desk;opened\ngold;p2;a;x\n", &[], "a"),
            ("plan\tpriority\tdesk\topened\ngold\tp2\ta\tx\n", &[], "a"),
            // Commas inside quotes do not count; a comma cell keeps its `;`.
            (
                "\"p,l,a,n\";priority;desk;opened\ngold;p2;\"a;b\";x\n",
                &["plan=p,l,a,n"],
                "a;b",
            ),
            (
                "plan,priority,desk,\"opened;at;x;y\"\ngold,p2,a;b,x\n",
                &["opened=opened;at;x;y"],
                "a;b",
            ),
            // As many `;` as commas: commas.
            (
                "plan,priority,desk,opened;a;b;c\ngold,p2,x;y,t\n",
                &["opened=opened;a;b;c"],
                "x;y",
            ),
        ];
        for (input, map, desk) in cases {
            let map = FieldMap::parse(map).unwrap();
            let mut seen = Vec::new();
            read::<Tickets, ()>(input.as_bytes(), InputFormat::Csv, &map, |_, f| {
                seen.push(f.map(|f| f.desk.into_owned()).map_err(|e| e.to_string()));
                Ok(())
            })
            .unwrap();
            assert_eq!(seen, [Ok(desk.to_string())], "{input:?}");
        }
    }

    #[test]
    fn a_header_that_lacks_a_field_every_row_needs_is_one_error() {
        let header_error = |input: &str, map: &[&str], events: bool| {
            let map = FieldMap::parse(map).unwrap();
            let result = if events {
                read::<Events, ()>(input.as_bytes(), InputFormat::Csv, &map, |_, _| Ok(()))
                    .map(|_| ())
            } else {
                read::<Tickets, ()>(input.as_bytes(), InputFormat::Csv, &map, |_, _| Ok(()))
                    .map(|_| ())
            };
            match result {
                Err(ReadError::Columns { line, message }) => format!("{line}: {message}"),
                other => panic!("{input:?}: {other:?}"),
            }
        };
        assert_eq!(
            header_error("\ngold,p2,a,x\n", &[], false),
            "2: the header lacks plan, priority, desk and opened, which every row needs (header: \"gold,p2,a,x\", 4 columns separated by ',')"
        );
        assert_eq!(
            header_error("Plan;Prio\tDesk\n", &[], false),
            "1: the header lacks priority, desk and opened, which every row needs (header: \"Plan;Prio\\tDesk\", 2 columns separated by ';')"
        );
        assert_eq!(
            header_error("a|b|c\n", &[], true),
            "1: the header lacks ticket (or id), at and type, which every row needs (header: \"a|b|c\", one column: no ',', ';' or tab separates its cells)"
        );
        assert_eq!(
            header_error("plan,priority,desk,opened\n", &["opened=Created at", "closed=Done"], false),
            "1: the header has no column 'Created at' (for opened) or 'Done' (for closed) (header: \"plan,priority,desk,opened\", 4 columns separated by ',')"
        );
        // The long header is cut.
        let long = format!("{}\n", "x".repeat(500));
        assert!(header_error(&long, &[], true).contains(&format!("\"{}…\"", "x".repeat(200))));
        // What every row needs is there: an event stands for a priority,
        // an id for the ticket.
        for (input, events) in [("plan,event,desk,opened\n", false), ("id,at,type\n", true)] {
            let map = FieldMap::default();
            let read = if events {
                read::<Events, ()>(input.as_bytes(), InputFormat::Csv, &map, |_, _| Ok(())).is_ok()
            } else {
                read::<Tickets, ()>(input.as_bytes(), InputFormat::Csv, &map, |_, _| Ok(())).is_ok()
            };
            assert!(read, "{input}");
        }
    }

    #[test]
    fn one_byte_order_mark_is_skipped() {
        let row = "gold,p2,a,2026-11-20T17:30:00+01:00\n";
        let seen = csv(&format!("\u{feff}{HEADER}{row}"));
        assert_eq!(seen, [(2, Ok("a".into()))]);
        // A second one is text: the first column is not "plan", which the
        // header then lacks (once an error of every row; now one of the
        // header, SPEC §11).
        let result = read_tickets(
            format!("\u{feff}\u{feff}{HEADER}{row}").as_bytes(),
            InputFormat::Csv,
            |_, _| Ok::<(), ()>(()),
        );
        assert!(
            matches!(&result, Err(ReadError::Columns { line: 1, message }) if message.starts_with("the header lacks plan,")),
            "{result:?}"
        );
    }

    #[test]
    fn a_header_that_cannot_be_used_stops_reading() {
        for (input, line) in [
            (&b"\n\"plan\n"[..], 2),
            (b"plan,desk,plan\n", 1),
            (b"\n\n\xff\xfe\n", 3),
        ] {
            let result = read_tickets(input, InputFormat::Csv, |_, _| Ok::<(), ()>(()));
            match result {
                // A field named twice is an error of the columns (the
                // header was read).
                Err(ReadError::Header { line: at, .. } | ReadError::Columns { line: at, .. }) => {
                    assert_eq!(at, line, "{input:?}");
                }
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
        let result = read_tickets(input.as_bytes(), InputFormat::Csv, |line, _| {
            seen += 1;
            if line == 3 {
                Err("stop")
            } else {
                Ok(())
            }
        });
        assert!(matches!(result, Err(ReadError::Each("stop"))));
        assert_eq!(seen, 2);
        let outcome =
            read_tickets(input.as_bytes(), InputFormat::Csv, |_, _| Ok::<(), ()>(())).unwrap();
        assert_eq!(
            outcome,
            Outcome {
                lines: 3,
                invalid: 1
            }
        );
    }
}
