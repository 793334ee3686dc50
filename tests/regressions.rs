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
