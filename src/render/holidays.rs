//! A desk's holidays of a year as JSON and as a table.

use serde::Serialize;

use slacalc::calendar::{Calendar, YearHolidays};

#[derive(Serialize, schemars::JsonSchema)]
pub struct HolidayJson {
    date: String,
    weekday: String,
    name: String,
}

impl HolidayJson {
    pub fn list(holidays: &YearHolidays) -> Vec<HolidayJson> {
        holidays
            .iter()
            .map(|(date, name)| HolidayJson {
                date: date.to_string(),
                weekday: date.format("%a").to_string(),
                name: name.clone(),
            })
            .collect()
    }
}

pub fn table(desk: &Calendar, year: i32, holidays: &YearHolidays, screen: super::Screen) -> String {
    let mut table = screen.table(&["date", "day", "holiday"]);
    for r in HolidayJson::list(holidays) {
        table.add_row(vec![r.date, r.weekday, r.name]);
    }
    format!(
        "{} desk ({}) holidays in {}\n{table}\n",
        desk.name,
        desk.zone.name(),
        year
    )
}
