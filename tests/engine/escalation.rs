//! Escalation cases worked out by hand from `SPEC.md` §2, §3, §5 and §8,
//! computed by the library (`slacalc::escalation::escalate`); `cli::escalate`
//! runs a few of them through the command line.
//!
//! Every expected instant below was computed on paper, not by the crate:
//! the comment above each case lists the windows that count and how many
//! hours each contributes. Notation: "Mon 3h" = three counted hours on that
//! day; "bd n" = the n-th business day strictly after the arrival date.
//!
//! Clocks used (SPEC §2, §3, §5):
//! - basic: business days on the standard clock, steps N = 2, 3, 5, 10, 20;
//!   due at the close of standard hours of the N-th business day strictly
//!   after the local arrival date (holidays and weekends are not business
//!   days). With pauses: L = standard time from opening to that close, then
//!   the due instant is where L of un-paused standard time has elapsed.
//! - gold and platinum (all priorities, also platinum P1/P2): business hours
//!   2, 4, 8, 16, 40 on the extended clock.
//!   - americas Mon–Fri 07–17 (10h), Sat 07–12 (5h), weekday holiday 07–12.
//!   - europe Mon–Fri 09–18 (9h), Sat 09–18 (9h), weekday holiday 09–18.
//!   - middle-east Sun–Thu 09–18 (9h), Sat 12–18 (6h), Fri closed.
//!   - uae Mon–Fri 09–18 (9h), Sat 12–18 (6h), Sun closed.
//!
//! A step whose instant is <= `--at` has happened; `next` is the first step

use slacalc::escalation::{escalate, Escalation, Step, StepStatus};

use super::{at, shown, ticket, Ticket};
use crate::support::assert_table;

pub const ST: &str = "Support Team";
pub const TL: &str = "Team Leader";
pub const SM: &str = "Support Manager";
pub const CEO: &str = "Co-CEO and CTO";

/// The escalation matrix of SPEC §5 exactly as printed: `None` is an empty
/// cell (no change at that step). Rows are P1..P4, columns steps 1..5.
const MATRIX: [[Option<&str>; 5]; 4] = [
    [Some(TL), None, Some(SM), Some(CEO), None],
    [Some(ST), Some(TL), None, Some(SM), Some(CEO)],
    [Some(ST), None, None, Some(TL), Some(SM)],
    [Some(ST), None, None, None, Some(TL)],
];

/// Who holds the ticket from each step on: an empty cell carries the
/// previous holder forward, and before step 1 the holder is the support team.
pub fn holders(priority: &str) -> [&'static str; 5] {
    let row = match priority.to_ascii_uppercase().as_str() {
        "P1" => 0,
        "P2" => 1,
        "P3" => 2,
        "P4" => 3,
        other => panic!("no matrix row for priority {other}"),
    };
    let mut current = ST;
    let mut out = [ST; 5];
    for (slot, cell) in out.iter_mut().zip(MATRIX[row]) {
        if let Some(name) = cell {
            current = name;
        }
        *slot = current;
    }
    out
}

#[derive(Debug)]
pub struct Case {
    pub name: &'static str,
    pub plan: &'static str,
    pub priority: &'static str,
    pub desk: &'static str,
    pub opened: &'static str,
    pub at: &'static str,
    pub pauses: &'static [&'static str],
    /// Due instant of steps 1..5.
    pub steps: [&'static str; 5],
    /// Holder at `at`.
    pub holder: &'static str,
    /// Step number of `next`, `None` when `next` must be null.
    pub next_step: Option<u64>,
}

/// The steps of the basic P2 europe ticket opened Fri 2026-12-04 20:00
/// (worked out at its first case below), shared by the cases that ask
/// about it at different times.
const BASIC_P2_EUROPE_FROM_DEC_4: [&str; 5] = [
    "2026-12-09T18:00:00+01:00",
    "2026-12-10T18:00:00+01:00",
    "2026-12-14T18:00:00+01:00",
    "2026-12-21T18:00:00+01:00",
    "2027-01-07T18:00:00+01:00",
];

/// The steps of the gold P2 middle-east ticket opened Fri 2026-10-16 10:00
/// (worked out at its first case below), likewise.
const GOLD_P2_MIDDLE_EAST_FROM_OCT_16: [&str; 5] = [
    "2026-10-17T14:00:00+04:00",
    "2026-10-17T16:00:00+04:00",
    "2026-10-18T11:00:00+04:00",
    "2026-10-19T10:00:00+04:00",
    "2026-10-21T16:00:00+04:00",
];

pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- basic
    // basic P1 americas, opened Mon 2026-09-14 10:00 EDT; arrival date 09-14.
    // bd: Tue 15 (1), Wed 16 (2), Thu 17 (3), Fri 18 (4), Mon 21 (5), 22..25
    // (6..9), Mon 28 (10), 29, 30, Oct 1, 2, 5, 6, 7, 8, 9 (11..19), Mon Oct 12
    // is Columbus Day (skipped), Tue Oct 13 (20). Close 17:00 -04:00.
    // At Tue 09-22 12:00 steps 1-3 have happened: P1 step 3 = Support Manager.
    Case {
        name: "basic P1 americas, Columbus Day inside step 5",
        plan: "basic",
        priority: "P1",
        desk: "americas",
        opened: "2026-09-14T10:00:00-04:00",
        at: "2026-09-22T12:00:00-04:00",
        pauses: &[],
        steps: [
            "2026-09-16T17:00:00-04:00",
            "2026-09-17T17:00:00-04:00",
            "2026-09-21T17:00:00-04:00",
            "2026-09-28T17:00:00-04:00",
            "2026-10-13T17:00:00-04:00",
        ],
        holder: SM,
        next_step: Some(4),
    },
    // basic P2 europe, opened Fri 2026-12-04 20:00 (after hours); arrival 12-04.
    // bd: Mon 7 (1), Tue 8 holiday, Wed 9 (2), Thu 10 (3), Fri 11 (4), Mon 14
    // (5), 15..18 (6..9), Mon 21 (10), 22, 23, 24 (11..13), Fri 25 holiday,
    // 28..31 (14..17), Fri 2027-01-01 holiday, Mon 4 (18), Tue 5 (19), Wed 6
    // Epiphany, Thu 2027-01-07 (20). Close 18:00 +01:00.
    // At exactly step 4 (12-21 18:00) step 4 has happened: P2 step 4 =
    // Support Manager, next is 5.
    Case {
        name: "basic P2 europe, exactly at step 4",
        plan: "basic",
        priority: "P2",
        desk: "europe",
        opened: "2026-12-04T20:00:00+01:00",
        at: "2026-12-21T18:00:00+01:00",
        pauses: &[],
        steps: BASIC_P2_EUROPE_FROM_DEC_4,
        holder: SM,
        next_step: Some(5),
    },
    // Same ticket one second before step 4: steps 1-3 only; P2 step 3 is an
    // empty cell, so step 2's Team Leader still holds it; next is 4.
    Case {
        name: "basic P2 europe, one second before step 4",
        plan: "basic",
        priority: "P2",
        desk: "europe",
        opened: "2026-12-04T20:00:00+01:00",
        at: "2026-12-21T17:59:59+01:00",
        pauses: &[],
        steps: BASIC_P2_EUROPE_FROM_DEC_4,
        holder: TL,
        next_step: Some(4),
    },
    // basic P3 middle-east (Sun–Thu), opened Thu 2026-10-08 11:00 +04:00.
    // bd: Fri 9 / Sat 10 closed, Sun 11 (1), Mon 12 (2), Tue 13 (3), Wed 14
    // (4), Thu 15 (5), Sun 18..Thu 22 (6..10), Sun 25..Thu 29 (11..15),
    // Sun Nov 1..Thu Nov 5 (16..20). Close 18:00 +04:00.
    // At Tue 10-20 09:00 steps 1-3 have happened: P3 = Support Team, next 4.
    Case {
        name: "basic P3 middle-east, Sun-Thu week",
        plan: "basic",
        priority: "P3",
        desk: "middle-east",
        opened: "2026-10-08T11:00:00+04:00",
        at: "2026-10-20T09:00:00+04:00",
        pauses: &[],
        steps: [
            "2026-10-12T18:00:00+04:00",
            "2026-10-13T18:00:00+04:00",
            "2026-10-15T18:00:00+04:00",
            "2026-10-22T18:00:00+04:00",
            "2026-11-05T18:00:00+04:00",
        ],
        holder: ST,
        next_step: Some(4),
    },
    // basic P4 uae (Mon–Fri), opened Sat 2026-10-10 10:00 +04:00; arrival 10-10.
    // bd: Mon 12 (1), Tue 13 (2), Wed 14 (3), Thu 15 (4), Fri 16 (5),
    // 19..23 (6..10), 26..30 (11..15), Nov 2..6 (16..20). Close 18:00.
    // At Mon 11-09 every step has happened: P4 step 5 = Team Leader, no next.
    Case {
        name: "basic P4 uae, opened Saturday, all steps passed",
        plan: "basic",
        priority: "P4",
        desk: "uae",
        opened: "2026-10-10T10:00:00+04:00",
        at: "2026-11-09T09:00:00+04:00",
        pauses: &[],
        steps: [
            "2026-10-13T18:00:00+04:00",
            "2026-10-14T18:00:00+04:00",
            "2026-10-16T18:00:00+04:00",
            "2026-10-23T18:00:00+04:00",
            "2026-11-06T18:00:00+04:00",
        ],
        holder: TL,
        next_step: None,
    },
    // basic P2 americas across Thanksgiving, opened Tue 2026-11-24 09:30 EST.
    // bd: Wed 25 (1), Thu 26 Thanksgiving (closed, skipped), Fri 27 (2),
    // Mon 30 (3), Tue Dec 1 (4), Wed 2 (5), 3, 4, 7, 8 (6..9), Wed 9 (10),
    // 10, 11, 14..18, 21, 22 (11..19), Wed Dec 23 (20). Close 17:00 -05:00.
    // At Tue 12-01 10:00 steps 1-2 have happened: P2 step 2 = Team Leader.
    Case {
        name: "basic P2 americas, Thanksgiving",
        plan: "basic",
        priority: "P2",
        desk: "americas",
        opened: "2026-11-24T09:30:00-05:00",
        at: "2026-12-01T10:00:00-05:00",
        pauses: &[],
        steps: [
            "2026-11-27T17:00:00-05:00",
            "2026-11-30T17:00:00-05:00",
            "2026-12-02T17:00:00-05:00",
            "2026-12-09T17:00:00-05:00",
            "2026-12-23T17:00:00-05:00",
        ],
        holder: TL,
        next_step: Some(3),
    },
    // basic P1 europe with a pause straddling closing time.
    // Opened Mon 2026-06-08 10:00 +02:00. bd: Tue 9 (1), Wed 10 (2), Thu 11
    // (3), Fri 12 (4), Mon 15 (5), ..., Mon 22 (10), ..., Mon Jul 6 (20)
    // (2 Jun is before; no Italian holiday in between). So D0 = Jun 10, 11,
    // 15, 22, Jul 6 at 18:00, and L = standard time opening → D0 (Mon 8h,
    // then 9h per day).
    // Pause Mon 17:00 → Tue 10:00 removes Mon 17-18 (1h) + Tue 09-10 (1h) =
    // 2h before every D0, so each step needs 2 more standard hours after its
    // D0: the next business day at 11:00 (Jun 11, Jun 12, Tue Jun 16,
    // Tue Jun 23, Tue Jul 7).
    // At Thu 06-11 10:59:59 step 1 (11:00) has not happened: Support Team.
    Case {
        name: "basic P1 europe, pause over closing time",
        plan: "basic",
        priority: "P1",
        desk: "europe",
        opened: "2026-06-08T10:00:00+02:00",
        at: "2026-06-11T10:59:59+02:00",
        pauses: &["2026-06-08T17:00:00+02:00/2026-06-09T10:00:00+02:00"],
        steps: [
            "2026-06-11T11:00:00+02:00",
            "2026-06-12T11:00:00+02:00",
            "2026-06-16T11:00:00+02:00",
            "2026-06-23T11:00:00+02:00",
            "2026-07-07T11:00:00+02:00",
        ],
        holder: ST,
        next_step: Some(1),
    },
    // basic P4 europe opened Sat 2026-04-04 11:00 +02:00 (Easter is 04-05).
    // bd: Sun 5 closed, Mon 6 Easter Monday, Tue 7 (1), Wed 8 (2), Thu 9 (3),
    // Fri 10 (4), Mon 13 (5), 14..17 (6..9), Mon 20 (10), 21..24 (11..14),
    // Sat 25 Apr (holiday on a closed day), 27..30 (15..18), Fri May 1
    // holiday, Mon May 4 (19), Tue May 5 (20). Close 18:00 +02:00.
    // At Mon 05-04 18:00 steps 1-4 have happened (step 5 is the next day):
    // P4 through step 4 = Support Team, next 5.
    Case {
        name: "basic P4 europe, Easter Monday and 1 May",
        plan: "basic",
        priority: "P4",
        desk: "europe",
        opened: "2026-04-04T11:00:00+02:00",
        at: "2026-05-04T18:00:00+02:00",
        pauses: &[],
        steps: [
            "2026-04-08T18:00:00+02:00",
            "2026-04-09T18:00:00+02:00",
            "2026-04-13T18:00:00+02:00",
            "2026-04-20T18:00:00+02:00",
            "2026-05-05T18:00:00+02:00",
        ],
        holder: ST,
        next_step: Some(5),
    },
    // basic P3 europe across the spring DST change (Sun 2026-03-29).
    // Opened Thu 2026-03-26 12:00 +01:00. bd: Fri 27 (1), Mon 30 (2),
    // Tue 31 (3), Wed Apr 1 (4), Thu 2 (5), Fri 3 (6), Mon 6 Easter Monday,
    // Tue 7..Fri 10 (7..10), 13..17 (11..15), 20..24 (16..20).
    // Close 18:00, now CEST (+02:00).
    // At Fri 03-27 18:00 +01:00 nothing has happened: Support Team, next 1.
    Case {
        name: "basic P3 europe, spring DST",
        plan: "basic",
        priority: "P3",
        desk: "europe",
        opened: "2026-03-26T12:00:00+01:00",
        at: "2026-03-27T18:00:00+01:00",
        pauses: &[],
        steps: [
            "2026-03-30T18:00:00+02:00",
            "2026-03-31T18:00:00+02:00",
            "2026-04-02T18:00:00+02:00",
            "2026-04-10T18:00:00+02:00",
            "2026-04-24T18:00:00+02:00",
        ],
        holder: ST,
        next_step: Some(1),
    },
    // ----------------------------------------------------------------- gold
    // gold P1 europe, opened Thu 2026-09-17 15:00 +02:00.
    // Thu 15-18 3h: step 1 (2h) Thu 17:00. Fri 09-18 9h: step 2 (4h) needs 1
    // → Fri 10:00; step 3 (8h) needs 5 → Fri 14:00; total 12 at Fri close.
    // Sat 09-18 counts (extended): step 4 (16h) needs 4 → Sat 13:00; total 21.
    // Sun closed. Mon 21 → 30, Tue 22 → 39, step 5 (40h) Wed 23 10:00.
    // At Sun 09-20 noon steps 1-4 have happened: P1 step 4 = Co-CEO and CTO.
    Case {
        name: "gold P1 europe, Saturday counts",
        plan: "gold",
        priority: "P1",
        desk: "europe",
        opened: "2026-09-17T15:00:00+02:00",
        at: "2026-09-20T12:00:00+02:00",
        pauses: &[],
        steps: [
            "2026-09-17T17:00:00+02:00",
            "2026-09-18T10:00:00+02:00",
            "2026-09-18T14:00:00+02:00",
            "2026-09-19T13:00:00+02:00",
            "2026-09-23T10:00:00+02:00",
        ],
        holder: CEO,
        next_step: Some(5),
    },
    // gold P2 americas across Thanksgiving, opened Wed 2026-11-25 14:00 EST.
    // Wed 14-17 3h: step 1 (2h) Wed 16:00. Thu 26 Thanksgiving = holiday
    // window 07-12 (5h): step 2 (4h) needs 1 → Thu 08:00; step 3 (8h) needs
    // 5 → Thu 12:00 (exactly the window's close). Fri 27 (not a federal
    // holiday) 07-17 10h: step 4 (16h) needs 8 → Fri 15:00; total 18.
    // Sat 28 07-12 → 23; Sun closed; Mon 30 → 33; step 5 (40h) Tue Dec 1 +7
    // → 14:00.
    // At Fri 09:00 steps 1-3 have happened: P2 = Team Leader (step 3 empty).
    Case {
        name: "gold P2 americas, Thanksgiving holiday window",
        plan: "gold",
        priority: "P2",
        desk: "americas",
        opened: "2026-11-25T14:00:00-05:00",
        at: "2026-11-27T09:00:00-05:00",
        pauses: &[],
        steps: [
            "2026-11-25T16:00:00-05:00",
            "2026-11-26T08:00:00-05:00",
            "2026-11-26T12:00:00-05:00",
            "2026-11-27T15:00:00-05:00",
            "2026-12-01T14:00:00-05:00",
        ],
        holder: TL,
        next_step: Some(4),
    },
    // gold P3 europe across the autumn DST change (Sun 2026-10-25).
    // Opened Fri 2026-10-23 16:00 +02:00. Fri 16-18 2h: step 1 (2h) due at
    // Fri 18:00 (runs out exactly at closing → due at closing).
    // Sat 24 09-18 (CEST): step 2 needs 2 → 11:00+02; step 3 needs 6 →
    // 15:00+02; total 11. Sun closed (clocks go back). Mon 26 (CET): step 4
    // (16h) needs 5 → 14:00+01; total 20. Tue → 29, Wed → 38, step 5 (40h)
    // Thu 29 +2 → 11:00+01.
    // At Mon 12:00 steps 1-3 have happened: P3 = Support Team, next 4.
    Case {
        name: "gold P3 europe, autumn DST",
        plan: "gold",
        priority: "P3",
        desk: "europe",
        opened: "2026-10-23T16:00:00+02:00",
        at: "2026-10-26T12:00:00+01:00",
        pauses: &[],
        steps: [
            "2026-10-23T18:00:00+02:00",
            "2026-10-24T11:00:00+02:00",
            "2026-10-24T15:00:00+02:00",
            "2026-10-26T14:00:00+01:00",
            "2026-10-29T11:00:00+01:00",
        ],
        holder: ST,
        next_step: Some(4),
    },
    // gold P4 uae, opened Fri 2026-10-09 17:00 +04:00.
    // Fri 17-18 1h. Sat 10 12-18 (6h): step 1 (2h) needs 1 → 13:00; step 2
    // (4h) needs 3 → 15:00; total 7. Sun closed. Mon 12 09-18: step 3 (8h)
    // needs 1 → 10:00; step 4 (16h) needs 9 → 18:00 (closing). Tue → 25,
    // Wed → 34, step 5 (40h) Thu 15 +6 → 15:00.
    // At exactly Mon 18:00 step 4 has happened: P4 = Support Team, next 5.
    Case {
        name: "gold P4 uae, Saturday window, exactly at step 4",
        plan: "gold",
        priority: "P4",
        desk: "uae",
        opened: "2026-10-09T17:00:00+04:00",
        at: "2026-10-12T18:00:00+04:00",
        pauses: &[],
        steps: [
            "2026-10-10T13:00:00+04:00",
            "2026-10-10T15:00:00+04:00",
            "2026-10-12T10:00:00+04:00",
            "2026-10-12T18:00:00+04:00",
            "2026-10-15T15:00:00+04:00",
        ],
        holder: ST,
        next_step: Some(5),
    },
    // gold P4 europe over the 8 Dec holiday (a Tuesday): on the extended
    // clock the holiday window 09-18 replaces the standard hours, so the day
    // still counts 9h. Opened Mon 2026-12-07 09:00 +01:00.
    // Mon 9h: steps 1-3 (2, 4, 8h) Mon 11:00, 13:00, 17:00. Tue 8 Dec: step 4
    // (16h) needs 7 → 16:00; total 18. Wed → 27, Thu → 36, step 5 (40h)
    // Fri 11 +4 → 13:00.
    // At Tue 12:00 steps 1-3 have happened: Support Team, next 4.
    Case {
        name: "gold P4 europe, 8 December holiday window",
        plan: "gold",
        priority: "P4",
        desk: "europe",
        opened: "2026-12-07T09:00:00+01:00",
        at: "2026-12-08T12:00:00+01:00",
        pauses: &[],
        steps: [
            "2026-12-07T11:00:00+01:00",
            "2026-12-07T13:00:00+01:00",
            "2026-12-07T17:00:00+01:00",
            "2026-12-08T16:00:00+01:00",
            "2026-12-11T13:00:00+01:00",
        ],
        holder: ST,
        next_step: Some(4),
    },
    // gold P1 americas over Independence Day 2026 (Sat 07-04, observed Fri
    // 07-03). Opened Thu 2026-07-02 15:00 EDT. Thu 15-17 2h: step 1 Thu
    // 17:00. Fri 3 (observed holiday) window 07-12 5h: step 2 (4h) needs 2 →
    // 09:00; total 7. Sat 4 window 07-12 (a Saturday has it anyway): step 3
    // (8h) needs 1 → 08:00; total 12. Sun closed. Mon 6: step 4 (16h) needs 4
    // → 11:00; total 22. Tue → 32, step 5 (40h) Wed 8 +8 → 15:00.
    // At exactly Sat 08:00 step 3 has happened: P1 = Support Manager, next 4.
    Case {
        name: "gold P1 americas, observed July 4th, exactly at step 3",
        plan: "gold",
        priority: "P1",
        desk: "americas",
        opened: "2026-07-02T15:00:00-04:00",
        at: "2026-07-04T08:00:00-04:00",
        pauses: &[],
        steps: [
            "2026-07-02T17:00:00-04:00",
            "2026-07-03T09:00:00-04:00",
            "2026-07-04T08:00:00-04:00",
            "2026-07-06T11:00:00-04:00",
            "2026-07-08T15:00:00-04:00",
        ],
        holder: SM,
        next_step: Some(4),
    },
    // gold P2 middle-east opened Fri 2026-10-16 10:00 +04:00 (Friday closed).
    // Sat 17 12-18 6h: step 1 (2h) 14:00, step 2 (4h) 16:00; total 6.
    // Sun 18 09-18: step 3 (8h) needs 2 → 11:00; total 15. Mon 19: step 4
    // (16h) needs 1 → 10:00; total 24. Tue → 33, step 5 (40h) Wed 21 +7 →
    // 16:00.
    // At exactly Sat 16:00 step 2 has happened: P2 = Team Leader, next 3.
    Case {
        name: "gold P2 middle-east, exactly at step 2",
        plan: "gold",
        priority: "P2",
        desk: "middle-east",
        opened: "2026-10-16T10:00:00+04:00",
        at: "2026-10-17T16:00:00+04:00",
        pauses: &[],
        steps: GOLD_P2_MIDDLE_EAST_FROM_OCT_16,
        holder: TL,
        next_step: Some(3),
    },
    // Same ticket one second before step 2: only step 1 (Support Team), next 2.
    Case {
        name: "gold P2 middle-east, one second before step 2",
        plan: "gold",
        priority: "P2",
        desk: "middle-east",
        opened: "2026-10-16T10:00:00+04:00",
        at: "2026-10-17T15:59:59+04:00",
        pauses: &[],
        steps: GOLD_P2_MIDDLE_EAST_FROM_OCT_16,
        holder: ST,
        next_step: Some(2),
    },
    // ------------------------------------------------------------- platinum
    // platinum P1 americas: escalation waits for the extended business clock,
    // not the 24/7 on-call clock. Opened Sat 2026-09-12 22:00 EDT (after the
    // Saturday window). Sun closed. Mon 14 07-17: steps 1-3 (2, 4, 8h) 09:00,
    // 11:00, 15:00; total 10. Tue 15: step 4 (16h) needs 6 → 13:00; total 20.
    // Wed → 30, Thu 17 → 40: step 5 at Thu 17:00 (closing).
    // At Mon 10:00 step 1 has happened: P1 = Team Leader, next 2.
    Case {
        name: "platinum P1 americas, business clock not 24/7",
        plan: "platinum",
        priority: "P1",
        desk: "americas",
        opened: "2026-09-12T22:00:00-04:00",
        at: "2026-09-14T10:00:00-04:00",
        pauses: &[],
        steps: [
            "2026-09-14T09:00:00-04:00",
            "2026-09-14T11:00:00-04:00",
            "2026-09-14T15:00:00-04:00",
            "2026-09-15T13:00:00-04:00",
            "2026-09-17T17:00:00-04:00",
        ],
        holder: TL,
        next_step: Some(2),
    },
    // platinum P2 europe with a pause straddling closing time.
    // Opened Tue 2026-03-10 16:00 +01:00; pause Tue 17:30 → Wed 09:30 removes
    // Tue 17:30-18:00 and Wed 09:00-09:30. Counted: Tue 16:00-17:30 1.5h.
    // Wed from 09:30: step 1 (2h) needs 0.5 → 10:00; step 2 (4h) needs 2.5 →
    // 12:00; step 3 (8h) needs 6.5 → 16:00; Wed 09:30-18:00 8.5h → total 10.
    // Thu 12: step 4 (16h) needs 6 → 15:00; total 19. Fri 13 → 28, Sat 14
    // 09-18 → 37, Sun closed, step 5 (40h) Mon 16 +3 → 12:00.
    // At Fri 09:00 steps 1-4 have happened: P2 step 4 = Support Manager.
    Case {
        name: "platinum P2 europe, pause over closing time",
        plan: "platinum",
        priority: "P2",
        desk: "europe",
        opened: "2026-03-10T16:00:00+01:00",
        at: "2026-03-13T09:00:00+01:00",
        pauses: &["2026-03-10T17:30:00+01:00/2026-03-11T09:30:00+01:00"],
        steps: [
            "2026-03-11T10:00:00+01:00",
            "2026-03-11T12:00:00+01:00",
            "2026-03-11T16:00:00+01:00",
            "2026-03-12T15:00:00+01:00",
            "2026-03-16T12:00:00+01:00",
        ],
        holder: SM,
        next_step: Some(5),
    },
    // platinum P3 middle-east, opened Thu 2026-10-01 14:00 +04:00.
    // Thu 14-18 4h: step 1 (2h) 16:00, step 2 (4h) 18:00 (closing).
    // Fri 2 closed. Sat 3 12-18 6h: step 3 (8h) needs 4 → 16:00; total 10.
    // Sun 4 09-18: step 4 (16h) needs 6 → 15:00; total 19. Mon → 28,
    // Tue → 37, step 5 (40h) Wed 7 +3 → 12:00.
    // At Mon 09:00 steps 1-4 have happened: P3 step 4 = Team Leader, next 5.
    Case {
        name: "platinum P3 middle-east, Friday closed",
        plan: "platinum",
        priority: "P3",
        desk: "middle-east",
        opened: "2026-10-01T14:00:00+04:00",
        at: "2026-10-05T09:00:00+04:00",
        pauses: &[],
        steps: [
            "2026-10-01T16:00:00+04:00",
            "2026-10-01T18:00:00+04:00",
            "2026-10-03T16:00:00+04:00",
            "2026-10-04T15:00:00+04:00",
            "2026-10-07T12:00:00+04:00",
        ],
        holder: TL,
        next_step: Some(5),
    },
    // platinum P4 americas across the US DST change (Sun 2026-11-01).
    // Opened Fri 2026-10-30 15:00 EDT. Fri 15-17 2h: step 1 (2h) Fri 17:00
    // -04:00. Sat 31 07-12 (EDT): step 2 (4h) needs 2 → 09:00-04:00;
    // total 7. Sun closed (clocks go back). Mon Nov 2 07-17 (EST): step 3 (8h)
    // needs 1 → 08:00-05:00; step 4 (16h) needs 9 → 16:00-05:00; total 17.
    // Tue 3 (Election Day, not federal) → 27, Wed → 37, step 5 (40h) Thu 5 +3
    // → 10:00-05:00.
    // At Mon 07:30 EST steps 1-2 have happened: P4 = Support Team, next 3.
    Case {
        name: "platinum P4 americas, autumn DST",
        plan: "platinum",
        priority: "P4",
        desk: "americas",
        opened: "2026-10-30T15:00:00-04:00",
        at: "2026-11-02T07:30:00-05:00",
        pauses: &[],
        steps: [
            "2026-10-30T17:00:00-04:00",
            "2026-10-31T09:00:00-04:00",
            "2026-11-02T08:00:00-05:00",
            "2026-11-02T16:00:00-05:00",
            "2026-11-05T10:00:00-05:00",
        ],
        holder: ST,
        next_step: Some(3),
    },
    // platinum P1 uae with a pause straddling closing time.
    // Opened Mon 2026-09-21 09:00 +04:00; pause Mon 17:00 → Tue 12:00 removes
    // Mon 17-18 (1h) and Tue 09-12 (3h). Mon 09-17 8h: steps 1-3 (2, 4, 8h)
    // 11:00, 13:00, 17:00 (8h are reached exactly when the pause starts).
    // Tue 12-18 6h → total 14. Wed 23: step 4 (16h) needs 2 → 11:00;
    // total 23. Thu → 32, step 5 (40h) Fri 25 +8 → 17:00.
    // At Thu 10-01 all steps have happened: P1 = Co-CEO and CTO, next null.
    Case {
        name: "platinum P1 uae, pause over closing time, all passed",
        plan: "platinum",
        priority: "P1",
        desk: "uae",
        opened: "2026-09-21T09:00:00+04:00",
        at: "2026-10-01T09:00:00+04:00",
        pauses: &["2026-09-21T17:00:00+04:00/2026-09-22T12:00:00+04:00"],
        steps: [
            "2026-09-21T11:00:00+04:00",
            "2026-09-21T13:00:00+04:00",
            "2026-09-21T17:00:00+04:00",
            "2026-09-23T11:00:00+04:00",
            "2026-09-25T17:00:00+04:00",
        ],
        holder: CEO,
        next_step: None,
    },
];

