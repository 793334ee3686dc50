//! The data the computations read: desk calendars and plans, from the files
//! embedded in the binary or from a folder the user names.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::calendar::schema::CalendarFile;
use crate::calendar::Calendar;
use crate::contract::RenewalRules;
use crate::error::{Error, Result};
use crate::plan::{CoverageSpec, Feature, Plan, PlanFile};
use crate::proactive::{Eligibility, Event};

/// The files shipped with slacalc: (path, contents).
const EMBEDDED_CALENDARS: &[(&str, &str)] = &[
    (
        "calendars/americas.toml",
        include_str!("../calendars/americas.toml"),
    ),
    (
        "calendars/europe.toml",
        include_str!("../calendars/europe.toml"),
    ),
    (
        "calendars/middle-east.toml",
        include_str!("../calendars/middle-east.toml"),
    ),
    ("calendars/uae.toml", include_str!("../calendars/uae.toml")),
];
const EMBEDDED_PLANS: &[(&str, &str)] = &[(
    "plans/imagiclecare.toml",
    include_str!("../plans/imagiclecare.toml"),
)];

#[derive(Debug)]
struct LazyCalendar {
    file: String,
    text: String,
    parsed: OnceLock<Result<Calendar>>,
}

#[derive(Debug)]
pub struct DataSet {
    /// Desk calendars by name, each parsed on first use: a single deadline
    /// reads one desk, and start-up should not pay for the others.
    calendars: BTreeMap<String, LazyCalendar>,
    pub plans: BTreeMap<String, Plan>,
    pub renewal: Option<RenewalRules>,
    /// Plan names in the order their files list them.
    pub plan_order: Vec<String>,
    pub features: Vec<Feature>,
    pub coverage: CoverageSpec,
    pub proactive: Option<Eligibility>,
    pub events: Vec<Event>,
}

impl DataSet {
    /// The defaults compiled into the binary.
    pub fn embedded() -> Result<DataSet> {
        let calendars = owned(EMBEDDED_CALENDARS);
        let plans = owned(EMBEDDED_PLANS);
        DataSet::from_sources(&calendars, &plans)
    }

    /// A folder with `calendars/` and/or `plans/`; each one present replaces
    /// the embedded set of that kind.
    pub fn from_dir(dir: &Path) -> Result<DataSet> {
        let calendars = read_folder(&dir.join("calendars"))?;
        let plans = read_folder(&dir.join("plans"))?;
        if calendars.is_none() && plans.is_none() {
            return Err(Error::Input(format!(
                "data folder '{}' has neither calendars/ nor plans/",
                dir.display()
            )));
        }
        DataSet::from_sources(
            &calendars.unwrap_or_else(|| owned(EMBEDDED_CALENDARS)),
            &plans.unwrap_or_else(|| owned(EMBEDDED_PLANS)),
        )
    }

