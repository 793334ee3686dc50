//! A support desk's calendar: its time zone, weekly hours, holidays and
//! special days, and which local windows are open on a given date for each
//! clock. It knows dates and wall-clock windows; instants are the clock's.

mod holiday;
pub mod schema;
pub mod window;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use crate::clock::{window_instants, ClockKind, Interval};
use crate::error::{Error, Result};
use crate::localtime::window_edge;
use schema::{CalendarFile, HolidayRule, WeeklyHours};
pub use window::Window;

/// The years whose day tables are kept in a fixed array, 1970 to 2099: a
/// table holds about 40 KB when all its days are filled.
const FIRST_NEAR_YEAR: i32 = 1970;
const NEAR_YEAR_COUNT: usize = 130;

/// How many tables of other years a calendar keeps before starting over.
const FAR_YEAR_TABLES: usize = 64;

/// Holidays of one year: date → name.
pub type YearHolidays = BTreeMap<NaiveDate, String>;

#[derive(Debug)]
pub struct Calendar {
    pub name: String,
    pub description: String,
    pub zone: Tz,
    hours: Vec<WeeklyHours>,
    holidays: Vec<HolidayRule>,
    specials: BTreeMap<NaiveDate, Special>,
    holiday_cache: Mutex<HashMap<i32, Arc<YearHolidays>>>,
    /// Each clock's days as instants, in a table per year: a day is
    /// computed once per run, since batches ask for the same days again
    /// and again. Years from 1970 to 2099 sit in a fixed array, read
    /// without a lock.
    near_years: Box<[OnceLock<Arc<YearDays>>]>,
    /// The tables of other years, in a map of bounded size.
    years: Mutex<FxHashMap<(i32, ClockKind), Arc<YearDays>>>,
}

#[derive(Debug)]
struct Special {
    standard: Vec<Window>,
    extended: Vec<Window>,
}

impl Calendar {
    /// Build a calendar from a parsed file; `file` names it in errors.
    pub fn new(name: &str, file: &str, parsed: CalendarFile) -> Result<Calendar> {
        let data_error = |key: &str, message: String| Error::Data {
            file: file.to_string(),
            line: None,
            key: key.to_string(),
            message,
        };
        if parsed.hours.is_empty() {
            return Err(data_error(
                "hours",
                "no weekly hours: add a [[hours]] table".into(),
            ));
        }
        let mut hours = parsed.hours;
        hours.sort_by_key(|h| h.from.unwrap_or(i32::MIN));
        for (i, h) in hours.iter().enumerate() {
            if let (Some(from), Some(until)) = (h.from, h.until) {
                if from > until {
                    return Err(data_error(
                        &format!("hours[{i}]"),
                        format!("from = {from} is after until = {until}"),
                    ));
                }
            }
        }
        for pair in hours.windows(2) {
            let end = pair[0].until.unwrap_or(i32::MAX);
            let start = pair[1].from.unwrap_or(i32::MIN);
            if start <= end {
                return Err(data_error(
                    "hours",
                    "two [[hours]] tables cover the same year; give them from/until years that do not overlap".into(),
                ));
            }
        }
        let mut specials = BTreeMap::new();
        for (i, s) in parsed.specials.into_iter().enumerate() {
            let extended = s.extended.unwrap_or_else(|| s.standard.clone()).0;
            let special = Special {
                standard: s.standard.0,
                extended,
            };
            if specials.insert(s.date.0, special).is_some() {
                return Err(data_error(
                    &format!("special[{i}].date"),
                    format!("{} is listed twice", s.date.0),
                ));
            }
        }
        Ok(Calendar {
            name: name.to_string(),
            description: parsed.description,
            zone: parsed.timezone.0,
            hours,
            holidays: parsed.holidays,
            specials,
            holiday_cache: Mutex::new(HashMap::new()),
            near_years: std::iter::repeat_with(OnceLock::new)
                .take(NEAR_YEAR_COUNT * ClockKind::ALL.len())
                .collect(),
            years: Mutex::new(FxHashMap::default()),
        })
    }

