//! Batch mode: tickets as JSON Lines or CSV in, one JSON object per line out,
//! in input order and in constant memory. A bad line yields an error object
//! in its place and the rest go on.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

use clap::ValueEnum;
use serde::{Deserialize, Deserializer};

use slacalc::deadline::Ticket;
use slacalc::escalation::PriorityChange;
use slacalc::input;
use slacalc::proactive::Release;

use super::{one_line, parse_pauses, Context};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object per line
    Jsonl,
    /// A header row, then one ticket per row
    Csv,
}

/// A ticket as given on the command line or on one line of a batch file.
/// Its text borrows from the line where it can: batches read millions.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketFields<'a> {
    /// Passed through to the output, to match lines up.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(borrow, deserialize_with = "text")]
    pub plan: Cow<'a, str>,
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub priority: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub event: Option<Cow<'a, str>>,
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub release: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub desk: Cow<'a, str>,
    #[serde(borrow, deserialize_with = "text")]
    pub opened: Cow<'a, str>,
    /// `A/B` intervals: a JSON list, or one string separated by `;`.
    #[serde(default, borrow, deserialize_with = "list")]
    pub pauses: Vec<Cow<'a, str>>,
    /// `TIME=PR` changes, like `pauses`.
    #[serde(default, borrow, deserialize_with = "list")]
    pub priority_changes: Vec<Cow<'a, str>>,
    /// `escalate`: the moment to ask about.
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub at: Option<Cow<'a, str>>,
    /// `audit`: when the first response was given.
    #[serde(default, borrow, deserialize_with = "non_empty")]
    pub responded: Option<Cow<'a, str>>,
}

/// A string, borrowed from the input unless it had to be unescaped.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visitor)
    }
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    Ok(Text::deserialize(d)?.0)
}

fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?
        .map(|t| t.0)
        .filter(|s| !s.trim().is_empty()))
}

fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Cow<'de, str>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ListOrText<'a> {
        List(#[serde(borrow)] Vec<Text<'a>>),
        Text(#[serde(borrow)] Text<'a>),
    }
    Ok(match Option::<ListOrText>::deserialize(d)? {
        None => Vec::new(),
        Some(ListOrText::List(items)) => items.into_iter().map(|t| t.0).collect(),
        Some(ListOrText::Text(text)) => split_list(text.0),
    })
}

/// `a; b; c`, trimmed, empty items dropped.
fn split_list(text: Cow<str>) -> Vec<Cow<str>> {
    fn items(text: &str) -> impl Iterator<Item = &str> {
        text.split(';').map(str::trim).filter(|s| !s.is_empty())
    }
    match text {
        Cow::Borrowed(text) => items(text).map(Cow::Borrowed).collect(),
        Cow::Owned(text) => items(&text).map(|s| Cow::Owned(s.to_string())).collect(),
    }
}

impl TicketFields<'_> {
    /// The ticket and its priority changes, times read in the desk's zone.
    pub fn parse(&self, context: &Context) -> slacalc::Result<(Ticket, Vec<PriorityChange>)> {
        let zone = context.data.desk(&self.desk)?.zone;
        let priority = match (&self.priority, &self.event) {
            (Some(priority), _) => priority.to_string(),
            (None, Some(id)) => {
                let event = context.data.event(id)?;
                let rules = context.data.proactive.as_ref().ok_or_else(|| {
                    slacalc::Error::Input(
                        "the plans file has no [proactive] eligibility rules".into(),
                    )
                })?;
                let release = self.release.as_deref().map(Release::parse).transpose()?;
                rules.check(&context.data.plan(&self.plan)?.name, release)?;
                event.priority.clone()
            }
            (None, None) => {
                return Err(slacalc::Error::Input("give a priority or an event".into()))
            }
        };
        let ticket = Ticket {
            plan: self.plan.to_string(),
            priority,
            desk: self.desk.to_string(),
            opened: input::instant(&self.opened, zone, context.now)?,
            pauses: parse_pauses(&self.pauses, zone, context.now)?,
        };
        let changes = self
            .priority_changes
            .iter()
            .map(|text| {
                let (at, priority) = text.split_once('=').ok_or_else(|| {
                    slacalc::Error::Input(format!(
                        "priority change '{text}' is not TIME=PRIORITY, like 2026-11-23T10:00=P1"
                    ))
                })?;
                Ok(PriorityChange {
                    at: input::instant(at, zone, context.now)?,
                    priority: priority.trim().to_string(),
                })
            })
            .collect::<slacalc::Result<Vec<_>>>()?;
        Ok((ticket, changes))
    }
}

/// Where the error of a bad line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPlacement {
    /// An error object in the line's place in the output.
    InPlace,
    /// A line on stderr (output formats that cannot hold an error object).
    Stderr,
}

