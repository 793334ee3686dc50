//! An event of a ticket history as written: one JSON line or CSV row of an
//! event log read into its kind, its instant (as far as the line alone
//! tells) and its other values as text. [`crate::history::Recorder`] makes
//! histories of them.

use std::borrow::Cow;

use chrono::{DateTime, Timelike, Utc};

use super::fields::{exact_number, Columns, Field, FieldMap, Text};
use super::Record;
use crate::error::Result;
use crate::input;

/// One event as a line of an event log gives it: its kind and its instant
/// read as far as the line alone tells, other values as written.
#[derive(Debug, Clone, Default)]
pub struct EventFields {
    pub ticket: Option<Value>,
    pub at: Option<When>,
    pub kind: Option<Kind>,
    pub plan: Option<Value>,
    pub priority: Option<Value>,
    pub desk: Option<Value>,
    pub status: Option<Value>,
    pub to: Option<Value>,
    /// The value of the column an audit groups by (`--by`).
    pub by: Option<Value>,
    /// The line has the `--by` column (a value or not).
    pub has_by: bool,
}

/// A value of an event line: short ones (most ids and names) are held
/// inline, so that a line is read, handed on and dropped on other cores
/// without the heap.
pub type Value = compact_str::CompactString;

/// What an event records (SPEC §9), named in any case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Opened,
    Status,
    Priority,
    Notified,
    Responded,
    Escalated,
    Closed,
    /// No kind of event: the name, in lower case.
    Unknown(String),
}

impl Kind {
    pub fn read(text: &str) -> Kind {
        const KINDS: [(&str, Kind); 7] = [
            ("opened", Kind::Opened),
            ("status", Kind::Status),
            ("priority", Kind::Priority),
            ("notified", Kind::Notified),
            ("responded", Kind::Responded),
            ("escalated", Kind::Escalated),
            ("closed", Kind::Closed),
        ];
        KINDS
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text))
            .map_or_else(
                || Kind::Unknown(text.to_ascii_lowercase()),
                |(_, kind)| kind,
            )
    }

    pub fn name(&self) -> &str {
        match self {
            Kind::Opened => "opened",
            Kind::Status => "status",
            Kind::Priority => "priority",
            Kind::Notified => "notified",
            Kind::Responded => "responded",
            Kind::Escalated => "escalated",
            Kind::Closed => "closed",
            Kind::Unknown(name) => name,
        }
    }
}

/// When an event happened: the instant, when its text gives the offset,
/// else the text, to be read at its ticket's desk.
#[derive(Debug, Clone)]
pub enum When {
    Instant(DateTime<Utc>),
    Text(String),
}

impl When {
    pub fn read(text: &str) -> When {
        // What `input::instant` reads first, and reads the same way.
        match crate::time::parse_rfc3339(text) {
            Ok(t) if t.nanosecond() == 0 => When::Instant(t.with_timezone(&Utc)),
            _ => When::Text(text.to_string()),
        }
    }

    pub fn instant(&self, zone: chrono_tz::Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
        match self {
            When::Instant(t) => Ok(*t),
            When::Text(text) => input::instant(text, zone, now),
        }
    }
}

impl EventFields {
    fn set(&mut self, field: Field, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let slot = match field {
            // `ticket` is read before `id`, wherever each stands.
            Field::Ticket => &mut self.ticket,
            Field::Id if self.ticket.is_none() => &mut self.ticket,
            Field::At => return self.at = Some(When::read(value)),
            Field::Type => return self.kind = Some(Kind::read(value)),
            Field::Plan => &mut self.plan,
            Field::Priority => &mut self.priority,
            Field::Desk => &mut self.desk,
            Field::Status => &mut self.status,
            Field::To => &mut self.to,
            Field::By => &mut self.by,
            _ => return,
        };
        *slot = Some(Value::new(value));
    }

    fn checked(self) -> std::result::Result<EventFields, String> {
        for (given, name) in [
            (self.ticket.is_some(), "ticket"),
            (self.at.is_some(), "at"),
            (self.kind.is_some(), "type"),
        ] {
            if !given {
                return Err(format!("{name}: missing"));
            }
        }
        Ok(self)
    }
}

/// Event-log lines.
pub struct Events;

impl Record for Events {
    type Of<'l> = EventFields;

    fn from_json(text: &str, map: &FieldMap) -> std::result::Result<EventFields, String> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let fields = serde::Deserializer::deserialize_map(&mut deserializer, EventVisitor { map })
            .and_then(|fields| deserializer.end().map(|()| fields))
            .map_err(|e| {
                let message = e.to_string();
                match message.split_once(Twice::SUFFIX) {
                    Some((name, _)) => format!("{name}{}", Twice::SUFFIX),
                    None => format!("not a JSON object of an event: {message}"),
                }
            })?;
        fields.checked()
    }

    fn from_row<'l>(
        columns: &Columns,
        cells: impl Iterator<Item = &'l str>,
    ) -> std::result::Result<EventFields, String> {
        let mut fields = EventFields::default();
        for (i, (field, cell)) in columns.fields().zip(cells).enumerate() {
            if let Some(field) = field {
                fields.set(field, cell);
            }
            if columns.by() == Some(i) {
                fields.has_by = true;
                fields.set(Field::By, cell);
            }
        }
        fields.checked()
    }

    fn lacking(columns: &Columns) -> Vec<&'static str> {
        let given = |field| columns.has(field);
        [
            ("ticket (or id)", given(Field::Ticket) || given(Field::Id)),
            ("at", given(Field::At)),
            ("type", given(Field::Type)),
        ]
        .into_iter()
        .filter(|(_, given)| !given)
        .map(|(name, _)| name)
        .collect()
    }
}

