//! `slacalc renew`: the new term of a renewal, or the included first year
//! of a newly registered product.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{ArgGroup, Args};

use slacalc::input;
use slacalc::renewal::{included_term, renew, RenewalRequest};
use slacalc::time::UTC;

use super::{Context, Execute, Format};
use crate::render::{self, renew::Asked, renew::RegistrationJson, renew::RenewalJson};

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
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableOrJson>,
    /// The current term's end (its first day without coverage)
    #[arg(long, value_name = "DATE", conflicts_with = "registered")]
    expires: Option<String>,
    /// The renewal order's date
    #[arg(long, value_name = "DATE", default_value = "today")]
    ordered: String,
    /// Length of the new term in years
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    years: u32,
    /// The plan renewed (basic, gold, platinum)
    #[arg(long, value_parser = super::names::plans(), hide_possible_values = true)]
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

fn date_arg(flag: &str, text: &str, context: &Context) -> anyhow::Result<NaiveDate> {
    input::date(text, UTC, context.now).with_context(|| format!("--{flag}"))
}

impl Execute for RenewArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let data = context.data()?;
        let rules = data.renewal()?;
        let plan = self.plan.as_deref().map(|p| data.plan(p)).transpose()?;
        if let Some(registered) = &self.registered {
            let registered = date_arg("registered", registered, context)?;
            let term = included_term(rules, registered)?;
            let result = RegistrationJson::new(&rules.included_plan, registered, term);
            let text = if context.format() == Format::Json {
                render::json(&result)?
            } else {
                render::renew::registration_table(&result, context.screen)
            };
            return Ok(out.write_all(text.as_bytes())?);
        }
        let optional = |flag: &str, text: &Option<String>| {
            text.as_deref()
                .map(|t| date_arg(flag, t, context))
                .transpose()
        };
        let mut request = RenewalRequest {
            expires: date_arg(
                "expires",
                self.expires.as_deref().unwrap_or_default(),
                context,
            )?,
            ordered: date_arg("ordered", &self.ordered, context)?,
            years: self.years,
            eos: optional("eos", &self.eos)?,
            base_end: optional("base-expires", &self.base_expires)?,
        };
        let catalog = self
            .catalog
            .as_deref()
            .map(slacalc::load::catalog::load)
            .transpose()?;
        let product = match (&catalog, &self.product) {
            (Some(catalog), Some(name)) => Some(catalog.product(name)?),
            _ => None,
        };
        if let Some(product) = product {
            request = request.for_product(product)?;
        }
        let renewal = renew(rules, &request)?;
        let asked = Asked {
            plan: plan.map(|p| p.name.as_str()),
            product: product.map(|p| p.name.as_str()),
        };
        let text = if context.format() == Format::Json {
            render::json(&RenewalJson::new(&asked, &request, &renewal))?
        } else {
            render::renew::table(&asked, &request, &renewal, rules.grace_days, context.screen)
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}
