//! Event logs: arbitrary bytes read by `record::read::<Events, _>` as JSON
//! Lines or CSV (bit 0 of the first byte picks which; bit 1 reads them
//! under the names of `examples/helpdesk-export.csv`, as `--map` gives
//! them). Every event goes to a `Recorder` on the embedded data set; every
//! history it hands back, and those left open at `finish()`, is judged
//! (`audit::judge_history`) and, when open at as-of, placed in the queue
//! (`queue::entry`). Nothing may panic, line numbers only go up and stay
//! within the input's lines, and memory stays bounded (libFuzzer's
//! -rss_limit_mb).
#![no_main]

use std::convert::Infallible;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::audit::{judge_history, Tally};
use slacalc::frame::{InputFormat, ReadError};
use slacalc::history::{History, Recorder, Statuses};
use slacalc::load::DataSet;
use slacalc::queue::{self, Thresholds};
use slacalc::record::{self, Events, FieldMap};

fn data() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::embedded().expect("embedded data loads"))
}

/// The names of `examples/helpdesk-export.csv`.
fn export_map() -> &'static FieldMap {
    static MAP: OnceLock<FieldMap> = OnceLock::new();
    MAP.get_or_init(|| {
        FieldMap::parse(&[
            "ticket=Ticket ID",
            "at=Event Time",
            "type=Event",
            "desk=Support Desk",
            "to=Assigned To",
        ])
        .expect("the export's map")
    })
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

/// A history judged at `as_of` and, when open then, placed in the queue.
fn judge(history: History<'_>, as_of: DateTime<Utc>, last_line: u64, tally: &mut Tally) {
    assert!(history.line >= 1 && history.line <= last_line);
    assert!(history.ticket.opened() <= as_of, "opened after as-of");
    let open = queue::is_open(&history, as_of);
    match judge_history(history.clone(), as_of) {
        Ok(judgement) => tally.add_history(&judgement),
        Err(unjudged) => {
            let _ = unjudged.error.to_string();
        }
    }
    if open {
        if let Ok(entry) = queue::entry(history, as_of, Thresholds::default()) {
            if let Some(p) = entry.elapsed_percent {
                assert!(!p.is_nan(), "elapsed percent is NaN");
            }
        }
    }
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&first, input)) = bytes.split_first() else {
        return;
    };
    let format = if first % 2 == 0 {
        InputFormat::Jsonl
    } else {
        InputFormat::Csv
    };
    let default_map = FieldMap::default();
    let map = if first & 2 == 0 {
        &default_map
    } else {
        export_map()
    };
    let data = data();
    let now = DateTime::<Utc>::from_timestamp(1_795_710_600, 0).expect("instant"); // 2026-11-26T16:30Z
    let as_of = now;
    let last_line = file_lines(input);
    let mut recorder = Recorder::new(data, Statuses::default(), now, as_of);
    let mut tally = Tally::default();
    let mut previous = 0;
    let result = record::read::<Events, _>(input, format, map, |line, fields| {
        assert!(line > previous, "line {line} after line {previous}");
        assert!(line <= last_line, "line {line} of {last_line}");
        previous = line;
        let Ok(fields) = fields else {
            return Ok::<(), Infallible>(());
        };
        match recorder.event(line, fields) {
            None => {}
            Some(Ok(history)) => {
                assert!(
                    history.line <= line,
                    "history of line {} on line {line}",
                    history.line
                );
                assert!(history.closed.is_some(), "a history handed back open");
                judge(history, as_of, last_line, &mut tally);
            }
            Some(Err(failed)) => {
                assert_eq!(failed.line, line, "a failure of another line");
            }
        }
        Ok(())
    });
    match result {
        Ok(outcome) => assert!(outcome.invalid <= outcome.lines),
        Err(ReadError::Header { line, .. } | ReadError::Columns { line, .. }) => {
            assert!(line <= last_line);
        }
        Err(ReadError::Io(e)) => panic!("reading a slice failed: {e}"),
        Err(ReadError::Each(never)) => match never {},
    }
    let ignored: u64 = recorder.ignored().values().sum();
    assert!(ignored <= previous);
    let mut order = None;
    for history in recorder.finish() {
        assert!(order < Some(history.order), "histories out of order");
        order = Some(history.order);
        judge(history, as_of, last_line, &mut tally);
    }
    let _ = tally.compliance();
});
