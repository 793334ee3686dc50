//! Business time over a desk's calendar: when does an amount of clock time
//! run out, and how much clock time lies between two instants. Local
//! windows become instants here, day by day, so the cost of a computation
//! grows with the days it crosses, never with the minutes.

mod days;
mod pauses;

use std::collections::VecDeque;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

use crate::calendar::Calendar;
pub use crate::calendar::ClockKind;
use crate::error::{Error, Result};
use crate::time::{local_date, window_edge};
pub use days::DayInstants;
use days::DayWalker;
pub use pauses::{Interval, Pauses};

/// How many days without any open time end a search (SPEC: a calendar with
/// no open time within 10 years is an error, not a hang).
const MAX_CLOSED_DAYS: u32 = 3_653;

/// No computation walks past this year: beyond it an answer means nothing
/// and the walk would only burn time.
const LAST_YEAR: i32 = 9999;

/// The largest amount of clock time or business days asked for: a century.
const MAX_AMOUNT_DAYS: i64 = 36_600;

/// How far past its start a walk may look for an answer: a century. A
/// calendar open a second a day, or a pause of ten thousand years, is
/// refused after at most this many days, not walked to the year 9999.
pub const HORIZON_DAYS: u64 = 36_600;

/// A clock over one desk's calendar.
#[derive(Debug, Clone, Copy)]
pub struct Clock<'a> {
    pub calendar: &'a Calendar,
    pub kind: ClockKind,
}

