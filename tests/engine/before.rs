//! Counting business time backwards (`Clock::before`), worked by hand from
//! the europe desk's hours (SPEC §2: standard Mon–Fri 09:00–18:00, extended
//! adds Saturday 09:00–18:00 and a holiday's hours; Rome is +01:00 in
//! winter, +02:00 in summer).

use chrono::TimeDelta;

use super::{at, input, local, Clock, ClockKind, DataSet, Pauses};

#[test]
fn before_worked_by_hand() {
    let data = DataSet::embedded().unwrap();
    let europe = data.desk("europe").unwrap();
    let pause =
        |text: &str| input::pauses(&[text], europe.zone, chrono::DateTime::UNIX_EPOCH).unwrap();
    #[rustfmt::skip]
    let cases: [(ClockKind, &str, i64, Pauses, &str); 8] = [
        // Mon 10:00, 2 h back on the standard clock: 09:00–10:00 on Monday,
        // then the weekend is closed: Fri 17:00–18:00.
        (ClockKind::Standard, "2026-11-23T10:00", 2 * 60, Pauses::none(), "2026-11-20T17:00:00+01:00"),
        // The same on the extended clock: Saturday 17:00–18:00 counts.
        (ClockKind::Extended, "2026-11-23T10:00", 2 * 60, Pauses::none(), "2026-11-21T17:00:00+01:00"),
        // From the very opening (Mon 09:00), 30 min back: Fri 17:30.
        (ClockKind::Standard, "2026-11-23T09:00", 30, Pauses::none(), "2026-11-20T17:30:00+01:00"),
        // From closed time (Sat 12:00), 1 h back on standard: Fri 17:00.
        (ClockKind::Standard, "2026-11-21T12:00", 60, Pauses::none(), "2026-11-20T17:00:00+01:00"),
        // Wed 9 Dec 10:00, 2 h back: Tue 8 Dec is the Immacolata, closed on
        // the standard clock: 1 h on Wednesday, then Mon 7 Dec 17:00–18:00.
        (ClockKind::Standard, "2026-12-09T10:00", 2 * 60, Pauses::none(), "2026-12-07T17:00:00+01:00"),
        // Around the clock across the spring-forward night: 04:00 CEST on
        // 29 March is 02:00Z; three real hours earlier is 23:00Z, that is
        // 00:00 CET.
        (ClockKind::AllDay, "2026-03-29T04:00", 3 * 60, Pauses::none(), "2026-03-29T00:00:00+01:00"),
        // Mon 12:00 with a pause 10:00–11:00: 11:00–12:00 counts, the pause
        // does not, 09:00–10:00 counts: 2 h back is 09:00.
        (ClockKind::Standard, "2026-11-23T12:00", 2 * 60, pause("2026-11-23T10:00/2026-11-23T11:00"), "2026-11-23T09:00:00+01:00"),
        // Zero is the instant itself, open or closed.
        (ClockKind::Standard, "2026-11-21T12:00", 0, Pauses::none(), "2026-11-21T12:00:00+01:00"),
    ];
    for (kind, from, minutes, pauses, expected) in cases {
        let got = Clock::new(europe, kind)
            .before(at(europe, from), TimeDelta::minutes(minutes), &pauses)
            .unwrap();
        assert_eq!(
            local(europe, got),
            expected,
            "{kind:?} {from} - {minutes} min"
        );
    }
}
