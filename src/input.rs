//! Reading the values people type: instants, pauses, durations and dates.
//! `now` is always passed in; nothing here reads the system clock.

use crate::time::Tz;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SubsecRound, TimeDelta, Timelike, Utc};

use crate::clock::{Interval, Pauses};
pub use crate::error::escaped;
use crate::error::{Error, Result};
use crate::time::user_time;

/// A leap second (`:60`) is refused: times are kept without them.
fn leap(text: &str, nanosecond: u32) -> Result<()> {
    // chrono keeps a leap second as a nanosecond count past one second.
    if nanosecond >= 1_000_000_000 {
        return Err(Error::echoed(text, |shown| {
            format!(
            "'{shown}' is a leap second (:60): times are kept without leap seconds; give :59 or the next minute's :00"
        )
        }));
    }
    Ok(())
}

/// An instant written with its offset: RFC 3339, its seconds optional, to
/// the second (a fraction is dropped; `:60` is an error). `None`: the text
/// gives no offset (or is no time).
pub fn instant_with_offset(text: &str) -> Result<Option<DateTime<Utc>>> {
    let text = text.trim();
    if let Ok(t) = crate::time::parse_rfc3339(text) {
        leap(text, t.nanosecond())?;
        let t = t.with_timezone(&Utc);
        // Truncating goes through the zone's local time: skip it when
        // there is nothing to cut, as in almost every input.
        return Ok(Some(if t.nanosecond() == 0 {
            t
        } else {
            t.trunc_subsecs(0)
        }));
    }
    // RFC 3339 without seconds, as people write it (2026-11-20T17:30+01:00).
    let utc_suffix = text.strip_suffix(['Z', 'z']).map(|t| format!("{t}+00:00"));
    let with_offset = utc_suffix.as_deref().unwrap_or(text);
    for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"] {
        if let Ok(t) = DateTime::parse_from_str(with_offset, format) {
            return Ok(Some(t.with_timezone(&Utc)));
        }
    }
    Ok(None)
}

/// An instant: RFC 3339, a local date-time read in `zone`, or `now`.
/// Times are kept to the second: a fraction is dropped, and a leap second
/// (`:60`) is refused (SPEC §3).
pub fn instant(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(t) = instant_with_offset(text)? {
        return Ok(t);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            leap(text, local.nanosecond())?;
            return user_time(zone, local.trunc_subsecs(0))
                .map_err(|e| Error::value(text, format!("'{}': {e}", escaped(text))));
        }
    }
    Err(Error::value(text, format!(
        "'{}' is not a time: use RFC 3339 (2026-11-20T17:30:00+01:00), a local time (2026-11-20T17:30) or now",
        escaped(text)
    )))
}

/// A pause `A/B`: the clock stops from A until B.
pub fn pause(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<Interval> {
    let (a, b) = text.split_once('/').ok_or_else(|| {
        Error::value(
            text,
            format!(
                "pause '{}' is not START/END, like 2026-11-20T10:00+01:00/2026-11-20T12:00+01:00",
                escaped(text)
            ),
        )
    })?;
    Ok(Interval {
        start: instant(a, zone, now)?,
        end: instant(b, zone, now)?,
    })
}

/// Pauses as typed: their union (SPEC §3); a reversed one is named as typed.
pub fn pauses(texts: &[impl AsRef<str>], zone: Tz, now: DateTime<Utc>) -> Result<Pauses> {
    if texts.is_empty() {
        // Most tickets never wait.
        return Ok(Pauses::none());
    }
    let intervals = texts
        .iter()
        .map(|t| pause(t.as_ref(), zone, now))
        .collect::<Result<Vec<_>>>()?;
    Pauses::new(intervals).map_err(|reversed| {
        let text = texts.get(reversed.0).map_or("", AsRef::as_ref);
        Error::value(
            text,
            format!("pause '{}' ends before it starts", escaped(text)),
        )
    })
}

/// A duration: `90s`, `45m`, `5h30m`, `2h`, or ISO 8601 `PT5H30M`.
pub fn duration(text: &str) -> Result<TimeDelta> {
    let bad = || {
        Error::value(
            text,
            format!(
                "'{}' is not a duration: use 90s, 45m, 5h30m or ISO 8601 like PT5H30M",
                escaped(text)
            ),
        )
    };
    let trimmed = text.trim();
    let upper = trimmed.to_ascii_uppercase();
    let body = match upper.strip_prefix("PT") {
        Some(rest) => rest.to_string(),
        None if upper.starts_with('P') => {
            return Err(Error::CalendarDuration(escaped(text).into_owned()))
        }
        None => upper.clone(),
    };
    if body.is_empty() {
        return Err(bad());
    }
    let mut seconds: i64 = 0;
    let mut number = String::new();
    let mut last_unit = 0;
    for c in body.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let (rank, factor) = match c {
            'H' => (1, 3600),
            'M' => (2, 60),
            'S' => (3, 1),
            _ => return Err(bad()),
        };
        // Units once each, largest first.
        if number.is_empty() || rank <= last_unit {
            return Err(bad());
        }
        last_unit = rank;
        let n: i64 = number.parse().map_err(|_| bad())?;
        seconds = n
            .checked_mul(factor)
            .and_then(|s| seconds.checked_add(s))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    // A hundred years of clock time is more than any contract needs.
    if seconds > 100 * 366 * 86_400 {
        return Err(Error::value(
            text,
            format!("duration '{}' is longer than 100 years", escaped(text)),
        ));
    }
    Ok(TimeDelta::seconds(seconds))
}

/// A calendar date `YYYY-MM-DD`, or `today` (the date of `now` in `zone`).
pub fn date(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<NaiveDate> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("today") {
        return Ok(now.with_timezone(&zone).date_naive());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::value(
            text,
            format!("'{}' is not a date like 2026-11-20", escaped(text)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_both_notations() {
        for (text, seconds) in [
            ("90s", 90),
            ("45m", 2700),
            ("5h30m", 19_800),
            ("PT5H30M", 19_800),
            ("pt1h", 3600),
            ("1h0m1s", 3601),
            ("0m", 0),
        ] {
            assert_eq!(
                duration(text).ok(),
                Some(TimeDelta::seconds(seconds)),
                "{text}"
            );
        }
        for text in ["", "5", "h", "30m5h", "5x", "P1D", "-5m", "5h5h"] {
            assert!(duration(text).is_err(), "{text} should be refused");
        }
    }
}
