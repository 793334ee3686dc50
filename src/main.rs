//! The `slacalc` binary: parse arguments, run, report one error line.

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod cli;
mod render;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return cli::clap_exit(&e),
    };
    let now = match now() {
        Ok(now) => now,
        Err(e) => return cli::report(&e),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli::run(args, now, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => cli::report(&e),
    }
}

/// The current instant, to the second: every time slacalc shows is.
/// `SLACALC_NOW` (RFC 3339) pins it, so that output is reproducible.
fn now() -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    use chrono::SubsecRound;
    match std::env::var_os("SLACALC_NOW") {
        Some(text) => {
            let text = text.to_string_lossy();
            // An instant as every other is read, with its offset.
            let pinned = slacalc::input::instant_with_offset(&text)
                .map_err(|e| anyhow::Error::from(e).context("SLACALC_NOW"))?;
            pinned.ok_or_else(|| {
                slacalc::Error::value(
                    &text,
                    format!(
                        "SLACALC_NOW '{}' is not an RFC 3339 time like 2026-11-20T17:30:00+01:00",
                        text.escape_debug()
                    ),
                )
                .into()
            })
        }
        None => Ok(chrono::Utc::now().trunc_subsecs(0)),
    }
}
