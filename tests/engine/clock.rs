//! The clock on user-defined calendars (SPEC.md §3): due instants, measured
//! clock time and business days, called on the library.
//!
//! Every expected value was worked out by hand from the calendar written in
//! the test and the rules of SPEC §3 (reasoning in the comment above each
//! row); weekdays and UTC offsets were checked against a calendar:
//! - 2026-11-23 and 2026-11-30 are Mondays; 2026-11-27 a Friday.
//! - December 2026: Wed 23, Thu 24, Fri 25, Sat 26, Sun 27, Mon 28, Tue 29,
//!   Wed 30, Thu 31; 2027-01-01 is a Friday. 2026-03-18 is a Wednesday.
//! - Europe/Berlin is +01:00 in late November; Asia/Tokyo is always +09:00;
//!   America/Chicago is -06:00 in December; Asia/Kolkata is always +05:30.
//! - Australia/Sydney: DST ends Sun 2026-04-05 at 03:00 AEDT (+11:00), clocks
//!   go back to 02:00 AEST (+10:00), i.e. at 2026-04-04T16:00Z, so local
//!   02:00–02:59 happens twice; DST starts Sun 2026-10-04 at 02:00 AEST
//!   (+10:00), clocks go forward to 03:00 AEDT (+11:00), i.e. at
//!   2026-10-03T16:00Z, so local 02:00–02:59 does not exist
//!   (checked with python3 zoneinfo).

use std::sync::mpsc;
use std::time::Duration;

use super::ClockKind::{self, AllDay, Extended, Standard};
use chrono::DateTime;

use super::{at, business_days_due, desk, input, local, Calendar, Clock, Interval, Pauses};

/// The due instant of `amount` (as typed: `3h`, `PT7H`, `90s`) from `from`
/// without pauses, in RFC 3339 at the desk's offset.
fn due(desk: &Calendar, kind: ClockKind, from: &str, amount: &str) -> String {
    let amount = input::duration(amount).unwrap();
    let due = Clock::new(desk, kind)
        .due(at(desk, from), amount, &Pauses::none())
        .unwrap();
    local(desk, due)
}

/// The clock time from `from` until `until` without pauses, in seconds.
fn seconds(desk: &Calendar, kind: ClockKind, from: &str, until: &str) -> i64 {
    Clock::new(desk, kind)
        .elapsed(at(desk, from), at(desk, until), &Pauses::none())
        .unwrap()
        .num_seconds()
}

/// Each row's due instant: (clock, from, amount, expected due).
fn assert_due(desk: &Calendar, rows: &[(ClockKind, &str, &str, &str)]) {
    for &(kind, from, amount, expected) in rows {
        let got = due(desk, kind, from, amount);
        assert_eq!(
            got, expected,
            "{} {kind} clock, {amount} from {from}",
            desk.name
        );
    }
}

/// Each row's clock time on `kind`: (from, until, expected seconds).
fn assert_seconds(desk: &Calendar, kind: ClockKind, rows: &[(&str, &str, i64)]) {
    for &(from, until, expected) in rows {
        let got = seconds(desk, kind, from, until);
        assert_eq!(
            got, expected,
            "{} {kind} clock, {from} until {until}",
            desk.name
        );
    }
}

/// Each row's business-days due instant: (from, days, expected due).
fn assert_business_days(desk: &Calendar, rows: &[(&str, u32, &str)]) {
    for &(from, days, expected) in rows {
        let got = business_days_due(desk, at(desk, from), days).unwrap();
        assert_eq!(
            local(desk, got),
            expected,
            "{days} business days from {from}"
        );
    }
}

// ------------------------------------------------------------------ 1. night desk

pub const NIGHT: &str = r#"
description = "Night desk, windows cross midnight"
timezone = "Europe/Berlin"

[[hours]]
standard = { mon = ["22:00-06:00"], tue = ["22:00-06:00"], wed = ["22:00-06:00"], thu = ["22:00-06:00"], fri = ["22:00-06:00"] }
"#;

