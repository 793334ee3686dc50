//! The TOML shape of a desk calendar. Values are checked while they are read,
//! so a bad window or zone is reported with the file, line and key it came from.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::time::Tz;
use chrono::{NaiveDate, Weekday};
use serde::Deserialize;

use super::window::{Window, WindowList};

/// A whole calendar file: `calendars/<desk>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    /// What the desk is, for people reading the file and `--help`.
    #[serde(default)]
    pub description: String,
    /// IANA time zone of the desk's wall-clock hours.
    pub timezone: ZoneName,
    /// Weekly hours; several entries may cover different year ranges.
    pub hours: Vec<WeeklyHours>,
    #[serde(default, rename = "holiday")]
    pub holidays: Vec<HolidayRule>,
    #[serde(default, rename = "special")]
    pub specials: Vec<SpecialDay>,
}

#[derive(Debug, Clone, Copy)]
pub struct ZoneName(pub Tz);

impl<'de> Deserialize<'de> for ZoneName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Tz::from_str(&name)
            .map(ZoneName)
            .map_err(|_| serde::de::Error::custom(format!("unknown IANA time zone '{name}'")))
    }
}

/// The weekly pattern of one clock: windows per weekday.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, try_from = "BTreeMap<DayKey, WindowList>")]
pub struct WeekWindows(pub [Vec<Window>; 7]);

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct DayKey(pub Weekday);

impl Ord for DayKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .num_days_from_monday()
            .cmp(&other.0.num_days_from_monday())
    }
}

impl PartialOrd for DayKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<'de> Deserialize<'de> for DayKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        parse_weekday(&key).map(DayKey).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown weekday '{key}'; use mon, tue, wed, thu, fri, sat or sun"
            ))
        })
    }
}

pub fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_lowercase().as_str() {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

impl TryFrom<BTreeMap<DayKey, WindowList>> for WeekWindows {
    type Error = String;
    fn try_from(map: BTreeMap<DayKey, WindowList>) -> Result<Self, String> {
        let mut week: [Vec<Window>; 7] = Default::default();
        for (day, list) in map {
            week[day.0.num_days_from_monday() as usize] = list.0;
        }
        check_week_overlap(&week)?;
        Ok(WeekWindows(week))
    }
}

/// Windows of one week may not overlap, also across midnight and from
/// Sunday into Monday.
fn check_week_overlap(week: &[Vec<Window>; 7]) -> Result<(), String> {
    const WEEK: u32 = 7 * 86_400;
    let mut spans: Vec<(u32, u32, u32, Window)> = Vec::new();
    for (day, windows) in (0u32..).zip(week.iter()) {
        for w in windows {
            let start = day * 86_400 + w.start;
            spans.push((start, start + w.length(), day, *w));
        }
    }
    spans.sort_unstable_by_key(|s| s.0);
    for pair in spans.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.0 < a.1 {
            return Err(format!(
                "window {} on {} overlaps {} on {}",
                b.3,
                weekday_name(b.2),
                a.3,
                weekday_name(a.2)
            ));
        }
    }
    if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
        if last.1 > WEEK && last.1 - WEEK > first.0 {
            return Err(format!(
                "window {} on {} overlaps {} on {}",
                last.3,
                weekday_name(last.2),
                first.3,
                weekday_name(first.2)
            ));
        }
    }
    Ok(())
}

fn weekday_name(index: u32) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(index % 7) as usize]
}

/// Weekly hours of a desk, valid for a range of years (both ends included).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyHours {
    pub from: Option<i32>,
    pub until: Option<i32>,
    /// Standard hours (every plan).
    pub standard: WeekWindows,
    /// Extra hours on the extended clock, per weekday (Saturday).
    #[serde(default)]
    pub extended: WeekWindows,
    /// Extended-clock hours of a holiday that falls on a standard day.
    #[serde(default)]
    pub holiday: WindowList,
}

/// One holiday rule as written. Exactly one of `date`, `easter`,
/// `month`+`weekday`+`nth` or `dates` (with `years`) says when it falls.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHolidayRule {
    pub name: String,
    /// Fixed month and day, "MM-DD".
    pub date: Option<MonthDay>,
    /// Days after Easter Sunday (1 = Easter Monday, -2 = Good Friday).
    pub easter: Option<i64>,
    /// n-th weekday of a month: `month`, `weekday`, `nth` (-1 = last).
    pub month: Option<u32>,
    pub weekday: Option<WeekdayName>,
    pub nth: Option<i32>,
    /// Holidays no rule computes: every date, with the years the list covers.
    pub dates: Option<Vec<Day>>,
    pub years: Option<[i32; 2]>,
    /// First and last year in which the rule applies.
    pub from: Option<i32>,
    pub until: Option<i32>,
    /// Move a weekend holiday to a weekday.
    pub observed: Option<Observed>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Observed {
    /// Saturday → the Friday before, Sunday → the Monday after (US federal).
    NearestWeekday,
}

