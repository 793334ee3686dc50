//! Coverage, holiday listing and proactive-event cases worked out by hand
//! from SPEC.md §1, §2, §3, §7 and §8 (reasoning above each case).
//!
//! Every expected value below was computed by hand from the desk hours,
//! holiday lists, clocks and targets of SPEC.md; weekdays and UTC offsets
//! were checked against a calendar, never against the program's output.
//!
//! 2026 calendar facts used:
//! - Mon 23 Nov, Tue 24, Thu 26 (Thanksgiving), Fri 27, Sat 28, Sun 29,
//!   Mon 30 Nov; Tue 8 Dec; Thu 24 Dec, Fri 25, Sat 26, Sun 27, Mon 28 Dec;
//!   Sun 4 Oct, Mon 5 Oct; Thu 19 Mar, Fri 20, Sat 21, Sun 22, Mon 23 Mar;
//!   Fri 3 Jul (Independence Day observed), Sat 4 Jul, Mon 6 Jul.
//! - Rome is +02:00 from Sun 29 Mar to Sun 25 Oct, +01:00 otherwise;
//!   New York is -04:00 from Sun 8 Mar to Sun 1 Nov, -05:00 otherwise;
//!   Dubai is always +04:00.
//!
//! Coverage semantics under test (brief of this feature): at `at`, if the
//! plan's business clock (basic: standard; gold, platinum: extended) is
//! open, `open` is true, `clock` names that clock, `window` is the current
//! window [from, to) and `next_open` is null. Otherwise basic/gold are
//! closed with `window` null and `next_open` the next opening of the
//! business clock; platinum is on call (`open` true, `clock` "24x7",
//! `on_call` true, `window` null, `next_open` the next extended opening).

use serde_json::Value;

use crate::engine::holidays::{AMERICAS_2026, EUROPE_2026, UAE_2026};
use crate::support::Test;

fn report(what: &str, mismatches: &[String]) {
    assert!(
        mismatches.is_empty(),
        "{} {what} mismatch(es):\n  - {}",
        mismatches.len(),
        mismatches.join("\n  - ")
    );
}

/// Compares `value[key]` with an optional string: `None` means JSON null.
/// The key must be present either way.
fn check_opt_str(v: &Value, key: &str, expected: Option<&str>, label: &str, out: &mut Vec<String>) {
    match (v.get(key), expected) {
        (None, _) => out.push(format!("{label}: field {key:?} missing")),
        (Some(Value::Null), None) => {}
        (Some(actual), None) => out.push(format!("{label}: {key} = {actual}, expected null")),
        (Some(actual), Some(want)) => {
            if actual.as_str() != Some(want) {
                out.push(format!("{label}: {key} = {actual}, expected {want:?}"));
            }
        }
    }
}

// ======================================================================
// 1. coverage --plan P --desk D --at T
// ======================================================================

#[derive(Debug)]
struct Cov {
    plan: &'static str,
    desk: &'static str,
    /// Passed to `--at`.
    at: &'static str,
    /// The `at` field expected back (the same instant at the desk's offset).
    at_out: &'static str,
    open: bool,
    /// `None` = not checked (the brief leaves `clock` of a closed basic/gold
    /// desk unspecified).
    clock: Option<&'static str>,
    /// `None` = JSON null.
    window: Option<(&'static str, &'static str)>,
    /// `None` = JSON null.
    next_open: Option<&'static str>,
    on_call: bool,
}

/// Every field of a `Cov` is `'static`.
type S = &'static str;

/// A case asked at `at` whose answer is closed with nulls: the rows below
/// set what differs from it.
const fn asked(plan: S, desk: S, at: S) -> Cov {
    Cov {
        plan,
        desk,
        at,
        at_out: at,
        open: false,
        clock: None,
        window: None,
        next_open: None,
        on_call: false,
    }
}

const fn open_at(plan: S, desk: S, at: S, clock: S, from: S, to: S) -> Cov {
    Cov {
        open: true,
        clock: Some(clock),
        window: Some((from, to)),
        ..asked(plan, desk, at)
    }
}

const fn closed_at(plan: S, desk: S, at: S, next_open: S) -> Cov {
    Cov {
        next_open: Some(next_open),
        ..asked(plan, desk, at)
    }
}

const fn on_call_at(desk: S, at: S, next_open: S) -> Cov {
    Cov {
        open: true,
        clock: Some("24x7"),
        next_open: Some(next_open),
        on_call: true,
        ..asked("platinum", desk, at)
    }
}

