//! Snapshots of every renderer: the deadline, escalate, renew, coverage,
//! holidays, clock, eol, check and audit tables, the CSV rows and the ICS
//! calendars, each run at the pinned "now" with fixed dates. The values in
//! them are asserted by hand-worked tests elsewhere (the `*_cases.rs`
//! tables, `cli.rs`, `batch.rs`, `holidays.rs`); where a snapshot shows a
//! value no other test asserts, a hand-worked assertion sits beside it.
//!
//! Snapshots live in `tests/snapshots/`; review a changed one by eye
//! (`cargo insta review`, or read the `.snap.new` file) before accepting it.

use serde_json::{json, Value};

use crate::support::{assert_fields, Test, NOW};

/// Compare `text` with the stored snapshot `name` in `tests/snapshots/`.
macro_rules! snapshot {
    ($name:expr, $text:expr) => {
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}

/// `slacalc ARGS` at the pinned now; `args` is one command line, split on
/// white space (no argument here holds a space).
fn run(args: &str) -> Test {
    Test::new().args(args.split_whitespace()).now(NOW)
}

/// Run `slacalc ARGS` at the pinned now and return stdout.
fn text(args: &str) -> String {
    run(args).stdout_text()
}

/// Run `slacalc ARGS --format csv` at the pinned now and return stdout.
fn csv(args: &str) -> String {
    run(args).format("csv").stdout_text()
}

/// Run `slacalc ARGS --format json` at the pinned now.
fn json(args: &str) -> Value {
    run(args).format("json").json()
}

/// Compare the table of `slacalc ARGS` with the stored snapshot `name`, and
/// check the JSON of the same run for the hand-worked `fields`.
#[track_caller]
fn table_and_fields(name: &str, args: &str, fields: &Value) {
    snapshot!(name, text(args));
    assert_fields(&json(args), fields);
}

/// The items of the JSON array `v`, each made a row by `row`.
fn rows<'a, T>(v: &'a Value, row: impl Fn(&'a Value) -> T) -> Vec<T> {
    v.as_array().unwrap().iter().map(row).collect()
}

/// A JSON string's text.
fn str_of(v: &Value) -> &str {
    v.as_str().unwrap()
}

/// CRLF line ends (RFC 5545) shown as plain newlines.
fn lf(ics: &str) -> String {
    ics.replace("\r\n", "\n")
}

// ---------------------------------------------------------------- deadline

const GOLD_P1_THANKSGIVING: &str =
    "deadline --plan gold --priority p1 --desk americas --opened 2026-11-25T16:30:00-05:00";

#[test]
fn deadline_gold_p1_americas_before_thanksgiving_explain() {
    // Gold P1 at americas, opened Wed 2026-11-25 16:30 EST, extended clock
    // (SPEC §4): notification 30 min = Wed 16:30-17:00 → due Wed 17:00.
    // Response 60 min: 30 min Wednesday, then Thursday 26 Nov is
    // Thanksgiving, a weekday holiday with the 07:00-12:00 holiday window
    // on the extended clock (§2): 07:00 + 30 min → due Thu 07:30.
    table_and_fields(
        "deadline_gold_p1_americas_before_thanksgiving_explain",
        &format!("{GOLD_P1_THANKSGIVING} --explain"),
        &json!({
            "notification": {"due": "2026-11-25T17:00:00-05:00"},
            "response": {"due": "2026-11-26T07:30:00-05:00"},
            "windows": [
                {"from": "2026-11-25T16:30:00-05:00", "to": "2026-11-25T17:00:00-05:00", "seconds": 1800},
                {"from": "2026-11-26T07:00:00-05:00", "to": "2026-11-26T07:30:00-05:00", "seconds": 1800},
            ],
        }),
    );
}

#[test]
fn deadline_gold_p2_europe_friday_evening_explain() {
    // Due Sat 10:30 (30 min Friday 17:30-18:00, 90 min from Saturday's
    // extended 09:00): asserted in batch.rs. At the pinned now (Mon
    // 2026-11-23 10:00 CET) it is overdue by 1d 23h 30m.
    snapshot!(
        "deadline_gold_p2_europe_friday_evening_explain",
        text("deadline --plan gold --priority p2 --desk europe --opened 2026-11-20T17:30:00+01:00 --explain")
    );
}

#[test]
fn deadline_basic_p3_best_effort() {
    // Basic P3 is best effort (SPEC §4): no due instant, no notification.
    table_and_fields(
        "deadline_basic_p3_best_effort",
        "deadline --plan basic --priority p3 --desk europe --opened 2026-11-25T16:30:00+01:00",
        &json!({"response": {"best_effort": true, "due": null}, "notification": null}),
    );
}

#[test]
fn deadline_csv() {
    // The due instants are those worked out in
    // deadline_gold_p1_americas_before_thanksgiving_explain.
    snapshot!("deadline_gold_p1_americas_csv", csv(GOLD_P1_THANKSGIVING));
}

#[test]
fn deadline_ics() {
    // The due instants are those worked out in
    // deadline_gold_p1_americas_before_thanksgiving_explain: 22:00Z and
    // 12:30Z; DTSTAMP is the pinned now.
    let args = format!("{GOLD_P1_THANKSGIVING} --format ics");
    let ics = text(&args);
    // Every line, the alarms' stamps and ids too, follows from the input
    // and the pinned now: two runs give the same file.
    assert_eq!(ics, text(&args));
    // The pinned now (support::NOW, 2026-11-23T09:00:00Z) stamps every
    // event and alarm.
    for stamp in ics.lines().filter(|l| l.starts_with("DTSTAMP:")) {
        assert_eq!(stamp, "DTSTAMP:20261123T090000Z");
    }
    snapshot!("deadline_gold_p1_americas_ics", lf(&ics));
}

// ---------------------------------------------------------------- escalate

const GOLD_P2_ESCALATE: &str = "escalate --plan gold --priority p2 --desk europe --opened 2026-11-20T10:00:00+01:00 --at 2026-11-23T12:00:00+01:00";

#[test]
fn escalate_gold_p2_europe_timeline() {
    // Step instants (extended clock from Fri 10:00: Fri 12:00, 14:00,
    // 18:00, Sat 17:00, Wed 25 Nov 14:00) are worked out in
    // escalate_more.rs. P2's ladder (SPEC §5): Support Team, Team Leader,
    // no change, Support Manager, Co-CEO and CTO; at Mon 12:00 steps 1-4
    // have passed, so the holder is Support Manager and the next step is 5.
    table_and_fields(
        "escalate_gold_p2_europe_timeline",
        GOLD_P2_ESCALATE,
        &json!({
            "holder": "Support Manager",
            "next": {"step": 5, "at": "2026-11-25T14:00:00+01:00"},
            // Gold P2 response, 2 business hours from Fri 10:00 → Fri 12:00.
            "response_due": "2026-11-20T12:00:00+01:00",
        }),
    );
}

#[test]
fn escalate_csv() {
    // Values as in escalate_gold_p2_europe_timeline.
    snapshot!("escalate_gold_p2_europe_csv", csv(GOLD_P2_ESCALATE));
}

// ---------------------------------------------------------------- renew

#[test]
fn renew_late_with_gap() {
    // Ordered 2026-07-01, expired 2026-01-31: 0 + 28 (Feb) + 31 + 30 + 31
    // + 30 + 1 = 151 days late, past the 120-day grace (SPEC §6): the new
    // term starts on the order date and ends 3 years later, 2029-07-01;
    // 151 days is within the first year of lapse: 1 fee year.
    table_and_fields(
        "renew_late_with_gap",
        "renew --expires 2026-01-31 --ordered 2026-07-01 --years 3 --plan gold",
        &json!({
            "late_days": 151, "continuous": false,
            "start": "2026-07-01", "end": "2029-07-01", "upgrade_fee_years": 1,
        }),
    );
}

#[test]
fn renew_on_time_cut_by_eos() {
    // Start 2026-01-31, end cut from 2029-01-31 to the EoS 2027-06-30:
    // asserted in renew_cases.rs.
    snapshot!(
        "renew_on_time_cut_by_eos",
        text("renew --expires 2026-01-31 --ordered 2026-01-15 --years 3 --plan gold --eos 2027-06-30")
    );
}

#[test]
fn renew_registered_on_a_leap_day() {
    // 2028-02-29 + 1 year = 2029-02-28: asserted in renew_cases.rs.
    snapshot!(
        "renew_registered_on_a_leap_day",
        text("renew --registered 2028-02-29")
    );
}

// ---------------------------------------------------------------- coverage

#[test]
fn coverage_plan_matrix() {
    // The matrix of SPEC §1, asserted cell by cell in coverage_cases.rs.
    snapshot!("coverage_plan_matrix", text("coverage"));
}

#[test]
fn coverage_desk_closed_uae_friday_evening() {
    // The uae desk runs Mon-Fri 09:00-18:00 and, for gold, Saturday
    // 12:00-18:00 (SPEC §2): Fri 27 Nov 19:00 is closed, next opening
    // Sat 28 Nov 12:00 (+04:00), 17 hours later.
    table_and_fields(
        "coverage_desk_closed_uae_friday_evening",
        "coverage --plan gold --desk uae --at 2026-11-27T19:00",
        &json!({"open": false, "window": null, "next_open": "2026-11-28T12:00:00+04:00"}),
    );
}

#[test]
fn coverage_desk_open_europe_saturday() {
    // Gold has europe's extended Saturday 09:00-18:00 (SPEC §2): open at
    // Sat 21 Nov 10:00 in that window, 8 hours left.
    table_and_fields(
        "coverage_desk_open_europe_saturday",
        "coverage --plan gold --desk europe --at 2026-11-21T10:00",
        &json!({
            "open": true, "clock": "extended",
            "window": {"from": "2026-11-21T09:00:00+01:00", "to": "2026-11-21T18:00:00+01:00"},
        }),
    );
}

#[test]
fn coverage_desk_platinum_on_call_sunday() {
    // Sunday has no europe window on any business clock; platinum's
    // on-call service answers P1/P2 (SPEC §1, §3), so the desk counts as
    // open on the 24x7 clock without a window. Business hours again
    // Mon 23 Nov 09:00.
    table_and_fields(
        "coverage_desk_platinum_on_call_sunday",
        "coverage --plan platinum --desk europe --at 2026-11-22T10:00",
        &json!({
            "open": true, "clock": "24x7", "on_call": true,
            "window": null, "next_open": "2026-11-23T09:00:00+01:00",
        }),
    );
}

#[test]
fn coverage_week_europe_christmas() {
    let args = "coverage --desk europe --week --at 2026-12-21T00:00";
    snapshot!("coverage_week_europe_christmas", text(args));
    // Mon 21 - Sun 27 Dec 2026 at europe (SPEC §2): Mon-Thu standard
    // 09:00-18:00 for every plan; Fri 25 Dec (Christmas, a weekday
    // holiday) closes the standard hours and opens the 09:00-18:00 holiday
    // window on the extended clock; Sat 26 Dec (St Stephen's) keeps the
    // Saturday window for gold and platinum; Sunday is closed.
    let v = json(args);
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    let windows = |day: &Value, plan: &str| -> Vec<(String, String)> {
        let plans = day["plans"].as_array().unwrap();
        let plan = plans.iter().find(|p| p["plan"] == plan).unwrap();
        rows(&plan["windows"], |w| {
            (str_of(&w["from"]).to_owned(), str_of(&w["to"]).to_owned())
        })
    };
    let nine_to_six = |date: &str| {
        vec![(
            format!("{date}T09:00:00+01:00"),
            format!("{date}T18:00:00+01:00"),
        )]
    };
    for (day, date) in days
        .iter()
        .zip(["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24"])
    {
        assert_eq!(day["date"], date);
        for plan in ["basic", "gold", "platinum"] {
            assert_eq!(windows(day, plan), nine_to_six(date), "{date} {plan}");
        }
    }
    for (index, date) in [(4, "2026-12-25"), (5, "2026-12-26")] {
        let day = &days[index];
        assert_eq!(day["date"], date);
        assert!(windows(day, "basic").is_empty(), "{date} basic");
        assert_eq!(windows(day, "gold"), nine_to_six(date), "{date} gold");
        assert_eq!(windows(day, "platinum"), nine_to_six(date));
    }
    assert_eq!(days[6]["date"], "2026-12-27");
    for plan in ["basic", "gold", "platinum"] {
        assert!(windows(&days[6], plan).is_empty(), "Sunday {plan}");
    }
}

#[test]
fn coverage_events() {
    // The event list of SPEC §7, asserted in coverage_cases.rs.
    snapshot!("coverage_events", text("coverage --events"));
}

// ---------------------------------------------------------------- holidays

#[test]
fn holidays_europe_2026_table() {
    // The list is EUROPE_2026 in holidays.rs.
    snapshot!(
        "holidays_europe_2026_table",
        text("holidays --desk europe --year 2026")
    );
}

#[test]
fn holidays_americas_2026_ics() {
    // The dates are AMERICAS_2026 in holidays.rs; DTSTAMP is the pinned now.
    snapshot!(
        "holidays_americas_2026_ics",
        lf(&text("holidays --desk americas --year 2026 --format ics"))
    );
}

// ---------------------------------------------------------------- clock

#[test]
fn clock_add_business_days_and_until() {
    // Sat 10:00, Tue 24 Nov 18:00 and 5h 0m: asserted in cli.rs.
    let from = "clock --desk europe --from 2026-11-20T16:00:00+01:00";
    let add = text(&format!("{from} --add 3h"));
    let days = text(&format!("{from} --business-days 2"));
    let until = text(&format!(
        "{from} --clock standard --until 2026-11-23T12:00:00+01:00"
    ));
    snapshot!("clock_add_business_days_and_until", add + &days + &until);
}

// ---------------------------------------------------------------- eol

#[test]
fn eol_example_catalog() {
    for (name, on, expected) in [
        // On 2026-11-23: Recorder Add-on supported, 128 days to its EoS
        // 2027-03-31 (7 + 31 + 31 + 28 + 31); Suite 2019 past its EoS
        // 2026-06-30, 219 days to its EOL 2027-06-30 (128 + 30 + 31 + 30);
        // Suite 2024 supported, 1134 days to 2029-12-31 (3 years with
        // 2028-02-29 = 1096, + 7 + 31).
        (
            "eol_example_catalog_2026_11_23",
            "2026-11-23",
            json!([
                {"product": "Example Recorder Add-on", "status": "supported", "days_left": 128},
                {"product": "Example Suite 2019", "status": "end_of_support", "days_left": 219},
                {"product": "Example Suite 2024", "status": "supported", "days_left": 1134},
            ]),
        ),
        // On 2027-07-01: Suite 2019 at end of life since its EOL the day
        // before (days_left -1, counted to the EOL); the Add-on past its
        // EoS, 274 days to its EOL 2028-03-31 (366 to 2028-07-01, which
        // holds 2028-02-29, less 92 back to 31 Mar); Suite 2024: 731 days
        // to 2029-07-01 (with 2028-02-29) + 183 to 2029-12-31 = 914.
        // Soonest first.
        (
            "eol_example_catalog_2027_07_01",
            "2027-07-01",
            json!([
                {"product": "Example Suite 2019", "status": "end_of_life", "days_left": -1},
                {"product": "Example Recorder Add-on", "status": "end_of_support", "days_left": 274},
                {"product": "Example Suite 2024", "status": "supported", "days_left": 914},
            ]),
        ),
    ] {
        let args = format!("eol --catalog plans/catalog.example.toml --on {on}");
        table_and_fields(name, &args, &expected);
    }
}

// ---------------------------------------------------------------- check

#[test]
fn check_clean() {
    snapshot!("check_clean", text("check"));
}

#[test]
fn check_lists_defects() {
    // One defect per calendar, each named with file, line and key
    // (asserted in schema.rs); paths are relative to the --data folder.
    let out = Test::new()
        .data(&[
            (
                "calendars/overlap.toml",
                "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { mon = [\"09:00-12:00\", \"11:00-13:00\"] }\n",
            ),
            (
                "calendars/backwards.toml",
                "timezone = \"Europe/Rome\"\n[[hours]]\nstandard = { tue = [\"10:00-09:00\"] }\n",
            ),
        ])
        .arg("check")
        .now(NOW)
        .status(2)
        .stdout_text();
    snapshot!("check_lists_defects", out);
}

// ---------------------------------------------------------------- audit

/// The tickets of batch.rs's audit test (verdicts and lateness worked out
/// there) and one ticket still open as of 2026-12-01T00:00Z.
fn tickets() -> String {
    format!(
        "{}g,gold,p4,europe,2026-11-30T17:00:00+01:00,,\n",
        crate::support::AUDIT_TICKETS
    )
}

fn audit(extra: &[&str]) -> Test {
    Test::new()
        .file("tickets.csv", tickets())
        .args(["audit", "tickets.csv", "--as-of", "2026-12-01T00:00:00Z"])
        .args(extra.iter().copied())
        .now(NOW)
}

#[test]
fn audit_summary_table_and_csv() {
    snapshot!("audit_summary_table", audit(&[]).stdout_text());
    snapshot!(
        "audit_summary_csv",
        audit(&["--format", "csv"]).stdout_text()
    );
    // Ticket g: gold P4 (8 business hours, extended clock) opened Mon
    // 2026-11-30 17:00 CET: 1h Monday, then Tuesday 09:00 + 7h → due Tue
    // 2026-12-01 16:00 CET; unanswered as of 2026-12-01T00:00Z (01:00 CET)
    // it is open (SPEC §9). The gold P4 europe group: 1 ticket, 1 open, no
    // compliance figure (met + breached = 0).
    let v = audit(&["--format", "json"]).json();
    let group = v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["plan"] == "gold" && r["priority"] == "P4")
        .unwrap();
    assert_fields(
        group,
        &json!({"tickets": 1, "open": 1, "compliance_percent": null}),
    );
}

