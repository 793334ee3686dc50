//! The one home of time zones: local wall-clock times to instants (DST gaps
//! and folds handled on purpose), local dates of instants, and the one
//! RFC 3339 printer. Everything else handles instants.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, SecondsFormat, TimeZone, Utc};
pub use chrono_tz::{Tz, IANA_TZDB_VERSION as TZDB_VERSION, UTC};

use crate::error::{Error, Result};

/// The instant of a window edge. An edge in a DST gap moves to the gap's end
/// (the first instant after it); an edge in a repeated hour takes its first
/// occurrence (SPEC §3).
pub fn window_edge(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => gap_end(zone, local),
    }
}

/// A local time typed by a user: a gap or a fold is an error that says which.
pub fn user_time(zone: Tz, local: NaiveDateTime) -> Result<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Err(Error::value(local, format!(
            "local time {local} is ambiguous in {zone}: it happens twice as clocks go back ({} and {}); give an offset",
            a.format("%:z"),
            b.format("%:z")
        ))),
        LocalResult::None => Err(Error::value(local, format!(
            "local time {local} does not exist in {zone}: clocks skip it as they go forward; give an offset or a time outside the gap"
        ))),
    }
}

/// The local date of an instant in `zone`, or `None` at the very ends of
/// representable time, where the local time does not exist.
pub fn local_date(zone: Tz, t: DateTime<Utc>) -> Option<chrono::NaiveDate> {
    let offset = chrono::FixedOffset::east_opt(utc_offset(zone, t))?;
    t.naive_utc()
        .checked_add_offset(offset)
        .map(|local| local.date())
}

/// The zone's offset from UTC at `t`, in seconds. Batches ask for the
/// offsets of the same days again and again, and the zone database
/// searches its transitions each time, so each UTC day is looked up once
/// per thread (in a table of bounded size): a day whose offset is the same
/// at every hour and at its last second has it throughout, since no zone
/// changes its offset twice within an hour; other days are asked directly.
pub fn utc_offset(zone: Tz, t: DateTime<Utc>) -> i32 {
    use std::cell::RefCell;
    const DAY: i64 = 86_400;
    const HOUR: i64 = 3600;
    const MAX_DAYS: usize = 1 << 16;
    thread_local! {
        /// `None`: the offset changes during that day.
        static DAYS: RefCell<rustc_hash::FxHashMap<(Tz, i64), Option<i32>>> =
            RefCell::new(rustc_hash::FxHashMap::default());
        static LAST: std::cell::Cell<Option<(Tz, i64, Option<i32>)>> =
            const { std::cell::Cell::new(None) };
    }
    let direct = |t: DateTime<Utc>| {
        use chrono::Offset;
        zone.offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc()
    };
    let day = t.timestamp().div_euclid(DAY);
    // The instants of one ticket mostly fall on the same day: the last
    // day asked is checked before the table.
    if let Some((last_zone, last_day, uniform)) = LAST.with(std::cell::Cell::get) {
        if last_zone == zone && last_day == day {
            return uniform.unwrap_or_else(|| direct(t));
        }
    }
    let known = DAYS.with(|days| days.borrow().get(&(zone, day)).copied());
    let uniform = known.unwrap_or_else(|| {
        let mut samples = (0..24)
            .map(|h| day * DAY + h * HOUR)
            .chain([day * DAY + DAY - 1])
            .map(|s| DateTime::from_timestamp(s, 0).map(direct));
        let first = samples.next().flatten();
        let uniform = first.filter(|first| samples.all(|s| s == Some(*first)));
        DAYS.with(|days| {
            let mut days = days.borrow_mut();
            if days.len() >= MAX_DAYS {
                days.clear();
            }
            days.insert((zone, day), uniform);
        });
        uniform
    });
    LAST.with(|last| last.set(Some((zone, day, uniform))));
    uniform.unwrap_or_else(|| direct(t))
}