    /// The holidays of a year, computed once and kept.
    pub fn holidays_in(&self, year: i32) -> Result<Arc<YearHolidays>> {
        let cached = self
            .holiday_cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&year)
            .cloned();
        if let Some(found) = cached {
            return Ok(found);
        }
        let computed = Arc::new(holiday::holidays_of_year(&self.name, &self.holidays, year)?);
        self.holiday_cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(year, Arc::clone(&computed));
        Ok(computed)
    }

    /// The holiday's name, if `date` is one.
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<String>> {
        Ok(self.holidays_in(date.year())?.get(&date).cloned())
    }

    /// Dated holiday lists and the last year each covers.
    pub fn dated_list_ends(&self) -> Vec<(String, i32)> {
        self.holidays
            .iter()
            .filter_map(|rule| match rule.when {
                schema::When::Dated { last_year, .. } => Some((rule.name.clone(), last_year)),
                _ => None,
            })
            .collect()
    }

    /// The name of a special day, if `date` is one.
    pub fn is_special(&self, date: NaiveDate) -> bool {
        self.specials.contains_key(&date)
    }

    fn weekly(&self, date: NaiveDate) -> Result<&WeeklyHours> {
        let year = date.year();
        self.hours
            .iter()
            .find(|h| h.from.is_none_or(|f| f <= year) && h.until.is_none_or(|u| year <= u))
            .ok_or_else(|| {
                Error::Input(format!(
                    "calendar '{}' has no weekly hours for {year}",
                    self.name
                ))
            })
    }

    /// The local windows open on `date` on a clock, sorted by start. A
    /// window may end on the next day (it crosses midnight).
    pub fn windows_on(&self, date: NaiveDate, clock: ClockKind) -> Result<Vec<Window>> {
        if clock == ClockKind::AllDay {
            return Ok(vec![Window {
                start: 0,
                end: window::DAY_SECONDS,
            }]);
        }
        if let Some(special) = self.specials.get(&date) {
            return Ok(match clock {
                ClockKind::Standard => special.standard.clone(),
                _ => special.extended.clone(),
            });
        }
        let week = self.weekly(date)?;
        let day = date.weekday().num_days_from_monday() as usize;
        let standard = &week.standard.0[day];
        let is_holiday = self.holidays_in(date.year())?.contains_key(&date);
        Ok(match (clock, is_holiday) {
            (ClockKind::Standard, false) => standard.clone(),
            (ClockKind::Standard, true) => Vec::new(),
            (_, holiday) => {
                // A holiday on a standard day opens the holiday window instead;
                // on a closed day it opens nothing. Saturday's extended
                // window stands either way (SPEC §2).
                let base: &[Window] = match (holiday, standard.is_empty()) {
                    (false, _) => standard,
                    (true, false) => &week.holiday.0,
                    (true, true) => &[],
                };
                union(base, &week.extended.0[day])
            }
        })
    }

    /// The year table of a clock's days, shared by every walk over that year.
    pub fn year_days(&self, year: i32, clock: ClockKind) -> Arc<YearDays> {
        let table = || {
            Arc::new(YearDays {
                year,
                days: std::iter::repeat_with(OnceLock::new).take(366).collect(),
            })
        };
        if let Ok(offset) = usize::try_from(year - FIRST_NEAR_YEAR) {
            let index = offset * ClockKind::ALL.len() + clock as usize;
            if let Some(slot) = self.near_years.get(index) {
                return Arc::clone(slot.get_or_init(table));
            }
        }
        let mut years = self.years.lock().unwrap_or_else(PoisonError::into_inner);
        // Bound the memory of a long run over many years; walks holding a
        // table keep it alive.
        if years.len() >= FAR_YEAR_TABLES {
            years.clear();
        }
        Arc::clone(years.entry((year, clock)).or_insert_with(table))
    }

    /// The day's start and the windows open on `date` on a clock, as instants.
    fn compute_day(&self, date: NaiveDate, clock: ClockKind) -> Result<DayInstants> {
        let open = self
            .windows_on(date, clock)?
            .into_iter()
            .filter_map(|w| window_instants(self, date, w))
            .collect();
        let midnight = date
            .and_hms_opt(0, 0, 0)
            .map(|t| window_edge(self.zone, t))
            .ok_or_else(|| Error::OutOfRange(date.to_string()))?;
        Ok(DayInstants { midnight, open })
    }

    /// A business day: the desk's standard hours are open (SPEC §3).
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool> {
        Ok(!DayWalker::new(self, ClockKind::Standard)
            .day(date)?
            .open
            .is_empty())
    }
}

/// A local day as instants: when it starts, and its open windows.
#[derive(Debug, Clone)]
pub struct DayInstants {
    pub midnight: DateTime<Utc>,
    pub open: Box<[Interval]>,
}

/// One year of a clock's days, each filled the first time it is asked for.
#[derive(Debug)]
pub struct YearDays {
    year: i32,
    days: Box<[OnceLock<DayInstants>]>,
}

/// Reads a clock's days in date order through the calendar's year tables,
/// taking the cache's lock once per year rather than once per day.
#[derive(Debug)]
pub struct DayWalker<'a> {
    calendar: &'a Calendar,
    clock: ClockKind,
    year: Option<Arc<YearDays>>,
}

impl<'a> DayWalker<'a> {
    pub fn new(calendar: &'a Calendar, clock: ClockKind) -> DayWalker<'a> {
        DayWalker {
            calendar,
            clock,
            year: None,
        }
    }

    /// The day `date` on the walker's clock, as instants.
    pub fn day(&mut self, date: NaiveDate) -> Result<&DayInstants> {
        let table = match self.year.take() {
            Some(table) if table.year == date.year() => self.year.insert(table),
            _ => self
                .year
                .insert(self.calendar.year_days(date.year(), self.clock)),
        };
        let cell = &table.days[date.ordinal0() as usize];
        if cell.get().is_none() {
            // Errors (a year without holiday data) are not kept: they are
            // raised again on the next ask.
            let _ = cell.set(self.calendar.compute_day(date, self.clock)?);
        }
        cell.get()
            .ok_or_else(|| Error::OutOfRange(date.to_string()))
    }
}

/// Union of two sorted window lists on one day, merging overlaps.
fn union(a: &[Window], b: &[Window]) -> Vec<Window> {
    if b.is_empty() {
        return a.to_vec();
    }
    let mut all: Vec<Window> = a.iter().chain(b).copied().collect();
    all.sort_unstable_by_key(|w| w.start);
    let mut merged: Vec<Window> = Vec::with_capacity(all.len());
    for w in all {
        if let Some(last) = merged.last_mut() {
            let last_end = last.start + last.length();
            if w.start <= last_end {
                let end = (w.start + w.length()).max(last_end);
                last.end = end % window::DAY_SECONDS;
                if end == window::DAY_SECONDS {
                    last.end = window::DAY_SECONDS;
                }
                continue;
            }
        }
        merged.push(w);
    }
    merged
}
