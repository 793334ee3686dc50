//! A support desk's calendar: its time zone, weekly hours, holidays and
//! special days, and which local windows are open on a given date for each
//! clock. It knows dates and wall-clock windows; instants are the clock's.

mod holiday;
pub mod rules;
pub mod window;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::Tz;
use rules::{HolidayRule, SpecialDay, WeeklyHours};
pub use window::Window;

/// The clock a target runs on (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClockKind {
    /// The desk's standard business hours.
    #[serde(rename = "standard")]
    Standard,
    /// Standard hours plus Saturday and holiday hours.
    #[serde(rename = "extended")]
    Extended,
    /// Around the clock.
    #[serde(rename = "24x7")]
    AllDay,
}

impl ClockKind {
    pub const ALL: [ClockKind; 3] = [ClockKind::Standard, ClockKind::Extended, ClockKind::AllDay];

    pub fn name(self) -> &'static str {
        match self {
            ClockKind::Standard => "standard",
            ClockKind::Extended => "extended",
            ClockKind::AllDay => "24x7",
        }
    }

    pub fn parse(text: &str) -> Result<ClockKind> {
        let lower = text.to_ascii_lowercase();
        ClockKind::ALL
            .into_iter()
            .find(|k| k.name() == lower || (lower == "24/7" && *k == ClockKind::AllDay))
            .ok_or_else(|| Error::unknown("clock", text, ClockKind::ALL.map(ClockKind::name)))
    }
}

impl fmt::Display for ClockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The source of calendar ids.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// Holidays of one year: date → name.
pub type YearHolidays = BTreeMap<NaiveDate, String>;

/// The most years of holidays a calendar keeps; past that its cache starts
/// over, so memory stays flat whatever the spread of years asked for.
pub const MAX_CACHED_YEARS: usize = 256;

#[derive(Debug)]
pub struct Calendar {
    pub name: String,
    pub description: String,
    pub zone: Tz,
    hours: Vec<WeeklyHours>,
    holidays: Vec<HolidayRule>,
    specials: BTreeMap<NaiveDate, SpecialDay>,
    holiday_cache: Mutex<HashMap<i32, Arc<YearHolidays>>>,
    /// Whether some window of the standard clock, or of the extended clock,
    /// ends after the midnight of its day.
    crosses_midnight: [bool; 2],
    /// Tells this calendar apart from every other one built in the process
    /// (the clock keys its day cache by it).
    id: u64,
}

impl Calendar {
    /// A calendar from its checked rules.
    pub fn new(
        name: &str,
        description: String,
        zone: Tz,
        hours: Vec<WeeklyHours>,
        holidays: Vec<HolidayRule>,
        specials: BTreeMap<NaiveDate, SpecialDay>,
    ) -> Calendar {
        let standard = hours
            .iter()
            .flat_map(|h| h.standard.iter().flatten())
            .chain(specials.values().flat_map(|s| &s.standard))
            .any(|w| w.ends_next_day());
        // The extended clock opens the standard windows too.
        let extended = standard
            || hours
                .iter()
                .flat_map(|h| h.extended.iter().flatten().chain(&h.holiday))
                .chain(specials.values().flat_map(|s| &s.extended))
                .any(|w| w.ends_next_day());
        let crosses_midnight = [standard, extended];
        Calendar {
            crosses_midnight,
            name: name.to_string(),
            description,
            zone,
            hours,
            holidays,
            specials,
            holiday_cache: Mutex::new(HashMap::new()),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The holidays of a year, computed once and kept (up to
    /// [`MAX_CACHED_YEARS`] years at a time).
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
        let mut cache = self
            .holiday_cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if cache.len() >= MAX_CACHED_YEARS {
            cache.clear();
        }
        cache.insert(year, Arc::clone(&computed));
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
                rules::When::Dated { last_year, .. } => Some((rule.name.clone(), last_year)),
                _ => None,
            })
            .collect()
    }

    /// Whether a window of `clock` can reach past midnight into the next
    /// day: only then does a walk from a date need the day before it.
    pub fn crosses_midnight(&self, clock: ClockKind) -> bool {
        match clock {
            ClockKind::Standard => self.crosses_midnight[0],
            ClockKind::Extended => self.crosses_midnight[1],
            ClockKind::AllDay => false,
        }
    }

    /// A number telling this calendar apart from every other one built in
    /// the process.
    pub fn id(&self) -> u64 {
        self.id
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
                Error::Lacking(format!(
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
        let standard = &week.standard[day];
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
                    (true, false) => &week.holiday,
                    (true, true) => &[],
                };
                union(base, &week.extended[day])
            }
        })
    }
}

/// Union of two window lists of one day, merging overlaps. A merged window
/// keeps its whole length: when it runs past midnight, its `end` counts
/// from this day's midnight and may pass 24:00 (Saturday 00:00–24:00 with
/// 22:00–02:00 is one window of 26 hours), never wrapped to a shorter one.
fn union(a: &[Window], b: &[Window]) -> Vec<Window> {
    if b.is_empty() {
        return a.to_vec();
    }
    let mut all: Vec<Window> = a.iter().chain(b).copied().collect();
    all.sort_unstable_by_key(|w| w.start);
    let mut merged: Vec<Window> = Vec::with_capacity(all.len());
    for w in all {
        if let Some(last) = merged.last_mut() {
            let last_end = last.end_offset();
            if w.start <= last_end {
                let end = w.end_offset().max(last_end);
                *last = Window::spanning(last.start, end);
                continue;
            }
        }
        merged.push(w);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holiday_cache_stays_bounded() {
        // One fixed holiday, asked for in a thousand different years: the
        // cache may not keep them all, and every answer stays right.
        let rule = HolidayRule {
            name: "New Year's Day".into(),
            when: rules::When::Fixed(rules::MonthDay { month: 1, day: 1 }),
            from: None,
            until: None,
            observed: None,
        };
        let calendar = Calendar::new(
            "test",
            String::new(),
            Tz::UTC,
            vec![WeeklyHours::default()],
            vec![rule],
            BTreeMap::new(),
        );
        for year in 1000..2000 {
            let holidays = calendar.holidays_in(year).unwrap();
            let new_year = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            assert_eq!(holidays.keys().collect::<Vec<_>>(), [&new_year]);
        }
        let held = calendar
            .holiday_cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        assert!(held <= MAX_CACHED_YEARS, "{held} years held");
    }
}
