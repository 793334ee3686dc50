//! Batch mode and audit: streamed lines equal single calls; bad lines keep
//! their place; audit verdicts at the exact due second.

use crate::support::Test;

/// `slacalc deadline --input -` with `input` on stdin.
fn deadline_batch(input: impl Into<Vec<u8>>) -> Test {
    Test::new().args(["deadline", "--input", "-"]).stdin(input)
}

const SAMPLE: &[(&str, &str, &str, &str)] = &[
    ("gold", "p2", "europe", "2026-11-20T17:30:00+01:00"),
    ("basic", "p1", "americas", "2026-11-25T16:00:00-05:00"),
    ("platinum", "p1", "uae", "2026-03-19T23:10:00+04:00"),
    ("basic", "p3", "middle-east", "2026-06-02T08:00:00+04:00"),
    ("platinum", "p4", "europe", "2026-10-24T17:00:00+02:00"),
    ("gold", "p1", "americas", "2026-11-01T01:30:00-05:00"),
];

#[test]
fn batch_lines_equal_single_calls() {
    let input: String = SAMPLE
        .iter()
        .map(|(plan, priority, desk, opened)| format!("{{\"plan\":\"{plan}\",\"priority\":\"{priority}\",\"desk\":\"{desk}\",\"opened\":\"{opened}\"}}\n"))
        .collect();
    let lines = deadline_batch(input).json_lines();
    assert_eq!(lines.len(), SAMPLE.len());
    for ((plan, priority, desk, opened), line) in SAMPLE.iter().zip(&lines) {
        let single = Test::deadline(plan, priority, desk)
            .opened(opened)
            .format("json")
            .json();
        assert_eq!(&single, line);
    }
}

#[test]
fn csv_input_with_pauses_equals_single_call() {
    let input = "plan,priority,desk,opened,pauses\nbasic,p1,americas,2026-11-25T16:00:00-05:00,2026-11-27T08:00:00-05:00/2026-11-27T09:00:00-05:00\n";
    let line = Test::new()
        .file("tickets.csv", input)
        .args(["deadline", "--input", "tickets.csv"])
        .json();
    let single = Test::deadline("basic", "p1", "americas")
        .opened("2026-11-25T16:00:00-05:00")
        .args([
            "--pause",
            "2026-11-27T08:00:00-05:00/2026-11-27T09:00:00-05:00",
        ])
        .format("json")
        .json();
    assert_eq!(line, single);
    // By hand: next business day after Wed 25 Nov is Fri 27 (Thanksgiving on
    // the 26th), closing 17:00: L = 1h (Wed) + 10h (Fri) = 11h; the 1h pause
    // on Friday pushes the last hour to Monday 07:00-08:00.
    assert_eq!(line["response"]["due"], "2026-11-30T08:00:00-05:00");
}

#[test]
fn a_bad_line_keeps_its_place_and_the_rest_go_on() {
    let input = concat!(
        "{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-20T17:30:00+01:00\"}\n",
        "{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"atlantis\",\"opened\":\"2026-11-20T17:30:00+01:00\"}\n",
        "this is not json\n",
        "{\"id\":\"x\",\"plan\":\"gold\",\"priority\":\"p3\",\"desk\":\"europe\",\"opened\":\"2026-11-20T17:30:00+01:00\"}\n",
    );
    let lines = deadline_batch(input)
        .status(1)
        .stderr_mentions("2 of 4 input lines failed")
        .json_lines();
    assert_eq!(lines.len(), 4);
    // Gold P2 (2h) from Fri 17:30: 30 min Friday + 90 min Saturday → 10:30.
    assert_eq!(lines[0]["response"]["due"], "2026-11-21T10:30:00+01:00");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("atlantis"));
    assert_eq!(lines[2]["line"], 3);
    // Gold P3 (4h): 30 min Friday + Saturday 09:00-12:30 → 12:30; the id
    // comes back with the line.
    assert_eq!(lines[3]["id"], "x");
    assert_eq!(lines[3]["response"]["due"], "2026-11-21T12:30:00+01:00");
}

