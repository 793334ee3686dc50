//! `slacalc deadline`: the command-line contract of the hand-worked
//! deadline table. The table itself (SPEC.md §2–4, reasoning beside each
//! case) is computed by the library in `engine::deadline`; here a few of
//! its rows run through the binary, so that the JSON fields (`response.due`,
//! `response.best_effort`, `notification`), the flags and the offsets of
//! the output stay what the table was checked against.

use serde_json::Value;

use crate::engine::deadline::{Case, CASES};
use crate::support::{assert_table, Test};

/// Runs one case and returns what differs from the hand-worked expectation.
fn check(c: &Case) -> Vec<String> {
    let mut test = Test::deadline(c.plan, c.priority, c.desk)
        .opened(c.opened)
        .format("json");
    for p in c.pauses {
        test = test.args(["--pause", p]);
    }
    let v = match test.try_json() {
        Ok(v) => v,
        Err(problem) => return vec![problem],
    };

    let mut problems = Vec::new();
    let response_due = &v["response"]["due"];
    let expected_due = c
        .response_due
        .map_or(Value::Null, |s| Value::String(s.into()));
    if *response_due != expected_due {
        problems.push(format!(
            "response.due: expected {expected_due}, got {response_due}"
        ));
    }
    let best_effort = &v["response"]["best_effort"];
    let expected_best_effort = Value::Bool(c.response_due.is_none());
    if *best_effort != expected_best_effort {
        problems.push(format!(
            "response.best_effort: expected {expected_best_effort}, got {best_effort}"
        ));
    }
    let notification = &v["notification"];
    match c.notification_due {
        None if !notification.is_null() => {
            problems.push(format!("notification: expected null, got {notification}"));
        }
        None => {}
        Some(due) => {
            let got = &notification["due"];
            if got.as_str() != Some(due) {
                problems.push(format!("notification.due: expected \"{due}\", got {got}"));
            }
        }
    }
    problems
}

/// Rows of the table by their number (1-based): a notification and a
/// response across closing time (2), best effort (12, 46), a holiday
/// window (22), the autumn fall-back at americas (41), two pauses (70),
/// the middle-east week (53).
const CLI_ROWS: [usize; 7] = [2, 12, 22, 41, 46, 53, 70];

#[test]
fn hand_worked_deadlines_through_the_binary() {
    assert_table(
        "deadline cases through the binary",
        CLI_ROWS.map(|n| (format!("case {n} {:?}", CASES[n - 1]), &CASES[n - 1])),
        check,
    );
}

#[test]
fn an_instant_without_seconds_keeps_its_offset() {
    // Gold P2 at europe opened Fri 2026-11-20 17:30 CET (= 16:30Z): 2
    // business hours on the extended clock (Mon-Sat 09-18): 30 min on
    // Friday, 90 on Saturday from 09:00: due Sat 10:30 CET. Written
    // without seconds, with an offset, with Z, or with a space, it is the
    // same instant; so is a pause written as the pause error's example
    // suggests: Fri 10:00-12:00 CET around an opening at 09:00 moves a 2 h
    // target from 11:00 to 13:00.
    for opened in [
        "2026-11-20T17:30+01:00",
        "2026-11-20T16:30Z",
        "2026-11-20 17:30+01:00",
        "2026-11-20T11:30-05:00",
    ] {
        let out = Test::deadline("gold", "p2", "europe")
            .opened(opened)
            .format("json")
            .json();
        assert_eq!(out["opened"], "2026-11-20T17:30:00+01:00", "{opened}");
        assert_eq!(
            out["response"]["due"], "2026-11-21T10:30:00+01:00",
            "{opened}"
        );
    }
    let out = Test::deadline("gold", "p2", "europe")
        .opened("2026-11-20T09:00+01:00")
        .args(["--pause", "2026-11-20T10:00+01:00/2026-11-20T12:00+01:00"])
        .format("json")
        .json();
    assert_eq!(out["response"]["due"], "2026-11-20T13:00:00+01:00");
}
