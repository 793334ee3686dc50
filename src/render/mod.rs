//! Rendering: results into tables, JSON, CSV and ICS. A renderer never
//! computes; it formats what the library returned. This module holds the
//! pieces every renderer shares: instants in a zone, durations for people,
//! the table style, JSON and CSV writers.

pub mod audit;
pub mod clock;
pub mod coverage;
pub mod deadline;
pub mod eol;
pub mod escalate;
pub mod history;
pub mod holidays;
pub mod ics;
pub mod queue;
pub mod renew;

use chrono::{DateTime, TimeDelta, Utc};
use comfy_table::{presets, ContentArrangement, Table};
use slacalc::calendar::ClockKind;
use slacalc::plan::{Amount, Target};
use slacalc::queue::Thresholds;
use slacalc::time::Tz;
pub use slacalc::time::{rfc3339, write_rfc3339};

// The fields every ticket's result opens with, in JSON and in CSV: what it
// was computed for, the desk's zone and the opening. (Not a doc comment: a
// flattened struct's would become the description of every schema it is in.)
#[derive(serde::Serialize, schemars::JsonSchema)]
pub struct TicketHead<'a> {
    plan: &'a str,
    priority: &'a str,
    desk: &'a str,
    timezone: &'static str,
    opened: String,
}

impl<'a> TicketHead<'a> {
    pub fn new(
        plan: &'a slacalc::plan::Plan,
        priority: &'a slacalc::plan::Priority,
        desk: &'a slacalc::calendar::Calendar,
        opened: DateTime<Utc>,
    ) -> TicketHead<'a> {
        TicketHead {
            plan: &plan.name,
            priority: &priority.id,
            desk: &desk.name,
            timezone: desk.zone.name(),
            opened: rfc3339(opened, desk.zone),
        }
    }
}

// The fields a ticket history's result opens with, in JSON and CSV: the
// ticket, its plan, the priority that applies, its desk and its opening.
#[derive(serde::Serialize, schemars::JsonSchema)]
pub struct HistoryHead {
    id: String,
    plan: String,
    priority: String,
    desk: String,
    opened: String,
}

impl HistoryHead {
    pub fn new(
        history: &slacalc::history::History,
        priority: &slacalc::plan::Priority,
    ) -> HistoryHead {
        HistoryHead {
            id: history.id.clone(),
            plan: history.ticket.plan().name.clone(),
            priority: priority.id.clone(),
            desk: history.ticket.desk().name.clone(),
            opened: rfc3339(history.ticket.opened(), history.ticket.desk().zone),
        }
    }
}

/// A verdict on a response as JSON and CSV write it: the due instant, the
/// response that counted, the verdict's name and the lateness in seconds.
pub fn verdict_cells(
    due: Option<DateTime<Utc>>,
    responded: Option<DateTime<Utc>>,
    verdict: slacalc::audit::Verdict,
    late: Option<TimeDelta>,
    zone: Tz,
) -> (Option<String>, Option<String>, &'static str, Option<i64>) {
    (
        due.map(|t| rfc3339(t, zone)),
        responded.map(|t| rfc3339(t, zone)),
        verdict.name(),
        late.map(|d| d.num_seconds()),
    )
}

// One period of a ticket's priority history (a plain comment: a doc
// comment would become its description in the schemas).
#[derive(serde::Serialize, schemars::JsonSchema)]
pub struct PriorityJson {
    from: String,
    priority: String,
}

/// A ticket's priority history, instants at the desk's offset.
pub fn history_json(history: &[slacalc::ticket::PriorityPeriod], zone: Tz) -> Vec<PriorityJson> {
    history
        .iter()
        .map(|p| PriorityJson {
            from: rfc3339(p.from, zone),
            priority: p.priority.id.clone(),
        })
        .collect()
}

/// A ticket's id as the first CSV cell: text as it is, other JSON as JSON.
#[derive(serde::Serialize)]
pub struct IdCell {
    id: Option<String>,
}

impl IdCell {
    pub fn new(id: Option<&serde_json::Value>) -> IdCell {
        IdCell {
            id: id.map(csv_field),
        }
    }
}

/// A target in words, as the guide says it ("60 business minutes", "next
/// business day", "best effort"); also the JSON `target` value.
pub fn target(t: Target) -> String {
    let plural = |n: u32| if n == 1 { "" } else { "s" };
    let business = if t.clock == ClockKind::AllDay {
        ""
    } else {
        "business "
    };
    match t.amount {
        Amount::Minutes(n) => format!("{n} {business}minute{}", plural(n)),
        Amount::Hours(n) => format!("{n} {business}hour{}", plural(n)),
        Amount::BusinessDays(1) => "next business day".into(),
        Amount::BusinessDays(n) => format!("{n} business days"),
        Amount::BestEffort => "best effort".into(),
    }
}

