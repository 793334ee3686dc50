//! Renewal and end-of-support cases worked out by hand from `SPEC.md` §6
//! (contract terms) and §8 (the `renew` and `eol` commands).
//!
//! Every expected value below was reasoned by hand first; the comment above
//! each case shows the arithmetic. The rules used:
//! - `late_days` = ordered − expires, in calendar days.
//! - `late_days <= 120`: on time, the new term starts on `expires`
//!   (`continuous` true, 0 fee years). The order date is day 0, so
//!   expires + 120 days is still on time.
//! - `late_days > 120`: the term starts on `ordered` (`continuous` false);
//!   `upgrade_fee_years` = number of started years after the expiry, counted
//!   by anniversaries of the expiry date: the smallest k with
//!   `ordered <= expires + k years`.
//! - `end` = start + N years, computed from the anchor start date (not year
//!   by year), 29 February + 1 year = 28 February; `end` is the first day
//!   without coverage.
//! - `--eos D`: `end` = min(end, D); `cut_by_eos` true only when D < the
//!   computed end. `--base-expires B`: `end` = B (add-on co-terminates).
//!
//! Every case runs in its own temporary folder holding the catalogue
//! [`CATALOG`] as `catalog.toml`; cases that need it name that file.

use serde_json::Value;

use crate::support::Test;

/// One invocation and the JSON fields it must produce.
struct RenewCase {
    args: &'static [&'static str],
    /// A JSON object of the fields checked, e.g.
    /// `{"start": "2027-01-31", "late_days": 121}`; fields it leaves out are
    /// not checked.
    expect: &'static str,
}

/// One invocation that must fail with exit status 2 and a one-line message
/// on stderr containing every string of `stderr_has`.
struct FailCase {
    args: &'static [&'static str],
    stderr_has: &'static [&'static str],
}

/// The example catalogue: end of support 2027-06-30, end of life 2028-06-30.
const CATALOG: &str = r#"[[product]]
name = "Example Suite"
eos = "2027-06-30"
eol = "2028-06-30"
replacement = "Example Suite 2"
"#;

/// Where each case finds [`CATALOG`], relative to the folder it runs in.
const CATALOG_FILE: &str = "catalog.toml";

