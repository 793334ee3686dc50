//! A deadline as JSON (serde, with its schema), as a CSV row, as a table,
//! and as batch lines written from pre-escaped pieces.

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde::Serialize;

use slacalc::clock::Interval;
use slacalc::deadline::{Deadline, TargetDue};
use slacalc::plan::Target;
use slacalc::ticket::Ticket;
use slacalc::time::Tz;

use super::{history_json, rfc3339, write_rfc3339, IdCell, PriorityJson, TicketHead};

#[derive(Serialize, schemars::JsonSchema)]
pub struct DeadlineJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    #[serde(flatten)]
    head: TicketHead<'a>,
    clock: &'static str,
    notification: Option<TargetJson>,
    response: TargetJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    windows: Option<Vec<WindowJson>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority_history: Option<Vec<PriorityJson>>,
}

/// A deadline as one CSV row: the JSON object flattened, without windows
/// and priority history.
pub type DeadlineRow<'a> = (IdCell, TicketHead<'a>, DeadlineCells);

/// The cells of a deadline's row after its head.
#[derive(Serialize)]
pub struct DeadlineCells {
    clock: &'static str,
    notification_target: Option<String>,
    notification_due: Option<String>,
    response_target: String,
    response_due: Option<String>,
    best_effort: bool,
}