    /// Build from (file name, text) pairs.
    pub fn from_sources(
        calendar_files: &[(String, String)],
        plan_files: &[(String, String)],
    ) -> Result<DataSet> {
        let mut calendars = BTreeMap::new();
        for (file, text) in calendar_files {
            let name = file_stem(file).to_lowercase();
            let lazy = LazyCalendar {
                file: file.clone(),
                text: text.clone(),
                parsed: OnceLock::new(),
            };
            calendars.insert(name, lazy);
        }
        let mut plans = BTreeMap::new();
        let mut renewal = None;
        let mut plan_order = Vec::new();
        let mut features = Vec::new();
        let mut coverage = CoverageSpec::default();
        let mut proactive = None;
        let mut events: Vec<Event> = Vec::new();
        for (file, text) in plan_files {
            let parsed: PlanFile = parse_toml(file, text)?;
            if renewal.is_none() {
                renewal.clone_from(&parsed.renewal);
            }
            if proactive.is_none() {
                proactive.clone_from(&parsed.proactive);
            }
            let ids: Vec<&str> = parsed.priorities.iter().map(|p| p.id.as_str()).collect();
            for (i, event) in parsed.events.iter().enumerate() {
                let error = |message: String| Error::Data {
                    file: file.clone(),
                    line: None,
                    key: format!("event[{i}]"),
                    message,
                };
                if !ids.contains(&event.priority.as_str()) {
                    return Err(error(format!(
                        "unknown priority '{}'; priorities: {}",
                        event.priority,
                        ids.join(", ")
                    )));
                }
                if events.iter().any(|e| e.id == event.id) {
                    return Err(error(format!("event id '{}' is listed twice", event.id)));
                }
            }
            for (i, feature) in parsed.features.iter().enumerate() {
                if let Some(plan) = parsed
                    .plans
                    .keys()
                    .find(|p| !feature.values.contains_key(*p))
                {
                    return Err(Error::Data {
                        file: file.clone(),
                        line: None,
                        key: format!("feature[{i}].values"),
                        message: format!(
                            "no value for plan '{plan}' in feature '{}'",
                            feature.feature
                        ),
                    });
                }
            }
            events.extend(parsed.events);
            features.extend(parsed.features);
            if let Some(c) = parsed.coverage {
                coverage.languages.extend(c.languages);
                coverage.notes.extend(c.notes);
            }
            for (name, spec) in parsed.plans {
                let key = name.to_lowercase();
                if plans.contains_key(&key) {
                    return Err(Error::Data {
                        file: file.clone(),
                        line: None,
                        key: format!("plan.{name}"),
                        message: "a plan of this name is defined in another file too".into(),
                    });
                }
                let plan = Plan::new(
                    &name,
                    spec,
                    &parsed.priorities,
                    parsed.escalation.as_ref(),
                    file,
                )?;
                plan_order.push(key.clone());
                plans.insert(key, plan);
            }
        }
        Ok(DataSet {
            calendars,
            plans,
            renewal,
            plan_order,
            features,
            coverage,
            proactive,
            events,
        })
    }

    /// The desk's calendar by name (case-insensitive).
    pub fn desk(&self, name: &str) -> Result<&Calendar> {
        let (key, lazy) = self
            .calendars
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .ok_or_else(|| Error::unknown("desk", name, self.calendars.keys()))?;
        lazy.parsed
            .get_or_init(|| {
                let parsed: CalendarFile = parse_toml(&lazy.file, &lazy.text)?;
                Calendar::new(key, &lazy.file, parsed)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The renewal rules of the plans files.
    pub fn renewal(&self) -> Result<&RenewalRules> {
        self.renewal.as_ref().ok_or_else(|| {
            Error::Input("no plans file has a [renewal] table with the renewal rules".into())
        })
    }

    /// The desks' names, sorted.
    pub fn desk_names(&self) -> impl Iterator<Item = &str> {
        self.calendars.keys().map(String::as_str)
    }

    /// A plan by name (case-insensitive).
    pub fn plan(&self, name: &str) -> Result<&Plan> {
        self.plans
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, plan)| plan)
            .ok_or_else(|| Error::unknown("plan", name, self.plans.keys()))
    }
}

fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(f, t)| ((*f).to_string(), (*t).to_string()))
        .collect()
}

fn file_stem(file: &str) -> &str {
    Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
}

/// The `*.toml` files of a folder, sorted; `None` if the folder is absent.
/// Example files (`*.example.toml`) are skipped.
fn read_folder(dir: &Path) -> Result<Option<Vec<(String, String)>>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let io_error = |path: &Path, e: std::io::Error| {
        Error::Input(format!("cannot read {}: {e}", path.display()))
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let path = entry.map_err(|e| io_error(dir, e))?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let is_toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        let is_example = name.to_ascii_lowercase().ends_with(".example.toml");
        if is_toml && !is_example {
            let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, e))?;
            files.push((path.display().to_string(), text));
        }
    }
    files.sort();
    Ok(Some(files))
}

