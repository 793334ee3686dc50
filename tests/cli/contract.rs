//! The command-line contract of SPEC §8: JSON fields, exit codes, and one
//! line on stderr for bad input.

use serde_json::Value;

use crate::support::Test;

/// The keys of a JSON object, sorted.
pub fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// The JSON of `slacalc deadline --plan P --priority PR --desk D --opened T
/// ARGS --format json`.
pub fn deadline_json(plan: &str, priority: &str, desk: &str, opened: &str, args: &[&str]) -> Value {
    Test::deadline(plan, priority, desk)
        .opened(opened)
        .args(args.iter().copied())
        .format("json")
        .json()
}

#[test]
fn deadline_json_fields() {
    // Gold P1 at europe, Monday 2026-11-23 10:00 CET: notification 30 min
    // → 10:30; response 60 min → 11:00, both on the extended clock.
    let v = deadline_json("Gold", "p1", "EUROPE", "2026-11-23T10:00:00+01:00", &[]);
    for key in [
        "plan",
        "priority",
        "desk",
        "opened",
        "clock",
        "notification",
        "response",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["plan"], "gold");
    assert_eq!(v["priority"], "P1");
    assert_eq!(v["desk"], "europe");
    assert_eq!(v["opened"], "2026-11-23T10:00:00+01:00");
    assert_eq!(v["clock"], "extended");
    assert_eq!(
        keys(&v["notification"]),
        ["best_effort", "clock", "due", "target"]
    );
    assert_eq!(v["notification"]["due"], "2026-11-23T10:30:00+01:00");
    assert_eq!(
        keys(&v["response"]),
        ["best_effort", "clock", "due", "target"]
    );
    assert_eq!(v["response"]["due"], "2026-11-23T11:00:00+01:00");
    assert_eq!(v["response"]["best_effort"], false);
}

#[test]
fn deadline_best_effort_and_no_notification_are_null() {
    let v = deadline_json("basic", "P4", "europe", "2026-11-23T10:00:00+01:00", &[]);
    assert_eq!(v["notification"], Value::Null);
    assert_eq!(v["response"]["due"], Value::Null);
    assert_eq!(v["response"]["best_effort"], true);
}

