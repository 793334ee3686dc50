//! An escalation as JSON (serde, with its schema), as a CSV row, and as a
//! timeline table.

use serde::Serialize;

use slacalc::escalation::{Escalation, Step, StepStatus};

use super::{history_json, rfc3339, IdCell, PriorityJson, TicketHead};

#[derive(Serialize, schemars::JsonSchema)]
pub struct EscalationJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    #[serde(flatten)]
    head: TicketHead<'a>,
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
pub type EscalationRow<'a> = (IdCell, TicketHead<'a>, EscalationCells);

/// The cells of an escalation's row after its head.
#[derive(Serialize)]
pub struct EscalationCells {
    at: String,
    holder: String,
    next_step: Option<usize>,
    next_at: Option<String>,
    next_reaches: Option<String>,
    response_due: Option<String>,
    on_call: bool,
    priority_since: String,
}

/// The CSV row of an escalation's JSON object.
pub fn row(json: EscalationJson) -> EscalationRow {
    let next = json.next.as_ref();
    (
        IdCell::new(json.id.as_ref()),
        json.head,
        EscalationCells {
            at: json.at,
            holder: json.holder,
            next_step: next.map(|n| n.step),
            next_at: next.map(|n| n.at.clone()),
            next_reaches: next.and_then(|n| n.reaches.clone()),
            response_due: json.response_due,
            on_call: json.on_call,
            priority_since: json.priority_since,
        },
    )
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

fn step_json(step: &Step, zone: slacalc::time::Tz) -> StepJson {
    StepJson {
        step: step.number,
        after: super::target(step.after),
        at: rfc3339(step.at, zone),
        holder: step.holder.clone(),
        reaches: step.reaches.clone(),
        status: step.status.name(),
    }
}

pub fn to_json<'a>(e: &Escalation<'a>) -> EscalationJson<'a> {
    let zone = e.desk.zone;
    EscalationJson {
        id: None,
        head: TicketHead::new(e.plan, e.priority.priority, e.desk, e.opened),
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

pub fn table(e: &Escalation, screen: super::Screen) -> String {
    let zone = e.desk.zone;
    let mut out = screen.fit(&format!(
        "{} {} at the {} desk ({}), opened {}\nat {}: held by {}\n",
        e.plan.label,
        e.priority.priority.id,
        e.desk.name,
        zone.name(),
        super::local(e.opened, zone),
        super::local(e.at, zone),
        e.holder
    ));
    if e.history.len() > 1 {
        let changes: Vec<String> = e
            .history
            .iter()
            .map(|p| format!("{} from {}", p.priority.id, super::local(p.from, zone)))
            .collect();
        out.push_str(&screen.fit(&format!("priority history: {}\n", changes.join(", "))));
    }
    if e.on_call {
        out.push_str(&screen.fit("on-call hours now: the 24/7 clock runs, but no escalation to R&D until business hours\n"));
    }
    // Narrow: the zone is named in the title only, and each time is cut
    // between its date and its hour, so that a row takes two lines.
    let narrow = screen.narrower_than(110);
    let at = |t| {
        if narrow {
            super::local_on_two_lines(t, zone)
        } else {
            super::local(t, zone)
        }
    };
    // The timeline: steps and the response deadline in time order, with a
    // marker row where `--at` falls.
    // At risk: a pending step or deadline with the at-risk share of its
    // clock time used (SPEC §10), in yellow; an overdue step in red.
    let risky = |used: Option<f64>| {
        if screen.at_risk(used) {
            super::Level::Warning
        } else {
            super::Level::Plain
        }
    };
    let mut rows: Vec<(chrono::DateTime<chrono::Utc>, Vec<String>, super::Level)> = e
        .steps
        .iter()
        .map(|s| {
            let level = match s.status {
                StepStatus::Overdue => super::Level::Alarm,
                StepStatus::Reached => super::Level::Plain,
                StepStatus::Pending => risky(s.used_percent),
            };
            let status = match s.status {
                StepStatus::Overdue => "OVERDUE: escalate now".to_string(),
                StepStatus::Reached => "reached".to_string(),
                StepStatus::Pending => super::from_now(s.at, e.at),
            };
            let reaches = s.reaches.clone().unwrap_or_else(|| "(no change)".into());
            (
                s.at,
                vec![
                    String::new(),
                    s.number.to_string(),
                    super::target(s.after),
                    at(s.at),
                    reaches,
                    status,
                ],
                level,
            )
        })
        .collect();
    if let Some(due) = e.response_due {
        let (status, level) = if due <= e.at {
            ("passed".to_string(), super::Level::Plain)
        } else {
            (super::from_now(due, e.at), risky(e.response_used_percent))
        };
        let target = super::target(e.plan.response(e.priority.priority));
        rows.push((
            due,
            vec![
                String::new(),
                "response".into(),
                target,
                at(due),
                "-".into(),
                status,
            ],
            level,
        ));
    }
    rows.sort_by_key(|r| r.0);
    let now_row = vec![
        "▶".to_string(),
        "now".into(),
        String::new(),
        at(e.at),
        format!("held by {}", e.holder),
        String::new(),
    ];
    let split = rows.iter().position(|r| r.0 > e.at).unwrap_or(rows.len());
    let at_header = if narrow {
        "at".to_string()
    } else {
        format!("at ({})", zone.name())
    };
    let mut table = screen.table(&["", "step", "after", &at_header, "reaches", "status"]);
    if narrow {
        super::keep_whole(&mut table, &[3]);
    }
    for (index, (_, row, level)) in rows.into_iter().enumerate() {
        if index == split {
            table.add_row(now_row.clone());
        }
        table.add_row(row.into_iter().map(|text| screen.level(text, level)));
    }
    if split == e.steps.len() + usize::from(e.response_due.is_some()) {
        table.add_row(now_row);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}
