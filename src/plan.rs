//! Support plans as data: priorities, and per plan and priority the
//! notification and response targets with the clock each runs on (SPEC §3–4).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::clock::ClockKind;
use crate::error::{Error, Result};

/// A plans file: `plans/<name>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    #[serde(default)]
    pub description: String,
    #[serde(rename = "priority")]
    pub priorities: Vec<Priority>,
    #[serde(rename = "plan")]
    pub plans: BTreeMap<String, PlanSpec>,
    /// Who the ticket reaches at each escalation step, per priority.
    pub escalation: Option<MatrixSpec>,
    /// Renewal rules of the plans in this file.
    pub renewal: Option<crate::contract::RenewalRules>,
    /// Languages and notes of the plan comparison.
    pub coverage: Option<CoverageSpec>,
    /// The plan comparison table.
    #[serde(default, rename = "feature")]
    pub features: Vec<Feature>,
    pub proactive: Option<crate::proactive::Eligibility>,
    #[serde(default, rename = "event")]
    pub events: Vec<crate::proactive::Event>,
}

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixSpec {
    /// Who holds a ticket before the first step.
    pub initial_holder: String,
    /// Per priority id, one cell per step; "" means no change.
    pub matrix: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationSpec {
    /// Step times, measured from the opening.
    pub steps: Vec<Target>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    #[serde(default)]
    pub label: String,
    /// The plan's business clock: what "business hours" mean for it.
    pub business_clock: ClockKind,
    /// Priority notification targets, by priority id (absent = none).
    #[serde(default)]
    pub notification: BTreeMap<String, Target>,
    /// Maximum response times, by priority id: every priority needs one.
    pub response: BTreeMap<String, Target>,
    #[serde(default)]
    pub escalation: Option<EscalationSpec>,
}

/// A target: an amount of time on a clock, or best effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawTarget")]
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    amount: Option<u32>,
    unit: String,
    clock: Option<ClockKind>,
}

impl TryFrom<RawTarget> for Target {
    type Error = String;
    fn try_from(raw: RawTarget) -> Result<Self, String> {
        let need_amount = || {
            raw.amount
                .ok_or_else(|| format!("unit '{}' needs an amount", raw.unit))
        };
        let amount = match raw.unit.as_str() {
            "minutes" => Amount::Minutes(need_amount()?),
            "hours" => Amount::Hours(need_amount()?),
            "business-days" => Amount::BusinessDays(need_amount()?),
            "best-effort" => Amount::BestEffort,
            other => {
                return Err(format!(
                    "unknown unit '{other}'; use minutes, hours, business-days or best-effort"
                ))
            }
        };
        let clock = match (amount, raw.clock) {
            // Business days are defined by the standard hours.
            (Amount::BusinessDays(_), None | Some(ClockKind::Standard)) => ClockKind::Standard,
            (Amount::BusinessDays(_), Some(other)) => {
                return Err(format!(
                    "business days count standard hours; clock '{other}' does not apply"
                ))
            }
            (Amount::BestEffort, clock) => clock.unwrap_or(ClockKind::Standard),
            (_, Some(clock)) => clock,
            (_, None) => {
                return Err(
                    "a target in minutes or hours needs clock = standard, extended or 24x7".into(),
                )
            }
        };
        Ok(Target { amount, clock })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: u32| if n == 1 { "" } else { "s" };
        let business = if self.clock == ClockKind::AllDay {
            ""
        } else {
            "business "
        };
        match self.amount {
            Amount::Minutes(n) => write!(f, "{n} {business}minute{}", plural(n)),
            Amount::Hours(n) => write!(f, "{n} {business}hour{}", plural(n)),
            Amount::BusinessDays(1) => f.write_str("next business day"),
            Amount::BusinessDays(n) => write!(f, "{n} business days"),
            Amount::BestEffort => f.write_str("best effort"),
        }
    }
}

/// A plan ready for use.
#[derive(Debug)]
pub struct Plan {
    pub name: String,
    pub label: String,
    pub business_clock: ClockKind,
    pub priorities: Vec<Priority>,
    notification: BTreeMap<String, Target>,
    response: BTreeMap<String, Target>,
    escalation: Option<Escalation>,
}

