//! Ticket histories (SPEC §9): the events a help desk records — opened,
//! statuses, priority changes, notification, first response, escalations,
//! close — become one [`History`] per ticket: its waits as pauses, its
//! priority periods, and when each thing first happened. Events of many
//! tickets interleave; a history is handed back as soon as its ticket
//! closes, so memory holds only the tickets still open.

use std::borrow::Cow;

use chrono::{DateTime, Timelike, Utc};
use rustc_hash::FxHashMap;

use crate::batch::Record;
use crate::calendar::Calendar;
use crate::clock::Interval;
use crate::error::{Error, Result};
use crate::input;
use crate::load::DataSet;
use crate::plan::{Plan, Priority};
use crate::ticket::{Columns, Field, FieldMap, PriorityPeriod, Text, Ticket};

/// One event as a line of an event log gives it: its kind and its instant
/// read as far as the line alone tells, other values as written.
#[derive(Debug, Clone, Default)]
pub struct EventFields {
    pub ticket: Option<Value>,
    pub at: Option<When>,
    pub kind: Option<Kind>,
    pub plan: Option<Value>,
    pub priority: Option<Value>,
    pub desk: Option<Value>,
    pub status: Option<Value>,
    pub to: Option<Value>,
    /// The column an audit groups by (`--by`), when it names no field.
    pub by: Option<Value>,
}

/// A value of an event line: short ones (most ids and names) are held
/// inline, so that a line is read, handed on and dropped on other cores
/// without the heap.
pub type Value = compact_str::CompactString;

/// What an event records (SPEC §9), named in any case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Opened,
    Status,
    Priority,
    Notified,
    Responded,
    Escalated,
    Closed,
    /// No kind of event: the name, in lower case.
    Unknown(String),
}

impl Kind {
    fn read(text: &str) -> Kind {
        const KINDS: [(&str, Kind); 7] = [
            ("opened", Kind::Opened),
            ("status", Kind::Status),
            ("priority", Kind::Priority),
            ("notified", Kind::Notified),
            ("responded", Kind::Responded),
            ("escalated", Kind::Escalated),
            ("closed", Kind::Closed),
        ];
        KINDS
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text))
            .map_or_else(
                || Kind::Unknown(text.to_ascii_lowercase()),
                |(_, kind)| kind,
            )
    }

    fn name(&self) -> &str {
        match self {
            Kind::Opened => "opened",
            Kind::Status => "status",
            Kind::Priority => "priority",
            Kind::Notified => "notified",
            Kind::Responded => "responded",
            Kind::Escalated => "escalated",
            Kind::Closed => "closed",
            Kind::Unknown(name) => name,
        }
    }
}

/// When an event happened: the instant, when its text gives the offset,
/// else the text, to be read at its ticket's desk.
#[derive(Debug, Clone)]
pub enum When {
    Instant(DateTime<Utc>),
    Text(String),
}

impl When {
    fn read(text: &str) -> When {
        // What `input::instant` reads first, and reads the same way.
        match crate::time::parse_rfc3339(text) {
            Ok(t) if t.nanosecond() == 0 => When::Instant(t.with_timezone(&Utc)),
            _ => When::Text(text.to_string()),
        }
    }

    fn instant(&self, zone: chrono_tz::Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
        match self {
            When::Instant(t) => Ok(*t),
            When::Text(text) => input::instant(text, zone, now),
        }
    }
}

impl EventFields {
    fn set(&mut self, field: Field, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let slot = match field {
            // `ticket` is read before `id`, wherever each stands.
            Field::Ticket => &mut self.ticket,
            Field::Id if self.ticket.is_none() => &mut self.ticket,
            Field::At => return self.at = Some(When::read(value)),
            Field::Type => return self.kind = Some(Kind::read(value)),
            Field::Plan => &mut self.plan,
            Field::Priority => &mut self.priority,
            Field::Desk => &mut self.desk,
            Field::Status => &mut self.status,
            Field::To => &mut self.to,
            Field::By => &mut self.by,
            _ => return,
        };
        *slot = Some(Value::new(value));
    }

