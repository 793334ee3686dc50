//! Support plans as data: priorities, and per plan and priority the
//! notification and response targets with the clock each runs on (SPEC §3–4).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::clock::ClockKind;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageSpec {
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// One row of the comparison table: each plan's value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub feature: String,
    pub values: BTreeMap<String, Availability>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Availability {
    Yes,
    No,
    Optional,
}

impl Availability {
    pub fn name(self) -> &'static str {
        match self {
            Availability::Yes => "yes",
            Availability::No => "no",
            Availability::Optional => "optional",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// Short name used on the command line and in output, e.g. `P1`.
    pub id: String,
    /// What the guide calls it, e.g. `critical`.
    #[serde(default)]
    pub label: String,
}

/// A target: an amount of time on a clock, or best effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub amount: Amount,
    pub clock: ClockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Minutes(u32),
    Hours(u32),
    /// Close of standard hours on the N-th business day (SPEC §3).
    BusinessDays(u32),
    BestEffort,
}

/// A plan ready for use.
#[derive(Debug)]
pub struct Plan {
    pub name: String,
    pub label: String,
    pub business_clock: ClockKind,
    pub priorities: Vec<Priority>,
    /// Per priority, in the order of `priorities`: the notification target
    /// (if any) and the response target (every priority has one).
    pub(crate) notification: Vec<Option<Target>>,
    pub(crate) response: Vec<Target>,
    pub(crate) escalation: Option<EscalationMatrix>,
}

/// A plan's escalation matrix: step times and, per priority, who each
/// step reaches.
#[derive(Debug, Clone)]
pub struct EscalationMatrix {
    pub steps: Vec<Target>,
    pub initial_holder: String,
    /// Per priority id: the cell of each step (`None` = no change).
    pub matrix: BTreeMap<String, Vec<Option<String>>>,
}

impl EscalationMatrix {
    /// Who each step reaches for `priority` (empty: none changes).
    pub fn ladder(&self, priority: &Priority) -> &[Option<String>] {
        self.matrix.get(&priority.id).map_or(&[], Vec::as_slice)
    }
}

impl Plan {
    /// The priority named `text` (case-insensitive), or the list of valid ones.
    #[inline]
    pub fn priority(&self, text: &str) -> Result<&Priority> {
        self.priorities
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(text))
            .ok_or_else(|| Error::unknown("priority", text, self.priorities.iter().map(|p| &p.id)))
    }

    /// Where `priority` sits in `priorities`: it is normally one of them,
    /// so its address finds it.
    fn index(&self, priority: &Priority) -> Option<usize> {
        self.priorities
            .iter()
            .position(|p| std::ptr::eq(p, priority))
            .or_else(|| self.priorities.iter().position(|p| p.id == priority.id))
    }

    pub fn response(&self, priority: &Priority) -> Target {
        self.index(priority)
            .and_then(|i| self.response.get(i).copied())
            .unwrap_or(Target {
                amount: Amount::BestEffort,
                clock: self.business_clock,
            })
    }

    pub fn notification(&self, priority: &Priority) -> Option<Target> {
        self.index(priority)
            .and_then(|i| self.notification.get(i).copied().flatten())
    }

    /// The plan's escalation matrix, if its file defines one.
    pub fn escalation(&self) -> Option<&EscalationMatrix> {
        self.escalation.as_ref()
    }

    /// Whether some target of the plan runs around the clock (on-call).
    pub fn has_on_call(&self) -> bool {
        self.response
            .iter()
            .chain(self.notification.iter().flatten())
            .any(|t| t.clock == ClockKind::AllDay)
    }
}
