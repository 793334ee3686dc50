//! `slacalc eol`: support status of the products in a catalogue.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use slacalc::time::UTC;

use slacalc::catalog::Product;
use slacalc::input;

use super::render;
use super::{Context, Format};

/// End of support and end of life of products, soonest first
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc eol --catalog plans/catalog.example.toml
  slacalc eol --catalog plans/catalog.example.toml --product 'Example Suite' --on 2027-06-30 --format json")]
pub struct EolArgs {
    /// Product catalogue (TOML): [[product]] name, eos, eol, replacement, notes
    #[arg(long, value_name = "FILE")]
    catalog: PathBuf,
    /// Only this product
    #[arg(long)]
    product: Option<String>,
    /// The date to judge on (default: today)
    #[arg(long, value_name = "DATE", default_value = "today")]
    on: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct ProductJson {
    product: String,
    status: &'static str,
    eos: String,
    eol: String,
    days_left: i64,
    replacement: Option<String>,
    notes: Option<String>,
}

impl EolArgs {
    pub fn execute(&self, context: &Context) -> anyhow::Result<String> {
        let catalog = slacalc::load::catalog::load(&self.catalog)?;
        let on = input::date(&self.on, UTC, context.now)
            .map_err(|e| slacalc::Error::Input(format!("--on: {e}")))?;
        let mut products: Vec<&Product> = match &self.product {
            Some(name) => vec![catalog.product(name)?],
            None => catalog.products.iter().collect(),
        };
        products.sort_by_key(|p| (p.days_left(on), p.name.clone()));
        let rows: Vec<ProductJson> = products
            .iter()
            .map(|p| ProductJson {
                product: p.name.clone(),
                status: p.status(on).name(),
                eos: p.eos.to_string(),
                eol: p.eol.to_string(),
                days_left: p.days_left(on),
                replacement: p.replacement.clone(),
                notes: p.notes.clone(),
            })
            .collect();
        match context.format {
            Format::Json => render::json(&rows),
            Format::Ics | Format::Csv => Err(super::unsupported(context.format, "eol")),
            Format::Table => {
                let mut table = render::table(&[
                    "product",
                    "status",
                    "end of support",
                    "end of life",
                    "days left",
                    "replacement",
                ]);
                for r in &rows {
                    table.add_row(vec![
                        r.product.clone(),
                        r.status.replace('_', " "),
                        r.eos.clone(),
                        r.eol.clone(),
                        r.days_left.to_string(),
                        r.replacement.clone().unwrap_or_default(),
                    ]);
                }
                Ok(format!("support status on {on}\n{table}\n"))
            }
        }
    }
}