#[test]
fn night_desk_windows_cross_midnight() {
    let night = desk("night", NIGHT);

    // A local time is read in the desk's zone: +01:00 in late November.
    assert_eq!(
        at(night, "2026-11-23T23:00"),
        at(night, "2026-11-23T23:00:00+01:00")
    );
    #[rustfmt::skip]
    let due_rows = [
        // Mon 23 Nov 23:00 is inside Monday's window (Mon 22:00 – Tue 06:00).
        // 3h: Mon 23:00–Tue 00:00 1h, Tue 00:00–02:00 2h → Tue 02:00.
        (Extended, "2026-11-23T23:00", "3h", "2026-11-24T02:00:00+01:00"),
        // Same on the standard clock (no extended windows, so identical).
        (Standard, "2026-11-23T23:00:00+01:00", "3h", "2026-11-24T02:00:00+01:00"),
        // 8h from Mon 23:00: Mon 23:00–Tue 06:00 gives 7h; 1h left; Tuesday's
        // window opens Tue 22:00 → Tue 23:00.
        (Extended, "2026-11-23T23:00", "8h", "2026-11-24T23:00:00+01:00"),
        // Exactly to the closing: 7h from Mon 23:00 runs out at Tue 06:00, which
        // is the due instant (not Tue 22:00, the next opening).
        (Extended, "2026-11-23T23:00", "PT7H", "2026-11-24T06:00:00+01:00"),
        // From Tue 05:00: still inside Monday's window, which ends Tue 06:00.
        // 2h: Tue 05:00–06:00 1h, then Tue 22:00–23:00 1h → Tue 23:00.
        (Extended, "2026-11-24T05:00", "2h", "2026-11-24T23:00:00+01:00"),
        // 30m from Tue 05:00 → Tue 05:30.
        (Extended, "2026-11-24T05:00", "30m", "2026-11-24T05:30:00+01:00"),
        // From Tue 07:00 (closed): counting starts at the next opening, Tue 22:00;
        // 90s → Tue 22:01:30.
        (Extended, "2026-11-24T07:00", "90s", "2026-11-24T22:01:30+01:00"),
        // Friday's window runs into Saturday (Fri 27 22:00 – Sat 28 06:00); there
        // is no Saturday or Sunday window. 8h from Fri 23:00: 7h until Sat 06:00,
        // 1h left from Monday 30 Nov 22:00 → Mon 23:00.
        (Extended, "2026-11-27T23:00", "8h", "2026-11-30T23:00:00+01:00"),
    ];
    assert_due(night, &due_rows);

    let seconds_rows = [
        // Measure Mon 21:00 → Tue 07:00: only Mon 22:00–Tue 06:00 counts = 8h = 28800 s.
        ("2026-11-23T21:00", "2026-11-24T07:00", 28_800),
        // Measure Mon 23:30 → Tue 01:15 across midnight: 1h45m = 6300 s.
        ("2026-11-23T23:30", "2026-11-24T01:15", 6_300),
        // Measure Tue 05:00 → Tue 23:00: Tue 05–06 1h + Tue 22–23 1h = 7200 s.
        ("2026-11-24T05:00", "2026-11-24T23:00", 7_200),
    ];
    assert_seconds(night, Extended, &seconds_rows);
}

// ------------------------------------------------------------------ 2. lunch break

pub const LUNCH: &str = r#"
timezone = "Asia/Tokyo"

[[hours]]
standard = { mon = ["09:00-12:30", "13:30-17:00"], tue = ["09:00-12:30", "13:30-17:00"], wed = ["09:00-12:30", "13:30-17:00"], thu = ["09:00-12:30", "13:30-17:00"], fri = ["09:00-12:30", "13:30-17:00"] }
"#;

