//! How far a walk may look (a century) and long pauses: the work per ticket
//! is bounded by what the answer needs.

use chrono::TimeDelta;

use super::{at, desk, input, local, Clock, ClockKind, DataSet, Interval, Pauses};

/// Open one second a day, every day, in UTC.
const ONE_SECOND_A_DAY: &str = r#"
timezone = "UTC"

[[hours]]
standard = { mon = ["09:00:00-09:00:01"], tue = ["09:00:00-09:00:01"], wed = ["09:00:00-09:00:01"], thu = ["09:00:00-09:00:01"], fri = ["09:00:00-09:00:01"], sat = ["09:00:00-09:00:01"], sun = ["09:00:00-09:00:01"] }
"#;

#[test]
fn answers_within_the_horizon_and_refusals_beyond_it() {
    let embedded = DataSet::embedded().unwrap();
    let europe = embedded.desk("europe").unwrap();
    let tiny = desk("tiny", ONE_SECOND_A_DAY);
    let pause_from = |start: &str, days: i64| {
        let start = at(europe, start);
        Pauses::new(vec![Interval {
            start,
            end: start + TimeDelta::days(days),
        }])
        .unwrap()
    };
    let none = Pauses::none();
    #[rustfmt::skip]
    let cases = [
        // Europe, extended clock, from Mon 2026-11-23 10:00 CET: 1 h counts
        // up to a pause at 11:00 lasting three years (1,096 days, with
        // 2028's 29 February) to Fri 2029-11-23 11:00 (no Italian holiday,
        // extended hours 09:00-18:00), where the second hour runs out at
        // 12:00. The pause is jumped, not walked.
        (europe, ClockKind::Extended, "2026-11-23T10:00", TimeDelta::hours(2), pause_from("2026-11-23T11:00", 1_096), Ok("2029-11-23T12:00:00+01:00")),
        // A pause of ten thousand years: the answer would lie past the
        // century a walk may look ahead; refused at once.
        (europe, ClockKind::Extended, "2026-11-23T10:00", TimeDelta::hours(2), pause_from("2026-11-23T11:00", 3_652_500), Err("within a century")),
        // Open one second a day: 60 seconds from 2026-01-01 00:00Z run out
        // on day 60 (31 days of January, 28 of February, then 1 March) at
        // 09:00:01.
        (tiny, ClockKind::Standard, "2026-01-01T00:00", TimeDelta::seconds(60), none.clone(), Ok("2026-03-01T09:00:01+00:00")),
        // 100 hours would take 360,000 days, about 986 years: refused after
        // a century of looking, not walked.
        (tiny, ClockKind::Standard, "2026-01-01T00:00", TimeDelta::hours(100), none, Err("within a century")),
    ];
    for (desk, kind, from, amount, pauses, expected) in cases {
        let got = Clock::new(desk, kind)
            .due(at(desk, from), amount, &pauses)
            .map(|due| local(desk, due))
            .map_err(|e| e.to_string());
        match expected {
            Ok(due) => assert_eq!(got.as_deref(), Ok(due), "{from} + {amount}"),
            Err(fragment) => assert!(
                got.as_ref().is_err_and(|e| e.contains(fragment)),
                "{from} + {amount}: {got:?}"
            ),
        }
    }
}

#[test]
fn a_pause_past_the_year_9999_cannot_be_typed() {
    // RFC 3339 spells four-digit years: such a pause is refused as input.
    let embedded = DataSet::embedded().unwrap();
    let europe = embedded.desk("europe").unwrap();
    let typed = input::pauses(
        &["2026-11-23T11:00:00+01:00/+12026-11-23T11:00:00+01:00"],
        europe.zone,
        chrono::DateTime::UNIX_EPOCH,
    );
    assert!(typed.is_err());
}
