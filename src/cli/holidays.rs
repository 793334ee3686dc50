//! `slacalc holidays`: a desk's holidays for a year, from its calendar rules.

use std::io::Write;

use clap::Args;

use super::{Context, Execute, Format};
use crate::render::{self, holidays::HolidayJson};

/// A desk's holidays for a year, with their names
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc holidays --desk europe --year 2026
  slacalc holidays --desk americas --year 2027 --format json
  slacalc holidays --desk uae --year 2026 --format ics > uae-2026.ics")]
pub struct HolidaysArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableJsonIcs>,
    /// Support desk
    #[arg(long, value_parser = super::names::desks(), hide_possible_values = true)]
    desk: String,
    /// The year (1900 to 2200)
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
    year: i32,
}

impl Execute for HolidaysArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let desk = context.data()?.desk(&self.desk)?;
        let holidays = desk.holidays_in(self.year)?;
        let text = match context.format() {
            Format::Json => render::json(&HolidayJson::list(&holidays))?,
            Format::Ics => render::ics::holidays(&desk.name, &holidays, context.now),
            _ => render::holidays::table(desk, self.year, &holidays, context.screen),
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}
