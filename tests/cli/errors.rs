//! The command line's own refusals and edges: clap's messages, flags that
//! do not go together, output that cannot be written, and the pause rules
//! of SPEC §3 as the command line sees them.

use crate::support::Test;

fn gold_p1_europe() -> Test {
    Test::deadline("gold", "p1", "europe").opened("2026-11-23T10:00:00+01:00")
}

#[test]
fn an_error_with_stderr_closed_exits_2_without_a_panic() {
    // An unknown desk is bad input (exit 2) even when the message cannot be
    // written; a panic would exit 101.
    let out = Test::deadline("gold", "p1", "nowhere")
        .close_stderr()
        .output();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_that_cannot_be_written_is_a_failure() {
    // /dev/full refuses every write: the help did not reach its reader.
    let out = Test::new()
        .args(["deadline", "--help"])
        .stdout_to("/dev/full")
        .output();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn clap_messages_are_whole_and_on_one_line() {
    let cases: [(&[&str], &[&str]); 3] = [
        // The missing flags are named.
        (
            &["deadline", "--plan", "gold"],
            &["required", "--priority", "--desk"],
        ),
        // The near miss is offered.
        (
            &["deadline", "--priorty", "p1"],
            &["unexpected argument '--priorty'", "--priority"],
        ),
        // The values that would do are listed.
        (
            &["coverage", "--format", "jsn"],
            &["invalid value 'jsn'", "json", "table"],
        ),
    ];
    for (args, needles) in cases {
        Test::new()
            .args(args.iter().copied())
            .bad_input(needles)
            .run();
    }
}

#[test]
fn bare_slacalc_prints_its_usage() {
    let out = Test::new().output();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Usage: slacalc"), "{stderr}");
    assert!(stderr.contains("deadline"), "{stderr}");
}

#[test]
fn flags_that_would_be_ignored_are_refused() {
    let cases: [(&[&str], &str); 5] = [
        // A release means something only for a proactive event.
        (
            &[
                "deadline",
                "--plan",
                "gold",
                "--priority",
                "p1",
                "--desk",
                "europe",
                "--release",
                "Winter '20",
            ],
            "--release",
        ),
        // Batch output is JSON Lines or CSV, never a table or ICS.
        (
            &["deadline", "--input", "-", "--format", "table"],
            "--format json or csv",
        ),
        (
            &["escalate", "--input", "-", "--format", "ics"],
            "invalid value 'ics'",
        ),
        // Business days are counted on the standard hours (SPEC §3).
        (
            &[
                "clock",
                "--desk",
                "europe",
                "--clock",
                "24x7",
                "--from",
                "2026-11-23T10:00:00+01:00",
                "--business-days",
                "2",
            ],
            "--business-days",
        ),
        // A year nobody means: 26 is not 2026, 300000 is not a year.
        (&["holidays", "--desk", "europe", "--year", "26"], "--year"),
    ];
    for (args, needle) in cases {
        Test::new()
            .args(args.iter().copied())
            .stdin("")
            .bad_input(&[needle])
            .run();
    }
    Test::new()
        .args(["holidays", "--desk", "europe", "--year", "300000"])
        .bad_input(&["--year"])
        .run();
}

#[test]
fn a_release_year_is_digits() {
    // "Winter -1" is no release; it must not be read as Winter '99.
    Test::new()
        .args([
            "deadline",
            "--plan",
            "gold",
            "--event",
            "voip-crash",
            "--desk",
            "europe",
            "--release",
            "Winter -1",
        ])
        .bad_input(&["'Winter -1' is not a suite release"])
        .run();
}

#[test]
fn business_days_on_the_standard_clock_are_accepted() {
    // --clock standard is what --business-days counts on: Mon 2026-11-23
    // 10:00 at europe + 2 business days = close of Wed 25 Nov, 18:00.
    let args = "clock --desk europe --clock standard --from 2026-11-23T10:00:00+01:00 --business-days 2 --format json";
    let v = Test::new().args(args.split_whitespace()).json();
    assert_eq!(v["due"], "2026-11-25T18:00:00+01:00");
}

#[test]
fn an_empty_data_variable_means_the_embedded_data() {
    // SLACALC_DATA= names no folder. Gold P1 at europe opened Mon 10:00:
    // the response (60 business minutes) is due 11:00.
    let v = gold_p1_europe()
        .env("SLACALC_DATA", "")
        .format("json")
        .json();
    assert_eq!(v["response"]["due"], "2026-11-23T11:00:00+01:00");
}

/// A calendars/NAME in a data folder that `make` turns into something
/// other than a regular file is refused, naming it.
fn refuses_calendar_file(name: &str, make: impl FnOnce(&std::path::Path)) {
    let test = Test::new().file("data/plans/.keep", "");
    let path = test.dir().join("data/calendars").join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    make(&path);
    test.args("holidays --desk europe --year 2026 --data data".split_whitespace())
        .bad_input(&[name, "not a regular file"])
        .run();
}

#[test]
fn a_data_file_that_is_not_a_regular_file_is_refused() {
    // A FIFO would block every read; it is named and refused at once.
    refuses_calendar_file("x.toml", |path| {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success());
    });
}

#[test]
fn a_reversed_pause_is_named_as_typed() {
    gold_p1_europe()
        .args(["--pause", "2026-11-23T12:00/2026-11-23T11:00"])
        .bad_input(&["pause '2026-11-23T12:00/2026-11-23T11:00' ends before it starts"])
        .run();
}

#[test]
fn a_ticket_opened_during_a_pause_counts_from_its_end() {
    // SPEC §3, effective start: basic P1 at europe ("next business day"),
    // opened Mon 2026-11-23 10:00 inside a pause 09:00-12:00, counts from
    // Mon 12:00; the next business day after Monday is Tuesday, whose
    // standard hours close at 18:00. Opened at 12:00 without a pause gives
    // the same answer.
    for (opened, pauses) in [
        (
            "2026-11-23T10:00",
            &["--pause", "2026-11-23T09:00/2026-11-23T12:00"][..],
        ),
        ("2026-11-23T12:00", &[][..]),
    ] {
        let v = Test::deadline("basic", "p1", "europe")
            .opened(opened)
            .args(pauses.iter().copied())
            .format("json")
            .json();
        assert_eq!(
            v["response"]["due"], "2026-11-24T18:00:00+01:00",
            "{opened}"
        );
    }
}

#[test]
fn as_of_without_an_offset_is_read_at_the_tickets_desk() {
    // Gold P2 at americas opened Mon 2026-11-23 08:00 EST: 2 business hours
    // → due 10:00 EST (15:00Z), unanswered. As of "2026-11-23T12:00", read
    // in New York, it is two hours late (breached, 7200 s); read as UTC it
    // would be 07:00 EST, before the opening, and still open.
    let out = Test::new()
        .args(["audit", "t.csv", "--tickets", "--format", "json"])
        .args(["--as-of", "2026-11-23T12:00"])
        .file(
            "t.csv",
            "plan,priority,desk,opened\ngold,p2,americas,2026-11-23T08:00:00-05:00\n",
        )
        .json_lines();
    assert_eq!(out[0]["verdict"], "breached");
    assert_eq!(out[0]["late_seconds"], 7200);
}

#[test]
fn an_audit_summary_keeps_a_bounded_sample_of_failed_lines() {
    // 150 lines with an unknown priority: all are counted, 100 are shown.
    let mut csv = String::from("plan,priority,desk,opened\n");
    for _ in 0..150 {
        csv.push_str("gold,p9,europe,2026-11-23T10:00:00+01:00\n");
    }
    let v = Test::new()
        .args(["audit", "t.csv", "--format", "json"])
        .file("t.csv", csv)
        .status(1)
        .json();
    assert_eq!(v["errors"], 150);
    assert_eq!(v["failed_lines"].as_array().unwrap().len(), 100);
}

#[test]
fn desk_files_differing_only_in_case_are_refused() {
    // Desk names compare in any case: calendars/X.toml would hide
    // calendars/x.toml (or the other way round).
    let europe = include_str!("../../calendars/europe.toml");
    Test::new()
        .data(&[("calendars/X.toml", europe), ("calendars/x.toml", europe)])
        .args(["holidays", "--desk", "x", "--year", "2026"])
        .bad_input(&["desk 'x' is also defined", "ignore case"])
        .run();
}

#[test]
fn a_data_file_linked_to_a_device_is_refused() {
    // /dev/zero would be read until memory runs out.
    refuses_calendar_file("zero.toml", |path| {
        std::os::unix::fs::symlink("/dev/zero", path).unwrap();
    });
}

#[test]
fn a_term_ending_after_9999_is_refused() {
    // Dates are YYYY-MM-DD (SPEC §8): 9999-12-01 + 5 years has no such
    // spelling, nor has a registration's included year from 9999-06-01.
    for args in [
        "renew --expires 9999-12-01 --ordered 9999-12-02 --years 5",
        "renew --registered 9999-06-01",
    ] {
        Test::new()
            .args(args.split_whitespace())
            .bad_input(&["outside the supported years"])
            .run();
    }
}

#[test]
fn the_deadline_table_shows_a_priority_change() {
    // Gold at uae, opened Mon 2026-11-23 09:00 as P3, raised to P1 on Tue
    // 12:00 then lowered to P2 on Wed 10:00: the table says both changes,
    // since its title shows only the latest priority.
    let text = Test::deadline("gold", "p3", "uae")
        .opened("2026-11-23T09:00")
        .args(["--priority-change", "2026-11-24T12:00=P1"])
        .args(["--priority-change", "2026-11-25T10:00=P2"])
        .stdout_text();
    assert!(
        text.contains("priority P3 → P1 from Tue 2026-11-24 12:00:00 +04:00"),
        "{text}"
    );
    assert!(
        text.contains("priority P1 → P2 from Wed 2026-11-25 10:00:00 +04:00"),
        "{text}"
    );
}

#[test]
fn colour_marks_what_is_overdue_only_when_asked_or_on_a_terminal() {
    // Gold P1 at europe opened Fri 2026-11-20 10:00: due 11:00 that day,
    // long past at the pinned now (Mon 23 Nov 09:00Z). Red is ESC[38;5;9m.
    let overdue = |color: &str| {
        Test::deadline("gold", "p1", "europe")
            .opened("2026-11-20T10:00")
            .args(["--color", color])
            .stdout_text()
    };
    assert!(
        overdue("always").contains("\u{1b}[38;5;9m overdue by"),
        "{}",
        overdue("always")
    );
    // In a pipe (as here) auto means no colour, as does never.
    for color in ["auto", "never"] {
        assert!(!overdue(color).contains('\u{1b}'), "{color}");
    }
    // Nothing overdue: no colour even when asked (opened after now).
    let later = Test::deadline("gold", "p1", "europe")
        .opened("2026-11-30T10:00")
        .args(["--color", "always"])
        .stdout_text();
    assert!(!later.contains('\u{1b}'), "{later}");
}

#[test]
fn colour_marks_what_is_at_risk_in_yellow() {
    // Gold P2 at europe opened Mon 2026-11-23 09:00 CET: 2 business hours
    // on the extended clock (open 09:00-18:00), due 11:00. At 10:35, 95 of
    // the 120 minutes are used (79 %, at or past SPEC §10's 75 %): the
    // "from now" cell is yellow, ESC[38;5;11m. At 10:20, 80 minutes (67 %):
    // no colour. Escalation step 1 (2 business hours, also due 11:00) is
    // at risk in `escalate` by the same count.
    let at = |now: &str, subcommand: &str| {
        Test::new()
            .args([
                subcommand,
                "--plan",
                "gold",
                "--priority",
                "p2",
                "--desk",
                "europe",
            ])
            .opened("2026-11-23T09:00:00+01:00")
            .args(["--color", "always"])
            .now(now)
            .stdout_text()
    };
    let risky = at("2026-11-23T10:35:00+01:00", "deadline");
    assert!(risky.contains("\u{1b}[38;5;11m in 0h 25m"), "{risky}");
    let calm = at("2026-11-23T10:20:00+01:00", "deadline");
    assert!(!calm.contains('\u{1b}'), "{calm}");
    let steps = at("2026-11-23T10:35:00+01:00", "escalate");
    assert!(steps.contains("\u{1b}[38;5;11m 1 "), "{steps}");
    assert!(!at("2026-11-23T10:20:00+01:00", "escalate").contains('\u{1b}'));
}
