//! `slacalc renew`: the new term of a renewal, or the included first year
//! of a newly registered product.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use serde::Serialize;
use slacalc::time::UTC;

use slacalc::catalog::Status;
use slacalc::contract::{included_term, renew, RenewalRequest};
use slacalc::input;

use super::render;
use super::{Context, Format};

/// When does a renewal start and end, is it late, and what fee years are due
#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("what").required(true).args(["expires", "registered"])),
    after_help = "EXAMPLES:
  slacalc renew --expires 2026-01-31 --ordered 2026-05-31 --years 3 --plan gold
  slacalc renew --expires 2026-01-31 --ordered 2026-06-01 --eos 2027-06-30
  slacalc renew --registered 2026-04-15 --format json"
)]
pub struct RenewArgs {
    /// The current term's end (its first day without coverage)
    #[arg(long, value_name = "DATE", conflicts_with = "registered")]
    expires: Option<String>,
    /// The renewal order's date
    #[arg(long, value_name = "DATE", default_value = "today")]
    ordered: String,
    /// Length of the new term in years
    #[arg(long, default_value_t = 1)]
    years: u32,
    /// The plan renewed (basic, gold, platinum)
    #[arg(long)]
    plan: Option<String>,
    /// The product's end of support: the term ends there if that is sooner
    #[arg(long, value_name = "DATE")]
    eos: Option<String>,
    /// For an add-on (client, redundancy licence, module, customisation): the
    /// base product's term end, with which it co-terminates
    #[arg(long, value_name = "DATE")]
    base_expires: Option<String>,
    /// A newly registered product: its included first period
    #[arg(long, value_name = "DATE")]
    registered: Option<String>,
    /// Product catalogue (TOML) with end-of-support and end-of-life dates
    #[arg(long, value_name = "FILE", requires = "product")]
    catalog: Option<PathBuf>,
    /// The product, looked up in --catalog
    #[arg(long, requires = "catalog")]
    product: Option<String>,
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

#[derive(Serialize)]
struct RegistrationJson {
    plan: String,
    registered: String,
    start: String,
    end: String,
    last_covered_day: Option<String>,
}

fn date_arg(flag: &str, text: &str, context: &Context) -> slacalc::Result<NaiveDate> {
    input::date(text, UTC, context.now).map_err(|e| slacalc::Error::Input(format!("--{flag}: {e}")))
}

impl RenewArgs {
    pub fn execute(&self, context: &Context) -> anyhow::Result<String> {
        let rules = context.data.renewal()?;
        let plan = self
            .plan
            .as_deref()
            .map(|p| context.data.plan(p))
            .transpose()?;
        if let Some(registered) = &self.registered {
            let registered = date_arg("registered", registered, context)?;
            let (start, end) = included_term(rules, registered)?;
            let result = RegistrationJson {
                plan: rules.included_plan.clone(),
                registered: registered.to_string(),
                start: start.to_string(),
                end: end.to_string(),
                last_covered_day: end.pred_opt().map(|d| d.to_string()),
            };
            return match context.format {
                Format::Json => render::json(&result),
                Format::Ics | Format::Csv => Err(super::unsupported(context.format, "renew")),
                Format::Table => Ok(format!(
                    "registered {registered}: {} included from {start} until {} (last covered day); coverage ends {end}\n",
                    result.plan,
                    result.last_covered_day.as_deref().unwrap_or("-"),
                )),
            };
        }
        let expires = date_arg(
            "expires",
            self.expires.as_deref().unwrap_or_default(),
            context,
        )?;
        let ordered = date_arg("ordered", &self.ordered, context)?;
        let mut eos = self
            .eos
            .as_deref()
            .map(|t| date_arg("eos", t, context))
            .transpose()?;
        let base_end = self
            .base_expires
            .as_deref()
            .map(|t| date_arg("base-expires", t, context))
            .transpose()?;
        let mut product_name = None;
        if let (Some(path), Some(name)) = (&self.catalog, &self.product) {
            let catalog = slacalc::load::catalog::load(path)?;
            let product = catalog.product(name)?;
            if product.status(ordered) == Status::EndOfLife {
                return Err(slacalc::Error::Input(format!(
                    "'{}' reached end of life on {}: no support can be sold for it{}",
                    product.name,
                    product.eol,
                    product
                        .replacement
                        .as_ref()
                        .map(|r| format!(" (replacement: {r})"))
                        .unwrap_or_default()
                ))
                .into());
            }
            eos = Some(eos.map_or(product.eos, |given| given.min(product.eos)));
            product_name = Some(product.name.clone());
        }
        let request = RenewalRequest {
            expires,
            ordered,
            years: self.years,
            eos,
            base_end,
        };
        let r = renew(rules, &request)?;
        let result = RenewalJson {
            plan: plan.map(|p| p.name.clone()),
            expires: expires.to_string(),
            ordered: ordered.to_string(),
            years: self.years,
            late_days: r.late_days,
            continuous: r.continuous,
            gap_days: (r.start - expires).num_days(),
            start: r.start.to_string(),
            end: r.end.to_string(),
            last_covered_day: r.last_covered_day().map(|d| d.to_string()),
            term_end: r.term_end.to_string(),
            upgrade_fee_years: r.upgrade_fee_years,
            cut_by_eos: r.cut_by_eos,
            eos: eos.map(|d| d.to_string()),
            co_terminated: r.co_terminated,
            product: product_name,
        };
        match context.format {
            Format::Json => render::json(&result),
            Format::Ics | Format::Csv => Err(super::unsupported(context.format, "renew")),
            Format::Table => Ok(table(&result, rules.grace_days)),
        }
    }
}

fn table(r: &RenewalJson, grace_days: u32) -> String {
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
    let mut table = render::table(&[
        "",
        "from",
        "until (last covered day)",
        "coverage ends",
        "note",
    ]);
    table.add_row(vec![
        "old term".into(),
        "-".into(),
        day_before(&r.expires),
        r.expires.clone(),
        String::new(),
    ]);
    if r.gap_days > 0 {
        table.add_row(vec![
            "gap".into(),
            r.expires.clone(),
            day_before(&r.start),
            r.start.clone(),
            format!("{} days without coverage", r.gap_days),
        ]);
    }
    let mut note = Vec::new();
    if r.cut_by_eos {
        note.push(format!(
            "cut by end of support {}",
            r.eos.as_deref().unwrap_or("-")
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
        r.start.clone(),
        r.last_covered_day.clone().unwrap_or_default(),
        r.end.clone(),
        note.join("; "),
    ]);
    format!(
        "{}renewal ordered {} for {} year(s), current term expires {}\n{verdict}\n{table}\n",
        r.plan.as_ref().map(|p| format!("{p} ")).unwrap_or_default(),
        r.ordered,
        r.years,
        r.expires
    )
}

fn day_before(date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.pred_opt())
        .map(|d| d.to_string())
        .unwrap_or_default()
}
