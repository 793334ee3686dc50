//! The rules of a desk calendar, checked and ready for use: weekly hours
//! per year range, holiday rules and special days. `load` builds them from
//! TOML.

use std::fmt;

use chrono::{NaiveDate, Weekday};

use super::Window;

/// Windows per weekday, Monday first.
pub type Week = [Vec<Window>; 7];

/// Weekly hours of a desk, valid for a range of years (both ends included).
#[derive(Debug, Clone, Default)]
pub struct WeeklyHours {
    pub from: Option<i32>,
    pub until: Option<i32>,
    /// Standard hours (every plan).
    pub standard: Week,
    /// Extra hours on the extended clock, per weekday (Saturday).
    pub extended: Week,
    /// Extended-clock hours of a holiday that falls on a standard day.
    pub holiday: Vec<Window>,
}

/// A one-off day with its own hours (empty lists: closed).
#[derive(Debug, Clone)]
pub struct SpecialDay {
    pub standard: Vec<Window>,
    pub extended: Vec<Window>,
}

/// A holiday rule: when it falls, in which years, and whether a weekend
/// date moves to a weekday.
#[derive(Debug, Clone)]
pub struct HolidayRule {
    pub name: String,
    pub when: When,
    /// First and last year in which the rule applies.
    pub from: Option<i32>,
    pub until: Option<i32>,
    pub observed: Option<Observed>,
}

#[derive(Debug, Clone)]
pub enum When {
    Fixed(MonthDay),
    /// Days after Easter Sunday (1 = Easter Monday, -2 = Good Friday).
    Easter(i64),
    NthWeekday {
        month: u32,
        weekday: Weekday,
        /// 1 to 5, or -1 (last) to -5.
        nth: i32,
    },
    /// Dates no rule computes, with the years the list covers.
    Dated {
        dates: Vec<NaiveDate>,
        first_year: i32,
        last_year: i32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observed {
    /// Saturday → the Friday before, Sunday → the Monday after (US federal).
    NearestWeekday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}
