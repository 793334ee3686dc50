//! Ticket histories (SPEC §9): the events a help desk records — opened,
//! statuses, priority changes, notification, first response, escalations,
//! close — become one [`History`] per ticket: its ticket (plan, desk,
//! priority periods), its waits, and when each thing first happened.
//! Events come read by [`crate::record::event`]; their names are looked up
//! by [`crate::resolve`]. Events of many tickets interleave; a history is
//! handed back as soon as its ticket closes, so memory holds the
//! histories of the tickets still open and only the ids of closed ones.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use crate::clock::{Interval, Pauses};
use crate::error::{Error, Result};
use crate::input;
use crate::load::DataSet;
use crate::plan::Priority;
use crate::record::event::{EventFields, Kind, Value, When};
use crate::resolve::Resolver;
use crate::ticket::{PriorityPeriod, Ticket};

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
    /// Its plan, desk, opening and priority periods (its waits are kept
    /// below, as they come).
    pub ticket: Ticket<'d>,
    /// Waits that have ended (ticket rows: the pauses given).
    pub waits: Vec<Interval>,
    /// A wait still going on: since when.
    pub waiting_since: Option<DateTime<Utc>>,
    pub notified: Option<DateTime<Utc>>,
    pub responded: Option<DateTime<Utc>>,
    /// The priority in force when the notification, and the response,
    /// were recorded: equal instants apply in file order, so a change at
    /// the same instant later in the log does not apply to them (SPEC §9).
    pub(crate) notified_priority: Option<&'d Priority>,
    pub(crate) responded_priority: Option<&'d Priority>,
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
        mut ticket: Ticket<'d>,
        id: String,
        line: u64,
        order: u64,
        by: Option<String>,
    ) -> History<'d> {
        let times = ticket.times();
        let waits = std::mem::replace(&mut ticket.pauses, Pauses::none());
        ticket.times = None;
        History {
            id,
            line,
            order,
            waits: waits.as_slice().to_vec(),
            waiting_since: None,
            notified: times.notified,
            responded: times.responded,
            notified_priority: None,
            responded_priority: None,
            escalations: Vec::new(),
            closed: times.closed,
            by,
            last: ticket.opened,
            ticket,
        }
    }

    /// The history as it stood at `at`: what happened later is unknown,
    /// and a wait going on then is still going on.
    #[must_use]
    pub fn as_of(mut self, at: DateTime<Utc>) -> History<'d> {
        let known = |t: Option<DateTime<Utc>>| t.filter(|t| *t <= at);
        self.ticket.changes.retain(|c| c.from <= at);
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
        if self.notified.is_none() {
            self.notified_priority = None;
        }
        if self.responded.is_none() {
            self.responded_priority = None;
        }
        self.closed = known(self.closed);
        self.escalations.retain(|(t, _)| *t <= at);
        self
    }

    /// The priority in force at `t` (before the opening: the first).
    pub fn priority_at(&self, t: DateTime<Utc>) -> &'d Priority {
        self.ticket.period_at(t).priority
    }

    /// Whether the ticket was waiting at the end of its history.
    pub fn waiting(&self) -> bool {
        self.waiting_since.is_some()
    }
}

/// A ticket that could not be judged: its id, the line that showed it,
/// why, and its place among the tickets (`None`: a line that held no
/// event, which belongs to no ticket).
#[derive(Debug, Clone)]
pub struct Failed {
    pub id: String,
    pub line: u64,
    pub order: Option<u64>,
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
    names: Resolver<'d>,
    statuses: Statuses,
    as_of: DateTime<Utc>,
    tickets: FxHashMap<Value, Entry<'d>>,
    /// The tickets closed and handed back: a second `opened` is an error
    /// of its line, never a second ticket judged under the same id (SPEC
    /// §9). Apart from `tickets`, which every event looks up, so that
    /// stays as small as the tickets open.
    closed: rustc_hash::FxHashSet<Value>,
    next_order: u64,
    /// Events of types the log does not know, by type.
    ignored: BTreeMap<String, u64>,
}

