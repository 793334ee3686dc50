//! `slacalc check`: validate a folder of plans and calendars, listing every
//! problem with its file, line and key.

use std::io::Write;

use chrono::Datelike;
use clap::Args;

use slacalc::load::check;

use super::{Context, Execute, Format, Usage};

/// Validate calendars/ and plans/ (the embedded ones without --data)
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc check
  slacalc check --data .")]
pub struct CheckArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<super::TableOrJson>,
}

/// What `check --format json` prints.
#[derive(serde::Serialize, schemars::JsonSchema)]
pub struct CheckJson {
    ok: bool,
    calendar_files: usize,
    plan_files: usize,
    /// One per problem, each naming file, line and key.
    problems: Vec<String>,
}

impl Execute for CheckArgs {
    fn execute(&self, context: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let year = context.now.year();
        let report = match context.data_dir() {
            Some(dir) => check::dir(dir, year),
            None => check::embedded(year),
        };
        if context.format() == Format::Json {
            let json = CheckJson {
                ok: report.problems.is_empty(),
                calendar_files: report.calendar_files,
                plan_files: report.plan_files,
                problems: report.problems.clone(),
            };
            out.write_all(crate::render::json(&json)?.as_bytes())?;
        } else {
            for warning in &report.problems {
                writeln!(out, "{warning}")?;
            }
        }
        if report.problems.is_empty() {
            if context.format() != Format::Json {
                writeln!(
                    out,
                    "ok: {} calendar file(s), {} plan file(s)",
                    report.calendar_files, report.plan_files
                )?;
            }
            return Ok(());
        }
        Err(Usage(format!("{} problem(s) found", report.problems.len())).into())
    }
}
