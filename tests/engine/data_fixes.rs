//! Calendar and plan data at their edges (SPEC.md §2–§3): windows that
//! overlap across midnight, holiday rules limited to years, Easter offsets
//! that cross a year end, dated lists at the first and last year they
//! cover, and data that would silently shadow other data.
//!
//! Weekdays checked against a calendar: 2020-06-18 Thu, 2020-06-19 Fri,
//! 2020-06-22 Mon; 2024-12-31 Tue, 2025-01-01 Wed, 2025-01-03 Fri;
//! 2025-12-31 Wed, 2026-01-01 Thu; 2026-07-03 Fri, 2026-07-04 Sat;
//! 2026-11-21 Sat, 2026-11-22 Sun; 2028-12-31 Sun, 2029-01-01 Mon.
//! Easter Sunday: 2025-04-20, 2026-04-05, 2027-03-28.

use chrono::TimeDelta;

use super::{at, data, desk, due_at, local, open_window, Clock, ClockKind, Pauses};
use crate::support::Test;

// ------------------------------------------------- 1. extended windows across midnight

const SATURDAY_NIGHT: &str = r#"
timezone = "UTC"

[[hours]]
standard = { sat = ["00:00-24:00"] }
extended = { sat = ["22:00-02:00"] }
"#;

#[test]
fn extended_window_overlapping_standard_runs_past_midnight() {
    let desk = desk("night", SATURDAY_NIGHT);
    let from = at(desk, "2026-11-21T00:00:00Z");
    let until = at(desk, "2026-11-22T06:00:00Z");
    let seconds = |kind| {
        Clock::new(desk, kind)
            .elapsed(from, until, &Pauses::none())
            .unwrap()
            .num_seconds()
    };
    // Standard: Saturday 00:00–24:00, Sunday closed: 24 h.
    assert_eq!(seconds(ClockKind::Standard), 24 * 3600);
    // Extended: the union of Saturday 00:00–24:00 and Saturday 22:00 –
    // Sunday 02:00 is Saturday 00:00 – Sunday 02:00: 26 h (UTC, no DST).
    assert_eq!(seconds(ClockKind::Extended), 26 * 3600);
    // 25 h of extended time from Saturday 00:00 run out on Sunday 01:00.
    let due = Clock::new(desk, ClockKind::Extended)
        .due(from, TimeDelta::hours(25), &Pauses::none())
        .unwrap();
    assert_eq!(local(desk, due), "2026-11-22T01:00:00+00:00");
}

#[test]
fn the_window_of_an_instant_after_midnight_is_the_merged_one() {
    let desk = desk("night", SATURDAY_NIGHT);
    // Sunday 01:00 lies in the merged window Saturday 00:00 – Sunday 02:00.
    let (start, end) = open_window(desk, ClockKind::Extended, "2026-11-22T01:00:00Z").unwrap();
    assert_eq!(start, "2026-11-21T00:00:00+00:00");
    assert_eq!(end, "2026-11-22T02:00:00+00:00");
}

#[test]
fn clock_command_counts_the_merged_window() {
    // The same case through `slacalc clock --until`: 26 h = 93 600 s.
    let json = Test::new()
        .args([
            "clock",
            "--desk",
            "night",
            "--clock",
            "extended",
            "--from",
            "2026-11-21T00:00:00Z",
            "--until",
            "2026-11-22T06:00:00Z",
            "--format",
            "json",
        ])
        .data(&[("calendars/night.toml", SATURDAY_NIGHT)])
        .json();
    assert_eq!(json["seconds"], 93_600);
}

// ------------------------------------------------- 2. Juneteenth only from 2021

use chrono::NaiveDate;

use super::{business_days_due, Calendar, DataSet};

fn holiday_dates(desk: &Calendar, year: i32) -> Vec<String> {
    desk.holidays_in(year)
        .unwrap()
        .keys()
        .map(NaiveDate::to_string)
        .collect()
}

