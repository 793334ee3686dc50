//! `--jobs`: batch mode on several workers writes exactly what one writes,
//! in input order, errors in their places, over inputs that span many
//! chunks of work: each input is made at least [`CHUNKS`] times the
//! reader's chunk size, whatever that size is.

use slacalc::frame::CHUNK_BYTES;

use crate::support::Test;

/// How many chunks of work an input spans at the least.
const CHUNKS: usize = 4;

/// The smallest `n` from `start` on (doubling) whose `make(n)` holds at
/// least `bytes` bytes, and that text.
fn spanning(bytes: usize, start: usize, make: impl Fn(usize) -> String) -> (usize, String) {
    let mut n = start;
    loop {
        let text = make(n);
        if text.len() >= bytes {
            return (n, text);
        }
        n *= 2;
    }
}

/// A batch of `n` tickets with, every so often, a blank line, a broken
/// line, an unknown plan, a line too long (over 1 MiB) and CRLF endings.
fn hostile_jsonl(n: usize) -> String {
    let mut text = String::from("\u{feff}");
    for i in 0..n {
        let line = match i % 97 {
            13 => String::new(),
            29 => "{\"plan\":\"gold\"".to_string(),
            41 => format!("{{\"id\":{i},\"plan\":\"atlantis\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-20T10:00:00+01:00\"}}"),
            _ if i == n / 2 => format!("{{\"plan\":\"{}\"}}", "a".repeat((1 << 20) + 10)),
            _ => format!(
                "{{\"id\":{i},\"plan\":\"{}\",\"priority\":\"p{}\",\"desk\":\"{}\",\"opened\":\"2026-{:02}-{:02}T{:02}:17:00Z\"}}",
                ["gold", "basic", "platinum"][i % 3],
                1 + i % 4,
                ["europe", "americas", "uae", "middle-east"][i % 4],
                1 + i % 12,
                1 + i % 28,
                i % 24
            ),
        };
        text.push_str(&line);
        text.push_str(if i % 5 == 0 { "\r\n" } else { "\n" });
    }
    text
}

fn batch(subcommand: &str, input: &str, jobs: &str, extra: &[&str]) -> (i32, String, String) {
    outcome(
        Test::new().args([subcommand, "--input", "-"]),
        input,
        jobs,
        extra,
    )
}