#[test]
fn lunch_break_is_not_counted() {
    let lunch = desk("lunch", LUNCH);

    let due_rows = [
        // Mon 23 Nov 11:00, 3h: 11:00–12:30 1h30m, break, 13:30–15:00 1h30m → 15:00.
        ("2026-11-23T11:00", "3h", "2026-11-23T15:00:00+09:00"),
        // 1h30m from 11:00 runs out exactly at 12:30, the close of the morning
        // window: due 12:30, not 13:30.
        ("2026-11-23T11:00", "1h30m", "2026-11-23T12:30:00+09:00"),
        // The same in ISO 8601 form.
        (
            "2026-11-23T11:00:00+09:00",
            "PT1H30M",
            "2026-11-23T12:30:00+09:00",
        ),
        // One second more than that: 12:30 reached with 1s left, which is
        // counted from 13:30 → 13:30:01.
        ("2026-11-23T11:00", "5401s", "2026-11-23T13:30:01+09:00"),
        // Opened during the break (12:45): counting starts at 13:30; 30m → 14:00.
        ("2026-11-23T12:45", "30m", "2026-11-23T14:00:00+09:00"),
        // A zero target is due at the start itself, even during the break.
        ("2026-11-23T12:45", "0s", "2026-11-23T12:45:00+09:00"),
        // Fri 27 Nov 16:00, 2h: Fri 16–17 1h, weekend closed, Mon 30 09–10 1h → Mon 10:00.
        ("2026-11-27T16:00", "2h", "2026-11-30T10:00:00+09:00"),
    ];
    assert_due(
        lunch,
        &due_rows.map(|(from, amount, due)| (Extended, from, amount, due)),
    );

    let seconds_rows = [
        // Measure 12:00 → 14:00 across the break: 12:00–12:30 30m + 13:30–14:00
        // 30m = 1h = 3600 s.
        ("2026-11-23T12:00", "2026-11-23T14:00", 3_600),
        // Measure Mon 10:00 → Tue 10:00: Mon 10:00–12:30 2h30m + 13:30–17:00
        // 3h30m + Tue 09:00–10:00 1h = 7h = 25200 s.
        ("2026-11-23T10:00", "2026-11-24T10:00", 25_200),
        // Measure inside the break only (12:35 → 13:25): nothing counts.
        ("2026-11-23T12:35", "2026-11-23T13:25", 0),
    ];
    assert_seconds(lunch, Extended, &seconds_rows);

    // With a pause 11:30–12:00: 11:00–11:30 30m, paused, 12:00–12:30 30m (1h),
    // break, 13:30–15:30 2h → 15:30.
    let pause = Interval {
        start: at(lunch, "2026-11-23T11:30:00+09:00"),
        end: at(lunch, "2026-11-23T12:00:00+09:00"),
    };
    let pauses = Pauses::new(vec![pause]).unwrap();
    let due_paused = Clock::new(lunch, Extended)
        .due(
            at(lunch, "2026-11-23T11:00"),
            input::duration("3h").unwrap(),
            &pauses,
        )
        .unwrap();
    assert_eq!(local(lunch, due_paused), "2026-11-23T15:30:00+09:00");
}

// ------------------------------------------------------------------ 3. special days

pub const SPECIALS: &str = r#"
timezone = "America/Chicago"

[[hours]]
standard = { mon = ["09:00-17:00"], tue = ["09:00-17:00"], wed = ["09:00-17:00"], thu = ["09:00-17:00"], fri = ["09:00-17:00"] }

[[holiday]]
name = "Christmas Day"
date = "12-25"

[[special]]
date = 2026-12-24
name = "Christmas Eve"
standard = ["09:00-13:00"]

[[special]]
date = 2026-12-28
name = "Inventory"
standard = []
"#;

