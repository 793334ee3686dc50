//! A ticket: its text (the flags of one call, or one line of a batch file)
//! resolved once into references into the data set, its instants read in
//! the desk's zone. Nothing downstream looks a name up again.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

use crate::calendar::Calendar;
use crate::clock::Pauses;
use crate::error::{Error, Result};
use crate::input;
use crate::load::DataSet;
use crate::plan::{Plan, Priority};
use crate::proactive::Release;

/// A ticket as given on the command line or on one line of a batch file.
/// Its text borrows from the line where it can: batches read millions.
/// Other fields of an export are ignored (SPEC §9).
#[derive(Debug, Clone, Default)]
pub struct TicketFields<'a> {
    /// Passed through to the output, to match lines up.
    pub id: Option<serde_json::Value>,
    pub plan: Cow<'a, str>,
    pub priority: Option<Cow<'a, str>>,
    pub desk: Cow<'a, str>,
    pub opened: Cow<'a, str>,
    /// `A/B` intervals: a JSON list, or one string separated by `;`.
    pub pauses: Vec<Cow<'a, str>>,
    /// The fields most tickets lack, kept apart: a ticket moves whole from
    /// reading to computing, and most have only the fields above.
    pub more: Option<Box<MoreFields<'a>>>,
}

/// The fields of a ticket that most lines of a batch do not have.
#[derive(Debug, Clone, Default)]
pub struct MoreFields<'a> {
    /// A proactive event instead of a priority, and the suite release.
    pub event: Option<Cow<'a, str>>,
    pub release: Option<Cow<'a, str>>,
    /// `TIME=PR` changes, like `pauses`.
    pub priority_changes: Vec<Cow<'a, str>>,
    /// `escalate`: the moment to ask about.
    pub at: Option<Cow<'a, str>>,
    /// `audit`: when the first response was given.
    pub responded: Option<Cow<'a, str>>,
    /// `audit`, `queue`: when the P1 notification was sent.
    pub notified: Option<Cow<'a, str>>,
    /// `audit`, `queue`: when the ticket was closed.
    pub closed: Option<Cow<'a, str>>,
}

/// No more fields.
static NO_MORE: MoreFields<'static> = MoreFields {
    event: None,
    release: None,
    priority_changes: Vec::new(),
    at: None,
    responded: None,
    notified: None,
    closed: None,
};

impl<'a> TicketFields<'a> {
    /// The fields most tickets lack (all absent if none was given).
    pub fn more(&self) -> &MoreFields<'a> {
        self.more.as_deref().unwrap_or(&NO_MORE)
    }

    /// The same, to set one.
    pub fn more_mut(&mut self) -> &mut MoreFields<'a> {
        self.more.get_or_insert_with(Box::default)
    }
}

impl<'de> Deserialize<'de> for TicketFields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(FieldsVisitor)
    }
}

/// Reads a JSON object's keys as fields: a field given twice or a missing
/// plan, desk or opening is an error as serde words it; other keys are
/// ignored.
struct FieldsVisitor;

