//! A clock's days as instants, and the cache that keeps them. A batch asks
//! for the same days again and again, so each day is built once: its local
//! windows resolved to instants. The cache belongs to the thread (no lock)
//! and is bounded: past [`MAX_TABLES`] year tables it starts over, so memory
//! stays flat whatever the spread of dates and desks.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use rustc_hash::FxHashMap;

use super::{ClockKind, Interval};
use crate::calendar::window::DAY_SECONDS;
use crate::calendar::{Calendar, Window};
use crate::error::{Error, Result};
use crate::time::window_edge;

/// The most year tables (one desk, clock and year each, about 30 KB when
/// full) a thread keeps: about 8 MB.
pub const MAX_TABLES: usize = 256;

/// A local day's open windows as instants (its start is kept apart, in
/// the year table's midnights: it needs none of the day's rules).
#[derive(Debug, Clone)]
pub struct DayInstants {
    pub open: Box<[Interval]>,
}

/// One year of a clock's days, each filled the first time it is asked for.
#[derive(Debug)]
struct YearDays {
    year: i32,
    days: Box<[OnceCell<DayInstants>]>,
    /// Each day's local midnight, which needs none of the day's rules.
    midnights: Box<[OnceCell<Option<DateTime<Utc>>>]>,
}

type TableKey = (u64, ClockKind, i32);

thread_local! {
    static TABLES: RefCell<FxHashMap<TableKey, Rc<YearDays>>> =
        RefCell::new(FxHashMap::default());
}

/// The most whole-year sums a thread keeps before it starts over.
const MAX_YEAR_SUMS: usize = 4_096;

thread_local! {
    static YEAR_SUMS: RefCell<FxHashMap<TableKey, chrono::TimeDelta>> =
        RefCell::new(FxHashMap::default());
}

/// The clock time of a whole local year of a calendar's clock, computed by
/// `sum` the first time a thread asks for it.
pub fn year_sum(
    calendar: &Calendar,
    clock: ClockKind,
    year: i32,
    sum: impl FnOnce() -> Result<chrono::TimeDelta>,
) -> Result<chrono::TimeDelta> {
    let key = (calendar.id(), clock, year);
    if let Some(known) = YEAR_SUMS.with(|sums| sums.borrow().get(&key).copied()) {
        return Ok(known);
    }
    let computed = sum()?;
    YEAR_SUMS.with(|sums| {
        let mut sums = sums.borrow_mut();
        if sums.len() >= MAX_YEAR_SUMS {
            sums.clear();
        }
        sums.insert(key, computed);
    });
    Ok(computed)
}

/// The year table of a calendar's clock; walks holding a table keep it
/// alive when the cache starts over.
fn year_table(calendar: &Calendar, clock: ClockKind, year: i32) -> Rc<YearDays> {
    TABLES.with(|tables| {
        let mut tables = tables.borrow_mut();
        if tables.len() >= MAX_TABLES {
            tables.clear();
        }
        Rc::clone(
            tables
                .entry((calendar.id(), clock, year))
                .or_insert_with(|| {
                    Rc::new(YearDays {
                        year,
                        days: std::iter::repeat_with(OnceCell::new).take(366).collect(),
                        midnights: std::iter::repeat_with(OnceCell::new).take(366).collect(),
                    })
                }),
        )
    })
}

/// Reads a clock's days in date order, looking the cache up once per year
/// rather than once per day.
#[derive(Debug)]
pub struct DayWalker<'a> {
    calendar: &'a Calendar,
    clock: ClockKind,
    year: Option<Rc<YearDays>>,
}

impl<'a> DayWalker<'a> {
    pub fn new(calendar: &'a Calendar, clock: ClockKind) -> DayWalker<'a> {
        DayWalker {
            calendar,
            clock,
            year: None,
        }
    }

    /// The table of `date`'s year, looked up when the year changes.
    fn table(&mut self, date: NaiveDate) -> &YearDays {
        match self.year.take() {
            Some(table) if table.year == date.year() => self.year.insert(table),
            _ => self
                .year
                .insert(year_table(self.calendar, self.clock, date.year())),
        }
    }

    /// The instant `date` begins at the desk: its local midnight (or the
    /// end of a DST gap at midnight).
    pub fn midnight(&mut self, date: NaiveDate) -> Result<DateTime<Utc>> {
        let zone = self.calendar.zone;
        let cell = &self.table(date).midnights[date.ordinal0() as usize];
        cell.get_or_init(|| {
            date.and_hms_opt(0, 0, 0)
                .map(|local| window_edge(zone, local))
        })
        .ok_or_else(|| Error::OutOfRange(date.to_string()))
    }

    /// The day `date` on the walker's clock, as instants.
    pub fn day(&mut self, date: NaiveDate) -> Result<&DayInstants> {
        let (calendar, clock) = (self.calendar, self.clock);
        let table = self.table(date);
        let cell = &table.days[date.ordinal0() as usize];
        if cell.get().is_none() {
            // Errors (a year without holiday data) are not kept: they are
            // raised again on the next ask.
            let _ = cell.set(compute_day(calendar, date, clock)?);
        }
        cell.get()
            .ok_or_else(|| Error::OutOfRange(date.to_string()))
    }
}

/// The windows open on `date` on a clock, as instants.
fn compute_day(calendar: &Calendar, date: NaiveDate, clock: ClockKind) -> Result<DayInstants> {
    let open = calendar
        .windows_on(date, clock)?
        .into_iter()
        .filter_map(|w| window_instants(calendar, date, w))
        .collect();
    Ok(DayInstants { open })
}

/// The instants of a local window on `date`.
fn window_instants(calendar: &Calendar, date: NaiveDate, window: Window) -> Option<Interval> {
    let zone = calendar.zone;
    let at = |day: NaiveDate, seconds: u32| {
        let (day, seconds) = if seconds >= DAY_SECONDS {
            (day.succ_opt()?, seconds - DAY_SECONDS)
        } else {
            (day, seconds)
        };
        let time = NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0)?;
        Some(window_edge(zone, day.and_time(time)))
    };
    let end_day = if window.crosses_midnight() {
        date.succ_opt()?
    } else {
        date
    };
    let start = at(date, window.start)?;
    let end = at(end_day, window.end)?;
    // A window wholly inside a DST gap does not exist.
    (end > start).then_some(Interval { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::DataSet;

    /// Walking three centuries of days on every clock of two desks asks
    /// for 1,800 year tables; the cache never holds more than its bound.
    #[test]
    fn the_day_cache_stays_bounded() {
        let embedded = DataSet::embedded().unwrap();
        for desk in ["americas", "europe"] {
            let calendar = embedded.desk(desk).unwrap();
            for clock in ClockKind::ALL {
                let mut walker = DayWalker::new(calendar, clock);
                for year in 1800..2100 {
                    let july = NaiveDate::from_ymd_opt(year, 7, 1).unwrap();
                    walker.midnight(july).unwrap();
                    let held = TABLES.with(|tables| tables.borrow().len());
                    assert!(held <= MAX_TABLES, "{held} tables held");
                }
            }
        }
    }
}