#[test]
fn half_day_and_closed_specials() {
    let specials = desk("specials", SPECIALS);

    let due_rows = [
        // Wed 23 Dec 15:00, 8h standard: Wed 15–17 2h; Thu 24 (half day) 09–13
        // 4h (6h); Fri 25 holiday; Sat 26, Sun 27 weekend; Mon 28 closed special;
        // Tue 29 09–11 2h (8h) → Tue 29 11:00.
        (
            Standard,
            "2026-12-23T15:00",
            "8h",
            "2026-12-29T11:00:00-06:00",
        ),
        // Thu 24 12:00, 1h: runs out exactly at 13:00, the half day's closing.
        (
            Standard,
            "2026-12-24T12:00",
            "1h",
            "2026-12-24T13:00:00-06:00",
        ),
        // The special has no `extended`, so the extended clock uses its
        // standard hours too: the same 13:00.
        (
            Extended,
            "2026-12-24T12:00",
            "1h",
            "2026-12-24T13:00:00-06:00",
        ),
        // Thu 24 14:00 is after the half day's close; next standard opening is
        // Tue 29 09:00 (25 holiday, weekend, 28 closed); 30m → 09:30.
        (
            Standard,
            "2026-12-24T14:00",
            "30m",
            "2026-12-29T09:30:00-06:00",
        ),
    ];
    assert_due(specials, &due_rows);

    // Measure Thu 24 10:00 → Tue 29 10:00 on the standard clock: Thu 10–13 3h
    // + Tue 09–10 1h = 4h = 14400 s.
    let got = seconds(specials, Standard, "2026-12-24T10:00", "2026-12-29T10:00");
    assert_eq!(got, 14_400);

    assert_business_days(
        specials,
        &[
            // 1 business day from Wed 23 Dec: Thu 24 has standard windows and is not a
            // holiday, so it is the first business day; due at the close of its last
            // standard window, 13:00.
            ("2026-12-23T10:00", 1, "2026-12-24T13:00:00-06:00"),
            // 2 business days from Wed 23: Thu 24 (1), Fri 25 holiday, 26/27 weekend,
            // Mon 28 closed special (no standard windows: not a business day), Tue 29
            // (2) → Tue 29 17:00.
            ("2026-12-23T10:00", 2, "2026-12-29T17:00:00-06:00"),
            // 1 business day from Thu 24 (during its hours): strictly after 24 Dec,
            // the first business day is Tue 29 → 17:00.
            ("2026-12-24T10:00", 1, "2026-12-29T17:00:00-06:00"),
        ],
    );
}

// ------------------------------------------------------------------ 4. Sydney DST

pub const SYDNEY_NIGHT: &str = r#"
description = "Sunday small hours, covering both DST changes"
timezone = "Australia/Sydney"

[[hours]]
standard = { sun = ["00:00-06:00"] }
"#;

const SYDNEY_EDGES: &str = r#"
timezone = "Australia/Sydney"

[[hours]]
standard = { sun = ["02:30-04:00"] }
"#;

#[test]
fn sydney_dst_24x7_day_lengths() {
    let sydney = desk("sydney", SYDNEY_NIGHT);

    for (from, until, from_offset, until_offset, expected) in [
        // Fall-back day Sun 5 Apr 2026: 00:00 is +11:00 (13:00Z on the 4th), the
        // next midnight is +10:00 (14:00Z on the 5th): 25 h = 90000 s.
        (
            "2026-04-05T00:00",
            "2026-04-06T00:00",
            "2026-04-05T00:00:00+11:00",
            "2026-04-06T00:00:00+10:00",
            90_000,
        ),
        // Spring-forward day Sun 4 Oct 2026: 00:00 is +10:00 (14:00Z on the 3rd),
        // the next midnight +11:00 (13:00Z on the 4th): 23 h = 82800 s.
        (
            "2026-10-04T00:00",
            "2026-10-05T00:00",
            "2026-10-04T00:00:00+10:00",
            "2026-10-05T00:00:00+11:00",
            82_800,
        ),
    ] {
        assert_eq!(local(sydney, at(sydney, from)), from_offset);
        assert_eq!(local(sydney, at(sydney, until)), until_offset);
        assert_seconds(sydney, AllDay, &[(from, until, expected)]);
    }

    let due_rows = [
        // 24x7 add across the spring-forward: 01:00 +10:00 is 15:00Z on the 3rd;
        // +2h = 17:00Z = 04:00 +11:00.
        ("2026-10-04T01:00", "2h", "2026-10-04T04:00:00+11:00"),
        // 24x7 add across the fall-back: 01:00 +11:00 is 14:00Z on the 4th;
        // +2h = 16:00Z = 02:00 +10:00 (the second 02:00).
        ("2026-04-05T01:00", "2h", "2026-04-05T02:00:00+10:00"),
    ];
    assert_due(
        sydney,
        &due_rows.map(|(from, amount, due)| (AllDay, from, amount, due)),
    );
}

