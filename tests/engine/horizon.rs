//! How far a walk may look (a century) and long pauses: the work per ticket
//! is bounded by what the answer needs.

use chrono::TimeDelta;

use super::{at, data, input, local, Clock, ClockKind, DataSet, Pauses};

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
    let pauses = input::pauses(
        &["2026-11-23T11:00/2029-11-23T11:00"],
        europe.zone,
        chrono::DateTime::UNIX_EPOCH,
    )
    .unwrap();
    let due = Clock::new(europe, ClockKind::Extended)
        .due(at(europe, "2026-11-23T10:00"), TimeDelta::hours(2), &pauses)
        .unwrap();
    assert_eq!(local(europe, due), "2029-11-23T12:00:00+01:00");
}

#[test]
fn a_pause_of_ten_thousand_years_is_refused_at_once() {
    // The answer would lie past the century a walk may look ahead.
    let data = DataSet::embedded().unwrap();
    let europe = data.desk("europe").unwrap();
    let pauses = input::pauses(
        &["2026-11-23T11:00:00+01:00/+12026-11-23T11:00:00+01:00"],
        europe.zone,
        chrono::DateTime::UNIX_EPOCH,
    );
    // Such an instant cannot even be typed in RFC 3339 (four-digit years):
    // the pause is refused as input.
    assert!(pauses.is_err());
    let long = Pauses::new(vec![super::Interval {
        start: at(europe, "2026-11-23T11:00"),
        end: at(europe, "2026-11-23T11:00") + TimeDelta::days(3_652_500),
    }])
    .unwrap();
    let error = Clock::new(europe, ClockKind::Extended)
        .due(at(europe, "2026-11-23T10:00"), TimeDelta::hours(2), &long)
        .unwrap_err()
        .to_string();
    assert!(error.contains("within a century"), "{error}");
}

#[test]
fn a_calendar_open_a_second_a_day_answers_within_the_horizon_only() {
    let data = data(&[("tiny", ONE_SECOND_A_DAY)]);
    let tiny = data.desk("tiny").unwrap();
    let clock = Clock::new(tiny, ClockKind::Standard);
    // 60 seconds from 2026-01-01 00:00Z: one second a day, so the 60th
    // runs out on day 60 (31 days of January, 28 of February, then
    // 1 March) at 09:00:01.
    let due = clock
        .due(
            at(tiny, "2026-01-01T00:00"),
            TimeDelta::seconds(60),
            &Pauses::none(),
        )
        .unwrap();
    assert_eq!(local(tiny, due), "2026-03-01T09:00:01+00:00");
    // 100 hours would take 360,000 days, about 986 years: refused after a
    // century of looking, not walked.
    let error = clock
        .due(
            at(tiny, "2026-01-01T00:00"),
            TimeDelta::hours(100),
            &Pauses::none(),
        )
        .unwrap_err()
        .to_string();
    assert!(error.contains("within a century"), "{error}");
}
