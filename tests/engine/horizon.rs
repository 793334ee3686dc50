//! How far a walk may look (a century) and long pauses: the work per ticket
//! is bounded by what the answer needs.

use chrono::TimeDelta;

use super::{at, data, input, local, Calendar, Clock, ClockKind, DataSet, Pauses};

/// Pauses typed at a desk.
fn typed_pauses(desk: &Calendar, texts: &[&str]) -> slacalc::Result<Pauses> {
    input::pauses(texts, desk.zone, chrono::DateTime::UNIX_EPOCH)
}

/// Clock time due from a local time at a desk, the error as text.
fn due_text(
    desk: &Calendar,
    kind: ClockKind,
    from: &str,
    amount: TimeDelta,
    p: &Pauses,
) -> Result<String, String> {
    Clock::new(desk, kind)
        .due(at(desk, from), amount, p)
        .map(|due| local(desk, due))
        .map_err(|e| e.to_string())
}

/// Open one second a day, every day, in UTC.
const ONE_SECOND_A_DAY: &str = r#"
timezone = "UTC"

[[hours]]
standard = { mon = ["09:00:00-09:00:01"], tue = ["09:00:00-09:00:01"], wed = ["09:00:00-09:00:01"], thu = ["09:00:00-09:00:01"], fri = ["09:00:00-09:00:01"], sat = ["09:00:00-09:00:01"], sun = ["09:00:00-09:00:01"] }
"#;

#[test]
fn a_pause_of_years_is_jumped_not_walked() {
    // Europe, extended clock, from Mon 2026-11-23 10:00 CET: 1 h counts up
    // to the pause at 11:00; the pause lasts until Fri 2029-11-23 11:00 (no
    // Italian holiday, extended hours 09:00-18:00), where the second hour
    // runs out at 12:00.
    let data = DataSet::embedded().unwrap();
    let europe = data.desk("europe").unwrap();
    let pauses = typed_pauses(europe, &["2026-11-23T11:00/2029-11-23T11:00"]).unwrap();
    let due = due_text(
        europe,
        ClockKind::Extended,
        "2026-11-23T10:00",
        TimeDelta::hours(2),
        &pauses,
    );
    assert_eq!(due.as_deref(), Ok("2029-11-23T12:00:00+01:00"));
}

#[test]
fn a_pause_of_ten_thousand_years_is_refused_at_once() {
    let data = DataSet::embedded().unwrap();
    let europe = data.desk("europe").unwrap();
    // Such an instant cannot even be typed in RFC 3339 (four-digit years):
    // the pause is refused as input.
    assert!(typed_pauses(
        europe,
        &["2026-11-23T11:00:00+01:00/+12026-11-23T11:00:00+01:00"]
    )
    .is_err());
    // Given as instants, the answer would lie past the century a walk may
    // look ahead: refused.
    let start = at(europe, "2026-11-23T11:00");
    let end = start + TimeDelta::days(3_652_500);
    let long = Pauses::new(vec![super::Interval { start, end }]).unwrap();
    let due = due_text(
        europe,
        ClockKind::Extended,
        "2026-11-23T10:00",
        TimeDelta::hours(2),
        &long,
    );
    assert!(
        due.as_ref().is_err_and(|e| e.contains("within a century")),
        "{due:?}"
    );
}

#[test]
fn a_calendar_open_a_second_a_day_answers_within_the_horizon_only() {
    let data = data(&[("tiny", ONE_SECOND_A_DAY)]);
    let tiny = data.desk("tiny").unwrap();
    let none = Pauses::none();
    // 60 seconds from 2026-01-01 00:00Z: one second a day, so the 60th
    // runs out on day 60 (31 days of January, 28 of February, then
    // 1 March) at 09:00:01.
    let due = due_text(
        tiny,
        ClockKind::Standard,
        "2026-01-01T00:00",
        TimeDelta::seconds(60),
        &none,
    );
    assert_eq!(due.as_deref(), Ok("2026-03-01T09:00:01+00:00"));
    // 100 hours would take 360,000 days, about 986 years: refused after a
    // century of looking, not walked.
    let due = due_text(
        tiny,
        ClockKind::Standard,
        "2026-01-01T00:00",
        TimeDelta::hours(100),
        &none,
    );
    assert!(
        due.as_ref().is_err_and(|e| e.contains("within a century")),
        "{due:?}"
    );
}