#[test]
fn sydney_dst_window_real_length() {
    let sydney = desk("sydney", SYDNEY_NIGHT);
    let edges = desk("edges", SYDNEY_EDGES);

    for (desk, from, until, expected) in [
        // Fall-back night: the Sunday window 00:00–06:00 runs from 00:00 +11:00
        // (2026-04-04T13:00Z) to 06:00 +10:00 (2026-04-04T20:00Z) = 7 h = 25200 s.
        // Measured from Sat 12:00 to Sun 12:00, nothing else is open.
        (sydney, "2026-04-04T12:00", "2026-04-05T12:00", 25_200),
        // Spring-forward night: 00:00 +10:00 (2026-10-03T14:00Z) to 06:00 +11:00
        // (2026-10-03T19:00Z) = 5 h = 18000 s.
        (sydney, "2026-10-03T12:00", "2026-10-04T12:00", 18_000),
        // An ordinary Sunday (2026-04-12, +10:00 all night) for contrast: 6 h.
        (sydney, "2026-04-11T12:00", "2026-04-12T12:00", 21_600),
        // Edges inside the changed hour, window 02:30–04:00 on Sundays.
        // Fall-back: 02:30 is repeated; the edge takes its first occurrence,
        // 02:30 +11:00 (15:30Z); 04:00 is +10:00 (18:00Z) → 2h30m = 9000 s.
        (edges, "2026-04-04T12:00", "2026-04-05T12:00", 9_000),
        // Spring-forward: 02:30 does not exist; the edge moves to the gap's end,
        // 03:00 +11:00 (16:00Z); 04:00 +11:00 (17:00Z) → 1 h = 3600 s.
        (edges, "2026-10-03T12:00", "2026-10-04T12:00", 3_600),
    ] {
        assert_seconds(desk, Standard, &[(from, until, expected)]);
    }

    for (desk, from, amount, expected) in [
        // Adding 6h from Sat 4 Apr: counting starts 00:00 +11:00 = 13:00Z;
        // +6h of real time = 19:00Z = 05:00 +10:00.
        (
            sydney,
            "2026-04-04T12:00",
            "6h",
            "2026-04-05T05:00:00+10:00",
        ),
        // The whole 7 h of that night ends exactly at the close, 06:00 +10:00.
        (
            sydney,
            "2026-04-04T12:00",
            "7h",
            "2026-04-05T06:00:00+10:00",
        ),
        // Adding 2h30m from Sat 3 Oct: opening 00:00 +10:00 = 14:00Z; +2h30m =
        // 16:30Z = 03:30 +11:00.
        (
            sydney,
            "2026-10-03T12:00",
            "2h30m",
            "2026-10-04T03:30:00+11:00",
        ),
        // 5 h is that night's whole window: due at its close, 06:00 +11:00.
        (
            sydney,
            "2026-10-03T12:00",
            "5h",
            "2026-10-04T06:00:00+11:00",
        ),
        // The edges desk's spring-forward night starts counting at 03:00 +11:00
        // (02:30 does not exist): 30m → 03:30 +11:00.
        (
            edges,
            "2026-10-03T12:00",
            "30m",
            "2026-10-04T03:30:00+11:00",
        ),
    ] {
        assert_due(desk, &[(Standard, from, amount, expected)]);
    }
}

// ------------------------------------------------------------------ 5. local input errors

