//! `slacalc queue`: the command-line contract of the tickets open at an
//! instant (SPEC §10): the JSON fields, `--events`, `--input`, `--warn`
//! and colour. The hand-worked table of states, holders and next steps is
//! computed by the library in `engine::queue`. Every expected value is
//! worked out by hand in the comment above it.
//!
//! Facts used (plans/imagiclecare.toml, calendars/europe.toml): 2026-11-23
//! is a Monday; europe is CET (+01:00), no DST change in these tests; the
//! gold extended clock is Mon-Sat 09:00-18:00 (holidays too), Sunday
//! closed; 8 Dec is a holiday. Gold response targets: P1 60 min, P2 2h, P3
//! 4h, P4 8h; gold steps 2h, 4h, 8h, 16h, 40h on the extended clock.
//! Ladders (initial holder Support Team; an empty cell or one naming the
//! current holder changes nothing):
//!   P1 = Team Leader, -, Support Manager, Co-CEO and CTO, -
//!   P2 = Support Team, Team Leader, -, Support Manager, Co-CEO and CTO
//!   P3 = Support Team, -, -, Team Leader, Support Manager
//!   P4 = Support Team, -, -, -, Team Leader
//! so gold P2's first holder change is step 2 (4h), P3's step 4 (16h),
//! P4's step 5 (40h), P1's step 1 (2h).

use serde_json::{json, Value};

use super::contract::keys;
use crate::support::events::{assert_by_id, ids, mon, opened, responded, response};
use crate::support::{assert_fields, Test};

/// `slacalc queue ARGS --at AT --format json`: the array.
#[track_caller]
fn queue_json(test: Test, at: &str) -> Vec<Value> {
    let v = test.args(["--at", at]).format("json").json();
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .clone()
}

#[test]
fn queue_rows_name_their_fields() {
    // --at Mon 2026-11-23 12:00 CET, gold europe (as in engine::queue):
    //  breached  P2 opened 09:30: due 11:30, --at after it: -1800 s (wall
    //            seconds since due), 150 of 120 min = 125 %. Step 2 (4h)
    //            at 13:30 Team Leader; next_deadline = the (past) due.
    //  responded P2 opened 09:00, answered 09:30: due 11:00 still shown,
    //            remaining and elapsed null; next deadline step 2 at 13:00.
    //  watch     P3 opened 10:00: 2h of 4h = 50 % (≥ 50); due 14:00, 7200
    //            s left. Step 4 (16h = 8 Mon + 8 Tue) Tue 17:00 Team Leader.
    // Order by next_deadline: breached 11:30, responded 13:00, watch 14:00.
    let events = [
        opened("responded", &mon("09:00"), "gold", "P2", "europe"),
        opened("breached", &mon("09:30"), "gold", "P2", "europe"),
        responded("responded", &mon("09:30")),
        opened("watch", &mon("10:00"), "gold", "P3", "europe"),
    ]
    .concat();
    let test = Test::new()
        .file("events.jsonl", events)
        .args(["queue", "--events", "events.jsonl"]);
    let rows = queue_json(test, &mon("12:00"));
    assert_eq!(ids(&rows), ["breached", "responded", "watch"]);
    for row in &rows {
        assert_eq!(
            keys(row),
            [
                "desk",
                "escalation_overdue",
                "holder",
                "id",
                "next_deadline",
                "next_step",
                "opened",
                "plan",
                "priority",
                "response",
                "waiting"
            ]
        );
        assert_eq!(
            keys(&row["response"]),
            ["due", "elapsed_percent", "remaining_seconds", "state"]
        );
        assert_eq!(keys(&row["next_step"]), ["at", "reaches", "step"]);
    }
    let expected = json!([
        {"id": "breached", "priority": "P2", "opened": mon("09:30"), "next_deadline": mon("11:30"),
         "holder": "Support Team", "waiting": false, "escalation_overdue": false,
         "response": response(&mon("11:30"), Some(-1800), "breached", Some(125.0)),
         "next_step": {"step": 2, "at": mon("13:30"), "reaches": "Team Leader"}},
        {"id": "responded", "next_deadline": mon("13:00"),
         "response": response(&mon("11:00"), None, "responded", None)},
        {"id": "watch", "priority": "P3", "next_deadline": mon("14:00"),
         "response": response(&mon("14:00"), Some(7200), "watch", Some(50.0)),
         "next_step": {"step": 4, "at": "2026-11-24T17:00:00+01:00", "reaches": "Team Leader"}},
    ]);
    assert_by_id(&rows, &expected);
}

#[test]
fn ticket_rows_with_other_warning_thresholds() {
    // queue --input tickets.csv --warn 20,40,60 --at Mon 2026-11-23 12:00
    // CET: the rows of `QUEUE_TICKETS`, worked out in engine::queue. r4 is
    // closed by then; r7, raised to P1, is due exactly at --at: critical,
    // 0 s left.
    let test = Test::new()
        .file("tickets.csv", crate::support::QUEUE_TICKETS)
        .args(["queue", "--input", "tickets.csv", "--warn", "20,40,60"]);
    let rows = queue_json(test, "2026-11-23T12:00:00+01:00");
    let states: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["response"]["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("r7", "critical"),
            ("r2", "critical"),
            ("r5", "responded"),
            ("r3", "at_risk"),
            ("r1", "watch"),
            ("r6", "ok")
        ]
    );
    assert_fields(
        &rows[0],
        &json!({"priority": "P1", "response": {"remaining_seconds": 0, "elapsed_percent": 100.0}}),
    );
}

