//! Inputs found by fuzzing (fuzz/) or review: each once made the library
//! panic or answer wrongly.

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::clock::{Clock, ClockKind, Interval, Pauses};
use slacalc::load::DataSet;

#[test]
fn window_at_the_first_representable_instant() {
    // `window_at` looked two days back with a subtraction that overflowed
    // at chrono's minimum instant. It must answer (or refuse), not panic.
    let data = DataSet::embedded().unwrap();
    for desk in ["americas", "europe", "middle-east", "uae"] {
        let calendar = data.desk(desk).unwrap();
        for kind in ClockKind::ALL {
            let clock = Clock::new(calendar, kind);
            let _ = clock.window_at(DateTime::<Utc>::MIN_UTC);
            let _ = clock.window_at(DateTime::<Utc>::MAX_UTC);
        }
    }
}

#[test]
fn a_plan_target_of_centuries_is_refused_not_walked() {
    // Found while fuzzing the TOML loaders: 4294967295 hours on the 24x7
    // clock walked day by day to the year 9999 before failing. Amounts over
    // a century are refused at once.
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::write(
        plans.join("huge.toml"),
        "[[priority]]\nid = \"P1\"\n[plan.huge]\nbusiness_clock = \"extended\"\nresponse.P1 = { amount = 4294967295, unit = \"hours\", clock = \"24x7\" }\n",
    )
    .unwrap();
    crate::cli::fails_with(
        &[
            "--data",
            dir.path().to_str().unwrap(),
            "deadline",
            "--plan",
            "huge",
            "--priority",
            "p1",
            "--desk",
            "europe",
            "--opened",
            "2026-11-23T10:00:00+01:00",
        ],
        "more than a century",
    );
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
