//! The TOML shape of a desk calendar (`calendars/<desk>.toml`) and its
//! checks. Values are checked while they are read, and the rules after, so
//! that every problem is reported with the file, line and key it came from.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{NaiveDate, Weekday};
use serde::Deserialize;
use toml::Spanned;

use super::{data_error, line_of};
use crate::calendar::rules::{
    HolidayRule, MonthDay, Observed, SpecialDay, Week, WeeklyHours, When,
};
use crate::calendar::{Calendar, Window};
use crate::error::{Error, Result};
use crate::time::Tz;

/// A whole calendar file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    /// What the desk is, for people reading the file and `--help`.
    #[serde(default)]
    description: String,
    /// IANA time zone of the desk's wall-clock hours.
    timezone: ZoneName,
    /// Weekly hours; several entries may cover different year ranges.
    hours: Vec<Spanned<HoursTable>>,
    #[serde(default, rename = "holiday")]
    holidays: Vec<Spanned<RawHolidayRule>>,
    #[serde(default, rename = "special")]
    specials: Vec<Spanned<SpecialTable>>,
}

#[derive(Debug, Clone, Copy)]
struct ZoneName(Tz);

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
#[serde(try_from = "BTreeMap<String, WindowList>")]
struct WeekWindows(Week);

impl TryFrom<BTreeMap<String, WindowList>> for WeekWindows {
    type Error = String;
    fn try_from(map: BTreeMap<String, WindowList>) -> Result<Self, String> {
        let mut week: Week = Default::default();
        // The key each weekday was given by: `mon` and `Mon` (or `monday`)
        // name one day, and one of them would silently replace the other.
        let mut keys: [Option<&str>; 7] = Default::default();
        for (key, list) in &map {
            let day = parse_weekday(key).ok_or_else(|| unknown_weekday(key))?;
            let index = day.num_days_from_monday() as usize;
            if let Some(other) = keys[index] {
                return Err(format!(
                    "'{other}' and '{key}' name the same weekday; give each weekday once"
                ));
            }
            keys[index] = Some(key);
            week[index].clone_from(&list.0);
        }
        check_week_overlap(&week)?;
        Ok(WeekWindows(week))
    }
}

/// The windows of one day, sorted, none overlapping another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct WindowList(Vec<Window>);

impl<'de> Deserialize<'de> for WindowList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let texts = Vec::<String>::deserialize(d)?;
        let mut windows = texts
            .iter()
            .map(|t| Window::parse(t))
            .collect::<Result<Vec<_>, _>>()
            .map_err(serde::de::Error::custom)?;
        windows.sort_unstable_by_key(|w| w.start);
        for pair in windows.windows(2) {
            if pair[1].start < pair[0].start + pair[0].length() {
                return Err(serde::de::Error::custom(format!(
                    "window {} overlaps {}",
                    pair[1], pair[0]
                )));
            }
        }
        Ok(WindowList(windows))
    }
}

/// An `[[hours]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursTable {
    from: Option<i32>,
    until: Option<i32>,
    standard: WeekWindows,
    #[serde(default)]
    extended: WeekWindows,
    #[serde(default)]
    holiday: WindowList,
}

/// One holiday rule as written. Exactly one of `date`, `easter`,
/// `month`+`weekday`+`nth` or `dates` (with `years`) says when it falls.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHolidayRule {
    name: String,
    date: Option<MonthDayText>,
    easter: Option<i64>,
    month: Option<u32>,
    weekday: Option<WeekdayName>,
    nth: Option<i32>,
    dates: Option<Vec<Day>>,
    years: Option<[i32; 2]>,
    from: Option<i32>,
    until: Option<i32>,
    observed: Option<ObservedName>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ObservedName {
    NearestWeekday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MonthDayText {
    month: u32,
    day: u32,
}

/// A `[[special]]` day: its own hours, or closed (empty lists).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecialTable {
    date: Day,
    #[serde(default)]
    #[allow(dead_code)]
    name: String,
    standard: WindowList,
    extended: Option<WindowList>,
}

/// Build the calendar of desk `name` from its file; the first problem is
/// the error.
pub fn calendar(name: &str, file: &str, text: &str) -> Result<Calendar> {
    checked(name, file, text).map_err(|mut problems| problems.swap_remove(0))
}