#[test]
fn juneteenth_is_no_holiday_in_2020() {
    let data = DataSet::embedded().unwrap();
    let americas = data.desk("americas").unwrap();
    // SPEC §2: Juneteenth only from 2021. 2020's federal holidays: New Year
    // Wed 1 Jan; MLK 3rd Mon Jan (6, 13, 20); Washington 3rd Mon Feb (3, 10,
    // 17); Memorial last Mon May (25); Independence Day Sat 4 Jul → Fri 3
    // Jul; Labor 1st Mon Sep (7); Columbus 2nd Mon Oct (5, 12); Veterans Wed
    // 11 Nov; Thanksgiving 4th Thu Nov (26); Christmas Fri 25 Dec. 10 dates.
    assert_eq!(
        holiday_dates(americas, 2020),
        [
            "2020-01-01",
            "2020-01-20",
            "2020-02-17",
            "2020-05-25",
            "2020-07-03",
            "2020-09-07",
            "2020-10-12",
            "2020-11-11",
            "2020-11-26",
            "2020-12-25",
        ]
    );
    // 2021: Juneteenth falls on Saturday 19 June, observed Friday 18 June.
    assert!(holiday_dates(americas, 2021).contains(&"2021-06-18".to_string()));
}

#[test]
fn basic_deadline_counts_19_june_2020_as_a_business_day() {
    let data = DataSet::embedded().unwrap();
    let americas = data.desk("americas").unwrap();
    // Next business day from Thursday 18 June 2020 is Friday 19 June (no
    // holiday yet), due at its close 17:00 EDT (-04:00).
    let due = business_days_due(americas, at(americas, "2020-06-18T10:00"), 1).unwrap();
    assert_eq!(local(americas, due), "2020-06-19T17:00:00-04:00");
}

// ------------------------------------------------- 3. Easter offsets across a year end

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The desk `name` of a calendar open Monday to Friday during `hours` on
/// the standard clock, in `zone`, with one `[[holiday]]` of the lines
/// `holiday`.
fn weekday_desk(name: &str, zone: &str, hours: &str, holiday: &str) -> &'static Calendar {
    let week = ["mon", "tue", "wed", "thu", "fri"]
        .map(|day| format!("{day} = [\"{hours}\"]"))
        .join(", ");
    let text = format!(
        "\ntimezone = \"{zone}\"\n\n[[hours]]\nstandard = {{ {week} }}\n\n[[holiday]]\n{holiday}\n"
    );
    desk(name, &text)
}

const HUNDRED_DAYS: &str = r#"name = "Hundred days before Easter"
easter = -100"#;

#[test]
fn easter_offset_lands_in_the_year_it_falls() {
    let desk = weekday_desk("hundred", "Europe/Rome", "09:00-18:00", HUNDRED_DAYS);
    // Easter 2025 is 20 April (day 110 of the year): 100 days before is
    // day 10, 10 January 2025. Easter 2026 is 5 April (day 95): 100 days
    // before is day -5, i.e. 26 December 2025 (31 Dec is day 0).
    assert_eq!(holiday_dates(desk, 2025), ["2025-01-10", "2025-12-26"]);
    // Easter 2027 is 28 March (day 87): 100 days before is day -13 of
    // 2027, 18 December 2026. Nothing of Easter 2026 falls in 2026.
    assert_eq!(holiday_dates(desk, 2026), ["2026-12-18"]);
    // So Friday 26 December 2025 is closed.
    assert!(desk
        .windows_on(day("2025-12-26"), ClockKind::Standard)
        .unwrap()
        .is_empty());
}

// ------------------------------------------------- 4. silent shadowing

fn calendar_error(text: &str) -> String {
    let data = data(&[("shadow", text)]);
    data.desk("shadow").unwrap_err().to_string()
}

#[test]
fn a_weekday_given_twice_in_one_table_is_an_error() {
    // `mon` and `Mon` both mean Monday; one of them would be dropped.
    let text = "timezone = \"UTC\"\n\n[[hours]]\nstandard = { mon = [\"09:00-17:00\"], Mon = [\"10:00-12:00\"] }\n";
    let error = calendar_error(text);
    assert!(error.starts_with("calendars/shadow.toml:4:"), "{error}");
    assert!(error.contains("key 'hours[0].standard"), "{error}");
    assert!(error.contains("mon") && error.contains("Mon"), "{error}");

    // `sat` and `saturday` too, in the extended table.
    let text = "timezone = \"UTC\"\n\n[[hours]]\nstandard = { mon = [\"09:00-17:00\"] }\nextended = { sat = [\"09:00-12:00\"], saturday = [\"13:00-14:00\"] }\n";
    let error = calendar_error(text);
    assert!(error.starts_with("calendars/shadow.toml:5:"), "{error}");
    assert!(error.contains("key 'hours[0].extended"), "{error}");
    assert!(error.contains("saturday"), "{error}");
}

