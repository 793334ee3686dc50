//! Ticket histories judged event by event (SPEC §9), by the library:
//! `slacalc::history::Recorder` turns the events into histories and
//! `slacalc::audit::judge_history` judges each. Every expected value is
//! worked out by hand in the comment above it, from the plan file and the
//! desk calendars. `cli::events` keeps the command line's contract of
//! `audit --events`: its fields, options, bad lines and summaries.
//!
//! Each judged ticket is compared as `audit --events --tickets` writes it
//! (`view`): instants in RFC 3339 at the desk's offset, lateness in whole
//! seconds, verdicts by name; a ticket that failed as its error line
//! (line, ticket, error).
//!
//! Facts used throughout (plans/imagiclecare.toml, calendars/*.toml):
//! - 2026-11-23 is a Monday; europe is CET (+01:00) from 25 Oct 2026 on,
//!   americas EST (-05:00) from 1 Nov 2026 on: no DST change in these tests.
//! - europe extended clock (gold): Mon-Sat 09:00-18:00 (holidays too),
//!   Sunday closed; 8 Dec is a holiday. americas extended clock: Mon-Fri
//!   07:00-17:00, Saturday and holidays 07:00-12:00 (26 Nov Thanksgiving).
//! - gold targets: notification P1 30 min; response P1 60 min, P2 2h, P3
//!   4h, P4 8h; escalation steps 2h, 4h, 8h, 16h, 40h (extended clock).
//! - ladders (initial holder Support Team):
//!   P1 = Team Leader, -, Support Manager, Co-CEO and CTO, -
//!   P2 = Support Team, Team Leader, -, Support Manager, Co-CEO and CTO
//!   P3 = Support Team, -, -, Team Leader, Support Manager
//!   A cell that is empty or names the holder already holding the ticket
//!   changes nothing, and such a step is not judged (so gold P2 is judged
//!   at steps 2, 4 and 5, P1 at steps 1, 3 and 4).
//! - gold, opened Mon 2026-11-23 09:00 CET without pauses: step 2 at 13:00,
//!   step 3 at 17:00, step 4 (16h = 9h Mon + 7h Tue) Tue 24 Nov 16:00,
//!   step 5 (40h = 9 Mon + 9 Tue + 9 Wed + 9 Thu + 4 Fri) Fri 27 Nov 13:00.

use serde_json::{json, Value};
use slacalc::audit::{judge_history, Judged, Judgement};

use super::{
    closed, escalated, histories, notified, opened, priority, responded, shown, status, utc,
    EventFields, Statuses,
};
use crate::support::assert_fields;
use crate::support::events::step;

const AFTER_ALL: &str = "2026-12-01T00:00:00Z";

/// Statuses that wait and that close (`--waiting`, `--closing`).
fn statuses(waiting: &[&str], closing: &[&str]) -> Statuses {
    let list = |names: &[&str]| names.iter().map(|n| (*n).to_string()).collect();
    Statuses {
        waiting: list(waiting),
        closing: list(closing),
    }
}

/// The event log judged as of `as_of` with the default statuses, checked
/// against `expected`: the fields of each judged ticket, in the order the
/// tickets were opened (see `assert_fields`; a ticket more or less fails).
/// The lines, for further checks.
#[track_caller]
fn assert_judged(events: Vec<EventFields>, as_of: &str, expected: &Value) -> Vec<Value> {
    assert_judged_with(events, Statuses::default(), as_of, expected)
}

/// The same with other waiting and closing statuses.
#[track_caller]
fn assert_judged_with(
    events: Vec<EventFields>,
    statuses: Statuses,
    as_of: &str,
    expected: &Value,
) -> Vec<Value> {
    let lines: Vec<Value> = histories(events, statuses, as_of)
        .into_iter()
        .map(|finished| match finished {
            Ok(history) => match judge_history(history, utc(as_of)) {
                Ok(judgement) => view(&judgement),
                Err(unjudged) => json!({
                    "line": unjudged.history.line, "ticket": unjudged.history.id,
                    "error": unjudged.error.to_string(),
                }),
            },
            Err(failed) => {
                json!({"line": failed.line, "ticket": failed.id, "error": failed.message})
            }
        })
        .collect();
    assert_fields(&Value::Array(lines.clone()), expected);
    lines
}

