//! Criterion benchmarks of the business-time engine (library only, no
//! process start-up, no parsing of input, no JSON output):
//!
//! - `due/extended/<desk>/<N>h/<pauses>`: the due instant of 1, 8 and 40
//!   business hours on the extended clock;
//! - `business_days/<desk>/20d/<pauses>`: 20 business days on the standard
//!   calendar (with pauses: the §3 rule, re-measured on the standard clock);
//! - `deadline/compute/<desk>`: a whole resolved ticket (notification and
//!   response), one ticket per plan × priority.
//!
//! Each iteration runs over the same few start instants in 2026 (through
//! `black_box`), so a reported time is for `STARTS.len()` computations; the
//! throughput line gives computations per second.
//!
//! Run: `cargo bench --bench engine` (quick: `-- --warm-up-time 1 --measurement-time 3`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use slacalc::clock::{Clock, ClockKind, Interval, Pauses};
use slacalc::deadline::{self, business_days_with_pauses};
use slacalc::load::DataSet;
use slacalc::resolve::Resolver;
use slacalc::ticket::Ticket;

/// Start instants spread over 2026: in and out of hours, a weekend, before
/// a holiday, across both DST changes, over Christmas.
const STARTS: [&str; 6] = [
    "2026-01-05T08:15:00Z",
    "2026-03-27T16:40:00Z",
    "2026-05-30T11:00:00Z",
    "2026-08-14T15:30:00Z",
    "2026-10-23T20:05:00Z",
    "2026-12-23T14:00:00Z",
];

const DESKS: [&str; 2] = ["europe", "americas"];

fn starts() -> Vec<DateTime<Utc>> {
    STARTS
        .iter()
        .map(|s| s.parse::<DateTime<Utc>>().expect("a valid start instant"))
        .collect()
}

/// Two pauses after `from`: an hour an hour after the opening, and three
/// hours the next day.
fn two_pauses(from: DateTime<Utc>) -> Pauses {
    let interval = |after: TimeDelta, length: TimeDelta| Interval {
        start: from + after,
        end: from + after + length,
    };
    Pauses::new(vec![
        interval(TimeDelta::hours(1), TimeDelta::hours(1)),
        interval(TimeDelta::hours(26), TimeDelta::hours(3)),
    ])
    .expect("valid pauses")
}

/// Each start with its pauses (none, or two).
fn cases(paused: bool) -> Vec<(DateTime<Utc>, Pauses)> {
    starts()
        .into_iter()
        .map(|t| {
            (
                t,
                if paused {
                    two_pauses(t)
                } else {
                    Pauses::none()
                },
            )
        })
        .collect()
}

fn pause_label(paused: bool) -> &'static str {
    if paused {
        "two-pauses"
    } else {
        "no-pauses"
    }
}

fn bench_due_hours(c: &mut Criterion) {
    let data = DataSet::embedded().expect("embedded data");
    let mut group = c.benchmark_group("due/extended");
    group.throughput(Throughput::Elements(STARTS.len() as u64));
    for desk in DESKS {
        let calendar = data.desk(desk).expect("desk");
        let clock = Clock::new(calendar, ClockKind::Extended);
        for hours in [1i64, 8, 40] {
            for paused in [false, true] {
                let cases = cases(paused);
                let id = BenchmarkId::new(format!("{desk}/{hours}h"), pause_label(paused));
                group.bench_with_input(id, &cases, |b, cases| {
                    b.iter(|| {
                        for (from, pauses) in cases {
                            let due = clock
                                .due(black_box(*from), black_box(TimeDelta::hours(hours)), pauses)
                                .expect("a due instant");
                            black_box(due);
                        }
                    });
                });
            }
        }
    }
    group.finish();
}

fn bench_business_days(c: &mut Criterion) {
    let data = DataSet::embedded().expect("embedded data");
    let mut group = c.benchmark_group("business_days");
    group.throughput(Throughput::Elements(STARTS.len() as u64));
    for desk in DESKS {
        let calendar = data.desk(desk).expect("desk");
        for paused in [false, true] {
            let cases = cases(paused);
            let id = BenchmarkId::new(format!("{desk}/20d"), pause_label(paused));
            group.bench_with_input(id, &cases, |b, cases| {
                b.iter(|| {
                    for (from, pauses) in cases {
                        let due = business_days_with_pauses(
                            calendar,
                            black_box(*from),
                            black_box(20),
                            pauses,
                        )
                        .expect("a due instant");
                        black_box(due);
                    }
                });
            });
        }
    }
    group.finish();
}

fn bench_deadline(c: &mut Criterion) {
    let data = DataSet::embedded().expect("embedded data");
    let mut names = Resolver::new(&data, DateTime::UNIX_EPOCH);
    let mut group = c.benchmark_group("deadline/compute");
    for desk in DESKS {
        // Every plan × priority, each at one of the start instants, every
        // third one with two pauses.
        let tickets: Vec<Ticket> = ["basic", "gold", "platinum"]
            .into_iter()
            .flat_map(|plan| ["P1", "P2", "P3", "P4"].into_iter().map(move |p| (plan, p)))
            .zip(starts().into_iter().cycle())
            .enumerate()
            .map(|(i, ((plan, priority), opened))| {
                let pauses: Vec<String> = if i % 3 == 0 {
                    two_pauses(opened)
                        .as_slice()
                        .iter()
                        .map(|p| format!("{}/{}", p.start.to_rfc3339(), p.end.to_rfc3339()))
                        .collect()
                } else {
                    Vec::new()
                };
                let pauses: Vec<&str> = pauses.iter().map(String::as_str).collect();
                names
                    .ticket_at([plan, priority, desk], Some(opened), &pauses, None)
                    .expect("a ticket")
            })
            .collect();
        group.throughput(Throughput::Elements(tickets.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(desk), &tickets, |b, tickets| {
            b.iter(|| {
                for ticket in tickets {
                    let d = deadline::compute(black_box(ticket), false).expect("a deadline");
                    black_box(d.response.due);
                }
            });
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_due_hours,
    bench_business_days,
    bench_deadline
);
criterion_main!(benches);
