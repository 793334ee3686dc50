//! Deadline cases worked out by hand from SPEC.md §2–4 (reasoning beside each),
//! computed by the library (`slacalc::deadline::compute`); `cli::deadline`
//! runs a few of them through the command line.
//!
//! Every expected instant was computed by hand from the desk hours, holiday
//! lists, clocks and targets of SPEC.md; weekdays and UTC offsets were checked
//! against a calendar. Notation in the comments: "Mon 14–18 4h" means the
//! counted window 14:00–18:00 on that Monday gives 4 hours of clock time.
//! Holiday window = the extended clock's window on a holiday that falls on a
//! standard day. "nbd" = next business day, "2bd" = 2 business days.
//!
//! 2026 calendar facts used: Rome is +01:00 until Sun 29 Mar 01:00Z and from
//! Sun 25 Oct 01:00Z, +02:00 between; New York is -05:00 until Sun 8 Mar
//! 07:00Z and from Sun 1 Nov 06:00Z, -04:00 between; Dubai is always +04:00.

use slacalc::deadline::compute;
use slacalc::plan::Amount;

use super::{shown, ticket};
use crate::support::assert_table;

/// Every field of a `Case` is `'static`.
type S = &'static str;

#[derive(Debug)]
pub struct Case {
    pub plan: S,
    pub priority: S,
    pub desk: S,
    /// RFC 3339 with offset.
    pub opened: S,
    /// Each "A/B" in RFC 3339.
    pub pauses: &'static [S],
    /// `None` = no notification target (JSON null).
    pub notification_due: Option<S>,
    /// `None` = best effort (due null, `best_effort` true).
    pub response_due: Option<S>,
}

/// Basic P3 and P4 have no target: no notification, no due instant.
const fn best_effort(priority: S, desk: S, opened: S) -> Case {
    Case {
        plan: "basic",
        priority,
        desk,
        opened,
        pauses: &[],
        notification_due: None,
        response_due: None,
    }
}

pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- europe, ordinary November week (+01:00)
    // 1. gold P2 = 2h extended. Mon 23 Nov 10:00, open 09–18: Mon 10–12 2h → 12:00.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "europe",
        opened: "2026-11-23T10:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-23T12:00:00+01:00"),
    },
    // 2. gold P1 near closing, Mon 17:45. Notification 30m extended: Mon 17:45–18 15m,
    //    Tue 24 09:00–09:15 15m → 09:15. Response 60m: 15m Mon + Tue 09–09:45 45m → 09:45.
    Case {
        plan: "gold",
        priority: "p1",
        desk: "europe",
        opened: "2026-11-23T17:45:00+01:00",
        pauses: &[],
        notification_due: Some("2026-11-24T09:15:00+01:00"),
        response_due: Some("2026-11-24T09:45:00+01:00"),
    },
    // 3. gold P1 with seconds, Mon 10:15:30 (open). Notification 30m → 10:45:30;
    //    response 60m → 11:15:30 (seconds kept).
    Case {
        plan: "gold",
        priority: "p1",
        desk: "europe",
        opened: "2026-11-23T10:15:30+01:00",
        pauses: &[],
        notification_due: Some("2026-11-23T10:45:30+01:00"),
        response_due: Some("2026-11-23T11:15:30+01:00"),
    },
    // 4. basic P1 during hours, Mon 23 Nov 10:30. Notification 4h standard: Mon 10:30–14:30.
    //    Response nbd: first business day strictly after Mon 23 = Tue 24 → 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "europe",
        opened: "2026-11-23T10:30:00+01:00",
        pauses: &[],
        notification_due: Some("2026-11-23T14:30:00+01:00"),
        response_due: Some("2026-11-24T18:00:00+01:00"),
    },
    // 5. basic P2 after hours, Mon 23 Nov 20:00 (SPEC's example date rule). 2bd after
    //    Mon 23: Tue 24 (1st), Wed 25 (2nd) → Wed 18:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "europe",
        opened: "2026-11-23T20:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-25T18:00:00+01:00"),
    },
    // 6. basic P1 on Saturday 28 Nov 11:00 (closed on standard clock). Notification 4h:
    //    Sat, Sun closed; Mon 30 09–13 4h → 13:00. Response nbd after Sat 28 = Mon 30 → 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "europe",
        opened: "2026-11-28T11:00:00+01:00",
        pauses: &[],
        notification_due: Some("2026-11-30T13:00:00+01:00"),
        response_due: Some("2026-11-30T18:00:00+01:00"),
    },
    // 7. gold P1 on Saturday 28 Nov 10:00: gold counts Saturday 09–18.
    //    Notification 10:00–10:30; response 10:00–11:00.
    Case {
        plan: "gold",
        priority: "p1",
        desk: "europe",
        opened: "2026-11-28T10:00:00+01:00",
        pauses: &[],
        notification_due: Some("2026-11-28T10:30:00+01:00"),
        response_due: Some("2026-11-28T11:00:00+01:00"),
    },
    // 8. gold P3 = 4h extended, Fri 27 Nov 16:00: Fri 16–18 2h; Sat 28 09–11 2h → Sat 11:00.
    Case {
        plan: "gold",
        priority: "p3",
        desk: "europe",
        opened: "2026-11-27T16:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-28T11:00:00+01:00"),
    },
    // 9. platinum P4 = 8h extended, Friday evening 27 Nov 19:30 (after hours):
    //    nothing Fri; Sat 28 09–17 8h → Sat 17:00.
    Case {
        plan: "platinum",
        priority: "p4",
        desk: "europe",
        opened: "2026-11-27T19:30:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-28T17:00:00+01:00"),
    },
    // 10. gold P4 = 8h extended, Tue 24 Nov 10:00: Tue 10–18 8h, runs out exactly at
    //     closing → due 18:00 the same day (not Wed 09:00).
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-11-24T10:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-24T18:00:00+01:00"),
    },
    // 11. basic P2 Friday evening 27 Nov 19:00. 2bd after Fri 27: Sat/Sun not business days;
    //     Mon 30 (1st), Tue 1 Dec (2nd) → Tue 18:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "europe",
        opened: "2026-11-27T19:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-01T18:00:00+01:00"),
    },
    // 12. basic P4: best effort, no notification (not P1).
    best_effort("p4", "europe", "2026-11-23T10:00:00+01:00"),
    // 13. gold P2 opened exactly at closing, Mon 23 Nov 18:00: no time left Monday;
    //     Tue 24 09–11 2h → 11:00.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "europe",
        opened: "2026-11-23T18:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-24T11:00:00+01:00"),
    },
    // 14. gold P2 with the opening given in UTC: 08:00+00:00 = 09:00+01:00 Mon 23 Nov
    //     (opening). Mon 09–11 2h → 11:00, printed with the desk's offset.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "europe",
        opened: "2026-11-23T08:00:00+00:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-23T11:00:00+01:00"),
    },
    // ---------------------------------------------------------------- europe holidays
    // 15. gold P4 = 8h, Sat 4 Apr 15:00 (+02:00). Sat 15–18 3h; Sun 5 (Easter) closed;
    //     Mon 6 Apr Easter Monday, holiday window 09–18: 09–14 5h → Mon 14:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-04-04T15:00:00+02:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-04-06T14:00:00+02:00"),
    },
    // 16. basic P1, Fri 3 Apr 16:00 (Good Friday is not an Italian holiday). Notification 4h
    //     standard: Fri 16–18 2h; Sat, Sun closed; Mon 6 holiday closed; Tue 7 09–11 2h → 11:00.
    //     Response nbd after Fri 3: Mon 6 is a holiday → Tue 7 Apr 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "europe",
        opened: "2026-04-03T16:00:00+02:00",
        pauses: &[],
        notification_due: Some("2026-04-07T11:00:00+02:00"),
        response_due: Some("2026-04-07T18:00:00+02:00"),
    },
    // 17. platinum P3 = 4h extended, opened on Easter Monday 6 Apr 10:00: holiday window
    //     09–18 counts, 10–14 4h → 14:00.
    Case {
        plan: "platinum",
        priority: "p3",
        desk: "europe",
        opened: "2026-04-06T10:00:00+02:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-04-06T14:00:00+02:00"),
    },
    // 18. gold P2 = 2h, Mon 7 Dec 17:00: Mon 17–18 1h; Tue 8 Dec (Immacolata) holiday
    //     window 09–10 1h → Tue 10:00.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "europe",
        opened: "2026-12-07T17:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-08T10:00:00+01:00"),
    },
    // 19. basic P2, Mon 7 Dec 10:00. 2bd after Mon 7: Tue 8 holiday skipped; Wed 9 (1st),
    //     Thu 10 (2nd) → Thu 18:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "europe",
        opened: "2026-12-07T10:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-10T18:00:00+01:00"),
    },
    // 20. gold P1, Mon 1 Jun 17:50 (+02:00); Tue 2 Jun (Festa della Repubblica) holiday
    //     window 09–18. Notification 30m: Mon 10m + Tue 09:00–09:20 20m → 09:20.
    //     Response 60m: 10m + Tue 09:00–09:50 50m → 09:50.
    Case {
        plan: "gold",
        priority: "p1",
        desk: "europe",
        opened: "2026-06-01T17:50:00+02:00",
        pauses: &[],
        notification_due: Some("2026-06-02T09:20:00+02:00"),
        response_due: Some("2026-06-02T09:50:00+02:00"),
    },
    // 21. gold P4 = 8h, Sat 3 Oct 14:00 (+02:00). Sat 14–18 4h; Sun 4 Oct (St Francis, a
    //     holiday from 2026, but a Sunday) opens nothing; Mon 5 09–13 4h → Mon 13:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-10-03T14:00:00+02:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-10-05T13:00:00+02:00"),
    },
    // 22. gold P4 = 8h, Thu 24 Dec 15:00: Thu 15–18 3h; Fri 25 Dec (Christmas, a standard
    //     day) holiday window 09–14 5h → Fri 14:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-12-24T15:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-25T14:00:00+01:00"),
    },
    // 23. basic P1, Thu 24 Dec 15:00. Notification 4h standard: Thu 15–18 3h; Fri 25 holiday,
    //     Sat 26 (holiday + Saturday), Sun 27 closed; Mon 28 09–10 1h → 10:00.
    //     Response nbd after Thu 24: 25, 26, 27 not business days → Mon 28 Dec 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "europe",
        opened: "2026-12-24T15:00:00+01:00",
        pauses: &[],
        notification_due: Some("2026-12-28T10:00:00+01:00"),
        response_due: Some("2026-12-28T18:00:00+01:00"),
    },
    // 24. gold P4 = 8h, Fri 24 Apr 14:00 (+02:00): Fri 14–18 4h; Sat 25 Apr (Liberation
    //     Day, a holiday on a Saturday) keeps its Saturday window 09–18: 09–13 4h → Sat 13:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-04-24T14:00:00+02:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-04-25T13:00:00+02:00"),
    },
    // ---------------------------------------------------------------- europe DST
    // 25. platinum P2 = 2h on 24/7, Sun 29 Mar 01:30+01:00 = 00:30Z. +2h = 02:30Z, after the
    //     01:00Z spring-forward → 04:30+02:00 (wall clock moved 3h).
    Case {
        plan: "platinum",
        priority: "p2",
        desk: "europe",
        opened: "2026-03-29T01:30:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-03-29T04:30:00+02:00"),
    },
    // 26. platinum P1 on 24/7, Sun 29 Mar 01:45+01:00 = 00:45Z. Notification +30m = 01:15Z
    //     = 03:15+02:00; response +60m = 01:45Z = 03:45+02:00.
    Case {
        plan: "platinum",
        priority: "p1",
        desk: "europe",
        opened: "2026-03-29T01:45:00+01:00",
        pauses: &[],
        notification_due: Some("2026-03-29T03:15:00+02:00"),
        response_due: Some("2026-03-29T03:45:00+02:00"),
    },
    // 27. platinum P2 = 2h on 24/7, Sun 25 Oct 01:30+02:00 = Sat 24 Oct 23:30Z. +2h = 01:30Z,
    //     after the 01:00Z fall-back → 02:30+01:00 (wall clock moved only 1h).
    Case {
        plan: "platinum",
        priority: "p2",
        desk: "europe",
        opened: "2026-10-25T01:30:00+02:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-10-25T02:30:00+01:00"),
    },
    // 28. platinum P1, Sun 25 Oct 02:50+02:00 (first 02:50) = 00:50Z. Notification +30m =
    //     01:20Z = 02:20+01:00; response +60m = 01:50Z = 02:50+01:00 (the second 02:50).
    Case {
        plan: "platinum",
        priority: "p1",
        desk: "europe",
        opened: "2026-10-25T02:50:00+02:00",
        pauses: &[],
        notification_due: Some("2026-10-25T02:20:00+01:00"),
        response_due: Some("2026-10-25T02:50:00+01:00"),
    },
    // 29. gold P4 = 8h over the spring DST weekend: Sat 28 Mar 14:00+01:00, Sat 14–18 4h;
    //     Sun 29 closed; Mon 30 09–13 local (now +02:00) 4h → 13:00+02:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-03-28T14:00:00+01:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-03-30T13:00:00+02:00"),
    },
    // 30. basic P2 over the autumn DST weekend: Fri 23 Oct 17:00+02:00. 2bd after Fri 23:
    //     Mon 26 (1st), Tue 27 (2nd) → Tue 18:00, now +01:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "europe",
        opened: "2026-10-23T17:00:00+02:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-10-27T18:00:00+01:00"),
    },
    // 31. basic P1, Fri 23 Oct 16:00+02:00. Notification 4h standard: Fri 16–18 2h; Mon 26
    //     09–11 (+01:00) 2h → 11:00+01:00. Response nbd after Fri 23 = Mon 26 → 18:00+01:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "europe",
        opened: "2026-10-23T16:00:00+02:00",
        pauses: &[],
        notification_due: Some("2026-10-26T11:00:00+01:00"),
        response_due: Some("2026-10-26T18:00:00+01:00"),
    },
    // ---------------------------------------------------------------- americas
    // 32. gold P4 = 8h, Wed 25 Nov 14:00-05:00: Wed 14–17 3h; Thu 26 Nov Thanksgiving,
    //     holiday window 07–12 5h → total 8h exactly at the window's close → Thu 12:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "americas",
        opened: "2026-11-25T14:00:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-26T12:00:00-05:00"),
    },
    // 33. basic P2, Wed 25 Nov 10:00. 2bd after Wed 25: Thu 26 holiday; Fri 27 (1st);
    //     Sat/Sun; Mon 30 (2nd) → Mon 17:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "americas",
        opened: "2026-11-25T10:00:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-30T17:00:00-05:00"),
    },
    // 34. basic P1, Wed 25 Nov 15:00. Notification 4h standard: Wed 15–17 2h; Thu 26 holiday
    //     closed; Fri 27 07–09 2h → 09:00. Response nbd after Wed 25 = Fri 27 → 17:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "americas",
        opened: "2026-11-25T15:00:00-05:00",
        pauses: &[],
        notification_due: Some("2026-11-27T09:00:00-05:00"),
        response_due: Some("2026-11-27T17:00:00-05:00"),
    },
    // 35. gold P1 on Thanksgiving Thu 26 Nov 11:50 (holiday window 07–12). Notification 30m:
    //     11:50–12:00 10m + Fri 27 07:00–07:20 → 07:20. Response 60m: 10m + 07:00–07:50 → 07:50.
    Case {
        plan: "gold",
        priority: "p1",
        desk: "americas",
        opened: "2026-11-26T11:50:00-05:00",
        pauses: &[],
        notification_due: Some("2026-11-27T07:20:00-05:00"),
        response_due: Some("2026-11-27T07:50:00-05:00"),
    },
    // 36. platinum P3 = 4h extended, Thanksgiving 06:00 (before the window): 07–11 4h → 11:00.
    Case {
        plan: "platinum",
        priority: "p3",
        desk: "americas",
        opened: "2026-11-26T06:00:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-26T11:00:00-05:00"),
    },
    // 37. gold P3 = 4h, Thu 2 Jul 15:00-04:00: Thu 15–17 2h; Fri 3 Jul (Independence Day
    //     observed; 4 Jul is a Saturday) holiday window 07–09 2h → Fri 09:00.
    Case {
        plan: "gold",
        priority: "p3",
        desk: "americas",
        opened: "2026-07-02T15:00:00-04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-07-03T09:00:00-04:00"),
    },
    // 38. basic P2, Thu 2 Jul 15:00. 2bd after Thu 2: Fri 3 observed holiday, Sat 4, Sun 5
    //     not business days; Mon 6 (1st), Tue 7 (2nd) → Tue 17:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "americas",
        opened: "2026-07-02T15:00:00-04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-07-07T17:00:00-04:00"),
    },
    // 39. gold P4 = 8h, Sat 4 Jul 09:00 (Saturday window 07–12, holiday or not): Sat 09–12 3h;
    //     Sun closed; Mon 6 07–12 5h → Mon 12:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "americas",
        opened: "2026-07-04T09:00:00-04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-07-06T12:00:00-04:00"),
    },
    // 40. platinum P2 = 2h on 24/7, Sun 8 Mar 01:00-05:00 = 06:00Z. +2h = 08:00Z, after the
    //     07:00Z spring-forward → 04:00-04:00.
    Case {
        plan: "platinum",
        priority: "p2",
        desk: "americas",
        opened: "2026-03-08T01:00:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-03-08T04:00:00-04:00"),
    },
    // 41. platinum P1, Sun 1 Nov 01:40-04:00 (first 01:40) = 05:40Z; fall-back at 06:00Z.
    //     Notification +30m = 06:10Z = 01:10-05:00; response +60m = 06:40Z = 01:40-05:00.
    Case {
        plan: "platinum",
        priority: "p1",
        desk: "americas",
        opened: "2026-11-01T01:40:00-04:00",
        pauses: &[],
        notification_due: Some("2026-11-01T01:10:00-05:00"),
        response_due: Some("2026-11-01T01:40:00-05:00"),
    },
    // 42. platinum P2 = 2h on 24/7, Sun 1 Nov 00:30-04:00 = 04:30Z. +2h = 06:30Z = 01:30-05:00.
    Case {
        plan: "platinum",
        priority: "p2",
        desk: "americas",
        opened: "2026-11-01T00:30:00-04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-01T01:30:00-05:00"),
    },
    // 43. gold P4 = 8h over the spring DST weekend: Sat 7 Mar 10:00-05:00, Sat 10–12 2h;
    //     Sun 8 closed; Mon 9 07–13 local (-04:00) 6h → 13:00-04:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "americas",
        opened: "2026-03-07T10:00:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-03-09T13:00:00-04:00"),
    },
    // 44. basic P1 over the autumn DST weekend, Fri 30 Oct 16:00-04:00. Notification 4h
    //     standard: Fri 16–17 1h; Mon 2 Nov 07–10 (-05:00) 3h → 10:00-05:00.
    //     Response nbd after Fri 30 = Mon 2 Nov → 17:00-05:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "americas",
        opened: "2026-10-30T16:00:00-04:00",
        pauses: &[],
        notification_due: Some("2026-11-02T10:00:00-05:00"),
        response_due: Some("2026-11-02T17:00:00-05:00"),
    },
    // 45. platinum P4 = 8h extended, Sat 31 Oct 11:00-04:00: Sat 11–12 1h; Sun 1 Nov closed;
    //     Mon 2 Nov 07–14 (-05:00) 7h → 14:00-05:00.
    Case {
        plan: "platinum",
        priority: "p4",
        desk: "americas",
        opened: "2026-10-31T11:00:00-04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-02T14:00:00-05:00"),
    },
    // 46. basic P3: best effort, no notification.
    best_effort("p3", "americas", "2026-11-24T10:00:00-05:00"),
    // 47. gold P3 = 4h opened before hours, Tue 24 Nov 05:30: counting starts 07:00,
    //     07–11 4h → 11:00.
    Case {
        plan: "gold",
        priority: "p3",
        desk: "americas",
        opened: "2026-11-24T05:30:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-24T11:00:00-05:00"),
    },
    // 48. basic P1, Thu 19 Nov 21:00-05:00 (= Fri 02:00Z; the LOCAL arrival date Thu counts).
    //     Notification 4h standard: Fri 20 07–11 → 11:00. Response nbd after Thu 19 = Fri 20
    //     → 17:00 (a UTC-date reading would wrongly give Mon 23).
    Case {
        plan: "basic",
        priority: "p1",
        desk: "americas",
        opened: "2026-11-19T21:00:00-05:00",
        pauses: &[],
        notification_due: Some("2026-11-20T11:00:00-05:00"),
        response_due: Some("2026-11-20T17:00:00-05:00"),
    },
    // 49. basic P1 on Saturday 28 Nov 10:00 (basic does not count Saturday). Notification 4h:
    //     Mon 30 07–11 → 11:00. Response nbd after Sat 28 = Mon 30 → 17:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "americas",
        opened: "2026-11-28T10:00:00-05:00",
        pauses: &[],
        notification_due: Some("2026-11-30T11:00:00-05:00"),
        response_due: Some("2026-11-30T17:00:00-05:00"),
    },
    // 50. platinum P2 = 2h on 24/7 runs past closing: Wed 25 Nov 16:30 → 18:30.
    Case {
        plan: "platinum",
        priority: "p2",
        desk: "americas",
        opened: "2026-11-25T16:30:00-05:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-25T18:30:00-05:00"),
    },
    // ---------------------------------------------------------------- middle-east (Sun–Thu) vs uae (Mon–Fri), +04:00
    // 51. gold P4 = 8h, middle-east, Thu 12 Nov 16:00: Thu 16–18 2h; Fri 13 closed; Sat 14
    //     window 12–18 6h → total 8h exactly at Saturday closing → Sat 18:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "middle-east",
        opened: "2026-11-12T16:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-14T18:00:00+04:00"),
    },
    // 52. same instant, uae: Thu 16–18 2h; Fri 13 is a standard day 09–15 6h → Fri 15:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "uae",
        opened: "2026-11-12T16:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-13T15:00:00+04:00"),
    },
    // 53. basic P1, middle-east, Thu 12 Nov 16:00. Notification 4h standard: Thu 16–18 2h;
    //     Fri, Sat closed; Sun 15 09–11 2h → Sun 11:00. Response nbd after Thu 12 = Sun 15 → 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "middle-east",
        opened: "2026-11-12T16:00:00+04:00",
        pauses: &[],
        notification_due: Some("2026-11-15T11:00:00+04:00"),
        response_due: Some("2026-11-15T18:00:00+04:00"),
    },
    // 54. same instant, uae: notification Thu 2h + Fri 13 09–11 2h → Fri 11:00;
    //     response nbd after Thu 12 = Fri 13 → 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "uae",
        opened: "2026-11-12T16:00:00+04:00",
        pauses: &[],
        notification_due: Some("2026-11-13T11:00:00+04:00"),
        response_due: Some("2026-11-13T18:00:00+04:00"),
    },
    // 55. gold P2 = 2h, middle-east, Fri 13 Nov 10:00 (closed day): Sat 14 window 12–14 → 14:00.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "middle-east",
        opened: "2026-11-13T10:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-14T14:00:00+04:00"),
    },
    // 56. same instant, uae: Fri is standard, 10–12 2h → Fri 12:00.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "uae",
        opened: "2026-11-13T10:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-13T12:00:00+04:00"),
    },
    // 57. platinum P3 = 4h extended, uae, Sun 15 Nov 10:00 (closed, Sunday has no extended
    //     window): Mon 16 09–13 → 13:00.
    Case {
        plan: "platinum",
        priority: "p3",
        desk: "uae",
        opened: "2026-11-15T10:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-16T13:00:00+04:00"),
    },
    // 58. same instant, middle-east: Sunday is standard, 10–14 4h → Sun 14:00.
    Case {
        plan: "platinum",
        priority: "p3",
        desk: "middle-east",
        opened: "2026-11-15T10:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-15T14:00:00+04:00"),
    },
    // 59. basic P1, middle-east, Sat 14 Nov 13:00 (standard clock closed). Notification 4h:
    //     Sun 15 09–13 → 13:00. Response nbd after Sat 14 = Sun 15 → 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "middle-east",
        opened: "2026-11-14T13:00:00+04:00",
        pauses: &[],
        notification_due: Some("2026-11-15T13:00:00+04:00"),
        response_due: Some("2026-11-15T18:00:00+04:00"),
    },
    // 60. gold P4 = 8h, uae, Tue 1 Dec 14:00: Tue 14–18 4h; Wed 2 Dec (National Day,
    //     a standard day) holiday window 12–16 4h → Wed 16:00. (The calendar follows
    //     its named source: National Day 2–3 Dec 2026, no separate 1 Dec holiday.)
    Case {
        plan: "gold",
        priority: "p4",
        desk: "uae",
        opened: "2026-12-01T14:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-02T16:00:00+04:00"),
    },
    // 61. basic P2, uae, Mon 30 Nov 10:00. 2bd after Mon 30: Tue 1 Dec (1st, an ordinary
    //     day); Wed 2 and Thu 3 Dec National Day; Fri 4 (2nd) → Fri 4 Dec 18:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "uae",
        opened: "2026-11-30T10:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-04T18:00:00+04:00"),
    },
    // 62. gold P3 = 4h, middle-east, Thu 3 Dec 10:00 (National Day on a standard day):
    //     holiday window 12–18, 12–16 4h → 16:00.
    Case {
        plan: "gold",
        priority: "p3",
        desk: "middle-east",
        opened: "2026-12-03T10:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-12-03T16:00:00+04:00"),
    },
    // 63. platinum P3 = 4h extended, uae, Fri 13 Nov 16:00: Fri 16–18 2h; Sat 14 window
    //     12–14 2h → Sat 14:00.
    Case {
        plan: "platinum",
        priority: "p3",
        desk: "uae",
        opened: "2026-11-13T16:00:00+04:00",
        pauses: &[],
        notification_due: None,
        response_due: Some("2026-11-14T14:00:00+04:00"),
    },
    // 64. platinum P1 on 24/7, middle-east, Fri 13 Nov 23:50 (closed day, clock still runs):
    //     notification +30m → Sat 00:20; response +60m → Sat 00:50.
    Case {
        plan: "platinum",
        priority: "p1",
        desk: "middle-east",
        opened: "2026-11-13T23:50:00+04:00",
        pauses: &[],
        notification_due: Some("2026-11-14T00:20:00+04:00"),
        response_due: Some("2026-11-14T00:50:00+04:00"),
    },
    // 65. basic P1, uae, Mon 16 Nov 02:00+04:00 (= Sun 22:00Z; the LOCAL date Mon counts).
    //     Notification 4h: Mon 09–13 → 13:00. Response nbd after Mon 16 = Tue 17 → 18:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "uae",
        opened: "2026-11-16T02:00:00+04:00",
        pauses: &[],
        notification_due: Some("2026-11-16T13:00:00+04:00"),
        response_due: Some("2026-11-17T18:00:00+04:00"),
    },
    // 66. basic P3, middle-east: best effort, no notification.
    best_effort("p3", "middle-east", "2026-11-15T10:00:00+04:00"),
    // ---------------------------------------------------------------- pauses
    // 67. gold P3 = 4h, europe, Mon 23 Nov 09:00, one pause 10:00–11:00 inside hours:
    //     09–10 1h; 11–14 3h → 14:00.
    Case {
        plan: "gold",
        priority: "p3",
        desk: "europe",
        opened: "2026-11-23T09:00:00+01:00",
        pauses: &["2026-11-23T10:00:00+01:00/2026-11-23T11:00:00+01:00"],
        notification_due: None,
        response_due: Some("2026-11-23T14:00:00+01:00"),
    },
    // 68. gold P4 = 8h, europe, Tue 24 Nov 13:00, pause straddling closing Tue 17:00 → Wed
    //     10:00: Tue 13–17 4h; Wed 10–14 4h → Wed 14:00.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "europe",
        opened: "2026-11-24T13:00:00+01:00",
        pauses: &["2026-11-24T17:00:00+01:00/2026-11-25T10:00:00+01:00"],
        notification_due: None,
        response_due: Some("2026-11-25T14:00:00+01:00"),
    },
    // 69. gold P2 = 2h, europe, Mon 23 Nov 17:00, pause Mon 19:00 → Tue 08:00 lies entirely
    //     outside open hours and changes nothing: Mon 17–18 1h; Tue 09–10 1h → Tue 10:00.
    Case {
        plan: "gold",
        priority: "p2",
        desk: "europe",
        opened: "2026-11-23T17:00:00+01:00",
        pauses: &["2026-11-23T19:00:00+01:00/2026-11-24T08:00:00+01:00"],
        notification_due: None,
        response_due: Some("2026-11-24T10:00:00+01:00"),
    },
    // 70. gold P4 = 8h, americas, Mon 23 Nov 08:00, two pauses 09:00–09:30 and 12:00–13:00:
    //     08–09 1h; 09:30–12 2.5h; 13–17 4h (7.5h); Tue 24 07:00–07:30 0.5h → Tue 07:30.
    Case {
        plan: "gold",
        priority: "p4",
        desk: "americas",
        opened: "2026-11-23T08:00:00-05:00",
        pauses: &[
            "2026-11-23T09:00:00-05:00/2026-11-23T09:30:00-05:00",
            "2026-11-23T12:00:00-05:00/2026-11-23T13:00:00-05:00",
        ],
        notification_due: None,
        response_due: Some("2026-11-24T07:30:00-05:00"),
    },
    // 71. platinum P2 = 2h on 24/7, uae, Sat 14 Nov 22:00, pause 23:00 → Sun 01:00 (24/7 runs
    //     at night, so the pause matters): 22–23 1h; Sun 01–02 1h → Sun 02:00.
    Case {
        plan: "platinum",
        priority: "p2",
        desk: "uae",
        opened: "2026-11-14T22:00:00+04:00",
        pauses: &["2026-11-14T23:00:00+04:00/2026-11-15T01:00:00+04:00"],
        notification_due: None,
        response_due: Some("2026-11-15T02:00:00+04:00"),
    },
    // 72. basic P1, europe, Mon 23 Nov 14:00, pause Tue 10:00–12:00. Notification 4h standard:
    //     Mon 14–18 4h, exactly at closing → Mon 18:00 (pause is later). Response: D0 = nbd
    //     Tue 24 18:00; L = Mon 14–18 4h + Tue 09–18 9h = 13h. With the pause: Mon 4h, Tue
    //     09–10 1h, 12–18 6h (11h); Wed 25 09–11 2h → Wed 11:00.
    Case {
        plan: "basic",
        priority: "p1",
        desk: "europe",
        opened: "2026-11-23T14:00:00+01:00",
        pauses: &["2026-11-24T10:00:00+01:00/2026-11-24T12:00:00+01:00"],
        notification_due: Some("2026-11-23T18:00:00+01:00"),
        response_due: Some("2026-11-25T11:00:00+01:00"),
    },
    // 73. basic P2, americas, Tue 17 Nov 20:00 (after hours), pause Wed 18 16:00 → Thu 19
    //     08:00 straddling closing. D0 = 2bd: Wed 18, Thu 19 → Thu 17:00; L = Wed 10h + Thu 10h
    //     = 20h. With the pause: Wed 07–16 9h; Thu 08–17 9h (18h); Fri 20 07–09 2h → Fri 09:00.
    Case {
        plan: "basic",
        priority: "p2",
        desk: "americas",
        opened: "2026-11-17T20:00:00-05:00",
        pauses: &["2026-11-18T16:00:00-05:00/2026-11-19T08:00:00-05:00"],
        notification_due: None,
        response_due: Some("2026-11-20T09:00:00-05:00"),
    },
    // 74. gold P1, uae, Tue 17 Nov 09:00, pause 09:10–09:40 (pauses stop every clock, so
    //     the notification target too). Notification 30m: 09:00–09:10 10m + 09:40–10:00 20m
    //     → 10:00. Response 60m: 10m + 09:40–10:30 50m → 10:30.
    Case {
        plan: "gold",
        priority: "p1",
        desk: "uae",
        opened: "2026-11-17T09:00:00+04:00",
        pauses: &["2026-11-17T09:10:00+04:00/2026-11-17T09:40:00+04:00"],
        notification_due: Some("2026-11-17T10:00:00+04:00"),
        response_due: Some("2026-11-17T10:30:00+04:00"),
    },
];

