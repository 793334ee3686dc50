//! `queue`: the open tickets at an instant, most urgent first (SPEC §10).

use serde::Serialize;

use slacalc::queue::{Entry, State};

use super::{rfc3339, HistoryHead};

// Where the ticket stands against its response target.
#[derive(Serialize, schemars::JsonSchema)]
struct ResponseJson {
    /// null: best effort.
    due: Option<String>,
    /// Clock seconds left to due (pauses excluded); past due, minus the
    /// wall-clock seconds since. null once responded or for best effort.
    remaining_seconds: Option<i64>,
    /// Clock time used up, in percent of the target's, to one decimal.
    elapsed_percent: Option<f64>,
    /// `ok`, `watch`, `at_risk`, `critical`, `breached`, `responded` or
    /// `best_effort`.
    state: &'static str,
}

// The next escalation step that changes who holds the ticket.
#[derive(Serialize, schemars::JsonSchema)]
struct NextStepJson {
    step: usize,
    at: String,
    reaches: String,
}

/// One open ticket of the queue.
#[derive(Serialize, schemars::JsonSchema)]
pub struct QueueJson {
    // `priority`: the one in force at the moment asked about.
    #[serde(flatten)]
    head: HistoryHead,
    /// A waiting status is in force.
    waiting: bool,
    /// Who holds the ticket by the escalation steps due so far.
    holder: String,
    /// Some escalation step due so far was missed.
    escalation_overdue: bool,
    response: ResponseJson,
    next_step: Option<NextStepJson>,
    /// The earlier of the response due (while unanswered) and the next step.
    next_deadline: Option<String>,
}

impl QueueJson {
    pub fn new(entry: &Entry) -> QueueJson {
        let zone = entry.history.ticket.desk().zone;
        QueueJson {
            head: HistoryHead::new(&entry.history, entry.priority),
            waiting: entry.waiting,
            holder: entry.holder.clone(),
            escalation_overdue: entry.escalation_overdue,
            response: ResponseJson {
                due: entry.due.map(|t| rfc3339(t, zone)),
                remaining_seconds: entry.remaining.map(|d| d.num_seconds()),
                elapsed_percent: entry.elapsed_percent.map(|p| (p * 10.0).round() / 10.0),
                state: entry.state.name(),
            },
            next_step: entry.next_step.as_ref().map(|s| NextStepJson {
                step: s.step,
                at: rfc3339(s.at, zone),
                reaches: s.reaches.clone(),
            }),
            next_deadline: entry.next_deadline.map(|t| rfc3339(t, zone)),
        }
    }
}

/// The JSON Schema of `queue --format json`: an array of open tickets.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(Vec<QueueJson>)
}

/// One open ticket as a CSV row: the head, then the rest flat.
pub type QueueRow = (HistoryHead, QueueCells);

#[derive(Serialize)]
pub struct QueueCells {
    waiting: bool,
    holder: String,
    escalation_overdue: bool,
    response_due: Option<String>,
    remaining_seconds: Option<i64>,
    elapsed_percent: Option<f64>,
    state: &'static str,
    next_step: Option<usize>,
    next_step_at: Option<String>,
    next_step_reaches: Option<String>,
    next_deadline: Option<String>,
}

/// An open ticket as one CSV row.
pub fn queue_row(entry: &Entry) -> QueueRow {
    let json = QueueJson::new(entry);
    let (next_step, next_step_at, next_step_reaches) = match json.next_step {
        Some(s) => (Some(s.step), Some(s.at), Some(s.reaches)),
        None => (None, None, None),
    };
    let cells = QueueCells {
        waiting: json.waiting,
        holder: json.holder,
        escalation_overdue: json.escalation_overdue,
        response_due: json.response.due,
        remaining_seconds: json.response.remaining_seconds,
        elapsed_percent: json.response.elapsed_percent,
        state: json.response.state,
        next_step,
        next_step_at,
        next_step_reaches,
        next_deadline: json.next_deadline,
    };
    (json.head, cells)
}

/// The queue as a table: one row a ticket, the state in red when breached
/// or critical and in yellow when at risk. Narrow: the share used goes
/// into the state, times are short, and cells wrap between words.
pub fn table(entries: &[Entry], screen: super::Screen) -> String {
    let narrow = screen.narrower_than(120);
    let header: &[&str] = if narrow {
        &["id", "pri", "desk", "state", "left", "holder", "next step"]
    } else {
        &[
            "id",
            "plan",
            "priority",
            "desk",
            "state",
            "time left",
            "used",
            "holder",
            "next step",
        ]
    };
    let mut table = screen.table(header);
    super::keep_whole(&mut table, if narrow { &[0, 1, 2, 4] } else { &[0, 3] });
    for entry in entries {
        let history = &entry.history;
        let zone = history.ticket.desk().zone;
        let mut state = entry.state.name().replace('_', " ");
        let used = entry
            .elapsed_percent
            .map_or("-".into(), |p| format!("{p:.1}%"));
        if narrow && entry.elapsed_percent.is_some() {
            state = format!("{state} {used}");
        }
        if entry.waiting {
            state.push_str(" (waiting)");
        }
        let level = match entry.state {
            State::Breached | State::Critical => super::Level::Alarm,
            State::AtRisk => super::Level::Warning,
            _ => super::Level::Plain,
        };
        let left = entry.remaining.map_or("-".into(), |d| {
            if narrow {
                super::span(d)
            } else if d < chrono::TimeDelta::zero() {
                format!("over by {}", super::hours(-d))
            } else {
                super::hours(d)
            }
        });
        let mut holder = super::shown(&entry.holder);
        if entry.escalation_overdue {
            holder.push_str(" (overdue)");
        }
        let next = entry.next_step.as_ref().map_or("-".into(), |s| {
            let at = if narrow {
                super::short_local(s.at, zone)
            } else {
                super::local(s.at, zone)
            };
            format!("{} at {at}", super::shown(&s.reaches))
        });
        let mut row: Vec<comfy_table::Cell> = vec![super::shown(&history.id).into()];
        if !narrow {
            row.push(history.ticket.plan().name.clone().into());
        }
        row.extend([
            entry.priority.id.clone().into(),
            history.ticket.desk().name.clone().into(),
            screen.level(state, level),
            left.into(),
        ]);
        if !narrow {
            row.push(used.into());
        }
        row.extend([screen.alarm(holder, entry.escalation_overdue), next.into()]);
        table.add_row(row);
    }
    format!("{table}\n")
}
