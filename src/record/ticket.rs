//! A ticket row as written: the flags of one call, one JSON line or one
//! CSV row, read into text fields (names not yet looked up, times not yet
//! read). [`crate::resolve`] turns them into a [`crate::ticket::Ticket`].

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

use super::fields::{exact_number, split_list, Columns, Field, FieldMap, Text};
use crate::input;

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
    pub extra: Option<Box<ExtraFields<'a>>>,
}

/// The fields of a ticket that most lines of a batch do not have.
#[derive(Debug, Clone, Default)]
pub struct ExtraFields<'a> {
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

/// None of the extra fields.
static NO_EXTRA_FIELDS: ExtraFields<'static> = ExtraFields {
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
    pub fn extra(&self) -> &ExtraFields<'a> {
        self.extra.as_deref().unwrap_or(&NO_EXTRA_FIELDS)
    }

    /// The same, to set one.
    pub fn extra_mut(&mut self) -> &mut ExtraFields<'a> {
        self.extra.get_or_insert_with(Box::default)
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
                        fields.extra_mut().priority_changes = list;
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
                    let more = fields.extra_mut();
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
            extra: self.extra.map(|more| {
                Box::new(ExtraFields {
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
        for (field, cell) in columns.fields().zip(cells) {
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
                Field::Event => fields.extra_mut().event = Some(text),
                Field::Release => fields.extra_mut().release = Some(text),
                Field::Desk => (fields.desk, desk) = (text, true),
                Field::Opened => (fields.opened, opened) = (text, true),
                Field::Pauses => fields.pauses = split_list(text),
                Field::PriorityChanges => fields.extra_mut().priority_changes = split_list(text),
                Field::At => fields.extra_mut().at = Some(text),
                Field::Responded => fields.extra_mut().responded = Some(text),
                Field::Notified => fields.extra_mut().notified = Some(text),
                Field::Closed => fields.extra_mut().closed = Some(text),
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

/// Ticket rows.
pub struct Tickets;

impl super::Record for Tickets {
    type Of<'l> = TicketFields<'l>;
    fn from_json<'l>(text: &'l str, map: &FieldMap) -> Result<TicketFields<'l>, String> {
        TicketFields::from_json(text, map)
    }
    fn from_row<'l>(
        columns: &Columns,
        cells: impl Iterator<Item = &'l str>,
    ) -> Result<TicketFields<'l>, String> {
        TicketFields::from_row(columns, cells)
    }
    fn lacking(columns: &Columns) -> Vec<&'static str> {
        // A proactive event stands for the priority (SPEC §7).
        let given = |field| columns.has(field);
        [
            (Field::Plan, given(Field::Plan)),
            (
                Field::Priority,
                given(Field::Priority) || given(Field::Event),
            ),
            (Field::Desk, given(Field::Desk)),
            (Field::Opened, given(Field::Opened)),
        ]
        .into_iter()
        .filter(|(_, given)| !given)
        .map(|(field, _)| field.name())
        .collect()
    }
}
