//! Catalogue files and listings (SPEC §6, §8).

use crate::cli::{fails_with, json};

fn catalogue(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.toml");
    std::fs::write(&path, text).unwrap();
    let shown = path.display().to_string();
    (dir, shown)
}

#[test]
fn bad_catalogue_names_file_line_and_key() {
    // Line 4 holds a date that does not exist.
    let (_dir, path) =
        catalogue("[[product]]\nname = \"A\"\neos = \"2027-01-01\"\neol = \"2027-02-30\"\n");
    fails_with(
        &["eol", "--catalog", &path],
        &format!("{path}:4: key 'product[0].eol'"),
    );
    // An unknown key on line 3.
    let (_dir, path) = catalogue("[[product]]\nname = \"A\"\nend = \"2027-01-01\"\n");
    fails_with(
        &["eol", "--catalog", &path],
        &format!("{path}:3: key 'product[0]"),
    );
    // End of life before end of support: reported at the product's header.
    let (_dir, path) =
        catalogue("[[product]]\nname = \"A\"\neos = \"2027-01-01\"\neol = \"2026-01-01\"\n");
    fails_with(
        &["eol", "--catalog", &path],
        &format!("{path}:1: key 'product[0].eol'"),
    );
}

#[test]
fn unknown_product_suggests_the_nearest_name() {
    let (_dir, path) =
        catalogue("[[product]]\nname = \"Example Suite\"\neos = 2027-06-30\neol = 2028-06-30\n");
    fails_with(
        &["eol", "--catalog", &path, "--product", "Exmple Suite"],
        "did you mean 'Example Suite'",
    );
}

#[test]
fn listing_is_soonest_first() {
    // On 2026-07-01 (shipped example catalogue): Suite 2019 is past its EoS
    // (2026-06-30) with 364 days to EOL 2027-06-30; the Recorder Add-on is
    // supported with 273 days to EoS 2027-03-31 (July 31 + Aug 31 + Sep 30
    // + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 - 1 = 273);
    // Suite 2024 has until 2029-12-31.
    let v = json(&[
        "eol",
        "--catalog",
        "plans/catalog.example.toml",
        "--on",
        "2026-07-01",
        "--format",
        "json",
    ]);
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
    fails_with(
        &[
            "renew",
            "--catalog",
            "plans/catalog.example.toml",
            "--product",
            "example suite 2019",
            "--expires",
            "2026-07-15",
            "--ordered",
            "2026-08-01",
        ],
        "end of support on 2026-06-30",
    );
}

#[test]
fn add_on_co_terminates_and_eos_still_cuts() {
    // Add-on renewed on time: term 2026-03-01 + 1 year = 2027-03-01, but it
    // co-terminates with the base product ending 2026-12-31; EoS 2026-10-01
    // cuts further.
    let v = json(&[
        "renew",
        "--expires",
        "2026-03-01",
        "--ordered",
        "2026-02-01",
        "--base-expires",
        "2026-12-31",
        "--eos",
        "2026-10-01",
        "--format",
        "json",
    ]);
    assert_eq!(v["end"], "2026-10-01");
    assert_eq!(v["last_covered_day"], "2026-09-30");
    assert_eq!(v["cut_by_eos"], true);
    assert_eq!(v["co_terminated"], true);
}
