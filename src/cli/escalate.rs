//! `slacalc escalate`: the escalation timeline of a ticket and who holds it.

use std::borrow::Cow;

use clap::Args;
use serde::Serialize;

use slacalc::escalation::{escalate, Escalation, Step, StepStatus};

use super::deadline::{history_json, PriorityJson};
use super::render::{self, rfc3339};
use super::{Context, Format, TicketArgs, TicketCommand};
use slacalc::ticket::TicketFields;

/// Who must the ticket be escalated to, and when is the next step
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc escalate --plan gold --priority p2 --desk europe --opened 2026-11-20T10:00:00+01:00
  slacalc escalate --plan basic --priority p1 --desk americas --opened 2026-11-02T09:00 --at 2026-11-06T12:00
  slacalc escalate --plan gold --priority p3 --desk uae --opened 2026-11-23T09:00 --priority-change 2026-11-24T12:00=P1 --format json")]
pub struct EscalateArgs {
    #[command(flatten)]
    pub ticket: TicketArgs,
    /// The moment to ask about: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    at: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct EscalationJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
    plan: String,
    priority: String,
    desk: String,
    timezone: String,
    opened: String,
    at: String,
    holder: String,
    steps: Vec<StepJson>,
    next: Option<StepJson>,
    response_due: Option<String>,
    on_call: bool,
    priority_since: String,
    priority_history: Vec<PriorityJson>,
}

/// An escalation as one CSV row: who holds the ticket and the next step,
/// without the list of steps and the priority history.
#[derive(Serialize)]
struct EscalationRow {
    id: Option<String>,
    plan: String,
    priority: String,
    desk: String,
    timezone: String,
    opened: String,
    at: String,
    holder: String,
    next_step: Option<usize>,
    next_at: Option<String>,
    next_reaches: Option<String>,
    response_due: Option<String>,
    on_call: bool,
    priority_since: String,
}

impl EscalationRow {
    fn new(json: EscalationJson) -> EscalationRow {
        EscalationRow {
            id: json.id.as_ref().map(render::csv_field),
            plan: json.plan,
            priority: json.priority,
            desk: json.desk,
            timezone: json.timezone,
            opened: json.opened,
            at: json.at,
            holder: json.holder,
            next_step: json.next.as_ref().map(|n| n.step),
            next_at: json.next.as_ref().map(|n| n.at.clone()),
            next_reaches: json.next.and_then(|n| n.reaches),
            response_due: json.response_due,
            on_call: json.on_call,
            priority_since: json.priority_since,
        }
    }
}

#[derive(Serialize, Clone, schemars::JsonSchema)]
pub struct StepJson {
    step: usize,
    after: String,
    at: String,
    holder: String,
    reaches: Option<String>,
    status: &'static str,
}

impl TicketCommand for EscalateArgs {
    fn ticket(&self) -> &TicketArgs {
        &self.ticket
    }

    fn execute(&self, context: &Context) -> anyhow::Result<String> {
        let mut fields = self.ticket.fields();
        fields.at = Some(Cow::Borrowed(&self.at));
        let result = compute(context, &fields)?;
        match context.format {
            Format::Json => render::json(&to_json(&result)),
            Format::Csv => render::CsvRows::document(&EscalationRow::new(to_json(&result))),
            Format::Ics => Err(super::unsupported(context.format, "escalate")),
            Format::Table => Ok(table(&result)),
        }
    }

    /// One line of batch output; a line without `at` is asked at `--at`.
    fn batch_lines<'c>(
        &'c self,
        context: &'c Context,
    ) -> impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()> + 'c {
        let mut rows = render::CsvRows::default();
        move |fields, line| {
            let mut fields: TicketFields = fields.clone();
            if fields.at.is_none() {
                fields.at = Some(Cow::Borrowed(&self.at));
            }
            let mut json = to_json(&compute(context, &fields)?);
            json.id.clone_from(&fields.id);
            if context.format == Format::Csv {
                return rows.write(&EscalationRow::new(json), line);
            }
            serde_json::to_writer(line, &json)?;
            Ok(())
        }
    }
}