/// A plans file with two priorities whose ids are `first` and `second`,
/// and a plan `gold` whose escalation steps are `steps`.
fn plans_file(first: &str, second: &str, steps: &str) -> String {
    format!(
        r#"[[priority]]
id = "{first}"

[[priority]]
id = "{second}"

[plan.gold]
business_clock = "extended"

[plan.gold.response]
{first} = {{ amount = 1, unit = "hours", clock = "extended" }}
{second} = {{ amount = 2, unit = "hours", clock = "extended" }}

[plan.gold.escalation]
steps = [
{steps}
]

[escalation]
initial_holder = "Support Team"

[escalation.matrix]
{first} = ["Team Leader", "Support Manager", "Co-CEO and CTO"]
{second} = ["Support Team", "Team Leader", "Support Manager"]
"#
    )
}

fn plans_error(text: &str) -> String {
    DataSet::from_sources(&[], &[("plans/x.toml".to_string(), text.to_string())])
        .unwrap_err()
        .to_string()
}

const STEPS_IN_ORDER: &str = r#"  { amount = 0, unit = "hours", clock = "extended" },
  { amount = 1, unit = "hours", clock = "extended" },
  { amount = 5, unit = "hours", clock = "extended" },"#;

#[test]
fn the_test_plans_file_loads_when_nothing_is_shadowed() {
    let text = plans_file("P1", "P2", STEPS_IN_ORDER);
    DataSet::from_sources(&[], &[("plans/x.toml".to_string(), text)]).unwrap();
}

#[test]
fn priorities_differing_only_in_case_are_an_error() {
    // `P1` and `p1` are the same priority on the command line; the second
    // could never be reached. Its id is on line 5 (the first [[priority]]
    // table is lines 1-2, the second starts on line 4).
    let error = plans_error(&plans_file("P1", "p1", STEPS_IN_ORDER));
    assert!(error.starts_with("plans/x.toml:5:"), "{error}");
    assert!(error.contains("key 'priority[1].id'"), "{error}");
    assert!(error.contains("'p1'") && error.contains("'P1'"), "{error}");
}

#[test]
fn escalation_steps_out_of_order_are_an_error() {
    // 0 h, 5 h, 1 h: the third step comes before the second. `steps = [`
    // is line 15 (priorities 1-5, the plan 7-8, its response 10-12, the
    // escalation header 14), so the third step is on line 18.
    let steps = r#"  { amount = 0, unit = "hours", clock = "extended" },
  { amount = 5, unit = "hours", clock = "extended" },
  { amount = 1, unit = "hours", clock = "extended" },"#;
    let error = plans_error(&plans_file("P1", "P2", steps));
    assert!(error.starts_with("plans/x.toml:18:"), "{error}");
    assert!(
        error.contains("step 3 (1 hour) comes before step 2 (5 hours)"),
        "{error}"
    );
    assert!(
        error.contains("key 'plan.gold.escalation.steps[2]'"),
        "{error}"
    );
    // 90 minutes after 1 hour is in order, 30 minutes after it is not.
    let steps = r#"  { amount = 1, unit = "hours", clock = "extended" },
  { amount = 90, unit = "minutes", clock = "extended" },
  { amount = 30, unit = "minutes", clock = "extended" },"#;
    let error = plans_error(&plans_file("P1", "P2", steps));
    assert!(
        error.contains("key 'plan.gold.escalation.steps[2]'"),
        "{error}"
    );
    // Hours after business days: which comes first depends on when the
    // ticket is opened, so the order cannot be checked: refused too.
    let steps = r#"  { amount = 1, unit = "business-days" },
  { amount = 9, unit = "hours", clock = "standard" },
  { amount = 2, unit = "business-days" },"#;
    let error = plans_error(&plans_file("P1", "P2", steps));
    assert!(error.starts_with("plans/x.toml:17:"), "{error}");
    assert!(
        error.contains("key 'plan.gold.escalation.steps[1]'"),
        "{error}"
    );
    assert!(error.contains("differ in clock or unit"), "{error}");
}

#[test]
fn check_reports_shadowing_with_file_line_and_key() {
    Test::new()
        .args(["check"])
        .data(&[
            ("calendars/shadow.toml", "timezone = \"UTC\"\n\n[[hours]]\nstandard = { mon = [\"09:00-17:00\"], Mon = [\"10:00-12:00\"] }\n"),
            ("plans/x.toml", &plans_file("P1", "p1", STEPS_IN_ORDER)),
        ])
        .status(2)
        .stdout_contains("shadow.toml:4: key 'hours[0].standard'")
        .stdout_contains("x.toml:5: key 'priority[1].id'")
        .run();
}

