//! `slacalc clock` on user-defined calendars in a temporary `--data` folder
//! (SPEC.md §3 clocks, §8 command line).
//!
//! Every expected value was worked out by hand from the calendar written in
//! the test and the rules of SPEC §3 (reasoning in the comment above each
//! assertion); weekdays and UTC offsets were checked against a calendar:
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

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

/// A data folder holding `calendars/<name>.toml` for each (name, text).
fn data_dir(calendars: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("calendars");
    std::fs::create_dir(&folder).unwrap();
    for (name, text) in calendars {
        std::fs::write(folder.join(format!("{name}.toml")), text).unwrap();
    }
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run `slacalc --data DIR --format json clock ARGS`, killing it after 60 s
/// (a calendar without open time must not make the program hang).
fn run(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .arg("--data")
        .arg(dir)
        .args(["--format", "json", "clock"])
        .args(args)
        .env_remove("SLACALC_DATA")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_mins(1) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("slacalc clock {args:?} did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Run {
        code: status.code(),
        stdout,
        stderr,
    }
}

/// A successful run's JSON document.
fn ok(dir: &Path, args: &[&str]) -> Value {
    let r = run(dir, args);
    assert_eq!(
        r.code,
        Some(0),
        "slacalc clock {args:?} failed: {}",
        r.stderr
    );
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stdout))
}

/// `--add`/`--business-days`: the due instant.
fn due(dir: &Path, args: &[&str]) -> String {
    let v = ok(dir, args);
    v["due"]
        .as_str()
        .unwrap_or_else(|| panic!("no due in {v}"))
        .to_string()
}

/// `--until`: the clock time in seconds.
fn seconds(dir: &Path, args: &[&str]) -> i64 {
    let v = ok(dir, args);
    v["seconds"]
        .as_i64()
        .unwrap_or_else(|| panic!("no seconds in {v}"))
}

/// A run that must fail with exit 2 and exactly one line on stderr; the line.
fn bad(dir: &Path, args: &[&str]) -> String {
    let r = run(dir, args);
    assert_eq!(
        r.code,
        Some(2),
        "slacalc clock {args:?}: expected exit 2; stdout {} stderr {}",
        r.stdout,
        r.stderr
    );
    assert!(
        r.stdout.trim().is_empty(),
        "no output expected on failure: {}",
        r.stdout
    );
    let lines: Vec<&str> = r.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "exactly one stderr line expected: {:?}",
        r.stderr
    );
    assert_eq!(
        r.stderr.trim_end().lines().count(),
        1,
        "exactly one stderr line expected: {:?}",
        r.stderr
    );
    lines[0].to_string()
}

// ------------------------------------------------------------------ 1. night desk

const NIGHT: &str = r#"
description = "Night desk, windows cross midnight"
timezone = "Europe/Berlin"

[[hours]]
standard = { mon = ["22:00-06:00"], tue = ["22:00-06:00"], wed = ["22:00-06:00"], thu = ["22:00-06:00"], fri = ["22:00-06:00"] }
"#;

