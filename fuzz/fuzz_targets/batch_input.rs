//! Batch input: arbitrary bytes read by `record::read::<Tickets, _>` as
//! JSON Lines or CSV (the first byte picks which); every ticket read is
//! resolved against the embedded data set (`Resolver::ticket`) and its
//! deadline computed. Nothing may panic, line numbers only go up and stay
//! within the input's lines, and memory stays bounded (libFuzzer's
//! -rss_limit_mb) however long a line or record is.
#![no_main]

use std::convert::Infallible;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::deadline;
use slacalc::frame::{InputFormat, ReadError};
use slacalc::load::DataSet;
use slacalc::record::{self, FieldMap, Tickets};
use slacalc::resolve::Resolver;

fn data() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::embedded().expect("embedded data loads"))
}

/// The file lines of `bytes`: a line ends at `\n`, `\r\n` or a lone `\r`.
fn file_lines(bytes: &[u8]) -> u64 {
    let mut lines = 1;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\r' || (b == b'\n' && (i == 0 || bytes[i - 1] != b'\r')) {
            lines += 1;
        }
    }
    lines
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&format, input)) = bytes.split_first() else {
        return;
    };
    let format = if format % 2 == 0 {
        InputFormat::Jsonl
    } else {
        InputFormat::Csv
    };
    let data = data();
    let now = DateTime::<Utc>::from_timestamp(1_795_710_600, 0).expect("instant"); // 2026-11-26T16:30Z
    let last_line = file_lines(input);
    let mut names = Resolver::new(data, now);
    let mut previous = 0;
    let map = FieldMap::default();
    let result = record::read::<Tickets, _>(input, format, &map, |line, fields| {
        assert!(line > previous, "line {line} after line {previous}");
        assert!(line <= last_line, "line {line} of {last_line}");
        previous = line;
        if let Ok(fields) = fields {
            if let Ok(ticket) = names.ticket(&fields) {
                let _ = deadline::compute(&ticket, false);
            }
        }
        Ok::<(), Infallible>(())
    });
    match result {
        Ok(outcome) => assert!(outcome.invalid <= outcome.lines),
        Err(ReadError::Header { line, .. } | ReadError::Columns { line, .. }) => {
            assert!(line <= last_line);
        }
        Err(ReadError::Io(e)) => panic!("reading a slice failed: {e}"),
        Err(ReadError::Each(never)) => match never {},
    }
});