#[rustfmt::skip]
const COVERAGE: &[Cov] = &[
    // ------------------------------------------------ europe, Mon 23 Nov 2026 (+01:00), 09:00–18:00
    // 1. gold at the opening second 09:00:00: [09:00, 18:00) contains it → open, extended.
    open_at("gold", "europe", "2026-11-23T09:00:00+01:00", "extended", "2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00"),
    // 2. gold one second before opening, 08:59:59 → closed; next opening is 09:00 the same day.
    closed_at("gold", "europe", "2026-11-23T08:59:59+01:00", "2026-11-23T09:00:00+01:00"),
    // 3. gold one second before closing, 17:59:59 → still open, same window.
    open_at("gold", "europe", "2026-11-23T17:59:59+01:00", "extended", "2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00"),
    // 4. gold at the closing second 18:00:00 → closed ([from, to) excludes `to`);
    //    next opening Tue 24 Nov 09:00 (an ordinary weekday).
    closed_at("gold", "europe", "2026-11-23T18:00:00+01:00", "2026-11-24T09:00:00+01:00"),
    // 5–8. the same four edges for basic on the standard clock.
    open_at("basic", "europe", "2026-11-23T09:00:00+01:00", "standard", "2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00"),
    closed_at("basic", "europe", "2026-11-23T08:59:59+01:00", "2026-11-23T09:00:00+01:00"),
    open_at("basic", "europe", "2026-11-23T17:59:59+01:00", "standard", "2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00"),
    closed_at("basic", "europe", "2026-11-23T18:00:00+01:00", "2026-11-24T09:00:00+01:00"),
    // 9. input in UTC: 08:00:00Z is 09:00:00+01:00 in Rome → the opening second, open;
    //    `at` comes back at the desk's offset (§8).
    Cov { at_out: "2026-11-23T09:00:00+01:00", ..open_at("basic", "europe", "2026-11-23T08:00:00Z", "standard", "2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00") },
    // ------------------------------------------------ Saturday 28 Nov 2026
    // 10. basic europe Sat 10:00: the standard clock has no Saturday → closed;
    //     Sun 29 closed → next opening Mon 30 Nov 09:00.
    closed_at("basic", "europe", "2026-11-28T10:00:00+01:00", "2026-11-30T09:00:00+01:00"),
    // 11. gold europe Sat 10:00: extended Saturday window 09:00–18:00 → open.
    open_at("gold", "europe", "2026-11-28T10:00:00+01:00", "extended", "2026-11-28T09:00:00+01:00", "2026-11-28T18:00:00+01:00"),
    // 12. gold europe Sat 18:00 (closing second) → closed; Sun closed → Mon 30 09:00.
    closed_at("gold", "europe", "2026-11-28T18:00:00+01:00", "2026-11-30T09:00:00+01:00"),
    // 13. gold americas Sat 11:59:59 (-05:00): Saturday window 07:00–12:00 → open.
    open_at("gold", "americas", "2026-11-28T11:59:59-05:00", "extended", "2026-11-28T07:00:00-05:00", "2026-11-28T12:00:00-05:00"),
    // 14. gold americas Sat 12:00:00 → closed; Sun closed → Mon 30 Nov 07:00.
    closed_at("gold", "americas", "2026-11-28T12:00:00-05:00", "2026-11-30T07:00:00-05:00"),
    // 15. basic americas Sat 07:00 → closed (no Saturday) → Mon 30 Nov 07:00.
    closed_at("basic", "americas", "2026-11-28T07:00:00-05:00", "2026-11-30T07:00:00-05:00"),
    // ------------------------------------------------ holidays
    // 16. Thanksgiving Thu 26 Nov 2026 (4th Thursday: 5, 12, 19, 26), a standard day:
    //     gold americas 10:00 → holiday window 07:00–12:00 → open.
    open_at("gold", "americas", "2026-11-26T10:00:00-05:00", "extended", "2026-11-26T07:00:00-05:00", "2026-11-26T12:00:00-05:00"),
    // 17. gold americas Thanksgiving 12:00:00 → holiday window closed; Fri 27 Nov is an
    //     ordinary weekday → next opening Fri 27 07:00.
    closed_at("gold", "americas", "2026-11-26T12:00:00-05:00", "2026-11-27T07:00:00-05:00"),
    // 18. gold americas Thanksgiving 06:59:59 → before the holiday window → next 07:00 same day.
    closed_at("gold", "americas", "2026-11-26T06:59:59-05:00", "2026-11-26T07:00:00-05:00"),
    // 19. basic americas Thanksgiving 10:00 → standard clock closed on holidays →
    //     next opening Fri 27 Nov 07:00.
    closed_at("basic", "americas", "2026-11-26T10:00:00-05:00", "2026-11-27T07:00:00-05:00"),
    // 20. gold europe Tue 8 Dec 2026 (Immacolata, a standard day) 10:00 → holiday
    //     window 09:00–18:00 → open.
    open_at("gold", "europe", "2026-12-08T10:00:00+01:00", "extended", "2026-12-08T09:00:00+01:00", "2026-12-08T18:00:00+01:00"),
    // 21. basic europe Tue 8 Dec 10:00 → closed; Wed 9 Dec 09:00.
    closed_at("basic", "europe", "2026-12-08T10:00:00+01:00", "2026-12-09T09:00:00+01:00"),
    // 22. Independence Day 2026 is Sat 4 Jul, observed Fri 3 Jul (a standard day, EDT -04:00):
    //     gold americas Fri 3 Jul 10:00 → holiday window 07:00–12:00 → open.
    open_at("gold", "americas", "2026-07-03T10:00:00-04:00", "extended", "2026-07-03T07:00:00-04:00", "2026-07-03T12:00:00-04:00"),
    // 23. basic americas Fri 3 Jul 10:00 → closed (observed holiday); Sat 4, Sun 5 closed
    //     → Mon 6 Jul 07:00 -04:00.
    closed_at("basic", "americas", "2026-07-03T10:00:00-04:00", "2026-07-06T07:00:00-04:00"),
    // 24. europe 4 Oct 2026 (St Francis, from 2026) is a Sunday: a holiday on a closed day
    //     opens nothing → gold closed at 10:00 (+02:00, before 25 Oct); next Mon 5 Oct 09:00.
    closed_at("gold", "europe", "2026-10-04T10:00:00+02:00", "2026-10-05T09:00:00+02:00"),
    // ------------------------------------------------ middle-east vs uae, Friday 27 Nov 2026 (+04:00)
    // 25. gold middle-east Fri 10:00: Friday is closed on every clock → closed; Sat 28 has
    //     the extended window 12:00–18:00 → next opening Sat 12:00.
    closed_at("gold", "middle-east", "2026-11-27T10:00:00+04:00", "2026-11-28T12:00:00+04:00"),
    // 26. basic middle-east Fri 10:00: closed; Sat closed for basic → Sun 29 Nov 09:00
    //     (Sun–Thu standard week).
    closed_at("basic", "middle-east", "2026-11-27T10:00:00+04:00", "2026-11-29T09:00:00+04:00"),
    // 27. gold uae Fri 10:00: uae runs Mon–Fri 09:00–18:00 → open.
    open_at("gold", "uae", "2026-11-27T10:00:00+04:00", "extended", "2026-11-27T09:00:00+04:00", "2026-11-27T18:00:00+04:00"),
    // 28. basic uae Fri 10:00 → open on the standard clock.
    open_at("basic", "uae", "2026-11-27T10:00:00+04:00", "standard", "2026-11-27T09:00:00+04:00", "2026-11-27T18:00:00+04:00"),
    // 29. basic middle-east Sun 29 Nov 09:00 → a standard day there → open.
    open_at("basic", "middle-east", "2026-11-29T09:00:00+04:00", "standard", "2026-11-29T09:00:00+04:00", "2026-11-29T18:00:00+04:00"),
    // 30. gold uae Sat 28 Nov 11:59:59: Saturday window is 12:00–18:00 → closed, next 12:00.
    closed_at("gold", "uae", "2026-11-28T11:59:59+04:00", "2026-11-28T12:00:00+04:00"),
    // 31. gold uae Sat 28 Nov 12:00:00 → open 12:00–18:00.
    open_at("gold", "uae", "2026-11-28T12:00:00+04:00", "extended", "2026-11-28T12:00:00+04:00", "2026-11-28T18:00:00+04:00"),
    // ------------------------------------------------ Eid al-Fitr 2026: Thu 19 – Sun 22 Mar (UAE)
    // 32. basic middle-east Thu 19 Mar 10:00: holiday → closed; Fri 20 closed, Sat 21 closed
    //     for basic, Sun 22 holiday → next opening Mon 23 Mar 09:00.
    closed_at("basic", "middle-east", "2026-03-19T10:00:00+04:00", "2026-03-23T09:00:00+04:00"),
    // 33. gold middle-east Thu 19 Mar 10:00: holiday on a standard day → holiday window
    //     12:00–18:00, not yet open → next Thu 19 12:00.
    closed_at("gold", "middle-east", "2026-03-19T10:00:00+04:00", "2026-03-19T12:00:00+04:00"),
    // 34. gold middle-east Fri 20 Mar 13:00: a holiday on Friday (closed day) opens nothing
    //     → closed; Sat 21 window 12:00 → next Sat 21 12:00.
    closed_at("gold", "middle-east", "2026-03-20T13:00:00+04:00", "2026-03-21T12:00:00+04:00"),
    // 35. gold uae Fri 20 Mar 13:00: Friday is a standard day at uae → holiday window
    //     12:00–18:00 → open.
    open_at("gold", "uae", "2026-03-20T13:00:00+04:00", "extended", "2026-03-20T12:00:00+04:00", "2026-03-20T18:00:00+04:00"),
    // 36. basic uae Fri 20 Mar 13:00: holiday → closed; Sat 21, Sun 22 closed → Mon 23 09:00.
    closed_at("basic", "uae", "2026-03-20T13:00:00+04:00", "2026-03-23T09:00:00+04:00"),
    // ------------------------------------------------ Christmas 2026, europe (+01:00)
    // 37. basic europe Thu 24 Dec 18:30: closed; Fri 25 holiday, Sat 26 (weekend, also
    //     holiday), Sun 27 closed → Mon 28 Dec 09:00.
    closed_at("basic", "europe", "2026-12-24T18:30:00+01:00", "2026-12-28T09:00:00+01:00"),
    // 38. gold europe Thu 24 Dec 18:30: Fri 25 is a holiday on a standard day → holiday
    //     window 09:00–18:00 → next opening Fri 25 09:00.
    closed_at("gold", "europe", "2026-12-24T18:30:00+01:00", "2026-12-25T09:00:00+01:00"),
    // 39. gold europe Sat 26 Dec 10:00: Saturday window (also a holiday; same hours) → open.
    open_at("gold", "europe", "2026-12-26T10:00:00+01:00", "extended", "2026-12-26T09:00:00+01:00", "2026-12-26T18:00:00+01:00"),
    // ------------------------------------------------ platinum
    // 40. platinum europe Mon 23 Nov 23:00: extended clock closed → on call (24x7);
    //     next extended opening Tue 24 09:00.
    on_call_at("europe", "2026-11-23T23:00:00+01:00", "2026-11-24T09:00:00+01:00"),
    // 41. platinum europe Mon 23 Nov 10:00: extended clock open → business hours, not on call.
    open_at("platinum", "europe", "2026-11-23T10:00:00+01:00", "extended", "2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00"),
    // 42. platinum europe Mon 08:59:59 → on call; next opening 09:00 the same day.
    on_call_at("europe", "2026-11-23T08:59:59+01:00", "2026-11-23T09:00:00+01:00"),
    // 43. platinum europe Sat 26 Dec 20:00: after the Saturday window → on call; Sun 27
    //     closed → Mon 28 Dec 09:00.
    on_call_at("europe", "2026-12-26T20:00:00+01:00", "2026-12-28T09:00:00+01:00"),
    // 44. platinum americas Sat 28 Nov 12:00 (window end) → on call; Mon 30 Nov 07:00.
    on_call_at("americas", "2026-11-28T12:00:00-05:00", "2026-11-30T07:00:00-05:00"),
    // 45. platinum middle-east Fri 27 Nov 03:00 → on call; Sat 28 12:00.
    on_call_at("middle-east", "2026-11-27T03:00:00+04:00", "2026-11-28T12:00:00+04:00"),
];