#[test]
fn night_desk_windows_cross_midnight() {
    let dir = data_dir(&[("night", NIGHT)]);
    let d = dir.path();

    // Mon 23 Nov 23:00 is inside Monday's window (Mon 22:00 – Tue 06:00).
    // 3h: Mon 23:00–Tue 00:00 1h, Tue 00:00–02:00 2h → Tue 02:00.
    let v = ok(
        d,
        &[
            "--desk",
            "night",
            "--from",
            "2026-11-23T23:00",
            "--add",
            "3h",
        ],
    );
    assert_eq!(v["desk"], "night");
    assert_eq!(v["clock"], "extended"); // the default clock
    assert_eq!(v["from"], "2026-11-23T23:00:00+01:00");
    assert_eq!(v["due"], "2026-11-24T02:00:00+01:00");

    // Same on the standard clock (no extended windows, so identical).
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--clock",
                "standard",
                "--from",
                "2026-11-23T23:00:00+01:00",
                "--add",
                "3h"
            ]
        ),
        "2026-11-24T02:00:00+01:00"
    );

    // 8h from Mon 23:00: Mon 23:00–Tue 06:00 gives 7h; 1h left; Tuesday's
    // window opens Tue 22:00 → Tue 23:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-23T23:00",
                "--add",
                "8h"
            ]
        ),
        "2026-11-24T23:00:00+01:00"
    );

    // Exactly to the closing: 7h from Mon 23:00 runs out at Tue 06:00, which
    // is the due instant (not Tue 22:00, the next opening).
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-23T23:00",
                "--add",
                "PT7H"
            ]
        ),
        "2026-11-24T06:00:00+01:00"
    );

    // From Tue 05:00: still inside Monday's window, which ends Tue 06:00.
    // 2h: Tue 05:00–06:00 1h, then Tue 22:00–23:00 1h → Tue 23:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-24T05:00",
                "--add",
                "2h"
            ]
        ),
        "2026-11-24T23:00:00+01:00"
    );
    // 30m from Tue 05:00 → Tue 05:30.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-24T05:00",
                "--add",
                "30m"
            ]
        ),
        "2026-11-24T05:30:00+01:00"
    );

    // From Tue 07:00 (closed): counting starts at the next opening, Tue 22:00;
    // 90s → Tue 22:01:30.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-24T07:00",
                "--add",
                "90s"
            ]
        ),
        "2026-11-24T22:01:30+01:00"
    );

    // Friday's window runs into Saturday (Fri 27 22:00 – Sat 28 06:00); there
    // is no Saturday or Sunday window. 8h from Fri 23:00: 7h until Sat 06:00,
    // 1h left from Monday 30 Nov 22:00 → Mon 23:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-27T23:00",
                "--add",
                "8h"
            ]
        ),
        "2026-11-30T23:00:00+01:00"
    );

    // Measure Mon 21:00 → Tue 07:00: only Mon 22:00–Tue 06:00 counts = 8h = 28800 s.
    let v = ok(
        d,
        &[
            "--desk",
            "night",
            "--from",
            "2026-11-23T21:00",
            "--until",
            "2026-11-24T07:00",
        ],
    );
    assert_eq!(v["from"], "2026-11-23T21:00:00+01:00");
    assert_eq!(v["until"], "2026-11-24T07:00:00+01:00");
    assert_eq!(v["seconds"], 28_800);

    // Measure Mon 23:30 → Tue 01:15 across midnight: 1h45m = 6300 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-23T23:30",
                "--until",
                "2026-11-24T01:15"
            ]
        ),
        6_300
    );

    // Measure Tue 05:00 → Tue 23:00: Tue 05–06 1h + Tue 22–23 1h = 7200 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "night",
                "--from",
                "2026-11-24T05:00",
                "--until",
                "2026-11-24T23:00"
            ]
        ),
        7_200
    );
}

// ------------------------------------------------------------------ 2. lunch break

const LUNCH: &str = r#"
timezone = "Asia/Tokyo"

[[hours]]
standard = { mon = ["09:00-12:30", "13:30-17:00"], tue = ["09:00-12:30", "13:30-17:00"], wed = ["09:00-12:30", "13:30-17:00"], thu = ["09:00-12:30", "13:30-17:00"], fri = ["09:00-12:30", "13:30-17:00"] }
"#;