    fn checked(self) -> std::result::Result<EventFields, String> {
        for (given, name) in [
            (self.ticket.is_some(), "ticket"),
            (self.at.is_some(), "at"),
            (self.kind.is_some(), "type"),
        ] {
            if !given {
                return Err(format!("{name}: missing"));
            }
        }
        Ok(self)
    }
}

/// Event-log lines.
pub struct Events;

impl Record for Events {
    type Of<'l> = EventFields;

    fn from_json(text: &str, map: &FieldMap) -> std::result::Result<EventFields, String> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let fields = serde::Deserializer::deserialize_map(&mut deserializer, EventVisitor { map })
            .and_then(|fields| deserializer.end().map(|()| fields))
            .map_err(|e| format!("not a JSON object of an event: {e}"))?;
        fields.checked()
    }

    fn from_row<'l>(
        columns: &Columns,
        cells: impl Iterator<Item = &'l str>,
    ) -> std::result::Result<EventFields, String> {
        let mut fields = EventFields::default();
        for (field, cell) in columns.fields().zip(cells) {
            if let Some(field) = field {
                fields.set(field, cell);
            }
        }
        fields.checked()
    }
}

/// Reads a JSON object's keys through the export's names; values are text
/// as written: a number or a truth value (or a list or an object) as its
/// JSON text, a null as no value. Other keys are passed over unread.
struct EventVisitor<'m> {
    map: &'m FieldMap,
}

impl<'de> serde::de::Visitor<'de> for EventVisitor<'_> {
    type Value = EventFields;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<EventFields, A::Error> {
        let mut fields = EventFields::default();
        while let Some(Text(key)) = map.next_key::<Text>()? {
            match self.map.field_of(&key) {
                Some(field) => {
                    let value = map
                        .next_value::<JsonText>()
                        .map_err(|e| serde::de::Error::custom(format!("{key}: {e}")))?;
                    if let Some(text) = value.0 {
                        fields.set(field, &text);
                    }
                }
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(fields)
    }
}

/// A JSON value as text (see [`EventVisitor`]).
struct JsonText<'a>(Option<Cow<'a, str>>);

impl<'de> serde::Deserialize<'de> for JsonText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = JsonText<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(Some(Cow::Owned(v))))
            }
            fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(None))
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&crate::ticket::exact_number(v)?.into()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let value = serde::Deserialize::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )?;
                Ok(Self::Value::json(&value))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let value = serde::Deserialize::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(Self::Value::json(&value))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonText<'_> {
    fn json(value: &serde_json::Value) -> Self {
        JsonText(Some(Cow::Owned(value.to_string())))
    }
}

/// Which statuses pause every clock and which close a ticket (SPEC §9),
/// compared case-insensitively.
#[derive(Debug, Clone)]
pub struct Statuses {
    pub waiting: Vec<String>,
    pub closing: Vec<String>,
}

impl Default for Statuses {
    fn default() -> Self {
        let list = |names: &[&str]| names.iter().map(|n| (*n).to_string()).collect();
        Statuses {
            waiting: list(&["waiting", "pending", "on-hold"]),
            closing: list(&["closed", "solved", "resolved"]),
        }
    }
}

impl Statuses {
    fn is(list: &[String], status: &str) -> bool {
        list.iter()
            .any(|s| s.trim().eq_ignore_ascii_case(status.trim()))
    }
}

/// A ticket's history up to an instant.
#[derive(Debug, Clone)]
pub struct History<'d> {
    pub id: String,
    /// The file line of its `opened` event (of the row, for ticket rows).
    pub line: u64,
    /// Its place among the tickets, in the order they were opened.
    pub order: u64,
    pub plan: &'d Plan,
    pub desk: &'d Calendar,
    pub opened: DateTime<Utc>,
    /// The priority it opened with, from its opening.
    pub initial: PriorityPeriod<'d>,
    /// Each change of priority, in time order.
    pub changes: Vec<PriorityPeriod<'d>>,
    /// Waits that have ended (ticket rows: the pauses given).
    pub waits: Vec<Interval>,
    /// A wait still going on: since when.
    pub waiting_since: Option<DateTime<Utc>>,
    pub notified: Option<DateTime<Utc>>,
    pub responded: Option<DateTime<Utc>>,
    /// Each escalation: when, and to whom (as written).
    pub escalations: Vec<(DateTime<Utc>, String)>,
    pub closed: Option<DateTime<Utc>>,
    /// The value of the `--by` column on its `opened` event (or row).
    pub by: Option<String>,
    /// The instant of its latest event.
    last: DateTime<Utc>,
}

