//! Real outputs validate against the JSON Schemas `slacalc schema` prints,
//! and `check` lists every defect of a data folder.

use serde_json::Value;

use crate::cli::{json, slacalc};

fn assert_valid(subcommand: &str, instance: &Value) {
    let schema = json(&["schema", subcommand]);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{subcommand}: {errors:?}\n{instance}");
}

#[test]
fn outputs_match_their_schemas() {
    let opened = "2026-11-20T17:30:00+01:00";
    for (plan, priority) in [("gold", "p1"), ("basic", "p4"), ("platinum", "p2")] {
        let v = json(&[
            "deadline",
            "--plan",
            plan,
            "--priority",
            priority,
            "--desk",
            "europe",
            "--opened",
            opened,
            "--explain",
            "--format",
            "json",
        ]);
        assert_valid("deadline", &v);
    }
    let v = json(&[
        "escalate",
        "--plan",
        "gold",
        "--priority",
        "p3",
        "--desk",
        "europe",
        "--opened",
        opened,
        "--at",
        "2026-11-24T12:00:00+01:00",
        "--format",
        "json",
    ]);
    assert_valid("escalate", &v);
    let v = json(&[
        "renew",
        "--expires",
        "2026-01-31",
        "--ordered",
        "2026-07-01",
        "--years",
        "3",
        "--format",
        "json",
    ]);
    assert_valid("renew", &v);
    let v = json(&[
        "eol",
        "--catalog",
        "plans/catalog.example.toml",
        "--on",
        "2026-07-01",
        "--format",
        "json",
    ]);
    assert_valid("eol", &v);
    let v = json(&[
        "clock",
        "--desk",
        "uae",
        "--from",
        "2026-11-23T08:00:00+04:00",
        "--add",
        "5h30m",
        "--format",
        "json",
    ]);
    assert_valid("clock", &v);
    let v = json(&[
        "clock",
        "--desk",
        "uae",
        "--from",
        "2026-11-23T08:00:00+04:00",
        "--until",
        "2026-11-24T08:00:00+04:00",
        "--format",
        "json",
    ]);
    assert_valid("clock", &v);
    let v = json(&[
        "holidays", "--desk", "americas", "--year", "2027", "--format", "json",
    ]);
    assert_valid("holidays", &v);
}

#[test]
fn schema_rejects_a_wrong_shape() {
    // A deadline whose `response` lacks `due` must not validate.
    let schema = json(&["schema", "deadline"]);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let wrong = serde_json::json!({"plan": "gold", "priority": "P1", "desk": "europe", "timezone": "Europe/Rome",
        "opened": "x", "clock": "extended", "notification": null, "response": {"target": "1h", "clock": "extended", "best_effort": false}});
    assert!(!validator.is_valid(&wrong));
}

#[test]
fn check_lists_every_defect_with_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let calendars = dir.path().join("calendars");
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&calendars).unwrap();
    std::fs::create_dir_all(&plans).unwrap();
    let week = "standard = { mon = [\"09:00-18:00\"] }";
    // One defect per file.
    std::fs::write(
        calendars.join("unknown-key.toml"),
        format!("timezone = \"Europe/Rome\"\n[[hours]]\n{week}\nweekend = 1\n"),
    )
    .unwrap();
    std::fs::write(calendars.join("overlap.toml"), "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { mon = [\"09:00-12:00\", \"11:00-13:00\"] }\n").unwrap();
    std::fs::write(
        calendars.join("backwards.toml"),
        "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { tue = [\"10:00-09:00\"] }\n",
    )
    .unwrap();
    std::fs::write(
        calendars.join("stale.toml"),
        format!("timezone = \"Asia/Dubai\"\n[[hours]]\n{week}\n[[holiday]]\nname = \"Old list\"\nyears = [2020, 2021]\ndates = [2020-05-24, 2021-05-13]\n"),
    )
    .unwrap();
    std::fs::write(
        plans.join("bad-clock.toml"),
        "[[priority]]\nid = \"P1\"\n[plan.x]\nbusiness_clock = \"weekly\"\nresponse.P1 = { amount = 1, unit = \"hours\", clock = \"extended\" }\n",
    )
    .unwrap();
    let out = slacalc(&["--data", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    let report = String::from_utf8_lossy(&out.stdout);
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
    // The shipped data is clean.
    let out = slacalc(&["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