/// An instant for people: weekday, date, time and offset in the zone.
pub fn local(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .format("%a %Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

/// A `local` instant on two lines: the weekday and date, then the time and
/// offset.
pub fn local_on_two_lines(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .format("%a %Y-%m-%d\n%H:%M:%S %:z")
        .to_string()
}

/// A local instant in few characters, for narrow tables: `Wed 02 Dec 18:00`
/// (the zone is the desk's, said elsewhere).
pub fn short_local(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%a %d %b %H:%M").to_string()
}

/// A span of time in at most two units: `6d 19h`, `2h 5m`, `25m`, `40s`.
pub fn span(d: TimeDelta) -> String {
    let total = d.num_seconds().abs();
    let sign = if d < TimeDelta::zero() { "-" } else { "" };
    let (days, hours, minutes) = (total / 86_400, total / 3600 % 24, total / 60 % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{sign}{total}s"),
        (0, 0, m) => format!("{sign}{m}m"),
        (0, h, m) => format!("{sign}{h}h {m}m"),
        (d, h, _) => format!("{sign}{d}d {h}h"),
    }
}

pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%SZ").to_string()
}

/// `2h 30m`, `45m`, `1h 0m 5s`; hours are not folded into days, since a
/// business day is not 24 hours.
pub fn hours(d: TimeDelta) -> String {
    let total = d.num_seconds().abs();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let sign = if d < TimeDelta::zero() { "-" } else { "" };
    match (h, s) {
        (0, 0) => format!("{sign}{m}m"),
        (_, 0) => format!("{sign}{h}h {m}m"),
        (0, _) => format!("{sign}{m}m {s}s"),
        _ => format!("{sign}{h}h {m}m {s}s"),
    }
}

/// Wall-clock time from now to `due`: `in 2d 3h 10m` or `overdue by 5m`.
pub fn from_now(due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = due - now;
    let total = left.num_seconds().abs();
    let (d, h, m) = (total / 86_400, total / 3600 % 24, total / 60 % 60);
    let text = match d {
        0 => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h {m}m"),
    };
    if left < TimeDelta::zero() {
        format!("overdue by {text}")
    } else {
        format!("in {text}")
    }
}

/// How output is shown, decided once by the CLI from the command line and
/// the environment, and handed to every renderer that shows more than
/// data: renderers read no global and no environment, so the same values
/// always give the same text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// Whether tables mark what needs attention in colour: overdue and
    /// breached in red, at risk in yellow (`--color`; never in a pipe or
    /// with `NO_COLOR` unless asked).
    pub colors: bool,
    /// The width output must fit: the terminal's, else `COLUMNS`; `None`
    /// (no limit) in a pipe without `COLUMNS`. Never `Some(0)`.
    pub width: Option<u16>,
    /// The shares of a target's clock time used from which a ticket is on
    /// watch, at risk and critical: the queue's `--warn`, else the
    /// default (SPEC §10).
    pub warn: Thresholds,
}

/// How much a value needs attention: red for overdue, breached, missed
/// or critical; yellow for at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Plain,
    Warning,
    Alarm,
}