/// A plan's escalation: step times and, per priority, who each step reaches.
#[derive(Debug, Clone)]
pub struct Escalation {
    pub steps: Vec<Target>,
    pub initial_holder: String,
    /// Per priority id: the cell of each step (`None` = no change).
    pub matrix: BTreeMap<String, Vec<Option<String>>>,
}

impl Plan {
    /// Check a plan against its file's priorities; `file` names it in errors.
    pub fn new(
        name: &str,
        spec: PlanSpec,
        priorities: &[Priority],
        matrix: Option<&MatrixSpec>,
        file: &str,
    ) -> Result<Plan> {
        let data_error = |key: String, message: String| Error::Data {
            file: file.to_string(),
            line: None,
            key,
            message,
        };
        let ids: Vec<&str> = priorities.iter().map(|p| p.id.as_str()).collect();
        for (table, targets) in [
            ("notification", &spec.notification),
            ("response", &spec.response),
        ] {
            for key in targets.keys() {
                if !ids.contains(&key.as_str()) {
                    return Err(data_error(
                        format!("plan.{name}.{table}.{key}"),
                        format!("unknown priority '{key}'; priorities: {}", ids.join(", ")),
                    ));
                }
            }
        }
        for id in &ids {
            if !spec.response.contains_key(*id) {
                return Err(data_error(
                    format!("plan.{name}.response"),
                    format!("no response target for priority {id}"),
                ));
            }
        }
        let escalation = match (spec.escalation, matrix) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(data_error(
                    format!("plan.{name}.escalation"),
                    "escalation steps need an [escalation] table with initial_holder and matrix"
                        .into(),
                ))
            }
            (Some(steps), Some(matrix)) => {
                let mut cells = BTreeMap::new();
                for id in &ids {
                    let row = matrix.matrix.get(*id).ok_or_else(|| {
                        data_error(
                            "escalation.matrix".into(),
                            format!("no row for priority {id}"),
                        )
                    })?;
                    if row.len() != steps.steps.len() {
                        return Err(data_error(
                            format!("escalation.matrix.{id}"),
                            format!(
                                "{} cells, but plan {name} has {} escalation steps",
                                row.len(),
                                steps.steps.len()
                            ),
                        ));
                    }
                    let row = row
                        .iter()
                        .map(|c| (!c.trim().is_empty()).then(|| c.trim().to_string()))
                        .collect();
                    cells.insert((*id).to_string(), row);
                }
                if let Some(unknown) = matrix.matrix.keys().find(|k| !ids.contains(&k.as_str())) {
                    return Err(data_error(
                        format!("escalation.matrix.{unknown}"),
                        format!(
                            "unknown priority '{unknown}'; priorities: {}",
                            ids.join(", ")
                        ),
                    ));
                }
                if let Some(best_effort) = steps
                    .steps
                    .iter()
                    .position(|t| t.amount == Amount::BestEffort)
                {
                    return Err(data_error(
                        format!("plan.{name}.escalation.steps[{best_effort}]"),
                        "an escalation step needs a time, not best effort".into(),
                    ));
                }
                Some(Escalation {
                    steps: steps.steps,
                    initial_holder: matrix.initial_holder.clone(),
                    matrix: cells,
                })
            }
        };
        Ok(Plan {
            escalation,
            name: name.to_string(),
            label: spec.label,
            business_clock: spec.business_clock,
            priorities: priorities.to_vec(),
            notification: spec.notification,
            response: spec.response,
        })
    }

    /// The priority named `text` (case-insensitive), or the list of valid ones.
    pub fn priority(&self, text: &str) -> Result<&Priority> {
        self.priorities
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(text))
            .ok_or_else(|| Error::unknown("priority", text, self.priorities.iter().map(|p| &p.id)))
    }

    pub fn response(&self, priority: &Priority) -> Target {
        self.response.get(&priority.id).copied().unwrap_or(Target {
            amount: Amount::BestEffort,
            clock: self.business_clock,
        })
    }

    pub fn notification(&self, priority: &Priority) -> Option<Target> {
        self.notification.get(&priority.id).copied()
    }
}

impl Plan {
    /// The plan's escalation, if its file defines one.
    pub fn escalation(&self) -> Option<&Escalation> {
        self.escalation.as_ref()
    }
}

impl Plan {
    /// Whether some target of the plan runs around the clock (on-call).
    pub fn has_on_call(&self) -> bool {
        self.response
            .values()
            .chain(self.notification.values())
            .any(|t| t.clock == ClockKind::AllDay)
    }
}