#[test]
fn long_input_blank_lines_escapes_and_bad_bytes() {
    // Gold P2 (2h) europe from Fri 17:30: 30 min Friday + 90 min Saturday
    // → 10:30 (as above).
    let ticket = |plan: &[u8]| {
        [
            b"{\"plan\":\"".as_slice(),
            plan,
            b"\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-20T17:30:00+01:00\"}",
        ]
        .concat()
    };
    let mut input = Vec::new();
    // 1500 lines of about 100 bytes: some straddle the reader's 64 KiB
    // buffer. CRLF endings are fine.
    for _ in 0..1500 {
        input.extend(ticket(b"gold"));
        input.extend(b"\r\n");
    }
    // Lines 1501-1502 are blank: skipped, but counted.
    input.extend(b"\n   \n");
    // Line 1503 spells gold with an escape.
    input.extend(ticket(b"g\\u006fld"));
    input.push(b'\n');
    // Line 1504 is not UTF-8.
    input.extend(ticket(b"gold\xff"));
    input.push(b'\n');
    // Line 1505 has no newline at the end.
    input.extend(ticket(b"gold"));

    let lines = deadline_batch(input)
        .status(1)
        .stderr_mentions("1 of 1503 input lines failed")
        .json_lines();
    assert_eq!(lines.len(), 1503);
    for (i, line) in lines.iter().enumerate().filter(|(i, _)| *i != 1501) {
        assert_eq!(line["plan"], "gold", "output line {i}: {line}");
        assert_eq!(line["response"]["due"], "2026-11-21T10:30:00+01:00");
    }
    assert_eq!(lines[1501]["line"], 1504);
    assert!(lines[1501]["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn escalate_batch_uses_each_lines_at() {
    // Gold P2 europe opened Mon 2026-11-23 09:00 CET: step 1 (2 business
    // hours) at 11:00 reaches Support Team, step 2 (4h) at 13:00 Team Leader.
    let input = concat!(
        "{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-23T09:00:00+01:00\",\"at\":\"2026-11-23T12:59:59+01:00\"}\n",
        "{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-23T09:00:00+01:00\",\"at\":\"2026-11-23T13:00:00+01:00\"}\n",
    );
    let lines = Test::new()
        .args(["escalate", "--input", "-"])
        .stdin(input)
        .json_lines();
    assert_eq!(lines[0]["holder"], "Support Team");
    assert_eq!(lines[0]["next"]["step"], 2);
    assert_eq!(lines[1]["holder"], "Team Leader");
}

/// `audit` of CSV on stdin as of 2026-12-01T00:00Z.
fn audit_csv(input: &str) -> Test {
    Test::new()
        .args(["audit", "-", "--input-format", "csv"])
        .args(["--as-of", "2026-12-01T00:00:00Z"])
        .stdin(input)
}

#[test]
fn audit_ticket_lines_and_summary_in_json() {
    // The six tickets of `AUDIT_TICKETS`, whose verdicts and lateness are
    // worked out in engine::audit (gold P2 europe due Sat 10:30:00, answered
    // at 10:30:00 and 10:30:01; basic P1 americas due Fri 27 Nov 17:00;
    // basic P4 best effort; gold P1 unanswered): here, their names and
    // seconds as `--tickets` writes them, and the summary.
    let input = crate::support::AUDIT_TICKETS;
    let lines = audit_csv(input)
        .arg("--tickets")
        .format("json")
        .json_lines();
    let verdicts: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| (l["id"].as_str().unwrap(), l["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("a", "met"),
            ("b", "breached"),
            ("c", "met"),
            ("d", "breached"),
            ("e", "best_effort"),
            ("f", "breached")
        ]
    );
    assert_eq!(lines[0]["late_seconds"], 0);
    assert_eq!(lines[1]["late_seconds"], 1);
    assert_eq!(lines[1]["due"], "2026-11-21T10:30:00+01:00");

    // The summary adds up: gold P2 europe 1 met + 1 breached = 50 %.
    let report = audit_csv(input).format("json").json();
    let summary = report["summary"].as_array().unwrap();
    let total: u64 = summary.iter().map(|r| r["tickets"].as_u64().unwrap()).sum();
    assert_eq!(total, 6);
    for row in summary {
        let parts: u64 = ["met", "breached", "open", "best_effort"]
            .iter()
            .map(|k| row[k].as_u64().unwrap())
            .sum();
        assert_eq!(parts, row["tickets"].as_u64().unwrap());
    }
    let gold_p2 = summary
        .iter()
        .find(|r| r["plan"] == "gold" && r["priority"] == "P2")
        .unwrap();
    assert_eq!(gold_p2["compliance_percent"], 50.0);
    assert_eq!(gold_p2["worst_late_seconds"], 1);
}

#[test]
fn audit_summary_lists_every_failed_line() {
    // Two good tickets around two bad ones (an unknown desk on line 3, a
    // bad time on line 4; line 1 is the header). Gold P2 europe from Fri
    // 2026-11-20 17:30 CET is due Sat 10:30, so 10:00 is met.
    let input = concat!(
        "plan,priority,desk,opened,responded\n",
        "gold,p2,europe,2026-11-20T17:30:00+01:00,2026-11-21T10:00:00+01:00\n",
        "gold,p2,atlantis,2026-11-20T17:30:00+01:00,2026-11-21T10:00:00+01:00\n",
        "gold,p2,europe,yesterday,2026-11-21T10:00:00+01:00\n",
        "gold,p2,europe,2026-11-20T17:30:00+01:00,2026-11-21T10:00:00+01:00\n",
    );
    let report = audit_csv(input).format("json").status(1).json();
    assert_eq!(report["errors"], 2);
    let failed: Vec<u64> = report["failed_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(failed, [3, 4]);
    assert_eq!(report["summary"][0]["met"], 2);
}

#[test]
fn unicode_blank_lines_are_skipped() {
    // Lines holding only a no-break space, a vertical tab or a line
    // separator are blank (as `str::trim` sees white space): skipped but
    // counted, so the second ticket is on line 5. Gold P2 europe from Fri
    // 17:30 is due Sat 10:30 (as above).
    let ticket = "{\"id\":LINE,\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-20T17:30:00+01:00\"}\n";
    let input = [
        ticket.replace("LINE", "1"),
        "\u{a0}\n".into(),
        "\u{b}\n".into(),
        "\u{2028}\n".into(),
        ticket.replace("LINE", "5"),
    ]
    .concat();
    let lines = deadline_batch(input).json_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], 5);
    assert_eq!(lines[1]["response"]["due"], "2026-11-21T10:30:00+01:00");
}

#[test]
fn csv_errors_name_the_line_with_crlf_and_quoted_newlines() {
    // CRLF endings; line 3 starts a record whose quoted desk runs onto
    // line 4; line 5 names an unknown desk.
    let input = concat!(
        "plan,priority,desk,opened\r\n",
        "gold,p2,europe,2026-11-20T17:30:00+01:00\r\n",
        "gold,p2,\"atl\r\nantis\",2026-11-20T17:30:00+01:00\r\n",
        "gold,p2,mars,2026-11-20T17:30:00+01:00\r\n",
    );
    let lines = deadline_batch(input)
        .args(["--input-format", "csv"])
        .status(1)
        .json_lines();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["response"]["due"], "2026-11-21T10:30:00+01:00");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[2]["line"], 5);
}

