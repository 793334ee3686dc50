//! `slacalc eol`: support status of the products in a catalogue.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use slacalc::catalog::Product;
use slacalc::input;
use slacalc::time::UTC;

use super::{Context, Execute, Format};
use crate::render::{self, eol::ProductJson};

/// End of support and end of life of products, soonest first
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc eol --catalog plans/catalog.example.toml
  slacalc eol --catalog plans/catalog.example.toml \\
      --product 'Example Suite 2024' --on 2027-06-30 --format json")]
pub struct EolArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableOrJson>,
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

impl Execute for EolArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let catalog = slacalc::load::catalog::load(&self.catalog)?;
        let on = input::date(&self.on, UTC, context.now).context("--on")?;
        let mut products: Vec<&Product> = match &self.product {
            Some(name) => vec![catalog.product(name)?],
            None => catalog.products.iter().collect(),
        };
        products.sort_by_key(|p| (p.days_left(on), p.name.clone()));
        let rows: Vec<ProductJson> = products.iter().map(|p| ProductJson::new(p, on)).collect();
        let text = if context.format() == Format::Json {
            render::json(&rows)?
        } else {
            render::eol::table(&rows, on, context.screen)
        };
        Ok(out.write_all(text.as_bytes())?)
    }
}
