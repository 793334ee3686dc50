//! `slacalc schema`: the JSON Schema of each subcommand's JSON output.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::{Context, Execute};
use crate::render;

/// Print the JSON Schema of a subcommand's `--format json` output
#[derive(Debug, Args)]
#[command(after_help = "EXAMPLES:
  slacalc schema deadline
  slacalc schema escalate > escalate.schema.json")]
pub struct SchemaArgs {
    /// The subcommand
    #[arg(value_enum)]
    subcommand: SchemaFor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFor {
    Deadline,
    Escalate,
    Renew,
    Eol,
    Clock,
    Holidays,
    Coverage,
    Audit,
    /// `audit --events`: the summary, a judged ticket or a failed one
    AuditEvents,
    Queue,
    Check,
}

impl Execute for SchemaArgs {
    fn execute(&self, _: &Context, out: &mut dyn Write) -> anyhow::Result<()> {
        let mut value = serde_json::to_value(schema(self.subcommand))?;
        require_present_fields(&mut value);
        Ok(out.write_all(render::json(&value)?.as_bytes())?)
    }
}

/// Fields present only on request (`--explain`, a priority change, an id in
/// the batch input) where their type lets them be absent; every other
/// field is always written, `null` or not.
const SOMETIMES: &[&str] = &["id", "windows", "priority_history"];

/// Mark every always-written property as required: a `null` target is
/// written as `null`, never left out (SPEC §8). A property the type
/// already requires (a ticket history's `id`) stays required.
fn require_present_fields(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                let already: Vec<&str> = map
                    .get("required")
                    .and_then(serde_json::Value::as_array)
                    .map(|r| r.iter().filter_map(serde_json::Value::as_str).collect())
                    .unwrap_or_default();
                let required: Vec<serde_json::Value> = properties
                    .keys()
                    .filter(|k| !SOMETIMES.contains(&k.as_str()) || already.contains(&k.as_str()))
                    .map(|k| serde_json::Value::String(k.clone()))
                    .collect();
                map.insert("required".into(), serde_json::Value::Array(required));
            }
            map.values_mut().for_each(require_present_fields);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(require_present_fields),
        _ => {}
    }
}

pub fn schema(subcommand: SchemaFor) -> schemars::Schema {
    match subcommand {
        // A batch line's error stands in the result's place.
        SchemaFor::Deadline => {
            schemars::schema_for!(render::OrError<render::deadline::DeadlineJson<'static>>)
        }
        SchemaFor::Escalate => {
            schemars::schema_for!(render::OrError<render::escalate::EscalationJson<'static>>)
        }
        SchemaFor::Renew => render::renew::schema(),
        SchemaFor::Eol => schemars::schema_for!(Vec<render::eol::ProductJson>),
        SchemaFor::Clock => schemars::schema_for!(render::clock::ClockJson),
        SchemaFor::Holidays => schemars::schema_for!(Vec<render::holidays::HolidayJson>),
        SchemaFor::Coverage => render::coverage::schema(),
        SchemaFor::Audit => render::audit::schema(),
        SchemaFor::AuditEvents => render::history::schema(),
        SchemaFor::Queue => render::queue::schema(),
        SchemaFor::Check => schemars::schema_for!(super::check::CheckJson),
    }
}
