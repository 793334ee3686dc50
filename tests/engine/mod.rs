//! The library called directly: the business-time engine (SPEC.md §3)
//! with hand-worked tables over calendars written in the test, bad
//! calendar files and the clock's laws as properties; and the hand-worked
//! deadline, escalation, audit and queue tables (SPEC §4–5, §9–10) over
//! the embedded data. No process is started here; the command-line
//! contract lives in `cli`.
//!
//! Every library path the tests use to build tickets and histories is
//! imported here, once, and every table builds them through the helpers
//! below (`ticket`, `resolve`, `csv_tickets`, the event builders,
//! `histories`, `row_history`), so that a rename in `src/` touches only
//! these lines.

pub use slacalc::calendar::Calendar;
pub use slacalc::clock::{business_days_due, Clock, ClockKind, Interval, Pauses};
pub use slacalc::deadline::business_days_with_pauses;
pub use slacalc::history::{Failed, History, Recorder, Statuses};
pub use slacalc::input;
pub use slacalc::load::DataSet;
pub use slacalc::record::event::{EventFields, Kind, When};
pub use slacalc::record::{Columns, ExtraFields, FieldMap, TicketFields};
pub use slacalc::resolve::Resolver;
pub use slacalc::ticket::Ticket;
pub use slacalc::time::rfc3339;

use std::sync::OnceLock;

use chrono::{DateTime, TimeDelta, Utc};

mod audit;
mod before;
mod calendar;
pub mod clock;
mod data_fixes;
pub mod deadline;
pub mod escalation;
mod history;
pub mod holidays;
mod horizon;
mod properties;
mod queue;
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

/// An instant in RFC 3339 at the desk's offset, to the second, exactly as
/// the command line writes it (SPEC §8): the tables' expected instants
/// were compared with that output.
pub fn shown(desk: &Calendar, t: DateTime<Utc>) -> String {
    rfc3339(t, desk.zone)
}

/// The embedded data set (plans and desk calendars), read once and kept to
/// the end of the run: the tickets built from it borrow from it.
pub fn embedded() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::embedded().unwrap())
}

/// "Now" for the words "now" and "today", as the command-line tests pin it
/// (`SLACALC_NOW`): no table reads the real date.
pub fn now() -> DateTime<Utc> {
    utc(crate::support::NOW)
}

/// An instant as `--as-of` and `--at` read it: RFC 3339, or a local time
/// in UTC.
pub fn utc(text: &str) -> DateTime<Utc> {
    input::instant(text, slacalc::time::UTC, DateTime::UNIX_EPOCH)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// A ticket as the flags of one call (or the cells of one row) give it;
/// times are read at the desk, absent ones are `None`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Row<'a> {
    pub plan: &'a str,
    pub priority: &'a str,
    pub desk: &'a str,
    pub opened: &'a str,
    /// Each "A/B" (`--pause`).
    pub pauses: &'a [&'a str],
    /// Each "TIME=PRIORITY" (`--priority-change`).
    pub changes: &'a [&'a str],
    pub responded: Option<&'a str>,
    pub notified: Option<&'a str>,
    pub closed: Option<&'a str>,
}

/// A row resolved against the embedded data, as the command line resolves
/// its flags; a row that does not resolve fails the test, naming it.
pub fn resolve(row: &Row) -> Ticket<'static> {
    let texts = |list: &[&str]| list.iter().map(|t| (*t).to_string().into()).collect();
    let text = |t: Option<&str>| t.map(|t| t.to_string().into());
    let fields = TicketFields {
        plan: row.plan.to_string().into(),
        priority: Some(row.priority.to_string().into()),
        desk: row.desk.to_string().into(),
        opened: row.opened.to_string().into(),
        pauses: texts(row.pauses),
        extra: Some(Box::new(ExtraFields {
            priority_changes: texts(row.changes),
            responded: text(row.responded),
            notified: text(row.notified),
            closed: text(row.closed),
            ..ExtraFields::default()
        })),
        ..TicketFields::default()
    };
    Resolver::new(embedded(), now())
        .ticket(&fields)
        .unwrap_or_else(|e| panic!("{row:?}: {e}"))
}