/// Run with `input` on stdin and `--jobs JOBS` (exit status 1: some lines
/// fail): the exit code, stdout and stderr.
fn outcome(test: Test, input: &str, jobs: &str, extra: &[&str]) -> (i32, String, String) {
    let out = test
        .args(["--jobs", jobs])
        .args(extra.iter().copied())
        .stdin(input)
        .status(1)
        .run();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn two_or_three_workers_write_what_one_writes() {
    // Several chunks besides the long line (over 1 MiB).
    let (n, input) = spanning(CHUNKS * CHUNK_BYTES + (1 << 20), 4_000, hostile_jsonl);
    let one = batch("deadline", &input, "1", &["--format", "json"]);
    // n lines, 1 blank in 97 not counted (those where i % 97 == 13).
    let lines = one.1.lines().count();
    assert_eq!(lines, n - n / 97 - usize::from(n % 97 > 13));
    for jobs in ["2", "3"] {
        assert_eq!(
            batch("deadline", &input, jobs, &["--format", "json"]),
            one,
            "--jobs {jobs}"
        );
    }
    let one = batch(
        "escalate",
        &input,
        "1",
        &["--format", "json", "--at", "2026-12-01T00:00:00Z"],
    );
    assert_eq!(
        batch(
            "escalate",
            &input,
            "2",
            &["--format", "json", "--at", "2026-12-01T00:00:00Z"]
        ),
        one
    );
}

#[test]
fn csv_input_with_quoted_line_breaks_on_two_workers() {
    // Every tenth subject holds a line break and a comma inside quotes:
    // records span lines, and file line numbers in errors must not move.
    let rows = |n: usize| {
        let mut input = String::from("ID,Plan,Priority,Desk,Opened,Subject\n");
        for i in 0..n {
            let subject = if i % 10 == 0 {
                "\"two\nlines, here\""
            } else {
                "plain"
            };
            let priority = if i % 53 == 0 { "p9" } else { "p2" };
            input.push_str(&format!(
                "T{i},gold,{priority},europe,2026-11-{:02}T10:00:00+01:00,{subject}\n",
                1 + i % 28
            ));
        }
        input
    };
    let (_, input) = spanning(CHUNKS * CHUNK_BYTES, 3_000, rows);
    let one = batch("deadline", &input, "1", &["--format", "json"]);
    assert!(
        one.1.contains("\"line\":2"),
        "the first row (T0) is on file line 2"
    );
    assert_eq!(batch("deadline", &input, "2", &["--format", "json"]), one);
}

#[test]
fn zero_jobs_is_refused() {
    Test::new()
        .args(["deadline", "--input", "-", "--jobs", "0"])
        .stdin("")
        .bad_input(&["0"])
        .run();
}

#[test]
fn an_audit_summary_on_two_workers_is_the_one_of_one() {
    // Ticket rows over several chunks: responses early and late,
    // unanswered ones, and a bad row every 23 (more than the 100 failed
    // lines a summary lists, so the sample must keep the first 100).
    let rows = |n: usize| {
        let mut input = String::from("id,plan,priority,desk,opened,responded\n");
        for i in 0..n {
            let plan = match i % 23 {
                0 => "atlantis",
                _ => ["gold", "basic", "platinum"][i % 3],
            };
            let responded = match i % 4 {
                0 => String::new(),
                k => format!("2026-11-{:02}T{:02}:10:00Z", 2 + i % 26, 6 + 4 * k),
            };
            input.push_str(&format!(
                "T{i},{plan},p{},{},2026-11-{:02}T08:{:02}:00Z,{responded}\n",
                1 + i % 4,
                ["europe", "americas", "uae", "middle-east"][i % 4],
                1 + i % 26,
                i % 60
            ));
        }
        input
    };
    let (n, input) = spanning(CHUNKS * CHUNK_BYTES, 3_000, rows);
    let audit = |jobs: &str| {
        Test::new()
            .args([
                "audit",
                "-",
                "--input-format",
                "csv",
                "--as-of",
                "2026-12-01T00:00:00Z",
            ])
            .args(["--format", "json", "--jobs", jobs])
            .stdin(input.clone())
            .status(1)
            .json()
    };
    let one = audit("1");
    // Rows 0, 23, 46, ... of the n have the unknown plan.
    assert_eq!(one["errors"], n.div_ceil(23));
    assert_eq!(one["failed_lines"].as_array().unwrap().len(), 100);
    // T0 is on file line 2 and has the unknown plan.
    assert_eq!(one["failed_lines"][0]["line"], 2);
    assert_eq!(audit("2"), one);
}

/// The example event log `copies` times over (ticket ids made distinct):
/// many chunks of lines and many batches of tickets. Spread through it: a
/// broken line, an event of a ticket never opened, an unknown event type,
/// a second `opened` and blank lines.
fn hostile_event_log(copies: usize) -> String {
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/events.jsonl"),
    )
    .unwrap();
    let mut text = String::new();
    for copy in 0..copies {
        for (i, line) in example.lines().enumerate() {
            text.push_str(&line.replacen("\"T-", &format!("\"C{copy}-T-"), 1));
            text.push('\n');
            match (i + copy * 7) % 211 {
                3 => text.push_str("{\"ticket\": \"broken\n"),
                5 => text.push_str(&format!(
                    "{{\"ticket\": \"C{copy}-nobody\", \"at\": \"2026-11-20T10:00:00Z\", \"type\": \"responded\"}}\n"
                )),
                7 => text.push_str("\n\n"),
                _ => {}
            }
        }
    }
    // A type no log has (ignored and counted), and a ticket opened twice
    // (which fails the ticket).
    text.replacen("\"type\": \"responded\"", "\"type\": \"answered\"", 1)
        .replacen(
            "\"type\": \"notified\"",
            "\"type\": \"opened\", \"plan\": \"gold\", \"priority\": \"P2\", \"desk\": \"europe\"",
            1,
        )
}