impl<'de> serde::de::Visitor<'de> for FieldsVisitor {
    type Value = TicketFields<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("struct TicketFields")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error as _;
        struct Key(Option<Field>);
        impl<'de> Deserialize<'de> for Key {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct KeyVisitor;
                impl serde::de::Visitor<'_> for KeyVisitor {
                    type Value = Key;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str("a field name")
                    }
                    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
                        Ok(Key(Field::ALL.into_iter().find(|f| f.name() == v)))
                    }
                }
                d.deserialize_identifier(KeyVisitor)
            }
        }
        struct TextValue<'a>(Cow<'a, str>);
        impl<'de> Deserialize<'de> for TextValue<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                text(d).map(TextValue)
            }
        }
        struct NonEmpty<'a>(Option<Cow<'a, str>>);
        impl<'de> Deserialize<'de> for NonEmpty<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                non_empty(d).map(NonEmpty)
            }
        }
        struct List<'a>(Vec<Cow<'a, str>>);
        impl<'de> Deserialize<'de> for List<'de> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                list(d).map(List)
            }
        }
        let mut fields = TicketFields::default();
        let mut seen = 0u32;
        while let Some(Key(field)) = map.next_key::<Key>()? {
            let Some(field) = field else {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            };
            let bit = 1u32 << (field as u32);
            if seen & bit != 0 {
                return Err(A::Error::duplicate_field(field.name()));
            }
            seen |= bit;
            match field {
                Field::Id => {
                    fields.id = map.next_value()?;
                    if let Some(serde_json::Value::Number(n)) = &fields.id {
                        n.as_f64()
                            .filter(|_| n.is_f64())
                            .map(exact_number::<A::Error>)
                            .transpose()
                            .map_err(|e| A::Error::custom(format!("id: {e}")))?;
                    }
                }
                Field::Plan => fields.plan = map.next_value::<TextValue>()?.0,
                Field::Desk => fields.desk = map.next_value::<TextValue>()?.0,
                Field::Opened => fields.opened = map.next_value::<TextValue>()?.0,
                Field::Priority => fields.priority = map.next_value::<NonEmpty>()?.0,
                Field::Pauses => fields.pauses = map.next_value::<List>()?.0,
                Field::PriorityChanges => {
                    let list = map.next_value::<List>()?.0;
                    if !list.is_empty() {
                        fields.more_mut().priority_changes = list;
                    }
                }
                Field::Event
                | Field::Release
                | Field::At
                | Field::Responded
                | Field::Notified
                | Field::Closed => {
                    let Some(text) = map.next_value::<NonEmpty>()?.0 else {
                        continue;
                    };
                    let more = fields.more_mut();
                    let slot = match field {
                        Field::Event => &mut more.event,
                        Field::Release => &mut more.release,
                        Field::At => &mut more.at,
                        Field::Responded => &mut more.responded,
                        Field::Notified => &mut more.notified,
                        _ => &mut more.closed,
                    };
                    *slot = Some(text);
                }
                Field::Ticket | Field::Type | Field::Status | Field::To | Field::By => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        for field in [Field::Plan, Field::Desk, Field::Opened] {
            if seen & (1u32 << (field as u32)) == 0 {
                return Err(A::Error::missing_field(field.name()));
            }
        }
        Ok(fields)
    }
}

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

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    Ok(Text::deserialize(d)?.0)
}

fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?
        .map(|t| t.0)
        .filter(|s| !s.trim().is_empty()))
}

fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Cow<'de, str>>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<Cow<'de, str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of texts or one text separated by ';'")
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(split_list(Cow::Borrowed(v)))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(split_list(Cow::Owned(v.to_string())))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(split_list(Cow::Owned(v)))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(16));
            while let Some(Text(item)) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    d.deserialize_any(Visitor)
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
    const ALL: [Field; 17] = [
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
    fn expected(self) -> &'static str {
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
fn normal_name(name: &str) -> String {
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
fn is_named(header: &str, normal: &str) -> bool {
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
    columns: Vec<(Field, String)>,
    /// The column an audit groups by, when it names no field.
    by: Option<String>,
}

impl FieldMap {
    /// From `FIELD=COLUMN` texts.
    pub fn parse(specs: &[impl AsRef<str>]) -> Result<FieldMap> {
        let mut columns = Vec::new();
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
            columns.push((field, normal_name(column)));
        }
        Ok(FieldMap { columns, by: None })
    }

    /// Also read the column `by` (of any name) as [`Field::By`], unless it
    /// names a field, which is read as that field.
    #[must_use]
    pub fn keeping(mut self, by: &str) -> FieldMap {
        if self.field_of(by).is_none() {
            self.by = Some(normal_name(by));
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The field a header or key holds: a mapped column's field, else the
    /// field it names unless that field is mapped to another column.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let header = header.trim();
        if let Some((field, _)) = self.columns.iter().find(|(_, c)| is_named(header, c)) {
            return Some(*field);
        }
        Field::from_header(header)
            .filter(|f| !self.columns.iter().any(|(m, _)| m == f))
            .or_else(|| {
                self.by
                    .as_deref()
                    .is_some_and(|by| is_named(header, by))
                    .then_some(Field::By)
            })
    }
}

/// Which field each column of a CSV header holds; other columns are
/// ignored (SPEC §9).
#[derive(Debug, Clone)]
pub struct Columns {
    fields: Vec<Option<Field>>,
}

impl Columns {
    /// The columns of a header row; a field named twice is an error.
    pub fn new<'h>(
        headers: impl IntoIterator<Item = &'h str>,
        map: &FieldMap,
    ) -> Result<Columns, String> {
        let fields: Vec<Option<Field>> = headers.into_iter().map(|h| map.field_of(h)).collect();
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
        Ok(Columns { fields })
    }

    /// The field of each column, in order (`None`: a column ignored).
    pub fn fields(&self) -> impl Iterator<Item = Option<Field>> + '_ {
        self.fields.iter().copied()
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

impl<'a> TicketFields<'a> {
    /// The ticket on one line of JSON Lines. An error says, in the user's
    /// words, which field is wrong; it names no line (the caller knows it).
    pub fn from_json(text: &'a str, map: &FieldMap) -> Result<TicketFields<'a>, String> {
        if map.is_empty() {
            if let Ok(fields) = serde_json::from_str(text) {
                return Ok(fields);
            }
        }
        // Keys in another case, spelled with `-` or space, or mapped: read
        // them by their fields' names (the slow way, for such lines only).
        let renamed = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
            .ok()
            .map(|object| {
                object
                    .into_iter()
                    .filter_map(|(key, value)| {
                        map.field_of(&key).map(|f| (f.name().to_string(), value))
                    })
                    .collect::<serde_json::Map<String, serde_json::Value>>()
            });
        match renamed {
            Some(object) => {
                let text = serde_json::Value::Object(object).to_string();
                serde_json::from_str::<TicketFields>(&text)
                    .map(TicketFields::into_owned)
                    .map_err(|e| json_error(&text, &e))
            }
            None => Err(serde_json::from_str::<TicketFields>(text)
                .err()
                .map_or_else(String::new, |e| json_error(text, &e))),
        }
    }

    /// The same fields, owning their text.
    fn into_owned(self) -> TicketFields<'static> {
        fn own(c: Cow<str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        let own_opt = |c: Option<Cow<str>>| c.map(own);
        let own_list = |l: Vec<Cow<str>>| l.into_iter().map(own).collect();
        TicketFields {
            id: self.id,
            plan: own(self.plan),
            priority: own_opt(self.priority),
            desk: own(self.desk),
            opened: own(self.opened),
            pauses: own_list(self.pauses),
            more: self.more.map(|more| {
                Box::new(MoreFields {
                    event: own_opt(more.event),
                    release: own_opt(more.release),
                    priority_changes: own_list(more.priority_changes),
                    at: own_opt(more.at),
                    responded: own_opt(more.responded),
                    notified: own_opt(more.notified),
                    closed: own_opt(more.closed),
                })
            }),
        }
    }

    /// The ticket in one CSV row: every cell is text, as written (an id
    /// `007` stays "007"), trimmed; an empty cell is an absent value. A row
    /// shorter than the header lacks its last values.
    pub fn from_row(
        columns: &Columns,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<TicketFields<'a>, String> {
        let mut fields = TicketFields::default();
        let (mut plan, mut desk, mut opened) = (false, false, false);
        for (field, cell) in columns.fields.iter().zip(cells) {
            let cell = cell.trim();
            let Some(field) = field else { continue };
            if cell.is_empty() {
                continue;
            }
            let text = Cow::Borrowed(cell);
            match field {
                Field::Id => fields.id = Some(serde_json::Value::String(cell.to_string())),
                Field::Plan => (fields.plan, plan) = (text, true),
                Field::Priority => fields.priority = Some(text),
                Field::Event => fields.more_mut().event = Some(text),
                Field::Release => fields.more_mut().release = Some(text),
                Field::Desk => (fields.desk, desk) = (text, true),
                Field::Opened => (fields.opened, opened) = (text, true),
                Field::Pauses => fields.pauses = split_list(text),
                Field::PriorityChanges => fields.more_mut().priority_changes = split_list(text),
                Field::At => fields.more_mut().at = Some(text),
                Field::Responded => fields.more_mut().responded = Some(text),
                Field::Notified => fields.more_mut().notified = Some(text),
                Field::Closed => fields.more_mut().closed = Some(text),
                Field::Ticket | Field::Type | Field::Status | Field::To | Field::By => {}
            }
        }
        for (given, field) in [
            (plan, Field::Plan),
            (desk, Field::Desk),
            (opened, Field::Opened),
        ] {
            if !given {
                return Err(format!("{}: missing", field.name()));
            }
        }
        Ok(fields)
    }
}

/// A JSON Lines error in the user's words: the field and what it must be,
/// or where the JSON breaks (by column: the line is the caller's).
fn json_error(text: &str, error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let message = error.to_string();
    let message = message
        .strip_suffix(&format!(
            " at line {} column {}",
            error.line(),
            error.column()
        ))
        .unwrap_or(&message);
    match error.classify() {
        Category::Eof => format!(
            "not valid JSON: the object is cut short at column {}",
            error.column()
        ),
        Category::Syntax | Category::Io => {
            format!("not valid JSON at column {}: {message}", error.column())
        }
        Category::Data => {
            // Read again, following the path, to learn which field failed.
            let mut json = serde_json::Deserializer::from_str(text);
            let path = match serde_path_to_error::deserialize::<_, TicketFields>(&mut json) {
                Err(e) => e.path().iter().next().cloned(),
                Ok(_) => None,
            };
            let field = match path {
                Some(serde_path_to_error::Segment::Map { key }) => Field::from_header(&key),
                _ => None,
            };
            if let Some(field) = field {
                return format!("{}: expected {}", field.name(), field.expected());
            }
            let quoted = |prefix: &str| {
                message
                    .strip_prefix(prefix)
                    .and_then(|rest| rest.split('`').next())
                    .map(str::to_string)
            };
            if let Some(name) = quoted("missing field `") {
                format!("{name}: missing")
            } else if let Some(name) = quoted("duplicate field `") {
                format!("{name}: given twice")
            } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
                "expected a JSON object with the ticket's fields".to_string()
            } else {
                input::escaped(message).into_owned()
            }
        }
    }
}

/// The priority a ticket had from an instant on.
#[derive(Debug, Clone)]
pub struct PriorityPeriod<'a> {
    pub from: DateTime<Utc>,
    pub priority: &'a Priority,
}

/// A ticket resolved against a data set.
#[derive(Debug, Clone)]
pub struct Ticket<'a> {
    pub plan: &'a Plan,
    pub desk: &'a Calendar,
    pub opened: DateTime<Utc>,
    pub pauses: Pauses,
    /// The priority at the opening.
    pub initial: PriorityPeriod<'a>,
    /// Each change of priority, in time order (most tickets have none).
    pub changes: Vec<PriorityPeriod<'a>>,
    /// The moments a line may give besides the opening (most give none,
    /// and a batch moves each ticket: they are kept apart).
    pub moments: Option<Box<Moments>>,
}