#[test]
fn lunch_break_is_not_counted() {
    let dir = data_dir(&[("lunch", LUNCH)]);
    let d = dir.path();

    // Mon 23 Nov 11:00, 3h: 11:00–12:30 1h30m, break, 13:30–15:00 1h30m → 15:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T11:00",
                "--add",
                "3h"
            ]
        ),
        "2026-11-23T15:00:00+09:00"
    );

    // 1h30m from 11:00 runs out exactly at 12:30, the close of the morning
    // window: due 12:30, not 13:30.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T11:00",
                "--add",
                "1h30m"
            ]
        ),
        "2026-11-23T12:30:00+09:00"
    );
    // The same in ISO 8601 form.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T11:00:00+09:00",
                "--add",
                "PT1H30M"
            ]
        ),
        "2026-11-23T12:30:00+09:00"
    );

    // One second more than that: 12:30 reached with 1s left, which is
    // counted from 13:30 → 13:30:01.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T11:00",
                "--add",
                "5401s"
            ]
        ),
        "2026-11-23T13:30:01+09:00"
    );

    // Opened during the break (12:45): counting starts at 13:30; 30m → 14:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T12:45",
                "--add",
                "30m"
            ]
        ),
        "2026-11-23T14:00:00+09:00"
    );

    // A zero target is due at the start itself, even during the break.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T12:45",
                "--add",
                "0s"
            ]
        ),
        "2026-11-23T12:45:00+09:00"
    );

    // Fri 27 Nov 16:00, 2h: Fri 16–17 1h, weekend closed, Mon 30 09–10 1h → Mon 10:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-27T16:00",
                "--add",
                "2h"
            ]
        ),
        "2026-11-30T10:00:00+09:00"
    );

    // With a pause 11:30–12:00: 11:00–11:30 30m, paused, 12:00–12:30 30m (1h),
    // break, 13:30–15:30 2h → 15:30.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T11:00",
                "--add",
                "3h",
                "--pause",
                "2026-11-23T11:30:00+09:00/2026-11-23T12:00:00+09:00"
            ]
        ),
        "2026-11-23T15:30:00+09:00"
    );

    // Measure 12:00 → 14:00 across the break: 12:00–12:30 30m + 13:30–14:00
    // 30m = 1h = 3600 s.
    let v = ok(
        d,
        &[
            "--desk",
            "lunch",
            "--from",
            "2026-11-23T12:00",
            "--until",
            "2026-11-23T14:00",
        ],
    );
    assert_eq!(v["from"], "2026-11-23T12:00:00+09:00");
    assert_eq!(v["until"], "2026-11-23T14:00:00+09:00");
    assert_eq!(v["seconds"], 3_600);

    // Measure Mon 10:00 → Tue 10:00: Mon 10:00–12:30 2h30m + 13:30–17:00
    // 3h30m + Tue 09:00–10:00 1h = 7h = 25200 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T10:00",
                "--until",
                "2026-11-24T10:00"
            ]
        ),
        25_200
    );

    // Measure inside the break only (12:35 → 13:25): nothing counts.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "lunch",
                "--from",
                "2026-11-23T12:35",
                "--until",
                "2026-11-23T13:25"
            ]
        ),
        0
    );
}

// ------------------------------------------------------------------ 3. special days

const SPECIALS: &str = r#"
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
    let dir = data_dir(&[("specials", SPECIALS)]);
    let d = dir.path();

    // Wed 23 Dec 15:00, 8h standard: Wed 15–17 2h; Thu 24 (half day) 09–13
    // 4h (6h); Fri 25 holiday; Sat 26, Sun 27 weekend; Mon 28 closed special;
    // Tue 29 09–11 2h (8h) → Tue 29 11:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--clock",
                "standard",
                "--from",
                "2026-12-23T15:00",
                "--add",
                "8h"
            ]
        ),
        "2026-12-29T11:00:00-06:00"
    );

    // Thu 24 12:00, 1h: runs out exactly at 13:00, the half day's closing.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--clock",
                "standard",
                "--from",
                "2026-12-24T12:00",
                "--add",
                "1h"
            ]
        ),
        "2026-12-24T13:00:00-06:00"
    );
    // The special has no `extended`, so the extended clock (default) uses its
    // standard hours too: the same 13:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--from",
                "2026-12-24T12:00",
                "--add",
                "1h"
            ]
        ),
        "2026-12-24T13:00:00-06:00"
    );

    // Thu 24 14:00 is after the half day's close; next standard opening is
    // Tue 29 09:00 (25 holiday, weekend, 28 closed); 30m → 09:30.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--clock",
                "standard",
                "--from",
                "2026-12-24T14:00",
                "--add",
                "30m"
            ]
        ),
        "2026-12-29T09:30:00-06:00"
    );

    // Measure Thu 24 10:00 → Tue 29 10:00 on the standard clock: Thu 10–13 3h
    // + Tue 09–10 1h = 4h = 14400 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "specials",
                "--clock",
                "standard",
                "--from",
                "2026-12-24T10:00",
                "--until",
                "2026-12-29T10:00"
            ]
        ),
        14_400
    );

    // 1 business day from Wed 23 Dec: Thu 24 has standard windows and is not a
    // holiday, so it is the first business day; due at the close of its last
    // standard window, 13:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--from",
                "2026-12-23T10:00",
                "--business-days",
                "1"
            ]
        ),
        "2026-12-24T13:00:00-06:00"
    );
    // 2 business days from Wed 23: Thu 24 (1), Fri 25 holiday, 26/27 weekend,
    // Mon 28 closed special (no standard windows: not a business day), Tue 29
    // (2) → Tue 29 17:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--from",
                "2026-12-23T10:00",
                "--business-days",
                "2"
            ]
        ),
        "2026-12-29T17:00:00-06:00"
    );
    // 1 business day from Thu 24 (during its hours): strictly after 24 Dec,
    // the first business day is Tue 29 → 17:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "specials",
                "--from",
                "2026-12-24T10:00",
                "--business-days",
                "1"
            ]
        ),
        "2026-12-29T17:00:00-06:00"
    );
}

