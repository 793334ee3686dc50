//! `slacalc holidays`: a desk's holidays for a year, from its calendar rules.

use clap::Args;
use serde::Serialize;

use super::render;
use super::{Context, Format};

/// A desk's holidays for a year, with their names
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc holidays --desk europe --year 2026
  slacalc holidays --desk americas --year 2027 --format json
  slacalc holidays --desk uae --year 2026 --format ics > uae-2026.ics")]
pub struct HolidaysArgs {
    /// Support desk
    #[arg(long)]
    desk: String,
    /// The year
    #[arg(long)]
    year: i32,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct HolidayJson {
    date: String,
    weekday: String,
    name: String,
}

impl HolidaysArgs {
    pub fn execute(&self, context: &Context) -> anyhow::Result<String> {
        let desk = context.data.desk(&self.desk)?;
        let holidays: Vec<(chrono::NaiveDate, String)> = desk
            .holidays_in(self.year)?
            .iter()
            .map(|(d, n)| (*d, n.clone()))
            .collect();
        let rows: Vec<HolidayJson> = holidays
            .iter()
            .map(|(date, name)| HolidayJson {
                date: date.to_string(),
                weekday: date.format("%a").to_string(),
                name: name.clone(),
            })
            .collect();
        match context.format {
            Format::Json => render::json(&rows),
            Format::Ics => Ok(render::ics_holidays(&desk.name, &holidays, context.now)),
            Format::Csv => Err(super::unsupported(context.format, "holidays")),
            Format::Table => {
                let mut table = render::table(&["date", "day", "holiday"]);
                for r in &rows {
                    table.add_row(vec![r.date.clone(), r.weekday.clone(), r.name.clone()]);
                }
                Ok(format!(
                    "{} desk ({}) holidays in {}\n{table}\n",
                    desk.name,
                    desk.zone.name(),
                    self.year
                ))
            }
        }
    }
}
