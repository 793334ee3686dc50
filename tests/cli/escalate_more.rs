//! Escalation beyond the matrix through the command line: a priority
//! change's JSON fields and bad input (SPEC §4–5, §8). The hand-worked
//! values of priority changes, on-call hours and merged pauses are
//! computed by the library in `engine::escalation`.

use crate::support::Test;

#[test]
fn a_priority_change_in_json() {
    // Gold P3 at europe, opened Fri 2026-11-20 10:00 CET, raised to P1 on
    // Mon 2026-11-23 09:30, asked at Mon 12:00 (worked out in
    // engine::escalation): steps 1-4 lay before the change and are overdue,
    // step 5 (Wed 2026-11-25 14:00) is pending and next; P1's cells make
    // Co-CEO and CTO the holder; the P1 response (60 min) was due Fri 11:00.
    let v = Test::escalate("gold", "p3", "europe")
        .args([
            "--opened=2026-11-20T10:00:00+01:00",
            "--at=2026-11-23T12:00:00+01:00",
            "--priority-change=2026-11-23T09:30:00+01:00=P1",
            "--format=json",
        ])
        .json();
    assert_eq!(v["priority"], "P1");
    assert_eq!(v["holder"], "Co-CEO and CTO");
    assert_eq!(v["on_call"], false);
    assert_eq!(v["steps"][0]["status"], "overdue");
    assert_eq!(v["steps"][4]["status"], "pending");
    assert_eq!(v["steps"][4]["at"], "2026-11-25T14:00:00+01:00");
    assert_eq!(v["next"]["step"], 5);
    let history = v["priority_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["priority"], "P1");
    assert_eq!(history[1]["from"], "2026-11-23T09:30:00+01:00");
    assert_eq!(v["response_due"], "2026-11-20T11:00:00+01:00");
}

#[test]
fn bad_escalation_input_exits_2() {
    let opened_at_10 =
        || Test::escalate("gold", "p2", "europe").opened("2026-11-23T10:00:00+01:00");
    opened_at_10()
        .args(["--at", "2026-11-23T09:00:00+01:00"])
        .bad_input(&["before the ticket was opened"])
        .run();
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "--pause",
                "2026-11-23T12:00:00+01:00/2026-11-23T11:00:00+01:00",
            ],
            "ends before it starts",
        ),
        (
            &["--priority-change", "2026-11-23T11:00:00+01:00"],
            "TIME=PRIORITY",
        ),
        (
            &["--priority-change", "2026-11-23T11:00:00+01:00=P7"],
            "unknown priority 'P7'",
        ),
        (
            &["--priority-change", "2026-11-23T09:00:00+01:00=P1"],
            "before the ticket was opened",
        ),
    ];
    for (extra, needle) in cases {
        opened_at_10()
            .args(["--at", "2026-11-23T15:00:00+01:00"])
            .args(extra.iter().copied())
            .bad_input(&[needle])
            .run();
    }
}