#[test]
fn csv_rows_for_deadline_and_escalate_batches() {
    // Line 2: gold P2 europe from Fri 2026-11-20 17:30 CET: no
    // notification (P1 only); 2 business hours on the extended clock, 30 min
    // Friday + 90 min Saturday → Sat 10:30. Line 3: an unknown desk. Line 4:
    // basic P4 is best effort (no due time), on basic's standard clock.
    let input = concat!(
        "id,plan,priority,desk,opened\n",
        "T-1,gold,p2,europe,2026-11-20T17:30:00+01:00\n",
        "T-2,gold,p2,atlantis,2026-11-20T17:30:00+01:00\n",
        "3,basic,p4,europe,2026-11-20T17:30:00+01:00\n",
    );
    let csv_rows = |subcommand: &[&str]| {
        Test::new()
            .args(subcommand.iter().copied())
            .args(["--input", "-", "--input-format", "csv"])
            .format("csv")
            .stdin(input)
            .status(1)
    };
    // The bad line's error is on stderr, with its line number.
    csv_rows(&["deadline"])
        .stderr_mentions("line 3: unknown desk 'atlantis'")
        .stderr_mentions("1 of 3 input lines failed")
        .stdout(concat!(
            "id,plan,priority,desk,timezone,opened,clock,notification_target,notification_due,response_target,response_due,best_effort\n",
            "T-1,gold,P2,europe,Europe/Rome,2026-11-20T17:30:00+01:00,extended,,,2 business hours,2026-11-21T10:30:00+01:00,false\n",
            "3,basic,P4,europe,Europe/Rome,2026-11-20T17:30:00+01:00,standard,,,best effort,,true\n",
        ))
        .run();

    // Escalate at Sat 10:00 for T-1: step 1 (2 business hours) is due at
    // Sat 10:30, as the response; before step 1 the holder is Support Team
    // (SPEC §8), and gold P2's step 1 reaches Support Team (the matrix).
    let stdout = csv_rows(&["escalate", "--at", "2026-11-21T10:00:00+01:00"]).stdout_text();
    let mut rows = stdout.lines();
    assert_eq!(
        rows.next(),
        Some("id,plan,priority,desk,timezone,opened,at,holder,next_step,next_at,next_reaches,response_due,on_call,priority_since")
    );
    assert_eq!(
        rows.next(),
        Some("T-1,gold,P2,europe,Europe/Rome,2026-11-20T17:30:00+01:00,2026-11-21T10:00:00+01:00,Support Team,1,2026-11-21T10:30:00+01:00,Support Team,2026-11-21T10:30:00+01:00,false,2026-11-20T17:30:00+01:00")
    );
    assert_eq!(rows.count(), 1, "{stdout}");
}

