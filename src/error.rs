//! The library's one error type. Its kinds say what they are about: a data
//! file (file, line, key), a name the data does not know, a value given
//! (the value as given, and what is wrong with it), something the data set
//! lacks, and the limits a computation ran into. None names a flag: the
//! command line knows which flag gave a value.

use std::borrow::Cow;
use std::fmt;

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// A data file (calendar, plan, catalogue) is malformed.
    #[error("{}", format_data(file, *line, key, message))]
    Data {
        file: String,
        line: Option<usize>,
        key: String,
        message: String,
    },
    /// A name (desk, plan, priority, product) that the data does not know.
    #[error("unknown {kind} '{name}'{}; known {}: {}", suggestion(suggest.as_deref()), plural(kind), known.join(", "))]
    UnknownName {
        kind: &'static str,
        name: String,
        suggest: Option<String>,
        known: Vec<String>,
    },
    /// A value given (typed, or read from a batch line) that cannot be
    /// used: the value as given, and the message saying what is wrong.
    #[error("{message}")]
    Value { value: String, message: String },
    /// The data set lacks what a computation needs (renewal rules, an
    /// escalation matrix, weekly hours for a year).
    #[error("{0}")]
    Lacking(String),
    /// A dated holiday list does not cover a year the computation needs.
    #[error("calendar '{calendar}' has no dates for holiday '{holiday}' in {year} (its list covers {first_year}-{last_year}); add that year's dates to the calendar file")]
    NoHolidayData {
        calendar: String,
        holiday: String,
        year: i32,
        first_year: i32,
        last_year: i32,
    },
    /// The calendar has no open time for a very long stretch.
    #[error(
        "calendar '{calendar}' has no open time on the {clock} clock within 10 years after {from}"
    )]
    NoOpenTime {
        calendar: String,
        clock: String,
        from: String,
    },
    /// A walk found no answer within a century of its start.
    #[error(
        "calendar '{calendar}' gives no answer on the {clock} clock within a century {direction} {from}"
    )]
    BeyondHorizon {
        calendar: String,
        clock: String,
        /// `after` (counting forward) or `before` (counting back).
        direction: &'static str,
        from: String,
    },
    /// An instant given for a ticket lies before its opening (both shown
    /// at the desk's offset).
    #[error("{what} {at} is before the ticket was opened ({opened})")]
    BeforeOpening {
        what: &'static str,
        at: String,
        opened: String,
    },
    /// A duration in days, months or years where business time is asked
    /// for (the duration as given, escaped).
    #[error("'{0}': days, months or years are not business time; give hours (PT40H) or count business days")]
    CalendarDuration(String),
    /// A computation would leave the range of representable dates.
    #[error("{0}: the result is outside the supported years")]
    OutOfRange(String),
}

/// A value as it may be echoed in a message: control characters (and the
/// Unicode line and paragraph separators) escaped as Rust writes them
/// (`\n`, `\u{1b}`), so that a message stays one line and a value cannot
/// forge output. Other text is left as it is.
pub fn escaped(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn format_data(file: &str, line: Option<usize>, key: &str, message: &str) -> String {
    let mut out = file.to_string();
    if let Some(line) = line {
        out = format!("{out}:{line}");
    }
    if !key.is_empty() && key != "." {
        out = format!("{out}: key '{key}'");
    }
    out.push_str(": ");
    // A message must stay on one line.
    out.push_str(&message.replace('\n', " "));
    out
}

fn plural(kind: &str) -> String {
    match kind.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{kind}s"),
    }
}

fn suggestion(suggest: Option<&str>) -> String {
    suggest.map_or_else(String::new, |s| format!(" (did you mean '{s}'?)"))
}

impl Error {
    /// A value that cannot be used, and why (the message names it).
    pub fn value(value: impl fmt::Display, message: impl Into<String>) -> Error {
        Error::Value {
            value: value.to_string(),
            message: message.into(),
        }
    }

    /// A value that cannot be used, the message made around the value as
    /// it may be echoed (control characters escaped: one line).
    pub fn echoed(value: &str, message: impl FnOnce(&str) -> String) -> Error {
        Error::value(value, message(&escaped(value)))
    }

    /// An unknown-name error, suggesting the nearest known name.
    pub fn unknown(
        kind: &'static str,
        name: &str,
        known: impl IntoIterator<Item = impl fmt::Display>,
    ) -> Error {
        let known: Vec<String> = known.into_iter().map(|k| k.to_string()).collect();
        let lower = name.to_lowercase();
        let suggest = known
            .iter()
            .map(|k| (strsim::jaro_winkler(&lower, &k.to_lowercase()), k))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k.clone());
        Error::UnknownName {
            kind,
            name: name.to_string(),
            suggest,
            known,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