#[test]
fn coverage_at_instants() {
    let mut mismatches = Vec::new();
    for (i, c) in COVERAGE.iter().enumerate() {
        let label = format!("case {} ({} {} {})", i + 1, c.plan, c.desk, c.at);
        let v = match Test::new()
            .args(["coverage", "--plan", c.plan, "--desk", c.desk, "--at", c.at])
            .format("json")
            .try_json()
        {
            Ok(v) => v,
            Err(e) => {
                mismatches.push(format!("{label}: {e}"));
                continue;
            }
        };
        let m = &mut mismatches;
        if v.get("plan").and_then(Value::as_str) != Some(c.plan) {
            m.push(format!("{label}: plan = {:?}", v.get("plan")));
        }
        if v.get("desk").and_then(Value::as_str) != Some(c.desk) {
            m.push(format!("{label}: desk = {:?}", v.get("desk")));
        }
        check_opt_str(&v, "at", Some(c.at_out), &label, m);
        if v.get("open").and_then(Value::as_bool) != Some(c.open) {
            m.push(format!(
                "{label}: open = {:?}, expected {}",
                v.get("open"),
                c.open
            ));
        }
        if v.get("on_call").and_then(Value::as_bool) != Some(c.on_call) {
            m.push(format!(
                "{label}: on_call = {:?}, expected {}",
                v.get("on_call"),
                c.on_call
            ));
        }
        if let Some(clock) = c.clock {
            check_opt_str(&v, "clock", Some(clock), &label, m);
        } else if v.get("clock").is_none() {
            m.push(format!("{label}: field \"clock\" missing"));
        }
        match (v.get("window"), c.window) {
            (None, _) => m.push(format!("{label}: field \"window\" missing")),
            (Some(Value::Null), None) => {}
            (Some(w), None) => m.push(format!("{label}: window = {w}, expected null")),
            (Some(w), Some((from, to))) => {
                check_opt_str(w, "from", Some(from), &format!("{label} window"), m);
                check_opt_str(w, "to", Some(to), &format!("{label} window"), m);
            }
        }
        check_opt_str(&v, "next_open", c.next_open, &label, m);
    }
    report("coverage --at", &mismatches);
}

