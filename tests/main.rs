//! One integration-test binary; a module per subject.
#![allow(clippy::unwrap_used)]

mod batch;
mod cli;
mod cli_errors;
mod clock_cli;
mod coverage_cases;
mod deadline_cases;
mod engine;
mod escalate_cases;
mod escalate_more;
mod help_examples;
mod holidays;
mod hostile_input;
mod ics;
mod readme;
mod regressions;
mod renew_cases;
mod renew_more;
mod schema;
mod snapshots;
mod support;
