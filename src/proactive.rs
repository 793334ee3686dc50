//! Proactive support (SPEC §7): monitored events with a fixed priority, and
//! who is eligible (plan and suite release).

use std::fmt;

use serde::Deserialize;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub description: String,
    pub priority: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Plans that include proactive support.
    pub plans: Vec<String>,
    /// The first suite release that sends the data.
    pub first_release: Release,
}

/// A seasonal suite release: Winter < Spring < Summer within a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Release {
    pub year: i32,
    pub season: Season,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Season {
    Winter,
    Spring,
    Summer,
}

impl Release {
    /// `Winter '20`, `Winter 2020`, `spring 21`.
    pub fn parse(text: &str) -> Result<Release> {
        let bad = || {
            Error::value(
                text,
                format!(
                    "'{text}' is not a suite release like \"Winter '20\" (Winter, Spring or Summer and a year)"
                ),
            )
        };
        let mut parts = text.split_whitespace();
        let season = match parts.next().map(str::to_ascii_lowercase).as_deref() {
            Some("winter") => Season::Winter,
            Some("spring") => Season::Spring,
            Some("summer") => Season::Summer,
            _ => return Err(bad()),
        };
        let year_text = parts.next().ok_or_else(bad)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        let digits = year_text.trim_start_matches(['\'', '’']);
        // Digits only: "-1" is not a year.
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = digits.parse().map_err(|_| bad())?;
        let year = match digits.len() {
            2 => 2000 + year,
            4 => year,
            _ => return Err(bad()),
        };
        Ok(Release { year, season })
    }
}

impl<'de> Deserialize<'de> for Release {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Release::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let season = match self.season {
            Season::Winter => "Winter",
            Season::Spring => "Spring",
            Season::Summer => "Summer",
        };
        write!(f, "{season} '{:02}", self.year.rem_euclid(100))
    }
}

impl Eligibility {
    /// Why a plan and release cannot have proactive support, if they cannot.
    pub fn check(&self, plan: &str, release: Option<Release>) -> Result<()> {
        if !self.plans.iter().any(|p| p.eq_ignore_ascii_case(plan)) {
            return Err(Error::value(
                plan,
                format!(
                    "proactive support is part of the {} plans, not {plan}",
                    self.plans.join(" and ")
                ),
            ));
        }
        if let Some(release) = release {
            if release < self.first_release {
                return Err(Error::value(
                    release,
                    format!(
                        "proactive support needs suite release {} or newer; {release} is older",
                        self.first_release
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_order_by_year_then_season() {
        let r = |t| Release::parse(t).unwrap();
        assert!(r("Summer '19") < r("Winter '20"));
        assert!(r("Winter '20") < r("Spring '20"));
        assert!(r("Spring 2020") < r("summer 20"));
        assert_eq!(r("Winter 2020"), r("Winter '20"));
        assert!(Release::parse("Autumn '20").is_err());
    }
}