/// A judged ticket under the names `audit --events --tickets` gives its
/// fields (SPEC §9).
fn view(j: &Judgement) -> Value {
    let h = &j.history;
    let at = |t| shown(h.ticket.desk(), t);
    let verdict = |r: &Judged| {
        json!({
            "priority": r.priority.id, "due": r.due.map(at), "responded": r.at.map(at),
            "verdict": r.verdict.name(), "late_seconds": r.late.map(|d| d.num_seconds()),
        })
    };
    let pauses: Vec<Value> = j
        .ticket
        .pauses()
        .as_slice()
        .iter()
        .map(|p| json!({"from": at(p.start), "to": at(p.end)}))
        .collect();
    let escalations: Vec<Value> = j
        .escalations
        .iter()
        .map(|s| {
            json!({
                "step": s.step, "due": at(s.due), "reaches": s.reaches,
                "escalated_at": s.escalated_at.map(at), "verdict": s.verdict.name(),
                "late_seconds": s.late.map(|d| d.num_seconds()),
            })
        })
        .collect();
    json!({
        "id": h.id, "plan": h.ticket.plan().name, "priority": j.response.priority.id,
        "desk": h.ticket.desk().name, "opened": at(h.ticket.opened()), "closed": h.closed.map(at),
        "pauses": pauses, "response": verdict(&j.response),
        "notification": j.notification.as_ref().map(verdict), "escalations": escalations,
    })
}

#[test]
fn a_wait_moves_the_due_and_lateness_is_wall_clock_seconds() {
    // Gold P2 europe opened Mon 2026-11-23 09:00 CET; waiting 09:30-10:00
    // (the "In Progress" status ends the wait), answered Tue 09:30, closed
    // Tue 10:00.
    // Response, 2h on the extended clock without the pause: 09:00-09:30
    // (30 min) + 10:00-11:30 (90 min) → due Mon 11:30. Answered Tue 09:30:
    // breached, late by wall-clock time Mon 11:30 → Tue 09:30 = 22h = 79200 s
    // (not the 7 business hours in between).
    // Escalation (steps 2, 4, 5 judged for P2), the 30 min pause excluded:
    // step 2 (4h) = 0.5h + 3.5h from 10:00 → Mon 13:30, nobody reached
    // Team Leader and the ticket closed after it: missed, late until the
    // close (before --as-of): Mon 13:30 → Tue 10:00 = 20.5h = 73800 s.
    // step 4 (16h) = 8.5h Mon + 7.5h Tue → Tue 16:30; step 5 (40h) = 8.5 +
    // 9 (Tue) + 9 (Wed) + 9 (Thu) = 35.5, + 4.5h Fri → Fri 27 Nov 13:30:
    // both after the close: not_needed.
    let events = vec![
        opened("T-1", "2026-11-23T09:00:00+01:00", "gold", "P2", "europe"),
        status("T-1", "2026-11-23T09:30:00+01:00", "waiting"),
        status("T-1", "2026-11-23T10:00:00+01:00", "In Progress"),
        responded("T-1", "2026-11-24T09:30:00+01:00"),
        closed("T-1", "2026-11-24T10:00:00+01:00"),
    ];
    let expected = json!([{
        "pauses": [{"from": "2026-11-23T09:30:00+01:00", "to": "2026-11-23T10:00:00+01:00"}],
        "id": "T-1", "plan": "gold", "priority": "P2", "desk": "europe",
        "opened": "2026-11-23T09:00:00+01:00", "closed": "2026-11-24T10:00:00+01:00",
        "response": {
            "priority": "P2", "due": "2026-11-23T11:30:00+01:00",
            "responded": "2026-11-24T09:30:00+01:00", "verdict": "breached", "late_seconds": 79200,
        },
        // P2 has no notification.
        "notification": null,
        "escalations": [
            step(2, "2026-11-23T13:30:00+01:00", "Team Leader", None, "missed", Some(73800)),
            step(4, "2026-11-24T16:30:00+01:00", "Support Manager", None, "not_needed", None),
            step(5, "2026-11-27T13:30:00+01:00", "Co-CEO and CTO", None, "not_needed", None),
        ],
    }]);
    assert_judged(events, AFTER_ALL, &expected);
}