/// The first instant whose local time is at or after `local`, for a `local`
/// inside a gap: a binary search over the day around it.
fn gap_end(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let naive_utc = local.and_utc().timestamp();
    let (mut lo, mut hi) = (naive_utc - 30 * 3600, naive_utc + 30 * 3600);
    let local_at =
        |t: i64| DateTime::from_timestamp(t, 0).map(|u| u.with_timezone(&zone).naive_local());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match local_at(mid) {
            Some(l) if l >= local => hi = mid,
            _ => lo = mid + 1,
        }
    }
    DateTime::from_timestamp(lo, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// An instant as RFC 3339 in the desk's zone, to the second (SPEC §8).
pub fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    let mut out = Vec::with_capacity(25);
    write_rfc3339(&mut out, t, zone);
    String::from_utf8(out).unwrap_or_default()
}

/// [`rfc3339`], appended to a buffer.
pub fn write_rfc3339(buffer: &mut Vec<u8>, t: DateTime<Utc>, zone: Tz) {
    let offset = utc_offset(zone, t);
    let local = t.timestamp() + i64::from(offset);
    let (year, month, day) = civil_date(local.div_euclid(DAY));
    if offset % 60 != 0 {
        // Before a zone's standard time its offset may have seconds (New
        // York's -4:56:02 before 1883), which RFC 3339 cannot write: the
        // instant is written in UTC, exact to the second.
        let text = t.to_rfc3339_opts(SecondsFormat::Secs, true);
        buffer.extend_from_slice(text.as_bytes());
        return;
    }
    if !(0..=9999).contains(&year) {
        // At the very ends of representable time the local time itself may
        // not exist: the instant is then written in UTC.
        let representable = chrono::FixedOffset::east_opt(offset)
            .and_then(|fixed| t.naive_utc().checked_add_offset(fixed))
            .is_some();
        let text = if representable {
            t.with_timezone(&zone)
                .to_rfc3339_opts(SecondsFormat::Secs, false)
        } else {
            t.to_rfc3339_opts(SecondsFormat::Secs, false)
        };
        buffer.extend_from_slice(text.as_bytes());
        return;
    }
    // Written by hand: batch output formats millions of these.
    let second = local.rem_euclid(DAY);
    let minutes = i64::from(offset.unsigned_abs() / 60);
    let two = |n: i64| {
        let n = usize::try_from(n.unsigned_abs() % 100).unwrap_or_default() * 2;
        [PAIRS[n], PAIRS[n + 1]]
    };
    let [y0, y1] = two(year / 100);
    let [y2, y3] = two(year % 100);
    let [mo0, mo1] = two(month);
    let [d0, d1] = two(day);
    let [h0, h1] = two(second / 3600);
    let [mi0, mi1] = two(second / 60 % 60);
    let [s0, s1] = two(second % 60);
    let [oh0, oh1] = two(minutes / 60);
    let [om0, om1] = two(minutes % 60);
    let sign = if offset < 0 { b'-' } else { b'+' };
    buffer.extend_from_slice(&[
        y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0, s1,
        sign, oh0, oh1, b':', om0, om1,
    ]);
}

/// An RFC 3339 instant, as chrono reads it. The plain shape
/// `2026-11-20T17:30:00+01:00` (or `Z`), which batch input holds by the
/// million, is read field by field; anything else (fractions, a lower-case
/// `t`, a leap second, an error to word) goes to chrono.
pub fn parse_rfc3339(text: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    plain_rfc3339(text).map_or_else(|| DateTime::parse_from_rfc3339(text), Ok)
}

fn plain_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    let b = text.as_bytes();
    let number = |from: usize, to: usize| {
        b.get(from..to)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() < 20 || [b[4], b[7], b[10], b[13], b[16]] != *b"--T::" {
        return None;
    }
    let offset = match (b.len(), b[19]) {
        (20, b'Z') => 0,
        (25, sign @ (b'+' | b'-')) if b[22] == b':' => {
            let (hours, minutes) = (number(20, 22)?, number(23, 25)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let east = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            if sign == b'-' {
                -east
            } else {
                east
            }
        }
        _ => return None,
    };
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::try_from(number(0, 4)?).ok()?,
        number(5, 7)?,
        number(8, 10)?,
    )?;
    let local = date.and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)?;
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&local)
        .single()
}

