//! The command line: clap types and one module per subcommand. Each turns
//! its arguments into library calls and hands the results to `render`; the
//! computing is the library's, the text is the renderers'. Batches come
//! through `source` (a file read in chunks through the library's
//! pipeline) and `batch` (their output lines and failures); event logs
//! through `event_source`, judged in `event_audit`. Flag names are added
//! to errors here, never in the library.

mod audit;
mod batch;
mod check;
mod clock;
mod coverage;
mod deadline;
mod eol;
mod escalate;
mod event_audit;
mod event_source;
mod format;
mod generate;
mod holidays;
mod names;
mod queue;
mod renew;
mod report;
mod schema;
mod source;
mod ticket;

pub use format::{Format, TableJsonCsv, TableJsonIcs, TableOrJson};
pub use report::{clap_exit, one_line, report, ClosedAfterFailures, Usage};

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use slacalc::load::DataSet;

const EXIT_STATUS: &str = "EXIT STATUS:
  0  success
  1  any other failure
  2  bad usage or bad input (one line on stderr naming the value)

ENVIRONMENT:
  SLACALC_DATA  a folder replacing the embedded data (as --data)
  SLACALC_NOW   pins \"now\" (RFC 3339), for reproducible output";

/// Support contracts and SLAs as exact arithmetic: response deadlines,
/// escalations and business time across time zones, DST and holidays.
#[derive(Debug, Parser)]
#[command(name = "slacalc", version = version(), about, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,

    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "A folder with calendars/ and/or plans/ replacing the embedded data [env: SLACALC_DATA]"
    )]
    data: Option<PathBuf>,

    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        help = "Colour in tables: overdue and breached in red (auto: on a terminal, and not with NO_COLOR set)"
    )]
    color: ColorChoice,
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
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
    Queue(queue::QueueArgs),
    Check(check::CheckArgs),
    Schema(schema::SchemaArgs),
    Completions(generate::CompletionsArgs),
    Man(generate::ManArgs),
}

/// What every subcommand gets besides its own arguments. The data set is
/// loaded on first use: `completions` or `schema` never need it.
pub struct Context {
    data_dir: Option<PathBuf>,
    data: OnceLock<DataSet>,
    pub now: DateTime<Utc>,
    /// `--format` as given, if it was.
    pub format_given: Option<Format>,
    /// How output is shown: colour, width and the default thresholds
    /// (a command with its own, the queue's `--warn`, replaces them).
    pub screen: crate::render::Screen,
}

impl Context {
    /// The output format: a table unless `--format` says otherwise.
    pub fn format(&self) -> Format {
        self.format_given.unwrap_or(Format::Table)
    }

    /// The data set: the embedded one, or `--data`'s.
    pub fn data(&self) -> anyhow::Result<&DataSet> {
        if let Some(data) = self.data.get() {
            return Ok(data);
        }
        let data = match &self.data_dir {
            Some(dir) => {
                DataSet::from_dir(dir).with_context(|| format!("--data {}", dir.display()))?
            }
            None => DataSet::embedded()?,
        };
        Ok(self.data.get_or_init(|| data))
    }

    /// `--data`, if given.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.data_dir.as_deref()
    }
}

/// A subcommand: its arguments, run against the context, writing to `out`.
pub trait Execute {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()>;
}

impl Command {
    /// The subcommand to run, and `--format` as given to it, if it was.
    fn parts(&self) -> (&dyn Execute, Option<Format>) {
        match self {
            Command::Deadline(args) => (args, args.format),
            Command::Escalate(args) => (args, args.format.map(Into::into)),
            Command::Audit(args) => (args, args.format.map(Into::into)),
            Command::Queue(args) => (args, args.format.map(Into::into)),
            Command::Holidays(args) => (args, args.format.map(Into::into)),
            Command::Renew(args) => (args, args.format.map(Into::into)),
            Command::Eol(args) => (args, args.format.map(Into::into)),
            Command::Coverage(args) => (args, args.format.map(Into::into)),
            Command::Clock(args) => (args, args.format.map(Into::into)),
            Command::Check(args) => (args, args.format.map(Into::into)),
            Command::Schema(args) => (args, None),
            Command::Completions(args) => (args, None),
            Command::Man(args) => (args, None),
        }
    }
}

pub fn run(cli: Cli, now: DateTime<Utc>, out: &mut dyn Write) -> anyhow::Result<()> {
    // An empty SLACALC_DATA is no folder: the embedded data applies.
    let data_dir = cli.data.or_else(|| {
        std::env::var_os("SLACALC_DATA")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
    });
    let colors = match cli.color {
        ColorChoice::Always => {
            // Asked for: even where NO_COLOR is set.
            crossterm::style::force_color_output(true);
            true
        }
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            use std::io::IsTerminal;
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let context = Context {
        data_dir,
        data: OnceLock::new(),
        now,
        format_given: cli.command.parts().1,
        screen: crate::render::Screen {
            colors,
            width: output_width(),
            warn: slacalc::queue::Thresholds::default(),
        },
    };
    cli.command.parts().0.execute(&context, out)
}

/// The width output must fit: the terminal's (a pty reporting 0 columns
/// counts as unknown), else `COLUMNS`, else none (a pipe).
fn output_width() -> Option<u16> {
    use std::io::IsTerminal;
    let terminal = io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(columns, _)| columns)
        .filter(|columns| *columns > 0);
    terminal.or_else(|| {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|columns| *columns > 0)
    })
}
