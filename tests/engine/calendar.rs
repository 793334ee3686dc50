//! Calendar files that cannot be used: the error names the file, the line
//! when known, and the key (SPEC.md §8: messages say where and what).

use super::data;

/// Loading one bad calendar file `calendars/<name>.toml` fails with one
/// line that names the file and a key, and holds every one of `fragments`.
fn bad_calendar(name: &str, text: &str, fragments: &[&str]) {
    let data = data(&[(name, text)]);
    let error = data.desk(name).unwrap_err().to_string();
    assert!(error.contains(&format!("calendars/{name}.toml")), "{error}");
    assert!(error.contains("key '"), "the key is named: {error}");
    assert_eq!(error.lines().count(), 1, "one line: {error}");
    for fragment in fragments {
        assert!(error.contains(fragment), "{fragment:?} expected: {error}");
    }
}

#[test]
fn unknown_key_names_file_line_and_key() {
    // `standerd` is on line 5 (line 1 is `description`).
    let text =
        "description = \"typo\"\ntimezone = \"Europe/Berlin\"\n\n[[hours]]\nstanderd = { mon = [\"09:00-17:00\"] }\n";
    bad_calendar("typo", text, &[":5:", "standerd", "hours"]);
}

#[test]
fn backwards_window_is_rejected() {
    // 10:00-09:00 would cross midnight but starts before 12:00: an error.
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = { mon = [\"10:00-09:00\"] }\n";
    bad_calendar("backwards", text, &["standard", "10:00-09:00"]);
}

#[test]
fn overlapping_windows_are_rejected() {
    let text = "timezone = \"Europe/Berlin\"\n[[hours]]\nstandard = { tue = [\"09:00-12:00\", \"11:00-13:00\"] }\n";
    bad_calendar("overlap", text, &["standard", "overlap"]);
}

#[test]
fn unknown_timezone_is_rejected() {
    let text = "timezone = \"Mars/Olympus\"\n[[hours]]\nstandard = { mon = [\"09:00-17:00\"] }\n";
    // The key is `timezone`, on line 1.
    bad_calendar("mars", text, &["timezone", "Mars/Olympus", ":1:"]);
}
