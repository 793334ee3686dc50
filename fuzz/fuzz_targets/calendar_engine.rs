//! A desk calendar from fuzzed TOML; if it loads, the engine runs on it:
//! a small `due` on each clock from fixed 2026 instants (around the European
//! and American DST changes), plus elapsed, window_at, next_open and
//! business days. Finds hangs and panics on odd calendars (DST zones,
//! windows across midnight, specials, holiday rules).
#![no_main]

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::clock::{business_days_due, is_business_day, Clock, ClockKind, Pauses};
use slacalc::load::DataSet;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let files = [("calendars/fuzz.toml".to_string(), text.to_string())];
    let Ok(data) = DataSet::from_sources(&files, &[]) else {
        return;
    };
    let Ok(desk) = data.desk("fuzz") else { return };
    let pauses = Pauses::none();
    // 2026-03-28T12:00Z, 2026-10-24T12:00Z, 2026-11-20T16:30Z.
    for from in [1_774_699_200, 1_792_843_200, 1_795_710_600] {
        let from = DateTime::<Utc>::from_timestamp(from, 0).expect("instant");
        for kind in ClockKind::ALL {
            let clock = Clock::new(desk, kind);
            let _ = clock.due(from, TimeDelta::hours(5), &pauses);
            let _ = clock.elapsed(from, from + TimeDelta::days(9), &pauses);
            let _ = clock.window_at(from);
            let _ = clock.next_open(from);
        }
        let _ = business_days_due(desk, from, 3);
    }
    let _ = desk.dated_list_ends();
    let day = NaiveDate::from_ymd_opt(2026, 12, 24).expect("date");
    let _ = desk.holiday(day);
    let _ = is_business_day(desk, day);
    for kind in ClockKind::ALL {
        let _ = desk.windows_on(day, kind);
    }
});