/// The CSV row of a deadline's JSON object.
pub fn row(json: DeadlineJson) -> DeadlineRow {
    let (notification_target, notification_due) = match json.notification {
        Some(n) => (Some(n.target), n.due),
        None => (None, None),
    };
    (
        IdCell::new(json.id.as_ref()),
        json.head,
        DeadlineCells {
            clock: json.clock,
            notification_target,
            notification_due,
            response_target: json.response.target,
            response_due: json.response.due,
            best_effort: json.response.best_effort,
        },
    )
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct TargetJson {
    target: String,
    clock: &'static str,
    due: Option<String>,
    best_effort: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    windows: Option<Vec<WindowJson>>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct WindowJson {
    from: String,
    to: String,
    seconds: i64,
}

impl<'a> DeadlineJson<'a> {
    pub fn new(d: &Deadline<'a>, ticket: &Ticket, explain: bool) -> DeadlineJson<'a> {
        let zone = d.desk.zone;
        let windows = |t: &TargetDue| explain.then(|| windows_json(&t.windows, zone));
        let target = |t: &TargetDue| TargetJson {
            target: super::target(t.target),
            clock: t.target.clock.name(),
            due: t.due.map(|due| rfc3339(due, zone)),
            best_effort: t.due.is_none(),
            windows: windows(t),
        };
        DeadlineJson {
            id: None,
            head: TicketHead::new(d.plan, d.priority, d.desk, d.opened),
            clock: d.response.target.clock.name(),
            notification: d.notification.as_ref().map(target),
            response: target(&d.response),
            windows: windows(&d.response),
            priority_history: (!ticket.changes().is_empty())
                .then(|| history_json(&ticket.history(), zone)),
        }
    }
}

fn windows_json(windows: &[Interval], zone: Tz) -> Vec<WindowJson> {
    windows
        .iter()
        .map(|w| WindowJson {
            from: rfc3339(w.start, zone),
            to: rfc3339(w.end, zone),
            seconds: w.length().num_seconds(),
        })
        .collect()
}

/// How much of each target's clock time is used up now, in percent.
pub struct Used {
    pub notification: Option<f64>,
    pub response: Option<f64>,
}

pub fn table(
    d: &Deadline,
    ticket: &Ticket,
    now: DateTime<Utc>,
    used: &Used,
    explain: bool,
    screen: super::Screen,
) -> String {
    let zone = d.desk.zone;
    let mut out = screen.fit(&format!(
        "{} {} ({}) at the {} desk ({}), opened {}\n",
        d.plan.label,
        d.priority.id,
        d.priority.label,
        d.desk.name,
        zone.name(),
        super::local(d.opened, zone)
    ));
    // A changed priority's targets apply from the opening (SPEC §4): say
    // so, since the title shows only the latest one.
    for pair in ticket.history().windows(2) {
        out.push_str(&screen.fit(&format!(
            "priority {} → {} from {}\n",
            pair[0].priority.id,
            pair[1].priority.id,
            super::local(pair[1].from, zone)
        )));
    }
    // Narrow: no UTC column, the clock in the amount, short names (the
    // zone is in the title), so that cells wrap between words.
    let narrow = screen.narrower_than(140);
    let zone_header = format!("due ({})", zone.name());
    let header: &[&str] = if narrow {
        &["target", "amount", "due", "from now"]
    } else {
        &[
            "target",
            "amount",
            "clock",
            &zone_header,
            "due (UTC)",
            "from now",
        ]
    };
    let mut table = screen.table(header);
    let mut row = |name: &str, t: &TargetDue, used: Option<f64>| {
        let (local, utc, left) = match t.due {
            Some(due) => (
                super::local(due, zone),
                super::utc(due),
                super::from_now(due, now),
            ),
            None => ("no deadline (best effort)".into(), "-".into(), "-".into()),
        };
        // Overdue in red; at risk (the at-risk share of the target's clock
        // time used, SPEC §10) in yellow.
        let level = if t.due.is_some_and(|due| due < now) {
            super::Level::Alarm
        } else if screen.at_risk(used) {
            super::Level::Warning
        } else {
            super::Level::Plain
        };
        let left = screen.level(left, level);
        if narrow {
            let name = name.strip_prefix("priority ").unwrap_or(name);
            let amount = format!("{} ({})", super::target(t.target), t.target.clock);
            table.add_row(vec![name.into(), amount.into(), local.into(), left]);
        } else {
            table.add_row(vec![
                name.into(),
                super::target(t.target).into(),
                t.target.clock.to_string().into(),
                local.into(),
                utc.into(),
                left,
            ]);
        }
    };
    if let Some(n) = &d.notification {
        row("priority notification", n, used.notification);
    }
    row("response", &d.response, used.response);
    out.push_str(&table.to_string());
    out.push('\n');
    if explain {
        for (name, t) in d
            .notification
            .iter()
            .map(|n| ("priority notification", n))
            .chain([("response", &d.response)])
        {
            if t.due.is_some() {
                out.push_str(&format!(
                    "\n{name}: counted windows on the {} clock\n",
                    t.target.clock
                ));
                out.push_str(&windows_table(&t.windows, zone, screen));
            }
        }
    }
    out
}

pub fn windows_table(windows: &[Interval], zone: Tz, screen: super::Screen) -> String {
    let mut table = screen.table(&["from", "to", "length", "running total"]);
    let mut total = chrono::TimeDelta::zero();
    for w in windows {
        total += w.length();
        table.add_row(vec![
            super::local(w.start, zone),
            super::local(w.end, zone),
            super::hours(w.length()),
            super::hours(total),
        ]);
    }
    table.to_string() + "\n"
}

/// Batch lines for tickets without windows or priority changes (the bulk
/// of any export): byte for byte what serializing [`DeadlineJson`] gives (a
/// test holds them equal), without escaping the same names and keys a
/// million times.
#[derive(Default)]
pub struct PlainLines {
    kinds: FxHashMap<(usize, usize, u64), PlainKind>,
}

/// What every ticket of one plan × priority × desk shares, escaped once.
struct PlainKind {
    notification: Option<String>,
    response: String,
    /// From `"plan"` up to the opening's quote.
    head: String,
    /// From the opening's closing quote up to the notification's value.
    middle: String,
}

impl PlainLines {
    /// Write the line of a deadline and the ticket's id.
    pub fn write(
        &mut self,
        d: &Deadline,
        id: Option<&serde_json::Value>,
        line: &mut Vec<u8>,
    ) -> anyhow::Result<()> {
        // The plan and priority live as long as the data set, as does the
        // run: their addresses name them.
        let key = (
            std::ptr::from_ref(d.plan) as usize,
            std::ptr::from_ref(d.priority) as usize,
            d.desk.id(),
        );
        let kind = self.kinds.entry(key).or_insert_with(|| PlainKind::new(d));
        let zone = d.desk.zone;
        line.push(b'{');
        if let Some(id) = id {
            line.extend_from_slice(b"\"id\":");
            serde_json::to_writer(&mut *line, id)?;
            line.push(b',');
        }
        line.extend_from_slice(kind.head.as_bytes());
        write_rfc3339(line, d.opened, zone);
        line.extend_from_slice(kind.middle.as_bytes());
        match (&d.notification, &kind.notification) {
            (Some(n), Some(head)) => write_target(line, head, n.due, zone),
            _ => line.extend_from_slice(b"null"),
        }
        line.extend_from_slice(b",\"response\":");
        write_target(line, &kind.response, d.response.due, zone);
        line.push(b'}');
        Ok(())
    }
}

impl PlainKind {
    fn new(d: &Deadline) -> PlainKind {
        let target_head = |t: Target| {
            format!(
                "{{\"target\":{},\"clock\":{},\"due\":",
                json_string(&super::target(t)),
                json_string(t.clock.name())
            )
        };
        PlainKind {
            notification: d.notification.as_ref().map(|n| target_head(n.target)),
            response: target_head(d.response.target),
            head: format!(
                "\"plan\":{},\"priority\":{},\"desk\":{},\"timezone\":{},\"opened\":\"",
                json_string(&d.plan.name),
                json_string(&d.priority.id),
                json_string(&d.desk.name),
                json_string(d.desk.zone.name())
            ),
            middle: format!(
                "\",\"clock\":{},\"notification\":",
                json_string(d.response.target.clock.name())
            ),
        }
    }
}

/// The rest of a target's object after its head: due and best effort.
fn write_target(line: &mut Vec<u8>, head: &str, due: Option<DateTime<Utc>>, zone: Tz) {
    line.extend_from_slice(head.as_bytes());
    match due {
        Some(due) => {
            line.push(b'"');
            write_rfc3339(line, due, zone);
            line.extend_from_slice(b"\",\"best_effort\":false}");
        }
        None => line.extend_from_slice(b"null,\"best_effort\":true}"),
    }
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use slacalc::load::DataSet;
    use slacalc::record::TicketFields;
    use slacalc::resolve::Resolver;

    /// The embedded plans, with the europe desk renamed to a name JSON must
    /// escape.
    fn data() -> DataSet {
        let calendars = [
            (
                "calendars/americas.toml",
                include_str!("../../calendars/americas.toml"),
            ),
            (
                "calendars/eu\"ro\\pe é.toml",
                include_str!("../../calendars/europe.toml"),
            ),
            (
                "calendars/uae.toml",
                include_str!("../../calendars/uae.toml"),
            ),
        ];
        let plans = [(
            "plans/imagiclecare.toml",
            include_str!("../../plans/imagiclecare.toml"),
        )];
        let owned = |files: &[(&str, &str)]| {
            files
                .iter()
                .map(|(f, t)| ((*f).to_string(), (*t).to_string()))
                .collect::<Vec<_>>()
        };
        DataSet::from_sources(&owned(&calendars), &owned(&plans)).unwrap()
    }

    fn ticket<'a>(
        plan: &'a str,
        priority: &'a str,
        desk: &'a str,
        opened: &'a str,
    ) -> TicketFields<'a> {
        TicketFields {
            plan: plan.into(),
            priority: Some(priority.into()),
            desk: desk.into(),
            opened: opened.into(),
            ..TicketFields::default()
        }
    }

    /// The plain batch writer gives byte for byte what serializing
    /// `DeadlineJson` gives: every plan × priority (with and without a
    /// notification, best effort), every clock, pauses, ids, and names
    /// that need escaping.
    #[test]
    fn plain_lines_equal_serialized_json() {
        let data = data();
        let now = "2026-11-23T09:00:00Z".parse().unwrap();
        let mut cases = Vec::new();
        for plan in ["basic", "gold", "PLATINUM"] {
            for priority in ["p1", "P2", "p3", "p4"] {
                for desk in ["americas", "eu\"ro\\pe é", "uae"] {
                    for opened in ["2026-11-20T17:30:00+01:00", "2026-03-29T01:30", "now"] {
                        cases.push(ticket(plan, priority, desk, opened));
                    }
                }
            }
        }
        let mut paused = ticket("gold", "p2", "americas", "2026-11-20T10:00:00-05:00");
        paused.pauses = vec!["2026-11-20T11:00:00-05:00/2026-11-20T12:30:00-05:00".into()];
        cases.push(paused);
        let mut with_id = ticket("basic", "p1", "eu\"ro\\pe é", "2026-12-24T16:00");
        with_id.id = Some(serde_json::json!("ticket \"7\"\n\u{1}"));
        cases.push(with_id);
        let mut numbered = ticket("platinum", "p4", "uae", "2026-06-05T12:00");
        numbered.id = Some(serde_json::json!(42));
        cases.push(numbered);

        let mut plain = PlainLines::default();
        for fields in &cases {
            let ticket = Resolver::new(&data, now).ticket(fields).unwrap();
            let result = slacalc::deadline::compute(&ticket, false).unwrap();
            let mut fast = Vec::new();
            plain.write(&result, fields.id.as_ref(), &mut fast).unwrap();
            let mut json = DeadlineJson::new(&result, &ticket, false);
            json.id.clone_from(&fields.id);
            let general = serde_json::to_vec(&json).unwrap();
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                String::from_utf8(general).unwrap()
            );
        }
    }
}
