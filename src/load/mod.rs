//! Loading: TOML files become checked domain types (calendars, plans, the
//! product catalogue), from the files embedded in the binary or from a
//! folder the user names. Every problem names the file, line and key.

mod calendar;
pub mod catalog;
pub mod check;
mod plan;

pub use check::CheckReport;

use std::path::Path;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::plan::{CoverageSpec, Feature, Plan};
use crate::proactive::{Eligibility, Event};
use crate::renewal::RenewalRules;
use plan::PlanFile;

/// The files shipped with slacalc: (path, contents).
pub(crate) const EMBEDDED_CALENDARS: &[(&str, &str)] = &[
    (
        "calendars/americas.toml",
        include_str!("../../calendars/americas.toml"),
    ),
    (
        "calendars/europe.toml",
        include_str!("../../calendars/europe.toml"),
    ),
    (
        "calendars/middle-east.toml",
        include_str!("../../calendars/middle-east.toml"),
    ),
    (
        "calendars/uae.toml",
        include_str!("../../calendars/uae.toml"),
    ),
];
pub(crate) const EMBEDDED_PLANS: &[(&str, &str)] = &[(
    "plans/imagiclecare.toml",
    include_str!("../../plans/imagiclecare.toml"),
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
    /// Sorted by name; a short list, scanned faster than a map.
    calendars: Vec<(String, LazyCalendar)>,
    /// In their files' order (basic, gold, platinum).
    plans: Vec<(String, Plan)>,
    pub renewal: Option<RenewalRules>,
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
            return Err(Error::value(
                dir.display(),
                format!(
                    "data folder '{}' has neither calendars/ nor plans/",
                    dir.display()
                ),
            ));
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
        Self::checked(calendar_files, plan_files).map_err(|mut problems| problems.swap_remove(0))
    }

    /// The data set, or every problem found in its files: a file that does
    /// not parse stops its own reading, but not the others', and each check
    /// after a parse looks at its own table, so `check` can list them all.
    pub(crate) fn checked(
        calendar_files: &[(String, String)],
        plan_files: &[(String, String)],
    ) -> std::result::Result<DataSet, Vec<Error>> {
        let mut problems = Vec::new();
        let mut calendars: Vec<(String, LazyCalendar)> = Vec::new();
        for (file, text) in calendar_files {
            let name = file_stem(file).to_lowercase();
            // Names compare in any case: `X.toml` would hide `x.toml`.
            if let Some((_, other)) = calendars.iter().find(|(n, _)| *n == name) {
                problems.push(data_error(
                    file,
                    None,
                    "",
                    format!(
                        "desk '{name}' is also defined by {}; desk names ignore case",
                        other.file
                    ),
                ));
                continue;
            }
            let lazy = LazyCalendar {
                file: file.clone(),
                text: text.clone(),
                parsed: OnceLock::new(),
            };
            calendars.push((name, lazy));
        }
        calendars.sort_by(|a, b| a.0.cmp(&b.0));
        let mut plans: Vec<(String, Plan)> = Vec::new();
        let mut renewal = None;
        let mut features = Vec::new();
        let mut coverage = CoverageSpec::default();
        let mut proactive = None;
        let mut events: Vec<Event> = Vec::new();
        for (file, text) in plan_files {
            let parsed: PlanFile = match plan::parse(file, text) {
                Ok(parsed) => parsed,
                Err(found) => {
                    problems.extend(found);
                    continue;
                }
            };
            if renewal.is_none() {
                renewal.clone_from(&parsed.renewal);
            }
            if proactive.is_none() {
                proactive.clone_from(&parsed.proactive);
            }
            let ids: Vec<&str> = parsed.priorities.iter().map(|p| p.id.as_str()).collect();
            for (i, event) in parsed.events.iter().enumerate() {
                let error = |message: String| {
                    data_error(
                        file,
                        spanned_line(text, event),
                        &format!("event[{i}]"),
                        message,
                    )
                };
                if !ids.contains(&event.get_ref().priority.as_str()) {
                    problems.push(error(format!(
                        "unknown priority '{}'; priorities: {}",
                        event.get_ref().priority,
                        ids.join(", ")
                    )));
                }
                if events.iter().any(|e| e.id == event.get_ref().id) {
                    problems.push(error(format!(
                        "event id '{}' is listed twice",
                        event.get_ref().id
                    )));
                }
            }
            for (i, feature) in parsed.features.iter().enumerate() {
                if let Some(plan) = parsed
                    .plans
                    .keys()
                    .find(|p| !feature.get_ref().values.contains_key(*p))
                {
                    problems.push(data_error(
                        file,
                        spanned_line(text, feature),
                        &format!("feature[{i}].values"),
                        format!(
                            "no value for plan '{plan}' in feature '{}'",
                            feature.get_ref().feature
                        ),
                    ));
                }
            }
            events.extend(parsed.events.into_iter().map(toml::Spanned::into_inner));
            features.extend(parsed.features.into_iter().map(toml::Spanned::into_inner));
            if let Some(c) = parsed.coverage {
                coverage.languages.extend(c.languages);
                coverage.notes.extend(c.notes);
            }
            let matrix = parsed.escalation.as_ref().map(toml::Spanned::get_ref);
            for (name, spec) in parsed.plans {
                let key = name.to_lowercase();
                let line = spanned_line(text, &spec);
                if plans.iter().any(|(k, _)| *k == key) {
                    problems.push(data_error(
                        file,
                        line,
                        &format!("plan.{name}"),
                        "a plan of this name is defined in another file too".into(),
                    ));
                    continue;
                }
                let plan = plan::plan(
                    &name,
                    spec.into_inner(),
                    &parsed.priorities,
                    matrix,
                    file,
                    line,
                );
                match plan {
                    Ok(plan) => plans.push((key, plan)),
                    Err(e) => problems.push(e),
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(DataSet {
            calendars,
            plans,
            renewal,
            features,
            coverage,
            proactive,
            events,
        })
    }

    /// The desk's calendar by name (case-insensitive).
    pub fn desk(&self, name: &str) -> Result<&Calendar> {
        let (key, lazy) = by_name(&self.calendars, name)
            .ok_or_else(|| Error::unknown("desk", name, self.desk_names()))?;
        lazy.parsed
            .get_or_init(|| calendar::calendar(key, &lazy.file, &lazy.text))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The renewal rules of the plans files.
    pub fn renewal(&self) -> Result<&RenewalRules> {
        self.renewal.as_ref().ok_or_else(|| {
            Error::Lacking("no plans file has a [renewal] table with the renewal rules".into())
        })
    }

    /// The desks' names, sorted.
    pub fn desk_names(&self) -> impl Iterator<Item = &str> {
        self.calendars.iter().map(|(name, _)| name.as_str())
    }

    /// A plan by name (case-insensitive).
    pub fn plan(&self, name: &str) -> Result<&Plan> {
        by_name(&self.plans, name)
            .map(|(_, plan)| plan)
            .ok_or_else(|| {
                let mut names: Vec<&str> = self.plans.iter().map(|(n, _)| n.as_str()).collect();
                names.sort_unstable();
                Error::unknown("plan", name, names)
            })
    }

    /// A proactive-support event by id.
    pub fn event(&self, id: &str) -> Result<&Event> {
        self.events
            .iter()
            .find(|e| e.id.eq_ignore_ascii_case(id.trim()))
            .ok_or_else(|| Error::unknown("event", id, self.events.iter().map(|e| &e.id)))
    }

    /// The plans in their files' order (basic, gold, platinum).
    pub fn plans_in_order(&self) -> impl Iterator<Item = &Plan> {
        self.plans.iter().map(|(_, plan)| plan)
    }
}

/// An entry of a list keyed by lower-case names, by a name in any case:
/// the exact spelling first, since batches mostly spell names as the data
/// does.
fn by_name<'m, V>(list: &'m [(String, V)], name: &str) -> Option<(&'m String, &'m V)> {
    list.iter()
        .find(|(key, _)| key == name)
        .or_else(|| list.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)))
        .map(|(key, value)| (key, value))
}

pub(crate) fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
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

/// The largest data file read: a calendar, plans file or catalogue is a
/// few kilobytes; anything near this is not one.
pub const MAX_DATA_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The text of a data file: a regular file of bounded size (not a FIFO or a
/// device, which could block or never end), in UTF-8.
pub(crate) fn read_data_file(path: &Path) -> Result<String> {
    use std::io::Read;
    let problem = |what: String| {
        Error::value(
            path.display(),
            format!("data file {}: {what}", path.display()),
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| problem(e.to_string()))?;
    if !meta.is_file() {
        return Err(problem("not a regular file".into()));
    }
    if meta.len() > MAX_DATA_FILE_BYTES {
        return Err(problem(format!(
            "{} bytes is more than the {MAX_DATA_FILE_BYTES} a data file may have",
            meta.len()
        )));
    }
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_DATA_FILE_BYTES + 1).read_to_string(&mut text))
        .map_err(|e| problem(e.to_string()))?;
    Ok(text)
}

/// The `*.toml` files of a folder, sorted; `None` if the folder is absent.
/// Example files (`*.example.toml`) are skipped. The first file that
/// cannot be read is the error.
pub(crate) fn read_folder(dir: &Path) -> Result<Option<Vec<(String, String)>>> {
    let Some((files, mut unreadable)) = read_folder_each(dir)? else {
        return Ok(None);
    };
    if unreadable.is_empty() {
        Ok(Some(files))
    } else {
        Err(unreadable.swap_remove(0))
    }
}

/// A folder's data files as (path, text), and the problem of each file
/// that could not be read.
pub(crate) type FolderFiles = (Vec<(String, String)>, Vec<Error>);

/// The `*.toml` files of a folder that can be read, sorted, and the
/// problem of each one that cannot (`check` reports them all); `None` if
/// the folder is absent.
pub(crate) fn read_folder_each(dir: &Path) -> Result<Option<FolderFiles>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let io_error = |path: &Path, e: std::io::Error| {
        Error::value(
            path.display(),
            format!("cannot read {}: {e}", path.display()),
        )
    };
    let (mut files, mut unreadable) = (Vec::new(), Vec::new());
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
            match read_data_file(&path) {
                Ok(text) => files.push((path.display().to_string(), text)),
                Err(e) => unreadable.push((path.display().to_string(), e)),
            }
        }
    }
    files.sort();
    unreadable.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Some((
        files,
        unreadable.into_iter().map(|(_, e)| e).collect(),
    )))
}

