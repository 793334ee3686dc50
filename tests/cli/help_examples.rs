//! Every example in every subcommand's `--help` runs as printed, from the
//! repository root (where `examples/` and `plans/` are), with exit 0.

use crate::support::Test;

const SUBCOMMANDS: [&str; 11] = [
    "deadline", "escalate", "renew", "eol", "coverage", "holidays", "clock", "audit", "queue",
    "check", "schema",
];

/// The examples of a help text: the lines after `EXAMPLES:` up to the first
/// blank one, a line ending in `\` joined with the next.
fn examples(help: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joining = false;
    for line in help
        .lines()
        .skip_while(|l| !l.starts_with("EXAMPLES:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
    {
        let text = line.trim();
        let (text, continues) = match text.strip_suffix('\\') {
            Some(head) => (head.trim_end(), true),
            None => (text, false),
        };
        match out.last_mut() {
            Some(last) if joining => {
                last.push(' ');
                last.push_str(text);
            }
            _ => out.push(text.to_string()),
        }
        joining = continues;
    }
    out
}

/// A command line split as a shell would: white space between words,
/// single quotes around words with spaces; a `> FILE` redirection ends it.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut started) = (false, false);
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    match out.iter().position(|w| w == ">") {
        Some(redirect) => out[..redirect].to_vec(),
        None => out,
    }
}

#[test]
fn every_help_example_runs() {
    let mut ran = 0;
    for sub in SUBCOMMANDS {
        let help = Test::new().args([sub, "--help"]).stdout_text();
        let found = examples(&help);
        assert!(!found.is_empty(), "{sub} --help has no examples");
        for example in found {
            let args = words(&example);
            assert_eq!(args[0], "slacalc", "{example}");
            let out = Test::new().args(&args[1..]).output();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{example}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
    }
    // Three to five examples per subcommand.
    assert!(ran >= 25, "{ran} examples");
}

#[test]
fn the_example_splitter_reads_quotes_and_continuations() {
    let help = "EXAMPLES:\n  slacalc eol --catalog x \\\n      --product 'Example Suite 2024' > out.json\n  slacalc check\n\nmore";
    let found = examples(help);
    assert_eq!(
        found,
        [
            "slacalc eol --catalog x --product 'Example Suite 2024' > out.json",
            "slacalc check"
        ]
    );
    assert_eq!(
        words(&found[0]),
        [
            "slacalc",
            "eol",
            "--catalog",
            "x",
            "--product",
            "Example Suite 2024"
        ]
    );
}