#[test]
fn sydney_local_time_in_gap_or_fold_is_an_error() {
    let sydney = desk("sydney", SYDNEY_NIGHT);

    for (text, fragment) in [
        // 2026-10-04T02:30 lies in the skipped hour (02:00 → 03:00).
        ("2026-10-04T02:30", "does not exist"),
        // 2026-04-05T02:30 happens twice (+11:00 and +10:00).
        ("2026-04-05T02:30", "ambiguous"),
    ] {
        let error = input::instant(text, sydney.zone, DateTime::UNIX_EPOCH)
            .unwrap_err()
            .to_string();
        assert!(error.contains(fragment), "{text}: {error}");
    }

    // With an explicit offset the fold instant is fine: 02:30 +11:00 is the
    // first pass (15:30Z); 24x7 +1h = 16:30Z = 02:30 +10:00 (the second pass).
    let got = due(sydney, AllDay, "2026-04-05T02:30:00+11:00", "1h");
    assert_eq!(got, "2026-04-05T02:30:00+10:00");
}

// ------------------------------------------------------------------ 6. never open

pub const NEVER: &str = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = {}\n";

#[test]
fn calendar_without_open_time_errors_instead_of_hanging() {
    // Computed on a thread of its own, so that a search that never ends
    // fails this test after 60 s instead of hanging the run.
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let never = desk("never", NEVER);
        let from = at(never, "2026-11-23T10:00");
        let hour = input::duration("1h").unwrap();
        let none = Pauses::none();
        // No window on any clock but 24x7: 1h can never elapse; the search
        // stops after 10 years with an error.
        let errors: Vec<String> = [Extended, Standard]
            .map(
                |kind| match Clock::new(never, kind).due(from, hour, &none) {
                    Ok(due) => format!("{kind}: due {due}, expected an error"),
                    Err(e) => e.to_string(),
                },
            )
            .to_vec();
        // A business-day count cannot be met either (no day has standard hours).
        let business_days = business_days_due(never, from, 1).map(|t| local(never, t));
        // The 24x7 clock never stops, even here: 1h from Mon 10:00 → 11:00.
        let all_day = due(never, AllDay, "2026-11-23T10:00", "1h");
        // Measuring closed time is simply zero.
        let closed = seconds(never, Extended, "2026-11-23T10:00", "2026-11-30T10:00");
        sender
            .send((errors, business_days, all_day, closed))
            .unwrap();
    });
    let (errors, business_days, all_day, closed) = receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("a calendar without open time answers within 60 s");
    for error in errors {
        assert!(error.contains("no open time"), "{error}");
        assert!(error.contains("10 years"), "{error}");
    }
    assert!(business_days.is_err(), "{business_days:?}");
    assert_eq!(all_day, "2026-11-23T11:00:00+01:00");
    assert_eq!(closed, 0);
}

// ------------------------------------------------------------------ 7. dated holiday list

pub const DATED: &str = r#"
timezone = "Asia/Kolkata"

[[hours]]
standard = { mon = ["09:00-17:00"], tue = ["09:00-17:00"], wed = ["09:00-17:00"], thu = ["09:00-17:00"], fri = ["09:00-17:00"] }

[[holiday]]
dates = [2025-03-20, 2026-03-19]
years = [2025, 2026]
name = "Founders Day"
"#;

#[test]
fn dated_holiday_list_outside_its_years() {
    let dated = desk("dated", DATED);

    assert_business_days(
        dated,
        &[
            // The list is used: from Wed 18 Mar 2026, Thu 19 is a holiday, so the 1st
            // business day is Fri 20 → 17:00 +05:30.
            ("2026-03-18T10:00", 1, "2026-03-20T17:00:00+05:30"),
            // Within the covered years: 1 business day from Wed 30 Dec 2026 is Thu 31
            // Dec → 17:00; nothing of 2027 is needed.
            ("2026-12-30T10:00", 1, "2026-12-31T17:00:00+05:30"),
        ],
    );

    // 2 business days from Wed 30 Dec: Thu 31 is the 1st; the 2nd would be
    // Fri 1 Jan 2027 unless it is a holiday, which the list (2025–2026) cannot
    // say → an error naming 2027.
    let error = business_days_due(dated, at(dated, "2026-12-30T10:00"), 2)
        .unwrap_err()
        .to_string();
    assert!(error.contains("2027"), "{error}");
}
