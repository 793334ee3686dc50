//! A renewal (or a registration's included term) as JSON and as a table.

use chrono::NaiveDate;
use serde::Serialize;

use slacalc::renewal::{Renewal, RenewalRequest};

/// What `renew` was asked, besides the request: the names to show.
pub struct Asked<'a> {
    pub plan: Option<&'a str>,
    pub product: Option<&'a str>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct RenewalJson {
    plan: Option<String>,
    expires: String,
    ordered: String,
    years: u32,
    late_days: i64,
    continuous: bool,
    gap_days: i64,
    start: String,
    end: String,
    last_covered_day: Option<String>,
    term_end: String,
    upgrade_fee_years: u32,
    cut_by_eos: bool,
    eos: Option<String>,
    co_terminated: bool,
    product: Option<String>,
}

impl RenewalJson {
    pub fn new(asked: &Asked, request: &RenewalRequest, r: &Renewal) -> RenewalJson {
        RenewalJson {
            plan: asked.plan.map(str::to_string),
            expires: request.expires.to_string(),
            ordered: request.ordered.to_string(),
            years: request.years,
            late_days: r.late_days,
            continuous: r.continuous,
            gap_days: r.gap_days,
            start: r.start.to_string(),
            end: r.end.to_string(),
            last_covered_day: r.last_covered_day().map(|d| d.to_string()),
            term_end: r.term_end.to_string(),
            upgrade_fee_years: r.upgrade_fee_years,
            cut_by_eos: r.cut_by_eos,
            eos: request.eos.map(|d| d.to_string()),
            co_terminated: r.co_terminated,
            product: asked.product.map(str::to_string),
        }
    }
}

/// Either shape of `renew --format json`: a renewal, or a registration's
/// included period (`--registered`).
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum RenewJson {
    Renewal(RenewalJson),
    Registration(RegistrationJson),
}

/// The JSON Schema of `renew`'s output, both shapes.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(RenewJson)
}

/// The included first period of a newly registered product.
#[derive(Serialize, schemars::JsonSchema)]
pub struct RegistrationJson {
    plan: String,
    registered: String,
    start: String,
    end: String,
    last_covered_day: Option<String>,
}

impl RegistrationJson {
    pub fn new(plan: &str, registered: NaiveDate, (start, end): (NaiveDate, NaiveDate)) -> Self {
        RegistrationJson {
            plan: plan.to_string(),
            registered: registered.to_string(),
            start: start.to_string(),
            end: end.to_string(),
            last_covered_day: end.pred_opt().map(|d| d.to_string()),
        }
    }
}

pub fn registration_table(r: &RegistrationJson, screen: super::Screen) -> String {
    screen.fit(&format!(
        "registered {}: {} included from {} until {} (last covered day); coverage ends {}\n",
        r.registered,
        r.plan,
        r.start,
        r.last_covered_day.as_deref().unwrap_or("-"),
        r.end,
    ))
}

/// The old term, any gap, and the new term, with what cut it.
pub fn table(
    asked: &Asked,
    request: &RenewalRequest,
    r: &Renewal,
    grace_days: u32,
    screen: super::Screen,
) -> String {
    let verdict = if r.continuous {
        if r.late_days <= 0 {
            format!(
                "on time ({} days before expiry): the new term continues the old one",
                -r.late_days
            )
        } else {
            format!(
                "{} days after expiry, within the {grace_days}-day grace period: backdated, no gap",
                r.late_days
            )
        }
    } else {
        format!(
            "{} days after expiry, past the {grace_days}-day grace period: a new term from the order date; upgrade fee for {} year(s) of lapse",
            r.late_days, r.upgrade_fee_years
        )
    };
    let day_before = |d: NaiveDate| d.pred_opt().map(|d| d.to_string()).unwrap_or_default();
    let mut table = screen.table(&[
        "",
        "from",
        "until (last covered day)",
        "coverage ends",
        "note",
    ]);
    table.add_row(vec![
        "old term".into(),
        "-".into(),
        day_before(request.expires),
        request.expires.to_string(),
        String::new(),
    ]);
    if r.gap_days > 0 {
        table.add_row(vec![
            "gap".into(),
            request.expires.to_string(),
            day_before(r.start),
            r.start.to_string(),
            format!("{} days without coverage", r.gap_days),
        ]);
    }
    let mut note = Vec::new();
    if r.cut_by_eos {
        note.push(format!(
            "cut by end of support {}",
            request.eos.map(|d| d.to_string()).as_deref().unwrap_or("-")
        ));
    }
    if r.co_terminated {
        note.push("co-terminates with the base product".to_string());
    }
    if r.term_end != r.end {
        note.push(format!("full term would end {}", r.term_end));
    }
    table.add_row(vec![
        "new term".into(),
        r.start.to_string(),
        r.last_covered_day()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        r.end.to_string(),
        note.join("; "),
    ]);
    let head = format!(
        "{}renewal ordered {} for {} year(s), current term expires {}\n{verdict}\n",
        asked.plan.map(|p| format!("{p} ")).unwrap_or_default(),
        request.ordered,
        request.years,
        request.expires
    );
    format!("{}{table}\n", screen.fit(&head))
}