/// Computes one case and returns what differs from the hand-worked
/// expectation; instants are compared as the command line writes them,
/// RFC 3339 at the desk's offset.
fn check(c: &Case) -> Vec<String> {
    let ticket = ticket(c.plan, c.priority, c.desk, c.opened, c.pauses, &[]);
    let d = match compute(&ticket, false) {
        Ok(d) => d,
        Err(e) => return vec![e.to_string()],
    };
    let shown = |t| shown(ticket.desk(), t);

    let mut problems = Vec::new();
    let response_due = d.response.due.map(shown);
    let expected_due = c.response_due.map(str::to_string);
    if response_due != expected_due {
        problems.push(format!(
            "response.due: expected {expected_due:?}, got {response_due:?}"
        ));
    }
    let best_effort = d.response.target.amount == Amount::BestEffort;
    let expected_best_effort = c.response_due.is_none();
    if best_effort != expected_best_effort {
        problems.push(format!(
            "response.best_effort: expected {expected_best_effort}, got {best_effort}"
        ));
    }
    match (c.notification_due, &d.notification) {
        (None, None) => {}
        (None, Some(notification)) => {
            problems.push(format!("notification: expected none, got {notification:?}"));
        }
        (Some(due), notification) => {
            let got = notification.as_ref().and_then(|n| n.due).map(shown);
            if got.as_deref() != Some(due) {
                problems.push(format!("notification.due: expected \"{due}\", got {got:?}"));
            }
        }
    }
    problems
}

#[test]
fn hand_worked_deadlines() {
    assert_table(
        "hand-worked deadline cases",
        CASES
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("case {} {c:?}", i + 1), c)),
        check,
    );
}

#[test]
fn deadline_uses_the_changed_priority_from_the_opening() {
    // Gold P4 (8h) raised to P2 (2h): due 2h after the opening, Mon 2026-11-23
    // 09:00 + 2h = 11:00 CET.
    let raised = ticket(
        "gold",
        "p4",
        "europe",
        "2026-11-23T09:00:00+01:00",
        &[],
        &["2026-11-23T10:00:00+01:00=p2"],
    );
    let d = compute(&raised, false).unwrap();
    assert_eq!(d.priority.id, "P2");
    assert_eq!(
        d.response.due.map(|t| shown(raised.desk(), t)).as_deref(),
        Some("2026-11-23T11:00:00+01:00")
    );
}