/// Reads a JSON object's keys through the export's names; values are text
/// as written: a number or a truth value (or a list or an object) as its
/// JSON text, a null as no value. Other keys are passed over unread.
struct EventVisitor<'m> {
    map: &'m FieldMap,
}

impl<'de> serde::de::Visitor<'de> for EventVisitor<'_> {
    type Value = EventFields;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<EventFields, A::Error> {
        let mut fields = EventFields::default();
        let mut seen = 0u32;
        while let Some(Text(key)) = map.next_key::<Text>()? {
            let by = self.map.is_by(&key);
            fields.has_by |= by;
            match self.map.field_of(&key) {
                Some(field) => {
                    // A key given twice is an error of its line, not
                    // last-wins (SPEC §9).
                    let bit = 1u32 << (field as u32);
                    if seen & bit != 0 {
                        return Err(serde::de::Error::custom(Twice(field.name())));
                    }
                    seen |= bit;
                    let value = map
                        .next_value::<JsonText>()
                        .map_err(|e| serde::de::Error::custom(format!("{key}: {e}")))?;
                    if let Some(text) = value.0 {
                        fields.set(field, &text);
                        if by && field != Field::By {
                            fields.set(Field::By, &text);
                        }
                    }
                }
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(fields)
    }
}

/// A field given twice on one line.
struct Twice(&'static str);

impl Twice {
    const SUFFIX: &'static str = ": given twice";
}

impl std::fmt::Display for Twice {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}{}", self.0, Twice::SUFFIX)
    }
}

/// A JSON value as text (see [`EventVisitor`]).
struct JsonText<'a>(Option<Cow<'a, str>>);

impl<'de> serde::Deserialize<'de> for JsonText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = JsonText<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(Some(Cow::Owned(v.to_string()))))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(Some(Cow::Owned(v))))
            }
            fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
                Ok(JsonText(None))
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
                Ok(Self::Value::json(&exact_number(v)?.into()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let value = serde::Deserialize::deserialize(
                    serde::de::value::SeqAccessDeserializer::new(seq),
                )?;
                Ok(Self::Value::json(&value))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let value = serde::Deserialize::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(Self::Value::json(&value))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonText<'_> {
    fn json(value: &serde_json::Value) -> Self {
        JsonText(Some(Cow::Owned(value.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Times as an export may write them: RFC 3339 with an offset or `Z`,
    /// with or without seconds or a fraction, local times, a leap second,
    /// `now` and text that is no time.
    fn time_text() -> impl Strategy<Value = String> {
        let offset =
            proptest::sample::select(vec!["Z", "z", "+01:00", "-05:00", "+04:00", "+0100", ""]);
        let seconds = proptest::sample::select(vec![":00", ":59", ":60", ":07.5", ""]);
        let separator = proptest::sample::select(vec!["T", " ", "t"]);
        (1..=31u32, 0..24u32, 0..60u32, separator, seconds, offset)
            .prop_map(|(day, hour, minute, sep, sec, off)| {
                format!("2026-03-{day:02}{sep}{hour:02}:{minute:02}{sec}{off}")
            })
            .boxed()
            .prop_union(
                proptest::sample::select(vec![
                    "now".to_string(),
                    "soon".to_string(),
                    String::new(),
                ])
                .boxed(),
            )
    }

    /// SPEC §9: duplicate keys in a JSON line are an error of that line
    /// (last-wins once opened ticket B for `"ticket":"A","ticket":"B"`).
    #[test]
    fn a_key_given_twice_in_an_event_line_is_an_error() {
        use crate::record::{FieldMap, Record};
        let read = |line: &str| Events::from_json(line, &FieldMap::default()).map(|f| f.ticket);
        let at = r#""at":"2026-11-20T10:00:00Z","type":"opened""#;
        assert_eq!(
            read(&format!(r#"{{"ticket":"A","ticket":"B",{at}}}"#)),
            Err("ticket: given twice".to_string())
        );
        // Keys compare as field names do: `Ticket` is `ticket`.
        assert_eq!(
            read(&format!(r#"{{"ticket":"A","Ticket":"B",{at}}}"#)),
            Err("ticket: given twice".to_string())
        );
        // `ticket` and `id` are two fields: the ticket is read first.
        assert_eq!(
            read(&format!(r#"{{"id":"B","ticket":"A",{at}}}"#)),
            Ok(Some("A".into()))
        );
    }

    proptest! {
        #[test]
        fn an_instant_read_on_a_worker_is_the_one_read_at_the_desk(text in time_text()) {
            // `When::read` reads what it can without the desk; the rest is
            // read at the desk: the same instant, or the same error, as
            // reading the whole text at the desk.
            let zone = crate::time::Tz::Europe__Rome;
            let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
            let early = When::read(&text).instant(zone, now).map_err(|e| e.to_string());
            let direct = input::instant(&text, zone, now).map_err(|e| e.to_string());
            prop_assert_eq!(early, direct);
        }
    }
}
