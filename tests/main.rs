//! One integration-test binary; a module per subject.
#![allow(clippy::unwrap_used)]

mod batch;
mod cli;
mod clock_custom;
mod coverage_cases;
mod deadline_cases;
mod escalate_cases;
mod escalate_more;
mod holidays;
mod ics;
mod properties;
mod regressions;
mod renew_cases;
mod renew_more;
mod schema;
mod snapshots;
mod support;