impl<'d> History<'d> {
    /// A ticket row as a history: its pauses are waits that have ended.
    pub fn from_ticket(
        ticket: Ticket<'d>,
        id: String,
        line: u64,
        order: u64,
        by: Option<String>,
    ) -> History<'d> {
        let moments = ticket.moments();
        History {
            id,
            line,
            order,
            plan: ticket.plan,
            desk: ticket.desk,
            opened: ticket.opened,
            initial: ticket.initial,
            changes: ticket.changes,
            waits: ticket.pauses.as_slice().to_vec(),
            waiting_since: None,
            notified: moments.notified,
            responded: moments.responded,
            escalations: Vec::new(),
            closed: moments.closed,
            by,
            last: ticket.opened,
        }
    }

    /// The history as it stood at `at`: what happened later is unknown,
    /// and a wait going on then is still going on.
    #[must_use]
    pub fn as_of(mut self, at: DateTime<Utc>) -> History<'d> {
        let known = |t: Option<DateTime<Utc>>| t.filter(|t| *t <= at);
        self.changes.retain(|c| c.from <= at);
        let mut waiting_since = known(self.waiting_since);
        self.waits.retain(|wait| {
            if wait.start <= at && wait.end > at {
                waiting_since = Some(waiting_since.map_or(wait.start, |s| s.min(wait.start)));
            }
            wait.end <= at
        });
        self.waiting_since = waiting_since;
        self.notified = known(self.notified);
        self.responded = known(self.responded);
        self.closed = known(self.closed);
        self.escalations.retain(|(t, _)| *t <= at);
        self
    }

    /// The priority in force at `t` (before the opening: the first).
    pub fn priority_at(&self, t: DateTime<Utc>) -> &'d Priority {
        crate::ticket::period_in_force(&self.initial, &self.changes, t).priority
    }

    /// Whether the ticket was waiting at the end of its history.
    pub fn waiting(&self) -> bool {
        self.waiting_since.is_some()
    }
}

/// A ticket that could not be judged: its id, the line that showed it,
/// why, and its place among the tickets.
#[derive(Debug, Clone)]
pub struct Failed {
    pub id: String,
    pub line: u64,
    pub order: u64,
    pub message: String,
}

/// What an event log yields: a history ready to judge, or a ticket that
/// failed.
pub type Finished<'d> = std::result::Result<History<'d>, Failed>;

enum Entry<'d> {
    Open(Box<History<'d>>),
    /// Failed already, or opened after as-of: its later events are passed
    /// over.
    Skipped,
}

/// Events in, histories out (SPEC §9). Events after `as_of` are ignored.
pub struct Recorder<'d> {
    data: &'d DataSet,
    statuses: Statuses,
    now: DateTime<Utc>,
    as_of: DateTime<Utc>,
    tickets: FxHashMap<Value, Entry<'d>>,
    next_order: u64,
}