/// The escalation state of one case, from the library.
fn run(case: &Case) -> Result<(Ticket<'static>, Escalation<'static>), String> {
    let ticket = ticket(
        case.plan,
        case.priority,
        case.desk,
        case.opened,
        case.pauses,
        &[],
    );
    let e = escalate(&ticket, at(ticket.desk(), case.at)).map_err(|e| e.to_string())?;
    Ok((ticket, e))
}

/// Every difference between the hand-worked case and the library's
/// answer; instants as the command line writes them, RFC 3339 at the
/// desk's offset.
fn mismatches(case: &Case, ticket: &Ticket, e: &Escalation) -> Vec<String> {
    if e.steps.len() != 5 {
        return vec![format!("steps is not a list of 5: {:?}", e.steps)];
    }
    let mut out = Vec::new();
    let expected_holders = holders(case.priority);
    // Step `n` (1-based) as `what`: its number, instant and holder.
    let mut step_is = |what: &str, step: &Step, n: usize| {
        let got = (
            step.number,
            shown(ticket.desk(), step.at),
            step.holder.as_str(),
        );
        let want = (n, case.steps[n - 1].to_string(), expected_holders[n - 1]);
        if got != want {
            out.push(format!(
                "{what} (step, at, holder) = {got:?}, want {want:?}"
            ));
        }
    };
    for (i, step) in e.steps.iter().enumerate() {
        step_is(&format!("steps[{i}]"), step, i + 1);
    }
    match (case.next_step, e.next.map(|i| &e.steps[i])) {
        (None, None) => {}
        (Some(n), Some(next)) => step_is("next", next, usize::try_from(n).unwrap_or(0)),
        (want, got) => out.push(format!("next = {got:?}, want step {want:?}")),
    }
    if e.holder != case.holder {
        out.push(format!("holder = {}, want {}", e.holder, case.holder));
    }
    out
}

