//! The TOML shape of a product catalogue (`[[product]]` tables with
//! `name`, `eos`, `eol`, `replacement`, `notes`) and its checks.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::calendar::Day;
use super::{data_error, line_of, parse_toml, read_data_file};
use crate::catalog::{Catalog, Product};
use crate::error::Result;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(rename = "product")]
    products: Vec<Spanned<ProductSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductSpec {
    name: String,
    eos: Day,
    eol: Day,
    replacement: Option<String>,
    notes: Option<String>,
}

/// A catalogue from its text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Catalog> {
    let parsed: CatalogFile = parse_toml(file, text)?;
    let mut products = Vec::with_capacity(parsed.products.len());
    let mut names = HashSet::with_capacity(parsed.products.len());
    for (i, spanned) in parsed.products.into_iter().enumerate() {
        // The line is counted only for an error: counting it for every
        // product made a large catalogue quadratic.
        let start = spanned.span().start;
        let error = |key: &str, message: String| {
            data_error(
                file,
                Some(line_of(text, start)),
                &format!("product[{i}].{key}"),
                message,
            )
        };
        let p = spanned.into_inner();
        if p.eol.0 < p.eos.0 {
            return Err(error(
                "eol",
                format!(
                    "end of life {} is before end of support {}",
                    p.eol.0, p.eos.0
                ),
            ));
        }
        if !names.insert(p.name.to_lowercase()) {
            return Err(error("name", format!("'{}' is listed twice", p.name)));
        }
        products.push(Product {
            name: p.name,
            eos: p.eos.0,
            eol: p.eol.0,
            replacement: p.replacement,
            notes: p.notes,
        });
    }
    Ok(Catalog { products })
}

/// The catalogue in a file.
pub fn load(path: &Path) -> Result<Catalog> {
    let text = read_data_file(path)?;
    parse(&path.display().to_string(), &text)
}
