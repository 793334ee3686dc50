//! The business-time engine called directly (SPEC.md §3): hand-worked
//! tables over calendars written in the test, bad calendar files, and the
//! clock's laws as properties. No process is started here; the command-line
//! contract lives in `clock_cli`.
//!
//! Every library path the tests use is imported here, once, and re-exported
//! to the submodules, so that a rename in `src/` touches only these lines.

pub use slacalc::calendar::Calendar;
pub use slacalc::clock::{business_days_due, Clock, ClockKind, Interval, Pauses};
pub use slacalc::deadline::business_days_with_pauses;
pub use slacalc::input;
pub use slacalc::load::DataSet;

use chrono::{DateTime, TimeDelta, Utc};

mod before;
mod calendar;
pub mod clock;
mod data_fixes;
pub mod holidays;
mod horizon;
mod properties;
mod regressions;

/// A data set of desk calendars only: `calendars/<name>.toml` for each
/// (name, TOML text). Calendars are parsed when a desk is first asked for,
/// so a bad file shows up as the error of `DataSet::desk`.
pub fn data(calendars: &[(&str, &str)]) -> DataSet {
    let files: Vec<(String, String)> = calendars
        .iter()
        .map(|(name, text)| (format!("calendars/{name}.toml"), (*text).to_string()))
        .collect();
    DataSet::from_sources(&files, &[]).unwrap()
}

/// The desk of a data set of one calendar, `calendars/<name>.toml` holding
/// `text`. The data set is leaked on purpose, so that the desk can be
/// handed out alone: it lives to the end of the test run, as the embedded
/// data do.
pub fn desk(name: &str, text: &str) -> &'static Calendar {
    Box::leak(Box::new(data(&[(name, text)])))
        .desk(name)
        .unwrap()
}

/// An instant as a user types it: RFC 3339, or a local time at the desk.
pub fn at(desk: &Calendar, text: &str) -> DateTime<Utc> {
    input::instant(text, desk.zone, DateTime::UNIX_EPOCH).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The due instant of `hours` of clock time from a local time at the
/// desk, without pauses, at the desk's offset.
pub fn due_at(desk: &Calendar, kind: ClockKind, from: &str, hours: i64) -> String {
    let amount = TimeDelta::hours(hours);
    let due = Clock::new(desk, kind)
        .due(at(desk, from), amount, &Pauses::none())
        .unwrap_or_else(|e| panic!("{from} + {amount}: {e}"));
    local(desk, due)
}

/// The open window at a local time at the desk (`None`: closed), its edges
/// at the desk's offset.
pub fn open_window(desk: &Calendar, kind: ClockKind, when: &str) -> Option<(String, String)> {
    Clock::new(desk, kind)
        .window_at(at(desk, when))
        .unwrap_or_else(|e| panic!("{when}: {e}"))
        .map(|w| (local(desk, w.start), local(desk, w.end)))
}

/// An instant in RFC 3339 with the desk's local offset, as the expected
/// values are written.
pub fn local(desk: &Calendar, t: DateTime<Utc>) -> String {
    t.with_timezone(&desk.zone).to_rfc3339()
}
