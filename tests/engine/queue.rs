//! The queue: the tickets open at an instant, with the time left, their
//! state, holder and next escalation step (SPEC §10), from the library
//! (`slacalc::queue::entry` on each history open then, `queue::sort`).
//! Every expected value is worked out by hand in the comment above it.
//! `cli::queue` keeps the command line's contract of `slacalc queue`.
//!
//! Each entry is compared as `queue --format json` writes it (`view`),
//! except that the elapsed percentage is compared unrounded.
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
use slacalc::queue::{entry, is_open, sort, Entry, Thresholds};

use super::{
    closed, csv_tickets, histories, opened, priority, responded, row_history, shown, status, utc,
    EventFields, History, Statuses,
};
use crate::support::assert_fields;
use crate::support::events::{assert_by_id, ids, mon, response};

/// The histories open at `at` as the queue lists them, most urgent first:
/// one `view` an entry.
fn queue_of(
    histories: impl IntoIterator<Item = History<'static>>,
    at: &str,
    warn: Thresholds,
) -> Vec<Value> {
    let at = utc(at);
    let mut entries: Vec<Entry> = histories
        .into_iter()
        .filter(|history| is_open(history, at))
        .map(|history| entry(history, at, warn).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    sort(&mut entries);
    entries.iter().map(view).collect()
}

/// The queue of an event log at `at` (`queue --events`), with the default
/// statuses and warning thresholds.
fn queue(events: Vec<EventFields>, at: &str) -> Vec<Value> {
    let histories = histories(events, Statuses::default(), at)
        .into_iter()
        .map(|finished| finished.unwrap_or_else(|failed| panic!("{failed:?}")));
    queue_of(histories, at, Thresholds::default())
}

/// An entry under the names `queue --format json` gives its fields.
fn view(e: &Entry) -> Value {
    let h = &e.history;
    let at = |t| shown(h.ticket.desk(), t);
    json!({
        "id": h.id, "plan": h.ticket.plan().name, "priority": e.priority.id, "desk": h.ticket.desk().name,
        "opened": at(h.ticket.opened()), "waiting": e.waiting, "holder": e.holder,
        "escalation_overdue": e.escalation_overdue,
        "response": {
            "due": e.due.map(at), "remaining_seconds": e.remaining.map(|d| d.num_seconds()),
            "state": e.state.name(), "elapsed_percent": e.elapsed_percent,
        },
        "next_step": e.next_step.as_ref().map(|s| json!({"step": s.step, "at": at(s.at), "reaches": s.reaches})),
        "next_deadline": e.next_deadline.map(at),
    })
}

#[test]
fn one_ticket_per_state_mid_day_in_deadline_order() {
    // --at Mon 2026-11-23 12:00 CET, gold europe, thresholds 50/75/90:
    //  ok        P4 opened 10:00: 2h used of 8h = 25 %; due 10:00 + 8h =
    //            18:00, 6h = 21600 s left. First change: step 5 (40h = 8
    //            Mon + 9 Tue + 9 Wed + 9 Thu + 5 Fri) Fri 27 Nov 14:00 Team
    //            Leader. next_deadline = 18:00.
    //  watch     P3 opened 10:00: 2h of 4h = 50 % (≥ 50); due 14:00, 7200 s
    //            left. Step 4 (16h = 8 Mon + 8 Tue) Tue 17:00 Team Leader.
    //  at_risk   P2 opened 10:30: 1.5h of 2h = 75 % (≥ 75); due 12:30, 1800
    //            s left. Step 2 (4h) 14:30 Team Leader.
    //  critical  P2 opened 10:12: 108 of 120 min = 90 % (≥ 90); due 12:12,
    //            720 s left. Step 2 at 14:12.
    //  breached  P2 opened 09:30: due 11:30, --at after it: -1800 s (wall
    //            seconds since due), 150 of 120 min = 125 %. Step 2 at 13:30;
    //            next_deadline = the (past) due 11:30.
    //  responded P2 opened 09:00, answered 09:30: due 11:00 still shown,
    //            remaining and elapsed null. Step 2 at 13:00 is its only
    //            deadline left.
    // Holder: every ticket is still with Support Team (gold P2/P3/P4 step 1
    // names Support Team; no holder change due by 12:00); nothing overdue.
    // Order by next_deadline: breached 11:30, critical 12:12, at_risk 12:30,
    // responded 13:00, watch 14:00, ok 18:00.
    let events = vec![
        opened("responded", &mon("09:00"), "gold", "P2", "europe"),
        opened("breached", &mon("09:30"), "gold", "P2", "europe"),
        responded("responded", &mon("09:30")),
        opened("ok", &mon("10:00"), "gold", "P4", "europe"),
        opened("watch", &mon("10:00"), "gold", "P3", "europe"),
        opened("critical", &mon("10:12"), "gold", "P2", "europe"),
        opened("at_risk", &mon("10:30"), "gold", "P2", "europe"),
    ];
    let rows = queue(events, &mon("12:00"));
    assert_eq!(
        ids(&rows),
        [
            "breached",
            "critical",
            "at_risk",
            "responded",
            "watch",
            "ok"
        ]
    );

    let everyone = json!({
        "plan": "gold", "desk": "europe", "waiting": false,
        "holder": "Support Team", "escalation_overdue": false,
    });
    for r in &rows {
        assert_fields(r, &everyone);
    }
    let expected = json!([
        {"id": "ok", "priority": "P4", "next_deadline": mon("18:00"),
         "response": response(&mon("18:00"), Some(21600), "ok", Some(25.0)),
         "next_step": {"step": 5, "at": "2026-11-27T14:00:00+01:00", "reaches": "Team Leader"}},
        {"id": "watch", "priority": "P3", "next_deadline": mon("14:00"),
         "response": response(&mon("14:00"), Some(7200), "watch", Some(50.0)),
         "next_step": {"step": 4, "at": "2026-11-24T17:00:00+01:00", "reaches": "Team Leader"}},
        {"id": "at_risk", "priority": "P2", "next_deadline": mon("12:30"),
         "response": response(&mon("12:30"), Some(1800), "at_risk", Some(75.0)),
         "next_step": {"step": 2, "at": mon("14:30"), "reaches": "Team Leader"}},
        {"id": "critical", "priority": "P2", "next_deadline": mon("12:12"),
         "response": response(&mon("12:12"), Some(720), "critical", Some(90.0)),
         "next_step": {"step": 2, "at": mon("14:12"), "reaches": "Team Leader"}},
        {"id": "breached", "priority": "P2", "next_deadline": mon("11:30"),
         "response": response(&mon("11:30"), Some(-1800), "breached", Some(125.0)),
         "next_step": {"step": 2, "at": mon("13:30"), "reaches": "Team Leader"}},
        {"id": "responded", "priority": "P2", "next_deadline": mon("13:00"),
         "response": response(&mon("11:00"), None, "responded", None),
         "next_step": {"step": 2, "at": mon("13:00"), "reaches": "Team Leader"}},
    ]);
    assert_by_id(&rows, &expected);
}

#[test]
fn open_tickets_only_ties_by_id_and_no_deadline_last() {
    // --at Mon 2026-11-30 12:00 CET.
    //  a-exec   gold P1 opened Mon 23 Nov 09:00, answered 09:30, never
    //           escalated: steps 1 (Mon 23 11:00, Team Leader), 3 (17:00,
    //           Support Manager), 4 (9h Mon + 7h Tue → Tue 24 16:00, Co-CEO
    //           and CTO) are all due before --at: holder Co-CEO and CTO (by
    //           the ladder, not the events), and they are missed: overdue.
    //           No later holder change (step 5 is empty) and answered: no
    //           next_step, next_deadline null → last, though its id sorts
    //           first.
    //  closed   gold P2 opened 09:00, closed at 12:00 = --at: not open.
    //  q2, q1   gold P2 opened 11:00 (q2 first in the file): 1h of 2h = 50
    //           % → watch; due 13:00, 3600 s left; step 2 at 15:00. Equal
    //           next_deadline 13:00: ordered by id, q1 before q2.
    //  b-best   basic P3 opened 10:00: best effort (due, remaining, elapsed
    //           null). Basic steps count business days (standard clock)
    //           after the local date Mon 30 Nov: step 1 (Support Team) no
    //           change; step 4 (10 business days): Dec 1, 2, 3, 4, 7, (8 is
    //           a holiday) 9, 10, 11, 14, 15 → Tue 15 Dec 18:00, Team
    //           Leader; next_deadline that instant.
    //  just     gold P2 opened at 12:00 = --at: open, 0 % → ok; due 14:00,
    //           7200 s left; step 2 at 16:00.
    //  future   opened 12:00:01: not yet open.
    // Order: q1, q2 (13:00), just (14:00), b-best (15 Dec), a-exec (null).
    let events = vec![
        opened(
            "a-exec",
            "2026-11-23T09:00:00+01:00",
            "gold",
            "P1",
            "europe",
        ),
        responded("a-exec", "2026-11-23T09:30:00+01:00"),
        opened(
            "closed",
            "2026-11-30T09:00:00+01:00",
            "gold",
            "P2",
            "europe",
        ),
        opened(
            "b-best",
            "2026-11-30T10:00:00+01:00",
            "basic",
            "P3",
            "europe",
        ),
        opened("q2", "2026-11-30T11:00:00+01:00", "gold", "P2", "europe"),
        opened("q1", "2026-11-30T11:00:00+01:00", "gold", "P2", "europe"),
        closed("closed", "2026-11-30T12:00:00+01:00"),
        opened("just", "2026-11-30T12:00:00+01:00", "gold", "P2", "europe"),
        opened(
            "future",
            "2026-11-30T12:00:01+01:00",
            "gold",
            "P2",
            "europe",
        ),
    ];
    let rows = queue(events, "2026-11-30T12:00:00+01:00");
    assert_eq!(ids(&rows), ["q1", "q2", "just", "b-best", "a-exec"]);

    let watch = response("2026-11-30T13:00:00+01:00", Some(3600), "watch", Some(50.0));
    let expected = json!([
        {"id": "q1", "response": watch, "next_step": {"at": "2026-11-30T15:00:00+01:00"},
         "next_deadline": "2026-11-30T13:00:00+01:00"},
        {"id": "q2", "response": watch, "next_step": {"at": "2026-11-30T15:00:00+01:00"},
         "next_deadline": "2026-11-30T13:00:00+01:00"},
        {"id": "just", "response": response("2026-11-30T14:00:00+01:00", Some(7200), "ok", Some(0.0)),
         "next_step": {"step": 2, "at": "2026-11-30T16:00:00+01:00", "reaches": "Team Leader"}},
        {"id": "b-best", "plan": "basic", "priority": "P3",
         "response": {"due": null, "remaining_seconds": null, "state": "best_effort", "elapsed_percent": null},
         "holder": "Support Team", "escalation_overdue": false,
         "next_step": {"step": 4, "at": "2026-12-15T18:00:00+01:00", "reaches": "Team Leader"},
         "next_deadline": "2026-12-15T18:00:00+01:00"},
        {"id": "a-exec", "priority": "P1", "opened": "2026-11-23T09:00:00+01:00",
         "response": response("2026-11-23T10:00:00+01:00", None, "responded", None),
         "holder": "Co-CEO and CTO", "escalation_overdue": true,
         "next_step": null, "next_deadline": null},
    ]);
    assert_by_id(&rows, &expected);
}

#[test]
fn a_wait_in_force_ends_at_at_and_a_raised_priority_applies() {
    // --at Mon 2026-11-23 12:00 CET.
    //  w  gold P2 opened 09:00, status "waiting" at 09:30, still waiting: the
    //     wait counts as ending at 12:00. Used: 09:00-09:30 = 30 min of 120
    //     = 25 % → ok; due 12:00 + 90 min = 13:30, 5400 s of clock time
    //     left. Step 1 (2h) also lands at 13:30 but names Support Team; step
    //     2 (4h): 30 min + 3.5h from 12:00 → 15:30 Team Leader.
    //  r  gold P3 opened 09:00, raised to P2 at 11:30: P2 is in force at
    //     --at and no response yet, so P2's target: due 11:00 (2h from the
    //     opening): breached, -3600 s, 180 of 120 min = 150 %. Step 1 at
    //     11:00 (P3 then: Support Team, no change); next change with the
    //     ladder in force at --at (P2): step 2 (4h) 13:00 Team Leader.
    //     next_deadline = the due 11:00.
    // Order: r (11:00), w (13:30).
    let events = vec![
        opened("w", &mon("09:00"), "gold", "P2", "europe"),
        opened("r", &mon("09:00"), "gold", "P3", "europe"),
        status("w", &mon("09:30"), "waiting"),
        priority("r", &mon("11:30"), "P2"),
    ];
    let rows = queue(events, &mon("12:00"));
    assert_eq!(ids(&rows), ["r", "w"]);

    let expected = json!([
        {"id": "w", "waiting": true, "holder": "Support Team",
         "response": response(&mon("13:30"), Some(5400), "ok", Some(25.0)),
         "next_step": {"step": 2, "at": mon("15:30"), "reaches": "Team Leader"},
         "next_deadline": mon("13:30")},
        {"id": "r", "priority": "P2", "waiting": false, "holder": "Support Team",
         "escalation_overdue": false,
         "response": response(&mon("11:00"), Some(-3600), "breached", Some(150.0)),
         "next_step": {"step": 2, "at": mon("13:00"), "reaches": "Team Leader"},
         "next_deadline": mon("11:00")},
    ]);
    assert_by_id(&rows, &expected);
}

#[test]
fn ticket_rows_with_other_warning_thresholds() {
    // queue --input tickets.csv --warn 20,40,60 --at Mon 2026-11-23 12:00
    // CET, gold europe:
    //  r1 P4 opened 10:00: 2h of 8h = 25 % → watch (≥ 20; "ok" with the
    //     default 50). Due 18:00.
    //  r2 P2 opened 10:48: 72 of 120 min = 60 % → critical (≥ 60); due
    //     12:48, 2880 s left.
    //  r3 P3 opened 09:00, paused 09:30-10:30: used 30 min + 90 min = 2h of
    //     4h = 50 % → at_risk (≥ 40, < 60); due 4h + the 1h pause = 14:00,
    //     7200 s left.
    //  r4 P2 opened 09:00, closed 11:00: not open at 12:00, not listed.
    //  r5 P2 opened 09:00, answered 09:10: responded; next deadline step 2
    //     (4h) at 13:00.
    //  r6 P4 opened 11:00: 1h of 8h = 12.5 % → ok; due 7h Mon + 1h Tue →
    //     Tue 24 Nov 10:00.
    //  r7 P2 opened 11:00, raised to P1 at 11:30: 60 min from the opening →
    //     due exactly at --at 12:00. Not after due, so not breached: 100 %
    //     → critical, 0 s left.
    // Order by next_deadline: r7 12:00, r2 12:48, r5 13:00, r3 14:00, r1
    // 18:00, r6 Tue 10:00.
    let rows = queue_of(
        csv_tickets(crate::support::QUEUE_TICKETS)
            .into_iter()
            .zip(2..)
            .map(|((id, ticket), line)| row_history(&id, ticket, line)),
        "2026-11-23T12:00:00+01:00",
        Thresholds::parse("20,40,60").unwrap(),
    );
    assert_eq!(ids(&rows), ["r7", "r2", "r5", "r3", "r1", "r6"]);
    let states: Vec<&str> = rows
        .iter()
        .map(|r| r["response"]["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        [
            "critical",
            "critical",
            "responded",
            "at_risk",
            "watch",
            "ok"
        ]
    );

    let expected = json!([
        {"id": "r7", "priority": "P1",
         "response": response("2026-11-23T12:00:00+01:00", Some(0), "critical", Some(100.0))},
        {"id": "r2",
         "response": response("2026-11-23T12:48:00+01:00", Some(2880), "critical", Some(60.0))},
        {"id": "r3",
         "response": response("2026-11-23T14:00:00+01:00", Some(7200), "at_risk", Some(50.0))},
        {"id": "r1", "response": {"elapsed_percent": 25.0}},
        {"id": "r6", "response": {"due": "2026-11-24T10:00:00+01:00", "elapsed_percent": 12.5}},
        {"id": "r5", "next_deadline": "2026-11-23T13:00:00+01:00"},
    ]);
    assert_by_id(&rows, &expected);
}
