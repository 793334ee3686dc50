//! `--format`: the formats there are, and the set each subcommand offers
//! (clap lists and completes only those).

use clap::ValueEnum;

/// The output formats; each subcommand offers those it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Table,
    /// One JSON document for scripts
    Json,
    /// iCalendar
    Ics,
    /// Comma-separated values
    Csv,
}

/// `--format` of a subcommand that writes tables and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// A table for people
    Table,
    /// One JSON document for scripts
    Json,
}

/// `--format` of a subcommand that also writes CSV rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableJsonCsv {
    /// A table for people
    Table,
    /// One JSON document (batch: one object a line) for scripts
    Json,
    /// Comma-separated values
    Csv,
}

/// `--format` of a subcommand that also writes calendar events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableJsonIcs {
    /// A table for people
    Table,
    /// One JSON document for scripts
    Json,
    /// iCalendar events
    Ics,
}

impl From<TableOrJson> for Format {
    fn from(f: TableOrJson) -> Format {
        match f {
            TableOrJson::Table => Format::Table,
            TableOrJson::Json => Format::Json,
        }
    }
}

impl From<TableJsonCsv> for Format {
    fn from(f: TableJsonCsv) -> Format {
        match f {
            TableJsonCsv::Table => Format::Table,
            TableJsonCsv::Json => Format::Json,
            TableJsonCsv::Csv => Format::Csv,
        }
    }
}

impl From<TableJsonIcs> for Format {
    fn from(f: TableJsonIcs) -> Format {
        match f {
            TableJsonIcs::Table => Format::Table,
            TableJsonIcs::Json => Format::Json,
            TableJsonIcs::Ics => Format::Ics,
        }
    }
}