impl Screen {
    /// A table with this header, in the one style every table uses,
    /// fitted to the width when it is known.
    pub fn table(self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_header(header.iter().copied())
            // Colour is decided by `colors`, not by where the table goes.
            .enforce_styling();
        match self.width {
            Some(width) => {
                table
                    .set_width(width)
                    .set_content_arrangement(ContentArrangement::Dynamic);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table
    }

    /// Whether the width is known and under `columns`: a table then leaves
    /// out what it can (a time in UTC beside the local one) and uses short
    /// names.
    pub fn narrower_than(self, columns: u16) -> bool {
        self.width.is_some_and(|width| width < columns)
    }

    /// A line of prose wrapped between words to the width, if one is set.
    pub fn fit(self, text: &str) -> String {
        let Some(width) = self.width else {
            return text.to_string();
        };
        let width = usize::from(width);
        let mut out = String::with_capacity(text.len() + 8);
        for line in text.split_inclusive('\n') {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let mut length = 0;
            for (i, word) in body.split(' ').enumerate() {
                let word_length = word.chars().count();
                if i > 0 && length + 1 + word_length > width {
                    out.push_str("\n  ");
                    length = 2;
                } else if i > 0 {
                    out.push(' ');
                    length += 1;
                }
                out.push_str(word);
                length += word_length;
            }
            out.push_str(end);
        }
        out
    }

    /// Whether a share of a target's clock time used (percent) has reached
    /// the at-risk threshold; unknown is not at risk.
    pub fn at_risk(self, used: Option<f64>) -> bool {
        used.is_some_and(|used| used >= self.warn.at_risk)
    }

    /// A cell of text, in red when `alarm` and colour is on.
    pub fn alarm(self, text: String, alarm: bool) -> comfy_table::Cell {
        self.level(text, if alarm { Level::Alarm } else { Level::Plain })
    }

    /// A cell of text in the colour of its level, when colour is on.
    pub fn level(self, text: String, level: Level) -> comfy_table::Cell {
        let cell = comfy_table::Cell::new(text);
        match (self.colors, level) {
            (true, Level::Alarm) => cell.fg(comfy_table::Color::Red),
            (true, Level::Warning) => cell.fg(comfy_table::Color::Yellow),
            _ => cell,
        }
    }
}

/// Keep these columns as wide as their widest cell: when the table must
/// shrink, the other columns wrap instead.
pub fn keep_whole(table: &mut Table, columns: &[usize]) {
    for &index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

/// A per-ticket table: id, plan, priority, desk and response due, then
/// `more` columns (their narrow and wide headers), whether it is narrow;
/// the first four columns and the verdict's (at `verdict`) kept whole.
pub fn ticket_table(
    screen: Screen,
    more: &[(&'static str, &'static str)],
    verdict: usize,
) -> (comfy_table::Table, bool) {
    let narrow = screen.narrower_than(120);
    let mut header = if narrow {
        vec!["id", "plan", "pri", "desk", "due"]
    } else {
        vec!["id", "plan", "priority", "desk", "response due"]
    };
    header.extend(
        more.iter()
            .map(|(short, long)| if narrow { *short } else { *long }),
    );
    let mut table = screen.table(&header);
    keep_whole(&mut table, &[0, 1, 2, 3, verdict]);
    (table, narrow)
}

/// An instant in a table: short when the table is narrow.
pub fn table_time(narrow: bool, t: DateTime<Utc>, zone: Tz) -> String {
    if narrow {
        short_local(t, zone)
    } else {
        local(t, zone)
    }
}

/// A ticket's verdict (red when breached) and how late it was (`-` when
/// not late), as the per-ticket tables show them.
pub fn verdict_table_cells(
    screen: Screen,
    verdict: slacalc::audit::Verdict,
    late: Option<TimeDelta>,
) -> [comfy_table::Cell; 2] {
    [
        screen.alarm(
            verdict.name().replace('_', " "),
            verdict == slacalc::audit::Verdict::Breached,
        ),
        late.filter(|d| *d > TimeDelta::zero())
            .map_or("-".into(), span)
            .into(),
    ]
}

/// A batch line that failed, in its place (SPEC §8): part of each batch
/// command's schema.
#[derive(serde::Serialize, schemars::JsonSchema)]
pub struct BatchErrorJson {
    /// What is wrong with the line, on one line.
    pub error: String,
    /// Its file line (the first is 1).
    pub line: u64,
}

/// A batch command's output line: its result, or the error of its line
/// (for the schema only).
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum OrError<T> {
    Result(T),
    Error(BatchErrorJson),
}

/// A value from the input (an id, a `--by` key, a holder) as a table
/// shows it: control characters escaped, so that a row stays one line and
/// a value cannot colour or move the terminal.
pub fn shown(text: &str) -> String {
    slacalc::input::escaped(text).into_owned()
}

/// A JSON document as pretty text with a final newline.
pub fn json(value: &impl serde::Serialize) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

/// CSV rows written one at a time (a batch writes one per input line),
/// with the header before the first.
#[derive(Default)]
pub struct CsvRows {
    header_written: bool,
}

impl CsvRows {
    /// Append one row (and, the first time, the header) without a final
    /// line end.
    pub fn write(&mut self, row: &impl serde::Serialize, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(!self.header_written)
            .from_writer(Vec::new());
        writer.serialize(row)?;
        let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
        out.extend_from_slice(bytes.strip_suffix(b"\n").unwrap_or(&bytes));
        self.header_written = true;
        Ok(())
    }

    /// One row with its header, as a document.
    pub fn document(row: &impl serde::Serialize) -> anyhow::Result<String> {
        let mut out = Vec::new();
        CsvRows::default().write(row, &mut out)?;
        out.push(b'\n');
        Ok(String::from_utf8(out)?)
    }
}

/// A JSON value as one CSV field: strings as they are, others as JSON.
pub fn csv_field(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(width: Option<u16>, warn: Thresholds) -> Screen {
        Screen {
            colors: false,
            width,
            warn,
        }
    }

    /// At risk is judged by the thresholds the screen was given, not the
    /// default ones.
    #[test]
    fn at_risk_follows_the_thresholds_given() {
        let default = screen(None, Thresholds::default());
        let stricter = screen(None, Thresholds::parse("60,80,95").unwrap());
        assert!(default.at_risk(Some(75.0)));
        assert!(!stricter.at_risk(Some(75.0)));
        assert!(stricter.at_risk(Some(80.0)));
        assert!(!stricter.at_risk(None));
    }

    /// Prose is wrapped between words only when a width is known.
    #[test]
    fn fit_wraps_only_to_a_known_width() {
        let text = "one two three four\n";
        assert_eq!(screen(None, Thresholds::default()).fit(text), text);
        assert_eq!(
            screen(Some(9), Thresholds::default()).fit(text),
            "one two\n  three\n  four\n"
        );
        assert!(screen(Some(80), Thresholds::default()).narrower_than(81));
        assert!(!screen(None, Thresholds::default()).narrower_than(81));
    }
}