// ------------------------------------------------------------------ 4. Sydney DST

const SYDNEY_NIGHT: &str = r#"
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
    let dir = data_dir(&[("sydney", SYDNEY_NIGHT)]);
    let d = dir.path();

    // Fall-back day Sun 5 Apr 2026: 00:00 is +11:00 (13:00Z on the 4th), the
    // next midnight is +10:00 (14:00Z on the 5th): 25 h = 90000 s.
    let v = ok(
        d,
        &[
            "--desk",
            "sydney",
            "--clock",
            "24x7",
            "--from",
            "2026-04-05T00:00",
            "--until",
            "2026-04-06T00:00",
        ],
    );
    assert_eq!(v["clock"], "24x7");
    assert_eq!(v["from"], "2026-04-05T00:00:00+11:00");
    assert_eq!(v["until"], "2026-04-06T00:00:00+10:00");
    assert_eq!(v["seconds"], 90_000);

    // Spring-forward day Sun 4 Oct 2026: 00:00 is +10:00 (14:00Z on the 3rd),
    // the next midnight +11:00 (13:00Z on the 4th): 23 h = 82800 s.
    let v = ok(
        d,
        &[
            "--desk",
            "sydney",
            "--clock",
            "24x7",
            "--from",
            "2026-10-04T00:00",
            "--until",
            "2026-10-05T00:00",
        ],
    );
    assert_eq!(v["from"], "2026-10-04T00:00:00+10:00");
    assert_eq!(v["until"], "2026-10-05T00:00:00+11:00");
    assert_eq!(v["seconds"], 82_800);

    // 24x7 add across the spring-forward: 01:00 +10:00 is 15:00Z on the 3rd;
    // +2h = 17:00Z = 04:00 +11:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "24x7",
                "--from",
                "2026-10-04T01:00",
                "--add",
                "2h"
            ]
        ),
        "2026-10-04T04:00:00+11:00"
    );
    // 24x7 add across the fall-back: 01:00 +11:00 is 14:00Z on the 4th;
    // +2h = 16:00Z = 02:00 +10:00 (the second 02:00).
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "24x7",
                "--from",
                "2026-04-05T01:00",
                "--add",
                "2h"
            ]
        ),
        "2026-04-05T02:00:00+10:00"
    );
}

#[test]
fn sydney_dst_window_real_length() {
    let dir = data_dir(&[("sydney", SYDNEY_NIGHT), ("edges", SYDNEY_EDGES)]);
    let d = dir.path();

    // Fall-back night: the Sunday window 00:00–06:00 runs from 00:00 +11:00
    // (2026-04-04T13:00Z) to 06:00 +10:00 (2026-04-04T20:00Z) = 7 h = 25200 s.
    // Measured from Sat 12:00 to Sun 12:00, nothing else is open.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-04-04T12:00",
                "--until",
                "2026-04-05T12:00"
            ]
        ),
        25_200
    );
    // Spring-forward night: 00:00 +10:00 (2026-10-03T14:00Z) to 06:00 +11:00
    // (2026-10-03T19:00Z) = 5 h = 18000 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-10-03T12:00",
                "--until",
                "2026-10-04T12:00"
            ]
        ),
        18_000
    );
    // An ordinary Sunday (2026-04-12, +10:00 all night) for contrast: 6 h.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-04-11T12:00",
                "--until",
                "2026-04-12T12:00"
            ]
        ),
        21_600
    );

    // Adding 6h from Sat 4 Apr: counting starts 00:00 +11:00 = 13:00Z;
    // +6h of real time = 19:00Z = 05:00 +10:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-04-04T12:00",
                "--add",
                "6h"
            ]
        ),
        "2026-04-05T05:00:00+10:00"
    );
    // The whole 7 h of that night ends exactly at the close, 06:00 +10:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-04-04T12:00",
                "--add",
                "7h"
            ]
        ),
        "2026-04-05T06:00:00+10:00"
    );
    // Adding 2h30m from Sat 3 Oct: opening 00:00 +10:00 = 14:00Z; +2h30m =
    // 16:30Z = 03:30 +11:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-10-03T12:00",
                "--add",
                "2h30m"
            ]
        ),
        "2026-10-04T03:30:00+11:00"
    );
    // 5 h is that night's whole window: due at its close, 06:00 +11:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "standard",
                "--from",
                "2026-10-03T12:00",
                "--add",
                "5h"
            ]
        ),
        "2026-10-04T06:00:00+11:00"
    );

    // Edges inside the changed hour, window 02:30–04:00 on Sundays.
    // Fall-back: 02:30 is repeated; the edge takes its first occurrence,
    // 02:30 +11:00 (15:30Z); 04:00 is +10:00 (18:00Z) → 2h30m = 9000 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "edges",
                "--clock",
                "standard",
                "--from",
                "2026-04-04T12:00",
                "--until",
                "2026-04-05T12:00"
            ]
        ),
        9_000
    );
    // Spring-forward: 02:30 does not exist; the edge moves to the gap's end,
    // 03:00 +11:00 (16:00Z); 04:00 +11:00 (17:00Z) → 1 h = 3600 s.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "edges",
                "--clock",
                "standard",
                "--from",
                "2026-10-03T12:00",
                "--until",
                "2026-10-04T12:00"
            ]
        ),
        3_600
    );
    // And so counting that night starts at 03:00 +11:00: 30m → 03:30 +11:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "edges",
                "--clock",
                "standard",
                "--from",
                "2026-10-03T12:00",
                "--add",
                "30m"
            ]
        ),
        "2026-10-04T03:30:00+11:00"
    );
}

