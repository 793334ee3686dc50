//! Local wall-clock times to instants, with DST gaps and folds handled on
//! purpose, in one place.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

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
        LocalResult::Ambiguous(a, b) => Err(Error::Input(format!(
            "local time {local} is ambiguous in {zone}: it happens twice as clocks go back ({} and {}); give an offset",
            a.format("%:z"),
            b.format("%:z")
        ))),
        LocalResult::None => Err(Error::Input(format!(
            "local time {local} does not exist in {zone}: clocks skip it as they go forward; give an offset or a time outside the gap"
        ))),
    }
}

/// The local date of an instant in `zone`, or `None` at the very ends of
/// representable time, where the local time does not exist.
pub fn local_date(zone: Tz, t: DateTime<Utc>) -> Option<chrono::NaiveDate> {
    use chrono::Offset;
    let naive = t.naive_utc();
    let offset = zone.offset_from_utc_datetime(&naive).fix();
    naive.checked_add_offset(offset).map(|local| local.date())
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