#[test]
fn colour_marks_breached_red_and_at_risk_yellow_in_the_queue() {
    // Gold P2 at europe, 2 business hours on the extended clock (open
    // 09:00-18:00 Monday to Saturday), looked at Mon 2026-11-23 10:35 CET:
    // - R opened Fri 20 Nov 17:00: due Sat 10:00, breached → red
    //   (ESC[38;5;9m) on its state;
    // - Y opened Mon 09:00: due 11:00, 95 of 120 min used (79.2 %) → at
    //   risk, yellow (ESC[38;5;11m);
    // - G opened Mon 10:20: 15 of 120 min used (12.5 %) → ok, no colour.
    let events = [
        ("R", "2026-11-20T17:00:00+01:00"),
        ("Y", "2026-11-23T09:00:00+01:00"),
        ("G", "2026-11-23T10:20:00+01:00"),
    ]
    .map(|(id, at)| opened(id, at, "gold", "P2", "europe"))
    .concat();
    let table = |color: &str| {
        Test::new()
            .args(["queue", "--events", "-", "--at", "2026-11-23T09:35:00Z"])
            .args(["--color", color])
            .stdin(events.clone())
            .stdout_text()
    };
    let coloured = table("always");
    assert!(coloured.contains("\u{1b}[38;5;9m breached"), "{coloured}");
    assert!(coloured.contains("\u{1b}[38;5;11m at risk"), "{coloured}");
    assert!(!coloured.contains("\u{1b}[38;5;9m ok") && !coloured.contains("\u{1b}[38;5;11m ok"));
    // In a pipe, auto means no colour.
    assert!(!table("auto").contains('\u{1b}'));
}

/// SPEC §10: a breached ticket whose `elapsed_percent` would need a year
/// without holiday data, or a walk of more than a century, is listed,
/// breached, with `elapsed_percent` null (it was once dropped as an error).
#[test]
fn a_breached_ticket_whose_share_cannot_be_measured_is_still_listed() {
    // U1: gold P2 (2 business hours) at the uae desk (Mon-Fri 09:00-18:00
    // Dubai, +04:00), opened Wed 20 Dec 2028 10:00: due 12:00 (08:00Z).
    // At 10 Jan 2029 12:00Z the share would walk 2029, whose Islamic
    // holidays the calendar does not list. Remaining: -(21 days 4 hours)
    // = -1,828,800 s.
    // C1: gold P2 at the europe desk opened Mon 23 Nov 1925 10:00 (+01:00):
    // due 12:00 (11:00Z); a century and a year before --at.
    let rows = "id,plan,priority,desk,opened\n\
                U1,gold,p2,uae,2028-12-20T10:00:00+04:00\n\
                C1,gold,p2,europe,1925-11-23T10:00:00+01:00\n";
    for (id, at, due, remaining) in [
        (
            "U1",
            "2029-01-10T12:00:00Z",
            "2028-12-20T12:00:00+04:00",
            -1_828_800,
        ),
        // 36,890 days (101 years, 25 of them leap) and an hour.
        (
            "C1",
            "2026-11-23T12:00:00Z",
            "1925-11-23T12:00:00+01:00",
            -3_187_299_600_i64,
        ),
    ] {
        let queue = Test::new()
            .file("tickets.csv", rows)
            .args([
                "queue",
                "--input",
                "tickets.csv",
                "--at",
                at,
                "--format",
                "json",
            ])
            .json();
        let ticket = queue
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing: {queue}"));
        assert_eq!(ticket["response"]["due"], due);
        assert_eq!(ticket["response"]["state"], "breached");
        assert_eq!(
            ticket["response"]["elapsed_percent"],
            serde_json::Value::Null
        );
        assert_eq!(ticket["response"]["remaining_seconds"], remaining);
    }
}

/// An error line of a ticket names its id (it once gave only the line).
#[test]
fn an_error_line_of_a_ticket_names_it() {
    // The uae desk lists its Eid dates for 2025-2028: a ticket opened in
    // March 2031 cannot be placed.
    let events = "{\"ticket\":\"U-7\",\"at\":\"2031-03-03T09:00:00+04:00\",\"type\":\"opened\",\"plan\":\"gold\",\"priority\":\"P2\",\"desk\":\"uae\"}\n";
    for args in [
        &["queue", "--events", "-", "--at", "2031-03-04T00:00:00Z"][..],
        &[
            "audit",
            "--events",
            "-",
            "--as-of",
            "2031-03-04T00:00:00Z",
            "--tickets",
            "--format",
            "csv",
        ],
    ] {
        Test::new()
            .args(args.iter().copied())
            .stdin(events)
            .status(1)
            .stderr_mentions("slacalc: line 1: ticket 'U-7': calendar 'uae' has no dates")
            .run();
    }
}