#[test]
fn check_lists_every_problem_of_a_file() {
    // One calendar with three independent defects after a clean parse
    // (an error names the line of its table's header; `timezone` is line 1):
    //  - the [[hours]] table on line 3 runs from 2027 until 2026;
    //  - the [[holiday]] on line 8 gives both a date and an Easter offset;
    //  - the special day 2026-12-24 is listed twice (the second on line 17).
    // `check` reports all three, not only the first.
    let text = "timezone = \"UTC\"\n\n[[hours]]\nfrom = 2027\nuntil = 2026\nstandard = { mon = [\"09:00-17:00\"] }\n\n[[holiday]]\nname = \"Both\"\ndate = \"01-01\"\neaster = 1\n\n[[special]]\ndate = 2026-12-24\nstandard = []\n\n[[special]]\ndate = 2026-12-24\nstandard = []\n";
    Test::new()
        .args(["check"])
        .data(&[("calendars/many.toml", text)])
        .status(2)
        .stdout_contains("many.toml:3: key 'hours[0]'")
        .stdout_contains("from = 2027 is after until = 2026")
        .stdout_contains("many.toml:8: key 'holiday[0]'")
        .stdout_contains("needs exactly one of")
        .stdout_contains("many.toml:17: key 'special[1].date'")
        .stdout_contains("2026-12-24 is listed twice")
        .run();
}

#[test]
fn check_lists_every_problem_of_a_plans_file() {
    // Both defects of the tests above in one file: `p1` shadows `P1` (its
    // id on line 5) and the third escalation step, 1 h after 5 h, is on
    // line 18. `check` names both.
    let steps = r#"  { amount = 0, unit = "hours", clock = "extended" },
  { amount = 5, unit = "hours", clock = "extended" },
  { amount = 1, unit = "hours", clock = "extended" },"#;
    Test::new()
        .args(["check"])
        .data(&[("plans/x.toml", &plans_file("P1", "p1", steps))])
        .status(2)
        .stdout_contains("x.toml:5: key 'priority[1].id'")
        .stdout_contains("x.toml:18: key 'plan.gold.escalation.steps[2]'")
        .run();
}

#[test]
fn check_finds_desks_that_differ_only_in_case() {
    // Each file is clean on its own; together X.toml would hide x.toml.
    let europe = include_str!("../../calendars/europe.toml");
    Test::new()
        .args(["check"])
        .data(&[("calendars/X.toml", europe), ("calendars/x.toml", europe)])
        .status(2)
        .stdout_contains("desk 'x' is also defined")
        .run();
}

// ------------------------------------------------- 5. dated lists at their year edges

#[test]
fn the_edge_days_of_dated_data_need_nothing_beyond_it() {
    let embedded = DataSet::embedded().unwrap();
    let custom = data(&[("new", HOURS_FROM_2026)]);
    let desk = |data: &'static str| match data {
        "new" => custom.desk("new").unwrap(),
        name => embedded.desk(name).unwrap(),
    };
    #[rustfmt::skip]
    let cases = [
        // Gold P1: 60 min on the extended clock. Wed 1 Jan 2025 is New
        // Year's Day, a holiday on a standard day: the holiday window
        // 12:00–18:00. Opened at 10:00, counting starts at 12:00 → 13:00.
        ("uae", ClockKind::Extended, "2025-01-01T10:00", 1, "2025-01-01T13:00:00+04:00"),
        // Gold P4: 8 h extended. Sunday 31 Dec 2028 is a standard day at
        // the middle-east desk (09:00–18:00), no holiday: 10:00 + 8 h =
        // 18:00, without looking at 2029 (the lists cover 2025–2028).
        ("middle-east", ClockKind::Extended, "2028-12-31T10:00", 8, "2028-12-31T18:00:00+04:00"),
        // Hours from 2026: Thursday 1 January 2026, no holidays in this
        // calendar: 10:00 + 1 h on the standard clock = 11:00 (+01:00).
        ("new", ClockKind::Standard, "2026-01-01T10:00", 1, "2026-01-01T11:00:00+01:00"),
    ];
    for (name, kind, from, hours, due) in cases {
        assert_eq!(due_at(desk(name), kind, from, hours), due, "{name} {from}");
    }
}

#[test]
fn first_day_of_a_dated_list_needs_nothing_of_the_year_before() {
    let data = DataSet::embedded().unwrap();
    let uae = data.desk("uae").unwrap();
    // Standard clock on 1 January: closed; the next opening is Thu 2 Jan 09:00.
    let next = Clock::new(uae, ClockKind::Standard)
        .next_open(at(uae, "2025-01-01T10:00"))
        .unwrap();
    assert_eq!(local(uae, next), "2025-01-02T09:00:00+04:00");
}

