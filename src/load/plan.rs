//! The TOML shape of a plans file (`plans/<name>.toml`): priorities, plans
//! with their targets, the escalation matrix, renewal rules, the comparison
//! table and proactive-support events; and the checks that make a [`Plan`].

use std::collections::BTreeMap;
use std::ops::{Deref, Range};

use serde::Deserialize;
use toml::Spanned;

use super::{data_error, line_of, parse_toml};
use crate::clock::ClockKind;
use crate::error::{Error, Result};
use crate::plan::{Amount, CoverageSpec, EscalationMatrix, Feature, Plan, Priority, Target};

/// A plans file: `plans/<name>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanFile {
    /// What the file is, for people reading it.
    #[serde(default, rename = "description")]
    pub _description: String,
    #[serde(rename = "priority")]
    pub priorities: Priorities,
    #[serde(rename = "plan")]
    pub plans: BTreeMap<String, Spanned<PlanSpec>>,
    /// Who the ticket reaches at each escalation step, per priority.
    pub escalation: Option<Spanned<MatrixSpec>>,
    /// Renewal rules of the plans in this file.
    pub renewal: Option<crate::renewal::RenewalRules>,
    /// Languages and notes of the plan comparison.
    pub coverage: Option<CoverageSpec>,
    /// The plan comparison table.
    #[serde(default, rename = "feature")]
    pub features: Vec<Spanned<Feature>>,
    pub proactive: Option<crate::proactive::Eligibility>,
    #[serde(default, rename = "event")]
    pub events: Vec<Spanned<crate::proactive::Event>>,
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
    /// Step times, measured from the opening, in time order.
    pub steps: Vec<Spanned<TargetText>>,
}

/// The `[[priority]]` tables of a file in their order, with where each id
/// is written.
#[derive(Debug, Deserialize)]
#[serde(from = "Vec<RawPriority>")]
pub(super) struct Priorities {
    list: Vec<Priority>,
    id_spans: Vec<Range<usize>>,
}

/// A `[[priority]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriority {
    id: Spanned<String>,
    #[serde(default)]
    label: String,
}

impl From<Vec<RawPriority>> for Priorities {
    fn from(raw: Vec<RawPriority>) -> Priorities {
        let id_spans = raw.iter().map(|p| p.id.span()).collect();
        let list = raw
            .into_iter()
            .map(|p| Priority {
                id: p.id.into_inner(),
                label: p.label,
            })
            .collect();
        Priorities { list, id_spans }
    }
}

impl Deref for Priorities {
    type Target = [Priority];
    fn deref(&self) -> &[Priority] {
        &self.list
    }
}

