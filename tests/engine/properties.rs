//! Property tests of the business-time engine (SPEC §3) over the embedded
//! desk calendars: due/elapsed round trips, monotonicity, pauses,
//! additivity, the 24/7 clock and business days.
//!
//! The deadline law (SPEC §3): `due(from, d, p)` is the earliest `t >= from`
//! with `elapsed(from, t, p) >= d`. Everything below follows from that law
//! and from `elapsed` being additive and non-decreasing in `until`.

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::select;

use super::{business_days_with_pauses, Calendar, Clock, ClockKind, DataSet, Interval, Pauses};

const DESKS: [&str; 4] = ["americas", "europe", "middle-east", "uae"];
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// 60 business hours, the largest amount drawn.
const MAX_AMOUNT: i64 = 60 * HOUR;

fn data() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::embedded().unwrap())
}

fn desk(name: &str) -> &'static Calendar {
    data().desk(name).unwrap()
}

fn at(ts: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(ts, 0).unwrap()
}

fn secs(s: i64) -> TimeDelta {
    TimeDelta::seconds(s)
}

fn year_start() -> i64 {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp()
}

fn year_end() -> i64 {
    Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp()
}

// ---------------------------------------------------------------- strategies

fn desk_name() -> impl Strategy<Value = &'static str> {
    select(DESKS.to_vec())
}

fn clock_kind() -> impl Strategy<Value = ClockKind> {
    select(ClockKind::ALL.to_vec())
}

/// A start instant in 2026, to the second: uniform over the year, on a whole
/// UTC hour (every desk's offset is whole hours, so this hits window edges),
/// or anywhere on a DST-change day of Rome or New York (± a few hours).
fn start() -> impl Strategy<Value = DateTime<Utc>> {
    let dst_days: Vec<i64> = [(3, 29), (10, 25), (3, 8), (11, 1)]
        .iter()
        .map(|&(m, d)| {
            NaiveDate::from_ymd_opt(2026, m, d)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp()
        })
        .collect();
    prop_oneof![
        3 => (year_start()..year_end()).prop_map(at),
        1 => (0..(year_end() - year_start()) / HOUR).prop_map(|h| at(year_start() + h * HOUR)),
        2 => (select(dst_days), -6 * HOUR..30 * HOUR).prop_map(|(day, off)| at(day + off)),
        1 => (select(vec![
                // Exactly around the DST transitions themselves (UTC).
                Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap().timestamp(),
                Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap().timestamp(),
                Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap().timestamp(),
                Utc.with_ymd_and_hms(2026, 11, 1, 6, 0, 0).unwrap().timestamp(),
            ]), -2 * HOUR..=2 * HOUR).prop_map(|(t, off)| at(t + off)),
    ]
}

/// 0 to 60 business hours, in seconds; often whole hours or minutes so that
/// targets run out exactly at closing times.
fn amount() -> impl Strategy<Value = TimeDelta> {
    prop_oneof![
        3 => (0..=MAX_AMOUNT).prop_map(secs),
        2 => (0..=60i64).prop_map(|h| secs(h * HOUR)),
        1 => (0..=60 * 60i64).prop_map(|m| secs(m * 60)),
        1 => Just(TimeDelta::zero()),
    ]
}

/// Offsets of 0–3 pauses relative to the start: from a day before to four
/// days after, sorted and paired up, so they never overlap. Sometimes on
/// whole hours (pause edges on window edges).
fn pause_offsets() -> impl Strategy<Value = Vec<(i64, i64)>> {
    let point = prop_oneof![
        3 => -DAY..4 * DAY,
        1 => (-24i64..96).prop_map(|h| h * HOUR),
    ];
    (0usize..=3)
        .prop_flat_map(move |n| proptest::collection::vec(point.clone(), 2 * n))
        .prop_map(|mut points| {
            points.sort_unstable();
            points.dedup();
            points
                .chunks_exact(2)
                .map(|pair| (pair[0], pair[1]))
                .collect()
        })
}

/// What most laws take: a desk, a clock, a start, an amount of clock time
/// and the offsets of pauses around the start.
type LawInputs = (
    &'static str,
    ClockKind,
    DateTime<Utc>,
    TimeDelta,
    Vec<(i64, i64)>,
);

