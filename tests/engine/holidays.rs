//! Golden years: every holiday of 2026 and 2027 of the shipped calendars,
//! written out by hand from SPEC §2 (Italian list plus 4 October from 2026;
//! US federal holidays with the observed-day rule; UAE dates from the
//! calendar's named source).

use chrono::NaiveDate;
use slacalc::load::DataSet;

fn dates(desk: &str, year: i32) -> Vec<String> {
    let data = DataSet::embedded().unwrap();
    let holidays = data.desk(desk).unwrap().holidays_in(year).unwrap();
    holidays.keys().map(NaiveDate::to_string).collect()
}

// Europe 2026: Easter Sunday is 5 April → Easter Monday 6 April; 4 October
// applies from 2026 (a Sunday, still listed). 12 dates.
pub const EUROPE_2026: &[&str] = &[
    "2026-01-01",
    "2026-01-06",
    "2026-04-06",
    "2026-04-25",
    "2026-05-01",
    "2026-06-02",
    "2026-08-15",
    "2026-10-04",
    "2026-11-01",
    "2026-12-08",
    "2026-12-25",
    "2026-12-26",
];

// Americas 2026: MLK 3rd Mon Jan (5, 12, 19); Washington 3rd Mon Feb (2, 9, 16);
// Memorial last Mon May (25); Juneteenth Fri 19 Jun; Independence Day Sat 4 Jul →
// observed Fri 3 Jul; Labor 1st Mon Sep (7); Columbus 2nd Mon Oct (5, 12);
// Veterans Wed 11 Nov; Thanksgiving 4th Thu Nov (26); Christmas Fri 25 Dec;
// New Year Thu 1 Jan. 11 dates.
pub const AMERICAS_2026: &[&str] = &[
    "2026-01-01",
    "2026-01-19",
    "2026-02-16",
    "2026-05-25",
    "2026-06-19",
    "2026-07-03",
    "2026-09-07",
    "2026-10-12",
    "2026-11-11",
    "2026-11-26",
    "2026-12-25",
];

// UAE 2026 (both Dubai desks): New Year; Eid al-Fitr 19–22 Mar; Arafah 26 May and
// Eid al-Adha 27–29 May; Islamic New Year 15 Jun; Prophet's Birthday 28 Aug;
// National Day 2–3 Dec. 13 dates.
pub const UAE_2026: &[&str] = &[
    "2026-01-01",
    "2026-03-19",
    "2026-03-20",
    "2026-03-21",
    "2026-03-22",
    "2026-05-26",
    "2026-05-27",
    "2026-05-28",
    "2026-05-29",
    "2026-06-15",
    "2026-08-28",
    "2026-12-02",
    "2026-12-03",
];

// Europe 2027: Easter Sunday is 28 March, so Easter Monday is 29 March.
const EUROPE_2027: &[&str] = &[
    "2027-01-01",
    "2027-01-06",
    "2027-03-29",
    "2027-04-25",
    "2027-05-01",
    "2027-06-02",
    "2027-08-15",
    "2027-10-04",
    "2027-11-01",
    "2027-12-08",
    "2027-12-25",
    "2027-12-26",
];

// Americas 2027: Juneteenth (Sat 19 June) → Fri 18 June; Independence Day
// (Sun 4 July) → Mon 5 July; Christmas (Sat 25 Dec) → Fri 24 Dec; New
// Year's Day 2028 (Sat) → Fri 31 Dec 2027, across the year end.
const AMERICAS_2027: &[&str] = &[
    "2027-01-01",
    "2027-01-18",
    "2027-02-15",
    "2027-05-31",
    "2027-06-18",
    "2027-07-05",
    "2027-09-06",
    "2027-10-11",
    "2027-11-11",
    "2027-11-25",
    "2027-12-24",
    "2027-12-31",
];

#[test]
fn golden_years() {
    // Each desk's holidays of the year, in date order, as listed above.
    for (desk, year, expected) in [
        ("europe", 2026, EUROPE_2026),
        ("europe", 2027, EUROPE_2027),
        ("americas", 2026, AMERICAS_2026),
        ("americas", 2027, AMERICAS_2027),
        // Both Dubai desks share the UAE list.
        ("uae", 2026, UAE_2026),
        ("middle-east", 2026, UAE_2026),
    ] {
        assert_eq!(dates(desk, year), expected, "{desk} {year}");
    }
}

#[test]
fn europe_2025_has_no_st_francis() {
    // The 4 October rule starts in 2026.
    assert!(!dates("europe", 2025).contains(&"2025-10-04".to_string()));
    assert_eq!(dates("europe", 2025).len(), 11);
}

#[test]
fn americas_2028_new_year_observed_in_2027() {
    // 1 Jan 2028 is observed in 2027, so 2028 has no 1 January holiday.
    let y2028 = dates("americas", 2028);
    assert!(!y2028.contains(&"2028-01-01".to_string()));
    assert!(
        y2028.contains(&"2028-11-10".to_string()),
        "Veterans Day (Sat) observed Fri 10 Nov"
    );
}

#[test]
fn uae_year_without_data_is_an_error() {
    let data = DataSet::embedded().unwrap();
    let error = data
        .desk("uae")
        .unwrap()
        .holidays_in(2029)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("2029") && error.contains("2025-2028"),
        "{error}"
    );
}

#[test]
fn observed_holidays_say_which_day_they_stand_for() {
    // US federal rule (SPEC §2): 25 Dec 2027 and 1 Jan 2028 are Saturdays,
    // observed on Fri 24 Dec and Fri 31 Dec 2027; 4 Jul 2027 is a Sunday,
    // observed Mon 5 Jul. A day that is not moved keeps its plain name.
    let data = DataSet::embedded().unwrap();
    let year = data.desk("americas").unwrap().holidays_in(2027).unwrap();
    let name = |date: &str| year[&NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap()].clone();
    assert_eq!(
        name("2027-12-24"),
        "Christmas Day (observed; the holiday is Sat 12-25)"
    );
    assert_eq!(
        name("2027-12-31"),
        "New Year's Day (observed; the holiday is Sat 2028-01-01)"
    );
    assert_eq!(
        name("2027-07-05"),
        "Independence Day (observed; the holiday is Sun 07-04)"
    );
    assert_eq!(name("2027-11-25"), "Thanksgiving Day");
}
