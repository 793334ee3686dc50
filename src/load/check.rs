//! `check`: every data file read and checked on its own, so that one bad
//! file does not hide the problems of another.

use std::path::Path;

use super::{
    calendar, file_stem, owned, read_folder_each, DataSet, EMBEDDED_CALENDARS, EMBEDDED_PLANS,
};

/// What `check` found in a folder of data files.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub calendar_files: usize,
    pub plan_files: usize,
    /// One line per problem, naming file, line and key.
    pub problems: Vec<String>,
}

/// Check the embedded data files.
pub fn embedded(current_year: i32) -> CheckReport {
    check_files(
        &owned(EMBEDDED_CALENDARS),
        &owned(EMBEDDED_PLANS),
        current_year,
    )
}

/// Check every file of a folder, each on its own, so that one bad file
/// does not hide the problems of another.
pub fn dir(dir: &Path, current_year: i32) -> CheckReport {
    let mut report = CheckReport::default();
    // Every file that can be read is checked; each one that cannot is a
    // problem of its own.
    let mut read = |sub: &str| match read_folder_each(&dir.join(sub)) {
        Ok(Some((files, unreadable))) => {
            report
                .problems
                .extend(unreadable.iter().map(ToString::to_string));
            files
        }
        Ok(None) => Vec::new(),
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
    for (file, text) in calendars {
        let name = file_stem(file).to_lowercase();
        match calendar::checked(&name, file, text) {
            Err(problems) => report
                .problems
                .extend(problems.iter().map(ToString::to_string)),
            Ok(calendar) => {
                for (name, last_year) in calendar.dated_list_ends() {
                    if last_year < current_year {
                        report.problems.push(format!(
                            "{file}: holiday '{name}': its dated list ends in {last_year}, before the current year {current_year}; add the coming years' dates"
                        ));
                    }
                }
            }
        }
    }
    // Every plans file, each read on its own (one that does not parse stops
    // only itself), and what no single file shows: desk names that differ
    // only in case, a plan defined in two files.
    if let Err(problems) = DataSet::checked(calendars, plans) {
        report
            .problems
            .extend(problems.iter().map(ToString::to_string));
    }
    report
}