impl<'a> Clock<'a> {
    pub fn new(calendar: &'a Calendar, kind: ClockKind) -> Clock<'a> {
        Clock { calendar, kind }
    }

    /// The open intervals at or after `from`, minus pauses, in order.
    pub fn counted(&self, from: DateTime<Utc>, pauses: &'a Pauses) -> Counted<'a> {
        Counted {
            open: OpenIntervals::new(*self, from),
            pauses: pauses.as_slice(),
            next_pause: 0,
            rest: None,
        }
    }

    /// The due instant of `amount` of clock time from `from`: the earliest
    /// instant at which that much open, unpaused time has elapsed. A target
    /// that runs out at closing time is due at closing time; zero is due at
    /// `from` itself (SPEC §3).
    pub fn due(
        &self,
        from: DateTime<Utc>,
        amount: TimeDelta,
        pauses: &Pauses,
    ) -> Result<DateTime<Utc>> {
        check_amount(amount)?;
        let mut remaining = amount;
        if remaining.is_zero() {
            return Ok(from);
        }
        if self.kind == ClockKind::AllDay && pauses.as_slice().is_empty() {
            // Around the clock with no pauses, clock time is wall time. Near
            // the ends of representable time and of LAST_YEAR, the walk
            // decides, so both ways always agree.
            let zone = self.calendar.zone;
            let wall = from.checked_add_signed(amount).filter(|due| {
                local_date(zone, from).is_some()
                    && local_date(zone, *due).is_some_and(|d| d.year() < LAST_YEAR)
            });
            if let Some(due) = wall {
                return Ok(due);
            }
        }
        for piece in self.counted(from, pauses) {
            let piece = piece?;
            if piece.length() >= remaining {
                return Ok(piece.start + remaining);
            }
            remaining -= piece.length();
        }
        Err(self.no_open_time(from))
    }

    /// The counted intervals between `from` and `until`, pauses excluded.
    pub fn windows_between(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        pauses: &Pauses,
    ) -> Result<Vec<Interval>> {
        self.counted_between(from, until, pauses).collect()
    }

    /// The same, one after another, without gathering them.
    fn counted_between(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        pauses: &'a Pauses,
    ) -> impl Iterator<Item = Result<Interval>> + use<'a> {
        let counted = (until > from).then(|| {
            let mut counted = self.counted(from, pauses);
            counted.open.until = Some(until);
            counted
        });
        counted
            .into_iter()
            .flatten()
            .take_while(move |piece| piece.as_ref().map_or(true, |piece| piece.start < until))
            .map(move |piece| {
                piece.map(|piece| Interval {
                    start: piece.start,
                    end: piece.end.min(until),
                })
            })
    }

    /// Counting backwards: the latest instant at or before `until` such that
    /// `amount` of clock time, pauses excluded, lies between it and `until`
    /// (zero: `until` itself). "Remind me 2 business hours before the
    /// deadline." Since the clock time from an instant to `until` only
    /// shrinks as the instant moves later, the answer is found by looking
    /// back in doubling steps, then narrowing to the second.
    pub fn before(
        &self,
        until: DateTime<Utc>,
        amount: TimeDelta,
        pauses: &Pauses,
    ) -> Result<DateTime<Utc>> {
        check_amount(amount)?;
        if amount.is_zero() {
            return Ok(until);
        }
        let beyond = || Error::BeyondHorizon {
            calendar: self.calendar.name.clone(),
            clock: self.kind.name().to_string(),
            direction: "before",
            from: crate::time::rfc3339(until, self.calendar.zone),
        };
        // A walk looks a century ahead at most (less a day or two for the
        // walk's own start), so the look back stops there.
        let horizon = TimeDelta::days(i64::try_from(HORIZON_DAYS).unwrap_or(i64::MAX) - 2);
        let mut span = amount.min(horizon);
        let earliest = loop {
            let start = until.checked_sub_signed(span).ok_or_else(beyond)?;
            if self.elapsed(start, until, pauses)? >= amount {
                break start;
            }
            if span >= horizon {
                return Err(beyond());
            }
            span = (span * 2).min(horizon);
        };
        // `lo` has enough clock time before `until`, `hi` (until itself)
        // has none.
        let (mut lo, mut hi) = (earliest.timestamp(), until.timestamp());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let at = DateTime::from_timestamp(mid, 0).ok_or_else(beyond)?;
            if self.elapsed(at, until, pauses)? >= amount {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        DateTime::from_timestamp(lo, 0).ok_or_else(beyond)
    }

    /// The clock time between two instants, pauses excluded. A span of
    /// years sums its whole local years from a cache: a queue of tickets
    /// open for decades would otherwise walk every day of each.
    pub fn elapsed(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        pauses: &Pauses,
    ) -> Result<TimeDelta> {
        let span = until - from;
        // Beyond the horizon the walk says so; under two years it is short.
        if span > TimeDelta::days(730) && span <= TimeDelta::days(HORIZON_DAYS.cast_signed()) {
            if let Some(elapsed) = self.elapsed_by_years(from, until, pauses)? {
                return Ok(elapsed);
            }
        }
        self.walked(from, until, pauses)
    }

    /// [`Clock::elapsed`] walked day by day.
    fn walked(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        pauses: &Pauses,
    ) -> Result<TimeDelta> {
        self.counted_between(from, until, pauses)
            .map(|piece| piece.map(Interval::length))
            .sum()
    }

    /// The clock time from `from` to `until` as the part of the first
    /// local year, the whole years between (each summed once per thread,
    /// less the pauses within them) and the part of the last year; `None`
    /// when no whole year lies between.
    fn elapsed_by_years(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        pauses: &Pauses,
    ) -> Result<Option<TimeDelta>> {
        let zone = self.calendar.zone;
        let (Some(first), Some(last)) = (local_date(zone, from), local_date(zone, until)) else {
            return Ok(None);
        };
        let (first, last) = (first.year() + 1, last.year());
        let new_year = |year: i32| {
            NaiveDate::from_ymd_opt(year, 1, 1)
                .and_then(|date| date.and_hms_opt(0, 0, 0))
                .map(|local| window_edge(zone, local))
        };
        let (Some(head_end), Some(tail_start)) = (new_year(first), new_year(last)) else {
            return Ok(None);
        };
        if first >= last || head_end <= from || tail_start >= until {
            return Ok(None);
        }
        let none = Pauses::none();
        let mut middle = TimeDelta::zero();
        for year in first..last {
            middle += days::year_sum(self.calendar, self.kind, year, || {
                match (new_year(year), new_year(year + 1)) {
                    (Some(start), Some(end)) => self.walked(start, end, &none),
                    _ => Err(Error::OutOfRange(format!("the year {year}"))),
                }
            })?;
        }
        // Pauses are a union of disjoint intervals: each one's clock time
        // within the whole years is counted once, and taken off.
        for pause in pauses.as_slice() {
            let (start, end) = (pause.start.max(head_end), pause.end.min(tail_start));
            if start < end {
                middle -= self.walked(start, end, &none)?;
            }
        }
        let head = self.walked(from, head_end, pauses)?;
        let tail = self.walked(tail_start, until, pauses)?;
        Ok(Some(head + middle + tail))
    }

    /// The open window containing `t` (`None`: the clock is stopped at `t`).
    pub fn window_at(&self, t: DateTime<Utc>) -> Result<Option<Interval>> {
        // Start early enough to see the window `t` falls in. Without
        // windows crossing midnight it opened on `t`'s local date, and no
        // earlier date is read; else it may have opened days before (and
        // where `t`'s local date is not representable, the walk starts as
        // early as it can: at the very start of representable time, there
        // is nothing earlier).
        let zone = self.calendar.zone;
        let midnight = local_date(zone, t)
            .and_then(|date| date.and_hms_opt(0, 0, 0))
            .map(|local| window_edge(zone, local))
            .filter(|_| !self.calendar.crosses_midnight(self.kind));
        let earlier =
            midnight.unwrap_or_else(|| t.checked_sub_signed(TimeDelta::days(2)).unwrap_or(t));
        for open in OpenIntervals::new(*self, earlier) {
            let open = open?;
            if open.start > t {
                break;
            }
            if t < open.end {
                return Ok(Some(open));
            }
        }
        Ok(None)
    }

    /// The first instant at or after `t` at which the clock runs.
    pub fn next_open(&self, t: DateTime<Utc>) -> Result<DateTime<Utc>> {
        match OpenIntervals::new(*self, t).next() {
            Some(open) => Ok(open?.start),
            None => Err(self.no_open_time(t)),
        }
    }

    fn no_open_time(&self, from: DateTime<Utc>) -> Error {
        Error::NoOpenTime {
            calendar: self.calendar.name.clone(),
            clock: self.kind.name().to_string(),
            from: crate::time::rfc3339(from, self.calendar.zone),
        }
    }
}

/// "N business days" (SPEC §3): the close of standard hours on the N-th
/// business day strictly after the local date on which `from` falls.
pub fn business_days_due(
    calendar: &Calendar,
    from: DateTime<Utc>,
    days: u32,
) -> Result<DateTime<Utc>> {
    if days == 0 {
        return Ok(from);
    }
    if i64::from(days) > MAX_AMOUNT_DAYS {
        return Err(Error::value(
            days,
            format!("{days} business days is more than a century"),
        ));
    }
    let mut date =
        local_date(calendar.zone, from).ok_or_else(|| Error::OutOfRange(format!("{from}")))?;
    let mut counted = 0;
    let mut closed_run = 0;
    let mut walker = DayWalker::new(calendar, ClockKind::Standard);
    loop {
        date = date
            .succ_opt()
            .ok_or_else(|| Error::OutOfRange("business days".into()))?;
        // The day's standard windows as instants, from the same cache the
        // clock walks; the close is the end of the last one.
        if let Some(last) = walker.day(date)?.open.last() {
            closed_run = 0;
            counted += 1;
            if counted == days {
                return Ok(last.end);
            }
        } else {
            closed_run += 1;
            if closed_run > MAX_CLOSED_DAYS {
                return Err(Clock::new(calendar, ClockKind::Standard).no_open_time(from));
            }
        }
    }
}

/// An amount of clock time is neither negative nor more than a century.
fn check_amount(amount: TimeDelta) -> Result<()> {
    if amount < TimeDelta::zero() {
        return Err(Error::value(
            amount,
            format!("a duration cannot be negative ({amount})"),
        ));
    }
    if amount > TimeDelta::days(MAX_AMOUNT_DAYS) {
        return Err(Error::value(
            amount,
            format!(
                "{} hours is more than a century of clock time",
                amount.num_hours()
            ),
        ));
    }
    Ok(())
}

/// Open intervals of a clock from an instant on, generated a day at a time.
/// A date's windows are read only when they can add to the answer: the day
/// before `from`'s only if a window can cross midnight, and the day after
/// the last interval needed never (whether an interval can still grow is
/// known from that day's midnight alone).
pub struct OpenIntervals<'a> {
    clock: Clock<'a>,
    days: DayWalker<'a>,
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
    next_date: Option<NaiveDate>,
    /// Days read (or jumped) since the walk began: at most `HORIZON_DAYS`.
    walked: u64,
    pending: VecDeque<Interval>,
    closed_run: u32,
    failed: bool,
}

impl<'a> OpenIntervals<'a> {
    fn new(clock: Clock<'a>, from: DateTime<Utc>) -> OpenIntervals<'a> {
        // Start a day early when yesterday's window may cross midnight into
        // today (on the first representable day there is no yesterday).
        // Outside representable local time there is nothing to walk.
        let crosses = clock.calendar.crosses_midnight(clock.kind);
        let start = local_date(clock.calendar.zone, from).map(|d| {
            if crosses {
                d.pred_opt().unwrap_or(d)
            } else {
                d
            }
        });
        OpenIntervals {
            clock,
            days: DayWalker::new(clock.calendar, clock.kind),
            from,
            until: None,
            next_date: start,
            walked: 0,
            pending: VecDeque::new(),
            closed_run: 0,
            failed: false,
        }
    }

    /// Go on from `t` (later than every interval given so far), without
    /// reading the days in between: a long pause is jumped, not walked. The
    /// horizon stays where the walk began.
    fn restart_at(&mut self, t: DateTime<Utc>) {
        let (until, walked, was_next) = (self.until, self.walked, self.next_date);
        *self = OpenIntervals::new(self.clock, t);
        self.until = until;
        let jumped = match (was_next, self.next_date) {
            (Some(before), Some(after)) => u64::try_from((after - before).num_days()).unwrap_or(0),
            _ => 0,
        };
        self.walked = walked.saturating_add(jumped);
    }
}

/// Queue a day's windows from `from` on, merging any that touch the last
/// queued one; whether the day had open time.
fn queue_day(pending: &mut VecDeque<Interval>, from: DateTime<Utc>, open: &[Interval]) -> bool {
    let mut opened = false;
    for &window in open {
        let mut iv = window;
        if iv.end <= from {
            continue;
        }
        iv.start = iv.start.max(from);
        opened = true;
        match pending.back_mut() {
            Some(last) if iv.start < last.end => last.end = last.end.max(iv.end),
            _ => pending.push_back(iv),
        }
    }
    opened
}

impl Iterator for OpenIntervals<'_> {
    type Item = Result<Interval>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.failed {
                return None;
            }
            let Some(date) = self.next_date else {
                return self.pending.pop_front().map(Ok);
            };
            let midnight = match self.days.midnight(date) {
                Ok(midnight) => midnight,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            };
            // Intervals ending by this day's midnight can no longer merge
            // with this or a later day's windows: they are given out before
            // the day is read.
            if self
                .pending
                .front()
                .is_some_and(|first| first.end <= midnight)
            {
                return self.pending.pop_front().map(Ok);
            }
            if self.until.is_some_and(|until| midnight >= until) {
                self.next_date = None;
                continue;
            }
            let day = match self.days.day(date) {
                Ok(day) => day,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            };
            if self.closed_run > MAX_CLOSED_DAYS {
                self.failed = true;
                return Some(Err(self.clock.no_open_time(self.from)));
            }
            if self.walked > HORIZON_DAYS {
                self.failed = true;
                return Some(Err(Error::BeyondHorizon {
                    calendar: self.clock.calendar.name.clone(),
                    clock: self.clock.kind.name().to_string(),
                    direction: "after",
                    from: crate::time::rfc3339(self.from, self.clock.calendar.zone),
                }));
            }
            if date.year() > LAST_YEAR {
                self.failed = true;
                return Some(Err(Error::OutOfRange(format!(
                    "calendar '{}' after {LAST_YEAR}",
                    self.clock.calendar.name
                ))));
            }
            if queue_day(&mut self.pending, self.from, &day.open) {
                self.closed_run = 0;
            } else {
                self.closed_run += 1;
            }
            self.next_date = date.succ_opt();
            self.walked += 1;
            if self.next_date.is_none() {
                self.failed = true;
                return Some(Err(Error::OutOfRange(format!(
                    "calendar '{}'",
                    self.clock.calendar.name
                ))));
            }
        }
    }
}