#[test]
fn deadline_on_1_january_of_a_dated_list() {
    // `slacalc deadline`, gold P1: the same answer as above.
    let json = Test::deadline("gold", "p1", "uae")
        .opened("2025-01-01T10:00")
        .format("json")
        .json();
    assert_eq!(json["response"]["due"], "2025-01-01T13:00:00+04:00");
}

#[test]
fn coverage_in_the_first_days_of_a_dated_list() {
    // Gold at the UAE desk (extended clock): 1 Jan 2025 10:00 is before the
    // holiday window 12:00–18:00 → closed, next opening 12:00. 2 Jan
    // (Thursday) and 3 Jan (Friday) 10:00 lie in the standard window
    // 09:00–18:00.
    for (at_text, open, window_from, next_open) in [
        (
            "2025-01-01T10:00",
            false,
            None,
            Some("2025-01-01T12:00:00+04:00"),
        ),
        (
            "2025-01-02T10:00",
            true,
            Some("2025-01-02T09:00:00+04:00"),
            None,
        ),
        (
            "2025-01-03T10:00",
            true,
            Some("2025-01-03T09:00:00+04:00"),
            None,
        ),
    ] {
        let json = Test::new()
            .args([
                "coverage", "--plan", "gold", "--desk", "uae", "--at", at_text,
            ])
            .format("json")
            .json();
        assert_eq!(json["open"], open, "{at_text}");
        assert_eq!(
            json["window"]["from"].as_str(),
            window_from,
            "{at_text}: {json}"
        );
        assert_eq!(json["next_open"].as_str(), next_open, "{at_text}: {json}");
    }
}

#[test]
fn last_day_of_a_dated_list_needs_nothing_of_the_year_after() {
    let data = DataSet::embedded().unwrap();
    let desk = data.desk("middle-east").unwrap();
    // The clock time of that day, measured up to its end.
    let seconds = Clock::new(desk, ClockKind::Extended)
        .elapsed(
            at(desk, "2028-12-31T00:00"),
            at(desk, "2028-12-31T23:59:59"),
            &Pauses::none(),
        )
        .unwrap()
        .num_seconds();
    assert_eq!(seconds, 9 * 3600);
}

const HOURS_FROM_2026: &str = r#"
timezone = "Europe/Rome"

[[hours]]
from = 2026
standard = { mon = ["09:00-18:00"], tue = ["09:00-18:00"], wed = ["09:00-18:00"], thu = ["09:00-18:00"], fri = ["09:00-18:00"] }
"#;

#[test]
fn hours_from_a_year_serve_its_first_day() {
    let desk = desk("new", HOURS_FROM_2026);
    let (start, _) = open_window(desk, ClockKind::Standard, "2026-01-01T10:00").unwrap();
    assert_eq!(start, "2026-01-01T09:00:00+01:00");
}

const NIGHT_FROM_2026: &str = r#"
timezone = "Europe/Rome"

[[hours]]
from = 2026
standard = { wed = ["22:00-06:00"], thu = ["22:00-06:00"] }
"#;

#[test]
fn a_window_crossing_midnight_still_reads_the_day_before() {
    // With windows crossing midnight, 31 December's window could reach into
    // 1 January, so that day is read: 2025 has no weekly hours.
    let desk = desk("night", NIGHT_FROM_2026);
    let error = Clock::new(desk, ClockKind::Standard)
        .due(
            at(desk, "2026-01-01T01:00"),
            TimeDelta::hours(1),
            &Pauses::none(),
        )
        .unwrap_err()
        .to_string();
    assert!(error.contains("no weekly hours for 2025"), "{error}");
}

// ------------------------------------------------- 6. dated lists with observed days

const DATED_OBSERVED: &str = r#"name = "Company day"
years = [2026, 2026]
dates = [2026-07-04, 2026-11-18]
observed = "nearest-weekday""#;

#[test]
fn dated_list_with_observed_shifts_within_its_years() {
    let desk = weekday_desk("dated", "America/New_York", "09:00-17:00", DATED_OBSERVED);
    // Saturday 4 July 2026 → Friday 3 July; Wednesday 18 Nov stays.
    assert_eq!(holiday_dates(desk, 2026), ["2026-07-03", "2026-11-18"]);
    // 2027 is outside the list: an error that says so.
    let error = desk.holidays_in(2027).unwrap_err().to_string();
    assert!(
        error.contains("in 2027 (its list covers 2026-2026)"),
        "{error}"
    );
}