#[test]
fn the_priority_in_force_at_the_response_sets_the_target() {
    // "raised": gold P3 europe opened Mon 09:00, raised to P1 at 09:10,
    // notified 09:40, answered 09:50, escalated to Team Leader 10:45, closed
    // 15:00.
    // The response is judged against the priority in force at the response
    // (P1, not P3): 60 min from the opening → due 10:00; answered 09:50:
    // met, 600 s early. The notification, judged at the priority in force at
    // the notification (P1): 30 min → due 09:30; sent 09:40: breached by
    // 600 s. (Judged as P3 the response would be due 13:00, without a
    // notification.)
    // Escalation: every step instant lies after 09:10, so P1's ladder: step
    // 1 (2h) at 11:00 Team Leader, reached 10:45: on_time, -900 s; step 3
    // (8h) 17:00 and step 4 (16h) Tue 16:00: closed at 15:00 before them:
    // not_needed.
    //
    // "lowered": gold P1 europe opened Mon 09:00, answered 09:20, lowered to
    // P3 at 09:30, closed 09:40, never notified.
    // Response: P1 in force at 09:20 → due 10:00: met, -2400 s. The
    // notification: none sent, so the priority at the close (P3) applies:
    // no notification target → null. Escalation: every step instant lies
    // after the change, so P3's ladder: step 1 Support Team (no change, not
    // judged), step 4 (16h, Tue 16:00) Team Leader, step 5 (40h, Fri 27 Nov
    // 13:00) Support Manager; both after the close: not_needed.
    let events = vec![
        opened(
            "raised",
            "2026-11-23T09:00:00+01:00",
            "gold",
            "P3",
            "europe",
        ),
        opened(
            "lowered",
            "2026-11-23T09:00:00+01:00",
            "gold",
            "P1",
            "europe",
        ),
        priority("raised", "2026-11-23T09:10:00+01:00", "P1"),
        responded("lowered", "2026-11-23T09:20:00+01:00"),
        priority("lowered", "2026-11-23T09:30:00+01:00", "P3"),
        notified("raised", "2026-11-23T09:40:00+01:00"),
        closed("lowered", "2026-11-23T09:40:00+01:00"),
        responded("raised", "2026-11-23T09:50:00+01:00"),
        escalated("raised", "2026-11-23T10:45:00+01:00", "Team Leader"),
        closed("raised", "2026-11-23T15:00:00+01:00"),
    ];
    let raised = json!({
        "id": "raised",
        "escalations": [
            step(1, "2026-11-23T11:00:00+01:00", "Team Leader",
                 Some("2026-11-23T10:45:00+01:00"), "on_time", Some(-900)),
            step(3, "2026-11-23T17:00:00+01:00", "Support Manager", None, "not_needed", None),
            step(4, "2026-11-24T16:00:00+01:00", "Co-CEO and CTO", None, "not_needed", None),
        ],
        "priority": "P1",
        "response": {
            "priority": "P1", "due": "2026-11-23T10:00:00+01:00",
            "responded": "2026-11-23T09:50:00+01:00", "verdict": "met", "late_seconds": -600,
        },
        "notification": {
            "priority": "P1", "due": "2026-11-23T09:30:00+01:00",
            "verdict": "breached", "late_seconds": 600,
        },
    });
    let lowered = json!({
        "id": "lowered",
        "escalations": [
            step(4, "2026-11-24T16:00:00+01:00", "Team Leader", None, "not_needed", None),
            step(5, "2026-11-27T13:00:00+01:00", "Support Manager", None, "not_needed", None),
        ],
        "response": {
            "priority": "P1", "due": "2026-11-23T10:00:00+01:00",
            "verdict": "met", "late_seconds": -2400,
        },
        "notification": null,
    });
    // In the order of the opened events.
    assert_judged(events, AFTER_ALL, &json!([raised, lowered]));
}

