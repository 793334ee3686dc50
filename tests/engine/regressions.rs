//! Inputs found by fuzzing (fuzz/) or review: each once made the library
//! panic or answer wrongly.

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::clock::{Clock, ClockKind, Interval, Pauses};
use slacalc::load::DataSet;

use crate::support::Test;

/// What `window_at` must say at an edge of representable time.
#[derive(Debug, Clone, Copy)]
enum Edge {
    /// The clock is stopped there (`Ok(None)`).
    Closed,
    /// Open from that instant (the first representable one) until less
    /// than a day later.
    OpenFromMin,
    /// Refused with an error containing this text.
    Refused(&'static str),
}

#[test]
fn window_at_the_first_representable_instant() {
    // `window_at` looked two days back with a subtraction that overflowed
    // at chrono's minimum instant. It must answer (or refuse), not panic,
    // and the answer must be the one SPEC gives:
    // - MIN_UTC (-262143-01-01T00:00Z) is, in local time, about 00:50 in
    //   Rome and about 19:00 the day before in New York (their old offsets
    //   are under an hour east and about five hours west). Both desks'
    //   standard and extended windows (SPEC §2: 09-18, americas 07-17 and
    //   Saturday/holiday 07-12) are shut at those hours whatever the
    //   weekday: Closed.
    // - The Dubai desks need that date's windows, and their dated holiday
    //   lists cover 2025-2028 only (SPEC §3: a dated list is needed for a
    //   date whose open windows the answer reads): refused, naming the
    //   year.
    // - The 24x7 clock never stops (SPEC §3), so at MIN_UTC it is open; its
    //   first day's window can start no earlier than MIN_UTC itself.
    //   (americas is left out here: see the ignored test below.)
    // - At MAX_UTC (year 262142) every answer is refused: the Dubai desks
    //   lack holiday data for that year, and every other calendar ends with
    //   9999, the last year an RFC 3339 time (SPEC §8) can spell.
    let data = DataSet::embedded().unwrap();
    let min = DateTime::<Utc>::MIN_UTC;
    let no_data_min = Edge::Refused("no dates for holiday 'Eid al-Fitr' in -262143");
    let no_data_max = Edge::Refused("no dates for holiday 'Eid al-Fitr' in 262142");
    let after_9999 = Edge::Refused("after 9999");
    let cases = [
        ("americas", ClockKind::Standard, Edge::Closed, after_9999),
        ("americas", ClockKind::Extended, Edge::Closed, after_9999),
        ("europe", ClockKind::Standard, Edge::Closed, after_9999),
        ("europe", ClockKind::Extended, Edge::Closed, after_9999),
        ("europe", ClockKind::AllDay, Edge::OpenFromMin, after_9999),
        ("middle-east", ClockKind::Standard, no_data_min, no_data_max),
        ("middle-east", ClockKind::Extended, no_data_min, no_data_max),
        (
            "middle-east",
            ClockKind::AllDay,
            Edge::OpenFromMin,
            after_9999,
        ),
        ("uae", ClockKind::Standard, no_data_min, no_data_max),
        ("uae", ClockKind::Extended, no_data_min, no_data_max),
        ("uae", ClockKind::AllDay, Edge::OpenFromMin, after_9999),
    ];
    let mut wrong = Vec::new();
    for (desk, kind, at_min, at_max) in cases {
        let clock = Clock::new(data.desk(desk).unwrap(), kind);
        for (t, want) in [(min, at_min), (DateTime::<Utc>::MAX_UTC, at_max)] {
            let got = clock.window_at(t);
            let right = match (&got, want) {
                (Ok(None), Edge::Closed) => true,
                (Ok(Some(w)), Edge::OpenFromMin) => {
                    w.start == min && min < w.end && w.end <= min + TimeDelta::days(1)
                }
                (Err(e), Edge::Refused(text)) => e.to_string().contains(text),
                _ => false,
            };
            if !right {
                wrong.push(format!(
                    "{desk} {kind:?} at {t}: {got:?}, expected {want:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
#[ignore = "window_at says the americas 24x7 clock is stopped at MIN_UTC"]
fn around_the_clock_is_never_stopped_at_the_first_instant() {
    // The 24x7 clock never stops (SPEC §3): at MIN_UTC it must be open or
    // refuse. At the americas desk MIN_UTC is local time on the day before
    // the first representable date, and window_at answers Ok(None).
    let data = DataSet::embedded().unwrap();
    let clock = Clock::new(data.desk("americas").unwrap(), ClockKind::AllDay);
    let got = clock.window_at(DateTime::<Utc>::MIN_UTC);
    assert!(!matches!(got, Ok(None)), "{got:?}");
}

#[test]
fn a_plan_target_of_centuries_is_refused_not_walked() {
    // Found while fuzzing the TOML loaders: 4294967295 hours on the 24x7
    // clock walked day by day to the year 9999 before failing. Amounts over
    // a century are refused at once.
    Test::deadline("huge", "p1", "europe")
        .data(&[(
            "plans/huge.toml",
            "[[priority]]\nid = \"P1\"\n[plan.huge]\nbusiness_clock = \"extended\"\nresponse.P1 = { amount = 4294967295, unit = \"hours\", clock = \"24x7\" }\n",
        )])
        .opened("2026-11-23T10:00:00+01:00")
        .bad_input(&["more than a century"])
        .run();
}

#[test]
fn around_the_clock_on_the_first_representable_day() {
    // Found by the engine target with its invariant checks: on the 24x7
    // clock, one second after chrono's first instant, 6,911 seconds were
    // due 6,911 seconds later (wall time), but the walk that measures
    // elapsed time found nothing to count, because it starts a day early
    // and there is no earlier day. Both now agree with wall time, and the
    // first day's window contains that instant.
    let data = DataSet::embedded().unwrap();
    let from = DateTime::<Utc>::MIN_UTC + TimeDelta::seconds(1);
    let amount = TimeDelta::seconds(6911);
    let clock = Clock::new(data.desk("uae").unwrap(), ClockKind::AllDay);
    let due = clock.due(from, amount, &Pauses::none()).unwrap();
    assert_eq!(due, from + amount);
    assert_eq!(clock.elapsed(from, due, &Pauses::none()).unwrap(), amount);
    assert!(clock.window_at(from).unwrap().is_some());
}

#[test]
fn around_the_clock_to_the_last_midnight() {
    // Found in review: the 24x7 shortcut refused a due instant at local
    // 10000-01-01T00:00, which the day walk gives (the close of the last
    // day of 9999). 9999-12-31T19:00Z is 23:00 in Dubai (+04:00); 60
    // minutes later is that midnight, with or without a pause that ends
    // before the opening.
    let data = DataSet::embedded().unwrap();
    let clock = Clock::new(data.desk("uae").unwrap(), ClockKind::AllDay);
    let from: DateTime<Utc> = "9999-12-31T19:00:00Z".parse().unwrap();
    let earlier: DateTime<Utc> = "9999-12-31T10:00:00Z".parse().unwrap();
    let pause = Pauses::new(vec![Interval {
        start: earlier,
        end: earlier + TimeDelta::hours(1),
    }])
    .unwrap();
    let expected = from + TimeDelta::minutes(60);
    for pauses in [Pauses::none(), pause] {
        assert_eq!(
            clock.due(from, TimeDelta::minutes(60), &pauses).unwrap(),
            expected
        );
    }
}
