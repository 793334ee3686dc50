//! Ticket event logs, as `audit --events` and `queue --events` read them
//! (SPEC §9, §10): one JSON line an event; and their outputs' lines, one a
//! ticket, found by id (also the library tables' views of them, which use
//! the same names).

use serde_json::{json, Value};

use super::assert_fields;

/// One event line of the JSON Lines log; `fields` is appended verbatim
/// (",\"status\":\"waiting\"" and the like).
pub fn event(ticket: &str, at: &str, kind: &str, fields: &str) -> String {
    format!("{{\"ticket\":\"{ticket}\",\"at\":\"{at}\",\"type\":\"{kind}\"{fields}}}\n")
}

/// An `opened` event.
pub fn opened(ticket: &str, at: &str, plan: &str, priority: &str, desk: &str) -> String {
    event(
        ticket,
        at,
        "opened",
        &format!(",\"plan\":\"{plan}\",\"priority\":\"{priority}\",\"desk\":\"{desk}\""),
    )
}

/// A `status` event.
pub fn status(ticket: &str, at: &str, status: &str) -> String {
    event(ticket, at, "status", &format!(",\"status\":\"{status}\""))
}

/// An `escalated` event.
pub fn escalated(ticket: &str, at: &str, to: &str) -> String {
    event(ticket, at, "escalated", &format!(",\"to\":\"{to}\""))
}

/// A `responded` event.
pub fn responded(ticket: &str, at: &str) -> String {
    event(ticket, at, "responded", "")
}

/// A `notified` event.
pub fn notified(ticket: &str, at: &str) -> String {
    event(ticket, at, "notified", "")
}

/// A `closed` event.
pub fn closed(ticket: &str, at: &str) -> String {
    event(ticket, at, "closed", "")
}

/// Monday 2026-11-23 at `hm` (HH:MM) at europe, CET (+01:00).
pub fn mon(hm: &str) -> String {
    format!("2026-11-23T{hm}:00+01:00")
}

/// The ids of a queue's rows, in order.
pub fn ids(rows: &[Value]) -> Vec<&str> {
    rows.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

/// A queue row's response block: due, remaining seconds, state and elapsed
/// percentage (`None`: null), as `assert_fields` takes them.
pub fn response(due: &str, remaining: Option<i64>, state: &str, elapsed: Option<f64>) -> Value {
    json!({"due": due, "remaining_seconds": remaining, "state": state, "elapsed_percent": elapsed})
}

/// The output line (or row) of ticket `id`; error lines do not count.
#[track_caller]
pub fn by_id<'a>(lines: &'a [Value], id: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["id"] == id && l.get("error").is_none())
        .unwrap_or_else(|| panic!("no line for ticket {id}: {lines:?}"))
}

/// Each of `expected`, an array of objects that name an "id", checked with
/// `assert_fields` against the line (or row) of that id.
#[track_caller]
pub fn assert_by_id(lines: &[Value], expected: &Value) {
    for fields in expected.as_array().expect("an array of lines") {
        let id = fields["id"].as_str().expect("each line names its id");
        assert_fields(by_id(lines, id), fields);
    }
}

/// One judged step of a ticket's `escalations`: the contract's fields.
pub fn step(
    step: u64,
    due: &str,
    reaches: &str,
    at: Option<&str>,
    verdict: &str,
    late: Option<i64>,
) -> Value {
    json!({
        "step": step, "due": due, "reaches": reaches, "escalated_at": at,
        "verdict": verdict, "late_seconds": late,
    })
}

/// The lines of an `--tickets` output that judge a ticket, in their order.
pub fn judged_lines(lines: &[Value]) -> Value {
    lines
        .iter()
        .filter(|l| l.get("error").is_none())
        .cloned()
        .collect()
}

/// The error lines of an `--tickets` output, as (ticket, line), sorted.
#[track_caller]
pub fn error_lines(lines: &[Value]) -> Vec<(String, u64)> {
    let mut errors: Vec<(String, u64)> = lines
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| {
            (
                l["ticket"]
                    .as_str()
                    .unwrap_or_else(|| panic!("no ticket: {l}"))
                    .to_string(),
                l["line"].as_u64().unwrap_or_else(|| panic!("no line: {l}")),
            )
        })
        .collect();
    errors.sort();
    errors
}