#[derive(Debug, Clone, Copy)]
pub struct WeekdayName(pub Weekday);

impl<'de> Deserialize<'de> for WeekdayName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        DayKey::deserialize(d).map(|k| WeekdayName(k.0))
    }
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

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parsed = text.split_once('-').and_then(|(m, d)| {
            let (month, day) = (m.parse().ok()?, d.parse().ok()?);
            // 2000 is a leap year, so 02-29 is accepted as a month-day.
            NaiveDate::from_ymd_opt(2000, month, day)?;
            Some(MonthDay { month, day })
        });
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!("'{text}' is not a month-day like \"12-25\""))
        })
    }
}

/// A one-off day with its own hours, or closed (empty lists).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialDay {
    pub date: Day,
    #[serde(default)]
    pub name: String,
    /// Standard-clock hours of that day (`[]` = closed).
    pub standard: WindowList,
    /// Extended-clock hours; the standard ones when not given.
    pub extended: Option<WindowList>,
}

/// A calendar date, written either as a TOML date (`2026-12-24`) or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) => dt.to_string(),
            other => {
                return Err(serde::de::Error::custom(format!(
                    "expected a date like 2026-12-24, found {other}"
                )))
            }
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Day)
            .map_err(|_| {
                serde::de::Error::custom(format!("'{text}' is not a date like 2026-12-24"))
            })
    }
}

/// A checked holiday rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "RawHolidayRule")]
pub struct HolidayRule {
    pub name: String,
    pub when: When,
    pub from: Option<i32>,
    pub until: Option<i32>,
    pub observed: Option<Observed>,
}

#[derive(Debug, Clone)]
pub enum When {
    Fixed(MonthDay),
    Easter(i64),
    NthWeekday {
        month: u32,
        weekday: Weekday,
        nth: i32,
    },
    Dated {
        dates: Vec<NaiveDate>,
        first_year: i32,
        last_year: i32,
    },
}

impl TryFrom<RawHolidayRule> for HolidayRule {
    type Error = String;
    fn try_from(raw: RawHolidayRule) -> Result<Self, String> {
        let name = raw.name;
        let kinds = [
            raw.date.is_some(),
            raw.easter.is_some(),
            raw.month.is_some() || raw.weekday.is_some() || raw.nth.is_some(),
            raw.dates.is_some() || raw.years.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err(format!(
                "holiday '{name}' needs exactly one of: date = \"MM-DD\"; easter = N; month + weekday + nth; dates = [...] with years = [first, last]"
            ));
        }
        let when = if let Some(day) = raw.date {
            When::Fixed(day)
        } else if let Some(offset) = raw.easter {
            if offset.abs() > 200 {
                return Err(format!(
                    "holiday '{name}': easter offset {offset} is more than 200 days"
                ));
            }
            When::Easter(offset)
        } else if let Some(dates) = raw.dates {
            let [first_year, last_year] = raw
                .years
                .ok_or_else(|| format!("holiday '{name}': a dated list needs years = [first, last], the years it covers"))?;
            if first_year > last_year {
                return Err(format!(
                    "holiday '{name}': years = [{first_year}, {last_year}] ends before it starts"
                ));
            }
            let dates: Vec<NaiveDate> = dates.into_iter().map(|d| d.0).collect();
            if let Some(outside) = dates
                .iter()
                .find(|d| !(first_year..=last_year).contains(&chrono::Datelike::year(*d)))
            {
                return Err(format!("holiday '{name}': {outside} is outside the years {first_year}-{last_year} the list says it covers"));
            }
            When::Dated {
                dates,
                first_year,
                last_year,
            }
        } else if raw.years.is_some() {
            return Err(format!(
                "holiday '{name}': years = [...] goes with dates = [...]"
            ));
        } else {
            let (Some(month), Some(weekday), Some(nth)) = (raw.month, raw.weekday, raw.nth) else {
                return Err(format!(
                    "holiday '{name}': an n-th weekday rule needs month, weekday and nth"
                ));
            };
            if !(1..=12).contains(&month) {
                return Err(format!("holiday '{name}': month {month} is not 1-12"));
            }
            if nth == 0 || !(-5..=5).contains(&nth) {
                return Err(format!(
                    "holiday '{name}': nth {nth} must be 1 to 5, or -1 (last) to -5"
                ));
            }
            When::NthWeekday {
                month,
                weekday: weekday.0,
                nth,
            }
        };
        if let (Some(from), Some(until)) = (raw.from, raw.until) {
            if from > until {
                return Err(format!(
                    "holiday '{name}': from = {from} is after until = {until}"
                ));
            }
        }
        Ok(HolidayRule {
            name,
            when,
            from: raw.from,
            until: raw.until,
            observed: raw.observed,
        })
    }
}