/// Build the calendar of desk `name`, or every problem found in its file:
/// a parse error stops the reading, but the checks after it each look at
/// their own table, so `check` can list them all at once.
pub(super) fn checked(
    name: &str,
    file: &str,
    text: &str,
) -> std::result::Result<Calendar, Vec<Error>> {
    let parsed: CalendarFile = super::parse_toml(file, text).map_err(|e| vec![e])?;
    let error = |span: Option<std::ops::Range<usize>>, key: &str, message: String| {
        data_error(file, span.map(|s| line_of(text, s.start)), key, message)
    };
    if parsed.hours.is_empty() {
        return Err(vec![error(
            None,
            "hours",
            "no weekly hours: add a [[hours]] table".into(),
        )]);
    }
    let mut problems = Vec::new();
    let mut hours: Vec<(std::ops::Range<usize>, WeeklyHours)> = parsed
        .hours
        .into_iter()
        .map(|table| {
            let span = table.span();
            let table = table.into_inner();
            (
                span,
                WeeklyHours {
                    from: table.from,
                    until: table.until,
                    standard: table.standard.0,
                    extended: table.extended.0,
                    holiday: table.holiday.0,
                },
            )
        })
        .collect();
    for (i, (span, h)) in hours.iter().enumerate() {
        if let (Some(from), Some(until)) = (h.from, h.until) {
            if from > until {
                problems.push(error(
                    Some(span.clone()),
                    &format!("hours[{i}]"),
                    format!("from = {from} is after until = {until}"),
                ));
            }
        }
    }
    hours.sort_by_key(|(_, h)| h.from.unwrap_or(i32::MIN));
    for pair in hours.windows(2) {
        let end = pair[0].1.until.unwrap_or(i32::MAX);
        let start = pair[1].1.from.unwrap_or(i32::MIN);
        if start <= end {
            problems.push(error(
                Some(pair[1].0.clone()),
                "hours",
                "two [[hours]] tables cover the same year; give them from/until years that do not overlap".into(),
            ));
        }
    }
    let mut holidays = Vec::with_capacity(parsed.holidays.len());
    for (i, rule) in parsed.holidays.into_iter().enumerate() {
        let span = rule.span();
        match holiday_rule(rule.into_inner()) {
            Ok(rule) => holidays.push(rule),
            Err(message) => problems.push(error(Some(span), &format!("holiday[{i}]"), message)),
        }
    }
    let mut specials = BTreeMap::new();
    for (i, special) in parsed.specials.into_iter().enumerate() {
        let span = special.span();
        let s = special.into_inner();
        let extended = s.extended.unwrap_or_else(|| s.standard.clone()).0;
        let day = SpecialDay {
            standard: s.standard.0,
            extended,
        };
        if specials.insert(s.date.0, day).is_some() {
            problems.push(error(
                Some(span),
                &format!("special[{i}].date"),
                format!("{} is listed twice", s.date.0),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Calendar::new(
        name,
        parsed.description,
        parsed.timezone.0,
        hours.into_iter().map(|(_, h)| h).collect(),
        holidays,
        specials,
    ))
}

fn unknown_weekday(key: &str) -> String {
    format!("unknown weekday '{key}'; use mon, tue, wed, thu, fri, sat or sun")
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

#[derive(Debug, Clone, Copy)]
struct WeekdayName(Weekday);

impl<'de> Deserialize<'de> for WeekdayName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        parse_weekday(&key)
            .map(WeekdayName)
            .ok_or_else(|| serde::de::Error::custom(unknown_weekday(&key)))
    }
}

impl<'de> Deserialize<'de> for MonthDayText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parsed = text.split_once('-').and_then(|(m, d)| {
            let (month, day) = (m.parse().ok()?, d.parse().ok()?);
            // 2000 is a leap year, so 02-29 is accepted as a month-day.
            NaiveDate::from_ymd_opt(2000, month, day)?;
            Some(MonthDayText { month, day })
        });
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!("'{text}' is not a month-day like \"12-25\""))
        })
    }
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
    let overlap = |later: (u32, u32, u32, Window), earlier: (u32, u32, u32, Window)| {
        format!(
            "window {} on {} overlaps {} on {}",
            later.3,
            weekday_name(later.2),
            earlier.3,
            weekday_name(earlier.2)
        )
    };
    for pair in spans.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.0 < a.1 {
            return Err(overlap(b, a));
        }
    }
    if let (Some(&first), Some(&last)) = (spans.first(), spans.last()) {
        if last.1 > WEEK && last.1 - WEEK > first.0 {
            return Err(overlap(last, first));
        }
    }
    Ok(())
}

fn weekday_name(index: u32) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(index % 7) as usize]
}

fn holiday_rule(raw: RawHolidayRule) -> Result<HolidayRule, String> {
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
        When::Fixed(MonthDay {
            month: day.month,
            day: day.day,
        })
    } else if let Some(offset) = raw.easter {
        if offset.abs() > 200 {
            return Err(format!(
                "holiday '{name}': easter offset {offset} is more than 200 days"
            ));
        }
        When::Easter(offset)
    } else if let Some(dates) = raw.dates {
        let [first_year, last_year] = raw.years.ok_or_else(|| {
            format!(
                "holiday '{name}': a dated list needs years = [first, last], the years it covers"
            )
        })?;
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
        observed: raw.observed.map(|o| match o {
            ObservedName::NearestWeekday => Observed::NearestWeekday,
        }),
    })
}
