//! Where a batch comes from: the file or standard input, whose read
//! errors name it, and the format it is read as.

use std::fs::File;
use std::io::{self, Read};

use clap::ValueEnum;
use slacalc::input::escaped;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object per line
    Jsonl,
    /// A header row, then one ticket per row
    Csv,
}

impl From<InputFormat> for slacalc::batch::InputFormat {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Jsonl => slacalc::batch::InputFormat::Jsonl,
            InputFormat::Csv => slacalc::batch::InputFormat::Csv,
        }
    }
}

/// The format given, or else the one of the path's extension (`.csv`;
/// `.jsonl`, `.ndjson`, `.json`), or else told from the first character
/// (standard input, `.txt` and the like).
pub fn format_of(path: &str, given: Option<InputFormat>) -> slacalc::batch::InputFormat {
    if let Some(given) = given {
        return given.into();
    }
    let extension = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if extension.as_deref() == Some("csv") {
        slacalc::batch::InputFormat::Csv
    } else if matches!(extension.as_deref(), Some("jsonl" | "ndjson" | "json")) {
        slacalc::batch::InputFormat::Jsonl
    } else {
        slacalc::batch::InputFormat::Detect
    }
}

/// The input (`-` for stdin), whose read errors name it.
pub fn open(path: &str) -> anyhow::Result<Named> {
    let cannot = |why: &dyn std::fmt::Display| {
        slacalc::Error::value(path, format!("cannot read '{}': {why}", escaped(path)))
    };
    let inner: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        let file = File::open(path).map_err(|e| cannot(&e))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(cannot(&"it is a directory").into());
        }
        Box::new(file)
    };
    Ok(Named {
        inner,
        path: escaped(path).into_owned(),
    })
}

/// The input, whose read errors name it.
pub struct Named {
    inner: Box<dyn Read + Send>,
    path: String,
}

impl Read for Named {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner
            .read(buf)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot read '{}': {e}", self.path)))
    }
}