#[test]
fn csv_single_calls_and_explain() {
    // Gold P1 at europe, Mon 2026-11-23 10:00 CET: notification 30 min →
    // 10:30, response 60 min → 11:00, both on the extended clock.
    let stdout = Test::deadline("gold", "p1", "europe")
        .opened("2026-11-23T10:00:00+01:00")
        .format("csv")
        .stdout_text();
    assert_eq!(
        stdout.lines().nth(1),
        Some(",gold,P1,europe,Europe/Rome,2026-11-23T10:00:00+01:00,extended,30 business minutes,2026-11-23T10:30:00+01:00,60 business minutes,2026-11-23T11:00:00+01:00,false")
    );
    // Windows do not fit in a row.
    Test::deadline("gold", "p1", "europe")
        .arg("--explain")
        .format("csv")
        .bad_input(&["--explain"])
        .run();
}

#[test]
fn audit_ticket_rows_in_csv_have_one_header() {
    // Gold P2 europe from Fri 17:30 is due Sat 10:30: answered at 10:30:00
    // it is met (0 s late), at 10:30:01 breached by 1 s.
    let input = concat!(
        "id,plan,priority,desk,opened,responded\n",
        "a,gold,p2,europe,2026-11-20T17:30:00+01:00,2026-11-21T10:30:00+01:00\n",
        "b,gold,p2,europe,2026-11-20T17:30:00+01:00,2026-11-21T10:30:01+01:00\n",
    );
    let stdout = audit_csv(input)
        .arg("--tickets")
        .format("csv")
        .stdout_text();
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(
        rows[0].starts_with("id,plan,priority,desk,opened,due"),
        "{stdout}"
    );
    assert!(
        rows[1].starts_with("a,") && rows[1].ends_with(",met,0"),
        "{stdout}"
    );
    assert!(
        rows[2].starts_with("b,") && rows[2].ends_with(",breached,1"),
        "{stdout}"
    );
}

#[test]
fn extra_fields_and_columns_are_ignored_and_headers_match_loosely() {
    // SPEC §9: real exports carry more than the ticket; extra fields and
    // columns are ignored, and header names match whatever their case,
    // with `_`, `-` and space alike. Gold P2 europe from Fri 17:30 is due
    // Sat 10:30; the pause Sat 09:00-09:30 moves it 30 min to 11:00.
    let json = "{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-20T17:30:00+01:00\",\"customer\":\"acme\",\"tags\":[1,2]}\n";
    let lines = deadline_batch(json).json_lines();
    assert_eq!(lines[0]["response"]["due"], "2026-11-21T10:30:00+01:00");

    let csv = concat!(
        "Customer,PLAN,Priority,Desk,Opened,Pauses,Assignee Name\n",
        "acme,gold,p2,europe,2026-11-20T17:30:00+01:00,2026-11-21T09:00:00+01:00/2026-11-21T09:30:00+01:00,Ann\n",
    );
    let lines = deadline_batch(csv)
        .args(["--input-format", "csv"])
        .json_lines();
    assert_eq!(lines[0]["response"]["due"], "2026-11-21T11:00:00+01:00");
}

