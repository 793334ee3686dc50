//! `slacalc check`: validate a folder of plans and calendars, listing every
//! problem with its file, line and key.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Datelike, Utc};
use clap::Args;

use slacalc::load::DataSet;

/// Validate calendars/ and plans/ (the embedded ones without --data)
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc check
  slacalc check --data ./my-contract")]
pub struct CheckArgs {}

impl CheckArgs {
    pub fn execute(
        &self,
        data: Option<&Path>,
        now: DateTime<Utc>,
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let report = match data {
            Some(dir) => DataSet::check_dir(dir, now.year()),
            None => DataSet::check_embedded(now.year()),
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
        Err(slacalc::Error::Input(format!("{} problem(s) found", report.problems.len())).into())
    }
}