#[test]
fn p1_notified_in_time_one_step_late_one_missed_one_pending() {
    // Gold P1 europe opened Mon 2026-11-23 09:00 CET, notified 09:20,
    // answered 09:45 (and again 10:30: the first response counts),
    // escalated to Team Leader 11:30; audited as of Tue 24 Nov 10:00 CET.
    // An escalation to Support Manager at Tue 11:00 lies after --as-of and
    // is ignored.
    // Notification 30 min → 09:30: met, 600 s early. Response 60 min →
    // 10:00: met, 900 s early.
    // Step 1 (2h) 11:00 Team Leader, reached 11:30: late by 1800 s.
    // Step 3 (8h) 17:00 Support Manager: not reached by --as-of (Team
    // Leader is an earlier holder and does not count): missed, late from
    // Mon 17:00 to --as-of Tue 10:00 = 17h = 61200 s.
    // Step 4 (16h = 9h Mon + 7h Tue) Tue 16:00 Co-CEO and CTO: after
    // --as-of, not reached: pending.
    let as_of = "2026-11-24T10:00:00+01:00";
    let events = vec![
        opened("P-1", "2026-11-23T09:00:00+01:00", "gold", "P1", "europe"),
        notified("P-1", "2026-11-23T09:20:00+01:00"),
        responded("P-1", "2026-11-23T09:45:00+01:00"),
        responded("P-1", "2026-11-23T10:30:00+01:00"),
        escalated("P-1", "2026-11-23T11:30:00+01:00", "Team Leader"),
        escalated("P-1", "2026-11-24T11:00:00+01:00", "Support Manager"),
    ];
    let expected = json!([{
        "id": "P-1",
        "escalations": [
            step(1, "2026-11-23T11:00:00+01:00", "Team Leader",
                 Some("2026-11-23T11:30:00+01:00"), "late", Some(1800)),
            step(3, "2026-11-23T17:00:00+01:00", "Support Manager", None, "missed", Some(61200)),
            step(4, "2026-11-24T16:00:00+01:00", "Co-CEO and CTO", None, "pending", None),
        ],
        "closed": null,
        "pauses": [],
        "notification": {
            "priority": "P1", "due": "2026-11-23T09:30:00+01:00",
            "verdict": "met", "late_seconds": -600,
        },
        "response": {
            "priority": "P1", "due": "2026-11-23T10:00:00+01:00",
            "responded": "2026-11-23T09:45:00+01:00", "verdict": "met", "late_seconds": -900,
        },
    }]);
    assert_judged(events, as_of, &expected);
}

#[test]
fn a_later_holder_satisfies_earlier_steps_and_a_close_makes_later_ones_not_needed() {
    // Gold P1 europe opened Mon 2026-11-23 09:00 CET, notified 09:10,
    // answered 09:30, escalated straight to "support manager" (any case) at
    // 10:30, closed Tue 24 Nov 10:00.
    // Step 1 (11:00, Team Leader): Support Manager is the holder of a later
    // step of the same ladder, so the 10:30 event satisfies it: on_time,
    // 10:30 - 11:00 = -1800 s.
    // Step 3 (17:00, Support Manager): satisfied at 10:30: on_time, 10:30 -
    // 17:00 = -6.5h = -23400 s.
    // Step 4 (Tue 16:00, Co-CEO and CTO): the ticket closed Tue 10:00,
    // before it: not_needed.
    let events = vec![
        opened("L-1", "2026-11-23T09:00:00+01:00", "gold", "P1", "europe"),
        notified("L-1", "2026-11-23T09:10:00+01:00"),
        responded("L-1", "2026-11-23T09:30:00+01:00"),
        escalated("L-1", "2026-11-23T10:30:00+01:00", "support manager"),
        closed("L-1", "2026-11-24T10:00:00+01:00"),
    ];
    let expected = json!([{
        "id": "L-1",
        "escalations": [
            step(1, "2026-11-23T11:00:00+01:00", "Team Leader",
                 Some("2026-11-23T10:30:00+01:00"), "on_time", Some(-1800)),
            step(3, "2026-11-23T17:00:00+01:00", "Support Manager",
                 Some("2026-11-23T10:30:00+01:00"), "on_time", Some(-23400)),
            step(4, "2026-11-24T16:00:00+01:00", "Co-CEO and CTO", None, "not_needed", None),
        ],
        "closed": "2026-11-24T10:00:00+01:00",
        "response": {"verdict": "met", "late_seconds": -1800},
        "notification": {"verdict": "met", "late_seconds": -1200},
    }]);
    assert_judged(events, AFTER_ALL, &expected);
}

