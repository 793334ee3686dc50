//! Shell completions offer the values a flag takes: the embedded desks,
//! plans, priorities, events and clocks (SPEC §2, §4, §7; the plans file).

use crate::support::Test;

/// What bash offers after `words` (the last one is being typed), using the
/// committed completions script.
fn bash_offers(words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source completions/slacalc.bash; COMP_WORDS=({words}); COMP_CWORD={last}; \
         _slacalc slacalc '{cur}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = quoted.join(" "),
        last = words.len() - 1,
        cur = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    Test::new()
        .shell(&script)
        .stdout_text()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_the_values_of_flags() {
    let cases: [(&[&str], &[&str]); 8] = [
        // The four desks of SPEC §2.
        (
            &["slacalc", "deadline", "--desk", ""],
            &["americas", "europe", "middle-east", "uae"],
        ),
        // Completing a prefix: only middle-east starts with "m".
        (&["slacalc", "holidays", "--desk", "m"], &["middle-east"]),
        // The three plans, in their file's order.
        (
            &["slacalc", "coverage", "--plan", ""],
            &["basic", "gold", "platinum"],
        ),
        // The four priorities of SPEC §4.
        (
            &["slacalc", "deadline", "--priority", ""],
            &["P1", "P2", "P3", "P4"],
        ),
        // The clocks of SPEC §3.
        (
            &["slacalc", "clock", "--clock", ""],
            &["standard", "extended", "24x7"],
        ),
        // Formats: each subcommand offers the ones it can print.
        (
            &["slacalc", "audit", "--format", ""],
            &["table", "json", "csv"],
        ),
        (
            &["slacalc", "deadline", "--format", ""],
            &["table", "json", "ics", "csv"],
        ),
        (&["slacalc", "renew", "--format", ""], &["table", "json"]),
    ];
    for (words, expected) in cases {
        assert_eq!(bash_offers(words), expected, "{words:?}");
    }
    // The proactive events of SPEC §7, the first being the VoIP crash.
    let events = bash_offers(&["slacalc", "deadline", "--event", ""]);
    assert_eq!(events.len(), 11, "{events:?}");
    assert_eq!(events[0], "voip-crash");
}
