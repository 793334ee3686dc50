//! Real outputs validate against the JSON Schemas `slacalc schema` prints,
//! and `check` lists every defect of a data folder.

use serde_json::Value;

use crate::support::Test;

fn schema(subcommand: &str) -> Value {
    Test::new().args(["schema", subcommand]).json()
}

fn assert_valid(subcommand: &str, instance: &Value) {
    let validator = jsonschema::validator_for(&schema(subcommand)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{subcommand}: {errors:?}\n{instance}");
}

#[test]
fn outputs_match_their_schemas() {
    let opened = "2026-11-20T17:30:00+01:00";
    let mut runs: Vec<(&str, Test)> = [("gold", "p1"), ("basic", "p4"), ("platinum", "p2")]
        .into_iter()
        .map(|(plan, priority)| {
            let explained = Test::deadline(plan, priority, "europe")
                .opened(opened)
                .arg("--explain");
            ("deadline", explained)
        })
        .collect();
    // One command line, split on white space.
    let command = |line: &str| Test::new().args(line.split_whitespace());
    let uae_clock = || command("clock --desk uae --from 2026-11-23T08:00:00+04:00");
    runs.extend([
        (
            "escalate",
            Test::escalate("gold", "p3", "europe")
                .opened(opened)
                .args(["--at", "2026-11-24T12:00:00+01:00"]),
        ),
        (
            "renew",
            command("renew --expires 2026-01-31 --ordered 2026-07-01 --years 3"),
        ),
        (
            "eol",
            command("eol --catalog plans/catalog.example.toml --on 2026-07-01"),
        ),
        ("clock", uae_clock().args(["--add", "5h30m"])),
        (
            "clock",
            uae_clock().args(["--until", "2026-11-24T08:00:00+04:00"]),
        ),
        ("holidays", command("holidays --desk americas --year 2027")),
    ]);
    for (subcommand, run) in runs {
        assert_valid(subcommand, &run.format("json").json());
    }
}

#[test]
fn schema_rejects_a_wrong_shape() {
    // A deadline whose `response` lacks `due` must not validate.
    let validator = jsonschema::validator_for(&schema("deadline")).unwrap();
    let wrong = serde_json::json!({"plan": "gold", "priority": "P1", "desk": "europe", "timezone": "Europe/Rome",
        "opened": "x", "clock": "extended", "notification": null, "response": {"target": "1h", "clock": "extended", "best_effort": false}});
    assert!(!validator.is_valid(&wrong));
}

#[test]
fn check_lists_every_defect_with_file_line_and_key() {
    let week = "standard = { mon = [\"09:00-18:00\"] }";
    let unknown_key = format!("timezone = \"Europe/Rome\"\n[[hours]]\n{week}\nweekend = 1\n");
    let stale = format!("timezone = \"Asia/Dubai\"\n[[hours]]\n{week}\n[[holiday]]\nname = \"Old list\"\nyears = [2020, 2021]\ndates = [2020-05-24, 2021-05-13]\n");
    // One defect per file.
    let report = Test::new()
        .data(&[
            ("calendars/unknown-key.toml", &unknown_key),
            ("calendars/overlap.toml", "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { mon = [\"09:00-12:00\", \"11:00-13:00\"] }\n"),
            ("calendars/backwards.toml", "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { tue = [\"10:00-09:00\"] }\n"),
            ("calendars/stale.toml", &stale),
            ("plans/bad-clock.toml", "[[priority]]\nid = \"P1\"\n[plan.x]\nbusiness_clock = \"weekly\"\nresponse.P1 = { amount = 1, unit = \"hours\", clock = \"extended\" }\n"),
        ])
        .arg("check")
        .status(2)
        .stdout_text();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 5, "{report}");
    let expect = [
        ("unknown-key.toml:4", "weekend"),
        ("overlap.toml:3", "overlaps"),
        ("backwards.toml:3", "ends before it starts"),
        ("stale.toml", "ends in 2021"),
        ("bad-clock.toml:4", "business_clock"),
    ];
    for (place, what) in expect {
        assert!(
            lines.iter().any(|l| l.contains(place) && l.contains(what)),
            "no line with {place} and {what}:\n{report}"
        );
    }
}

#[test]
fn shipped_data_is_clean() {
    // `check` warns about a dated holiday list that ends before the year of
    // "now"; the shipped UAE lists cover 2025-2028, so in 2026 nothing is
    // stale. Pinned, so that the answer does not change with the real date.
    Test::new().arg("check").now("2026-11-23T09:00:00Z").run();
}