#[test]
fn a_close_without_response_counts_as_the_response_and_the_notification() {
    // "quiet": gold P2 europe opened Mon 09:00, status "Resolved" at 10:00
    // (a default closing status, compared case-insensitively) and nothing
    // else. The close is the response: due 11:00 (2h) → met, -3600 s. All
    // judged steps (2 at 13:00, 4 at Tue 16:00, 5 at Fri 27 Nov 13:00) come
    // after the close: not_needed.
    // "slow": gold P1 europe opened Mon 09:00, closed 10:15 without
    // notification or response. The close counts as both: notification due
    // 09:30 → breached by 45 min = 2700 s; response due 10:00 → breached by
    // 900 s. Steps 1 (11:00), 3 (17:00), 4 (Tue 16:00): not_needed.
    let events = vec![
        opened("quiet", "2026-11-23T09:00:00+01:00", "gold", "P2", "europe"),
        opened("slow", "2026-11-23T09:00:00+01:00", "gold", "P1", "europe"),
        status("quiet", "2026-11-23T10:00:00+01:00", "Resolved"),
        closed("slow", "2026-11-23T10:15:00+01:00"),
    ];
    let quiet = json!({
        "id": "quiet",
        "escalations": [
            {"step": 2, "verdict": "not_needed"},
            {"step": 4, "verdict": "not_needed"},
            {"step": 5, "verdict": "not_needed"},
        ],
        "closed": "2026-11-23T10:00:00+01:00",
        "response": {
            "priority": "P2", "due": "2026-11-23T11:00:00+01:00",
            "verdict": "met", "late_seconds": -3600,
        },
    });
    let slow = json!({
        "id": "slow",
        "escalations": [
            step(1, "2026-11-23T11:00:00+01:00", "Team Leader", None, "not_needed", None),
            step(3, "2026-11-23T17:00:00+01:00", "Support Manager", None, "not_needed", None),
            step(4, "2026-11-24T16:00:00+01:00", "Co-CEO and CTO", None, "not_needed", None),
        ],
        "closed": "2026-11-23T10:15:00+01:00",
        "notification": {
            "priority": "P1", "due": "2026-11-23T09:30:00+01:00",
            "verdict": "breached", "late_seconds": 2700,
        },
        "response": {
            "priority": "P1", "due": "2026-11-23T10:00:00+01:00",
            "verdict": "breached", "late_seconds": 900,
        },
    });
    assert_judged(events, AFTER_ALL, &json!([quiet, slow]));
}

