//! Calendar files that cannot be used: the error names the file, the line
//! when known, and the key (SPEC.md §8: messages say where and what).

use super::data;

/// The error of loading one bad calendar file `calendars/<name>.toml`; it
/// must name the file and a key.
fn bad_calendar(name: &str, text: &str) -> String {
    let data = data(&[(name, text)]);
    let error = data.desk(name).unwrap_err().to_string();
    assert!(error.contains(&format!("calendars/{name}.toml")), "{error}");
    assert!(error.contains("key '"), "the key is named: {error}");
    assert_eq!(error.lines().count(), 1, "one line: {error}");
    error
}

#[test]
fn unknown_key_names_file_line_and_key() {
    // `standerd` is on line 5 (line 1 is `description`).
    let text =
        "description = \"typo\"\ntimezone = \"Europe/Berlin\"\n\n[[hours]]\nstanderd = { mon = [\"09:00-17:00\"] }\n";
    let error = bad_calendar("typo", text);
    assert!(error.contains(":5:"), "line number 5 expected: {error}");
    assert!(error.contains("standerd"), "{error}");
    assert!(error.contains("hours"), "{error}");
}

#[test]
fn backwards_window_is_rejected() {
    // 10:00-09:00 would cross midnight but starts before 12:00: an error.
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = { mon = [\"10:00-09:00\"] }\n";
    let error = bad_calendar("backwards", text);
    assert!(error.contains("standard"), "key expected: {error}");
    assert!(error.contains("10:00-09:00"), "{error}");
}

#[test]
fn overlapping_windows_are_rejected() {
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = { tue = [\"09:00-12:00\", \"11:00-13:00\"] }\n";
    let error = bad_calendar("overlap", text);
    assert!(error.contains("standard"), "key expected: {error}");
    assert!(error.contains("overlap"), "{error}");
}

#[test]
fn unknown_timezone_is_rejected() {
    let text = "timezone = \"Mars/Olympus\"\n[[hours]]\nstandard = { mon = [\"09:00-17:00\"] }\n";
    let error = bad_calendar("mars", text);
    assert!(error.contains("timezone"), "key expected: {error}");
    assert!(error.contains("Mars/Olympus"), "{error}");
    // The zone is on line 1.
    assert!(error.contains(":1:"), "{error}");
}
