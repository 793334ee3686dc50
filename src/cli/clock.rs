//! `slacalc clock`: the business-time engine on any desk's calendar.

use clap::{ArgGroup, Args};
use serde::Serialize;

use slacalc::clock::{Clock, ClockKind};
use slacalc::deadline::business_days_with_pauses;
use slacalc::input;

use super::render::{self, rfc3339};
use super::{Context, Format};

/// Add business time to an instant, or measure it between two instants
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("question").required(true).args(["add", "business_days", "until"])),
    after_help = "EXAMPLES:
  slacalc clock --desk europe --from 2026-11-20T16:00:00+01:00 --add 3h
  slacalc clock --desk americas --clock standard --from now --business-days 2
  slacalc clock --desk uae --from 2026-11-23T08:00 --until 2026-11-24T12:00 --format json"
)]
pub struct ClockArgs {
    /// Desk whose calendar to use
    #[arg(long)]
    desk: String,
    /// Clock: standard, extended or 24x7
    #[arg(long, default_value = "extended")]
    clock: String,
    /// Start: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    from: String,
    /// Business time to add: 90s, 45m, 5h30m or PT5H30M
    #[arg(long, value_name = "DURATION")]
    add: Option<String>,
    /// Close of standard hours on the N-th business day after the start's date
    #[arg(long, value_name = "N")]
    business_days: Option<u32>,
    /// Measure the clock time from --from until this instant
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    /// Waiting time that does not count, START/END (repeatable)
    #[arg(long = "pause", value_name = "START/END")]
    pauses: Vec<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct DueJson {
    desk: String,
    clock: String,
    from: String,
    due: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct ElapsedJson {
    desk: String,
    clock: String,
    from: String,
    until: String,
    seconds: i64,
    human: String,
}

impl ClockArgs {
    pub fn execute(&self, context: &Context) -> anyhow::Result<String> {
        let desk = context.data.desk(&self.desk)?;
        let zone = desk.zone;
        let mut kind = ClockKind::parse(&self.clock)?;
        let from = input::instant(&self.from, zone, context.now)?;
        let pauses = input::pauses(&self.pauses, zone, context.now)?;
        if let Some(until_text) = &self.until {
            let until = input::instant(until_text, zone, context.now)?;
            if until < from {
                return Err(slacalc::Error::Input(format!(
                    "--until {until_text} is before --from {}",
                    self.from
                ))
                .into());
            }
            let elapsed = Clock::new(desk, kind).elapsed(from, until, &pauses)?;
            let result = ElapsedJson {
                desk: desk.name.clone(),
                clock: kind.to_string(),
                from: rfc3339(from, zone),
                until: rfc3339(until, zone),
                seconds: elapsed.num_seconds(),
                human: render::hours(elapsed),
            };
            return match context.format {
                Format::Json => render::json(&ClockJson::Elapsed(result)),
                Format::Ics | Format::Csv => Err(super::unsupported(context.format, "clock")),
                Format::Table => Ok(format!(
                    "{} of {} clock time at the {} desk ({}) from {} until {}\n",
                    result.human,
                    kind,
                    desk.name,
                    zone.name(),
                    render::local(from, zone),
                    render::local(until, zone)
                )),
            };
        }
        let due = if let Some(days) = self.business_days {
            // Business days are defined by the standard hours (SPEC §3).
            kind = ClockKind::Standard;
            business_days_with_pauses(desk, from, days, &pauses)?
        } else {
            let amount = input::duration(self.add.as_deref().unwrap_or_default())?;
            Clock::new(desk, kind).due(from, amount, &pauses)?
        };
        let result = DueJson {
            desk: desk.name.clone(),
            clock: kind.to_string(),
            from: rfc3339(from, zone),
            due: rfc3339(due, zone),
        };
        match context.format {
            Format::Json => render::json(&ClockJson::Due(result)),
            Format::Ics | Format::Csv => Err(super::unsupported(context.format, "clock")),
            Format::Table => {
                let what = match (&self.add, self.business_days) {
                    (Some(add), _) => format!("{add} of {kind} clock time"),
                    (None, Some(days)) => format!("{days} business day(s)"),
                    _ => String::new(),
                };
                Ok(format!(
                    "{what} from {} at the {} desk ({}) is due {} ({})\n",
                    render::local(from, zone),
                    desk.name,
                    zone.name(),
                    render::local(due, zone),
                    render::utc(due)
                ))
            }
        }
    }
}

/// The JSON output of `clock`: a due instant, or a measured time.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ClockJson {
    Due(DueJson),
    Elapsed(ElapsedJson),
}