#[test]
fn audit_tickets_default_format_and_csv() {
    // Without --format the per-ticket output is a table (it was once JSON
    // Lines whatever the format).
    snapshot!("audit_tickets_default", audit(&["--tickets"]).stdout_text());
    snapshot!(
        "audit_tickets_csv",
        audit(&["--tickets", "--format", "csv"]).stdout_text()
    );
    // Ticket g, worked out in audit_summary_table_and_csv: due Tue
    // 2026-12-01 16:00 CET, open, no lateness.
    let lines = audit(&["--tickets", "--format", "json"]).json_lines();
    let g = lines.iter().find(|l| l["id"] == "g").unwrap();
    let expected =
        json!({"due": "2026-12-01T16:00:00+01:00", "verdict": "open", "late_seconds": null});
    assert_fields(g, &expected);
}

// ---------------------------------------------------------------- widths

#[test]
fn narrow_and_wide_terminals() {
    // The same outputs at 80 and 120 columns (COLUMNS): at 80 the deadline
    // table leaves out the UTC column, the audit summary uses short
    // headers, the escalation timeline cuts each time after its date (two
    // lines a row), and cells wrap between words; at 120 they are whole. The
    // values are those of the unbounded snapshots above, and those of the
    // other tables are asserted in tests/cli (renew, coverage, holidays,
    // clock); here only their layout is held.
    for columns in ["80", "120"] {
        for (name, args) in [
            (
                "deadline",
                "deadline --plan gold --priority p1 --desk americas --opened 2026-11-25T16:30:00-05:00",
            ),
            (
                "escalate",
                "escalate --plan gold --priority p2 --desk europe --opened 2026-11-20T10:00:00+01:00 --at 2026-11-23T12:00:00+01:00",
            ),
            (
                "renew",
                "renew --expires 2026-01-31 --ordered 2026-06-01 --eos 2027-06-30 --base-expires 2027-01-01",
            ),
            ("eol", "eol --catalog plans/catalog.example.toml"),
            ("coverage", "coverage"),
            (
                "coverage_status",
                "coverage --plan platinum --desk uae --at 2026-11-27T23:00",
            ),
            ("coverage_week", "coverage --desk middle-east --week"),
            ("coverage_events", "coverage --events"),
            ("holidays", "holidays --desk americas --year 2027"),
            (
                "clock",
                "clock --desk europe --from 2026-11-23T10:00:00+01:00 --before 2h",
            ),
        ] {
            let out = run(args).env("COLUMNS", columns).stdout_text();
            snapshot!(format!("{name}_at_{columns}_columns"), out);
        }
        // The audit of the tickets of audit_summary_table_and_csv.
        let out = audit(&[]).env("COLUMNS", columns).stdout_text();
        snapshot!(format!("audit_at_{columns}_columns"), out);
    }
}

