//! The command-line contract (SPEC §8, §9), per subcommand: each case runs
//! the binary through the one test builder (`crate::support::Test`).

mod batch;
mod clock;
mod completions;
mod contract;
mod coverage;
mod deadline;
mod errors;
mod escalate;
mod escalate_more;
mod events;
mod help_examples;
mod hostile_input;
mod ics;
mod jobs;
mod queue;
mod readme;
mod renew;
mod renew_more;
mod schema;
mod width;
