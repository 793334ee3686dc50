//! Holiday rules evaluated for a year: fixed dates, Easter offsets, n-th
//! weekdays, dated lists, and the observed-day shift.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::rules::{HolidayRule, Observed, When};
use super::YearHolidays;
use crate::error::{Error, Result};

pub fn holidays_of_year(calendar: &str, rules: &[HolidayRule], year: i32) -> Result<YearHolidays> {
    let mut found = YearHolidays::new();
    for rule in rules {
        for y in rule_years(rule, year) {
            if rule.from.is_some_and(|f| y < f) || rule.until.is_some_and(|u| y > u) {
                continue;
            }
            let dates = match dates_of(calendar, rule, y) {
                Ok(dates) => dates,
                // A neighbouring year is read only for the dates it moves
                // into this one; at the end of representable dates it
                // has none.
                Err(Error::OutOfRange(_)) if y != year => continue,
                Err(e) => return Err(e),
            };
            for nominal in dates {
                let date = match rule.observed {
                    Some(Observed::NearestWeekday) => nearest_weekday(nominal),
                    None => nominal,
                };
                if date.year() != year {
                    continue;
                }
                // A moved holiday says so, or the list looks wrong: 24 Dec
                // 2027 is Christmas because 25 Dec is a Saturday.
                let name = if date == nominal {
                    rule.name.clone()
                } else {
                    let day = if nominal.year() == year {
                        nominal.format("%a %m-%d")
                    } else {
                        nominal.format("%a %Y-%m-%d")
                    };
                    format!("{} (observed; the holiday is {day})", rule.name)
                };
                found
                    .entry(date)
                    .and_modify(|names: &mut String| {
                        names.push_str(" / ");
                        names.push_str(&name);
                    })
                    .or_insert(name);
            }
        }
    }
    Ok(found)
}

/// The years whose dates of `rule` may fall in `year`. An observed shift
/// can move a date across the year end (1 Jan 2028, a Saturday, is observed
/// on 31 Dec 2027), and so can an Easter offset (100 days before Easter
/// 2026 is 26 Dec 2025): both read the year before and after. A dated list
/// is read only in the years it covers: the year asked for must be one of
/// them (else the list has no data for it, an error), a neighbouring year
/// outside them moves nothing in.
fn rule_years(rule: &HolidayRule, year: i32) -> impl Iterator<Item = i32> + '_ {
    let crosses = rule.observed.is_some() || matches!(rule.when, When::Easter(_));
    let years = if crosses {
        year.saturating_sub(1)..=year.saturating_add(1)
    } else {
        year..=year
    };
    years.filter(move |&y| match rule.when {
        When::Dated {
            first_year,
            last_year,
            ..
        } => y == year || (first_year..=last_year).contains(&y),
        _ => true,
    })
}

fn dates_of(calendar: &str, rule: &HolidayRule, year: i32) -> Result<Vec<NaiveDate>> {
    let out_of_range = || Error::OutOfRange(format!("holiday '{}' in {year}", rule.name));
    Ok(match &rule.when {
        // 29 February exists only in leap years.
        When::Fixed(md) => NaiveDate::from_ymd_opt(year, md.month, md.day)
            .into_iter()
            .collect(),
        When::Easter(offset) => {
            let easter = easter_sunday(year).ok_or_else(out_of_range)?;
            let date = if *offset >= 0 {
                easter.checked_add_days(Days::new(offset.unsigned_abs()))
            } else {
                easter.checked_sub_days(Days::new(offset.unsigned_abs()))
            };
            vec![date.ok_or_else(out_of_range)?]
        }
        When::NthWeekday {
            month,
            weekday,
            nth,
        } => nth_weekday(year, *month, *weekday, *nth)
            .into_iter()
            .collect(),
        When::Dated {
            dates,
            first_year,
            last_year,
        } => {
            if !(*first_year..=*last_year).contains(&year) {
                return Err(Error::NoHolidayData {
                    calendar: calendar.to_string(),
                    holiday: rule.name.clone(),
                    year,
                    first_year: *first_year,
                    last_year: *last_year,
                });
            }
            dates.iter().copied().filter(|d| d.year() == year).collect()
        }
    })
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in
/// Meeus, "Astronomical Algorithms").
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The n-th (1-based; negative from the end, -1 = last) weekday of a month.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i32) -> Option<NaiveDate> {
    let n = u8::try_from(nth.unsigned_abs()).ok()?;
    if nth > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    } else {
        let first_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = first_next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let date = last.checked_sub_days(Days::new(u64::from(back) + 7 * (u64::from(n) - 1)))?;
        (date.month() == month).then_some(date)
    }
}

fn nearest_weekday(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date.pred_opt().unwrap_or(date),
        Weekday::Sun => date.succ_opt().unwrap_or(date),
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn easter_sundays_from_published_tables() {
        // Western Easter dates as published (e.g. by the USNO).
        for (y, m, day) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "{y}");
        }
    }

    #[test]
    fn last_and_nth_weekdays() {
        // Memorial Day: last Monday of May 2026 is the 25th (May 31 is a Sunday).
        assert_eq!(nth_weekday(2026, 5, Weekday::Mon, -1), Some(d(2026, 5, 25)));
        // Thanksgiving: 4th Thursday of November 2026 (Nov 5 is the 1st).
        assert_eq!(
            nth_weekday(2026, 11, Weekday::Thu, 4),
            Some(d(2026, 11, 26))
        );
        // December 2026 starts on a Tuesday, so its last Thursday is the 31st.
        assert_eq!(
            nth_weekday(2026, 12, Weekday::Thu, -1),
            Some(d(2026, 12, 31))
        );
        // There is no 5th Monday in February 2026.
        assert_eq!(nth_weekday(2026, 2, Weekday::Mon, 5), None);
    }
}
