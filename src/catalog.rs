//! The product catalogue the user keeps: end of support and end of life per
//! product. slacalc ships only an example; the vendor publishes real dates.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::calendar::schema::Day;
use crate::dataset::parse_toml;
use crate::error::{Error, Result};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(rename = "product")]
    products: Vec<ProductSpec>,
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

#[derive(Debug, Clone)]
pub struct Product {
    pub name: String,
    /// End of support: the first day without support.
    pub eos: NaiveDate,
    /// End of life: from this day no support at all.
    pub eol: NaiveDate,
    pub replacement: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Supported,
    EndOfSupport,
    EndOfLife,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Supported => "supported",
            Status::EndOfSupport => "end_of_support",
            Status::EndOfLife => "end_of_life",
        }
    }
}

impl Product {
    pub fn status(&self, on: NaiveDate) -> Status {
        if on >= self.eol {
            Status::EndOfLife
        } else if on >= self.eos {
            Status::EndOfSupport
        } else {
            Status::Supported
        }
    }

    /// Days from `on` to the next boundary (`EoS`, then EOL); zero or negative
    /// (days since EOL) once at end of life.
    pub fn days_left(&self, on: NaiveDate) -> i64 {
        let boundary = match self.status(on) {
            Status::Supported => self.eos,
            Status::EndOfSupport | Status::EndOfLife => self.eol,
        };
        (boundary - on).num_days()
    }
}

#[derive(Debug)]
pub struct Catalog {
    pub products: Vec<Product>,
}

impl Catalog {
    pub fn parse(file: &str, text: &str) -> Result<Catalog> {
        let parsed: CatalogFile = parse_toml(file, text)?;
        let mut products = Vec::with_capacity(parsed.products.len());
        for (i, p) in parsed.products.into_iter().enumerate() {
            let data_error = |key: &str, message: String| Error::Data {
                file: file.to_string(),
                line: line_of_product(text, i),
                key: format!("product[{i}].{key}"),
                message,
            };
            if p.eol.0 < p.eos.0 {
                return Err(data_error(
                    "eol",
                    format!(
                        "end of life {} is before end of support {}",
                        p.eol.0, p.eos.0
                    ),
                ));
            }
            if products
                .iter()
                .any(|q: &Product| q.name.eq_ignore_ascii_case(&p.name))
            {
                return Err(data_error("name", format!("'{}' is listed twice", p.name)));
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

    pub fn load(path: &std::path::Path) -> Result<Catalog> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Input(format!("cannot read catalogue {}: {e}", path.display())))?;
        Catalog::parse(&path.display().to_string(), &text)
    }

    /// A product by name, case-insensitive; an unknown one suggests the nearest.
    pub fn product(&self, name: &str) -> Result<&Product> {
        self.products
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| Error::unknown("product", name, self.products.iter().map(|p| &p.name)))
    }
}

/// The line of the i-th `[[product]]` header, for errors found after parsing.
fn line_of_product(text: &str, index: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[product]]"))
        .nth(index)
        .map(|(n, _)| n + 1)
}
