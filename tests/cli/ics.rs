//! iCalendar output parses back with the same crate.

use std::str::FromStr;

use icalendar::{Calendar, Component};

use crate::engine::holidays::{AMERICAS_2026, EUROPE_2026};
use crate::support::Test;

/// Run with `--format ics` and parse the calendar it prints.
fn parsed(test: Test) -> Calendar {
    Calendar::from_str(&test.format("ics").stdout_text()).unwrap()
}

/// `slacalc holidays --desk D --year 2026`.
fn holidays_2026(desk: &str) -> Test {
    Test::new().args(["holidays", "--desk", desk, "--year", "2026"])
}

#[test]
fn holidays_round_trip_one_event_per_holiday() {
    // Europe 2026: the 12 dates of the golden-year test, in order.
    let calendar = parsed(holidays_2026("europe"));
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), EUROPE_2026.len());
    let easter_monday = events
        .iter()
        .find(|e| e.get_summary().is_some_and(|s| s.contains("Easter Monday")))
        .unwrap();
    assert_eq!(
        easter_monday.get_start(),
        Some(chrono::NaiveDate::from_ymd_opt(2026, 4, 6).unwrap().into())
    );
    // Americas 2026: 11 federal holidays.
    let calendar = parsed(holidays_2026("americas"));
    assert_eq!(calendar.events().count(), AMERICAS_2026.len());
}

#[test]
fn deadline_as_calendar_events_with_reminders() {
    // Gold P1 at europe, Mon 2026-11-23 10:00 CET: notification 10:30 and
    // response 11:00 CET, i.e. 09:30Z and 10:00Z.
    let calendar =
        parsed(Test::deadline("gold", "p1", "europe").opened("2026-11-23T10:00:00+01:00"));
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 2);
    let starts: Vec<String> = events
        .iter()
        .map(|e| e.property_value("DTSTART").unwrap_or_default().to_string())
        .collect();
    assert_eq!(starts, ["20261123T093000Z", "20261123T100000Z"]);
    let text = calendar.to_string();
    assert_eq!(text.matches("BEGIN:VALARM").count(), 2);
    // The reminder fires 30 minutes (1800 s) before each due time.
    assert_eq!(text.matches("TRIGGER:-PT1800S").count(), 2, "{text}");
}

#[test]
fn ics_is_refused_where_it_means_nothing() {
    Test::new()
        .arg("coverage")
        .format("ics")
        // Each subcommand offers only the formats it can print.
        .bad_input(&["invalid value 'ics'", "possible values: table, json"])
        .run();
}