impl<'d> Recorder<'d> {
    pub fn new(
        data: &'d DataSet,
        statuses: Statuses,
        now: DateTime<Utc>,
        as_of: DateTime<Utc>,
    ) -> Recorder<'d> {
        Recorder {
            data,
            statuses,
            now,
            as_of,
            tickets: FxHashMap::default(),
            next_order: 0,
        }
    }

    /// Take one event from file line `line`: a ticket it closes, or one it
    /// shows to be wrong, comes back.
    pub fn event(&mut self, line: u64, fields: EventFields) -> Option<Finished<'d>> {
        // A line read by [`Events`] has both.
        let (Some(id), Some(kind)) = (fields.ticket.as_deref(), fields.kind.as_ref()) else {
            return Some(Err(Failed {
                id: fields.ticket.map(Value::into_string).unwrap_or_default(),
                line,
                order: u64::MAX,
                message: "an event needs a ticket and a type".into(),
            }));
        };
        let outcome = match (self.tickets.get_mut(id), kind) {
            (Some(Entry::Skipped), _) => return None,
            (None, Kind::Opened) => match self.open(line, &fields) {
                Ok(opened) => {
                    let entry = match opened {
                        Some(history) => {
                            self.next_order += 1;
                            Entry::Open(Box::new(history))
                        }
                        None => Entry::Skipped,
                    };
                    self.tickets.insert(fields.ticket.unwrap_or_default(), entry);
                    return None;
                }
                Err(e) => e,
            },
            (None, _) => Error::value(
                id,
                format!(
                    "ticket '{}' has no open history: its first event must be 'opened', and nothing may follow its close",
                    input::escaped(id)
                ),
            ),
            (Some(Entry::Open(_)), Kind::Opened) => Error::value(
                id,
                format!("ticket '{}' is opened twice", input::escaped(id)),
            ),
            (Some(Entry::Open(history)), kind) => {
                match Self::apply(history, &self.statuses, self.now, self.as_of, kind, &fields) {
                    Ok(()) if history.closed.is_some() => {
                        return match self.tickets.remove(id) {
                            Some(Entry::Open(history)) => Some(Ok(*history)),
                            _ => None,
                        };
                    }
                    Ok(()) => return None,
                    Err(e) => e,
                }
            }
        };
        let id = fields.ticket.unwrap_or_default();
        let order =
            if let Some(Entry::Open(history)) = self.tickets.insert(id.clone(), Entry::Skipped) {
                history.order
            } else {
                self.next_order += 1;
                self.next_order - 1
            };
        Some(Err(Failed {
            id: id.into_string(),
            line,
            order,
            message: outcome.to_string(),
        }))
    }

    /// The tickets still open at the end of the log, in the order opened.
    pub fn finish(self) -> Vec<History<'d>> {
        let mut open: Vec<History<'d>> = self
            .tickets
            .into_values()
            .filter_map(|entry| match entry {
                Entry::Open(history) => Some(*history),
                Entry::Skipped => None,
            })
            .collect();
        open.sort_by_key(|h| h.order);
        open
    }

    /// A new history from an `opened` event (`None`: opened after `as_of`).
    fn open(&self, line: u64, fields: &EventFields) -> Result<Option<History<'d>>> {
        let opened = &Kind::Opened;
        let plan = self
            .data
            .plan(needed(fields.plan.as_deref(), "plan", opened)?)?;
        let desk = self
            .data
            .desk(needed(fields.desk.as_deref(), "desk", opened)?)?;
        let priority = plan.priority(needed(fields.priority.as_deref(), "priority", opened)?)?;
        let Some(at) = &fields.at else {
            return Err(Error::value("at", "an 'opened' event needs at"));
        };
        let at = at.instant(desk.zone, self.now)?;
        if at > self.as_of {
            return Ok(None);
        }
        Ok(Some(History {
            id: fields.ticket.as_deref().unwrap_or_default().to_string(),
            line,
            order: self.next_order,
            plan,
            desk,
            opened: at,
            initial: PriorityPeriod { from: at, priority },
            changes: Vec::new(),
            waits: Vec::new(),
            waiting_since: None,
            notified: None,
            responded: None,
            escalations: Vec::new(),
            closed: None,
            by: fields.by.as_ref().map(Value::to_string),
            last: at,
        }))
    }

    /// One later event of an open ticket.
    fn apply(
        history: &mut History<'d>,
        statuses: &Statuses,
        now: DateTime<Utc>,
        as_of: DateTime<Utc>,
        kind: &Kind,
        fields: &EventFields,
    ) -> Result<()> {
        let Some(at) = &fields.at else {
            return Err(Error::value(
                "at",
                format!("a '{}' event needs at", kind.name()),
            ));
        };
        let at = at.instant(history.desk.zone, now)?;
        if at < history.last {
            let shown = crate::time::rfc3339(at, history.desk.zone);
            return Err(Error::value(
                &shown,
                format!(
                    "ticket '{}': this event ({shown}) is earlier than the one before it; a ticket's events must come in time order",
                    input::escaped(&history.id),
                ),
            ));
        }
        if at > as_of {
            return Ok(());
        }
        history.last = at;
        let field = |value, name| needed(value, name, kind);
        match kind {
            Kind::Status => {
                let status = field(fields.status.as_deref(), "status")?;
                if Statuses::is(&statuses.closing, status) {
                    history.close(at);
                } else if Statuses::is(&statuses.waiting, status) {
                    history.waiting_since.get_or_insert(at);
                } else if let Some(since) = history.waiting_since.take() {
                    history.waits.push(Interval {
                        start: since,
                        end: at,
                    });
                }
            }
            Kind::Priority => {
                let priority = history
                    .plan
                    .priority(field(fields.priority.as_deref(), "priority")?)?;
                history.changes.push(PriorityPeriod { from: at, priority });
            }
            Kind::Notified => {
                history.notified.get_or_insert(at);
            }
            Kind::Responded => {
                history.responded.get_or_insert(at);
            }
            Kind::Escalated => history
                .escalations
                .push((at, field(fields.to.as_deref(), "to")?.to_string())),
            Kind::Closed => history.close(at),
            Kind::Opened | Kind::Unknown(_) => {
                let other = kind.name();
                return Err(Error::value(
                    other,
                    format!(
                        "'{}' is not an event type; types: opened, status, priority, notified, responded, escalated, closed",
                        input::escaped(other)
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A value an event of its kind must have.
fn needed<'v>(value: Option<&'v str>, name: &str, kind: &Kind) -> Result<&'v str> {
    value.ok_or_else(|| {
        let article = if *kind == Kind::Opened { "an" } else { "a" };
        Error::value(
            name,
            format!("{article} '{}' event needs {name}", kind.name()),
        )
    })
}

impl History<'_> {
    fn close(&mut self, at: DateTime<Utc>) {
        if let Some(since) = self.waiting_since.take() {
            self.waits.push(Interval {
                start: since,
                end: at,
            });
        }
        self.closed = Some(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Times as an export may write them: RFC 3339 with an offset or `Z`,
    /// with or without seconds or a fraction, local times, a leap second,
    /// `now` and text that is no time.
    fn time_text() -> impl Strategy<Value = String> {
        let offset =
            proptest::sample::select(vec!["Z", "z", "+01:00", "-05:00", "+04:00", "+0100", ""]);
        let seconds = proptest::sample::select(vec![":00", ":59", ":60", ":07.5", ""]);
        let separator = proptest::sample::select(vec!["T", " ", "t"]);
        (1..=31u32, 0..24u32, 0..60u32, separator, seconds, offset)
            .prop_map(|(day, hour, minute, sep, sec, off)| {
                format!("2026-03-{day:02}{sep}{hour:02}:{minute:02}{sec}{off}")
            })
            .boxed()
            .prop_union(
                proptest::sample::select(vec![
                    "now".to_string(),
                    "soon".to_string(),
                    String::new(),
                ])
                .boxed(),
            )
    }

    proptest! {
        #[test]
        fn an_instant_read_on_a_worker_is_the_one_read_at_the_desk(text in time_text()) {
            // `When::read` reads what it can without the desk; the rest is
            // read at the desk: the same instant, or the same error, as
            // reading the whole text at the desk.
            let zone = crate::time::Tz::Europe__Rome;
            let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
            let early = When::read(&text).instant(zone, now).map_err(|e| e.to_string());
            let direct = input::instant(&text, zone, now).map_err(|e| e.to_string());
            prop_assert_eq!(early, direct);
        }
    }
}