// ------------------------------------------------------------------ 5. local input errors

#[test]
fn sydney_local_time_in_gap_or_fold_is_an_error() {
    let dir = data_dir(&[("sydney", SYDNEY_NIGHT)]);
    let d = dir.path();

    // 2026-10-04T02:30 lies in the skipped hour (02:00 → 03:00).
    let line = bad(
        d,
        &[
            "--desk",
            "sydney",
            "--from",
            "2026-10-04T02:30",
            "--add",
            "1h",
        ],
    );
    assert!(line.contains("does not exist"), "{line}");
    // The same as --until.
    let line = bad(
        d,
        &[
            "--desk",
            "sydney",
            "--from",
            "2026-10-04T00:00",
            "--until",
            "2026-10-04T02:30",
        ],
    );
    assert!(line.contains("does not exist"), "{line}");

    // 2026-04-05T02:30 happens twice (+11:00 and +10:00).
    let line = bad(
        d,
        &[
            "--desk",
            "sydney",
            "--from",
            "2026-04-05T02:30",
            "--add",
            "1h",
        ],
    );
    assert!(line.contains("ambiguous"), "{line}");
    let line = bad(
        d,
        &[
            "--desk",
            "sydney",
            "--from",
            "2026-04-05T00:00",
            "--until",
            "2026-04-05T02:30",
        ],
    );
    assert!(line.contains("ambiguous"), "{line}");

    // With an explicit offset the fold instant is fine: 02:30 +11:00 is the
    // first pass (15:30Z); 24x7 +1h = 16:30Z = 02:30 +10:00 (the second pass).
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "sydney",
                "--clock",
                "24x7",
                "--from",
                "2026-04-05T02:30:00+11:00",
                "--add",
                "1h"
            ]
        ),
        "2026-04-05T02:30:00+10:00"
    );
}

// ------------------------------------------------------------------ 6. bad calendar files

/// A desk from one bad calendar file: adding 1h must fail with one stderr
/// line that names the file and a key; the line.
fn bad_calendar(name: &str, text: &str) -> String {
    let dir = data_dir(&[(name, text)]);
    let line = bad(
        dir.path(),
        &[
            "--desk",
            name,
            "--from",
            "2026-11-23T10:00:00+01:00",
            "--add",
            "1h",
        ],
    );
    assert!(line.contains(&format!("calendars/{name}.toml")), "{line}");
    assert!(line.contains("key '"), "the key is named: {line}");
    line
}

#[test]
fn unknown_key_names_file_line_and_key() {
    // `standerd` is on line 5 (line 1 is `description`).
    let text =
        "description = \"typo\"\ntimezone = \"Europe/Berlin\"\n\n[[hours]]\nstanderd = { mon = [\"09:00-17:00\"] }\n";
    let line = bad_calendar("typo", text);
    assert!(line.contains(":5:"), "line number 5 expected: {line}");
    assert!(line.contains("standerd"), "{line}");
    assert!(line.contains("hours"), "{line}");
}

