//! The ticket flags `deadline` and `escalate` share, and how either runs:
//! one ticket from the flags, or a batch from `--input`.

use std::borrow::Cow;
use std::io::Write;

use clap::Args;

use slacalc::record::{ExtraFields, TicketFields};

use super::batch;
use super::{Context, Execute, Format, Usage};

/// The ticket flags shared by `deadline` and `escalate`.
#[derive(Debug, Args)]
pub struct TicketArgs {
    /// Support plan: basic, gold or platinum
    #[arg(long, required_unless_present = "input", value_parser = super::names::plans(), hide_possible_values = true)]
    pub plan: Option<String>,
    /// Priority: P1 (critical) to P4 (low)
    #[arg(long, required_unless_present_any = ["event", "input"], conflicts_with = "event", value_parser = super::names::priorities(), hide_possible_values = true)]
    pub priority: Option<String>,
    /// A proactive-support event (see `coverage --events`): its priority applies
    #[arg(long, value_name = "ID", value_parser = super::names::events(), hide_possible_values = true)]
    pub event: Option<String>,
    /// The suite release, for proactive-support eligibility (e.g. "Winter '20")
    #[arg(long, requires = "event")]
    pub release: Option<String>,
    /// Support desk: americas, europe, middle-east or uae
    #[arg(long, required_unless_present = "input", value_parser = super::names::desks(), hide_possible_values = true)]
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
    /// The export's own column (or key) for a field, FIELD=COLUMN
    /// (repeatable), e.g. opened="Created at"
    #[arg(long, value_name = "FIELD=COLUMN", requires = "input")]
    pub map: Vec<String>,
    /// Format of --input (default: from the extension; else told from the
    /// first character: a letter starts a CSV header, else JSON Lines)
    #[arg(long, value_enum, requires = "input")]
    pub input_format: Option<batch::InputFormat>,
    /// Workers reading --input, output still in input order (default: the
    /// number of cores)
    #[arg(long, value_name = "N", requires = "input")]
    pub jobs: Option<std::num::NonZeroUsize>,
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
            desk: text(self.desk.as_ref()).unwrap_or_default(),
            opened: Cow::Borrowed(&self.opened),
            pauses: list(&self.pauses),
            extra: Some(Box::new(ExtraFields {
                event: text(self.event.as_ref()),
                release: text(self.release.as_ref()),
                priority_changes: list(&self.priority_changes),
                ..ExtraFields::default()
            })),
        }
    }
}

/// A subcommand about tickets: one from its flags, or a batch from `--input`.
pub trait TicketCommand {
    fn ticket(&self) -> &TicketArgs;
    /// The rendered answer for the ticket given by the flags.
    fn single(&self, context: &Context) -> anyhow::Result<String>;
    /// The writer of batch output, one line per input ticket. It is made
    /// once per run, so it may keep what the lines share.
    fn batch_lines<'c>(
        &'c self,
        context: &'c Context,
    ) -> impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()> + 'c;
}

impl<T: TicketCommand + Sync> Execute for T {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        run(self, context, out)
    }
}

fn run(
    command: &(impl TicketCommand + Sync),
    context: &Context,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let ticket = command.ticket();
    if ticket.release.is_some() && ticket.event.is_none() {
        return Err(Usage(
            "--release is the suite release of a proactive --event; give --event too".into(),
        )
        .into());
    }
    match &ticket.input {
        Some(_) if matches!(context.format_given, Some(Format::Table | Format::Ics)) => Err(Usage(
            "--input writes one JSON object (or CSV row) per ticket; use --format json or csv"
                .into(),
        )
        .into()),
        Some(path) => batch::run(
            &batch::Batch {
                source: batch::Source {
                    path,
                    format: ticket.input_format,
                    map: &ticket.map,
                },
                // A CSV row cannot hold an error object.
                errors: if context.format() == Format::Csv {
                    batch::ErrorPlacement::Stderr
                } else {
                    batch::ErrorPlacement::InPlace
                },
                jobs: batch::jobs(ticket.jobs),
                make: &|| command.batch_lines(context),
            },
            out,
        ),
        None => Ok(out.write_all(command.single(context)?.as_bytes())?),
    }
}
