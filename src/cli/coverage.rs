//! `slacalc coverage`: the plan comparison, whether a desk serves a plan at
//! an instant, its hours over a week, and the proactive-support events.

use std::io::Write;

use clap::Args;

use slacalc::coverage::{days, status};
use slacalc::input;
use slacalc::plan::Plan;

use super::{Context, Execute, Format, Usage};
use crate::render::coverage as show;

/// What each plan includes, and whether a desk serves a plan now
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc coverage
  slacalc coverage --plan gold --desk uae --at 2026-11-27T10:00
  slacalc coverage --desk middle-east --week
  slacalc coverage --events")]
pub struct CoverageArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableOrJson>,
    /// One plan only
    #[arg(long, value_parser = super::names::plans(), hide_possible_values = true)]
    plan: Option<String>,
    /// A desk: is it serving the plan at --at?
    #[arg(long, value_parser = super::names::desks(), hide_possible_values = true)]
    desk: Option<String>,
    /// The instant to ask about: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    at: String,
    /// The desk's hours for each plan over the 7 days from --at
    #[arg(long, requires = "desk")]
    week: bool,
    /// List the proactive-support events and their priorities
    #[arg(long, conflicts_with_all = ["desk", "week"])]
    events: bool,
}

impl Execute for CoverageArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let data = context.data()?;
        let json = context.format() == Format::Json;
        let plans: Vec<&Plan> = match &self.plan {
            Some(name) => vec![data.plan(name)?],
            None => data.plans_in_order().collect(),
        };
        let text = if self.events {
            show::events(data, json, context.screen)?
        } else if let Some(desk_name) = &self.desk {
            let desk = data.desk(desk_name)?;
            let at = input::instant(&self.at, desk.zone, context.now)?;
            if self.week {
                let first = slacalc::time::local_date(desk.zone, at)
                    .ok_or_else(|| slacalc::Error::OutOfRange(at.to_string()))?;
                let week = days(&plans, desk, first, 7)?;
                show::week(&plans, desk, first, &week, json, context.screen)?
            } else {
                let [plan] = plans.as_slice() else {
                    return Err(
                        Usage("--desk needs --plan (or --week for every plan)".into()).into(),
                    );
                };
                show::status(
                    plan,
                    desk,
                    at,
                    &status(plan, desk, at)?,
                    json,
                    context.screen,
                )?
            }
        } else {
            show::matrix(data, &plans, json, context.screen)?
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}