#[test]
fn backwards_window_is_rejected() {
    // 10:00-09:00 would cross midnight but starts before 12:00: an error.
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = { mon = [\"10:00-09:00\"] }\n";
    let line = bad_calendar("backwards", text);
    assert!(line.contains("standard"), "key expected: {line}");
    assert!(line.contains("10:00-09:00"), "{line}");
}

#[test]
fn overlapping_windows_are_rejected() {
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = { tue = [\"09:00-12:00\", \"11:00-13:00\"] }\n";
    let line = bad_calendar("overlap", text);
    assert!(line.contains("standard"), "key expected: {line}");
    assert!(line.contains("overlap"), "{line}");
}

#[test]
fn unknown_timezone_is_rejected() {
    let text = "timezone = \"Mars/Olympus\"\n[[hours]]\nstandard = { mon = [\"09:00-17:00\"] }\n";
    let line = bad_calendar("mars", text);
    assert!(line.contains("timezone"), "key expected: {line}");
    assert!(line.contains("Mars/Olympus"), "{line}");
    // The zone is on line 1.
    assert!(line.contains(":1:"), "{line}");
}

// ------------------------------------------------------------------ 7. never open

#[test]
fn calendar_without_open_time_errors_instead_of_hanging() {
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = {}\n";
    let dir = data_dir(&[("never", text)]);
    let d = dir.path();

    // No window on any clock but 24x7: 1h can never elapse; the search stops
    // after 10 years with exit 2.
    for clock in ["extended", "standard"] {
        let line = bad(
            d,
            &[
                "--desk",
                "never",
                "--clock",
                clock,
                "--from",
                "2026-11-23T10:00",
                "--add",
                "1h",
            ],
        );
        assert!(line.contains("no open time"), "{line}");
        assert!(line.contains("10 years"), "{line}");
    }
    // A business-day count cannot be met either (no day has standard hours).
    bad(
        d,
        &[
            "--desk",
            "never",
            "--from",
            "2026-11-23T10:00",
            "--business-days",
            "1",
        ],
    );

    // The 24x7 clock never stops, even here: 1h from Mon 10:00 → 11:00.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "never",
                "--clock",
                "24x7",
                "--from",
                "2026-11-23T10:00",
                "--add",
                "1h"
            ]
        ),
        "2026-11-23T11:00:00+01:00"
    );
    // Measuring closed time is simply zero.
    assert_eq!(
        seconds(
            d,
            &[
                "--desk",
                "never",
                "--from",
                "2026-11-23T10:00",
                "--until",
                "2026-11-30T10:00"
            ]
        ),
        0
    );
}

// ------------------------------------------------------------------ 8. dated holiday list

const DATED: &str = r#"
timezone = "Asia/Kolkata"

[[hours]]
standard = { mon = ["09:00-17:00"], tue = ["09:00-17:00"], wed = ["09:00-17:00"], thu = ["09:00-17:00"], fri = ["09:00-17:00"] }

[[holiday]]
name = "Founders Day"
dates = [2025-03-20, 2026-03-19]
years = [2025, 2026]
"#;

#[test]
fn dated_holiday_list_outside_its_years() {
    let dir = data_dir(&[("dated", DATED)]);
    let d = dir.path();

    // The list is used: from Wed 18 Mar 2026, Thu 19 is a holiday, so the 1st
    // business day is Fri 20 → 17:00 +05:30.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "dated",
                "--from",
                "2026-03-18T10:00",
                "--business-days",
                "1"
            ]
        ),
        "2026-03-20T17:00:00+05:30"
    );
    // Within the covered years: 1 business day from Wed 30 Dec 2026 is Thu 31
    // Dec → 17:00; nothing of 2027 is needed.
    assert_eq!(
        due(
            d,
            &[
                "--desk",
                "dated",
                "--from",
                "2026-12-30T10:00",
                "--business-days",
                "1"
            ]
        ),
        "2026-12-31T17:00:00+05:30"
    );
    // 2 business days from Wed 30 Dec: Thu 31 is the 1st; the 2nd would be
    // Fri 1 Jan 2027 unless it is a holiday, which the list (2025–2026) cannot
    // say → exit 2 naming 2027.
    let line = bad(
        d,
        &[
            "--desk",
            "dated",
            "--from",
            "2026-12-30T10:00",
            "--business-days",
            "2",
        ],
    );
    assert!(line.contains("2027"), "{line}");
}