fn compute<'a>(context: &'a Context, fields: &TicketFields) -> anyhow::Result<Escalation<'a>> {
    let ticket = fields.resolve(&context.data, context.now)?;
    let at = ticket.at.unwrap_or(context.now);
    escalate(&ticket, at).map_err(|e| match e {
        slacalc::Error::BeforeOpening {
            at, opened, zone, ..
        } => slacalc::Error::BeforeOpening {
            what: "--at",
            at,
            opened,
            zone,
        }
        .into(),
        other => other.into(),
    })
}

fn step_json(step: &Step, zone: slacalc::time::Tz) -> StepJson {
    StepJson {
        step: step.number,
        after: step.after.to_string(),
        at: rfc3339(step.at, zone),
        holder: step.holder.clone(),
        reaches: step.reaches.clone(),
        status: step.status.name(),
    }
}

fn to_json(e: &Escalation) -> EscalationJson {
    let zone = e.desk.zone;
    EscalationJson {
        id: None,
        plan: e.plan.name.clone(),
        priority: e.priority.priority.id.clone(),
        desk: e.desk.name.clone(),
        timezone: zone.name().to_string(),
        opened: rfc3339(e.opened, zone),
        at: rfc3339(e.at, zone),
        holder: e.holder.clone(),
        steps: e.steps.iter().map(|s| step_json(s, zone)).collect(),
        next: e.next.map(|i| step_json(&e.steps[i], zone)),
        response_due: e.response_due.map(|t| rfc3339(t, zone)),
        on_call: e.on_call,
        priority_since: rfc3339(e.priority.from, zone),
        priority_history: history_json(&e.history, zone),
    }
}

fn table(e: &Escalation) -> String {
    let zone = e.desk.zone;
    let mut out = format!(
        "{} {} at the {} desk ({}), opened {}\nat {}: held by {}\n",
        e.plan.label,
        e.priority.priority.id,
        e.desk.name,
        zone.name(),
        render::local(e.opened, zone),
        render::local(e.at, zone),
        e.holder
    );
    if e.history.len() > 1 {
        let changes: Vec<String> = e
            .history
            .iter()
            .map(|p| format!("{} from {}", p.priority.id, render::local(p.from, zone)))
            .collect();
        out.push_str(&format!("priority history: {}\n", changes.join(", ")));
    }
    if e.on_call {
        out.push_str("on-call hours now: the 24/7 clock runs, but no escalation to R&D until business hours\n");
    }
    // The timeline: steps and the response deadline in time order, with a
    // marker row where `--at` falls.
    let mut rows: Vec<(chrono::DateTime<chrono::Utc>, Vec<String>)> = e
        .steps
        .iter()
        .map(|s| {
            let status = match s.status {
                StepStatus::Overdue => "OVERDUE: escalate now".to_string(),
                StepStatus::Reached => "reached".to_string(),
                StepStatus::Pending => render::from_now(s.at, e.at),
            };
            let reaches = s.reaches.clone().unwrap_or_else(|| "(no change)".into());
            (
                s.at,
                vec![
                    String::new(),
                    s.number.to_string(),
                    s.after.to_string(),
                    render::local(s.at, zone),
                    reaches,
                    status,
                ],
            )
        })
        .collect();
    if let Some(due) = e.response_due {
        let status = if due <= e.at {
            "passed".to_string()
        } else {
            render::from_now(due, e.at)
        };
        let target = e.plan.response(e.priority.priority).to_string();
        rows.push((
            due,
            vec![
                String::new(),
                "response".into(),
                target,
                render::local(due, zone),
                "-".into(),
                status,
            ],
        ));
    }
    rows.sort_by_key(|r| r.0);
    let now_row = vec![
        "▶".to_string(),
        "now".into(),
        String::new(),
        render::local(e.at, zone),
        format!("held by {}", e.holder),
        String::new(),
    ];
    let split = rows.iter().position(|r| r.0 > e.at).unwrap_or(rows.len());
    let mut table = render::table(&[
        "",
        "step",
        "after",
        &format!("at ({})", zone.name()),
        "reaches",
        "status",
    ]);
    for (index, (_, row)) in rows.into_iter().enumerate() {
        if index == split {
            table.add_row(now_row.clone());
        }
        table.add_row(row);
    }
    if split == e.steps.len() + usize::from(e.response_due.is_some()) {
        table.add_row(now_row);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}