fn law_inputs() -> impl Strategy<Value = LawInputs> {
    (
        desk_name(),
        clock_kind(),
        start(),
        amount(),
        pause_offsets(),
    )
}

fn pauses_at(from: DateTime<Utc>, offsets: &[(i64, i64)]) -> Pauses {
    Pauses::new(
        offsets
            .iter()
            .map(|&(a, b)| Interval {
                start: from + secs(a),
                end: from + secs(b),
            })
            .collect(),
    )
    .unwrap()
}

fn show(desk: &str, kind: ClockKind, from: DateTime<Utc>, p: &Pauses) -> String {
    let zone = self::desk(desk).zone;
    let pauses: Vec<String> = p
        .as_slice()
        .iter()
        .map(|i| format!("{}/{}", i.start.to_rfc3339(), i.end.to_rfc3339()))
        .collect();
    format!(
        "desk={desk} clock={kind} from={} ({}) pauses={pauses:?}",
        from.to_rfc3339(),
        from.with_timezone(&zone).to_rfc3339()
    )
}

/// The clock of `kind` at `desk`, the pauses at `offs` from `from`, and the
/// context a failure shows.
fn setup(
    desk: &str,
    kind: ClockKind,
    from: DateTime<Utc>,
    offs: &[(i64, i64)],
) -> (Clock<'static>, Pauses, String) {
    let p = pauses_at(from, offs);
    let ctx = show(desk, kind, from, &p);
    (Clock::new(self::desk(desk), kind), p, ctx)
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(config(4000))]

    /// 1. Round trip, and the due instant is the *earliest* one:
    /// elapsed(from, due(from, d)) == d, and one second earlier it is < d.
    #[test]
    fn round_trip_and_earliest((desk, kind, from, d, offs) in law_inputs()) {
        let (clock, p, ctx) = setup(desk, kind, from, &offs);
        let due = clock.due(from, d, &p).unwrap();
        prop_assert_eq!(clock.elapsed(from, due, &p).unwrap(), d, "{} d={} due={}", ctx, d, due);
        if d > TimeDelta::zero() {
            prop_assert!(due > from, "{} d={} due={}", ctx, d, due);
            let before = clock.elapsed(from, due - secs(1), &p).unwrap();
            prop_assert!(before < d, "{} d={} due={} not the earliest", ctx, d, due);
            // The last second before the due instant is counted time.
            prop_assert_eq!(clock.elapsed(due - secs(1), due, &p).unwrap(), secs(1), "{} d={} due={}", ctx, d, due);
        }
    }

    /// 2. Monotonic in the start (same pauses).
    #[test]
    fn monotonic_in_start(desk in desk_name(), kind in clock_kind(), from1 in start(),
                          shift in prop_oneof![0..=3 * DAY, 0..=2 * HOUR, Just(1i64)],
                          d in amount(), offs in pause_offsets()) {
        let (clock, p, ctx) = setup(desk, kind, from1, &offs);
        let from2 = from1 + secs(shift);
        let [due1, due2] = [from1, from2].map(|from| clock.due(from, d, &p).unwrap());
        prop_assert!(due1 <= due2, "{} from2={} d={} due1={} due2={}", ctx, from2, d, due1, due2);
    }

    /// 3. Monotonic in the amount.
    #[test]
    fn monotonic_in_amount(desk in desk_name(), kind in clock_kind(), from in start(),
                           d1 in amount(), extra in prop_oneof![0..=MAX_AMOUNT, 0..=60i64, Just(1i64)],
                           offs in pause_offsets()) {
        let (clock, p, ctx) = setup(desk, kind, from, &offs);
        let d2 = d1 + secs(extra);
        let [due1, due2] = [d1, d2].map(|d| clock.due(from, d, &p).unwrap());
        prop_assert!(due1 <= due2, "{} d1={} d2={} due1={} due2={}", ctx, d1, d2, due1, due2);
        if extra > 0 {
            // More time is strictly later: the earliest instant is unique.
            prop_assert!(due1 < due2, "{} d1={} d2={} due={}", ctx, d1, d2, due1);
        }
    }

    /// 4. Pauses never make a deadline earlier: none ≤ any subset ≤ all.
    #[test]
    fn pauses_never_earlier((desk, kind, from, d, offs) in law_inputs()) {
        let (clock, p, ctx) = setup(desk, kind, from, &offs);
        let with_all = clock.due(from, d, &p).unwrap();
        let without = clock.due(from, d, &Pauses::none()).unwrap();
        prop_assert!(without <= with_all, "{} d={} none={} paused={}", ctx, d, without, with_all);
        for skip in 0..offs.len() {
            let fewer: Vec<(i64, i64)> = offs.iter().enumerate()
                .filter(|&(i, _)| i != skip).map(|(_, &o)| o).collect();
            let with_fewer = clock.due(from, d, &pauses_at(from, &fewer)).unwrap();
            prop_assert!(with_fewer <= with_all, "{} d={} without pause #{}: {} with all: {}",
                         ctx, d, skip, with_fewer, with_all);
        }
    }

    /// 5. due(from, d) >= from, and due(from, 0) == from (SPEC §3: a zero
    /// target is due at the opening itself, even outside hours or in a pause).
    #[test]
    fn due_not_before_start((desk, kind, from, d, offs) in law_inputs()) {
        let (clock, p, ctx) = setup(desk, kind, from, &offs);
        let due = clock.due(from, d, &p).unwrap();
        prop_assert!(due >= from, "{} d={} due={}", ctx, d, due);
        prop_assert_eq!(clock.due(from, TimeDelta::zero(), &p).unwrap(), from);
        prop_assert_eq!(clock.elapsed(from, from, &p).unwrap(), TimeDelta::zero());
    }

    /// 6. Additivity: due(due(from, a), b) == due(from, a + b).
    ///
    /// Stated precisely: for every a, b >= 0 and any fixed set of pauses,
    /// on every clock. Proof from the law: t1 = due(from, a) has
    /// elapsed(from, t1) = a exactly, and every t < t1 has less than a, so
    /// the earliest t with elapsed(from, t) >= a + b is >= t1, where
    /// elapsed(from, t) = a + elapsed(t1, t). The edge cases agree: a = 0
    /// gives t1 = from; a ending at a closing time gives t1 = that closing
    /// time, from which b > 0 resumes at the next opening exactly as the
    /// uninterrupted count does, and b = 0 stays at t1 = due(from, a). (What
    /// would break it: resolving a run-out at closing time to the next
    /// opening, or a zero target to the next opening — SPEC §3 rules both out.)
    #[test]
    fn additivity(desk in desk_name(), kind in clock_kind(), from in start(),
                  a in amount(), b in amount(), offs in pause_offsets(), paused in any::<bool>()) {
        let p = if paused { pauses_at(from, &offs) } else { Pauses::none() };
        let clock = Clock::new(self::desk(desk), kind);
        let t1 = clock.due(from, a, &p).unwrap();
        let chained = clock.due(t1, b, &p).unwrap();
        let direct = clock.due(from, a + b, &p).unwrap();
        prop_assert_eq!(chained, direct, "{} a={} b={} t1={}", show(desk, kind, from, &p), a, b, t1);
    }

    /// 7. The 24/7 clock is real elapsed time, across DST, and the due
    /// instant agrees with a walk done here. Without pauses the engine takes
    /// a shortcut (due = from + d); a pause that ends before `from` changes
    /// nothing but makes it walk the days, so both ways must agree. With
    /// pauses, the due instant is the one found by stepping over the pauses
    /// in order, and elapsed is real time minus paused time.
    #[test]
    fn all_day_is_real_time(desk in desk_name(), from in start(), d in amount(),
                            offs in pause_offsets()) {
        let clock = Clock::new(self::desk(desk), ClockKind::AllDay);
        let shortcut = clock.due(from, d, &Pauses::none()).unwrap();
        let before = pauses_at(from, &[(-2, -1)]);
        let walked = clock.due(from, d, &before).unwrap();
        prop_assert_eq!(walked, shortcut, "{} d={}", show(desk, ClockKind::AllDay, from, &before), d);
        prop_assert_eq!(clock.elapsed(from, from + d, &Pauses::none()).unwrap(), d);
        let p = pauses_at(from, &offs);
        let ctx = show(desk, ClockKind::AllDay, from, &p);
        prop_assert_eq!(clock.due(from, d, &p).unwrap(), all_day_due(from, d, &p), "{} d={}", ctx, d);
        let until = from + d;
        let paused: TimeDelta = p.as_slice().iter()
            .map(|i| (i.end.min(until) - i.start.max(from)).max(TimeDelta::zero()))
            .sum();
        prop_assert_eq!(clock.elapsed(from, until, &p).unwrap(), d - paused,
                        "{} until={}", ctx, until);
    }
}

