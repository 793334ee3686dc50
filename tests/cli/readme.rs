//! The README's examples are real: every `$ ` line runs from the
//! repository root with exit 0, and prints exactly the lines the README
//! shows under it (up to the next `$ ` line or the end of the block).

use crate::support::Test;

/// (command, the output the README shows) for each `$ ` line.
fn examples(readme: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(command) = line.strip_prefix("$ ") else {
            continue;
        };
        let shown: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| !l.starts_with("$ ") && !l.starts_with("```"))
            .copied()
            .collect();
        out.push((command.to_string(), shown.join("\n")));
    }
    out
}

#[test]
fn readme_examples_are_real_outputs() {
    let readme = include_str!("../../README.md");
    let found = examples(readme);
    assert!(found.len() >= 10, "{} examples", found.len());
    for (command, shown) in found {
        // Unpinned examples run at the builder's pinned now; none of them
        // prints anything that depends on it.
        let out = Test::new().shell(&command).stdout_text();
        assert_eq!(out.trim_end(), shown, "README example: {command}");
    }
}
