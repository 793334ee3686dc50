//! Catalogue files and listings (SPEC §6, §8).

use crate::support::Test;

/// `slacalc eol --catalog catalog.toml`, run beside a catalogue file
/// holding `text`.
fn eol_with_catalogue(text: &str) -> Test {
    Test::new()
        .file("catalog.toml", text)
        .args(["eol", "--catalog", "catalog.toml"])
}

#[test]
fn bad_catalogue_names_file_line_and_key() {
    for (text, needle) in [
        // Line 4 holds a date that does not exist.
        (
            "[[product]]\nname = \"A\"\neos = \"2027-01-01\"\neol = \"2027-02-30\"\n",
            "catalog.toml:4: key 'product[0].eol'",
        ),
        // An unknown key on line 3.
        (
            "[[product]]\nname = \"A\"\nend = \"2027-01-01\"\n",
            "catalog.toml:3: key 'product[0]",
        ),
        // End of life before end of support: reported at the product's header.
        (
            "[[product]]\nname = \"A\"\neos = \"2027-01-01\"\neol = \"2026-01-01\"\n",
            "catalog.toml:1: key 'product[0].eol'",
        ),
    ] {
        eol_with_catalogue(text).bad_input(&[needle]).run();
    }
}

#[test]
fn unknown_product_suggests_the_nearest_name() {
    eol_with_catalogue(
        "[[product]]\nname = \"Example Suite\"\neos = 2027-06-30\neol = 2028-06-30\n",
    )
    .args(["--product", "Exmple Suite"])
    .bad_input(&["did you mean 'Example Suite'"])
    .run();
}

#[test]
fn listing_is_soonest_first() {
    // On 2026-07-01 (shipped example catalogue): Suite 2019 is past its EoS
    // (2026-06-30) with 364 days to EOL 2027-06-30; the Recorder Add-on is
    // supported with 273 days to EoS 2027-03-31 (July 31 + Aug 31 + Sep 30
    // + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 - 1 = 273);
    // Suite 2024 has until 2029-12-31.
    let v = Test::new()
        .args(["eol", "--catalog", "plans/catalog.example.toml"])
        .args(["--on", "2026-07-01"])
        .format("json")
        .json();
    let rows = v.as_array().unwrap();
    assert_eq!(rows[0]["product"], "Example Recorder Add-on");
    assert_eq!(rows[0]["days_left"], 273);
    assert_eq!(rows[1]["product"], "Example Suite 2019");
    assert_eq!(rows[1]["status"], "end_of_support");
    assert_eq!(rows[1]["days_left"], 364);
    assert_eq!(rows[2]["status"], "supported");
}

#[test]
fn renewal_after_end_of_support_is_refused() {
    // Ordered 2026-08-01 for a term expiring 2026-07-15 (on time, start
    // 2026-07-15), but the product's EoS 2026-06-30 comes before the start:
    // no term can begin.
    Test::new()
        .args(["renew", "--catalog", "plans/catalog.example.toml"])
        .args(["--product", "example suite 2019"])
        .args(["--expires", "2026-07-15", "--ordered", "2026-08-01"])
        .bad_input(&["end of support on 2026-06-30"])
        .run();
}

#[test]
fn add_on_co_terminates_and_eos_still_cuts() {
    // Add-on renewed on time: term 2026-03-01 + 1 year = 2027-03-01, but it
    // co-terminates with the base product ending 2026-12-31; EoS 2026-10-01
    // cuts further.
    let v = Test::new()
        .args([
            "renew",
            "--expires",
            "2026-03-01",
            "--ordered",
            "2026-02-01",
        ])
        .args(["--base-expires", "2026-12-31", "--eos", "2026-10-01"])
        .format("json")
        .json();
    assert_eq!(v["end"], "2026-10-01");
    assert_eq!(v["last_covered_day"], "2026-09-30");
    assert_eq!(v["cut_by_eos"], true);
    assert_eq!(v["co_terminated"], true);
}