/// The due instant on a clock that never stops, found without the engine:
/// count the wall time between the pauses (sorted, not overlapping) until
/// `d` is used up. Zero is due at `from` itself (SPEC §3).
fn all_day_due(from: DateTime<Utc>, d: TimeDelta, pauses: &Pauses) -> DateTime<Utc> {
    let (mut t, mut left) = (from, d);
    if left.is_zero() {
        return from;
    }
    for pause in pauses.as_slice() {
        if pause.end <= t {
            continue;
        }
        if pause.start > t {
            let running = pause.start - t;
            if running >= left {
                return t + left;
            }
            left -= running;
        }
        t = pause.end;
    }
    t + left
}

proptest! {
    #![proptest_config(config(1000))]

    /// 8. Business days: the n-th one is at the close of a standard window
    /// (counted time up to it, none in the second after), strictly after
    /// the start for n >= 1 and strictly increasing in n.
    #[test]
    fn business_days(desk in desk_name(), from in start(), max_n in 1u32..=12) {
        let cal = self::desk(desk);
        let standard = Clock::new(cal, ClockKind::Standard);
        let none = Pauses::none();
        prop_assert_eq!(business_days_with_pauses(cal, from, 0, &none).unwrap(), from);
        let mut previous = from;
        for n in 1..=max_n {
            let due = business_days_with_pauses(cal, from, n, &none).unwrap();
            let ctx = format!("desk={desk} from={} n={n} due={}", from.to_rfc3339(),
                              due.with_timezone(&cal.zone).to_rfc3339());
            prop_assert!(due > previous, "{} previous={}", ctx, previous);
            prop_assert_eq!(standard.elapsed(due, due + secs(1), &none).unwrap(), TimeDelta::zero(), "{}", ctx);
            prop_assert_eq!(standard.elapsed(due - secs(1), due, &none).unwrap(), secs(1), "{}", ctx);
            // On a later local date than the start.
            prop_assert!(due.with_timezone(&cal.zone).date_naive() > from.with_timezone(&cal.zone).date_naive(), "{}", ctx);
            previous = due;
        }
    }

    /// 8b. Business days with pauses (SPEC §3): the standard-clock time L
    /// from the opening to the unpaused due D0, re-counted with pauses.
    #[test]
    fn business_days_pauses(desk in desk_name(), from in start(), n in 1u32..=5,
                            offs in pause_offsets()) {
        let cal = self::desk(desk);
        let standard = Clock::new(cal, ClockKind::Standard);
        let none = Pauses::none();
        let p = pauses_at(from, &offs);
        let d0 = business_days_with_pauses(cal, from, n, &none).unwrap();
        let due = business_days_with_pauses(cal, from, n, &p).unwrap();
        let ctx = show(desk, ClockKind::Standard, from, &p);
        prop_assert!(due >= d0, "{} n={} d0={} due={}", ctx, n, d0, due);
        let l = standard.elapsed(from, d0, &none).unwrap();
        prop_assert_eq!(standard.elapsed(from, due, &p).unwrap(), l, "{} n={}", ctx, n);
        prop_assert_eq!(due, standard.due(from, l, &p).unwrap(), "{} n={}", ctx, n);
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// 9. A whole local day on a clock holds exactly the calendar's windows
    /// of that date (no embedded window edge lies in a DST gap), and on the
    /// 24/7 clock the real length of the day: 23 h or 25 h on DST days.
    #[test]
    fn whole_day_matches_calendar(desk in desk_name(), kind in clock_kind(),
                                  day in prop_oneof![0i64..365, select(vec![66i64, 87, 297, 304])],
                                  offs in pause_offsets()) {
        let cal = self::desk(desk);
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + TimeDelta::days(day);
        let midnight = |d: NaiveDate| {
            cal.zone.from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap()).earliest().unwrap().with_timezone(&Utc)
        };
        let (start, end) = (midnight(date), midnight(date.succ_opt().unwrap()));
        let clock = Clock::new(cal, kind);
        let expected = match kind {
            ClockKind::AllDay => end - start,
            _ => secs(cal.windows_on(date, kind).unwrap().iter().map(|w| i64::from(w.length())).sum()),
        };
        prop_assert_eq!(clock.elapsed(start, end, &Pauses::none()).unwrap(), expected,
                        "desk={} clock={} date={}", desk, kind, date);
        // Splitting the day anywhere (here: at the pause points) adds up.
        let p = pauses_at(start, &offs);
        let mut cuts: Vec<DateTime<Utc>> = p.as_slice().iter().flat_map(|i| [i.start, i.end])
            .filter(|t| *t > start && *t < end).collect();
        cuts.insert(0, start);
        cuts.push(end);
        let total: TimeDelta = cuts.windows(2)
            .map(|w| clock.elapsed(w[0], w[1], &Pauses::none()).unwrap()).sum();
        prop_assert_eq!(total, expected, "desk={} clock={} date={} cuts={:?}", desk, kind, date, cuts);
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// 10. Windows of adjacent days that overlap across midnight count once.
    /// A calendar may have a standard night window (Monday 22:00–06:00) and
    /// an extended Tuesday window that starts before 06:00: the check on
    /// overlapping windows covers one weekly pattern only, so this calendar
    /// is valid, and the extended clock is open from Monday 22:00 to Tuesday
    /// 13:00 — 15 hours, whatever the Tuesday window's start. Due instants
    /// stay strictly increasing in the amount.
    #[test]
    fn night_window_overlapping_next_day(tue_start in 0u32..6, from_h in 0i64..36, d_s in 1i64..=15 * HOUR) {
        let text = format!(
            "timezone = \"UTC\"\n[[hours]]\nstandard = {{ mon = [\"22:00-06:00\"] }}\nextended = {{ tue = [\"{tue_start:02}:00-13:00\"] }}\n"
        );
        let data = DataSet::from_sources(&[("calendars/night.toml".to_string(), text)], &[]).unwrap();
        let clock = Clock::new(data.desk("night").unwrap(), ClockKind::Extended);
        let none = Pauses::none();
        // 2026-03-02 is a Monday.
        let monday = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
        let wednesday = monday + TimeDelta::days(2);
        prop_assert_eq!(clock.elapsed(monday, wednesday, &none).unwrap(), secs(15 * HOUR),
                        "tue window {:02}:00-13:00: {:?}", tue_start,
                        clock.windows_between(monday, wednesday, &none).unwrap());
        let from = monday + secs(from_h * HOUR);
        let d = secs(d_s);
        let due = clock.due(from, d, &none).unwrap();
        prop_assert_eq!(clock.elapsed(from, due, &none).unwrap(), d, "from={} d={} due={}", from, d, due);
        let later = clock.due(from, d + secs(1), &none).unwrap();
        prop_assert!(later > due, "tue window {:02}:00: from={} d={} due={} due(d+1s)={}",
                     tue_start, from, d, due, later);
    }

    /// 9. Counting back (`before`) undoes counting forward: exactly `d` of
    /// clock time lies between `before(t, d)` and `t`; counting `d` forward
    /// from there is due at or before `t`, and exactly at `t` when the
    /// second before `t` is counted time (a later start would have less).
    #[test]
    fn before_undoes_due((desk, kind, t, d, offs) in law_inputs()) {
        let (clock, p, ctx) = setup(desk, kind, t, &offs);
        let start = clock.before(t, d, &p).unwrap();
        prop_assert!(start <= t, "{} d={} before={}", ctx, d, start);
        prop_assert_eq!(clock.elapsed(start, t, &p).unwrap(), d, "{} d={} before={}", ctx, d, start);
        let due = clock.due(start, d, &p).unwrap();
        prop_assert!(due <= t, "{} d={} before={} due={}", ctx, d, start, due);
        if d > TimeDelta::zero() && clock.elapsed(t - secs(1), t, &p).unwrap() == secs(1) {
            prop_assert_eq!(due, t, "{} d={} before={}", ctx, d, start);
        }
        // The latest such start: one second later there is less than d.
        if d > TimeDelta::zero() {
            prop_assert!(clock.elapsed(start + secs(1), t, &p).unwrap() < d, "{} d={} before={} not the latest", ctx, d, start);
        }
    }
}