/// Open intervals with the pauses cut out.
pub struct Counted<'a> {
    open: OpenIntervals<'a>,
    pauses: &'a [Interval],
    next_pause: usize,
    /// What is left of the current open interval after a pause.
    rest: Option<Interval>,
}

impl Iterator for Counted<'_> {
    type Item = Result<Interval>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let open = match self.rest.take() {
                Some(rest) => rest,
                None => match self.open.next()? {
                    Ok(open) => open,
                    Err(e) => return Some(Err(e)),
                },
            };
            while self
                .pauses
                .get(self.next_pause)
                .is_some_and(|p| p.end <= open.start)
            {
                self.next_pause += 1;
            }
            let Some(pause) = self
                .pauses
                .get(self.next_pause)
                .filter(|p| p.start < open.end)
            else {
                return Some(Ok(open));
            };
            // A pause reaching days past this interval is jumped: the walk
            // goes on from its end instead of reading every day it covers.
            if pause.end > open.end + TimeDelta::days(2) {
                let counted = (open.start < pause.start).then_some(Interval {
                    start: open.start,
                    end: pause.start,
                });
                self.open.restart_at(pause.end);
                if let Some(counted) = counted {
                    return Some(Ok(counted));
                }
                continue;
            }
            // The pause overlaps: count up to it, keep what follows it.
            if pause.end < open.end {
                self.rest = Some(Interval {
                    start: pause.end,
                    end: open.end,
                });
            }
            if open.start < pause.start {
                return Some(Ok(Interval {
                    start: open.start,
                    end: pause.start,
                }));
            }
        }
    }
}

