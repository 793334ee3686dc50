//! `clock`'s answers, a due instant or a measured time, as JSON and as a
//! sentence.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use slacalc::calendar::{Calendar, ClockKind};

use super::{hours, local, rfc3339, utc};

#[derive(Serialize, schemars::JsonSchema)]
pub struct DueJson {
    desk: String,
    clock: String,
    from: String,
    due: String,
    #[serde(skip)]
    instants: (DateTime<Utc>, DateTime<Utc>),
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct ElapsedJson {
    desk: String,
    clock: String,
    from: String,
    until: String,
    seconds: i64,
    human: String,
    #[serde(skip)]
    instants: (DateTime<Utc>, DateTime<Utc>),
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct BeforeJson {
    desk: String,
    clock: String,
    from: String,
    before: String,
    at: String,
    #[serde(skip)]
    instants: (DateTime<Utc>, DateTime<Utc>),
}

/// The JSON output of `clock`: a due instant, a measured time, or an
/// instant counted back.
#[derive(Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ClockJson {
    Due(DueJson),
    Elapsed(ElapsedJson),
    Before(BeforeJson),
}

impl ClockJson {
    pub fn before(
        desk: &Calendar,
        kind: ClockKind,
        from: DateTime<Utc>,
        before: &str,
        at: DateTime<Utc>,
    ) -> Self {
        ClockJson::Before(BeforeJson {
            desk: desk.name.clone(),
            clock: kind.to_string(),
            from: rfc3339(from, desk.zone),
            before: before.to_string(),
            at: rfc3339(at, desk.zone),
            instants: (from, at),
        })
    }

    pub fn due(desk: &Calendar, kind: ClockKind, from: DateTime<Utc>, due: DateTime<Utc>) -> Self {
        ClockJson::Due(DueJson {
            desk: desk.name.clone(),
            clock: kind.to_string(),
            from: rfc3339(from, desk.zone),
            due: rfc3339(due, desk.zone),
            instants: (from, due),
        })
    }

    pub fn elapsed(
        desk: &Calendar,
        kind: ClockKind,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        elapsed: TimeDelta,
    ) -> Self {
        ClockJson::Elapsed(ElapsedJson {
            desk: desk.name.clone(),
            clock: kind.to_string(),
            from: rfc3339(from, desk.zone),
            until: rfc3339(until, desk.zone),
            seconds: elapsed.num_seconds(),
            human: hours(elapsed),
            instants: (from, until),
        })
    }
}

/// The answer as a sentence; `asked` says what was added.
pub fn table(desk: &Calendar, result: &ClockJson, asked: &str, screen: super::Screen) -> String {
    let zone = desk.zone;
    let sentence = match result {
        ClockJson::Elapsed(e) => format!(
            "{} of {} clock time at the {} desk ({}) from {} until {}\n",
            e.human,
            e.clock,
            desk.name,
            zone.name(),
            local(e.instants.0, zone),
            local(e.instants.1, zone)
        ),
        ClockJson::Before(b) => format!(
            "{} of {} clock time before {} at the {} desk ({}) starts {} ({})\n",
            b.before,
            b.clock,
            local(b.instants.0, zone),
            desk.name,
            zone.name(),
            local(b.instants.1, zone),
            utc(b.instants.1)
        ),
        ClockJson::Due(d) => format!(
            "{asked} from {} at the {} desk ({}) is due {} ({})\n",
            local(d.instants.0, zone),
            desk.name,
            zone.name(),
            local(d.instants.1, zone),
            utc(d.instants.1)
        ),
    };
    screen.fit(&sentence)
}
