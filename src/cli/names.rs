//! Values that complete: desk, plan, priority, event and clock names,
//! offered to shell completions and man pages from the embedded data.
//! Any name still parses (a `--data` folder may have its own); the
//! embedded data is read only when the names are asked for, never to run a
//! command.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use slacalc::clock::ClockKind;
use slacalc::load::DataSet;

/// A parser of names that offers the embedded data's names.
#[derive(Clone, Copy)]
pub struct DataNames(fn(&DataSet) -> Vec<String>);

impl TypedValueParser for DataNames {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let data = DataSet::embedded().ok()?;
        let names = (self.0)(&data);
        Some(Box::new(names.into_iter().map(PossibleValue::new)))
    }
}

pub fn desks() -> DataNames {
    DataNames(|data| data.desk_names().map(str::to_string).collect())
}

pub fn plans() -> DataNames {
    DataNames(|data| data.plans_in_order().map(|p| p.name.clone()).collect())
}

pub fn priorities() -> DataNames {
    DataNames(|data| {
        let mut ids: Vec<String> = Vec::new();
        for plan in data.plans_in_order() {
            for priority in &plan.priorities {
                if !ids.contains(&priority.id) {
                    ids.push(priority.id.clone());
                }
            }
        }
        ids
    })
}

pub fn events() -> DataNames {
    DataNames(|data| data.events.iter().map(|e| e.id.clone()).collect())
}

pub fn clocks() -> DataNames {
    DataNames(|_| {
        ClockKind::ALL
            .iter()
            .map(|k| k.name().to_string())
            .collect()
    })
}
