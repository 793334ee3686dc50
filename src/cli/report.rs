//! Errors as the one line stderr gets, and the exit status that goes with
//! them.

use std::io::{self, Write};
use std::process::ExitCode;

/// Bad usage found by the command line itself (flags that do not go
/// together): exit status 2, like the library's errors about input.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Usage(pub String);

/// The output was closed (`| head`) after a line or ticket had failed.
#[derive(Debug, thiserror::Error)]
#[error("the output was closed after lines had failed")]
pub struct ClosedAfterFailures;

/// Print an error as one line and choose the exit status: 2 for bad input,
/// for a closed pipe 0 (1 when a line had failed before it, SPEC §8), 1
/// for anything else.
pub fn report(error: &anyhow::Error) -> ExitCode {
    if error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
    {
        // A context is found by downcasting the error, not in its chain.
        let failed_before = error.downcast_ref::<ClosedAfterFailures>().is_some();
        return ExitCode::from(u8::from(failed_before));
    }
    // A closed or full stderr cannot be told anything; the status still says
    // what happened.
    let _ = writeln!(io::stderr(), "slacalc: error: {}", one_line(error));
    let bad_input = error
        .chain()
        .any(|e| e.is::<slacalc::Error>() || e.is::<Usage>());
    ExitCode::from(if bad_input { 2 } else { 1 })
}

/// An error and its causes on one line, outermost first. Whatever a
/// message echoes, a control character in it is escaped here, the one
/// place every error line passes: an error is exactly one line.
pub fn one_line(error: &anyhow::Error) -> String {
    let text = error
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ");
    slacalc::input::escaped(&text).into_owned()
}

/// clap's own errors, whole (they are short); help and version go to
/// stdout. Bare `slacalc` prints the usage and exits 2.
pub fn clap_exit(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if !error.use_stderr() {
        // Help or version: a failure to write it is a failure.
        let printed =
            write!(io::stdout(), "{}", error.render()).and_then(|()| io::stdout().flush());
        return if printed.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    let rendered = error.render().to_string();
    let _ = if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        write!(io::stderr(), "{rendered}")
    } else {
        writeln!(io::stderr(), "slacalc: error: {}", clap_one_line(&rendered))
    };
    ExitCode::from(2)
}

/// clap's message without its usage block, its lines joined: everything it
/// says (the missing flags, a similar argument, the possible values) on the
/// one line an error gets.
fn clap_one_line(rendered: &str) -> String {
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:"))
        .filter(|line| !line.is_empty() && !line.starts_with("For more information"))
        .collect();
    let text = parts.join("; ");
    let text = text.trim_start_matches("error: ");
    format!("{} (see --help)", text.replace(":;", ":"))
}
