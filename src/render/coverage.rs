//! `coverage`'s answers: the plan matrix, a desk's status at an instant,
//! its hours over a week, and the proactive events; as JSON and as tables.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use slacalc::calendar::Calendar;
use slacalc::clock::Interval;
use slacalc::coverage::{DayHours, DeskStatus};
use slacalc::load::DataSet;
use slacalc::plan::Plan;
use slacalc::time::{local_time, Tz};

use super::rfc3339;

#[derive(Serialize, schemars::JsonSchema)]
struct PlanFeaturesJson {
    plan: String,
    label: String,
    features: Vec<FeatureJson>,
    languages: Vec<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct FeatureJson {
    feature: String,
    value: &'static str,
}

#[derive(Serialize, schemars::JsonSchema)]
struct StatusJson {
    plan: String,
    desk: String,
    timezone: String,
    at: String,
    open: bool,
    clock: String,
    on_call: bool,
    window: Option<OpenWindowJson>,
    next_open: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct OpenWindowJson {
    from: String,
    to: String,
}

#[derive(Serialize, schemars::JsonSchema)]
struct WeekJson {
    desk: String,
    timezone: String,
    days: Vec<DayJson>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct DayJson {
    date: String,
    weekday: String,
    holiday: Option<String>,
    special: bool,
    plans: Vec<PlanHoursJson>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct PlanHoursJson {
    plan: String,
    clock: String,
    windows: Vec<OpenWindowJson>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct EventJson {
    id: String,
    description: String,
    priority: String,
}

/// Every shape of `coverage --format json`: the plan matrix, a desk's
/// status at an instant, its week, or the proactive events.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum CoverageJson {
    Matrix(Vec<PlanFeaturesJson>),
    Status(StatusJson),
    Week(WeekJson),
    Events(Vec<EventJson>),
}

/// The JSON Schema of `coverage`'s output, every shape of it.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(CoverageJson)
}

/// Whether a desk serves a plan at `at`, and until or from when.
pub fn status(
    plan: &Plan,
    desk: &Calendar,
    at: DateTime<Utc>,
    s: &DeskStatus,
    json: bool,
    screen: super::Screen,
) -> anyhow::Result<String> {
    let zone = desk.zone;
    let result = StatusJson {
        plan: plan.name.clone(),
        desk: desk.name.clone(),
        timezone: zone.name().to_string(),
        at: rfc3339(at, zone),
        open: s.open,
        clock: s.clock.to_string(),
        on_call: s.on_call,
        window: s.window.map(|w| OpenWindowJson {
            from: rfc3339(w.start, zone),
            to: rfc3339(w.end, zone),
        }),
        next_open: s.next_open.map(|t| rfc3339(t, zone)),
    };
    if json {
        return super::json(&result);
    }
    let head = format!(
        "{} at the {} desk ({}), {}: ",
        plan.label,
        desk.name,
        zone.name(),
        super::local(at, zone)
    );
    let body = match (s.window, s.on_call, s.next_open) {
        (Some(w), _, _) => format!(
            "open on the {} clock, {} until {} ({} left)",
            s.clock,
            super::local(w.start, zone),
            super::local(w.end, zone),
            super::hours(w.end - at)
        ),
        (None, true, next) => format!(
            "outside business hours: the 24/7 on-call service answers P1 and P2 (English only); business hours again {}",
            next.map(|t| super::local(t, zone)).unwrap_or_default()
        ),
        (None, false, Some(next)) => {
            format!("closed; opens {} ({})", super::local(next, zone), super::from_now(next, at))
        }
        (None, false, None) => "closed".to_string(),
    };
    Ok(screen.fit(&(head + &body + "\n")))
}

/// The proactive-support events, and who is eligible.
pub fn events(data: &DataSet, json: bool, screen: super::Screen) -> anyhow::Result<String> {
    let rows: Vec<EventJson> = data
        .events
        .iter()
        .map(|e| EventJson {
            id: e.id.clone(),
            description: e.description.clone(),
            priority: e.priority.clone(),
        })
        .collect();
    if json {
        return super::json(&rows);
    }
    let mut table = screen.table(&["event", "description", "priority"]);
    for r in &rows {
        table.add_row(vec![
            r.id.clone(),
            r.description.clone(),
            r.priority.clone(),
        ]);
    }
    let eligibility = data
        .proactive
        .as_ref()
        .map(|p| {
            format!(
                "proactive support: {} plans, suite release {} or newer, cloud-connected\n",
                p.plans.join(" and "),
                p.first_release
            )
        })
        .unwrap_or_default();
    Ok(format!("{}{table}\n", screen.fit(&eligibility)))
}

/// The plan comparison table.
pub fn matrix(
    data: &DataSet,
    plans: &[&Plan],
    json: bool,
    screen: super::Screen,
) -> anyhow::Result<String> {
    let rows: Vec<PlanFeaturesJson> = plans
        .iter()
        .map(|plan| PlanFeaturesJson {
            plan: plan.name.clone(),
            label: plan.label.clone(),
            features: data
                .features
                .iter()
                .filter_map(|f| {
                    f.values.get(&plan.name).map(|v| FeatureJson {
                        feature: f.feature.clone(),
                        value: v.name(),
                    })
                })
                .collect(),
            languages: data.coverage.languages.clone(),
        })
        .collect();
    if json {
        return super::json(&rows);
    }
    let mut header = vec!["feature".to_string()];
    header.extend(plans.iter().map(|p| p.label.clone()));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = screen.table(&header);
    for feature in &data.features {
        let mut row = vec![feature.feature.clone()];
        for plan in plans {
            row.push(
                match feature.values.get(&plan.name).map(|v| v.name()) {
                    Some("yes") => "✓",
                    Some("optional") => "optional",
                    _ => "–",
                }
                .to_string(),
            );
        }
        table.add_row(row);
    }
    let mut out = table.to_string() + "\n";
    if !data.coverage.languages.is_empty() {
        out.push_str(&screen.fit(&format!(
            "languages: {}\n",
            data.coverage.languages.join(", ")
        )));
    }
    for note in &data.coverage.notes {
        out.push_str(&screen.fit(&format!("note: {note}\n")));
    }
    Ok(out)
}

/// A desk's hours for each plan, day by day.
pub fn week(
    plans: &[&Plan],
    desk: &Calendar,
    first: NaiveDate,
    week: &[DayHours],
    json: bool,
    screen: super::Screen,
) -> anyhow::Result<String> {
    let zone = desk.zone;
    let window_json = |w: &Interval| OpenWindowJson {
        from: rfc3339(w.start, zone),
        to: rfc3339(w.end, zone),
    };
    let result = WeekJson {
        desk: desk.name.clone(),
        timezone: zone.name().to_string(),
        days: week
            .iter()
            .map(|day| DayJson {
                date: day.date.to_string(),
                weekday: day.date.format("%a").to_string(),
                holiday: day.holiday.clone(),
                special: day.special,
                plans: plans
                    .iter()
                    .zip(&day.windows)
                    .map(|(plan, windows)| PlanHoursJson {
                        plan: plan.name.clone(),
                        clock: plan.business_clock.to_string(),
                        windows: windows.iter().map(window_json).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    if json {
        return super::json(&result);
    }
    let mut header = vec!["date".to_string(), "day".to_string()];
    header.extend(
        plans
            .iter()
            .map(|p| format!("{} ({})", p.label, p.business_clock)),
    );
    header.push("note".to_string());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = screen.table(&header);
    for day in week {
        let mut row = vec![day.date.to_string(), day.date.format("%a").to_string()];
        for (plan, windows) in plans.iter().zip(&day.windows) {
            let mut text = hours_text(windows, zone);
            if plan.has_on_call() {
                text.push_str(" + on-call 24/7 (P1, P2)");
            }
            row.push(text);
        }
        let mut note = day.holiday.clone().unwrap_or_default();
        if day.special {
            note.push_str(if note.is_empty() {
                "special hours"
            } else {
                "; special hours"
            });
        }
        row.push(note);
        table.add_row(row);
    }
    Ok(format!(
        "{} desk ({}), hours from {first}\n{table}\n",
        desk.name,
        zone.name()
    ))
}

fn hours_text(windows: &[Interval], zone: Tz) -> String {
    if windows.is_empty() {
        return "closed".into();
    }
    windows
        .iter()
        .map(|w| {
            format!(
                "{}-{}",
                local_time(w.start, zone).format("%H:%M"),
                local_time(w.end, zone).format("%H:%M")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