#[test]
fn hand_worked_escalations() {
    assert_table(
        "escalation cases",
        CASES.iter().map(|case| (case.name.to_string(), case)),
        |case| match run(case) {
            Ok((ticket, e)) => mismatches(case, &ticket, &e),
            Err(e) => vec![e],
        },
    );
}

/// The cases cover every plan × priority pair at least once.
#[test]
fn cases_cover_every_plan_and_priority() {
    for plan in ["basic", "gold", "platinum"] {
        for priority in ["P1", "P2", "P3", "P4"] {
            assert!(
                CASES
                    .iter()
                    .any(|c| c.plan == plan && c.priority == priority),
                "no hand-worked case for {plan} {priority}"
            );
        }
    }
}

/// The holder column per priority, with empty cells carried forward, spelled
/// out literally so a slip in `holders` or in the tool shows up here.
#[test]
fn matrix_holder_column_per_priority() {
    let table: [(&'static str, [&'static str; 5]); 4] = [
        ("P1", [TL, TL, SM, CEO, CEO]),
        ("P2", [ST, TL, TL, SM, CEO]),
        ("P3", [ST, ST, ST, TL, SM]),
        ("P4", [ST, ST, ST, ST, TL]),
    ];
    let december = CASES
        .iter()
        .find(|c| c.name == "gold P4 europe, 8 December holiday window")
        .unwrap();
    let mut failures = Vec::new();
    for (priority, want) in table {
        if holders(priority) != want {
            failures.push(format!(
                "holders({priority}) = {:?}, want {want:?}",
                holders(priority)
            ));
        }
        // Same ticket as "gold P4 europe, 8 December holiday window" (the
        // step instants do not depend on the priority); asked at the opening
        // itself, before step 1, so the holder is the team.
        let case = Case {
            name: "matrix column",
            priority,
            at: december.opened,
            holder: ST,
            next_step: Some(1),
            ..*december
        };
        match run(&case) {
            Ok((ticket, e)) => {
                let got: Vec<&str> = e.steps.iter().map(|s| s.holder.as_str()).collect();
                if got != want {
                    failures.push(format!("{priority}: holders {got:?}, want {want:?}"));
                }
                failures.extend(
                    mismatches(&case, &ticket, &e)
                        .into_iter()
                        .map(|m| format!("{priority}: {m}")),
                );
            }
            Err(e) => failures.push(format!("{priority}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Gold P3 at europe, opened Fri 2026-11-20 10:00 CET and raised to P1 on
/// Mon 2026-11-23 09:30, asked at `at`.
fn raised_to_p1_on_monday(at_text: &str) -> (Ticket<'static>, Escalation<'static>) {
    let ticket = ticket(
        "gold",
        "p3",
        "europe",
        "2026-11-20T10:00:00+01:00",
        &[],
        &["2026-11-23T09:30:00+01:00=P1"],
    );
    let e = escalate(&ticket, at(ticket.desk(), at_text)).unwrap();
    (ticket, e)
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
    let (ticket, e) = raised_to_p1_on_monday("2026-11-23T12:00:00+01:00");
    let shown = |t| shown(ticket.desk(), t);
    assert_eq!(e.priority.priority.id, "P1");
    assert_eq!(e.holder, "Co-CEO and CTO");
    let expected = [
        ("2026-11-20T12:00:00+01:00", StepStatus::Overdue),
        ("2026-11-20T14:00:00+01:00", StepStatus::Overdue),
        ("2026-11-20T18:00:00+01:00", StepStatus::Overdue),
        ("2026-11-21T17:00:00+01:00", StepStatus::Overdue),
        ("2026-11-25T14:00:00+01:00", StepStatus::Pending),
    ];
    assert_eq!(e.steps.len(), expected.len());
    for (step, (at, status)) in e.steps.iter().zip(expected) {
        assert_eq!(shown(step.at), at);
        assert_eq!(step.status, status);
    }
    assert_eq!(e.next.map(|i| e.steps[i].number), Some(5));
    assert_eq!(e.history.len(), 2);
    assert_eq!(e.history[1].priority.id, "P1");
    assert_eq!(shown(e.history[1].from), "2026-11-23T09:30:00+01:00");
    // P1 response: 60 minutes from the opening (SPEC §4) → Fri 11:00.
    assert_eq!(
        e.response_due.map(shown).as_deref(),
        Some("2026-11-20T11:00:00+01:00")
    );
}

#[test]
fn before_the_change_the_old_priority_holds() {
    // Same ticket asked on Sat 2026-11-21 12:00, before the change: P3 is in
    // force; steps 1-3 (Fri 12:00, 14:00, 18:00) have been reached; P3's cells
    // for steps 1-3 are Support Team, -, -.
    let (_, e) = raised_to_p1_on_monday("2026-11-21T12:00:00+01:00");
    assert_eq!(e.priority.priority.id, "P3");
    assert_eq!(e.holder, "Support Team");
    assert_eq!(e.steps[2].status, StepStatus::Reached);
    assert_eq!(e.next.map(|i| e.steps[i].number), Some(4));
}

#[test]
fn platinum_p1_at_night_is_on_call() {
    // Platinum P1 at europe opened Tue 2026-11-24 22:00 CET: the 24/7
    // response is due 23:00; at 22:30 the extended clock is closed, so the
    // ticket is in on-call hours. Step 1 (2 business hours) is Wed 11:00.
    let at_night = |plan: &str| {
        let ticket = ticket(plan, "p1", "europe", "2026-11-24T22:00:00+01:00", &[], &[]);
        let e = escalate(&ticket, at(ticket.desk(), "2026-11-24T22:30:00+01:00")).unwrap();
        (ticket, e)
    };
    let (ticket, e) = at_night("platinum");
    let shown = |t| shown(ticket.desk(), t);
    assert!(e.on_call);
    assert_eq!(
        e.response_due.map(shown).as_deref(),
        Some("2026-11-24T23:00:00+01:00")
    );
    assert_eq!(shown(e.steps[0].at), "2026-11-25T11:00:00+01:00");
    assert_eq!(e.next.map(|i| e.steps[i].number), Some(1));
    assert_eq!(e.holder, "Support Team");
    // Gold has no on-call clock.
    let (_, gold) = at_night("gold");
    assert!(!gold.on_call);
}

#[test]
fn escalation_runs_from_the_effective_start() {
    // Gold P2 at europe opened Mon 2026-11-23 10:00 CET while waiting:
    // pauses 10:00-12:00 and 11:00-13:00 are one pause 10:00-13:00 (SPEC
    // §3), so step 1 (2 business hours) is due 15:00, not 14:00 or 12:00.
    let ticket = ticket(
        "gold",
        "p2",
        "europe",
        "2026-11-23T10:00:00+01:00",
        &[
            "2026-11-23T10:00:00+01:00/2026-11-23T12:00:00+01:00",
            "2026-11-23T11:00:00+01:00/2026-11-23T13:00:00+01:00",
        ],
        &[],
    );
    let e = escalate(&ticket, at(ticket.desk(), "2026-11-23T14:00:00+01:00")).unwrap();
    assert_eq!(
        shown(ticket.desk(), e.steps[0].at),
        "2026-11-23T15:00:00+01:00"
    );
    assert_eq!(e.next.map(|i| e.steps[i].number), Some(1));
}