// ---------------------------------------------------------------- histories

/// Four tickets at the europe desk (gold: 2 business hours for P2 and 4
/// for P3 on the extended clock, open 09:00-18:00 Monday to Saturday),
/// looked at on Mon 2026-11-23 at 10:35 CET:
/// - Q1 gold P2 opened 09:00: due 11:00, 95 of 120 min used (79.2 %): at
///   risk, 25 min left; next step 2 (4 h) at 13:00, Team Leader.
/// - Q2 gold P3 opened 09:30, waiting since 10:00: the wait ends at 10:35
///   for the count, 30 of 240 min used (12.5 %), due 10:35 + 210 min =
///   14:05; next step 4 (16 h, Team Leader): 30 min, then 7 h 25 min
///   Monday, 8 h 05 min Tuesday: Tue 17:05.
/// - Q3 gold P2 opened 09:00, answered 09:40: responded; next step at 13:00.
/// - Q4 gold P2 opened Fri 20 Nov 17:00: due Sat 10:00 (1 h Friday, 1 h
///   Saturday), breached by 48 h 35 min = 174,900 s; used: 1 + 9 + 1 h 35 =
///   695 min of 120 (579.2 %). Step 2 (4 h, Sat 12:00, Team Leader) was
///   due and never escalated: held by Team Leader, escalation overdue;
///   step 4 (16 h: 10 h by Saturday's close, 6 more Monday) at 15:00
///   reaches the Support Manager.
const EVENTS: &str = r#"{"ticket":"Q4","at":"2026-11-20T17:00:00+01:00","type":"opened","plan":"gold","priority":"P2","desk":"europe"}
{"ticket":"Q1","at":"2026-11-23T09:00:00+01:00","type":"opened","plan":"gold","priority":"P2","desk":"europe"}
{"ticket":"Q3","at":"2026-11-23T09:00:00+01:00","type":"opened","plan":"gold","priority":"P2","desk":"europe"}
{"ticket":"Q2","at":"2026-11-23T09:30:00+01:00","type":"opened","plan":"gold","priority":"P3","desk":"europe"}
{"ticket":"Q3","at":"2026-11-23T09:40:00+01:00","type":"responded"}
{"ticket":"Q2","at":"2026-11-23T10:00:00+01:00","type":"status","status":"waiting"}
"#;