/// "00" to "99", two bytes each.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

const DAY: i64 = 86_400;

/// The proleptic Gregorian (year, month, day) of a count of days since
/// 1970-01-01 (H. Hinnant's `civil_from_days`): cheaper than building a
/// chrono date for each of millions of timestamps.
fn civil_date(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The local wall-clock time of an instant in `zone`.
pub fn local_time(t: DateTime<Utc>, zone: Tz) -> DateTime<Tz> {
    t.with_timezone(&zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The plain-shape reader agrees with chrono on every instant and
        /// offset it can be given, and on near misses of the shape.
        #[test]
        fn plain_rfc3339_reads_as_chrono_does(
            year in 0i32..=9999, month in 0u32..=13, day in 0u32..=32,
            hour in 0u32..=24, minute in 0u32..=60, second in 0u32..=60,
            east in -24i32 * 60..=24 * 60, zulu: bool, cut in 0usize..26, junk in "[0-9:+TZ .-]",
        ) {
            let sign = if east < 0 { '-' } else { '+' };
            let offset = if zulu {
                "Z".to_string()
            } else {
                format!("{sign}{:02}:{:02}", east.unsigned_abs() / 60, east.unsigned_abs() % 60)
            };
            let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{offset}");
            prop_assert_eq!(parse_rfc3339(&text).ok(), DateTime::parse_from_rfc3339(&text).ok());
            // The same with one byte replaced: a shape that is not quite plain.
            let mut bent = text.clone();
            if cut < bent.len() {
                bent.replace_range(cut..=cut, &junk);
            }
            prop_assert_eq!(parse_rfc3339(&bent).ok(), DateTime::parse_from_rfc3339(&bent).ok());
        }
    }

    /// SPEC §8: RFC 3339 has no seconds in an offset. Where a zone's
    /// offset has seconds (local mean time, before standard time) the
    /// instant is printed in UTC, exact to the second; it was once printed
    /// with the offset cut to the minute, reading back up to 59 s wrong.
    #[test]
    fn an_offset_with_seconds_is_printed_in_utc() {
        // New York kept local mean time, -4:56:02, until 18 November 1883;
        // Rome +0:49:56 until 1893; Dubai +3:41:12 until 1920.
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        for (zone, offset) in [
            (chrono_tz::America::New_York, -(4 * 3600 + 56 * 60 + 2)),
            (chrono_tz::Europe::Rome, 49 * 60 + 56),
            (chrono_tz::Asia::Dubai, 3 * 3600 + 41 * 60 + 12),
        ] {
            let t = at("1880-06-01T12:00:07Z");
            assert_eq!(utc_offset(zone, t), offset);
            let shown = rfc3339(t, zone);
            assert_eq!(shown, "1880-06-01T12:00:07Z");
            assert_eq!(shown.parse::<DateTime<Utc>>().unwrap(), t);
        }
        // With whole minutes the desk's offset stays: New York in June
        // 1890 kept standard time (no daylight saving before 1918), -05:00.
        let t = at("1890-06-01T12:00:00Z");
        assert_eq!(
            rfc3339(t, chrono_tz::America::New_York),
            "1890-06-01T07:00:00-05:00"
        );
    }

    #[test]
    fn offsets_on_the_day_the_clocks_change() {
        // Italy springs forward on the last Sunday of March, 29 March 2026,
        // at 01:00 UTC: +01:00 until 00:59:59Z, +02:00 from 01:00:00Z. The
        // day is asked twice in each order, so the per-day table serves
        // the second answers: a day whose offset changes is never cached
        // as one offset. The day before and after keep a single offset.
        let rome = chrono_tz::Europe::Rome;
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        for _ in 0..2 {
            assert_eq!(utc_offset(rome, at("2026-03-29T00:59:59Z")), 3600);
            assert_eq!(utc_offset(rome, at("2026-03-29T01:00:00Z")), 7200);
            assert_eq!(utc_offset(rome, at("2026-03-29T23:59:59Z")), 7200);
            assert_eq!(utc_offset(rome, at("2026-03-28T12:00:00Z")), 3600);
            assert_eq!(utc_offset(rome, at("2026-03-30T00:00:00Z")), 7200);
        }
        // Lord Howe moves by 30 minutes: +10:30 in winter, +11:00 in summer
        // from 2 a.m. local on the first Sunday of October (4 Oct 2026),
        // which is 15:30 UTC on 3 October.
        let howe = chrono_tz::Australia::Lord_Howe;
        for _ in 0..2 {
            assert_eq!(utc_offset(howe, at("2026-10-03T15:29:59Z")), 37_800);
            assert_eq!(utc_offset(howe, at("2026-10-03T15:30:00Z")), 39_600);
        }
    }

    #[test]
    fn civil_dates_by_hand() {
        // Day 0 is 1970-01-01; day -1 is 1969-12-31; 2000-03-01 is 11017
        // days on (30 years with 7 leap days = 10957, plus 31 + 29 for Jan
        // and Feb of the leap year 2000).
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(10_957 + 31 + 28), (2000, 2, 29));
        assert_eq!(civil_date(10_957 + 31 + 29), (2000, 3, 1));
    }

    #[test]
    fn offsets_by_hand() {
        // 2026-11-20T16:30Z in Rome (CET, +01:00).
        let t: DateTime<Utc> = "2026-11-20T16:30:00Z".parse().unwrap();
        assert_eq!(
            rfc3339(t, chrono_tz::Europe::Rome),
            "2026-11-20T17:30:00+01:00"
        );
        // New York on 2026-11-01 (EST, -05:00 since 06:00Z that day): 04:59Z
        // is still EDT (-04:00), 00:59 local.
        let t: DateTime<Utc> = "2026-11-01T04:59:00Z".parse().unwrap();
        assert_eq!(
            rfc3339(t, chrono_tz::America::New_York),
            "2026-11-01T00:59:00-04:00"
        );
        // Chatham in January keeps daylight time, +13:45: midnight UTC is
        // 13:45 local the same day.
        let t: DateTime<Utc> = "2026-01-15T00:00:00Z".parse().unwrap();
        assert_eq!(
            rfc3339(t, chrono_tz::Pacific::Chatham),
            "2026-01-15T13:45:00+13:45"
        );
    }

    /// At the ends of representable time the local time may not exist:
    /// the printer falls back to UTC instead of panicking.
    #[test]
    fn the_ends_of_time_print_without_a_panic() {
        let max = DateTime::<Utc>::MAX_UTC;
        assert!(rfc3339(max, chrono_tz::Asia::Dubai).ends_with("+00:00"));
        // New York's offset then is local mean time, with seconds: UTC.
        let min = DateTime::<Utc>::MIN_UTC;
        assert!(rfc3339(min, chrono_tz::America::New_York).ends_with('Z'));
    }

    proptest! {
        /// The hand-written form equals chrono's for any instant of years
        /// 0000-9999 in zones east and west, with and without DST.
        #[test]
        fn rfc3339_equals_chrono(
            seconds in -62_167_219_200i64..253_402_300_799,
            zone in prop::sample::select(vec![
                chrono_tz::UTC,
                chrono_tz::America::New_York,
                chrono_tz::Europe::Rome,
                chrono_tz::Asia::Dubai,
                chrono_tz::Asia::Kolkata,
                chrono_tz::Australia::Lord_Howe,
                chrono_tz::Pacific::Chatham,
            ]),
        ) {
            let t = DateTime::from_timestamp(seconds, 0).unwrap();
            // An offset with seconds (local mean time) is written in UTC.
            let chrono = if utc_offset(zone, t) % 60 == 0 {
                t.with_timezone(&zone).to_rfc3339_opts(SecondsFormat::Secs, false)
            } else {
                t.to_rfc3339_opts(SecondsFormat::Secs, true)
            };
            prop_assert_eq!(rfc3339(t, zone), chrono);
        }
    }
}