#[test]
fn every_shape_of_every_json_output_matches_its_schema() {
    let command = |line: &str| Test::new().args(line.split_whitespace());
    // Each shape once: coverage's matrix, desk status, week and events;
    // renew's registration; the audit summary; check's report.
    for (subcommand, line) in [
        ("coverage", "coverage"),
        (
            "coverage",
            "coverage --plan gold --desk uae --at 2026-11-27T10:00",
        ),
        (
            "coverage",
            "coverage --desk middle-east --week --at 2026-11-23T10:00",
        ),
        ("coverage", "coverage --events"),
        ("renew", "renew --registered 2026-04-15"),
        (
            "audit",
            "audit examples/tickets.csv --as-of 2026-12-01T00:00:00Z",
        ),
        ("check", "check"),
        (
            "audit-events",
            "audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z",
        ),
        (
            "audit-events",
            "audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z --by agent",
        ),
        (
            "queue",
            "queue --events examples/events.jsonl --at 2026-11-27T12:00:00Z",
        ),
    ] {
        assert_valid(subcommand, &command(line).format("json").json());
    }
    // audit --events --tickets: one object a ticket (and a failed ticket
    // in its place: a second 'opened' for a ticket already open).
    let events = "{\"ticket\":\"a\",\"at\":\"2026-11-23T09:00:00+01:00\",\"type\":\"opened\",\"plan\":\"platinum\",\"priority\":\"P1\",\"desk\":\"europe\"}\n\
        {\"ticket\":\"b\",\"at\":\"2026-11-23T09:00:00+01:00\",\"type\":\"opened\",\"plan\":\"gold\",\"priority\":\"P2\",\"desk\":\"europe\"}\n\
        {\"ticket\":\"b\",\"at\":\"2026-11-23T09:10:00+01:00\",\"type\":\"opened\",\"plan\":\"gold\",\"priority\":\"P2\",\"desk\":\"europe\"}\n";
    let lines = Test::new()
        .args([
            "audit",
            "--events",
            "-",
            "--as-of",
            "2026-11-23T12:00:00Z",
            "--tickets",
        ])
        .stdin(events)
        .format("json")
        .status(1)
        .json_lines();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["notification"].is_object(), "{}", lines[0]);
    assert_eq!(lines[1]["line"], 3);
    for line in &lines {
        assert_valid("audit-events", line);
    }
    // audit --tickets: one object a line, each of the ticket shape.
    let lines = command("audit examples/tickets.jsonl --tickets --as-of 2026-12-01T00:00:00Z")
        .format("json")
        .json_lines();
    assert_eq!(lines.len(), 8);
    for line in &lines {
        assert_valid("audit", line);
    }
}

#[test]
fn check_reports_as_json_too() {
    // The shipped data is clean at the pinned now (2026): no problem, the
    // four calendars and the one plans file.
    let v = Test::new().args(["check", "--format", "json"]).json();
    assert_eq!(
        v,
        serde_json::json!({"ok": true, "calendar_files": 4, "plan_files": 1, "problems": []})
    );
}

/// SPEC §8: batch error lines are part of each schema (they once failed
/// their own schemas), and a ticket history's `id`, always written, is
/// required in the per-ticket and queue schemas.
#[test]
fn error_lines_match_their_schemas_and_history_ids_are_required() {
    let bad = "{\"plan\":\"gold\"}\n";
    for (subcommand, args) in [
        ("deadline", &["deadline", "--input", "-"][..]),
        ("escalate", &["escalate", "--input", "-"]),
        (
            "audit",
            &["audit", "-", "--tickets", "--input-format", "jsonl"],
        ),
    ] {
        let lines = Test::new()
            .args(args.iter().copied())
            .args(["--format", "json"])
            .stdin(bad)
            .status(1)
            .json_lines();
        assert_eq!(lines[0]["line"], 1, "{subcommand}");
        assert_valid(subcommand, &lines[0]);
    }
    // The queue's ticket and the judged ticket of an event log: `id` is
    // required, so one without it fails its schema.
    let queue = Test::new()
        .args(["queue", "--events", "examples/events.jsonl"])
        .args(["--at", "2026-11-27T12:00:00Z", "--format", "json"])
        .json();
    let tickets = Test::new()
        .args(["audit", "--events", "examples/events.jsonl"])
        .args([
            "--as-of",
            "2026-11-27T12:00:00Z",
            "--tickets",
            "--format",
            "json",
        ])
        .json_lines();
    for (subcommand, mut instance) in [("queue", queue), ("audit-events", tickets[0].clone())] {
        let without_id = |v: &mut Value| {
            let object = v.as_object_mut().unwrap();
            assert!(object.remove("id").is_some());
        };
        let validator = jsonschema::validator_for(&schema(subcommand)).unwrap();
        assert!(validator.is_valid(&instance), "{subcommand}");
        match &mut instance {
            Value::Array(items) => without_id(&mut items[0]),
            other => without_id(other),
        }
        assert!(!validator.is_valid(&instance), "{subcommand} without id");
    }
}

/// `check --data DIR` reads on past a file it cannot read: every other
/// file's problems are reported too (it once stopped at the first).
#[test]
fn check_reads_on_past_an_unreadable_file() {
    let report = Test::new()
        // A folder named like a data file: not a regular file.
        .file("data/calendars/a-folder.toml/inside", "")
        .data(&[(
            "calendars/backwards.toml",
            "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { tue = [\"10:00-09:00\"] }\n",
        )])
        .arg("check")
        .status(2)
        .stdout_text();
    assert!(
        report.contains("a-folder.toml: not a regular file"),
        "{report}"
    );
    assert!(report.contains("backwards.toml:3"), "{report}");
}