fn histories(args: &[&str]) -> Test {
    Test::new()
        .file("events.jsonl", EVENTS)
        .args(args.iter().copied())
        .now("2026-11-23T10:35:00+01:00")
}

#[test]
fn queue_and_event_audit_tables() {
    // Hand-worked values the tables show, asserted on the JSON first.
    let queue = histories(&["queue", "--events", "events.jsonl"])
        .format("json")
        .json();
    // Order by next deadline: Q4 (its unanswered response, Sat 10:00), Q1
    // (11:00), Q3 (responded: step 2 at 13:00), Q2 (14:05).
    let expected = json!([
        {"id": "Q4", "holder": "Team Leader", "escalation_overdue": true,
         "response": {"state": "breached", "remaining_seconds": -174_900, "elapsed_percent": 579.2},
         "next_step": {"at": "2026-11-23T15:00:00+01:00"}},
        {"id": "Q1",
         "response": {"state": "at_risk", "remaining_seconds": 25 * 60, "elapsed_percent": 79.2}},
        {"id": "Q3", "response": {"state": "responded"}},
        {"id": "Q2", "waiting": true,
         "response": {"state": "ok", "due": "2026-11-23T14:05:00+01:00"},
         "next_step": {"at": "2026-11-24T17:05:00+01:00"}},
    ]);
    assert_fields(&queue, &expected);
    for columns in ["80", "120"] {
        let table = histories(&["queue", "--events", "events.jsonl"])
            .env("COLUMNS", columns)
            .stdout_text();
        snapshot!(format!("queue_at_{columns}_columns"), table);
        let audit = histories(&["audit", "--events", "events.jsonl", "--tickets"])
            .env("COLUMNS", columns)
            .stdout_text();
        snapshot!(format!("audit_events_tickets_at_{columns}_columns"), audit);
        let summary = histories(&["audit", "--events", "events.jsonl"])
            .env("COLUMNS", columns)
            .stdout_text();
        snapshot!(
            format!("audit_events_summary_at_{columns}_columns"),
            summary
        );
    }
    snapshot!(
        "queue_csv",
        histories(&["queue", "--events", "events.jsonl", "--format", "csv"]).stdout_text()
    );
    snapshot!(
        "audit_events_csv",
        histories(&[
            "audit",
            "--events",
            "events.jsonl",
            "--tickets",
            "--format",
            "csv"
        ])
        .stdout_text()
    );
}
