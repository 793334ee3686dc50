//! Products' support status as JSON and as a table.

use chrono::NaiveDate;
use serde::Serialize;

use slacalc::catalog::Product;

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

impl ProductJson {
    pub fn new(p: &Product, on: NaiveDate) -> ProductJson {
        ProductJson {
            product: p.name.clone(),
            status: p.status(on).name(),
            eos: p.eos.to_string(),
            eol: p.eol.to_string(),
            days_left: p.days_left(on),
            replacement: p.replacement.clone(),
            notes: p.notes.clone(),
        }
    }
}

pub fn table(rows: &[ProductJson], on: NaiveDate, screen: super::Screen) -> String {
    let mut table = screen.table(&[
        "product",
        "status",
        "end of support",
        "end of life",
        "days left",
        "replaced by",
    ]);
    for r in rows {
        table.add_row(vec![
            r.product.clone(),
            r.status.replace('_', " "),
            r.eos.clone(),
            r.eol.clone(),
            r.days_left.to_string(),
            r.replacement.clone().unwrap_or_default(),
        ]);
    }
    format!("support status on {on}\n{table}\n")
}
