//! Where a batch comes from: the file or standard input, whose read
//! errors name it, the format it is read as and the export's names for
//! fields; read in chunks through the one pipeline.

use std::fs::File;
use std::io::{self, Read};

use anyhow::Context as _;
use clap::ValueEnum;
use slacalc::frame::{Chunk, LineError, ReadError, CHUNK_BYTES};
use slacalc::input::escaped;
use slacalc::load::DataSet;
use slacalc::record::{self, Columns, FieldMap, Record, TicketFields, Tickets};
use slacalc::resolve::Resolver;

/// Where a batch comes from: the file (`-`: standard input), its format if
/// given, and the export's own names for fields (`--map FIELD=COLUMN`).
pub struct Source<'a> {
    pub path: &'a str,
    pub format: Option<InputFormat>,
    pub map: &'a [String],
}

impl Source<'_> {
    /// The export's names for fields (`--map`), read.
    pub fn field_map(&self) -> anyhow::Result<FieldMap> {
        FieldMap::parse(self.map).context("--map")
    }

    /// Read the source's `R` records in chunks under the field map `map`,
    /// have `jobs` workers (each with its own `work`, made by `make`) make
    /// something of each, and give those to `take` in input order. A
    /// reading error comes after every chunk read before it was taken; a
    /// CSV header that does not give what `R` records need comes before
    /// any.
    pub fn chunks<R: Record, T, W>(
        &self,
        map: &FieldMap,
        jobs: usize,
        make: &(dyn Fn() -> W + Sync),
        take: impl FnMut(T) -> anyhow::Result<()>,
    ) -> anyhow::Result<()>
    where
        T: Send,
        W: FnMut(&Chunk<Columns>, &FieldMap) -> anyhow::Result<T>,
    {
        let input = open(self.path)?;
        let format = format_of(self.path, self.format);
        slacalc::pipeline::pipeline(
            jobs,
            move |ship| {
                record::chunks::<R, _>(input, format, map, CHUNK_BYTES, ship).map_err(stopped)
            },
            &|| {
                let mut each = make();
                move |chunk: Chunk<Columns>| each(&chunk, map)
            },
            take,
        )
    }

    /// The source's ticket rows on `jobs` workers, each with its own
    /// resolver: `each` folds a chunk's rows (each its file line and its
    /// fields, or why the line holds none) into a part, and `take` gets
    /// the parts in input order.
    pub fn ticket_rows<'d, P: Default + Send>(
        &self,
        data: &'d DataSet,
        now: chrono::DateTime<chrono::Utc>,
        jobs: usize,
        each: &RowFold<'_, 'd, P>,
        take: impl FnMut(P) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.chunks::<Tickets, _, _>(
            &self.field_map()?,
            jobs,
            &|| {
                let mut names = Resolver::new(data, now);
                move |chunk: &Chunk<Columns>, map: &FieldMap| {
                    let mut part = P::default();
                    record::read_chunk::<Tickets, anyhow::Error>(chunk, map, |line, fields| {
                        each(&mut part, &mut names, line, fields);
                        Ok(())
                    })?;
                    Ok(part)
                }
            },
            take,
        )
    }
}

/// What folds a ticket row (its file line and fields, or why the line
/// holds none) into a worker's part, with the worker's resolver.
pub type RowFold<'a, 'd, P> =
    dyn Fn(&mut P, &mut Resolver<'d>, u64, Result<TicketFields<'_>, LineError>) + Sync + 'a;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object per line
    Jsonl,
    /// A header row, then one ticket per row
    Csv,
}

impl From<InputFormat> for slacalc::frame::InputFormat {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Jsonl => slacalc::frame::InputFormat::Jsonl,
            InputFormat::Csv => slacalc::frame::InputFormat::Csv,
        }
    }
}

/// The format given, or else the one of the path's extension (`.csv`;
/// `.jsonl`, `.ndjson`, `.json`), or else told from the first character
/// (standard input, `.txt` and the like).
fn format_of(path: &str, given: Option<InputFormat>) -> slacalc::frame::InputFormat {
    if let Some(given) = given {
        return given.into();
    }
    let extension = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if extension.as_deref() == Some("csv") {
        slacalc::frame::InputFormat::Csv
    } else if matches!(extension.as_deref(), Some("jsonl" | "ndjson" | "json")) {
        slacalc::frame::InputFormat::Jsonl
    } else {
        slacalc::frame::InputFormat::Detect
    }
}

/// The input (`-` for stdin), whose read errors name it.
fn open(path: &str) -> anyhow::Result<Named> {
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

/// What stopped reading, as the CLI reports it: a header that cannot be
/// used is bad input; one whose columns do not fit says how to name them.
pub fn stopped(error: ReadError<anyhow::Error>) -> anyhow::Error {
    match error {
        ReadError::Io(e) => e.into(),
        ReadError::Header { line, message } => {
            slacalc::Error::value(line, format!("line {line}: {message}")).into()
        }
        ReadError::Columns { line, message } => slacalc::Error::value(
            line,
            format!("line {line}: {message}; name the export's column with --map FIELD=COLUMN"),
        )
        .into(),
        ReadError::Each(e) => e,
    }
}