#[test]
fn deadline_explain_lists_counted_windows() {
    // Gold P2 (2 business hours, extended) opened Fri 2026-11-20 17:30 CET:
    // Friday 17:30-18:00 (1800 s), then Saturday 09:00-10:30 (5400 s).
    let v = deadline_json(
        "gold",
        "p2",
        "europe",
        "2026-11-20T17:30:00+01:00",
        &["--explain"],
    );
    let windows = v["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 2);
    assert_eq!(windows[0]["from"], "2026-11-20T17:30:00+01:00");
    assert_eq!(windows[0]["to"], "2026-11-20T18:00:00+01:00");
    assert_eq!(windows[0]["seconds"], 1800);
    assert_eq!(windows[1]["from"], "2026-11-21T09:00:00+01:00");
    assert_eq!(windows[1]["seconds"], 5400);
}

#[test]
fn local_input_times_are_read_at_the_desk() {
    // "2026-11-20T17:30" at the americas desk is 17:30 EST (-05:00), after
    // closing; gold P3 (4 h extended) counts Saturday 07:00-11:00.
    let v = deadline_json("gold", "p3", "americas", "2026-11-20T17:30", &[]);
    assert_eq!(v["opened"], "2026-11-20T17:30:00-05:00");
    assert_eq!(v["response"]["due"], "2026-11-21T11:00:00-05:00");
}

#[test]
fn nonexistent_and_ambiguous_local_times_are_errors() {
    for (desk, opened, needle) in [
        // Rome skips 02:00-03:00 on 2026-03-29 and repeats 02:00-03:00 on 2026-10-25.
        ("europe", "2026-03-29T02:30", "does not exist"),
        ("europe", "2026-10-25T02:30", "ambiguous"),
        // New York skips 02:00-03:00 on 2026-03-08 and repeats 01:00-02:00 on 2026-11-01.
        ("americas", "2026-03-08T02:15", "does not exist"),
        ("americas", "2026-11-01T01:30", "ambiguous"),
    ] {
        Test::deadline("gold", "p1", desk)
            .opened(opened)
            .bad_input(&[needle])
            .run();
    }
}

#[test]
fn unknown_names_list_the_valid_ones() {
    for (plan, priority, desk, needle) in [
        ("gld", "p1", "europe", "known plans: basic, gold, platinum"),
        ("gold", "p9", "europe", "known priorities: P1, P2, P3, P4"),
        ("gold", "p1", "eurpoe", "did you mean 'europe'"),
    ] {
        Test::deadline(plan, priority, desk)
            .bad_input(&[needle])
            .run();
    }
}

#[test]
fn bad_values_exit_2_with_one_line() {
    let gold_p1 = || Test::deadline("gold", "p1", "europe");
    gold_p1()
        .opened("yesterday")
        .bad_input(&["'yesterday' is not a time"])
        .run();
    gold_p1()
        .args([
            "--pause",
            "2026-11-23T12:00:00+01:00/2026-11-23T11:00:00+01:00",
        ])
        .bad_input(&["ends before it starts"])
        .run();
    let cases: [(&[&str], &str); 4] = [
        (&["deadline", "--plan", "gold"], "required"),
        (
            &["clock", "--desk", "europe", "--add", "5 hours"],
            "'5 hours' is not a duration",
        ),
        (
            &[
                "clock", "--desk", "europe", "--clock", "weekly", "--add", "5h",
            ],
            "unknown clock 'weekly'",
        ),
        (
            &[
                "--data",
                "/nonexistent/folder",
                "clock",
                "--desk",
                "europe",
                "--add",
                "5h",
            ],
            "/nonexistent/folder",
        ),
    ];
    for (args, needle) in cases {
        Test::new()
            .args(args.iter().copied())
            .bad_input(&[needle])
            .run();
    }
}

/// `slacalc clock --desk europe --from Fri 2026-11-20 16:00 CET`, then
/// `rest`, as JSON.
fn europe_clock_from_friday_16(rest: &[&str]) -> Value {
    Test::new()
        .args([
            "clock",
            "--desk",
            "europe",
            "--from",
            "2026-11-20T16:00:00+01:00",
        ])
        .args(rest.iter().copied())
        .format("json")
        .json()
}

#[test]
fn clock_add_business_days_and_until() {
    // Europe extended clock from Fri 2026-11-20 16:00 CET: Friday 16-18 (2h),
    // Saturday 09:00 + 1h → 10:00.
    let v = europe_clock_from_friday_16(&["--add", "PT3H"]);
    assert_eq!(keys(&v), ["clock", "desk", "due", "from"]);
    assert_eq!(v["clock"], "extended");
    assert_eq!(v["due"], "2026-11-21T10:00:00+01:00");
    // Standard clock: Friday 16-18 (2h), Monday 09:00 + 1h → Monday 10:00.
    let v = europe_clock_from_friday_16(&["--clock", "standard", "--add", "3h"]);
    assert_eq!(v["due"], "2026-11-23T10:00:00+01:00");
    // 2 business days from Friday 20 Nov: Mon 23 (1), Tue 24 (2) → 18:00.
    let v = europe_clock_from_friday_16(&["--business-days", "2"]);
    assert_eq!(v["due"], "2026-11-24T18:00:00+01:00");
    // Measured on the standard clock from Friday 16:00 to Monday 12:00:
    // 2h Friday + 3h Monday = 5h = 18000 s.
    let v = europe_clock_from_friday_16(&[
        "--clock",
        "standard",
        "--until",
        "2026-11-23T12:00:00+01:00",
    ]);
    assert_eq!(
        keys(&v),
        ["clock", "desk", "from", "human", "seconds", "until"]
    );
    assert_eq!(v["seconds"], 18_000);
}

#[test]
fn help_and_version_exit_0() {
    Test::new().arg("--help").run();
    Test::new().args(["deadline", "--help"]).run();
    Test::new()
        .arg("--version")
        .stdout_contains("tz database")
        .run();
}

#[test]
fn table_output_names_the_due_time() {
    // 2 business hours: 30 min on Friday, 90 min on Saturday → 10:30.
    Test::deadline("gold", "p2", "europe")
        .opened("2026-11-20T17:30:00+01:00")
        .stdout_contains("Sat 2026-11-21 10:30:00 +01:00")
        .stdout_contains("2026-11-21 09:30:00Z")
        .run();
}

#[test]
fn overlapping_pauses_are_their_union() {
    // SPEC §3: pauses 10:00-12:00 and 11:00-13:00 pause 10:00-13:00. Gold
    // P1 at europe opened Mon 2026-11-23 10:00 CET, inside that union: it
    // counts from the effective start 13:00, so the notification (30 min)
    // is due 13:30 and the response (60 min) 14:00. The same with a
    // zero-length pause and a pause wholly before the opening added, which
    // change nothing.
    for extra in [
        &[][..],
        &[
            "--pause",
            "2026-11-23T15:00:00+01:00/2026-11-23T15:00:00+01:00",
            "--pause",
            "2026-11-23T08:00:00+01:00/2026-11-23T09:00:00+01:00",
        ][..],
    ] {
        let pauses = [
            "--pause",
            "2026-11-23T10:00:00+01:00/2026-11-23T12:00:00+01:00",
            "--pause",
            "2026-11-23T11:00:00+01:00/2026-11-23T13:00:00+01:00",
        ];
        let args = [&pauses[..], extra].concat();
        let v = deadline_json("gold", "p1", "europe", "2026-11-23T10:00:00+01:00", &args);
        assert_eq!(v["notification"]["due"], "2026-11-23T13:30:00+01:00");
        assert_eq!(v["response"]["due"], "2026-11-23T14:00:00+01:00");
    }
}

/// SPEC §8: `SLACALC_NOW` follows the rules of every other instant: a leap
/// second (`:60`) is an error, not read as :59; seconds may be left out.
#[test]
fn slacalc_now_with_a_leap_second_is_refused() {
    Test::new()
        .args(["clock", "--desk", "europe", "--from", "now", "--add", "0s"])
        .args(["--format", "json"])
        .now("2026-11-20T17:30:60Z")
        .bad_input(&["SLACALC_NOW", "leap second"])
        .run();
    // 17:30Z without seconds is 18:30 in Rome (+01:00 in November).
    let out = Test::new()
        .args(["clock", "--desk", "europe", "--from", "now", "--add", "0s"])
        .args(["--format", "json"])
        .now("2026-11-20T17:30Z")
        .json();
    assert_eq!(out["from"], "2026-11-20T18:30:00+01:00");
}