/// The ticket of `deadline`/`escalate --plan P --priority PR --desk D
/// --opened T`, with a `--pause` for each of `pauses` and a
/// `--priority-change` for each of `changes`.
pub fn ticket(
    plan: &str,
    priority: &str,
    desk: &str,
    opened: &str,
    pauses: &[&str],
    changes: &[&str],
) -> Ticket<'static> {
    resolve(&Row {
        plan,
        priority,
        desk,
        opened,
        pauses,
        changes,
        ..Row::default()
    })
}

/// The tickets of a CSV export without quoted cells (header first, one
/// ticket a line), as `audit` and `queue --input` read them: each with
/// its `id` cell (empty when it has none).
pub fn csv_tickets(csv: &str) -> Vec<(String, Ticket<'static>)> {
    let mut lines = csv.lines();
    let header = lines.next().expect("a header line");
    let columns = Columns::new(header.split(','), &FieldMap::default()).unwrap();
    lines
        .map(|line| {
            let fields = TicketFields::from_row(&columns, line.split(','))
                .unwrap_or_else(|e| panic!("{line}: {e}"));
            let id = match &fields.id {
                Some(serde_json::Value::String(id)) => id.clone(),
                _ => String::new(),
            };
            let ticket = Resolver::new(embedded(), now())
                .ticket(&fields)
                .unwrap_or_else(|e| panic!("{line}: {e}"));
            (id, ticket)
        })
        .collect()
}

/// A ticket row as a history (`queue --input`): `line` is its file line,
/// and its place among the tickets.
pub fn row_history(id: &str, ticket: Ticket<'static>, line: u64) -> History<'static> {
    History::from_ticket(ticket, id.to_string(), line, line, None)
}

/// One event of a ticket's history (SPEC §9), its other values set by
/// `set`; its time is read at the ticket's desk, as an event log's is.
fn event(ticket: &str, at: &str, kind: Kind, set: impl FnOnce(&mut EventFields)) -> EventFields {
    let mut fields = EventFields {
        ticket: Some(ticket.into()),
        at: Some(When::Text(at.to_string())),
        kind: Some(kind),
        ..EventFields::default()
    };
    set(&mut fields);
    fields
}

/// An `opened` event.
pub fn opened(ticket: &str, at: &str, plan: &str, priority: &str, desk: &str) -> EventFields {
    event(ticket, at, Kind::Opened, |e| {
        (e.plan, e.priority, e.desk) =
            (Some(plan.into()), Some(priority.into()), Some(desk.into()));
    })
}

/// A `status` event.
pub fn status(ticket: &str, at: &str, status: &str) -> EventFields {
    event(ticket, at, Kind::Status, |e| e.status = Some(status.into()))
}

/// A `priority` event: the ticket's priority becomes `priority`.
pub fn priority(ticket: &str, at: &str, priority: &str) -> EventFields {
    event(ticket, at, Kind::Priority, |e| {
        e.priority = Some(priority.into());
    })
}

/// An `escalated` event.
pub fn escalated(ticket: &str, at: &str, to: &str) -> EventFields {
    event(ticket, at, Kind::Escalated, |e| e.to = Some(to.into()))
}

/// A `responded` event.
pub fn responded(ticket: &str, at: &str) -> EventFields {
    event(ticket, at, Kind::Responded, |_| {})
}

/// A `notified` event.
pub fn notified(ticket: &str, at: &str) -> EventFields {
    event(ticket, at, Kind::Notified, |_| {})
}

/// A `closed` event.
pub fn closed(ticket: &str, at: &str) -> EventFields {
    event(ticket, at, Kind::Closed, |_| {})
}

/// The event log `events` (line 1 first) recorded as of `as_of` (RFC 3339,
/// or a local time in UTC) with the waiting and closing `statuses`: each
/// ticket's history, or why it failed, in the order the tickets were
/// opened, as `audit --events` and `queue --events` take them.
pub fn histories(
    events: Vec<EventFields>,
    statuses: Statuses,
    as_of: &str,
) -> Vec<Result<History<'static>, Failed>> {
    let mut recorder = Recorder::new(embedded(), statuses, now(), utc(as_of));
    let mut out: Vec<Result<History, Failed>> = events
        .into_iter()
        .zip(1..)
        .filter_map(|(event, line)| recorder.event(line, event))
        .collect();
    out.extend(recorder.finish().into_iter().map(Ok));
    // In the order opened; lines that held no event last.
    out.sort_by_key(|finished| match finished {
        Ok(history) => (false, history.order),
        Err(failed) => (failed.order.is_none(), failed.order.unwrap_or_default()),
    });
    out
}
