//! The one place names become references: a plan, priority and desk
//! name (from flags, a ticket row, an event or a Python column) becomes
//! `&Plan`, `&Priority` and `&Calendar`, and a ticket's times are read in
//! its desk's zone, with the same checks and the same errors whatever the
//! input was. Downstream nothing looks a name up again.

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::input;
use crate::load::DataSet;
use crate::plan::{Plan, Priority};
use crate::proactive::Release;
use crate::record::event::When;
use crate::record::TicketFields;
use crate::ticket::{PriorityPeriod, Ticket, Times};

/// Names looked up in a data set, and times read, at one "now". Plan,
/// priority and desk names are resolved once per spelling: a batch names
/// the same few again and again (at most 1,024 spellings are kept).
pub struct Resolver<'d> {
    data: &'d DataSet,
    now: DateTime<Utc>,
    known: hashbrown::HashTable<Known<'d>>,
}

/// One spelling of a plan, a priority and a desk, and what it names.
struct Known<'d> {
    hash: u64,
    spelling: [Box<str>; 3],
    found: (&'d Plan, &'d Priority, &'d Calendar),
}

impl<'d> Resolver<'d> {
    /// Names in `data`; the word "now" in a time is `now`.
    pub fn new(data: &'d DataSet, now: DateTime<Utc>) -> Resolver<'d> {
        Resolver {
            data,
            now,
            known: hashbrown::HashTable::new(),
        }
    }

    pub fn data(&self) -> &'d DataSet {
        self.data
    }

