//! `slacalc escalate`: the escalation timeline of a ticket and who holds it.

use std::borrow::Cow;

use clap::Args;

use slacalc::escalation::{escalate, Escalation};
use slacalc::record::TicketFields;
use slacalc::resolve::Resolver;

use super::ticket::{TicketArgs, TicketCommand};
use super::{Context, Format};
use crate::render::{self, escalate::to_json};

/// Who must the ticket be escalated to, and when is the next step
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc escalate --plan gold --priority p2 --desk europe \\
      --opened 2026-11-20T10:00:00+01:00
  slacalc escalate --plan basic --priority p1 --desk americas \\
      --opened 2026-11-02T09:00 --at 2026-11-06T12:00
  slacalc escalate --plan gold --priority p3 --desk uae --opened 2026-11-23T09:00 \\
      --priority-change 2026-11-24T12:00=P1 --format json")]
pub struct EscalateArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableJsonCsv>,
    #[command(flatten)]
    pub ticket: TicketArgs,
    /// The moment to ask about: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    at: String,
}

impl TicketCommand for EscalateArgs {
    fn ticket(&self) -> &TicketArgs {
        &self.ticket
    }

    fn single(&self, context: &Context) -> anyhow::Result<String> {
        let mut fields = self.ticket.fields();
        fields.extra_mut().at = Some(Cow::Borrowed(&self.at));
        let result = compute(
            &mut Resolver::new(context.data()?, context.now),
            context,
            &fields,
        )?;
        match context.format() {
            Format::Json => render::json(&to_json(&result)),
            Format::Csv => render::CsvRows::document(&render::escalate::row(to_json(&result))),
            // `--format ics` is refused by the argument parser for this subcommand.
            Format::Table | Format::Ics => Ok(render::escalate::table(&result, context.screen)),
        }
    }

    /// One line of batch output; a line without `at` is asked at `--at`.
    fn batch_lines<'c>(
        &'c self,
        context: &'c Context,
    ) -> impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()> + 'c {
        let mut rows = render::CsvRows::default();
        let mut names = None;
        move |fields, line| {
            let names = match &mut names {
                Some(names) => names,
                None => names.insert(Resolver::new(context.data()?, context.now)),
            };
            let mut fields: TicketFields = fields.clone();
            if fields.extra().at.is_none() {
                fields.extra_mut().at = Some(Cow::Borrowed(&self.at));
            }
            let mut json = to_json(&compute(names, context, &fields)?);
            json.id.clone_from(&fields.id);
            if context.format() == Format::Csv {
                return rows.write(&render::escalate::row(json), line);
            }
            serde_json::to_writer(line, &json)?;
            Ok(())
        }
    }
}

fn compute<'a>(
    names: &mut Resolver<'a>,
    context: &Context,
    fields: &TicketFields,
) -> anyhow::Result<Escalation<'a>> {
    let ticket = names.ticket(fields)?;
    let at = ticket.times().at.unwrap_or(context.now);
    escalate(&ticket, at).map_err(|e| match e {
        slacalc::Error::BeforeOpening { at, opened, .. } => slacalc::Error::BeforeOpening {
            what: "--at",
            at,
            opened,
        }
        .into(),
        other => other.into(),
    })
}
