//! The business-time engine on the embedded desks: due, elapsed, windows,
//! next open, business days (with pauses), deadlines and escalations, from
//! bounded inputs derived by `arbitrary`.
//!
//! With SLACALC_FUZZ_CHECKS=1 it also checks invariants (due is not before
//! the start; the clock time between the start and the due instant is the
//! amount asked for), which turns a wrong answer into a crash.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use chrono::{DateTime, Datelike, SecondsFormat, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::clock::{business_days_due, Clock, ClockKind, Interval, Pauses};
use slacalc::coverage;
use slacalc::deadline;
use slacalc::escalation;
use slacalc::load::DataSet;
use slacalc::plan::Plan;
use slacalc::record::TicketFields;
use slacalc::resolve::Resolver;

const YEAR_2000: i64 = 946_684_800;
const CENTURY: i64 = 3_155_760_000; // 2000..2100
const TEN_YEARS: i64 = 3_653 * 86_400;

#[derive(Debug, Arbitrary)]
struct Input {
    desk: u8,
    clock: u8,
    /// < 224: start in 2000..2100; < 248: in years 0..10000; else anywhere
    /// chrono can represent.
    range: u8,
    start: u64,
    /// Seconds, up to 10 years.
    amount: u32,
    negative: bool,
    /// `until` for elapsed: start + this many seconds (up to 10 years).
    until: u32,
    /// (gap after the previous pause or the start, length), seconds.
    pauses: Vec<(u32, u32)>,
    /// Pauses given to `Pauses::new` as they are (may overlap).
    raw_pauses: bool,
    business_days: u16,
    plan: u8,
    priority: u8,
    change: Option<(u32, u8)>,
}

fn data() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::embedded().expect("embedded data loads"))
}

fn checks() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("SLACALC_FUZZ_CHECKS").is_some_and(|v| v == "1"))
}

fn at(seconds: i64) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp(seconds, 0)
}

fuzz_target!(|input: Input| {
    let data = data();
    let desks: Vec<&str> = data.desk_names().collect();
    let desk = data
        .desk(desks[input.desk as usize % desks.len()])
        .expect("desk");
    let kind = ClockKind::ALL[input.clock as usize % 3];
    let clock = Clock::new(desk, kind);

    let (lo, span) = if input.range < 224 {
        (YEAR_2000, CENTURY)
    } else if input.range < 248 {
        (-62_167_219_200, 10_000 * 31_556_952) // 0000-01-01, 10,000 years
    } else {
        let lo = DateTime::<Utc>::MIN_UTC.timestamp();
        (lo, DateTime::<Utc>::MAX_UTC.timestamp() - lo)
    };
    let start = lo + (input.start % span as u64) as i64;
    let Some(from) = at(start) else { return };

    let amount = i64::from(input.amount) % (TEN_YEARS + 1);
    let amount = TimeDelta::seconds(if input.negative { -amount } else { amount });
    let until = at(start.saturating_add(i64::from(input.until) % (TEN_YEARS + 1)));

    let mut intervals = Vec::new();
    let mut cursor = start;
    for &(gap, length) in input.pauses.iter().take(6) {
        let begin = if input.raw_pauses {
            start + i64::from(gap % (400 * 86_400)) - 30 * 86_400
        } else {
            cursor + i64::from(gap % (400 * 86_400))
        };
        let end = begin + i64::from(length % (60 * 86_400));
        let (Some(s), Some(e)) = (at(begin), at(end)) else {
            break;
        };
        intervals.push(Interval { start: s, end: e });
        cursor = end;
    }
    let Ok(pauses) = Pauses::new(intervals) else {
        return;
    };

    // The clock.
    let due = clock.due(from, amount, &pauses);
    if let Some(until) = until {
        let _ = clock.elapsed(from, until, &pauses);
        let _ = clock.windows_between(from, until, &pauses);
    }
    let _ = clock.window_at(from);
    let _ = clock.next_open(from);
    if checks() {
        if let Ok(due) = due {
            assert!(due >= from, "due {due} before start {from}");
            let counted = clock
                .elapsed(from, due, &pauses)
                .expect("elapsed up to due");
            assert_eq!(
                counted, amount,
                "elapsed(from, due(from, amount)) != amount"
            );
        }
    }

    // Business days.
    let days = u32::from(input.business_days % 800);
    let _ = business_days_due(desk, from, days);
    let _ = deadline::business_days_with_pauses(desk, from, days, &pauses);

    // Deadlines and escalations of the embedded plans.
    let plans: Vec<&Plan> = data.plans_in_order().collect();
    let plan = plans[input.plan as usize % plans.len()];
    let priority = &plan.priorities[input.priority as usize % plan.priorities.len()];
    // The ticket is built as the library builds one, by the resolver, from
    // its names and its instants written in RFC 3339 (UTC). Outside years
    // 0000-9999 RFC 3339 cannot write them: the ticket is then built from
    // the instant, without its pauses and its change of priority.
    let utc = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut writable = (0..=9999).contains(&from.year());
    let mut written = |t: DateTime<Utc>| {
        writable &= (0..=9999).contains(&t.year());
        utc(t)
    };
    let desk_name = desks[input.desk as usize % desks.len()];
    let mut names = Resolver::new(data, from);
    let mut fields = TicketFields {
        plan: plan.name.as_str().into(),
        priority: Some(priority.id.as_str().into()),
        desk: desk_name.into(),
        opened: utc(from).into(),
        pauses: pauses
            .as_slice()
            .iter()
            .map(|p| format!("{}/{}", written(p.start), written(p.end)).into())
            .collect(),
        ..TicketFields::default()
    };
    if let Some((after, p)) = input.change {
        if let Some(change) = at(start + i64::from(after % (30 * 86_400))) {
            let to = &plan.priorities[p as usize % plan.priorities.len()];
            fields
                .extra_mut()
                .priority_changes
                .push(format!("{}={}", written(change), to.id).into());
        }
    }
    let ticket = match names.ticket(&fields) {
        Ok(ticket) => ticket,
        Err(e) => {
            if checks() && writable {
                panic!("a ticket of {from} not read back: {e}");
            }
            match names.ticket_at(
                [&plan.name, &priority.id, desk_name],
                from,
                &[] as &[&str],
                None,
            ) {
                Ok(ticket) => ticket,
                Err(e) => panic!("a ticket of {from} not built: {e}"),
            }
        }
    };
    if checks() {
        assert_eq!(ticket.opened(), from, "opened read back");
    }
    let _ = deadline::compute(&ticket, true);
    let _ = coverage::status(plan, desk, from);
    let _ = coverage::days(
        &[plan],
        desk,
        from.date_naive(),
        u64::from(input.business_days % 8),
    );
    if let Some(until) = until {
        let _ = escalation::escalate(&ticket, until);
    }
});