    /// The plan a name stands for.
    pub fn plan(&self, name: &str) -> Result<&'d Plan> {
        self.data.plan(name).map_err(echo_safe)
    }

    /// The desk a name stands for.
    pub fn desk(&self, name: &str) -> Result<&'d Calendar> {
        self.data.desk(name).map_err(echo_safe)
    }

    /// The priority of `plan` a name stands for.
    pub fn priority(&self, plan: &'d Plan, name: &str) -> Result<&'d Priority> {
        plan.priority(name).map_err(echo_safe)
    }

    /// An instant as written: RFC 3339, a local time in `zone`, or "now".
    pub fn instant(&self, text: &str, zone: crate::time::Tz) -> Result<DateTime<Utc>> {
        input::instant(text, zone, self.now)
    }

    /// When an event happened, its time read in `zone` if it had no offset.
    pub fn instant_of(&self, when: &When, zone: crate::time::Tz) -> Result<DateTime<Utc>> {
        when.instant(zone, self.now)
    }

    /// A plan, one of its priorities and a desk, by name.
    pub fn names(
        &mut self,
        plan: &str,
        priority: &str,
        desk: &str,
    ) -> Result<(&'d Plan, &'d Priority, &'d Calendar)> {
        use std::hash::{Hash, Hasher};
        // Hashed and compared where they lie: no key is built per ticket.
        let mut hasher = rustc_hash::FxHasher::default();
        (plan, priority, desk).hash(&mut hasher);
        let hash = hasher.finish();
        let same = |k: &Known| {
            k.hash == hash
                && *k.spelling[0] == *plan
                && *k.spelling[1] == *priority
                && *k.spelling[2] == *desk
        };
        if let Some(known) = self.known.find(hash, same) {
            return Ok(known.found);
        }
        let found_plan = self.plan(plan)?;
        let found_desk = self.desk(desk)?;
        let found = (found_plan, self.priority(found_plan, priority)?, found_desk);
        if self.known.len() >= 1024 {
            self.known.clear();
        }
        self.known.insert_unique(
            hash,
            Known {
                hash,
                spelling: [plan.into(), priority.into(), desk.into()],
                found,
            },
            |k| k.hash,
        );
        Ok(found)
    }

    /// A ticket as written (flags or a batch line): its names looked up,
    /// its times read in the desk's zone.
    pub fn ticket(&mut self, fields: &TicketFields) -> Result<Ticket<'d>> {
        let data = self.data;
        let now = self.now;
        let more = fields.extra();
        let (plan, desk, given) = match &fields.priority {
            Some(priority) => {
                let (plan, priority, desk) = self.names(&fields.plan, priority, &fields.desk)?;
                (plan, desk, Some(priority))
            }
            None => (self.plan(&fields.plan)?, self.desk(&fields.desk)?, None),
        };
        let zone = desk.zone;
        let initial = match (given, &more.event) {
            (Some(priority), _) => priority,
            (None, Some(id)) => {
                // A proactive event's priority applies only to an eligible
                // installation (SPEC §7).
                let event = data.event(id).map_err(echo_safe)?;
                let rules = data.proactive.as_ref().ok_or_else(|| {
                    Error::Lacking("the plans file has no [proactive] eligibility rules".into())
                })?;
                let release = more.release.as_deref().map(release).transpose()?;
                rules.check(&plan.name, release)?;
                plan.priority(&event.priority)?
            }
            (None, None) => return Err(Error::value("", "give a priority or an event")),
        };
        let opened = input::instant(&fields.opened, zone, now)?;
        let mut changes = more
            .priority_changes
            .iter()
            .map(|text| {
                let (at, priority) = text.split_once('=').ok_or_else(|| {
                    Error::echoed(text, |shown| {
                        format!("priority change '{shown}' is not TIME=PRIORITY, like 2026-11-23T10:00=P1")
                    })
                })?;
                let from = input::instant(at, zone, now)?;
                if from < opened {
                    return Err(Error::echoed(text, |shown| {
                        format!("priority change '{shown}' is before the ticket was opened")
                    }));
                }
                Ok(PriorityPeriod {
                    from,
                    priority: self.priority(plan, priority.trim())?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        if changes.len() > 1 {
            changes.sort_by_key(|c| c.from);
        }
        let instant = |text: &Option<Cow<str>>| {
            text.as_deref()
                .map(|t| input::instant(t, zone, now))
                .transpose()
        };
        let responded = instant(&more.responded)?;
        not_before_opening(opened, "responded", more.responded.as_deref(), responded)?;
        let (notified, closed) = (instant(&more.notified)?, instant(&more.closed)?);
        not_before_opening(opened, "notified", more.notified.as_deref(), notified)?;
        not_before_opening(opened, "closed", more.closed.as_deref(), closed)?;
        Ok(Ticket {
            plan,
            desk,
            opened,
            pauses: input::pauses(&fields.pauses, zone, now)?,
            initial: PriorityPeriod {
                from: opened,
                priority: initial,
            },
            changes,
            times: match fields.extra {
                None => None,
                Some(_) => Some(Box::new(Times {
                    at: instant(&more.at)?,
                    responded,
                    notified,
                    closed,
                })),
            },
        })
    }
}

impl<'d> Resolver<'d> {
    /// A ticket whose opening and other times are instants already (the
    /// columns of a data frame; `None`: the opening is missing), its
    /// pauses as written: the same names, the same checks and the same
    /// errors, in the same order, as [`Resolver::ticket`].
    pub fn ticket_at(
        &mut self,
        names: [&str; 3],
        opened: Option<DateTime<Utc>>,
        pauses: &[&str],
        times: Option<Times>,
    ) -> Result<Ticket<'d>> {
        let [plan, priority, desk] = names;
        let (plan, priority, desk) = self.names(plan, priority, desk)?;
        let opened = opened.ok_or_else(|| Error::value("", "opened: missing or out of range"))?;
        let given = times.unwrap_or_default();
        for (what, at) in [
            ("responded", given.responded),
            ("notified", given.notified),
            ("closed", given.closed),
        ] {
            let written = at.map(|t| crate::time::rfc3339(t, desk.zone));
            not_before_opening(opened, what, written.as_deref(), at)?;
        }
        Ok(Ticket {
            plan,
            desk,
            opened,
            pauses: input::pauses(pauses, desk.zone, self.now)?,
            initial: PriorityPeriod {
                from: opened,
                priority,
            },
            changes: Vec::new(),
            times: times.map(Box::new),
        })
    }
}

/// What happened to a ticket (`what`: responded, notified, closed) is not
/// before its opening (`written`: the instant as the line gave it, to
/// echo).
fn not_before_opening(
    opened: DateTime<Utc>,
    what: &str,
    written: Option<&str>,
    at: Option<DateTime<Utc>>,
) -> Result<()> {
    if at.is_some_and(|t| t < opened) {
        return Err(Error::echoed(written.unwrap_or_default(), |shown| {
            format!("{what} '{shown}' is before the ticket was opened")
        }));
    }
    Ok(())
}

/// An unknown name is echoed with its control characters escaped: a
/// message stays one line.
fn echo_safe(error: Error) -> Error {
    match error {
        Error::UnknownName {
            kind,
            name,
            suggest,
            known,
        } => Error::UnknownName {
            kind,
            name: input::escaped(&name).into_owned(),
            suggest,
            known,
        },
        error => error,
    }
}

/// A suite release; one that holds control characters is echoed escaped.
fn release(text: &str) -> Result<Release> {
    Release::parse(text).map_err(|error| match input::escaped(text) {
        Cow::Owned(shown) => Error::value(text, format!(
            "'{shown}' is not a suite release like \"Winter '20\" (Winter, Spring or Summer and a year)"
        )),
        Cow::Borrowed(_) => error,
    })
}