// ======================================================================
// 2. coverage (plan matrix, SPEC §1)
// ======================================================================

/// (distinctive substring of the feature text, basic, gold, platinum)
const MATRIX_ROWS: &[(&str, [&str; 3])] = &[
    // "remote support (Webex)": no / yes / yes
    ("remote", ["no", "yes", "yes"]),
    // "on-site support": optional for all plans
    ("on-site", ["optional", "optional", "optional"]),
    // "out-of-hours on-call": platinum only
    ("on-call", ["no", "no", "yes"]),
    // "proactive support": no / yes / yes
    ("proactive", ["no", "yes", "yes"]),
    // "extended: Saturday": no / yes / yes
    ("saturday", ["no", "yes", "yes"]),
    // "dedicated support expert": platinum only
    ("dedicated", ["no", "no", "yes"]),
    // "level 1 (end users)": no / optional / optional
    ("level 1", ["no", "optional", "optional"]),
    // "bank holidays": no / yes / yes
    ("bank holiday", ["no", "yes", "yes"]),
    // "unlimited tickets": yes for all
    ("unlimited", ["yes", "yes", "yes"]),
];

#[test]
fn coverage_plan_matrix() {
    let mut m = Vec::new();
    let v = Test::new().arg("coverage").format("json").json();
    let plans = v
        .as_array()
        .unwrap_or_else(|| panic!("coverage --format json: not a JSON array: {v}"));
    let names: Vec<Option<&str>> = plans
        .iter()
        .map(|p| p.get("plan").and_then(Value::as_str))
        .collect();
    if names != [Some("basic"), Some("gold"), Some("platinum")] {
        m.push(format!(
            "plans in order {names:?}, expected basic, gold, platinum"
        ));
    }
    for (col, plan) in plans.iter().enumerate().take(3) {
        let plan_name = plan.get("plan").and_then(Value::as_str).unwrap_or("?");
        let Some(features) = plan.get("features").and_then(Value::as_array) else {
            m.push(format!("{plan_name}: no \"features\" array"));
            continue;
        };
        for (needle, values) in MATRIX_ROWS {
            let hits: Vec<&Value> = features
                .iter()
                .filter(|f| {
                    f.get("feature")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.to_lowercase().contains(needle))
                })
                .collect();
            if hits.len() != 1 {
                m.push(format!(
                    "{plan_name}: {} features contain {needle:?}, expected exactly 1",
                    hits.len()
                ));
                continue;
            }
            let value = hits[0].get("value").and_then(Value::as_str);
            if value != Some(values[col]) {
                m.push(format!(
                    "{plan_name}: feature {:?} = {value:?}, expected {:?}",
                    hits[0].get("feature"),
                    values[col]
                ));
            }
        }
    }
    report("coverage matrix", &m);
}

