//! `slacalc clock` as scripts see it (SPEC.md §8): the JSON fields, the
//! default clock, offsets in the output, and exit status 2 with one line on
//! stderr for bad input. The arithmetic itself is tested on the library in
//! `engine::clock`; these runs use the same calendars.

use crate::engine::clock::{DATED, NEVER, NIGHT, SYDNEY_NIGHT};
use crate::support::Test;

/// `slacalc clock --format json ARGS` with the calendar `calendars/<name>.toml`.
fn clock(name: &str, text: &str, args: &[&str]) -> Test {
    Test::new()
        .args(["clock", "--format", "json", "--desk", name])
        .args(args.iter().copied())
        .data(&[(&format!("calendars/{name}.toml"), text)])
}

#[test]
fn add_prints_desk_default_clock_from_and_due() {
    // Mon 23 Nov 23:00 is inside Monday's window (Mon 22:00 – Tue 06:00).
    // 3h: Mon 23:00–Tue 00:00 1h, Tue 00:00–02:00 2h → Tue 02:00.
    let v = clock(
        "night",
        NIGHT,
        &["--from", "2026-11-23T23:00", "--add", "3h"],
    )
    .json();
    assert_eq!(v["desk"], "night");
    assert_eq!(v["clock"], "extended"); // the default clock
    assert_eq!(v["from"], "2026-11-23T23:00:00+01:00");
    assert_eq!(v["due"], "2026-11-24T02:00:00+01:00");
}

#[test]
fn until_prints_from_until_and_seconds() {
    // Measure Mon 21:00 → Tue 07:00: only Mon 22:00–Tue 06:00 counts = 8h = 28800 s.
    let args = ["--from", "2026-11-23T21:00", "--until", "2026-11-24T07:00"];
    let v = clock("night", NIGHT, &args).json();
    assert_eq!(v["from"], "2026-11-23T21:00:00+01:00");
    assert_eq!(v["until"], "2026-11-24T07:00:00+01:00");
    assert_eq!(v["seconds"], 28_800);
}

#[test]
fn until_prints_each_instant_at_its_own_offset() {
    // Fall-back day Sun 5 Apr 2026 in Sydney: 00:00 is +11:00, the next
    // midnight +10:00: 25 h = 90000 s on the 24x7 clock.
    let args = [
        "--clock",
        "24x7",
        "--from",
        "2026-04-05T00:00",
        "--until",
        "2026-04-06T00:00",
    ];
    let v = clock("sydney", SYDNEY_NIGHT, &args).json();
    assert_eq!(v["clock"], "24x7");
    assert_eq!(v["from"], "2026-04-05T00:00:00+11:00");
    assert_eq!(v["until"], "2026-04-06T00:00:00+10:00");
    assert_eq!(v["seconds"], 90_000);
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let until = |t: &'static str| ["--from", "2026-04-05T00:00", "--until", t];
    for (name, text, args, fragment) in [
        // --until is read in the desk's zone like --from: 2026-10-04T02:30 lies
        // in Sydney's skipped hour (02:00 → 03:00) ...
        (
            "sydney",
            SYDNEY_NIGHT,
            until("2026-10-04T02:30").to_vec(),
            "does not exist",
        ),
        // ... and 2026-04-05T02:30 happens twice (+11:00 and +10:00).
        (
            "sydney",
            SYDNEY_NIGHT,
            until("2026-04-05T02:30").to_vec(),
            "ambiguous",
        ),
        // No window on the extended clock: the search stops after 10 years.
        (
            "never",
            NEVER,
            vec!["--from", "2026-11-23T10:00", "--add", "1h"],
            "no open time",
        ),
        // Nor is any day a business day.
        (
            "never",
            NEVER,
            vec!["--from", "2026-11-23T10:00", "--business-days", "1"],
            "no open time",
        ),
        // The dated holiday list (2025–2026) cannot say whether Fri 1 Jan 2027
        // is a holiday.
        (
            "dated",
            DATED,
            vec!["--from", "2026-12-30T10:00", "--business-days", "2"],
            "2027",
        ),
    ] {
        clock(name, text, &args)
            .status(2)
            .stdout("")
            .stderr_contains(fragment)
            .run();
    }
}

#[test]
fn bad_calendar_file_is_named_with_line_and_key() {
    // `standerd` is on line 5 (line 1 is `description`).
    let text =
        "description = \"typo\"\ntimezone = \"Europe/Berlin\"\n\n[[hours]]\nstanderd = { mon = [\"09:00-17:00\"] }\n";
    let args = ["--from", "2026-11-23T10:00:00+01:00", "--add", "1h"];
    clock("typo", text, &args)
        .status(2)
        .stdout("")
        .stderr_contains("calendars/typo.toml:5:")
        .stderr_contains("key '")
        .stderr_contains("standerd")
        .run();
}

#[test]
fn clock_before_json_fields() {
    // Mon 2026-11-23 10:00 CET, 2 h back on the default extended clock:
    // Mon 09:00–10:00 and Sat 17:00–18:00 (SPEC §2, extended Saturday).
    let v = Test::new()
        .args(
            "clock --desk europe --from 2026-11-23T10:00:00+01:00 --before 2h --format json"
                .split_whitespace(),
        )
        .json();
    assert_eq!(
        v,
        serde_json::json!({
            "desk": "europe",
            "clock": "extended",
            "from": "2026-11-23T10:00:00+01:00",
            "before": "2h",
            "at": "2026-11-21T17:00:00+01:00"
        })
    );
}

/// SPEC §3: a clock counts from the effective start, as a deadline does:
/// a pause covering `--from` moves the start to its end (once `--add 0s`
/// answered `--from` itself, and business days counted from its date).
#[test]
fn clock_counts_from_the_effective_start() {
    let due = |args: &[&str]| {
        Test::new()
            .args(["clock", "--desk", "europe", "--format", "json"])
            .args(args.iter().copied())
            .json()["due"]
            .clone()
    };
    // Europe, Mon 23 Nov 10:00 (+01:00) inside a pause 09:30-11:00: zero
    // clock time is due at the pause's end.
    assert_eq!(
        due(&[
            "--from",
            "2026-11-23T10:00:00+01:00",
            "--add",
            "0s",
            "--pause",
            "2026-11-23T09:30:00+01:00/2026-11-23T11:00:00+01:00"
        ]),
        "2026-11-23T11:00:00+01:00"
    );
    // Mon 17:30 inside a pause to Tue 10:00: the effective start is Tue
    // 10:00, whose date gives D0 = the close of the first business day
    // strictly after Tuesday, Wed 25 Nov 18:00; no pause after the start:
    // due exactly D0. (From Monday's date it was Tue 18:00, L = 9 h 30 m
    // from Tue 10:00: Wed 10:30.)
    assert_eq!(
        due(&[
            "--clock",
            "standard",
            "--from",
            "2026-11-23T17:30:00+01:00",
            "--business-days",
            "1",
            "--pause",
            "2026-11-23T17:00:00+01:00/2026-11-24T10:00:00+01:00"
        ]),
        "2026-11-25T18:00:00+01:00"
    );
}