#[test]
fn csv_on_standard_input_is_told_from_its_header() {
    // No --input-format: a CSV header on stdin is read as CSV, and JSON
    // Lines (first character `{`) as JSON Lines. Gold P2 at europe opened
    // Fri 17:30: 30 min Friday, then Saturday's extended 09:00 → 10:30.
    let due = "2026-11-21T10:30:00+01:00";
    let csv = "plan,priority,desk,opened\ngold,p2,europe,2026-11-20T17:30:00+01:00\n";
    let json = "{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"2026-11-20T17:30:00+01:00\"}\n";
    for input in [csv, json] {
        let lines = deadline_batch(input).json_lines();
        assert_eq!(lines.len(), 1, "{input}");
        assert_eq!(lines[0]["response"]["due"], due, "{input}");
    }
    // A .txt file holding CSV is read as CSV as well.
    let lines = Test::new()
        .file("export.txt", csv)
        .args(["deadline", "--input", "export.txt"])
        .json_lines();
    assert_eq!(lines[0]["response"]["due"], due);
}

#[test]
fn exports_load_with_their_own_names() {
    // SPEC §9: --map FIELD=COLUMN names an export's own columns (or keys),
    // and JSON keys, like CSV headers, match in any case with `_`, `-` and
    // space alike. Gold P2 at europe opened Fri 2026-11-20 17:30: due Sat
    // 10:30 (30 min Friday, then the extended Saturday from 09:00).
    let due = "2026-11-21T10:30:00+01:00";
    let csv = "Ticket,Service Plan,Priority,Desk,Created at,Subject\nT-1,gold,P2,europe,2026-11-20T17:30:00+01:00,printer on fire\n";
    let lines = Test::new()
        .args(["deadline", "--input", "-", "--format", "json"])
        .args([
            "--map",
            "plan=Service Plan",
            "--map",
            "opened=created-at",
            "--map",
            "id=ticket",
        ])
        .stdin(csv)
        .json_lines();
    assert_eq!(lines[0]["response"]["due"], due);
    assert_eq!(lines[0]["id"], "T-1");
    let json = "{\"Plan\":\"gold\",\"PRIORITY\":\"p2\",\"Desk\":\"europe\",\"Created At\":\"2026-11-20T17:30:00+01:00\",\"ID\":\"A-1\"}\n";
    let lines = Test::new()
        .args(["deadline", "--input", "-", "--map", "opened=created at"])
        .stdin(json)
        .json_lines();
    assert_eq!(lines[0]["response"]["due"], due);
    assert_eq!(lines[0]["id"], "A-1");
    // A field that does not exist is refused, naming it and the fields.
    Test::new()
        .args(["deadline", "--input", "-", "--map", "created=Created at"])
        .stdin(csv)
        .bad_input(&["--map", "'created' is not a field", "opened"])
        .run();
}
/// The ticket row every CSV test below reads: gold P2 europe opened Fri
/// 2026-11-20 17:30 CET, due Sat 10:30 (30 min Friday, then the extended
/// Saturday from 09:00).
const ROW: &str = "gold,p2,europe,2026-11-20T17:30:00+01:00\n";
const ROW_DUE: &str = "2026-11-21T10:30:00+01:00";