// ======================================================================
// 3. holidays --desk D --year Y
// ======================================================================

// The 2026 lists, worked out by hand, are shared with the golden-year
// tests in holidays.rs.

fn check_holiday_json(
    desk: &str,
    year: &str,
    expected: &[&str],
    m: &mut Vec<String>,
) -> Vec<Value> {
    let label = format!("holidays {desk} {year}");
    let v = match Test::new()
        .args(["holidays", "--desk", desk, "--year", year])
        .format("json")
        .try_json()
    {
        Ok(v) => v,
        Err(e) => {
            m.push(format!("{label}: {e}"));
            return Vec::new();
        }
    };
    let Some(items) = v.as_array() else {
        m.push(format!("{label}: not a JSON array: {v}"));
        return Vec::new();
    };
    let dates: Vec<&str> = items
        .iter()
        .map(|h| h.get("date").and_then(Value::as_str).unwrap_or("<no date>"))
        .collect();
    if dates != expected {
        m.push(format!(
            "{label}: {} dates {dates:?}, expected {} {expected:?}",
            dates.len(),
            expected.len()
        ));
    }
    for h in items {
        let name = h.get("name").and_then(Value::as_str).unwrap_or("");
        if name.trim().is_empty() {
            m.push(format!("{label}: entry without a name: {h}"));
        }
    }
    items.clone()
}

fn name_of<'a>(items: &'a [Value], date: &str) -> &'a str {
    items
        .iter()
        .find(|h| h.get("date").and_then(Value::as_str) == Some(date))
        .and_then(|h| h.get("name").and_then(Value::as_str))
        .unwrap_or("")
}

#[test]
fn holidays_json() {
    let mut m = Vec::new();
    let europe = check_holiday_json("europe", "2026", EUROPE_2026, &mut m);
    // 4 Oct is St Francis (San Francesco); 6 Apr is Easter Monday (Lunedì dell'Angelo).
    let francis = name_of(&europe, "2026-10-04");
    if !europe.is_empty() && !francis.contains("Franc") {
        m.push(format!(
            "europe 2026-10-04 name {francis:?} does not name St Francis"
        ));
    }
    let americas = check_holiday_json("americas", "2026", AMERICAS_2026, &mut m);
    // The observed Friday carries Independence Day's name.
    let july = name_of(&americas, "2026-07-03");
    if !americas.is_empty() && !july.contains("Independence") {
        m.push(format!(
            "americas 2026-07-03 name {july:?} is not Independence Day"
        ));
    }
    check_holiday_json("uae", "2026", UAE_2026, &mut m);
    check_holiday_json("middle-east", "2026", UAE_2026, &mut m);
    // The UAE lists stop at 2028: 2029 is bad input, said on one line naming the year.
    let refusal = Test::new()
        .args(["holidays", "--desk", "uae", "--year", "2029"])
        .format("json")
        .bad_input(&["2029"])
        .try_run();
    m.extend(refusal.err());
    report("holidays", &m);
}

