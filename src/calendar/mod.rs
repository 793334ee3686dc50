//! A support desk's calendar: its time zone, weekly hours, holidays and
//! special days, and which local windows are open on a given date for each
//! clock. It knows dates and wall-clock windows; instants are the clock's.

mod holiday;
pub mod schema;
pub mod window;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::Tz;
use schema::{CalendarFile, HolidayRule, WeeklyHours};
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

#[derive(Debug)]
pub struct Calendar {
    pub name: String,
    pub description: String,
    pub zone: Tz,
    hours: Vec<WeeklyHours>,
    holidays: Vec<HolidayRule>,
    specials: BTreeMap<NaiveDate, Special>,
    holiday_cache: Mutex<HashMap<i32, Arc<YearHolidays>>>,
    /// Tells this calendar apart from every other one built in the process
    /// (the clock keys its day cache by it).
    id: u64,
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
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
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
