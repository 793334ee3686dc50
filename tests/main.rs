//! One integration-test binary; a module per subject.
#![allow(clippy::unwrap_used)]

mod cli;
mod deadline_cases;
mod holidays;