/// A data error: the file, the line (when known) and the key.
pub(crate) fn data_error(file: &str, line: Option<usize>, key: &str, message: String) -> Error {
    Error::Data {
        file: file.to_string(),
        line,
        key: key.to_string(),
        message,
    }
}

/// The line (from 1) of a byte offset in a text.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count() + 1
}

#[allow(clippy::unnecessary_wraps)]
/// The line on which a spanned value starts.
pub(crate) fn spanned_line<T>(text: &str, value: &toml::Spanned<T>) -> Option<usize> {
    // Always known for a value read from TOML; an Option for data_error.
    Some(line_of(text, value.span().start))
}

/// The path segment `toml::Spanned` adds inside a spanned value.
const SPANNED_SEGMENT: &str = "$__serde_spanned_private_value.";

/// Parse a TOML document; an error names the file, line and key.
pub fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    // Fast path first; only a bad file pays for tracking the key path.
    if let Ok(parsed) = toml::from_str(text) {
        return Ok(parsed);
    }
    let error = |key: String, inner: &toml::de::Error| Error::Data {
        file: file.to_string(),
        line: inner.span().map(|span| line_of(text, span.start)),
        key,
        message: inner.message().to_string(),
    };
    let deserializer = toml::Deserializer::parse(text).map_err(|e| error(String::new(), &e))?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        // A spanned value adds a private segment to the path; the user
        // wrote the key without it.
        let key = e.path().to_string().replace(SPANNED_SEGMENT, "");
        error(key.trim_end_matches('.').to_string(), e.inner())
    })
}