/// Parse a TOML document; an error names the file, line and key.
pub fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    // Fast path first; only a bad file pays for tracking the key path.
    if let Ok(parsed) = toml::from_str(text) {
        return Ok(parsed);
    }
    let error = |key: String, inner: &toml::de::Error| Error::Data {
        file: file.to_string(),
        line: inner
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1),
        key,
        message: inner.message().to_string(),
    };
    let deserializer = toml::Deserializer::parse(text).map_err(|e| error(String::new(), &e))?;
    serde_path_to_error::deserialize(deserializer)
        .map_err(|e| error(e.path().to_string(), e.inner()))
}

impl DataSet {
    /// A proactive-support event by id.
    pub fn event(&self, id: &str) -> Result<&Event> {
        self.events
            .iter()
            .find(|e| e.id.eq_ignore_ascii_case(id.trim()))
            .ok_or_else(|| Error::unknown("event", id, self.events.iter().map(|e| &e.id)))
    }

    /// The plans in their files' order (basic, gold, platinum).
    pub fn plans_in_order(&self) -> impl Iterator<Item = &Plan> {
        self.plan_order
            .iter()
            .filter_map(|name| self.plans.get(name))
    }
}

/// What `check` found in a folder of data files.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub calendar_files: usize,
    pub plan_files: usize,
    /// One line per problem, naming file, line and key.
    pub problems: Vec<String>,
}

impl DataSet {
    /// Check the embedded data files.
    pub fn check_embedded(current_year: i32) -> CheckReport {
        check_files(
            &owned(EMBEDDED_CALENDARS),
            &owned(EMBEDDED_PLANS),
            current_year,
        )
    }

    /// Check every file of a folder, each on its own, so that one bad file
    /// does not hide the problems of another.
    pub fn check_dir(dir: &Path, current_year: i32) -> CheckReport {
        let mut report = CheckReport::default();
        let mut read = |sub: &str| match read_folder(&dir.join(sub)) {
            Ok(files) => files.unwrap_or_default(),
            Err(e) => {
                report.problems.push(e.to_string());
                Vec::new()
            }
        };
        let (calendars, plans) = (read("calendars"), read("plans"));
        if calendars.is_empty() && plans.is_empty() && report.problems.is_empty() {
            report.problems.push(format!(
                "{}: no calendars/*.toml or plans/*.toml files",
                dir.display()
            ));
        }
        let found = check_files(&calendars, &plans, current_year);
        report.problems.extend(found.problems);
        report.calendar_files = found.calendar_files;
        report.plan_files = found.plan_files;
        report
    }
}

fn check_files(
    calendars: &[(String, String)],
    plans: &[(String, String)],
    current_year: i32,
) -> CheckReport {
    let mut report = CheckReport {
        calendar_files: calendars.len(),
        plan_files: plans.len(),
        problems: Vec::new(),
    };
    for file in calendars {
        match DataSet::from_sources(std::slice::from_ref(file), &[]) {
            Err(e) => report.problems.push(e.to_string()),
            Ok(data) => {
                let calendars: Vec<&Calendar> =
                    match data.desk_names().map(|n| data.desk(n)).collect() {
                        Ok(calendars) => calendars,
                        Err(e) => {
                            report.problems.push(e.to_string());
                            continue;
                        }
                    };
                for calendar in calendars {
                    for (name, last_year) in calendar.dated_list_ends() {
                        if last_year < current_year {
                            report.problems.push(format!(
                                "{}: holiday '{name}': its dated list ends in {last_year}, before the current year {current_year}; add the coming years' dates",
                                file.0
                            ));
                        }
                    }
                }
            }
        }
    }
    for file in plans {
        if let Err(e) = DataSet::from_sources(&[], std::slice::from_ref(file)) {
            report.problems.push(e.to_string());
        }
    }
    report
}
