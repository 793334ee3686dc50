//! A ticket: its text (the flags of one call, or one line of a batch file)
//! resolved once into references into the data set, its instants read in
//! the desk's zone. Nothing downstream looks a name up again.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use crate::calendar::Calendar;
use crate::clock::Pauses;
use crate::error::{Error, Result};
use crate::input;
use crate::load::DataSet;
use crate::plan::{Plan, Priority};
use crate::proactive::Release;

/// A ticket as given on the command line or on one line of a batch file.
/// Its text borrows from the line where it can: batches read millions.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketFields<'a> {
    /// Passed through to the output, to match lines up.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(borrow, deserialize_with = "text")]
    pub plan: Cow<'a, str>,
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub priority: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub event: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub release: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub desk: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub opened: Cow<'a, str>,
    /// `A/B` intervals: a JSON list, or one string separated by `;`.
    #[serde(default, borrow, deserialize_with = "list")]
    pub pauses: Vec<Cow<'a, str>>,
    /// `TIME=PR` changes, like `pauses`.
    #[serde(default, borrow, deserialize_with = "list")]
    pub priority_changes: Vec<Cow<'a, str>>,
    /// `escalate`: the moment to ask about.
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub at: Option<Cow<'a, str>>,
    /// `audit`: when the first response was given.
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub responded: Option<Cow<'a, str>>,
}

/// A string, borrowed from the input unless it had to be unescaped.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visitor)
    }
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    Ok(Text::deserialize(d)?.0)
}

fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?
        .map(|t| t.0)
        .filter(|s| !s.trim().is_empty()))
}

fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Cow<'de, str>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrText<'a> {
        List(#[serde(borrow)] Vec<Text<'a>>),
        Text(#[serde(borrow)] Text<'a>),
    }
    Ok(match Option::<ListOrText>::deserialize(d)? {
        None => Vec::new(),
        Some(ListOrText::List(items)) => items.into_iter().map(|t| t.0).collect(),
        Some(ListOrText::Text(text)) => split_list(text.0),
    })
}

/// `a; b; c`, trimmed, empty items dropped.
fn split_list(text: Cow<str>) -> Vec<Cow<str>> {
    fn items(text: &str) -> impl Iterator<Item = &str> {
        text.split(';').map(str::trim).filter(|s| !s.is_empty())
    }
    match text {
        Cow::Borrowed(text) => items(text).map(Cow::Borrowed).collect(),
        Cow::Owned(text) => items(&text).map(|s| Cow::Owned(s.to_string())).collect(),
    }
}

/// The priority a ticket had from an instant on.
#[derive(Debug, Clone)]
pub struct PriorityPeriod<'a> {
    pub from: DateTime<Utc>,
    pub priority: &'a Priority,
}

/// A ticket resolved against a data set.
#[derive(Debug, Clone)]
pub struct Ticket<'a> {
    pub plan: &'a Plan,
    pub desk: &'a Calendar,
    pub opened: DateTime<Utc>,
    pub pauses: Pauses,
    /// The priority at the opening.
    pub initial: PriorityPeriod<'a>,
    /// Each change of priority, in time order (most tickets have none).
    pub changes: Vec<PriorityPeriod<'a>>,
    /// `escalate`: the moment asked about, when the line gives one.
    pub at: Option<DateTime<Utc>>,
    /// `audit`: the first response, if any.
    pub responded: Option<DateTime<Utc>>,
}

impl<'a> Ticket<'a> {
    /// The latest priority: its targets apply, measured from the opening
    /// (SPEC §4).
    pub fn priority(&self) -> &'a Priority {
        self.latest().priority
    }

    /// The latest priority period.
    pub fn latest(&self) -> &PriorityPeriod<'a> {
        self.changes.last().unwrap_or(&self.initial)
    }

    /// The priority period in force at `t` (before the opening: the first).
    pub fn period_at(&self, t: DateTime<Utc>) -> &PriorityPeriod<'a> {
        self.changes
            .iter()
            .rev()
            .find(|p| p.from <= t)
            .unwrap_or(&self.initial)
    }

    /// The opening priority, then each change.
    pub fn history(&self) -> Vec<PriorityPeriod<'a>> {
        std::iter::once(&self.initial)
            .chain(&self.changes)
            .cloned()
            .collect()
    }
}

impl TicketFields<'_> {
    /// Resolve the names against `data` and read the times in the desk's
    /// zone (`now` for the word "now").
    pub fn resolve<'d>(&self, data: &'d DataSet, now: DateTime<Utc>) -> Result<Ticket<'d>> {
        let plan = data.plan(&self.plan)?;
        let desk = data.desk(&self.desk)?;
        let zone = desk.zone;
        let initial = match (&self.priority, &self.event) {
            (Some(priority), _) => plan.priority(priority)?,
            (None, Some(id)) => {
                // A proactive event's priority applies only to an eligible
                // installation (SPEC §7).
                let event = data.event(id)?;
                let rules = data.proactive.as_ref().ok_or_else(|| {
                    Error::Input("the plans file has no [proactive] eligibility rules".into())
                })?;
                let release = self.release.as_deref().map(Release::parse).transpose()?;
                rules.check(&plan.name, release)?;
                plan.priority(&event.priority)?
            }
            (None, None) => return Err(Error::Input("give a priority or an event".into())),
        };
        let opened = input::instant(&self.opened, zone, now)?;
        let mut changes = self
            .priority_changes
            .iter()
            .map(|text| {
                let (at, priority) = text.split_once('=').ok_or_else(|| {
                    Error::Input(format!(
                        "priority change '{text}' is not TIME=PRIORITY, like 2026-11-23T10:00=P1"
                    ))
                })?;
                let from = input::instant(at, zone, now)?;
                if from < opened {
                    return Err(Error::Input(format!(
                        "priority change '{text}' is before the ticket was opened"
                    )));
                }
                Ok(PriorityPeriod {
                    from,
                    priority: plan.priority(priority.trim())?,
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
        let responded = instant(&self.responded)?;
        if responded.is_some_and(|r| r < opened) {
            return Err(Error::Input(format!(
                "responded '{}' is before the ticket was opened",
                self.responded.as_deref().unwrap_or_default()
            )));
        }
        Ok(Ticket {
            plan,
            desk,
            opened,
            pauses: input::pauses(&self.pauses, zone, now)?,
            initial: PriorityPeriod {
                from: opened,
                priority: initial,
            },
            changes,
            at: instant(&self.at)?,
            responded,
        })
    }
}
