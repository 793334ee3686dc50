//! `slacalc coverage`: the plan comparison, whether a desk serves a plan at
//! an instant, its hours over a week, and the proactive-support events.

use chrono::{DateTime, Utc};
use clap::Args;
use serde::Serialize;
use slacalc::time::Tz;

use slacalc::coverage::{days, status};
use slacalc::input;
use slacalc::plan::Plan;

use super::render::{self, rfc3339};
use super::{Context, Format};

/// What each plan includes, and whether a desk serves a plan now
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc coverage
  slacalc coverage --plan gold --desk uae --at 2026-11-27T10:00
  slacalc coverage --desk middle-east --week
  slacalc coverage --events")]
pub struct CoverageArgs {
    /// One plan only
    #[arg(long)]
    plan: Option<String>,
    /// A desk: is it serving the plan at --at?
    #[arg(long)]
    desk: Option<String>,
    /// The instant to ask about: RFC 3339, a local time at the desk, or now
    #[arg(long, default_value = "now", value_name = "TIME")]
    at: String,
    /// The desk's hours for each plan over the 7 days from --at
    #[arg(long, requires = "desk")]
    week: bool,
    /// List the proactive-support events and their priorities
    #[arg(long, conflicts_with_all = ["desk", "week"])]
    events: bool,
}

#[derive(Serialize)]
struct PlanFeaturesJson {
    plan: String,
    label: String,
    features: Vec<FeatureJson>,
    languages: Vec<String>,
}

#[derive(Serialize)]
struct FeatureJson {
    feature: String,
    value: &'static str,
}

#[derive(Serialize)]
struct StatusJson {
    plan: String,
    desk: String,
    timezone: String,
    at: String,
    open: bool,
    clock: String,
    on_call: bool,
    window: Option<WindowJson>,
    next_open: Option<String>,
}

#[derive(Serialize)]
struct WindowJson {
    from: String,
    to: String,
}

#[derive(Serialize)]
struct WeekJson {
    desk: String,
    timezone: String,
    days: Vec<DayJson>,
}

#[derive(Serialize)]
struct DayJson {
    date: String,
    weekday: String,
    holiday: Option<String>,
    special: bool,
    plans: Vec<PlanHoursJson>,
}

#[derive(Serialize)]
struct PlanHoursJson {
    plan: String,
    clock: String,
    windows: Vec<WindowJson>,
}

#[derive(Serialize)]
struct EventJson {
    id: String,
    description: String,
    priority: String,
}

impl CoverageArgs {
    pub fn execute(&self, context: &Context) -> anyhow::Result<String> {
        if matches!(context.format, Format::Ics | Format::Csv) {
            return Err(super::unsupported(context.format, "coverage"));
        }
        let plans: Vec<&Plan> = match &self.plan {
            Some(name) => vec![context.data.plan(name)?],
            None => context.data.plans_in_order().collect(),
        };
        if self.events {
            return self.events(context);
        }
        let Some(desk_name) = &self.desk else {
            return matrix(context, &plans);
        };
        let desk = context.data.desk(desk_name)?;
        let at = input::instant(&self.at, desk.zone, context.now)?;
        if self.week {
            return week(context, &plans, desk, at);
        }
        let [plan] = plans.as_slice() else {
            return Err(slacalc::Error::Input(
                "--desk needs --plan (or --week for every plan)".into(),
            )
            .into());
        };
        let s = status(plan, desk, at)?;
        let zone = desk.zone;
        let result = StatusJson {
            plan: plan.name.clone(),
            desk: desk.name.clone(),
            timezone: zone.name().to_string(),
            at: rfc3339(at, zone),
            open: s.open,
            clock: s.clock.to_string(),
            on_call: s.on_call,
            window: s.window.map(|w| WindowJson {
                from: rfc3339(w.start, zone),
                to: rfc3339(w.end, zone),
            }),
            next_open: s.next_open.map(|t| rfc3339(t, zone)),
        };
        if context.format == Format::Json {
            return render::json(&result);
        }
        let head = format!(
            "{} at the {} desk ({}), {}: ",
            plan.label,
            desk.name,
            zone.name(),
            render::local(at, zone)
        );
        let body = match (s.window, s.on_call, s.next_open) {
            (Some(w), _, _) => format!(
                "open on the {} clock, {} until {} ({} left)",
                s.clock,
                render::local(w.start, zone),
                render::local(w.end, zone),
                render::hours(w.end - at)
            ),
            (None, true, next) => format!(
                "outside business hours: the 24/7 on-call service answers P1 and P2 (English only); business hours again {}",
                next.map(|t| render::local(t, zone)).unwrap_or_default()
            ),
            (None, false, Some(next)) => {
                format!("closed; opens {} ({})", render::local(next, zone), render::from_now(next, at))
            }
            (None, false, None) => "closed".to_string(),
        };
        Ok(head + &body + "\n")
    }

    fn events(&self, context: &Context) -> anyhow::Result<String> {
        let rows: Vec<EventJson> = context
            .data
            .events
            .iter()
            .map(|e| EventJson {
                id: e.id.clone(),
                description: e.description.clone(),
                priority: e.priority.clone(),
            })
            .collect();
        if context.format == Format::Json {
            return render::json(&rows);
        }
        let mut table = render::table(&["event", "description", "priority"]);
        for r in &rows {
            table.add_row(vec![
                r.id.clone(),
                r.description.clone(),
                r.priority.clone(),
            ]);
        }
        let eligibility = context
            .data
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
        Ok(format!("{eligibility}{table}\n"))
    }
}

fn matrix(context: &Context, plans: &[&Plan]) -> anyhow::Result<String> {
    let data = &context.data;
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
    if context.format == Format::Json {
        return render::json(&rows);
    }
    let mut header = vec!["feature".to_string()];
    header.extend(plans.iter().map(|p| p.label.clone()));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = render::table(&header);
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
        out.push_str(&format!(
            "languages: {}\n",
            data.coverage.languages.join(", ")
        ));
    }
    for note in &data.coverage.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    Ok(out)
}

fn week(
    context: &Context,
    plans: &[&Plan],
    desk: &slacalc::calendar::Calendar,
    at: DateTime<Utc>,
) -> anyhow::Result<String> {
    let zone = desk.zone;
    let first = at.with_timezone(&zone).date_naive();
    let week = days(plans, desk, first, 7)?;
    let window_json = |w: &slacalc::clock::Interval| WindowJson {
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
    if context.format == Format::Json {
        return render::json(&result);
    }
    let mut header = vec!["date".to_string(), "day".to_string()];
    header.extend(
        plans
            .iter()
            .map(|p| format!("{} ({})", p.label, p.business_clock)),
    );
    header.push("note".to_string());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = render::table(&header);
    for day in &week {
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

fn hours_text(windows: &[slacalc::clock::Interval], zone: Tz) -> String {
    if windows.is_empty() {
        return "closed".into();
    }
    windows
        .iter()
        .map(|w| {
            format!(
                "{}-{}",
                w.start.with_timezone(&zone).format("%H:%M"),
                w.end.with_timezone(&zone).format("%H:%M")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
