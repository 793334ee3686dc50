//! The command line: clap types, one module per subcommand, and rendering.
//! Everything here turns arguments into library calls and results into
//! text; the computing is the library's.

mod audit;
mod batch;
mod check;
mod clock;
mod coverage;
mod deadline;
mod eol;
mod escalate;
mod holidays;
mod render;
mod renew;
mod schema;

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use slacalc::load::DataSet;
use slacalc::ticket::TicketFields;

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
            slacalc::time::TZDB_VERSION
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
    /// Comma-separated values (audit, deadline, escalate)
    Csv,
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
    Audit(audit::AuditArgs),
    Check(check::CheckArgs),
    Schema(schema::SchemaArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
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
    #[arg(long, required_unless_present = "input")]
    pub plan: Option<String>,
    /// Priority: P1 (critical) to P4 (low)
    #[arg(long, required_unless_present_any = ["event", "input"], conflicts_with = "event")]
    pub priority: Option<String>,
    /// A proactive-support event (see `coverage --events`): its priority applies
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,
    /// The suite release, for proactive-support eligibility (e.g. "Winter '20")
    #[arg(long, requires = "event")]
    pub release: Option<String>,
    /// Support desk: americas, europe, middle-east or uae
    #[arg(long, required_unless_present = "input")]
    pub desk: Option<String>,
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
    /// Batch mode: tickets from a JSON Lines or CSV file (- for stdin), one
    /// JSON object out per line
    #[arg(long, value_name = "FILE", conflicts_with_all = ["plan", "priority", "desk", "event"])]
    pub input: Option<String>,
    /// Format of --input (default: from the extension; stdin: jsonl)
    #[arg(long, value_enum, requires = "input")]
    pub input_format: Option<batch::InputFormat>,
}

impl TicketArgs {
    /// The flags as the fields a batch line also has.
    pub fn fields(&self) -> TicketFields<'_> {
        fn text(t: Option<&String>) -> Option<Cow<'_, str>> {
            t.map(|t| Cow::Borrowed(t.as_str()))
        }
        fn list(l: &[String]) -> Vec<Cow<'_, str>> {
            l.iter().map(|t| Cow::Borrowed(t.as_str())).collect()
        }
        TicketFields {
            id: None,
            plan: text(self.plan.as_ref()).unwrap_or_default(),
            priority: text(self.priority.as_ref()),
            event: text(self.event.as_ref()),
            release: text(self.release.as_ref()),
            desk: text(self.desk.as_ref()).unwrap_or_default(),
            opened: Cow::Borrowed(&self.opened),
            pauses: list(&self.pauses),
            priority_changes: list(&self.priority_changes),
            at: None,
            responded: None,
        }
    }
}

pub fn run(cli: Cli, now: DateTime<Utc>, out: &mut dyn Write) -> anyhow::Result<()> {
    // Subcommands that need no data.
    match &cli.command {
        Command::Completions { shell } => {
            out.write_all(&completions(*shell))?;
            return Ok(());
        }
        Command::Man => {
            out.write_all(&man_page()?)?;
            return Ok(());
        }
        Command::Schema(args) => {
            out.write_all(args.execute()?.as_bytes())?;
            return Ok(());
        }
        Command::Check(args) => return args.execute(cli.data.as_deref(), now, out),
        _ => {}
    }
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
        Command::Deadline(args) => return run_ticket_command(&args, &context, out),
        Command::Escalate(args) => return run_ticket_command(&args, &context, out),
        Command::Renew(args) => args.execute(&context)?,
        Command::Eol(args) => args.execute(&context)?,
        Command::Coverage(args) => args.execute(&context)?,
        Command::Holidays(args) => args.execute(&context)?,
        Command::Clock(args) => args.execute(&context)?,
        Command::Audit(args) => return args.execute(&context, out),
        Command::Check(_) | Command::Schema(_) | Command::Completions { .. } | Command::Man => {
            String::new()
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A subcommand about tickets: one from its flags, or a batch from `--input`.
pub trait TicketCommand {
    fn ticket(&self) -> &TicketArgs;
    /// The rendered answer for the ticket given by the flags.
    fn execute(&self, context: &Context) -> anyhow::Result<String>;
    /// The writer of batch output, one line per input ticket. It is made
    /// once per run, so it may keep what the lines share.
    fn batch_lines<'c>(
        &'c self,
        context: &'c Context,
    ) -> impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()> + 'c;
}

fn run_ticket_command(
    command: &impl TicketCommand,
    context: &Context,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let ticket = command.ticket();
    match &ticket.input {
        Some(path) => batch::run(
            path,
            ticket.input_format,
            // A CSV row cannot hold an error object.
            if context.format == Format::Csv {
                batch::ErrorPlacement::Stderr
            } else {
                batch::ErrorPlacement::InPlace
            },
            out,
            command.batch_lines(context),
        ),
        None => Ok(out.write_all(command.execute(context)?.as_bytes())?),
    }
}

/// Shell completions, generated from the clap definition.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "slacalc", &mut out);
    out
}

/// The man page, generated from the clap definition.
pub fn man_page() -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(out)
}

/// The error for a `--format` a subcommand does not offer.
pub fn unsupported(format: Format, subcommand: &str) -> anyhow::Error {
    let offered = match format {
        Format::Ics => "deadline and holidays",
        Format::Csv => "audit, deadline and escalate",
        Format::Table | Format::Json => "every subcommand",
    };
    let name = format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    slacalc::Error::Input(format!(
        "--format {name} is for {offered}, not {subcommand}"
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
    eprintln!("slacalc: error: {}", one_line(error));
    let bad_input = error
        .chain()
        .any(|e| e.downcast_ref::<slacalc::Error>().is_some());
    ExitCode::from(if bad_input { 2 } else { 1 })
}

/// An error and its causes on one line, outermost first.
pub fn one_line(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    /// The committed completions and man page are what the current
    /// definition generates. To refresh them:
    /// `for s in bash zsh fish powershell elvish; do cargo run -q -- completions $s > completions/slacalc.$s; done; cargo run -q -- man > slacalc.1`
    #[test]
    fn generated_files_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
            clap_complete::Shell::Elvish,
        ] {
            let name = format!("slacalc.{}", shell.to_string().to_lowercase());
            let committed = std::fs::read(root.join("completions").join(&name)).unwrap_or_default();
            assert!(
                committed == completions(shell),
                "completions/{name} is stale; regenerate it (see this test's doc)"
            );
        }
        let committed = std::fs::read(root.join("slacalc.1")).unwrap_or_default();
        assert!(
            committed == man_page().unwrap(),
            "slacalc.1 is stale; regenerate it (see this test's doc)"
        );
    }
}