fn event_audit(log: &str, jobs: &str, extra: &[&str]) -> (i32, String, String) {
    let audit = ["audit", "--events", "-", "--as-of", "2026-11-29T23:59:59Z"];
    outcome(Test::new().args(audit), log, jobs, extra)
}

#[test]
fn an_event_log_on_two_or_three_workers_is_judged_as_on_one() {
    let (copies, log) = spanning(CHUNKS * CHUNK_BYTES, 6, hostile_event_log);
    let one = event_audit(&log, "1", &["--tickets", "--format", "json"]);
    // One line per ticket of the copies (300 each; a ticket that fails is
    // one line too), plus one per line that held no event, plus one per
    // copy for its ticket never opened (its later events are passed
    // over). Each copy has 1,358 lines; a broken one follows those where
    // (i + 7 copy) % 211 is 3.
    let broken: usize = (0..copies)
        .map(|copy| (0..1_358).filter(|i| (i + copy * 7) % 211 == 3).count())
        .sum();
    let extra = broken + copies;
    assert_eq!(one.1.lines().count(), copies * 300 + extra);
    // The unknown type is ignored, and counted on stderr.
    assert!(
        one.2
            .contains("ignored 1 events of types the log does not know: answered 1"),
        "{}",
        one.2
    );
    assert!(one.1.contains("is opened twice"));
    for jobs in ["2", "3"] {
        for extra in [
            &["--tickets", "--format", "json"][..],
            &["--tickets", "--format", "csv"],
            &["--tickets"],
            &["--format", "json"],
            &["--format", "json", "--by", "opened:day"],
        ] {
            assert_eq!(
                event_audit(&log, jobs, extra),
                event_audit(&log, "1", extra),
                "--jobs {jobs} {extra:?}"
            );
        }
    }
    // The CSV export (its own column names, quoted cells).
    let export = |jobs: &str| {
        let csv = [
            "audit",
            "--events",
            "examples/helpdesk-export.csv",
            "--tickets",
        ];
        let map = [
            "--map",
            "ticket=Ticket ID",
            "--map",
            "at=Event Time",
            "--map",
            "type=Event",
            "--map",
            "desk=Support Desk",
            "--map",
            "to=Assigned To",
        ];
        Test::new()
            .args(csv)
            .args(map)
            .args([
                "--as-of",
                "2026-11-29T23:59:59Z",
                "--format",
                "json",
                "--jobs",
                jobs,
            ])
            .stdout_text()
    };
    let one = export("1");
    assert_eq!(one.lines().count(), 300);
    assert_eq!(export("2"), one);
    let queue = |jobs: &str| {
        Test::new()
            .args(["queue", "--events", "-", "--at", "2026-11-27T12:00:00Z"])
            .args(["--format", "json", "--jobs", jobs])
            .stdin(log.clone())
            .status(1)
            .json()
    };
    assert_eq!(queue("2"), queue("1"));
}

/// `--jobs 20000` once aborted (exit 134, "failed to spawn thread"): the
/// workers are clamped to what the machine can use, and the answers are
/// those of one worker.
#[test]
fn far_too_many_jobs_are_clamped_not_fatal() {
    let (_, input) = spanning(0, 6, |n| hostile_jsonl(n).replace('\u{feff}', ""));
    let one = batch("deadline", &input, "1", &["--format", "json"]);
    let many = batch("deadline", &input, "20000", &["--format", "json"]);
    assert_eq!(many, one);
}
