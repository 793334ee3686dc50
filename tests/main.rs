//! One integration-test binary: `support` starts the binary, `engine`
//! calls the library with hand-worked tables and properties, `cli` holds
//! the command-line contract per subcommand, `snapshots` the layout of
//! every table, CSV and ICS output.
#![allow(clippy::unwrap_used)]

mod cli;
mod engine;
mod snapshots;
mod support;
