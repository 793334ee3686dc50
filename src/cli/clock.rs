//! `slacalc clock`: the business-time engine on any desk's calendar.

use std::io::Write;

use clap::{ArgGroup, Args};

use slacalc::clock::{Clock, ClockKind};
use slacalc::deadline::{self, Span};
use slacalc::input;

use super::{Context, Execute, Format, Usage};
use crate::render::{self, clock::ClockJson};

/// Add business time to an instant, or measure it between two instants
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("question").required(true).args(["add", "before", "business_days", "until"])),
    after_help = "EXAMPLES:
  slacalc clock --desk europe --from 2026-11-20T16:00:00+01:00 --add 3h
  slacalc clock --desk europe --from 2026-11-23T10:00:00+01:00 --before 2h
  slacalc clock --desk americas --clock standard --from now --business-days 2
  slacalc clock --desk uae --from 2026-11-23T08:00 --until 2026-11-24T12:00 --format json"
)]
pub struct ClockArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableOrJson>,
    /// Desk whose calendar to use
    #[arg(long, value_parser = super::names::desks(), hide_possible_values = true)]
    desk: String,
    /// Clock: standard, extended (the default) or 24x7
    #[arg(long, value_parser = super::names::clocks(), hide_possible_values = true)]
    clock: Option<String>,
    /// Start: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    from: String,
    /// Business time to add: 90s, 45m, 5h30m or PT5H30M
    #[arg(long, value_name = "DURATION")]
    add: Option<String>,
    /// Business time to count back from --from (a reminder before a
    /// deadline): the latest instant with that much clock time before it
    #[arg(long, value_name = "DURATION")]
    before: Option<String>,
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

impl Execute for ClockArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let desk = context.data()?.desk(&self.desk)?;
        let zone = desk.zone;
        let kind = match (&self.clock, self.business_days) {
            (None, None) => ClockKind::Extended,
            (None, Some(_)) => ClockKind::Standard,
            (Some(text), days) => {
                let kind = ClockKind::parse(text)?;
                // Business days are defined by the standard hours (SPEC §3).
                if days.is_some() && kind != ClockKind::Standard {
                    return Err(Usage(format!(
                        "--business-days counts the standard hours; --clock {text} does not apply"
                    ))
                    .into());
                }
                kind
            }
        };
        let from = input::instant(&self.from, zone, context.now)?;
        let pauses = input::pauses(&self.pauses, zone, context.now)?;
        let result = if let Some(before) = &self.before {
            let amount = duration(before)?;
            let at = Clock::new(desk, kind).before(from, amount, &pauses)?;
            ClockJson::before(desk, kind, from, before, at)
        } else if let Some(until_text) = &self.until {
            let until = input::instant(until_text, zone, context.now)?;
            if until < from {
                return Err(Usage(format!(
                    "--until {until_text} is before --from {}",
                    self.from
                ))
                .into());
            }
            let elapsed = Clock::new(desk, kind).elapsed(from, until, &pauses)?;
            ClockJson::elapsed(desk, kind, from, until, elapsed)
        } else {
            // Counted from the effective start, as a deadline is.
            let span = match self.business_days {
                Some(days) => Span::BusinessDays(days),
                None => Span::Time(duration(self.add.as_deref().unwrap_or_default())?),
            };
            let due = deadline::due_after(desk, kind, span, from, &pauses)?;
            ClockJson::due(desk, kind, from, due)
        };
        let text = if context.format() == Format::Json {
            render::json(&result)?
        } else {
            let asked = match (&self.add, self.business_days) {
                (Some(add), _) => format!("{add} of {kind} clock time"),
                (None, Some(days)) => format!("{days} business day(s)"),
                _ => format!("{kind} clock"),
            };
            render::clock::table(desk, &result, &asked, context.screen)
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}

/// A duration of business time; days and the like point to the flag that
/// counts business days.
fn duration(text: &str) -> anyhow::Result<chrono::TimeDelta> {
    input::duration(text).map_err(|e| match e {
        slacalc::Error::CalendarDuration(shown) => Usage(format!(
            "'{shown}': days, months or years are not business time; give hours (PT40H) or use --business-days"
        ))
        .into(),
        other => other.into(),
    })
}