/// A business day: the desk's standard hours are open (SPEC §3).
pub fn is_business_day(calendar: &Calendar, date: NaiveDate) -> Result<bool> {
    Ok(!DayWalker::new(calendar, ClockKind::Standard)
        .day(date)?
        .open
        .is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn data() -> &'static crate::DataSet {
        static DATA: std::sync::OnceLock<crate::DataSet> = std::sync::OnceLock::new();
        DATA.get_or_init(|| crate::DataSet::embedded().unwrap())
    }

    #[test]
    fn a_span_of_years_is_summed_by_years() {
        // 1 Jul 2025 to 1 Jul 2028 at the europe desk: 2026 and 2027 are
        // whole local years, summed once; the walk agrees to the second.
        let clock = Clock::new(data().desk("europe").unwrap(), ClockKind::Standard);
        let from = "2025-07-01T10:00:00Z".parse().unwrap();
        let until = "2028-07-01T10:00:00Z".parse().unwrap();
        let none = Pauses::none();
        let summed = clock.elapsed_by_years(from, until, &none).unwrap();
        assert_eq!(summed, Some(clock.walked(from, until, &none).unwrap()));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Summing whole local years gives exactly what walking every day
        /// gives, on every desk and clock, with pauses inside the whole
        /// years, across them and at their edges.
        #[test]
        fn elapsed_by_years_is_the_day_walk(
            desk in prop::sample::select(vec!["europe", "americas", "uae", "middle-east"]),
            kind in prop::sample::select(vec![ClockKind::Standard, ClockKind::Extended, ClockKind::AllDay]),
            // Spans from 2 to 3.4 years, starting 2025-2026 (holiday data
            // covers 2025-2028 on every desk).
            start in 1_735_689_600i64..1_767_225_600,
            span_days in 731i64..1_240,
            pauses in prop::collection::vec((0i64..1_200, 0i64..400), 0..4),
        ) {
            let calendar = data().desk(desk).unwrap();
            let clock = Clock::new(calendar, kind);
            let from = DateTime::from_timestamp(start, 0).unwrap();
            let until = from + TimeDelta::days(span_days) + TimeDelta::seconds(start % 86_400);
            let pauses = Pauses::new(
                pauses
                    .iter()
                    .map(|(after, hours)| Interval {
                        start: from + TimeDelta::days(*after),
                        end: from + TimeDelta::days(*after) + TimeDelta::hours(*hours),
                    })
                    .collect(),
            )
            .unwrap();
            let summed = clock.elapsed(from, until, &pauses);
            let walked = clock.walked(from, until, &pauses);
            prop_assert_eq!(summed.map_err(|e| e.to_string()), walked.map_err(|e| e.to_string()));
        }
    }
}
