//! Shared pieces of rendering: instants in a zone, durations for people,
//! and the table style.

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use chrono_tz::Tz;
use comfy_table::{presets, ContentArrangement, Table};

/// An instant as RFC 3339 in the desk's zone, to the second (SPEC §8).
pub fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    let mut out = Vec::with_capacity(25);
    write_rfc3339(&mut out, t, zone);
    String::from_utf8(out).unwrap_or_default()
}

/// [`rfc3339`], appended to a buffer.
pub fn write_rfc3339(buffer: &mut Vec<u8>, t: DateTime<Utc>, zone: Tz) {
    use chrono::{Offset, TimeZone};
    let offset = zone
        .offset_from_utc_datetime(&t.naive_utc())
        .fix()
        .local_minus_utc();
    let local = t.timestamp() + i64::from(offset);
    let (year, month, day) = civil_date(local.div_euclid(DAY));
    if !(0..=9999).contains(&year) || offset % 60 != 0 {
        let local = t.with_timezone(&zone);
        buffer.extend_from_slice(local.to_rfc3339_opts(SecondsFormat::Secs, false).as_bytes());
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

/// An instant for people: weekday, date, time and offset in the zone.
pub fn local(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .format("%a %Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%SZ").to_string()
}

/// `2h 30m`, `45m`, `1h 0m 5s`; hours are not folded into days, since a
/// business day is not 24 hours.
pub fn hours(d: TimeDelta) -> String {
    let total = d.num_seconds().abs();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let sign = if d < TimeDelta::zero() { "-" } else { "" };
    match (h, s) {
        (0, 0) => format!("{sign}{m}m"),
        (_, 0) => format!("{sign}{h}h {m}m"),
        (0, _) => format!("{sign}{m}m {s}s"),
        _ => format!("{sign}{h}h {m}m {s}s"),
    }
}

/// Wall-clock time from now to `due`: `in 2d 3h 10m` or `overdue by 5m`.
pub fn from_now(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = due - now;
    let total = left.num_seconds().abs();
    let (d, h, m) = (total / 86_400, total / 3600 % 24, total / 60 % 60);
    let text = match d {
        0 => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h {m}m"),
    };
    if left < TimeDelta::zero() {
        format!("overdue by {text}")
    } else {
        format!("in {text}")
    }
}

pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    table
}

/// A JSON document as pretty text with a final newline.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

/// CSV rows written one at a time (a batch writes one per input line),
/// with the header before the first.
#[derive(Default)]
pub struct CsvRows {
    header_written: bool,
}

impl CsvRows {
    /// Append one row (and, the first time, the header) without a final
    /// line end.
    pub fn write(&mut self, row: &impl serde::Serialize, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(!self.header_written)
            .from_writer(Vec::new());
        writer.serialize(row)?;
        let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
        out.extend_from_slice(bytes.strip_suffix(b"\n").unwrap_or(&bytes));
        self.header_written = true;
        Ok(())
    }

    /// One row with its header, as a document.
    pub fn document(row: &impl serde::Serialize) -> anyhow::Result<String> {
        let mut out = Vec::new();
        CsvRows::default().write(row, &mut out)?;
        out.push(b'\n');
        Ok(String::from_utf8(out)?)
    }
}

/// A JSON value as one CSV field: strings as they are, others as JSON.
pub fn csv_field(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The response due time as a calendar event with a reminder 30 minutes
/// before; the notification, if any, as a second event.
pub fn ics_deadline(d: &slacalc::deadline::Deadline, now: DateTime<Utc>) -> String {
    use icalendar::{Alarm, Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    let ticket = format!(
        "{} {} at the {} desk, opened {}",
        d.plan.label,
        d.priority.id,
        d.desk.name,
        rfc3339(d.opened, d.desk.zone)
    );
    let targets = d
        .notification
        .iter()
        .map(|n| ("priority notification", n))
        .chain([("response", &d.response)]);
    for (what, target) in targets {
        let Some(due) = target.due else { continue };
        let uid = format!(
            "slacalc-{}-{}-{}-{}-{}",
            what.replace(' ', "-"),
            d.plan.name,
            d.priority.id,
            d.desk.name,
            d.opened.timestamp()
        );
        let event = Event::new()
            .uid(&uid)
            .timestamp(now)
            .summary(&format!(
                "{what} due: {} {} ({})",
                d.plan.label, d.priority.id, target.target
            ))
            .description(&format!(
                "{ticket}; {what} target {} on the {} clock",
                target.target, target.target.clock
            ))
            .starts(due)
            .ends(due)
            .alarm(Alarm::display(
                &format!("{what} due in 30 minutes"),
                -chrono::Duration::minutes(30),
            ))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

/// All-day events, one per holiday.
pub fn ics_holidays(
    desk: &str,
    holidays: &[(chrono::NaiveDate, String)],
    now: DateTime<Utc>,
) -> String {
    use icalendar::{Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    calendar.name(&format!("{desk} desk holidays"));
    for (date, name) in holidays {
        let event = Event::new()
            .uid(&format!("slacalc-holiday-{desk}-{date}"))
            .timestamp(now)
            .summary(name)
            // An all-day event ends (exclusively) the next day (RFC 5545).
            .starts(*date)
            .ends(date.succ_opt().unwrap_or(*date))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
            let chrono = t.with_timezone(&zone).to_rfc3339_opts(SecondsFormat::Secs, false);
            prop_assert_eq!(rfc3339(t, zone), chrono);
        }
    }
}