#[test]
fn an_unclosed_csv_quote_swallows_no_following_line() {
    // SPEC §11: an unclosed quote is an error of the line it opens on, and
    // reading resumes on the next line. Line 3 opens a quote that is never
    // closed; the 30,000 rows after it (more than the 1 MiB a record may
    // hold) were once swallowed into its one error.
    let input = format!(
        "plan,priority,desk,opened\n{ROW}gold,p2,\"europe,2026-11-20T17:30:00+01:00\n{}",
        ROW.repeat(30_000)
    );
    let lines = deadline_batch(input)
        .args(["--input-format", "csv"])
        .status(1)
        .stderr_mentions("1 of 30002 input lines failed")
        .json_lines();
    assert_eq!(lines.len(), 30_002);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(
        lines[1]["error"],
        "a quoted cell that starts on this line is not closed within 1 MiB (1048576 bytes)"
    );
    for (i, line) in lines.iter().enumerate().filter(|(i, _)| *i != 1) {
        assert_eq!(line["response"]["due"], ROW_DUE, "output line {i}: {line}");
    }
    // The same within the cap, and at the end of the input: the quote of
    // line 3 still open when the input ends; lines 4 and 5 are read.
    let input = format!("plan,priority,desk,opened\n{ROW}gold,p2,\"eu\n{ROW}{ROW}");
    let lines = deadline_batch(input).status(1).json_lines();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(
        lines[1]["error"],
        "a quoted cell that starts on this line is never closed"
    );
    assert_eq!(lines[2]["response"]["due"], ROW_DUE);
    assert_eq!(lines[3]["response"]["due"], ROW_DUE);
}

#[test]
fn a_semicolon_or_tab_separated_csv_is_read() {
    // SPEC §11: the delimiter is `,` unless the header has more `;` or tab
    // characters outside quotes than commas. Once every line of such an
    // export failed with "plan: missing" (its header read as one column).
    for delimiter in [";", "\t"] {
        let input = format!(
            "\"Plan\"{d}priority{d}desk{d}\"opened, at\"\n{}",
            ROW.replace(',', delimiter).repeat(2),
            d = delimiter
        );
        let lines = deadline_batch(input)
            .args(["--map", "opened=opened, at"])
            .json_lines();
        assert_eq!(lines.len(), 2, "{delimiter:?}");
        for line in &lines {
            assert_eq!(line["response"]["due"], ROW_DUE, "{delimiter:?}");
        }
    }
    // A comma-separated file whose cells hold `;` keeps its commas.
    let input = "plan,priority,desk,opened,pauses\ngold,p2,europe,2026-11-20T17:30:00+01:00,\"2026-11-21T09:00:00+01:00/2026-11-21T09:15:00+01:00;2026-11-21T09:15:00+01:00/2026-11-21T09:30:00+01:00\"\n";
    let lines = deadline_batch(input).json_lines();
    assert_eq!(lines[0]["response"]["due"], "2026-11-21T11:00:00+01:00");
}

#[test]
fn a_csv_without_a_header_is_one_usage_error() {
    // SPEC §11: a header that lacks a field every row needs is one usage
    // error (exit 2, before any row is computed) quoting the header and
    // naming the missing fields and --map; once every line failed with
    // "plan: missing" and nothing said why.
    for format in [&["--input-format", "csv"][..], &[]] {
        deadline_batch(ROW.repeat(3))
            .args(format.iter().copied())
            .bad_input(&[
                "line 1: the header lacks plan, priority, desk and opened, which every row needs",
                "\"gold,p2,europe,2026-11-20T17:30:00+01:00\"",
                "4 columns separated by ','",
                "; name the export's column with --map FIELD=COLUMN",
            ])
            .stdout("")
            .run();
    }
    // Every command that reads ticket rows; a header that lacks some.
    let partial = format!("plan,priority,when\n{ROW}");
    for command in [
        &["deadline", "--input", "-"][..],
        &["escalate", "--input", "-"],
        &["audit", "-"],
        &["queue", "--input", "-"],
    ] {
        Test::new()
            .args(command.iter().copied())
            .args(["--input-format", "csv"])
            .stdin(partial.clone())
            .bad_input(&["the header lacks desk and opened", "\"plan,priority,when\""])
            .stdout("")
            .run();
    }
    // A proactive event stands for the priority: no priority needed.
    deadline_batch(format!("plan,event,desk,when\n{ROW}"))
        .args(["--input-format", "csv"])
        .bad_input(&["the header lacks opened, which"])
        .run();
}

#[test]
fn a_one_row_csv_without_a_header_is_no_silent_success() {
    // Its one row was read as the header: exit 0 and no output at all.
    deadline_batch(ROW)
        .bad_input(&["the header lacks plan, priority, desk and opened"])
        .stdout("")
        .run();
}

