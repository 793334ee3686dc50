//! Escalation beyond the matrix: priority changes and bad input (SPEC §4–5, §8).

use serde_json::Value;

use super::contract::deadline_json;
use crate::support::Test;

/// Gold P3 at europe, opened Fri 2026-11-20 10:00 CET and raised to P1 on
/// Mon 2026-11-23 09:30, asked at `at`.
fn raised_to_p1_on_monday(at: &str) -> Value {
    Test::escalate("gold", "p3", "europe")
        .opened("2026-11-20T10:00:00+01:00")
        .args(["--at", at])
        .args(["--priority-change", "2026-11-23T09:30:00+01:00=P1"])
        .format("json")
        .json()
}

#[test]
fn p3_raised_to_p1_after_its_step_times_makes_them_overdue() {
    // Gold europe, opened Fri 2026-11-20 10:00 CET. Extended clock: Friday
    // 10-18 (8h), Saturday 09-18 (9h), Monday 09-18.
    // Steps: 2h → Fri 12:00; 4h → Fri 14:00; 8h → Fri 18:00; 16h → Sat
    // 17:00 (8h Fri + 8h Sat); 40h → 8 + 9 (Sat) = 17, Mon +9 = 26, Tue +9 =
    // 35, Wed 09:00 + 5h → Wed 2026-11-25 14:00.
    // Raised to P1 on Mon 09:30; asked at Mon 12:00: steps 1-4 lay before the
    // change, so they are overdue; P1's cells reach Team Leader (1), Support
    // Manager (3), Co-CEO and CTO (4): the holder is now Co-CEO and CTO.
    let v = raised_to_p1_on_monday("2026-11-23T12:00:00+01:00");
    assert_eq!(v["priority"], "P1");
    assert_eq!(v["holder"], "Co-CEO and CTO");
    let steps = v["steps"].as_array().unwrap();
    let expected = [
        ("2026-11-20T12:00:00+01:00", "overdue"),
        ("2026-11-20T14:00:00+01:00", "overdue"),
        ("2026-11-20T18:00:00+01:00", "overdue"),
        ("2026-11-21T17:00:00+01:00", "overdue"),
        ("2026-11-25T14:00:00+01:00", "pending"),
    ];
    for (step, (at, status)) in steps.iter().zip(expected) {
        assert_eq!(step["at"], at);
        assert_eq!(step["status"], status);
    }
    assert_eq!(v["next"]["step"], 5);
    let history = v["priority_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["priority"], "P1");
    assert_eq!(history[1]["from"], "2026-11-23T09:30:00+01:00");
    // P1 response: 60 minutes from the opening (SPEC §4) → Fri 11:00.
    assert_eq!(v["response_due"], "2026-11-20T11:00:00+01:00");
}

#[test]
fn before_the_change_the_old_priority_holds() {
    // Same ticket asked on Sat 2026-11-21 12:00, before the change: P3 is in
    // force; steps 1-3 (Fri 12:00, 14:00, 18:00) have been reached; P3's cells
    // for steps 1-3 are Support Team, -, -.
    let v = raised_to_p1_on_monday("2026-11-21T12:00:00+01:00");
    assert_eq!(v["priority"], "P3");
    assert_eq!(v["holder"], "Support Team");
    assert_eq!(v["steps"][2]["status"], "reached");
    assert_eq!(v["next"]["step"], 4);
}

#[test]
fn deadline_uses_the_changed_priority_from_the_opening() {
    // Gold P4 (8h) raised to P2 (2h): due 2h after the opening, Mon 2026-11-23
    // 09:00 + 2h = 11:00 CET.
    let raised = ["--priority-change", "2026-11-23T10:00:00+01:00=p2"];
    let v = deadline_json("gold", "p4", "europe", "2026-11-23T09:00:00+01:00", &raised);
    assert_eq!(v["priority"], "P2");
    assert_eq!(v["response"]["due"], "2026-11-23T11:00:00+01:00");
}

#[test]
fn platinum_p1_at_night_is_on_call() {
    // Platinum P1 at europe opened Tue 2026-11-24 22:00 CET: the 24/7
    // response is due 23:00; at 22:30 the extended clock is closed, so the
    // ticket is in on-call hours. Step 1 (2 business hours) is Wed 11:00.
    let at_night = |plan: &str| {
        Test::escalate(plan, "p1", "europe")
            .opened("2026-11-24T22:00:00+01:00")
            .args(["--at", "2026-11-24T22:30:00+01:00"])
            .format("json")
            .json()
    };
    let v = at_night("platinum");
    assert_eq!(v["on_call"], true);
    assert_eq!(v["response_due"], "2026-11-24T23:00:00+01:00");
    assert_eq!(v["steps"][0]["at"], "2026-11-25T11:00:00+01:00");
    assert_eq!(v["next"]["step"], 1);
    assert_eq!(v["holder"], "Support Team");
    // Gold has no on-call clock.
    let gold = at_night("gold");
    assert_eq!(gold["on_call"], false);
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

#[test]
fn escalation_runs_from_the_effective_start() {
    // Gold P2 at europe opened Mon 2026-11-23 10:00 CET while waiting:
    // pauses 10:00-12:00 and 11:00-13:00 are one pause 10:00-13:00 (SPEC
    // §3), so step 1 (2 business hours) is due 15:00, not 14:00 or 12:00.
    let v = Test::escalate("gold", "p2", "europe")
        .opened("2026-11-23T10:00:00+01:00")
        .args([
            "--at",
            "2026-11-23T14:00:00+01:00",
            "--pause",
            "2026-11-23T10:00:00+01:00/2026-11-23T12:00:00+01:00",
            "--pause",
            "2026-11-23T11:00:00+01:00/2026-11-23T13:00:00+01:00",
        ])
        .format("json")
        .json();
    assert_eq!(v["steps"][0]["at"], "2026-11-23T15:00:00+01:00");
    assert_eq!(v["next"]["step"], 1);
}
