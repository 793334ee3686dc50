//! Contract terms: renewals (continuous or after a lapse, with upgrade-fee
//! years), add-on co-termination, end-of-support cuts, and the included
//! first year of a newly registered product (SPEC §6). Dates are calendar
//! dates; `end` is always the first day without coverage.

use chrono::{Datelike, Months, NaiveDate};
use serde::Deserialize;

use crate::catalog::{Product, Status};
use crate::error::{Error, Result};

/// Renewal rules as data (`[renewal]` in a plans file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenewalRules {
    /// Days after expiry within which a renewal still continues the term.
    pub grace_days: u32,
    /// The plan every new product includes.
    pub included_plan: String,
    /// For how long, from registration.
    pub included_months: u32,
}

#[derive(Debug, Clone)]
pub struct RenewalRequest {
    pub expires: NaiveDate,
    pub ordered: NaiveDate,
    pub years: u32,
    /// The product's end of support, if known.
    pub eos: Option<NaiveDate>,
    /// For an add-on: the end of its base product's term.
    pub base_end: Option<NaiveDate>,
}

impl RenewalRequest {
    /// Apply a catalogued product: no support is sold at its end of life,
    /// and its end of support cuts the term (the sooner of it and a given
    /// one; SPEC §6).
    pub fn for_product(mut self, product: &Product) -> Result<RenewalRequest> {
        if product.status(self.ordered) == Status::EndOfLife {
            return Err(Error::value(
                &product.name,
                format!(
                    "'{}' reached end of life on {}: no support can be sold for it{}",
                    product.name,
                    product.eol,
                    product
                        .replacement
                        .as_ref()
                        .map(|r| format!(" (replacement: {r})"))
                        .unwrap_or_default()
                ),
            ));
        }
        self.eos = Some(self.eos.map_or(product.eos, |given| given.min(product.eos)));
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renewal {
    pub late_days: i64,
    /// The new term starts on the old expiry date (no gap).
    pub continuous: bool,
    /// Days without coverage between the expiry and the new start.
    pub gap_days: i64,
    pub start: NaiveDate,
    /// First day without coverage.
    pub end: NaiveDate,
    /// The end before any cut by end of support or co-termination.
    pub term_end: NaiveDate,
    pub upgrade_fee_years: u32,
    pub cut_by_eos: bool,
    pub co_terminated: bool,
}

impl Renewal {
    pub fn last_covered_day(&self) -> Option<NaiveDate> {
        self.end.pred_opt()
    }
}

/// `date` plus `years`, from the anchor date: 29 February + 1 year is
/// 28 February.
pub fn add_years(date: NaiveDate, years: u32) -> Result<NaiveDate> {
    date.checked_add_months(Months::new(years.saturating_mul(12)))
        .filter(|end| end.year() <= LAST_YEAR)
        .ok_or_else(|| Error::OutOfRange(format!("{date} + {years} years")))
}

/// Dates are written YYYY-MM-DD (SPEC §8): no term may end after 9999.
const LAST_YEAR: i32 = 9999;

pub fn renew(rules: &RenewalRules, request: &RenewalRequest) -> Result<Renewal> {
    if request.years == 0 {
        return Err(Error::value(
            0,
            "a term of 0 years covers nothing; give at least 1 year",
        ));
    }
    let late_days = (request.ordered - request.expires).num_days();
    let continuous = late_days <= i64::from(rules.grace_days);
    let (start, upgrade_fee_years) = if continuous {
        (request.expires, 0)
    } else {
        // Each started year after the expiry counts one, by anniversaries
        // of the expiry date.
        let mut years = 1;
        while add_years(request.expires, years)? < request.ordered {
            years += 1;
        }
        (request.ordered, years)
    };
    let term_end = add_years(start, request.years)?;
    let mut end = request.base_end.unwrap_or(term_end);
    let co_terminated = request.base_end.is_some();
    let mut cut_by_eos = false;
    if let Some(eos) = request.eos {
        if eos <= start {
            return Err(Error::value(
                eos,
                format!(
                    "the product reached end of support on {eos}, on or before the term would start ({start}); no support term can begin"
                ),
            ));
        }
        if eos < end {
            end = eos;
            cut_by_eos = true;
        }
    }
    if end <= start {
        return Err(Error::value(
            end,
            format!(
                "the base product's term ends on {end}, on or before this term would start ({start})"
            ),
        ));
    }
    Ok(Renewal {
        late_days,
        continuous,
        gap_days: (start - request.expires).num_days(),
        start,
        end,
        term_end,
        upgrade_fee_years,
        cut_by_eos,
        co_terminated,
    })
}

/// The included first period of a newly registered product.
pub fn included_term(
    rules: &RenewalRules,
    registered: NaiveDate,
) -> Result<(NaiveDate, NaiveDate)> {
    let end = registered
        .checked_add_months(Months::new(rules.included_months))
        .filter(|end| end.year() <= LAST_YEAR)
        .ok_or_else(|| {
            Error::OutOfRange(format!("{registered} + {} months", rules.included_months))
        })?;
    Ok((registered, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn leap_day_plus_years_is_clamped_from_the_anchor() {
        // 29 Feb + 1 year = 28 Feb (SPEC §6); + 4 years is 29 Feb again.
        assert_eq!(add_years(d("2028-02-29"), 1).unwrap(), d("2029-02-28"));
        assert_eq!(add_years(d("2028-02-29"), 4).unwrap(), d("2032-02-29"));
    }
}