#[test]
fn an_event_log_without_a_header_is_one_usage_error() {
    // SPEC §11: an event log needs ticket (or id), at and type; a log
    // without a header once gave an empty summary and exit 0 (one row), or
    // "ticket: missing" on every line.
    let events = "A-1,2026-11-23T09:00:00Z,opened,gold,P2,europe\n";
    for command in [
        &["audit", "--events", "-", "--as-of", "2026-11-24T00:00:00Z"][..],
        &["queue", "--events", "-", "--at", "2026-11-24T00:00:00Z"],
    ] {
        Test::new()
            .args(command.iter().copied())
            .args(["--input-format", "csv"])
            .stdin(events)
            .bad_input(&[
                "the header lacks ticket (or id), at and type",
                "\"A-1,2026-11-23T09:00:00Z,opened,gold,P2,europe\"",
                "--map FIELD=COLUMN",
            ])
            .stdout("")
            .run();
    }
}

#[test]
fn a_map_to_a_column_the_header_lacks_is_a_usage_error() {
    // SPEC §11: a usage error that quotes the header; once every line
    // failed with "opened: missing".
    deadline_batch(format!("plan,priority,desk,opened\n{ROW}"))
        .args(["--map", "opened=Created at"])
        .bad_input(&[
            "line 1: the header has no column 'Created at' (for opened)",
            "\"plan,priority,desk,opened\"",
            "--map FIELD=COLUMN",
        ])
        .stdout("")
        .run();
}

/// Two fields mapped to one column (once the first was read from it and
/// the second silently never), and one field mapped twice (once blamed on
/// the header: "the header names opened twice"), are usage errors.
#[test]
fn two_fields_mapped_to_one_column_or_one_field_twice_are_usage_errors() {
    for (header, maps, message) in [
        (
            "plan,priority,desk,opened",
            ["opened=opened", "at=Opened"],
            "opened and at are both given the column 'Opened'",
        ),
        (
            "plan,priority,desk,created,opened",
            ["opened=created", "opened=opened"],
            "opened is given two columns, 'created' and 'opened'",
        ),
    ] {
        deadline_batch(format!("{header}\n{ROW}"))
            .args(["--map", maps[0], "--map", maps[1]])
            .bad_input(&["--map", message])
            .stdout("")
            .run();
    }
}

/// SPEC §8: a closed output pipe ends the run quietly, with exit status 1
/// when a line had failed before it (it once exited 0 whatever had failed).
#[test]
fn a_broken_pipe_after_a_failed_line_exits_one() {
    let good =
        r#"{"plan":"gold","priority":"p2","desk":"europe","opened":"2026-11-20T17:30:00+01:00"}"#;
    // 40,000 lines (some 4 MB out): far more than a pipe holds, so the
    // write after `head` has gone fails. Line 2 is bad in the first input.
    let batch = |bad: bool| {
        let mut text = String::new();
        for i in 0..40_000 {
            text.push_str(if bad && i == 1 { "{" } else { good });
            text.push('\n');
        }
        text
    };
    for (bad, status) in [(true, "status 1"), (false, "status 0")] {
        Test::new()
            .file("in.jsonl", batch(bad))
            .shell(
                "slacalc deadline --input in.jsonl --format json --jobs 1 2>/dev/null | head -n 1 >/dev/null; echo \"status ${PIPESTATUS[0]}\"",
            )
            .stdout_contains(status)
            .run();
    }
}

/// `audit FILE --tickets` in the table format (its default) is a table,
/// not JSON Lines.
#[test]
fn audit_tickets_in_the_table_format_is_a_table() {
    // T-1002: gold P2 at the europe desk opened Fri 20 Nov 17:30 (+01:00):
    // 30 m on Friday, then Saturday (gold's extended clock, 09:00-18:00)
    // 1 h 30 m: due Sat 10:30; answered 11:15: breached by 45 m.
    let audit = ["audit", "examples/tickets.csv", "--tickets", "--as-of"];
    let out = Test::new()
        .args(audit)
        .arg("2026-12-01T00:00:00Z")
        .stdout_text();
    assert!(out.starts_with('┌'), "{out}");
    assert!(!out.contains('{'), "{out}");
    let row = out.lines().find(|l| l.contains("T-1002")).unwrap();
    for cell in [
        "Sat 2026-11-21 10:30:00 +01:00",
        "Sat 2026-11-21 11:15:00 +01:00",
        "breached",
        "45m",
    ] {
        assert!(row.contains(cell), "{row}");
    }
}