#[rustfmt::skip]
const RENEW: &[RenewCase] = &[
    // Renewed before expiry. 2025-12-15 → 2025-12-31 is 16 days, → 2026-01-31
    // another 31: ordered is 47 days before expiry, late_days = -47. On time:
    // start = expires 2026-01-31, end = 2026-01-31 + 1 year = 2027-01-31.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2025-12-15", "--years", "1", "--plan", "gold"], expect: r#"{"expires": "2026-01-31", "ordered": "2025-12-15", "late_days": -47, "continuous": true, "start": "2026-01-31", "end": "2027-01-31", "upgrade_fee_years": 0, "cut_by_eos": false}"# },
    // Renewed on the expiry day: late_days 0, on time, start 2026-01-31,
    // end 2027-01-31. Plan name in mixed case (§8: case-insensitive).
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-31", "--years", "1", "--plan", "Platinum"], expect: r#"{"expires": "2026-01-31", "ordered": "2026-01-31", "late_days": 0, "continuous": true, "start": "2026-01-31", "end": "2027-01-31", "upgrade_fee_years": 0, "cut_by_eos": false}"# },
    // Same as the expiry-day case without --years: we assume the term
    // defaults to 1 year (SPEC only shows `[--years N]`).
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-31"], expect: r#"{"late_days": 0, "continuous": true, "start": "2026-01-31", "end": "2027-01-31", "upgrade_fee_years": 0, "cut_by_eos": false}"# },
    // expires + 120 days: from 2026-01-31, +28 → 02-28 (2026 is not a leap
    // year), +31 → 03-31 (59), +30 → 04-30 (89), +31 → 05-31 (120).
    // 120 <= 120: still on time, backdated to 2026-01-31, end 2027-01-31.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-05-31", "--years", "1"], expect: r#"{"expires": "2026-01-31", "ordered": "2026-05-31", "late_days": 120, "continuous": true, "start": "2026-01-31", "end": "2027-01-31", "upgrade_fee_years": 0, "cut_by_eos": false}"# },
    // expires + 121 days = 2026-06-01: late. Start = order date 2026-06-01,
    // end 2027-06-01. First anniversary of the expiry is 2027-01-31 and
    // 2026-06-01 <= it, so 1 started year: 1 fee year.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-06-01", "--years", "1"], expect: r#"{"expires": "2026-01-31", "ordered": "2026-06-01", "late_days": 121, "continuous": false, "start": "2026-06-01", "end": "2027-06-01", "upgrade_fee_years": 1, "cut_by_eos": false}"# },
    // Exactly 1 year late: ordered on the first anniversary 2027-01-31.
    // late_days = 365 (no 29 Feb between). 2027-01-31 <= expires + 1 year:
    // 1 fee year. Start 2027-01-31, end 2028-01-31.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2027-01-31", "--years", "1"], expect: r#"{"late_days": 365, "continuous": false, "start": "2027-01-31", "end": "2028-01-31", "upgrade_fee_years": 1, "cut_by_eos": false}"# },
    // 1 year and 1 day late: 2027-02-01, late_days 366. Past the first
    // anniversary, not past the second (2028-01-31): 2 fee years.
    // Start 2027-02-01, end 2028-02-01.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2027-02-01", "--years", "1"], expect: r#"{"late_days": 366, "continuous": false, "start": "2027-02-01", "end": "2028-02-01", "upgrade_fee_years": 2, "cut_by_eos": false}"# },
    // Inside the second year: 2027-08-15. late_days = 365 (to 2027-01-31)
    // + 28 + 31 + 30 + 31 + 30 + 31 (Feb..Jul, to 07-31) + 15 = 561.
    // Between the 1st (2027-01-31) and 2nd (2028-01-31) anniversaries: 2.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2027-08-15", "--years", "1"], expect: r#"{"late_days": 561, "continuous": false, "start": "2027-08-15", "end": "2028-08-15", "upgrade_fee_years": 2}"# },
    // Exactly 3 years late: 2029-01-31. late_days = 365 (2026→2027)
    // + 365 (2027→2028) + 366 (2028→2029, contains 2028-02-29) = 1096.
    // On the 3rd anniversary: 3 fee years. End 2030-01-31.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2029-01-31", "--years", "1"], expect: r#"{"late_days": 1096, "continuous": false, "start": "2029-01-31", "end": "2030-01-31", "upgrade_fee_years": 3}"# },
    // 3 years and 1 day late: 2029-02-01, late_days 1097, 4 fee years.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2029-02-01", "--years", "1"], expect: r#"{"late_days": 1097, "continuous": false, "start": "2029-02-01", "end": "2030-02-01", "upgrade_fee_years": 4}"# },
    // Anniversaries, not 365-day blocks. Expires 2027-03-01; the year to
    // 2028-03-01 has 366 days (2028-02-29). Ordered 2028-02-29: 365 days
    // late, before the anniversary: 1 fee year. Start 2028-02-29 (a leap
    // day), end 2028-02-29 + 1 year = 2029-02-28.
    RenewCase { args: &["renew", "--expires", "2027-03-01", "--ordered", "2028-02-29", "--years", "1"], expect: r#"{"late_days": 365, "continuous": false, "start": "2028-02-29", "end": "2029-02-28", "upgrade_fee_years": 1}"# },
    // Ordered on the anniversary 2028-03-01: 366 days late but exactly
    // 1 year by anniversary: still 1 fee year (a 365-day count would say 2).
    RenewCase { args: &["renew", "--expires", "2027-03-01", "--ordered", "2028-03-01", "--years", "1"], expect: r#"{"late_days": 366, "continuous": false, "start": "2028-03-01", "end": "2029-03-01", "upgrade_fee_years": 1}"# },
    // One day after that anniversary, 2028-03-02: 367 days, 2 fee years.
    RenewCase { args: &["renew", "--expires", "2027-03-01", "--ordered", "2028-03-02", "--years", "1"], expect: r#"{"late_days": 367, "continuous": false, "start": "2028-03-02", "end": "2029-03-02", "upgrade_fee_years": 2}"# },
    // Multi-year, on time: ordered 2026-01-10, 21 days before the expiry
    // 2026-01-31 (late_days -21). Start 2026-01-31, end + 3 years = 2029-01-31.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-10", "--years", "3", "--plan", "gold"], expect: r#"{"late_days": -21, "continuous": true, "start": "2026-01-31", "end": "2029-01-31", "upgrade_fee_years": 0, "cut_by_eos": false}"# },
    // Multi-year, late: 121 days late as above, start 2026-06-01, end
    // 2029-06-01, 1 fee year (the term length does not change the fee).
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-06-01", "--years", "3", "--plan", "platinum"], expect: r#"{"late_days": 121, "continuous": false, "start": "2026-06-01", "end": "2029-06-01", "upgrade_fee_years": 1, "cut_by_eos": false}"# },
    // Leap-day expiry renewed on time: ordered 2028-02-01, 28 days before
    // 2028-02-29 (late_days -28). Start 2028-02-29, end 2029-02-28.
    RenewCase { args: &["renew", "--expires", "2028-02-29", "--ordered", "2028-02-01", "--years", "1"], expect: r#"{"late_days": -28, "continuous": true, "start": "2028-02-29", "end": "2029-02-28", "upgrade_fee_years": 0}"# },
    // Same, 3 years: 2031 is not a leap year, end 2031-02-28.
    RenewCase { args: &["renew", "--expires", "2028-02-29", "--ordered", "2028-02-01", "--years", "3"], expect: r#"{"start": "2028-02-29", "end": "2031-02-28"}"# },
    // Same, 4 years: computed from the anchor, 2028-02-29 + 4 years =
    // 2032-02-29 (2032 is a leap year). Adding one year at a time would
    // wrongly stick at 28 February.
    RenewCase { args: &["renew", "--expires", "2028-02-29", "--ordered", "2028-02-01", "--years", "4"], expect: r#"{"start": "2028-02-29", "end": "2032-02-29"}"# },
    // Leap-day expiry, 120 days late: from 2028-02-29, +29 → 03-29 (29),
    // +31 → 04-29 (60), +30 → 05-29 (90), +30 → 06-28 (120). On time: start
    // 2028-02-29, end 2029-02-28.
    RenewCase { args: &["renew", "--expires", "2028-02-29", "--ordered", "2028-06-28", "--years", "1"], expect: r#"{"late_days": 120, "continuous": true, "start": "2028-02-29", "end": "2029-02-28", "upgrade_fee_years": 0}"# },
    // One day later, 2028-06-29: 121 days, late; start 2028-06-29, end
    // 2029-06-29, 1 fee year.
    RenewCase { args: &["renew", "--expires", "2028-02-29", "--ordered", "2028-06-29", "--years", "1"], expect: r#"{"late_days": 121, "continuous": false, "start": "2028-06-29", "end": "2029-06-29", "upgrade_fee_years": 1}"# },
    // Late renewal ordered on a leap day. Expires 2023-09-30; to 10-31 is
    // 31, 11-30 61, 12-31 92, 2024-01-31 123, 02-29 152 days. Late, start
    // 2024-02-29, end 2025-02-28; 152 days < 1 year: 1 fee year.
    RenewCase { args: &["renew", "--expires", "2023-09-30", "--ordered", "2024-02-29", "--years", "1"], expect: r#"{"expires": "2023-09-30", "ordered": "2024-02-29", "late_days": 152, "continuous": false, "start": "2024-02-29", "end": "2025-02-28", "upgrade_fee_years": 1, "cut_by_eos": false}"# },
    // Same order, 2 years: 2026 is not a leap year, end 2026-02-28.
    RenewCase { args: &["renew", "--expires", "2023-09-30", "--ordered", "2024-02-29", "--years", "2"], expect: r#"{"start": "2024-02-29", "end": "2026-02-28", "upgrade_fee_years": 1}"# },
    // Same order, 4 years: anchor arithmetic, 2024-02-29 + 4 = 2028-02-29.
    RenewCase { args: &["renew", "--expires", "2023-09-30", "--ordered", "2024-02-29", "--years", "4"], expect: r#"{"start": "2024-02-29", "end": "2028-02-29", "upgrade_fee_years": 1}"# },
    // Leap-day expiry, late by exactly its first anniversary. Expires
    // 2024-02-29; by §6 "29 February plus one year is 28 February" the first
    // anniversary is 2025-02-28 (365 days later). Ordered on it: 1 fee year.
    RenewCase { args: &["renew", "--expires", "2024-02-29", "--ordered", "2025-02-28", "--years", "1"], expect: r#"{"late_days": 365, "continuous": false, "start": "2025-02-28", "end": "2026-02-28", "upgrade_fee_years": 1}"# },
    // ...and 2025-03-01 is one day past that anniversary: 2 fee years.
    RenewCase { args: &["renew", "--expires", "2024-02-29", "--ordered", "2025-03-01", "--years", "1"], expect: r#"{"late_days": 366, "continuous": false, "start": "2025-03-01", "end": "2026-03-01", "upgrade_fee_years": 2}"# },
    // EoS before the term's end: on time, computed end 2027-01-31, EoS
    // 2026-09-30 comes first: end 2026-09-30, cut_by_eos true. 16 days early
    // (2026-01-15 → 2026-01-31).
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-15", "--years", "1", "--eos", "2026-09-30"], expect: r#"{"late_days": -16, "continuous": true, "start": "2026-01-31", "end": "2026-09-30", "upgrade_fee_years": 0, "cut_by_eos": true}"# },
    // EoS after the term's end: 2027-06-30 > 2027-01-31, end unchanged,
    // cut_by_eos false.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-15", "--years", "1", "--eos", "2027-06-30"], expect: r#"{"start": "2026-01-31", "end": "2027-01-31", "cut_by_eos": false}"# },
    // EoS on the computed end itself: min is the same date and the EoS is
    // not before the end, so nothing is cut: cut_by_eos false.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-15", "--years", "1", "--eos", "2027-01-31"], expect: r#"{"end": "2027-01-31", "cut_by_eos": false}"# },
    // EoS cutting a 3-year term: computed end 2029-01-31, EoS 2027-06-30.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-01-15", "--years", "3", "--eos", "2027-06-30"], expect: r#"{"start": "2026-01-31", "end": "2027-06-30", "cut_by_eos": true}"# },
    // EoS cutting a late renewal: 121 days late, start 2026-06-01, computed
    // end 2027-06-01, EoS 2026-12-31 first: end 2026-12-31, fee still 1.
    RenewCase { args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-06-01", "--years", "1", "--eos", "2026-12-31"], expect: r#"{"late_days": 121, "continuous": false, "start": "2026-06-01", "end": "2026-12-31", "upgrade_fee_years": 1, "cut_by_eos": true}"# },
    // Add-on co-terminating with its base: on time (2026-03-15 is 16 days
    // before 2026-03-31), start 2026-03-31, end = base end 2026-11-30.
    RenewCase { args: &["renew", "--expires", "2026-03-31", "--ordered", "2026-03-15", "--base-expires", "2026-11-30"], expect: r#"{"late_days": -16, "continuous": true, "start": "2026-03-31", "end": "2026-11-30", "upgrade_fee_years": 0, "cut_by_eos": false}"# },
    // Add-on with --years 3: the base's end still wins (end = B), even
    // though start + 3 years would be 2029-03-31.
    RenewCase { args: &["renew", "--expires", "2026-03-31", "--ordered", "2026-03-15", "--years", "3", "--base-expires", "2027-11-30"], expect: r#"{"start": "2026-03-31", "end": "2027-11-30"}"# },
    // Add-on renewed late: 2026-03-31 → 04-30 30, 05-31 61, 06-30 91,
    // 07-31 122, 08-31 153, 09-01 154 days. Start 2026-09-01, 1 fee year,
    // end = base end 2027-03-31.
    RenewCase { args: &["renew", "--expires", "2026-03-31", "--ordered", "2026-09-01", "--base-expires", "2027-03-31"], expect: r#"{"late_days": 154, "continuous": false, "start": "2026-09-01", "end": "2027-03-31", "upgrade_fee_years": 1}"# },
    // Catalogue EoS applied as --eos: on time (30 days early, 2027-03-01 →
    // 2027-03-31), computed end 2028-03-31, product EoS 2027-06-30 first.
    // The order date is before the EOL (2028-06-30), so no refusal.
    RenewCase { args: &["renew", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--expires", "2027-03-31", "--ordered", "2027-03-01", "--years", "1"], expect: r#"{"late_days": -30, "continuous": true, "start": "2027-03-31", "end": "2027-06-30", "upgrade_fee_years": 0, "cut_by_eos": true}"# },
    // Catalogue EoS after the term: computed end 2027-01-31 < 2027-06-30.
    RenewCase { args: &["renew", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--expires", "2026-01-31", "--ordered", "2026-01-15", "--years", "1"], expect: r#"{"start": "2026-01-31", "end": "2027-01-31", "cut_by_eos": false}"# },
    // A newly registered product: the included basic year.
    // 2026-04-15 + 1 year = 2027-04-15.
    RenewCase { args: &["renew", "--registered", "2026-04-15"], expect: r#"{"start": "2026-04-15", "end": "2027-04-15", "plan": "basic"}"# },
    // Registered on a leap day: 2028-02-29 + 1 year = 2029-02-28.
    RenewCase { args: &["renew", "--registered", "2028-02-29"], expect: r#"{"start": "2028-02-29", "end": "2029-02-28", "plan": "basic"}"# },
];

// The eol command prints an array; with --product it holds exactly one
// entry, and these fields are checked on it. Catalogue: EoS 2027-06-30,
// EOL 2028-06-30. status: supported (on < eos), end_of_support
// (eos <= on < eol), end_of_life (on >= eol). days_left: days to the EoS
// while supported, to the EOL while at end of support.
#[rustfmt::skip]
const EOL: &[RenewCase] = &[
    // A year before the EoS: 2026-06-30 → 2027-06-30 has no 29 Feb: 365.
    RenewCase { args: &["eol", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--on", "2026-06-30"], expect: r#"{"product": "Example Suite", "status": "supported", "eos": "2027-06-30", "eol": "2028-06-30", "days_left": 365}"# },
    // The day before the EoS: still supported, 1 day to the EoS.
    RenewCase { args: &["eol", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--on", "2027-06-29"], expect: r#"{"product": "Example Suite", "status": "supported", "eos": "2027-06-30", "eol": "2028-06-30", "days_left": 1}"# },
    // On the EoS date: end_of_support (eos <= on). Days to the EOL:
    // 2027-06-30 → 2028-06-30 contains 2028-02-29: 366.
    RenewCase { args: &["eol", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--on", "2027-06-30"], expect: r#"{"product": "Example Suite", "status": "end_of_support", "eos": "2027-06-30", "eol": "2028-06-30", "days_left": 366}"# },
    // The day before the EOL: end_of_support, 1 day to the EOL.
    RenewCase { args: &["eol", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--on", "2028-06-29"], expect: r#"{"status": "end_of_support", "days_left": 1}"# },
    // On the EOL date: end_of_life (on >= eol). days_left left unchecked.
    RenewCase { args: &["eol", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--on", "2028-06-30"], expect: r#"{"product": "Example Suite", "status": "end_of_life", "eos": "2027-06-30", "eol": "2028-06-30"}"# },
];

#[rustfmt::skip]
const FAILS: &[FailCase] = &[
    // Ordered exactly on the EOL date 2028-06-30: the product is at end of
    // life on the order date, no support at all: exit 2, message names the
    // EOL date. (28 days after the expiry, so on time otherwise.)
    FailCase {
        args: &["renew", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--expires", "2028-06-02", "--ordered", "2028-06-30", "--years", "1"],
        stderr_has: &["2028-06-30"],
    },
    // Ordered well after the EOL: refused the same way.
    FailCase {
        args: &["renew", "--catalog", CATALOG_FILE, "--product", "Example Suite", "--expires", "2028-12-31", "--ordered", "2029-01-15", "--years", "1"],
        stderr_has: &["2028-06-30"],
    },
    // --ordered is not a date at all.
    FailCase {
        args: &["renew", "--expires", "2026-01-31", "--ordered", "not-a-date", "--years", "1"],
        stderr_has: &["not-a-date"],
    },
    // --ordered looks like a date but 30 February does not exist.
    FailCase {
        args: &["renew", "--expires", "2026-01-31", "--ordered", "2026-02-30", "--years", "1"],
        stderr_has: &["2026-02-30"],
    },
];

/// One case's run, in a folder holding the catalogue, asking for JSON.
fn case(args: &[&str]) -> Test {
    Test::new()
        .file(CATALOG_FILE, CATALOG)
        .args(args.iter().copied())
        .format("json")
}

/// Runs the cases and returns one line per mismatch. `single_of_array`:
/// the output is an array that must hold exactly one object (eol).
fn check_cases(cases: &[RenewCase], single_of_array: bool) -> Vec<String> {
    let mut mismatches = Vec::new();
    for RenewCase { args, expect } in cases {
        let shown = args.join(" ");
        let doc = match case(args).try_json() {
            Ok(doc) => doc,
            Err(problem) => {
                mismatches.push(problem);
                continue;
            }
        };
        let object = if single_of_array {
            let Some([only]) = doc.as_array().map(Vec::as_slice) else {
                mismatches.push(format!(
                    "`{shown}`: expected an array of one object, got {doc}"
                ));
                continue;
            };
            only.clone()
        } else {
            doc
        };
        let Value::Object(fields) =
            serde_json::from_str(expect).expect("expected fields are valid JSON")
        else {
            panic!("`{shown}`: expected fields are not a JSON object: {expect}");
        };
        for (field, want) in &fields {
            match object.get(field) {
                Some(got) if got == want => {}
                Some(got) => {
                    mismatches.push(format!("`{shown}`: {field} = {got}, expected {want}"));
                }
                None => mismatches.push(format!("`{shown}`: no field {field:?} in {object}")),
            }
        }
    }
    mismatches
}

fn assert_none(mismatches: &[String]) {
    assert!(
        mismatches.is_empty(),
        "{} mismatch(es):\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn renew_cases_match_hand_worked_values() {
    assert_none(&check_cases(RENEW, false));
}

#[test]
fn eol_status_on_and_around_the_boundaries() {
    assert_none(&check_cases(EOL, true));
}

#[test]
fn refusals_and_bad_input_exit_2_with_one_line() {
    let mismatches: Vec<String> = FAILS
        .iter()
        .filter_map(|c| case(c.args).bad_input(c.stderr_has).try_run().err())
        .collect();
    assert_none(&mismatches);
}