/// What happened to a ticket, or the moment asked about, as a line gives
/// them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moments {
    /// `escalate`: the moment asked about.
    pub at: Option<DateTime<Utc>>,
    /// `audit`: the first response.
    pub responded: Option<DateTime<Utc>>,
    /// `audit`, `queue`: the P1 notification.
    pub notified: Option<DateTime<Utc>>,
    /// `audit`, `queue`: the close.
    pub closed: Option<DateTime<Utc>>,
}

/// Of a first priority period and its changes (in time order), the one in
/// force at `t`: the last to start at or before it (before the first
/// change: the first period).
pub fn period_in_force<'p, 'a>(
    initial: &'p PriorityPeriod<'a>,
    changes: &'p [PriorityPeriod<'a>],
    t: DateTime<Utc>,
) -> &'p PriorityPeriod<'a> {
    changes
        .iter()
        .rev()
        .find(|p| p.from <= t)
        .unwrap_or(initial)
}

impl<'a> Ticket<'a> {
    /// The moments the line gave (none: all absent).
    pub fn moments(&self) -> Moments {
        self.moments.as_deref().copied().unwrap_or_default()
    }

    /// The latest priority: its targets apply, measured from the opening
    /// (SPEC §4).
    pub fn priority(&self) -> &'a Priority {
        self.latest().priority
    }

    /// The latest priority period.
    pub fn latest(&self) -> &PriorityPeriod<'a> {
        self.changes.last().unwrap_or(&self.initial)
    }

    /// The priority period in force at `t` (before the opening: the first).
    pub fn period_at(&self, t: DateTime<Utc>) -> &PriorityPeriod<'a> {
        period_in_force(&self.initial, &self.changes, t)
    }

    /// The opening priority, then each change.
    pub fn history(&self) -> Vec<PriorityPeriod<'a>> {
        std::iter::once(&self.initial)
            .chain(&self.changes)
            .cloned()
            .collect()
    }
}