#[test]
fn waiting_and_closing_sets_are_replaced_by_the_options() {
    // --waiting "Awaiting Customer,on-hold" --closing "done,archived":
    // gold P2 europe opened Mon 09:00, then statuses
    //  09:30 "PENDING"            no longer waiting (replaced set)
    //  10:00 "awaiting customer"  waiting (case-insensitive)
    //  10:30 "In Progress"        ends the wait → pause [10:00, 10:30)
    //  11:00 "resolved"           no longer a close
    //  11:15 "Done"               the close.
    // Response 2h + the 30 min pause → due 11:30; no response, so the close
    // at 11:15 counts as the response: met, -900 s.
    // (With the default sets the pause would run 09:30-10:30 and the ticket
    // close at 11:00, making the 11:15 event one after the close: an error.)
    let waiting = statuses(&["Awaiting Customer", "on-hold"], &["done", "archived"]);
    let events = vec![
        opened("S-1", "2026-11-23T09:00:00+01:00", "gold", "P2", "europe"),
        status("S-1", "2026-11-23T09:30:00+01:00", "PENDING"),
        status("S-1", "2026-11-23T10:00:00+01:00", "awaiting customer"),
        status("S-1", "2026-11-23T10:30:00+01:00", "In Progress"),
        status("S-1", "2026-11-23T11:00:00+01:00", "resolved"),
        status("S-1", "2026-11-23T11:15:00+01:00", "Done"),
    ];
    let expected = json!([{
        "id": "S-1",
        "pauses": [{"from": "2026-11-23T10:00:00+01:00", "to": "2026-11-23T10:30:00+01:00"}],
        "closed": "2026-11-23T11:15:00+01:00",
        "response": {
            "priority": "P2", "due": "2026-11-23T11:30:00+01:00",
            "verdict": "met", "late_seconds": -900,
        },
    }]);
    assert_judged_with(events, waiting, AFTER_ALL, &expected);
}

#[test]
fn a_wait_still_in_force_ends_at_as_of() {
    // --as-of 2026-11-23T09:30Z = Mon 10:30 CET.
    // "W": gold P2 europe opened Mon 09:00, status "Pending" (a default
    // waiting status, any case) at 10:00, still waiting at --as-of: the
    // pause is [10:00, 10:30) (to = --as-of, shown with the desk's offset).
    // Response 2h: 09:00-10:00 (1h) + 10:30-11:30 (1h) → due 11:30; no
    // response and --as-of before due: open, late_seconds null.
    // Steps, the 30 min pause excluded: step 2 (4h) 1h + 3h from 10:30 →
    // 13:30; step 4 (16h) 8.5h Mon + 7.5h Tue → Tue 16:30; step 5 (40h)
    // 8.5 + 9 + 9 + 9 = 35.5 by Thu, + 4.5h → Fri 27 Nov 13:30: all pending.
    // "H": gold P2 europe opened Mon 09:00 and put "ON-HOLD" at the same
    // instant (next line), back to "open" at 09:45: the pause [09:00, 09:45)
    // covers the opening, so the clock starts at 09:45 → due 11:45; step 2
    // at 13:45.
    let as_of = "2026-11-23T09:30:00Z";
    let events = vec![
        opened("W", "2026-11-23T09:00:00+01:00", "gold", "P2", "europe"),
        opened("H", "2026-11-23T09:00:00+01:00", "gold", "P2", "europe"),
        status("H", "2026-11-23T09:00:00+01:00", "ON-HOLD"),
        status("H", "2026-11-23T09:45:00+01:00", "open"),
        status("W", "2026-11-23T10:00:00+01:00", "Pending"),
    ];
    let w = json!({
        "id": "W",
        "pauses": [{"from": "2026-11-23T10:00:00+01:00", "to": "2026-11-23T10:30:00+01:00"}],
        "escalations": [
            step(2, "2026-11-23T13:30:00+01:00", "Team Leader", None, "pending", None),
            step(4, "2026-11-24T16:30:00+01:00", "Support Manager", None, "pending", None),
            step(5, "2026-11-27T13:30:00+01:00", "Co-CEO and CTO", None, "pending", None),
        ],
        "closed": null,
        "response": {
            "priority": "P2", "due": "2026-11-23T11:30:00+01:00",
            "responded": null, "verdict": "open", "late_seconds": null,
        },
    });
    let h = json!({
        "id": "H",
        "pauses": [{"from": "2026-11-23T09:00:00+01:00", "to": "2026-11-23T09:45:00+01:00"}],
    });
    let lines = assert_judged(events, as_of, &json!([w, h]));
    let h = &lines[1];
    assert_eq!(h["response"]["due"], "2026-11-23T11:45:00+01:00");
    assert_eq!(h["response"]["verdict"], "open");
    assert_eq!(h["escalations"][0]["step"], 2);
    assert_eq!(h["escalations"][0]["due"], "2026-11-23T13:45:00+01:00");
}
