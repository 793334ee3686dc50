//! `slacalc deadline`: when are a ticket's notification and response due.

use clap::Args;

use slacalc::deadline::{self, Deadline, TargetDue};
use slacalc::record::TicketFields;
use slacalc::resolve::Resolver;
use slacalc::ticket::Ticket;

use super::ticket::{TicketArgs, TicketCommand};
use super::{Context, Format, Usage};
use crate::render::{self, deadline::DeadlineJson, deadline::PlainLines};

/// When is a ticket's response due (and, for P1, the priority notification)
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc deadline --plan gold --priority p2 --desk europe \\
      --opened 2026-11-20T17:30:00+01:00
  slacalc deadline --plan basic --priority p1 --desk americas \\
      --opened '2026-11-25 16:00' --explain
  slacalc deadline --plan platinum --priority p1 --desk uae \\
      --pause 2026-11-23T10:00/2026-11-23T11:00 --format json
  slacalc deadline --input examples/tickets.jsonl --format json")]
pub struct DeadlineArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::Format>,
    #[command(flatten)]
    pub ticket: TicketArgs,
    /// List every counted window with its length
    #[arg(long)]
    pub explain: bool,
}

impl TicketCommand for DeadlineArgs {
    fn ticket(&self) -> &TicketArgs {
        &self.ticket
    }

    fn single(&self, context: &Context) -> anyhow::Result<String> {
        let fields = self.ticket.fields();
        let (result, ticket) = compute(
            &mut Resolver::new(context.data()?, context.now),
            &fields,
            self.explain,
        )?;
        match context.format() {
            Format::Json => render::json(&DeadlineJson::new(&result, &ticket, self.explain)),
            Format::Table => {
                let used = |target: Option<&TargetDue>| {
                    target
                        .map(|t| {
                            deadline::used_percent(
                                ticket.desk(),
                                t.target,
                                ticket.opened(),
                                ticket.pauses(),
                                context.now,
                            )
                        })
                        .transpose()
                        .map(Option::flatten)
                };
                let used = render::deadline::Used {
                    notification: used(result.notification.as_ref())?,
                    response: used(Some(&result.response))?,
                };
                Ok(render::deadline::table(
                    &result,
                    &ticket,
                    context.now,
                    &used,
                    self.explain,
                    context.screen,
                ))
            }
            Format::Ics => Ok(render::ics::deadline(&result, context.now)),
            Format::Csv => {
                refuse_explain_in_csv(self.explain)?;
                render::CsvRows::document(&render::deadline::row(DeadlineJson::new(
                    &result, &ticket, false,
                )))
            }
        }
    }

    /// Batch output: per line the same object as `--format json`, on one
    /// line. A ticket with only a plan, priority, desk, opening and pauses
    /// (the bulk of any export) is written from pieces escaped once per
    /// plan × priority × desk; any other takes the general path.
    fn batch_lines<'c>(
        &'c self,
        context: &'c Context,
    ) -> impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()> + 'c {
        let mut plain = PlainLines::default();
        let mut rows = render::CsvRows::default();
        let mut names = None;
        move |fields, line| {
            if context.format() == Format::Csv {
                refuse_explain_in_csv(self.explain)?;
            }
            let names = match &mut names {
                Some(names) => names,
                None => names.insert(Resolver::new(context.data()?, context.now)),
            };
            // Resolved and computed here, not returned as a pair: a batch
            // moves each ticket's values as few times as it can.
            let ticket = names.ticket(fields)?;
            let result = deadline::compute(&ticket, self.explain)?;
            if context.format() == Format::Csv {
                let mut json = DeadlineJson::new(&result, &ticket, false);
                json.id.clone_from(&fields.id);
                return rows.write(&render::deadline::row(json), line);
            }
            if self.explain || !ticket.changes().is_empty() {
                let mut json = DeadlineJson::new(&result, &ticket, self.explain);
                json.id.clone_from(&fields.id);
                serde_json::to_writer(line, &json)?;
            } else {
                plain.write(&result, fields.id.as_ref(), line)?;
            }
            Ok(())
        }
    }
}

/// The deadline of a ticket, and the ticket.
pub fn compute<'a>(
    names: &mut Resolver<'a>,
    fields: &TicketFields,
    explain: bool,
) -> anyhow::Result<(Deadline<'a>, Ticket<'a>)> {
    let ticket = names.ticket(fields)?;
    Ok((deadline::compute(&ticket, explain)?, ticket))
}

fn refuse_explain_in_csv(explain: bool) -> Result<(), Usage> {
    if explain {
        return Err(Usage(
            "--explain lists windows, which a CSV row cannot hold; use --format table or json"
                .into(),
        ));
    }
    Ok(())
}
