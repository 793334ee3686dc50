//! slacalc: support contracts and SLAs as exact arithmetic.
//!
//! The library computes; it never prints and never reads the system clock
//! (`now` is an argument). Data (desk calendars, plans) comes from TOML
//! files, embedded by default ([`load::DataSet::embedded`]).

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod audit;
pub mod calendar;
pub mod catalog;
pub mod clock;

pub mod coverage;
pub mod deadline;
pub mod error;
pub mod escalation;
pub mod frame;
pub mod history;
pub mod input;
pub mod load;
pub mod pipeline;
pub mod plan;
pub mod proactive;
pub mod queue;
pub mod record;
pub mod renewal;
pub mod resolve;
pub mod ticket;
pub mod time;

pub use error::{Error, Result};
pub use load::DataSet;
