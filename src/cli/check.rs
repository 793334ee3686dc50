//! `slacalc check`: validate a folder of plans and calendars, listing every
//! problem with its file, line and key.

use std::io::Write;

use chrono::Datelike;
use clap::Args;

use slacalc::load::check;

use super::{Context, Execute, Usage};

/// Validate calendars/ and plans/ (the embedded ones without --data)
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc check
  slacalc check --data .")]
pub struct CheckArgs {}

impl Execute for CheckArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let year = context.now.year();
        let report = match context.data_dir() {
            Some(dir) => check::dir(dir, year),
            None => check::embedded(year),
        };
        for warning in &report.problems {
            writeln!(out, "{warning}")?;
        }
        if report.problems.is_empty() {
            writeln!(
                out,
                "ok: {} calendar file(s), {} plan file(s)",
                report.calendar_files, report.plan_files
            )?;
            return Ok(());
        }
        Err(Usage(format!("{} problem(s) found", report.problems.len())).into())
    }
}