/// Some lines of a batch failed; each was reported with its line number.
#[derive(Debug, thiserror::Error)]
#[error("{failed} of {total} input lines failed")]
pub struct BatchFailed {
    pub failed: u64,
    pub total: u64,
}

fn open(path: &str) -> anyhow::Result<Box<dyn Read>> {
    if path == "-" {
        return Ok(Box::new(io::stdin()));
    }
    let file = File::open(path)
        .map_err(|e| slacalc::Error::Input(format!("cannot read --input {path}: {e}")))?;
    Ok(Box::new(file))
}

/// Run `each` over every ticket of the input, writing one line per ticket:
/// its JSON result, or `{"line": N, "error": "..."}`.
pub fn run(
    path: &str,
    format: Option<InputFormat>,
    errors: ErrorPlacement,
    out: &mut dyn Write,
    mut each: impl FnMut(&TicketFields, &mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let format = format.unwrap_or(if path.to_ascii_lowercase().ends_with(".csv") {
        InputFormat::Csv
    } else {
        InputFormat::Jsonl
    });
    let mut reader = BufReader::with_capacity(1 << 16, open(path)?);
    // Output lines gather here and go out in chunks; a line that fails is
    // cut back to where it began and its error takes its place.
    let mut pending = Vec::with_capacity(OUT_CHUNK * 2);
    let (mut total, mut failed) = (0u64, 0u64);
    let mut emit = |line: u64,
                    fields: Result<TicketFields<'_>, String>,
                    out: &mut dyn Write|
     -> anyhow::Result<()> {
        total += 1;
        let start = pending.len();
        let result = match fields {
            Ok(fields) => each(&fields, &mut pending).map_err(|e| one_line(&e)),
            Err(message) => Err(message),
        };
        if let Err(message) = result {
            failed += 1;
            pending.truncate(start);
            if errors == ErrorPlacement::Stderr {
                eprintln!("slacalc: line {line}: {message}");
                return Ok(());
            }
            serde_json::to_writer(
                &mut pending,
                &serde_json::json!({ "line": line, "error": message }),
            )?;
        }
        pending.push(b'\n');
        if pending.len() >= OUT_CHUNK {
            out.write_all(&pending)?;
            pending.clear();
        }
        Ok(())
    };
    // Finished lines are written out even when reading stops on an error.
    let read = (|| -> anyhow::Result<()> {
        match format {
            InputFormat::Jsonl => {
                let mut number = 0;
                // A line that straddles the reader's buffer is copied here;
                // the others are read where they lie.
                let mut straddling = Vec::new();
                loop {
                    let buffer = reader.fill_buf()?;
                    if buffer.is_empty() {
                        break;
                    }
                    number += 1;
                    let (line, used) = if let Some(end) = memchr::memchr(b'\n', buffer) {
                        (&buffer[..end], end + 1)
                    } else {
                        straddling.clear();
                        reader.read_until(b'\n', &mut straddling)?;
                        (&straddling[..], 0)
                    };
                    // Blank lines are skipped, but counted.
                    if !is_blank(line) {
                        emit(number, ticket_line(number, line), out)?;
                    }
                    reader.consume(used);
                }
            }
            InputFormat::Csv => {
                let mut csv = csv::ReaderBuilder::new()
                    .trim(csv::Trim::All)
                    .from_reader(reader);
                let headers = csv.headers()?.clone();
                let mut record = csv::StringRecord::new();
                // Line numbers count the newlines inside quoted fields too
                // (blank lines, which CSV skips, are not counted).
                let mut next_line = 2 + newlines(&headers);
                loop {
                    let number = next_line;
                    let fields = match csv.read_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) => {
                            next_line += 1 + newlines(&record);
                            record
                                .deserialize::<TicketFields>(Some(&headers))
                                .map_err(|e| format!("line {number}: {e}"))
                        }
                        Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => return Err(e.into()),
                        Err(e) => {
                            next_line += 1;
                            Err(e.to_string())
                        }
                    };
                    emit(number, fields, out)?;
                }
            }
        }
        Ok(())
    })();
    out.write_all(&pending)?;
    out.flush()?;
    read?;
    if failed > 0 {
        return Err(BatchFailed { failed, total }.into());
    }
    Ok(())
}

/// A line with nothing but white space (Unicode's, as `str::trim` sees it).
fn is_blank(line: &[u8]) -> bool {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|text| text.trim().is_empty()),
    }
}

fn newlines(record: &csv::StringRecord) -> u64 {
    memchr::memchr_iter(b'\n', record.as_slice().as_bytes()).count() as u64
}

/// Output is written in chunks of about this many bytes.
const OUT_CHUNK: usize = 1 << 16;

/// The ticket on one line of JSON Lines input.
fn ticket_line(number: u64, line: &[u8]) -> Result<TicketFields<'_>, String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("line {number} is not UTF-8 text: {e}"))?;
    serde_json::from_str(text).map_err(|e| format!("line {number}: {e}"))
}
