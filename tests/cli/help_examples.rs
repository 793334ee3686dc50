//! Every example in every subcommand's `--help` runs as printed, from the
//! repository root (where `examples/` and `plans/` are), with exit 0. The
//! subcommands are the ones `slacalc --help` lists, so that a new one is
//! covered without a change here.

use crate::support::Test;

/// Subcommands whose help has no examples: `completions` prints a shell
/// script (its contract is in `cli::completions`).
const WITHOUT_EXAMPLES: [&str; 1] = ["completions"];

/// The subcommands a help text lists under `Commands:`, each the first
/// word of a line indented by two spaces (deeper lines continue a wrapped
/// description), up to the first blank line; `help` is left out.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim_end() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

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
    let listed = subcommands(&Test::new().arg("--help").stdout_text());
    for sub in WITHOUT_EXAMPLES {
        assert!(listed.iter().any(|l| l == sub), "{sub} is not a subcommand");
    }
    // Eleven subcommands have examples today: fewer means the list was
    // misread.
    assert!(listed.len() >= 11, "{listed:?}");
    let mut ran = 0;
    for sub in &listed {
        let help = Test::new().args([sub, "--help"]).stdout_text();
        let found = examples(&help);
        if WITHOUT_EXAMPLES.contains(&sub.as_str()) {
            assert!(found.is_empty(), "{sub} --help has examples: run them");
            continue;
        }
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
fn the_subcommand_list_is_read_from_the_help() {
    let help = "Usage: slacalc <COMMAND>\n\nCommands:\n  deadline  When is a ticket's response due (and, for P1,\n            the priority notification)\n  queue     Which open tickets breach next\n  help      Print this message\n\nOptions:\n  -h, --help  Print help\n";
    assert_eq!(subcommands(help), ["deadline", "queue"]);
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
