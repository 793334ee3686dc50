//! Inputs found by fuzzing (fuzz/): each once made the library panic.

use chrono::{DateTime, Utc};
use slacalc::clock::{Clock, ClockKind};
use slacalc::dataset::DataSet;

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