/// Read a plans file and check what the types alone cannot: no priority
/// hides another (ids compare ignoring case, as on the command line), and
/// each plan's escalation steps come in time order (the holder at an
/// instant is that of the last step due by then).
/// The plans file parsed, or every problem of its priorities and
/// escalation steps.
pub(super) fn parse(file: &str, text: &str) -> std::result::Result<PlanFile, Vec<Error>> {
    let parsed: PlanFile = parse_toml(file, text).map_err(|e| vec![e])?;
    let mut problems = Vec::new();
    let error = |span: &Range<usize>, key: String, message: String| {
        data_error(file, Some(line_of(text, span.start)), &key, message)
    };
    let priorities = &parsed.priorities;
    for (i, (priority, span)) in priorities.list.iter().zip(&priorities.id_spans).enumerate() {
        if let Some(earlier) = priorities.list[..i]
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(&priority.id))
        {
            problems.push(error(
                span,
                format!("priority[{i}].id"),
                format!(
                    "priority '{}' is also given as '{}'; priority ids ignore case, so give each once",
                    priority.id, earlier.id
                ),
            ));
        }
    }
    for (name, spec) in &parsed.plans {
        let Some(escalation) = &spec.get_ref().escalation else {
            continue;
        };
        for (i, pair) in escalation.steps.windows(2).enumerate() {
            let (before, after) = (pair[0].get_ref().0, pair[1].get_ref().0);
            if let Some(problem) = out_of_order(i + 1, before, after) {
                problems.push(error(
                    &pair[1].span(),
                    format!("plan.{name}.escalation.steps[{}]", i + 1),
                    problem,
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(parsed)
    } else {
        Err(problems)
    }
}

/// A target as a plans file writes it (`5 hours`), and its clock.
fn written(t: Target) -> (String, ClockKind) {
    let s = |n: u32| if n == 1 { "" } else { "s" };
    let text = match t.amount {
        Amount::Minutes(n) => format!("{n} minute{}", s(n)),
        Amount::Hours(n) => format!("{n} hour{}", s(n)),
        Amount::BusinessDays(n) => format!("{n} business day{}", s(n)),
        Amount::BestEffort => "best effort".into(),
    };
    (text, t.clock)
}

/// What is wrong with step `after` (number `n + 1`, counted from 1)
/// following step `before`, if anything. Steps compare only on one clock
/// and in one kind of unit: minutes and hours with each other, business
/// days with business days.
fn out_of_order(n: usize, before: Target, after: Target) -> Option<String> {
    let measure = |t: Target| match t.amount {
        Amount::Minutes(m) => Some((false, u64::from(m) * 60)),
        Amount::Hours(h) => Some((false, u64::from(h) * 3600)),
        Amount::BusinessDays(d) => Some((true, u64::from(d))),
        // Refused on its own, with its own message.
        Amount::BestEffort => None,
    };
    let (Some((days_a, a)), Some((days_b, b))) = (measure(before), measure(after)) else {
        return None;
    };
    let (step, previous) = (n + 1, n);
    let (after, before) = (written(after), written(before));
    if days_a != days_b || before.1 != after.1 {
        Some(format!(
            "step {step} ({}, {} clock) and step {previous} ({}, {} clock) differ in clock or unit, so which comes first depends on the ticket; give the steps one clock and unit",
            after.0, after.1, before.0, before.1
        ))
    } else if b < a {
        Some(format!(
            "step {step} ({}) comes before step {previous} ({}); list the steps in time order",
            after.0, before.0
        ))
    } else {
        None
    }
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
    pub notification: BTreeMap<String, TargetText>,
    /// Maximum response times, by priority id: every priority needs one.
    pub response: BTreeMap<String, TargetText>,
    #[serde(default)]
    pub escalation: Option<EscalationSpec>,
}

/// A target as written: an amount and unit on a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawTarget")]
pub struct TargetText(pub Target);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    amount: Option<u32>,
    unit: String,
    clock: Option<ClockKind>,
}

impl TryFrom<RawTarget> for TargetText {
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
        Ok(TargetText(Target { amount, clock }))
    }
}

/// Check a plan against its file's priorities; `file` and `line` name it
/// in errors.
pub fn plan(
    name: &str,
    spec: PlanSpec,
    priorities: &[Priority],
    matrix: Option<&MatrixSpec>,
    file: &str,
    line: Option<usize>,
) -> Result<Plan> {
    let data_error = |key: String, message: String| data_error(file, line, &key, message);
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
                "escalation steps need an [escalation] table with initial_holder and matrix".into(),
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
                .position(|t| t.get_ref().0.amount == Amount::BestEffort)
            {
                return Err(data_error(
                    format!("plan.{name}.escalation.steps[{best_effort}]"),
                    "an escalation step needs a time, not best effort".into(),
                ));
            }
            Some(EscalationMatrix {
                steps: steps.steps.into_iter().map(|t| t.into_inner().0).collect(),
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
        notification: priorities
            .iter()
            .map(|p| spec.notification.get(&p.id).map(|t| t.0))
            .collect(),
        response: priorities
            .iter()
            .filter_map(|p| spec.response.get(&p.id).map(|t| t.0))
            .collect(),
    })
}
