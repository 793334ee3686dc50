//! iCalendar output parses back with the same crate.

use std::str::FromStr;

use icalendar::{Calendar, Component};

use crate::cli::slacalc;
use crate::holidays::{AMERICAS_2026, EUROPE_2026};

fn parsed(args: &[&str]) -> Calendar {
    let out = slacalc(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Calendar::from_str(&String::from_utf8_lossy(&out.stdout)).unwrap()
}

#[test]
fn holidays_round_trip_one_event_per_holiday() {
    // Europe 2026: the 12 dates of the golden-year test, in order.
    let calendar = parsed(&[
        "holidays", "--desk", "europe", "--year", "2026", "--format", "ics",
    ]);
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
    let calendar = parsed(&[
        "holidays", "--desk", "americas", "--year", "2026", "--format", "ics",
    ]);
    assert_eq!(calendar.events().count(), AMERICAS_2026.len());
}

#[test]
fn deadline_as_calendar_events_with_reminders() {
    // Gold P1 at europe, Mon 2026-11-23 10:00 CET: notification 10:30 and
    // response 11:00 CET, i.e. 09:30Z and 10:00Z.
    let calendar = parsed(&[
        "deadline",
        "--plan",
        "gold",
        "--priority",
        "p1",
        "--desk",
        "europe",
        "--opened",
        "2026-11-23T10:00:00+01:00",
        "--format",
        "ics",
    ]);
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
    crate::cli::fails_with(
        &["coverage", "--format", "ics"],
        "--format ics is for deadline and holidays",
    );
}
