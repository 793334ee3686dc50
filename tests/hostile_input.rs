//! Input that real exports and careless or hostile callers produce: ids
//! that look like numbers, blank lines, fractional and leap seconds, lines
//! without end, broken JSON, byte order marks and control characters.
//!
//! Most cases use one ticket: gold P2 at the europe desk opened Fri
//! 2026-11-20 17:30 CET. Its 2 business hours on the extended clock are
//! 30 min on Friday (until 18:00) and 90 min on Saturday from 09:00, so it
//! is due Sat 2026-11-21 10:30:00+01:00.

use crate::support::Test;

const OPENED: &str = "2026-11-20T17:30:00+01:00";
const DUE: &str = "2026-11-21T10:30:00+01:00";

// 3. Fractional and leap seconds.

#[test]
fn fractional_seconds_are_truncated() {
    // The response at 10:30:00.9 is at 10:30:00 once truncated: exactly at
    // the due instant, so met and 0 s late (SPEC §3, §9).
    let input = format!(
        "id,plan,priority,desk,opened,responded\na,gold,p2,europe,{OPENED},2026-11-21T10:30:00.9+01:00\n"
    );
    let lines = Test::new()
        .args(["audit", "-", "--input-format", "csv", "--tickets"])
        .args(["--as-of", "2026-12-01T00:00:00Z", "--format", "json"])
        .stdin(input)
        .json_lines();
    assert_eq!(lines[0]["verdict"], "met", "{}", lines[0]);
    assert_eq!(lines[0]["late_seconds"], 0);
    assert_eq!(lines[0]["responded"], "2026-11-21T10:30:00+01:00");

    // A local time with a fraction is read the same way: opened 17:30:00.5
    // at the desk is opened 17:30:00, due Sat 10:30.
    let single = Test::deadline("gold", "p2", "europe")
        .opened("2026-11-20T17:30:00.5")
        .format("json")
        .json();
    assert_eq!(single["opened"], OPENED);
    assert_eq!(single["response"]["due"], DUE);
}

#[test]
fn a_leap_second_is_an_error_naming_the_value() {
    for opened in [
        "2026-11-20T10:59:60Z",
        "2026-11-20T11:59:60+01:00",
        "2026-11-20T11:59:60",
    ] {
        Test::deadline("gold", "p2", "europe")
            .opened(opened)
            .bad_input(&[opened, "leap second"])
            .run();
    }
}
