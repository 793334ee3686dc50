//! The fields an input record may hold, as exports name them: a header or
//! key read as a field (case, `-`, `_` and space alike), the export's own
//! names (`--map FIELD=COLUMN`), and the columns of a CSV header.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};
use crate::input;

/// A JSON number read as a float: refused when it stands for a whole
/// number too long to be kept exactly (an id of 20 digits, say), so that
/// no value is changed in passing.
pub(crate) fn exact_number<E: serde::de::Error>(v: f64) -> Result<f64, E> {
    // 2^53: past it, not every whole number has a float of its own.
    if v.fract() == 0.0 && v.abs() >= 9_007_199_254_740_992.0 {
        return Err(E::custom(
            "a whole number too long to be kept exactly: give it as a text, in quotes",
        ));
    }
    Ok(v)
}

/// A string, borrowed from the input unless it had to be unescaped.
pub(crate) struct Text<'a>(pub Cow<'a, str>);

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

/// `a; b; c`, trimmed, empty items dropped.
pub(crate) fn split_list(text: Cow<str>) -> Vec<Cow<str>> {
    fn items(text: &str) -> impl Iterator<Item = &str> {
        text.split(';').map(str::trim).filter(|s| !s.is_empty())
    }
    match text {
        Cow::Borrowed(text) => items(text).map(Cow::Borrowed).collect(),
        Cow::Owned(text) => items(&text).map(|s| Cow::Owned(s.to_string())).collect(),
    }
}

/// A field of [`TicketFields`], as batch input names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Plan,
    Priority,
    Event,
    Release,
    Desk,
    Opened,
    Pauses,
    PriorityChanges,
    At,
    Responded,
    Notified,
    Closed,
    /// Event logs: the ticket an event is about (`id` too).
    Ticket,
    /// Event logs: what happened.
    Type,
    /// Event logs: the status a ticket enters.
    Status,
    /// Event logs: the holder an escalation reached.
    To,
    /// The column an audit groups by (`--by`), when it is no field.
    By,
}

impl Field {
    pub(crate) const ALL: [Field; 17] = [
        Field::Id,
        Field::Plan,
        Field::Priority,
        Field::Event,
        Field::Release,
        Field::Desk,
        Field::Opened,
        Field::Pauses,
        Field::PriorityChanges,
        Field::At,
        Field::Responded,
        Field::Notified,
        Field::Closed,
        Field::Ticket,
        Field::Type,
        Field::Status,
        Field::To,
    ];

    /// The field's name in JSON Lines keys and CSV headers.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Plan => "plan",
            Field::Priority => "priority",
            Field::Event => "event",
            Field::Release => "release",
            Field::Desk => "desk",
            Field::Opened => "opened",
            Field::Pauses => "pauses",
            Field::PriorityChanges => "priority_changes",
            Field::At => "at",
            Field::Responded => "responded",
            Field::Notified => "notified",
            Field::Closed => "closed",
            Field::Ticket => "ticket",
            Field::Type => "type",
            Field::Status => "status",
            Field::To => "to",
            Field::By => "by",
        }
    }

    /// The field a header names: case does not matter, and `_`, `-` and
    /// space are alike (SPEC §9).
    pub fn from_header(header: &str) -> Option<Field> {
        let header = header.trim();
        Field::ALL.into_iter().find(|f| is_named(header, f.name()))
    }

    /// What a value of the field must be, in the user's words.
    pub(crate) fn expected(self) -> &'static str {
        match self {
            Field::Id => "a value",
            Field::Pauses => "a list of START/END texts or one text separated by ';'",
            Field::PriorityChanges => "a list of TIME=PRIORITY texts or one text separated by ';'",
            _ => "a text",
        }
    }
}

