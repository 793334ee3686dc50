//! The command line: clap types, one module per subcommand, and rendering.
//! Everything here turns arguments into library calls and results into
//! text; the computing is the library's.

mod clock;
mod coverage;
mod deadline;
mod eol;
mod escalate;
mod holidays;
mod render;
mod renew;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};

use slacalc::clock::Pauses;
use slacalc::dataset::DataSet;
use slacalc::deadline::Ticket;
use slacalc::escalation::PriorityChange;
use slacalc::input;
use slacalc::proactive::Release;

const EXIT_STATUS: &str = "EXIT STATUS:
  0  success
  1  any other failure
  2  bad usage or bad input (one line on stderr naming the value)";

/// Support contracts and SLAs as exact arithmetic: response deadlines,
/// escalations and business time across time zones, DST and holidays.
#[derive(Debug, Parser)]
#[command(name = "slacalc", version = version(), about, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,

    /// A folder with calendars/ and/or plans/ replacing the embedded data
    #[arg(long, global = true, env = "SLACALC_DATA", value_name = "DIR")]
    data: Option<PathBuf>,

    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    format: Format,
}

fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} (tz database {})",
            env!("CARGO_PKG_VERSION"),
            chrono_tz::IANA_TZDB_VERSION
        )
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Table,
    /// One JSON document for scripts
    Json,
    /// iCalendar (deadline, holidays)
    Ics,
}

#[derive(Debug, Subcommand)]
enum Command {
    Deadline(deadline::DeadlineArgs),
    Escalate(escalate::EscalateArgs),
    Renew(renew::RenewArgs),
    Eol(eol::EolArgs),
    Coverage(coverage::CoverageArgs),
    Holidays(holidays::HolidaysArgs),
    Clock(clock::ClockArgs),
}

/// What every subcommand gets besides its own arguments.
pub struct Context {
    pub data: DataSet,
    pub now: DateTime<Utc>,
    pub format: Format,
}

/// The ticket flags shared by `deadline` and `escalate`.
#[derive(Debug, Args)]
pub struct TicketArgs {
    /// Support plan: basic, gold or platinum
    #[arg(long)]
    pub plan: String,
    /// Priority: P1 (critical) to P4 (low)
    #[arg(long, required_unless_present = "event", conflicts_with = "event")]
    pub priority: Option<String>,
    /// A proactive-support event (see `coverage --events`): its priority applies
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,
    /// The suite release, for proactive-support eligibility (e.g. "Winter '20")
    #[arg(long, requires = "event")]
    pub release: Option<String>,
    /// Support desk: americas, europe, middle-east or uae
    #[arg(long)]
    pub desk: String,
    /// When the ticket was opened: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    pub opened: String,
    /// Waiting time that does not count, START/END (repeatable)
    #[arg(long = "pause", value_name = "START/END")]
    pub pauses: Vec<String>,
    /// From TIME on the ticket has priority PR (repeatable); targets are
    /// still measured from the opening
    #[arg(long = "priority-change", value_name = "TIME=PR")]
    pub priority_changes: Vec<String>,
}

impl TicketArgs {
    /// The ticket and its priority changes, times read in the desk's zone.
    pub fn parse(&self, context: &Context) -> slacalc::Result<(Ticket, Vec<PriorityChange>)> {
        let zone = context.data.desk(&self.desk)?.zone;
        let priority = match (&self.priority, &self.event) {
            (Some(priority), _) => priority.clone(),
            (None, Some(id)) => {
                let event = context.data.event(id)?;
                let rules = context.data.proactive.as_ref().ok_or_else(|| {
                    slacalc::Error::Input(
                        "the plans file has no [proactive] eligibility rules".into(),
                    )
                })?;
                let release = self.release.as_deref().map(Release::parse).transpose()?;
                rules.check(&context.data.plan(&self.plan)?.name, release)?;
                event.priority.clone()
            }
            (None, None) => return Err(slacalc::Error::Input("give --priority or --event".into())),
        };
        let ticket = Ticket {
            plan: self.plan.clone(),
            priority,
            desk: self.desk.clone(),
            opened: input::instant(&self.opened, zone, context.now)?,
            pauses: parse_pauses(&self.pauses, zone, context.now)?,
        };
        let changes = self
            .priority_changes
            .iter()
            .map(|text| {
                let (at, priority) = text.split_once('=').ok_or_else(|| {
                    slacalc::Error::Input(format!(
                        "--priority-change '{text}' is not TIME=PRIORITY, like 2026-11-23T10:00=P1"
                    ))
                })?;
                Ok(PriorityChange {
                    at: input::instant(at, zone, context.now)?,
                    priority: priority.trim().to_string(),
                })
            })
            .collect::<slacalc::Result<Vec<_>>>()?;
        Ok((ticket, changes))
    }
}

/// Parse `--pause` values in the desk's zone.
pub fn parse_pauses(
    texts: &[String],
    zone: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> slacalc::Result<Pauses> {
    let pauses = texts
        .iter()
        .map(|t| input::pause(t, zone, now))
        .collect::<slacalc::Result<Vec<_>>>()?;
    Pauses::new(pauses)
}

pub fn run(cli: Cli, now: DateTime<Utc>, out: &mut dyn Write) -> anyhow::Result<()> {
    let data = match &cli.data {
        Some(dir) => DataSet::from_dir(dir).with_context(|| format!("--data {}", dir.display()))?,
        None => DataSet::embedded()?,
    };
    let context = Context {
        data,
        now,
        format: cli.format,
    };
    let text = match cli.command {
        Command::Deadline(args) => args.execute(&context)?,
        Command::Escalate(args) => args.execute(&context)?,
        Command::Renew(args) => args.execute(&context)?,
        Command::Eol(args) => args.execute(&context)?,
        Command::Coverage(args) => args.execute(&context)?,
        Command::Holidays(args) => args.execute(&context)?,
        Command::Clock(args) => args.execute(&context)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The error for `--format ics` where a subcommand has no calendar form.
pub fn no_ics(subcommand: &str) -> anyhow::Error {
    slacalc::Error::Input(format!(
        "--format ics is for deadline and holidays, not {subcommand}"
    ))
    .into()
}

/// Print an error as one line and choose the exit status: 2 for bad input,
/// 0 for a closed pipe, 1 for anything else.
pub fn report(error: &anyhow::Error) -> ExitCode {
    if error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
    {
        return ExitCode::SUCCESS;
    }
    let message: Vec<String> = error.chain().map(ToString::to_string).collect();
    eprintln!("slacalc: error: {}", message.join(": "));
    let bad_input = error
        .chain()
        .any(|e| e.downcast_ref::<slacalc::Error>().is_some());
    ExitCode::from(if bad_input { 2 } else { 1 })
}

/// clap's own errors, on one line; help and version go to stdout.
pub fn clap_exit(error: &clap::Error) -> ExitCode {
    if !error.use_stderr() {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let rendered = error.render().to_string();
    let first = rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("bad usage")
        .trim_start_matches("error: ");
    eprintln!("slacalc: error: {first} (see --help)");
    ExitCode::from(2)
}
