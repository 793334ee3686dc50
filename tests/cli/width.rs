//! Output fits the width it is given (`COLUMNS` here; the terminal's on a
//! terminal): tables wrap their cells, titles and notes wrap between words.

use crate::support::Test;

#[test]
fn every_table_fits_80_columns() {
    let commands = [
        "deadline --plan gold --priority p1 --desk americas --opened 2026-11-25T16:30:00-05:00 --explain",
        "escalate --plan platinum --priority p1 --desk uae --opened 2026-11-20T10:00:00+04:00 --priority-change 2026-11-21T10:00=P2",
        "renew --expires 2026-01-31 --ordered 2026-06-01 --eos 2027-06-30 --base-expires 2027-01-01",
        "renew --registered 2026-04-15",
        "eol --catalog plans/catalog.example.toml",
        "coverage",
        "coverage --plan platinum --desk uae --at 2026-11-27T23:00",
        "coverage --desk middle-east --week",
        "coverage --events",
        "holidays --desk americas --year 2027",
        "clock --desk europe --from 2026-11-23T10:00:00+01:00 --before 2h",
        "audit examples/tickets.csv --as-of 2026-12-01T00:00:00Z",
        "audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z",
        "audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z --tickets",
        "audit --events examples/events.jsonl --as-of 2026-11-27T12:00:00Z --by opened:week",
        "queue --events examples/events.jsonl --at 2026-11-27T12:00:00Z",
    ];
    for command in commands {
        let text = Test::new()
            .args(command.split_whitespace())
            .env("COLUMNS", "80")
            .stdout_text();
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{command}:\n{line}");
        }
    }
    // Without a width (a pipe, no COLUMNS) nothing is wrapped: the
    // americas title stays one line.
    let text = Test::new()
        .args(commands[0].split_whitespace())
        .stdout_text();
    assert!(text
        .lines()
        .next()
        .unwrap()
        .ends_with("opened Wed 2026-11-25 16:30:00 -05:00"));
}