impl TicketFields<'_> {
    /// Resolve the names against `data` and read the times in the desk's
    /// zone (`now` for the word "now").
    pub fn resolve<'d>(&self, data: &'d DataSet, now: DateTime<Utc>) -> Result<Ticket<'d>> {
        self.resolve_with(&mut Names::new(data), now)
    }

    /// [`TicketFields::resolve`], with names looked up once per spelling
    /// across the tickets of a batch.
    pub fn resolve_with<'d>(
        &self,
        names: &mut Names<'d>,
        now: DateTime<Utc>,
    ) -> Result<Ticket<'d>> {
        let data = names.data;
        let more = self.more();
        let (plan, desk, given) = match &self.priority {
            Some(priority) => {
                let (plan, priority, desk) = names.lookup(&self.plan, priority, &self.desk)?;
                (plan, desk, Some(priority))
            }
            None => (
                data.plan(&self.plan).map_err(echo_safe)?,
                data.desk(&self.desk).map_err(echo_safe)?,
                None,
            ),
        };
        let zone = desk.zone;
        let initial = match (given, &more.event) {
            (Some(priority), _) => priority,
            (None, Some(id)) => {
                // A proactive event's priority applies only to an eligible
                // installation (SPEC §7).
                let event = data.event(id).map_err(echo_safe)?;
                let rules = data.proactive.as_ref().ok_or_else(|| {
                    Error::Lacking("the plans file has no [proactive] eligibility rules".into())
                })?;
                let release = more.release.as_deref().map(release).transpose()?;
                rules.check(&plan.name, release)?;
                plan.priority(&event.priority)?
            }
            (None, None) => return Err(Error::value("", "give a priority or an event")),
        };
        let opened = input::instant(&self.opened, zone, now)?;
        let mut changes = more
            .priority_changes
            .iter()
            .map(|text| {
                let (at, priority) = text.split_once('=').ok_or_else(|| {
                    Error::value(
                        text,
                        format!(
                            "priority change '{}' is not TIME=PRIORITY, like 2026-11-23T10:00=P1",
                            input::escaped(text)
                        ),
                    )
                })?;
                let from = input::instant(at, zone, now)?;
                if from < opened {
                    return Err(Error::value(
                        text,
                        format!(
                            "priority change '{}' is before the ticket was opened",
                            input::escaped(text)
                        ),
                    ));
                }
                Ok(PriorityPeriod {
                    from,
                    priority: plan.priority(priority.trim()).map_err(echo_safe)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        if changes.len() > 1 {
            changes.sort_by_key(|c| c.from);
        }
        let instant = |text: &Option<Cow<str>>| {
            text.as_deref()
                .map(|t| input::instant(t, zone, now))
                .transpose()
        };
        let responded = instant(&more.responded)?;
        if responded.is_some_and(|r| r < opened) {
            return Err(Error::value(
                more.responded.as_deref().unwrap_or_default(),
                format!(
                    "responded '{}' is before the ticket was opened",
                    input::escaped(more.responded.as_deref().unwrap_or_default())
                ),
            ));
        }
        Ok(Ticket {
            plan,
            desk,
            opened,
            pauses: input::pauses(&self.pauses, zone, now)?,
            initial: PriorityPeriod {
                from: opened,
                priority: initial,
            },
            changes,
            moments: match self.more {
                None => None,
                Some(_) => Some(Box::new(Moments {
                    at: instant(&more.at)?,
                    responded,
                    notified: instant(&more.notified)?,
                    closed: instant(&more.closed)?,
                })),
            },
        })
    }
}

/// An unknown name is echoed with its control characters escaped: a
/// message stays one line.
fn echo_safe(error: Error) -> Error {
    match error {
        Error::UnknownName {
            kind,
            name,
            suggest,
            known,
        } => Error::UnknownName {
            kind,
            name: input::escaped(&name).into_owned(),
            suggest,
            known,
        },
        error => error,
    }
}

/// Plan, priority and desk names resolved once per spelling: a batch names
/// the same few again and again. Holds at most 1,024 spellings.
pub struct Names<'d> {
    data: &'d DataSet,
    known: hashbrown::HashTable<Known<'d>>,
}

/// One spelling of a plan, a priority and a desk, and what it names.
struct Known<'d> {
    hash: u64,
    spelling: [Box<str>; 3],
    found: (&'d Plan, &'d Priority, &'d Calendar),
}

impl<'d> Names<'d> {
    pub fn new(data: &'d DataSet) -> Names<'d> {
        Names {
            data,
            known: hashbrown::HashTable::new(),
        }
    }

    fn lookup(
        &mut self,
        plan: &str,
        priority: &str,
        desk: &str,
    ) -> Result<(&'d Plan, &'d Priority, &'d Calendar)> {
        use std::hash::{Hash, Hasher};
        // Hashed and compared where they lie: no key is built per ticket.
        let mut hasher = rustc_hash::FxHasher::default();
        (plan, priority, desk).hash(&mut hasher);
        let hash = hasher.finish();
        let same = |k: &Known| {
            k.hash == hash
                && *k.spelling[0] == *plan
                && *k.spelling[1] == *priority
                && *k.spelling[2] == *desk
        };
        if let Some(known) = self.known.find(hash, same) {
            return Ok(known.found);
        }
        let found_plan = self.data.plan(plan).map_err(echo_safe)?;
        let found_desk = self.data.desk(desk).map_err(echo_safe)?;
        let found = (
            found_plan,
            found_plan.priority(priority).map_err(echo_safe)?,
            found_desk,
        );
        if self.known.len() >= 1024 {
            self.known.clear();
        }
        self.known.insert_unique(
            hash,
            Known {
                hash,
                spelling: [plan.into(), priority.into(), desk.into()],
                found,
            },
            |k| k.hash,
        );
        Ok(found)
    }
}

/// A suite release; one that holds control characters is echoed escaped.
fn release(text: &str) -> Result<Release> {
    Release::parse(text).map_err(|error| match input::escaped(text) {
        Cow::Owned(shown) => Error::value(text, format!(
            "'{shown}' is not a suite release like \"Winter '20\" (Winter, Spring or Summer and a year)"
        )),
        Cow::Borrowed(_) => error,
    })
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