/// A header or key as compared: trimmed, in lower case, with `-` and space
/// read as `_`.
pub(crate) fn normal_name(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether a trimmed `header`, as compared, is the normal name `normal`
/// (the same as `normal_name(header) == normal`, without making a string).
pub(crate) fn is_named(header: &str, normal: &str) -> bool {
    let normal_byte = |b: u8| match b {
        b'-' | b' ' => b'_',
        b => b.to_ascii_lowercase(),
    };
    header.len() == normal.len()
        && header
            .bytes()
            .zip(normal.bytes())
            .all(|(h, n)| normal_byte(h) == n)
}

/// The export's own names for fields (`--map FIELD=COLUMN`, SPEC §9): a
/// mapped field is read from its column only.
#[derive(Debug, Clone, Default)]
pub struct FieldMap {
    columns: Vec<Mapped>,
    /// The column an audit groups by, when it names no field.
    by: Option<String>,
}

/// A field and the column it is read from.
#[derive(Debug, Clone)]
struct Mapped {
    field: Field,
    /// The column's name as compared ([`normal_name`]).
    column: String,
    /// The column's name as given, trimmed.
    given: String,
}

impl FieldMap {
    /// From `FIELD=COLUMN` texts. A field given two columns, or a column
    /// given for two fields, is an error.
    pub fn parse(specs: &[impl AsRef<str>]) -> Result<FieldMap> {
        let mut columns: Vec<Mapped> = Vec::new();
        for spec in specs {
            let spec = spec.as_ref();
            let known = || Field::ALL.map(Field::name).join(", ");
            let (field, column) = spec.split_once('=').ok_or_else(|| {
                Error::value(
                    spec,
                    format!(
                        "'{}' is not FIELD=COLUMN, like opened=\"Created at\"",
                        input::escaped(spec)
                    ),
                )
            })?;
            let field = Field::from_header(field).ok_or_else(|| {
                Error::value(
                    spec,
                    format!(
                        "'{}' is not a field; fields: {}",
                        input::escaped(field),
                        known()
                    ),
                )
            })?;
            let mapped = Mapped {
                field,
                column: normal_name(column),
                given: column.trim().to_string(),
            };
            if let Some(before) = columns.iter().find(|m| m.field == field) {
                return Err(Error::value(
                    spec,
                    format!(
                        "{} is given two columns, '{}' and '{}'",
                        field.name(),
                        input::escaped(&before.given),
                        input::escaped(&mapped.given)
                    ),
                ));
            }
            if let Some(before) = columns.iter().find(|m| m.column == mapped.column) {
                return Err(Error::value(
                    spec,
                    format!(
                        "{} and {} are both given the column '{}'",
                        before.field.name(),
                        field.name(),
                        input::escaped(&mapped.given)
                    ),
                ));
            }
            columns.push(mapped);
        }
        Ok(FieldMap { columns, by: None })
    }

    /// Also keep the column `by` (of any name, a field's too) as the value
    /// an audit groups by (`--by`).
    #[must_use]
    pub fn keeping(mut self, by: &str) -> FieldMap {
        self.by = Some(normal_name(by));
        self
    }

    /// Whether a header or key is the column kept for `--by`.
    pub fn is_by(&self, header: &str) -> bool {
        self.by
            .as_deref()
            .is_some_and(|by| is_named(header.trim(), by))
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The field a header or key holds: a mapped column's field, else the
    /// field it names unless that field is mapped to another column.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let header = header.trim();
        if let Some(mapped) = self.columns.iter().find(|m| is_named(header, &m.column)) {
            return Some(mapped.field);
        }
        Field::from_header(header)
            .filter(|f| !self.columns.iter().any(|m| m.field == *f))
            .or_else(|| self.is_by(header).then_some(Field::By))
    }
}

/// Which field each column of a CSV header holds; other columns are
/// ignored (SPEC §9).
#[derive(Debug, Clone)]
pub struct Columns {
    fields: Vec<Option<Field>>,
    /// The column kept for `--by`, when the header has it.
    by: Option<usize>,
}

impl Columns {
    /// The columns of a header row; a field named twice, or a column
    /// `map` names that the header lacks, is an error.
    pub fn new<'h>(
        headers: impl IntoIterator<Item = &'h str>,
        map: &FieldMap,
    ) -> Result<Columns, String> {
        let headers: Vec<&str> = headers.into_iter().collect();
        let absent: Vec<String> = map
            .columns
            .iter()
            .filter(|m| !headers.iter().any(|h| is_named(h.trim(), &m.column)))
            .map(|m| format!("'{}' (for {})", input::escaped(&m.given), m.field.name()))
            .collect();
        if !absent.is_empty() {
            return Err(format!("the header has no column {}", absent.join(" or ")));
        }
        let fields: Vec<Option<Field>> = headers.iter().map(|h| map.field_of(h)).collect();
        for (i, field) in fields.iter().enumerate() {
            if let Some(field) = field {
                if let Some(j) = fields[..i].iter().position(|f| f == &Some(*field)) {
                    return Err(format!(
                        "the header names {} twice (columns {} and {})",
                        field.name(),
                        j + 1,
                        i + 1
                    ));
                }
            }
        }
        let by = headers.iter().position(|h| map.is_by(h));
        Ok(Columns { fields, by })
    }

    /// The field of each column, in order (`None`: a column ignored).
    pub fn fields(&self) -> impl Iterator<Item = Option<Field>> + '_ {
        self.fields.iter().copied()
    }

    /// The column kept for `--by`, when the header has it.
    pub fn by(&self) -> Option<usize> {
        self.by
    }

    /// Whether a column holds `field`.
    pub fn has(&self, field: Field) -> bool {
        self.fields.contains(&Some(field))
    }

    /// How many columns the header has.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether the header has no column at all.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Header-like text: letters in both cases, the separators `normal_name`
    /// folds, Unicode whitespace and a non-ASCII letter.
    fn header() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                'a', 'B', 'c', 'D', '-', '_', ' ', '\t', '\u{a0}', 'é', 'É',
            ]),
            0..8,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn is_named_compares_as_normal_name_does(h in header(), other in header()) {
            // Against the header's own normal name, and another one's.
            for normal in [normal_name(&h), normal_name(&other)] {
                prop_assert_eq!(is_named(h.trim(), &normal), normal_name(&h) == normal);
            }
        }
    }
}
