//! The product catalogue the user keeps: end of support and end of life per
//! product. slacalc ships only an example; the vendor publishes real dates.
//! `load::catalog` reads it.

use chrono::NaiveDate;

use crate::error::{Error, Result};

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
    /// A product by name, case-insensitive; an unknown one suggests the nearest.
    pub fn product(&self, name: &str) -> Result<&Product> {
        self.products
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| Error::unknown("product", name, self.products.iter().map(|p| &p.name)))
    }
}