impl<'d> Recorder<'d> {
    pub fn new(
        data: &'d DataSet,
        statuses: Statuses,
        now: DateTime<Utc>,
        as_of: DateTime<Utc>,
    ) -> Recorder<'d> {
        Recorder {
            names: Resolver::new(data, now),
            statuses,
            as_of,
            tickets: FxHashMap::default(),
            closed: rustc_hash::FxHashSet::default(),
            next_order: 0,
            ignored: BTreeMap::new(),
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
                order: None,
                message: "an event needs a ticket and a type".into(),
            }));
        };
        if let Kind::Unknown(name) = kind {
            self.ignore(id, name, fields.at.as_ref());
            return None;
        }
        let entry = self.tickets.get_mut(id);
        let closed = entry.is_none() && self.closed.contains(id);
        let outcome = match (entry, kind) {
            (Some(Entry::Skipped), _) => return None,
            (None, Kind::Opened) if !closed => match self.open(line, &fields) {
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
            (Some(Entry::Open(_)) | None, Kind::Opened) => Error::value(
                id,
                format!("ticket '{}' is opened twice", input::escaped(id)),
            ),
            (None, _) => Error::value(
                id,
                format!(
                    "ticket '{}' has no open history: its first event must be 'opened', and nothing may follow its close",
                    input::escaped(id)
                ),
            ),
            (Some(Entry::Open(history)), kind) => {
                match Self::apply(history, &self.statuses, &self.names, self.as_of, kind, &fields) {
                    Ok(()) if history.closed.is_some() => {
                        let entry = self.tickets.remove(id);
                        self.closed.insert(fields.ticket.unwrap_or_default());
                        return match entry {
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
            order: Some(order),
            message: outcome.to_string(),
        }))
    }

    /// An event of a type the log does not know: ignored, and counted
    /// unless it happened after as-of (SPEC §9).
    fn ignore(&mut self, id: &str, name: &str, at: Option<&When>) {
        let zone = match self.tickets.get(id) {
            Some(Entry::Open(history)) => history.ticket.desk.zone,
            _ => crate::time::UTC,
        };
        let after = at
            .and_then(|at| self.names.instant_of(at, zone).ok())
            .is_some_and(|at| at > self.as_of);
        if !after {
            *self.ignored.entry(name.to_string()).or_default() += 1;
        }
    }

    /// How many events of each type the log does not know were ignored.
    pub fn ignored(&self) -> &BTreeMap<String, u64> {
        &self.ignored
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
        let names = &self.names;
        let plan = names.plan(needed(fields.plan.as_deref(), "plan", opened)?)?;
        let desk = names.desk(needed(fields.desk.as_deref(), "desk", opened)?)?;
        let priority = names.priority(
            plan,
            needed(fields.priority.as_deref(), "priority", opened)?,
        )?;
        let Some(at) = &fields.at else {
            return Err(Error::value("at", "an 'opened' event needs at"));
        };
        let at = names.instant_of(at, desk.zone)?;
        if at > self.as_of {
            return Ok(None);
        }
        Ok(Some(History {
            id: fields.ticket.as_deref().unwrap_or_default().to_string(),
            line,
            order: self.next_order,
            ticket: Ticket {
                plan,
                desk,
                opened: at,
                pauses: Pauses::none(),
                initial: PriorityPeriod { from: at, priority },
                changes: Vec::new(),
                times: None,
            },
            waits: Vec::new(),
            waiting_since: None,
            notified: None,
            responded: None,
            notified_priority: None,
            responded_priority: None,
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
        names: &Resolver<'d>,
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
        let at = names.instant_of(at, history.ticket.desk.zone)?;
        if at < history.last {
            let shown = crate::time::rfc3339(at, history.ticket.desk.zone);
            return Err(Error::value(
                &shown,
                format!(
                    "ticket '{}': this event ({shown}) is earlier than the one before it; a ticket's events must come in time order",
                    input::escaped(&history.id),
                ),
            ));
        }
        // Checked on every line, whatever as-of.
        history.last = at;
        if at > as_of {
            return Ok(());
        }
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
                let plan = history.ticket.plan;
                let priority =
                    names.priority(plan, field(fields.priority.as_deref(), "priority")?)?;
                history
                    .ticket
                    .changes
                    .push(PriorityPeriod { from: at, priority });
            }
            Kind::Notified => {
                if history.notified.is_none() {
                    history.notified = Some(at);
                    history.notified_priority = Some(history.priority_at(at));
                }
            }
            Kind::Responded => {
                if history.responded.is_none() {
                    history.responded = Some(at);
                    history.responded_priority = Some(history.priority_at(at));
                }
            }
            Kind::Escalated => history
                .escalations
                .push((at, field(fields.to.as_deref(), "to")?.to_string())),
            Kind::Closed => history.close(at),
            // Handled before: an `opened` of an open ticket is an error,
            // an unknown type is ignored.
            Kind::Opened | Kind::Unknown(_) => {
                return Err(Error::echoed(kind.name(), |other| {
                    format!("'{other}' is not an event type; types: opened, status, priority, notified, responded, escalated, closed")
                }));
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
