//! Audit verdicts on ticket rows, worked out by hand (SPEC §9), judged by
//! the library (`slacalc::audit::audit`): met at the due second, breached
//! one second later, lateness in wall-clock seconds, and the priority in
//! force at the response. `cli::batch` keeps the command line's summary
//! and CSV rows.

use slacalc::audit::{audit, Verdict};

use super::{csv_tickets, shown, utc};

/// The instant the audit tables are judged at.
const AS_OF: &str = "2026-12-01T00:00:00Z";

/// One ticket judged, as `audit --tickets` lists it.
struct Line {
    id: String,
    /// The priority that applies.
    priority: String,
    /// The due instant, at the desk's offset.
    due: Option<String>,
    verdict: Verdict,
    /// Lateness in seconds.
    late: Option<i64>,
}

/// Each ticket of a CSV export judged as of `AS_OF`.
fn judged(csv: &str) -> Vec<Line> {
    csv_tickets(csv)
        .into_iter()
        .map(|(id, ticket)| {
            let a = audit(&ticket, utc(AS_OF)).unwrap_or_else(|e| panic!("{id}: {e}"));
            Line {
                priority: a.deadline.priority.id.clone(),
                due: a.deadline.response.due.map(|t| shown(ticket.desk(), t)),
                verdict: a.verdict,
                late: a.late.map(|late| late.num_seconds()),
                id,
            }
        })
        .collect()
}

#[test]
fn audit_met_at_the_due_second_breached_one_second_later() {
    // Gold P2 at europe from Fri 2026-11-20 17:30 CET is due Sat 10:30:00
    // (30 min Friday + 90 min Saturday). Basic P1 at americas from Wed
    // 2026-11-25 16:00 EST is due Fri 27 Nov 17:00 (Thursday is
    // Thanksgiving). Basic P4 is best effort. A gold P1 opened Mon
    // 2026-11-23 09:00 CET without a response is due 10:00: as of
    // 2026-12-01 it is breached (by 7 days 23 hours... counted in the
    // summary only).
    let lines = judged(crate::support::AUDIT_TICKETS);
    let verdicts: Vec<(&str, Verdict)> = lines.iter().map(|l| (l.id.as_str(), l.verdict)).collect();
    assert_eq!(
        verdicts,
        [
            ("a", Verdict::Met),
            ("b", Verdict::Breached),
            ("c", Verdict::Met),
            ("d", Verdict::Breached),
            ("e", Verdict::BestEffort),
            ("f", Verdict::Breached)
        ]
    );
    assert_eq!(lines[0].late, Some(0));
    assert_eq!(lines[1].late, Some(1));
    // d: responded Mon 07:00 EST, due Fri 17:00 EST: 62 hours late.
    assert_eq!(lines[3].late, Some(62 * 3600));
    // e: best effort has no lateness.
    assert_eq!(lines[4].late, None);
    // f: due Mon 2026-11-23 10:00 CET = 09:00Z, unanswered as of
    // 2026-12-01T00:00Z: 7 days 15 hours late.
    assert_eq!(lines[5].late, Some((7 * 24 + 15) * 3600));
}

#[test]
fn audit_judges_the_priority_in_force_at_the_response() {
    // SPEC §9: the response is judged against the priority in force at the
    // first response (without one: at the close or as-of). Gold at europe,
    // opened Mon 2026-11-23 09:00 CET, inside the extended clock's
    // 09:00-18:00 window. P3's target is 4 business hours (due 13:00),
    // P1's 60 minutes (due 10:00), each from the opening.
    // - a: P3, raised to P1 at 10:30, answered 09:45 (under P3): due 13:00,
    //   met, 13:00 - 09:45 = 3 h 15 min early = -11,700 s.
    // - b: P3, raised to P1 at 09:30, answered 11:00 (under P1): due
    //   10:00, breached by 3,600 s.
    // - c: P3, raised to P1 at 09:30, never answered, closed 09:50: the
    //   close counts as the response, under P1: due 10:00, met, -600 s.
    let input = "id,plan,priority,desk,opened,priority_changes,responded,closed\n\
        a,gold,P3,europe,2026-11-23T09:00:00+01:00,2026-11-23T10:30:00+01:00=P1,2026-11-23T09:45:00+01:00,\n\
        b,gold,P3,europe,2026-11-23T09:00:00+01:00,2026-11-23T09:30:00+01:00=P1,2026-11-23T11:00:00+01:00,\n\
        c,gold,P3,europe,2026-11-23T09:00:00+01:00,2026-11-23T09:30:00+01:00=P1,,2026-11-23T09:50:00+01:00\n";
    let lines = judged(input);
    let got: Vec<(&str, Option<&str>, Verdict, Option<i64>)> = lines
        .iter()
        .map(|l| (l.priority.as_str(), l.due.as_deref(), l.verdict, l.late))
        .collect();
    assert_eq!(
        got,
        [
            (
                "P3",
                Some("2026-11-23T13:00:00+01:00"),
                Verdict::Met,
                Some(-11_700)
            ),
            (
                "P1",
                Some("2026-11-23T10:00:00+01:00"),
                Verdict::Breached,
                Some(3_600)
            ),
            (
                "P1",
                Some("2026-11-23T10:00:00+01:00"),
                Verdict::Met,
                Some(-600)
            ),
        ]
    );
}
