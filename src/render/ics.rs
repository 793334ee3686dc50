//! iCalendar: a deadline's due instants as events with a reminder, a
//! desk's holidays as all-day events. `now` stamps them, so a pinned now
//! gives the same file every time.

use chrono::{DateTime, Utc};

use slacalc::calendar::YearHolidays;
use slacalc::deadline::Deadline;

use super::rfc3339;

/// The response due time as a calendar event with a reminder 30 minutes
/// before; the notification, if any, as a second event.
pub fn deadline(d: &Deadline, now: DateTime<Utc>) -> String {
    use icalendar::{Alarm, Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    let ticket = format!(
        "{} {} at the {} desk, opened {}",
        d.plan.label,
        d.priority.id,
        d.desk.name,
        rfc3339(d.opened, d.desk.zone)
    );
    let targets = d
        .notification
        .iter()
        .map(|n| ("priority notification", n))
        .chain([("response", &d.response)]);
    for (what, target) in targets {
        let Some(due) = target.due else { continue };
        let uid = format!(
            "slacalc-{}-{}-{}-{}-{}",
            what.replace(' ', "-"),
            d.plan.name,
            d.priority.id,
            d.desk.name,
            d.opened.timestamp()
        );
        let event = Event::new()
            .uid(&uid)
            .timestamp(now)
            .summary(&format!(
                "{what} due: {} {} ({})",
                d.plan.label,
                d.priority.id,
                super::target(target.target)
            ))
            .description(&format!(
                "{ticket}; {what} target {} on the {} clock",
                super::target(target.target),
                target.target.clock
            ))
            .starts(due)
            .ends(due)
            .alarm(
                // Stamped and named like its event: the library would
                // stamp it with the clock and a random id.
                Alarm::display(
                    &format!("{what} due in 30 minutes"),
                    -chrono::Duration::minutes(30),
                )
                .timestamp(now)
                .uid(&format!("{uid}-alarm"))
                .done(),
            )
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

/// All-day events, one per holiday.
pub fn holidays(desk: &str, holidays: &YearHolidays, now: DateTime<Utc>) -> String {
    use icalendar::{Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    calendar.name(&format!("{desk} desk holidays"));
    for (date, name) in holidays {
        let event = Event::new()
            .uid(&format!("slacalc-holiday-{desk}-{date}"))
            .timestamp(now)
            .summary(name)
            // An all-day event ends (exclusively) the next day (RFC 5545).
            .starts(*date)
            .ends(date.succ_opt().unwrap_or(*date))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}