/// `slacalc holidays --desk D --year 2026 --format ics`.
fn holidays_ics_2026(desk: &str) -> Test {
    Test::new()
        .args(["holidays", "--desk", desk, "--year", "2026"])
        .format("ics")
}

fn check_ics(desk: &str, expected: &[&str], m: &mut Vec<String>) {
    let label = format!("holidays {desk} 2026 ics");
    let out = match holidays_ics_2026(desk).try_run() {
        Ok(out) => out,
        Err(e) => {
            m.push(format!("{label}: {e}"));
            return;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    if !text.starts_with("BEGIN:VCALENDAR") {
        m.push(format!(
            "{label}: does not begin with BEGIN:VCALENDAR: {:?}",
            text.chars().take(40).collect::<String>()
        ));
    }
    // Lines may end in CRLF (RFC 5545); compare trimmed lines.
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let events = lines.iter().filter(|l| **l == "BEGIN:VEVENT").count();
    if events != expected.len() {
        m.push(format!(
            "{label}: {events} VEVENTs, expected {}",
            expected.len()
        ));
    }
    let dtstarts = lines
        .iter()
        .filter(|l| l.starts_with("DTSTART;VALUE=DATE:"))
        .count();
    if dtstarts != expected.len() {
        m.push(format!(
            "{label}: {dtstarts} DTSTART;VALUE=DATE lines, expected {}",
            expected.len()
        ));
    }
    for date in expected {
        let want = format!("DTSTART;VALUE=DATE:{}", date.replace('-', ""));
        if !lines.contains(&want.as_str()) {
            m.push(format!("{label}: no line {want:?}"));
        }
    }
}

#[test]
fn holidays_ics() {
    let mut m = Vec::new();
    // 12 events for europe 2026, incl. DTSTART 20260406 (Easter Monday) and 20261004.
    check_ics("europe", EUROPE_2026, &mut m);
    // 11 events for americas 2026, incl. DTSTART 20260703 (observed), never 20260704.
    check_ics("americas", AMERICAS_2026, &mut m);
    let out = holidays_ics_2026("americas").output();
    if String::from_utf8_lossy(&out.stdout).contains("DTSTART;VALUE=DATE:20260704") {
        m.push("americas ics: Sat 4 Jul listed; the observed day is Fri 3 Jul".to_string());
    }
    report("holidays ics", &m);
}

// ======================================================================
// 4. proactive events (SPEC §7)
// ======================================================================

const EVENTS: &[(&str, &str)] = &[
    ("voip-crash", "P1"),
    ("application-crash", "P1"),
    ("ha-replication", "P3"),
    ("disk-low", "P4"),
    ("disk-almost-full", "P3"),
    ("database-low", "P4"),
    ("database-almost-full", "P3"),
    ("recording-channels-exhausted", "P3"),
    ("queueing-licences-exhausted", "P3"),
    ("attendant-licences-exhausted", "P3"),
    ("cloud-connection-failure", "P1"),
];

#[test]
fn coverage_events_list() {
    let mut m = Vec::new();
    match Test::new()
        .args(["coverage", "--events"])
        .format("json")
        .try_json()
    {
        Err(e) => m.push(format!("coverage --events: {e}")),
        Ok(v) => match v.as_array() {
            None => m.push(format!("coverage --events: not an array: {v}")),
            Some(items) => {
                if items.len() != EVENTS.len() {
                    m.push(format!("{} events, expected {}", items.len(), EVENTS.len()));
                }
                for (id, priority) in EVENTS {
                    let hits: Vec<&Value> = items
                        .iter()
                        .filter(|e| e.get("id").and_then(Value::as_str) == Some(id))
                        .collect();
                    if hits.len() != 1 {
                        m.push(format!("event {id}: {} entries, expected 1", hits.len()));
                        continue;
                    }
                    let got = hits[0].get("priority").and_then(Value::as_str);
                    if got != Some(priority) {
                        m.push(format!("event {id}: priority {got:?}, expected {priority}"));
                    }
                    let desc = hits[0].get("description").and_then(Value::as_str);
                    if desc.is_none_or(|d| d.trim().is_empty()) {
                        m.push(format!("event {id}: no description"));
                    }
                }
            }
        },
    }
    report("coverage --events", &m);
}

#[derive(Debug)]
struct EventCase {
    event: &'static str,
    plan: &'static str,
    desk: &'static str,
    opened: &'static str,
    priority: &'static str,
    /// `None` = JSON null (only P1 has a notification target).
    notification_due: Option<&'static str>,
    response_due: &'static str,
    response_clock: &'static str,
}

const EVENT_CASES: &[EventCase] = &[
    // 1. disk-almost-full = P3 → gold 4 business hours on the extended clock.
    //    Mon 23 Nov 10:00 europe: 10–14 4h → 14:00. No notification (P3).
    EventCase {
        event: "disk-almost-full",
        plan: "gold",
        desk: "europe",
        opened: "2026-11-23T10:00:00+01:00",
        priority: "P3",
        notification_due: None,
        response_due: "2026-11-23T14:00:00+01:00",
        response_clock: "extended",
    },
    // 2. voip-crash = P1 → gold 60 min extended: 10:00–11:00. Notification 30 min → 10:30.
    EventCase {
        event: "voip-crash",
        plan: "gold",
        desk: "europe",
        opened: "2026-11-23T10:00:00+01:00",
        priority: "P1",
        notification_due: Some("2026-11-23T10:30:00+01:00"),
        response_due: "2026-11-23T11:00:00+01:00",
        response_clock: "extended",
    },
    // 3. disk-low = P4 → gold 8 business hours: Mon 10–18 is exactly 8h → due at the
    //    closing second 18:00 (a target running out at closing is due at closing).
    EventCase {
        event: "disk-low",
        plan: "gold",
        desk: "europe",
        opened: "2026-11-23T10:00:00+01:00",
        priority: "P4",
        notification_due: None,
        response_due: "2026-11-23T18:00:00+01:00",
        response_clock: "extended",
    },
    // 4. database-low = P4, opened one second later, 10:00:01: Mon gives 7h59m59s,
    //    the last second is Tue 24 09:00:00–09:00:01 → 09:00:01.
    EventCase {
        event: "database-low",
        plan: "gold",
        desk: "europe",
        opened: "2026-11-23T10:00:01+01:00",
        priority: "P4",
        notification_due: None,
        response_due: "2026-11-24T09:00:01+01:00",
        response_clock: "extended",
    },
    // 5. application-crash = P1, gold americas Sat 28 Nov 11:30 (-05:00), Saturday window
    //    07–12. Notification 30 min: 11:30–12:00 → 12:00 (runs out at closing).
    //    Response 60 min: 30 min Sat, Sun closed, Mon 30 07:00–07:30 → 07:30.
    EventCase {
        event: "application-crash",
        plan: "gold",
        desk: "americas",
        opened: "2026-11-28T11:30:00-05:00",
        priority: "P1",
        notification_due: Some("2026-11-28T12:00:00-05:00"),
        response_due: "2026-11-30T07:30:00-05:00",
        response_clock: "extended",
    },
    // 6. cloud-connection-failure = P1, platinum europe Mon 23 Nov 23:00: 24/7 clock.
    //    Notification 30 min → 23:30; response 60 min → Tue 24 00:00.
    EventCase {
        event: "cloud-connection-failure",
        plan: "platinum",
        desk: "europe",
        opened: "2026-11-23T23:00:00+01:00",
        priority: "P1",
        notification_due: Some("2026-11-23T23:30:00+01:00"),
        response_due: "2026-11-24T00:00:00+01:00",
        response_clock: "24x7",
    },
    // 7. ha-replication = P3, platinum europe Mon 23:00: P3 runs on the extended clock →
    //    starts Tue 24 09:00, 4h → 13:00.
    EventCase {
        event: "ha-replication",
        plan: "platinum",
        desk: "europe",
        opened: "2026-11-23T23:00:00+01:00",
        priority: "P3",
        notification_due: None,
        response_due: "2026-11-24T13:00:00+01:00",
        response_clock: "extended",
    },
    // 8. recording-channels-exhausted = P3, gold middle-east Thu 26 Nov 16:00 (+04:00):
    //    Thu 16–18 2h, Fri closed, Sat 28 12:00–14:00 2h → Sat 14:00.
    EventCase {
        event: "recording-channels-exhausted",
        plan: "gold",
        desk: "middle-east",
        opened: "2026-11-26T16:00:00+04:00",
        priority: "P3",
        notification_due: None,
        response_due: "2026-11-28T14:00:00+04:00",
        response_clock: "extended",
    },
    // 9. queueing-licences-exhausted = P3, gold europe Thu 24 Dec 16:00: Thu 16–18 2h,
    //    Fri 25 (holiday window 09–18) 09–11 2h → Fri 25 Dec 11:00.
    EventCase {
        event: "queueing-licences-exhausted",
        plan: "gold",
        desk: "europe",
        opened: "2026-12-24T16:00:00+01:00",
        priority: "P3",
        notification_due: None,
        response_due: "2026-12-25T11:00:00+01:00",
        response_clock: "extended",
    },
    // 10. database-almost-full = P3, platinum americas Thanksgiving Thu 26 Nov 11:00 (-05:00):
    //     holiday window 07–12 gives 11–12 1h; Fri 27 07–10 3h → Fri 10:00.
    EventCase {
        event: "database-almost-full",
        plan: "platinum",
        desk: "americas",
        opened: "2026-11-26T11:00:00-05:00",
        priority: "P3",
        notification_due: None,
        response_due: "2026-11-27T10:00:00-05:00",
        response_clock: "extended",
    },
    // 11. attendant-licences-exhausted = P3, gold uae Fri 27 Nov 15:00 (+04:00): Fri 15–18
    //     3h, Sat 28 12:00–13:00 1h → Sat 13:00.
    EventCase {
        event: "attendant-licences-exhausted",
        plan: "gold",
        desk: "uae",
        opened: "2026-11-27T15:00:00+04:00",
        priority: "P3",
        notification_due: None,
        response_due: "2026-11-28T13:00:00+04:00",
        response_clock: "extended",
    },
];

/// `slacalc deadline --event E --plan P --desk D --opened T --format json`.
fn event_deadline(event: &str, plan: &str, desk: &str, opened: &str) -> Test {
    Test::new()
        .args(["deadline", "--event", event, "--plan", plan, "--desk", desk])
        .opened(opened)
        .format("json")
}

fn check_event_deadline(c: &EventCase, extra: &[&str], label: &str, m: &mut Vec<String>) {
    let v = match event_deadline(c.event, c.plan, c.desk, c.opened)
        .args(extra.iter().copied())
        .try_json()
    {
        Ok(v) => v,
        Err(e) => {
            m.push(format!("{label}: {e}"));
            return;
        }
    };
    check_opt_str(&v, "priority", Some(c.priority), label, m);
    check_opt_str(&v, "opened", Some(c.opened), label, m);
    match v.get("notification") {
        None => m.push(format!("{label}: field \"notification\" missing")),
        Some(Value::Null) => {
            if let Some(want) = c.notification_due {
                m.push(format!("{label}: notification null, expected due {want}"));
            }
        }
        Some(n) => match c.notification_due {
            None => m.push(format!("{label}: notification = {n}, expected null")),
            Some(want) => check_opt_str(n, "due", Some(want), &format!("{label} notification"), m),
        },
    }
    match v.get("response") {
        None => m.push(format!("{label}: field \"response\" missing")),
        Some(r) => {
            let l = format!("{label} response");
            check_opt_str(r, "due", Some(c.response_due), &l, m);
            check_opt_str(r, "clock", Some(c.response_clock), &l, m);
            if r.get("best_effort").and_then(Value::as_bool) != Some(false) {
                m.push(format!(
                    "{l}: best_effort = {:?}, expected false",
                    r.get("best_effort")
                ));
            }
        }
    }
}

#[test]
fn deadline_for_events() {
    let mut m = Vec::new();
    for (i, c) in EVENT_CASES.iter().enumerate() {
        let label = format!(
            "event case {} ({} {} {} {})",
            i + 1,
            c.event,
            c.plan,
            c.desk,
            c.opened
        );
        check_event_deadline(c, &[], &label, &mut m);
    }
    report("deadline --event", &m);
}

#[test]
fn event_release_and_plan_eligibility() {
    let mut m = Vec::new();
    let base = &EVENT_CASES[0]; // disk-almost-full, gold europe, due 14:00
                                // Winter '20 is the first eligible release; Spring '20 and Summer '20 come after it
                                // within 2020, Winter '21 in the next year: all eligible, same deadline.
    for release in ["Winter '20", "Spring '20", "Summer '20", "Winter '21"] {
        let label = format!("--release {release:?}");
        check_event_deadline(base, &["--release", release], &label, &mut m);
    }
    // Summer '19 and Spring '19 precede Winter '20 → bad input naming the minimum release.
    for release in ["Summer '19", "Spring '19"] {
        let refusal = event_deadline(base.event, "gold", "europe", base.opened)
            .args(["--release", release])
            .bad_input(&["Winter '20"])
            .try_run();
        m.extend(refusal.err());
    }
    // Proactive support is gold/platinum only: basic with --event is bad input that
    // names both eligible plans (case-insensitively: "Gold" or "gold").
    let refusal = event_deadline("disk-almost-full", "basic", "europe", base.opened)
        .bad_input(&["gold", "platinum"])
        .ignore_case()
        .try_run();
    m.extend(refusal.err());
    // An unknown event id is bad input naming it.
    let refusal = event_deadline("no-such-event", "gold", "europe", base.opened)
        .bad_input(&["no-such-event"])
        .try_run();
    m.extend(refusal.err());
    report("event eligibility", &m);
}
