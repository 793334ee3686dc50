//! Input that real exports and careless or hostile callers produce: ids
//! that look like numbers, blank lines, fractional and leap seconds, lines
//! without end, broken JSON, byte order marks and control characters.
//!
//! Most cases use one ticket: gold P2 at the europe desk opened Fri
//! 2026-11-20 17:30 CET. Its 2 business hours on the extended clock are
//! 30 min on Friday (until 18:00) and 90 min on Saturday from 09:00, so it
//! is due Sat 2026-11-21 10:30:00+01:00.

use crate::support::Test;

const OPENED: &str = "2026-11-20T17:30:00+01:00";
const DUE: &str = "2026-11-21T10:30:00+01:00";

/// The gold P2 europe ticket as one JSON object, with `extra` fields
/// spliced in before the closing brace.
fn ticket_json(extra: &str) -> String {
    format!("{{\"plan\":\"gold\",\"priority\":\"p2\",\"desk\":\"europe\",\"opened\":\"{OPENED}\"{extra}}}")
}

/// `slacalc deadline --input -` with `input` on stdin.
fn deadline_batch(input: impl Into<Vec<u8>>) -> Test {
    Test::new().args(["deadline", "--input", "-"]).stdin(input)
}

/// `slacalc deadline --input -` reading CSV.
fn deadline_csv(input: impl Into<Vec<u8>>) -> Test {
    deadline_batch(input).args(["--input-format", "csv"])
}

fn error_of(line: &serde_json::Value) -> &str {
    line["error"].as_str().unwrap_or_default()
}

/// The output lines of a batch in which some lines fail: exit status 1,
/// the count of failures on stderr, and `count` lines in all.
fn with_failures(test: Test, failures: &str, count: usize) -> Vec<serde_json::Value> {
    let lines = test.status(1).stderr_mentions(failures).json_lines();
    assert_eq!(lines.len(), count);
    lines
}

/// A batch line that failed: its file line, and its error naming `needle`.
fn assert_error(line: &serde_json::Value, number: u64, needle: &str) {
    assert_eq!(line["line"], number, "{line}");
    assert!(error_of(line).contains(needle), "{line}");
}

// 1. CSV values are text.

#[test]
fn csv_ids_are_passed_through_as_written() {
    // Every id cell comes back as the JSON string it was written as: no
    // number, float, NaN or boolean is guessed (SPEC §9: `007` stays
    // "007"); the 23-digit id is as good as any other.
    let ids = [
        "007",
        "1e5",
        "NaN",
        "1.10",
        "12345678901234567890123",
        "true",
        "-0",
    ];
    let mut input = String::from("id,plan,priority,desk,opened\n");
    for id in ids {
        input.push_str(&format!("{id},gold,p2,europe,{OPENED}\n"));
    }
    let lines = deadline_csv(input).json_lines();
    assert_eq!(lines.len(), ids.len());
    for (id, line) in ids.iter().zip(&lines) {
        assert_eq!(
            line["id"],
            serde_json::Value::String((*id).into()),
            "{line}"
        );
        assert_eq!(line["response"]["due"], DUE, "{line}");
    }
}

#[test]
fn json_lines_ids_keep_their_json_type() {
    // JSON Lines says what type an id is: the number 7 stays a number,
    // the text "007" stays text.
    let input = format!(
        "{}\n{}\n",
        ticket_json(",\"id\":7"),
        ticket_json(",\"id\":\"007\"")
    );
    let lines = deadline_batch(input).json_lines();
    assert_eq!(lines[0]["id"], 7);
    assert_eq!(lines[1]["id"], "007");
}

#[test]
fn an_id_too_long_for_a_number_is_refused_not_changed() {
    // 20 digits fit 64 bits (up to 18,446,744,073,709,551,615) and pass
    // as they are; 21 digits do not, and a float would change them: that
    // line is an error naming the id, and the others go on. In an event
    // log, two such ticket numbers could even become one ticket.
    let input = format!(
        "{}\n{}\n{}\n",
        ticket_json(",\"id\":12345678901234567890"),
        ticket_json(",\"id\":123456789012345678901"),
        ticket_json(",\"id\":\"123456789012345678901\""),
    );
    let lines = with_failures(deadline_batch(input), "1 of 3 input lines failed", 3);
    assert_eq!(lines[0]["id"].to_string(), "12345678901234567890");
    assert_error(
        &lines[1],
        2,
        "id: a whole number too long to be kept exactly",
    );
    assert_eq!(lines[2]["id"], "123456789012345678901");
    let event = format!(
        "{{\"ticket\": 123456789012345678901, \"at\": \"{OPENED}\", \"type\": \"opened\", \"plan\": \"gold\", \"priority\": \"p2\", \"desk\": \"europe\"}}\n"
    );
    let lines = Test::new()
        .args(["audit", "--events", "-", "--tickets", "--format", "json"])
        .args(["--as-of", "2026-11-29T00:00:00Z"])
        .stdin(event);
    // An event log counts tickets, and the line that held no event.
    let lines = with_failures(
        lines,
        "1 of 1 tickets (and lines that held no event) failed",
        1,
    );
    assert_error(
        &lines[0],
        1,
        "ticket: a whole number too long to be kept exactly",
    );
}

#[test]
fn an_empty_csv_id_is_absent() {
    // Empty cells are absent values (SPEC §9): no id in the output.
    let input = format!("id,plan,priority,desk,opened\n,gold,p2,europe,{OPENED}\n");
    let lines = deadline_csv(input).json_lines();
    assert!(lines[0].get("id").is_none(), "{}", lines[0]);
    assert_eq!(lines[0]["response"]["due"], DUE);
}

// 2. CSV line numbers are file lines.

#[test]
fn csv_line_numbers_count_blank_lines() {
    // Line 1 the header, line 2 blank, line 3 the row with the unknown
    // priority p9.
    let input = format!("plan,priority,desk,opened\n\ngold,p9,europe,{OPENED}\n");
    let lines = deadline_csv(input).status(1).json_lines();
    assert_eq!(lines.len(), 1);
    assert_error(&lines[0], 3, "p9");
}

#[test]
fn csv_line_numbers_with_crlf_blank_lines_and_quoted_newlines() {
    // Line 1 header (CRLF); 2 blank (CRLF); 3 a good row; 4-5 one row whose
    // quoted desk holds a CRLF (unknown desk); 6 blank; 7 a row with a
    // quoted newline inside its plan and an unknown desk "mars" (the row
    // starts on line 7 and ends on line 8); 9 a good row; 10 an unknown
    // priority p9.
    let input = concat!(
        "plan,priority,desk,opened\r\n",
        "\r\n",
        "gold,p2,europe,2026-11-20T17:30:00+01:00\r\n",
        "gold,p2,\"atl\r\nantis\",2026-11-20T17:30:00+01:00\r\n",
        "\n",
        "\"go\nld\",p2,mars,2026-11-20T17:30:00+01:00\n",
        "gold,p2,europe,2026-11-20T17:30:00+01:00\n",
        "gold,p9,europe,2026-11-20T17:30:00+01:00",
    );
    let lines = deadline_csv(input).status(1).json_lines();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["response"]["due"], DUE);
    assert_eq!(lines[1]["line"], 4);
    assert_eq!(lines[2]["line"], 7);
    assert_eq!(lines[3]["response"]["due"], DUE);
    assert_eq!(lines[4]["line"], 10);
}

// 3. Fractional and leap seconds.

#[test]
fn fractional_seconds_are_truncated() {
    // The response at 10:30:00.9 is at 10:30:00 once truncated: exactly at
    // the due instant, so met and 0 s late (SPEC §3, §9).
    let input = format!(
        "id,plan,priority,desk,opened,responded\na,gold,p2,europe,{OPENED},2026-11-21T10:30:00.9+01:00\n"
    );
    let lines = Test::new()
        .args(["audit", "-", "--input-format", "csv", "--tickets"])
        .args(["--as-of", "2026-12-01T00:00:00Z", "--format", "json"])
        .stdin(input)
        .json_lines();
    assert_eq!(lines[0]["verdict"], "met", "{}", lines[0]);
    assert_eq!(lines[0]["late_seconds"], 0);
    assert_eq!(lines[0]["responded"], "2026-11-21T10:30:00+01:00");

    // A local time with a fraction is read the same way: opened 17:30:00.5
    // at the desk is opened 17:30:00, due Sat 10:30.
    let single = Test::deadline("gold", "p2", "europe")
        .opened("2026-11-20T17:30:00.5")
        .format("json")
        .json();
    assert_eq!(single["opened"], OPENED);
    assert_eq!(single["response"]["due"], DUE);
}

#[test]
fn a_leap_second_is_an_error_naming_the_value() {
    for opened in [
        "2026-11-20T10:59:60Z",
        "2026-11-20T11:59:60+01:00",
        "2026-11-20T11:59:60",
    ] {
        Test::deadline("gold", "p2", "europe")
            .opened(opened)
            .bad_input(&[opened, "leap second"])
            .run();
    }
}

// 4. Long lines.

#[test]
fn json_lines_are_capped_at_one_mebibyte() {
    // The ticket padded with spaces (valid JSON) to exactly 1 MiB
    // (1 048 576 bytes) is read; one byte more and it is an error in its
    // place; the next line is computed.
    let cap = 1 << 20;
    let ticket = ticket_json("");
    let padded = |len: usize| format!("{ticket}{}", " ".repeat(len - ticket.len()));
    let input = format!("{}\n{}\n{ticket}\n", padded(cap), padded(cap + 1));
    let lines = with_failures(deadline_batch(input), "1 of 3 input lines failed", 3);
    assert_eq!(lines[0]["response"]["due"], DUE);
    assert_error(&lines[1], 2, "longer than 1 MiB");
    assert_eq!(lines[2]["response"]["due"], DUE);
}

#[test]
fn an_endless_json_line_without_newline_is_one_error() {
    // 3 MiB of zero bytes and no newline: one line, too long.
    let lines = with_failures(
        deadline_batch(vec![0u8; 3 << 20]),
        "1 of 1 input lines failed",
        1,
    );
    assert_error(&lines[0], 1, "longer than 1 MiB");
}

#[test]
fn a_long_csv_record_is_an_error_and_reading_goes_on() {
    // Line 2: a good row. Line 3: a row whose quoted desk is 2 MiB long.
    // Line 4: a good row. Line 5: an unterminated quote, not closed within
    // the 1 MiB cap: an error of line 5, and reading resumes on line 6
    // (SPEC §11; this test once had it swallow the rest of the file into
    // its one error). Line 6: 2 MiB without a line end, too long. Line 7:
    // a good row.
    let long = "x".repeat(2 << 20);
    let input = format!(
        "plan,priority,desk,opened\ngold,p2,europe,{OPENED}\ngold,p2,\"{long}\",{OPENED}\ngold,p2,europe,{OPENED}\ngold,p2,\"europe,{OPENED}\n{long}\ngold,p2,europe,{OPENED}\n"
    );
    let lines = with_failures(deadline_csv(input), "3 of 6 input lines failed", 6);
    assert_eq!(lines[0]["response"]["due"], DUE);
    assert_error(&lines[1], 3, "longer than 1 MiB");
    assert_eq!(lines[2]["response"]["due"], DUE);
    assert_error(
        &lines[3],
        5,
        "quoted cell that starts on this line is not closed within 1 MiB",
    );
    assert_error(&lines[4], 6, "longer than 1 MiB");
    assert_eq!(lines[5]["response"]["due"], DUE);
}

// 5. Errors in the user's words.

#[test]
fn json_field_errors_name_the_field() {
    let input = [
        ticket_json(",\"pauses\":5"),
        ticket_json(",\"priority_changes\":[1]"),
        "{\"plan\":\"gold\",\"priority\":\"p2\",\"opened\":\"2026-11-20T17:30:00+01:00\"}".into(),
        "[1]".into(),
        ticket_json(",\"opened\":null").replacen(&format!(",\"opened\":\"{OPENED}\""), "", 1),
    ]
    .join("\n");
    let lines = deadline_batch(input).status(1).json_lines();
    let errors: Vec<&str> = lines.iter().map(error_of).collect();
    assert_eq!(
        errors,
        [
            "pauses: expected a list of START/END texts or one text separated by ';'",
            "priority_changes: expected a list of TIME=PRIORITY texts or one text separated by ';'",
            "desk: missing",
            "expected a JSON object with the ticket's fields",
            "opened: expected a text",
        ]
    );
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["line"], i + 1);
    }
}

#[test]
fn a_field_error_on_stderr_is_one_line_with_the_file_line() {
    // With CSV output the error goes to stderr: "line 3: pauses: …".
    let input = format!(
        "{}\n\n{}\n",
        ticket_json(""),
        ticket_json(",\"pauses\":{\"a\":1}")
    );
    let out = deadline_batch(input).format("csv").status(1).run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "slacalc: line 3: pauses: expected a list of START/END texts or one text separated by ';'\nslacalc: error: 1 of 2 input lines failed\n"
    );
}

#[test]
fn a_directory_as_input_is_named() {
    Test::new()
        .file("tickets/.keep", "")
        .args(["deadline", "--input", "tickets"])
        .bad_input(&["'tickets'", "is a directory"])
        .run();
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    // Exports from spreadsheet programs often start with U+FEFF.
    let bom = "\u{feff}";
    let lines = deadline_batch(format!("{bom}{}\n", ticket_json(""))).json_lines();
    assert_eq!(lines[0]["response"]["due"], DUE);
    let lines = deadline_csv(format!(
        "{bom}plan,priority,desk,opened\ngold,p2,europe,{OPENED}\n"
    ))
    .json_lines();
    assert_eq!(lines[0]["response"]["due"], DUE);
}

// 6. One line number.

#[test]
fn broken_json_names_only_the_file_line() {
    // Line 5 is cut short at column 84, line 6 has trailing text: the
    // error says which column, never "line 1".
    let ticket = ticket_json("");
    let cut = &ticket[..ticket.len() - 1];
    let input = format!("{ticket}\n\n\n\n{cut},\n{ticket} x\n");
    let lines = deadline_batch(input).status(1).json_lines();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 5);
    assert_eq!(lines[2]["line"], 6);
    for line in &lines[1..] {
        let error = error_of(line);
        assert!(!error.contains("line"), "{line}");
        assert!(error.contains("column"), "{line}");
    }
}

// 7. Control characters in echoed values.

#[test]
fn control_characters_in_echoed_values_are_escaped() {
    // Each error is exactly one stderr line; the newline shows as \n.
    Test::deadline("gold", "p2", "eu\nslacalc: line 7: forged")
        .bad_input(&["unknown desk 'eu\\nslacalc: line 7: forged'"])
        .run();
    Test::deadline("gold", "p2\r\u{1b}[2J", "europe")
        .bad_input(&["p2\\r\\u{1b}[2J"])
        .run();
    Test::deadline("go\nld", "p2", "europe")
        .bad_input(&["go\\nld"])
        .run();
    Test::deadline("gold", "p2", "europe")
        .opened("2026-11-20T17:30\nslacalc: forged")
        .bad_input(&["'2026-11-20T17:30\\nslacalc: forged' is not a time"])
        .run();
    Test::deadline("gold", "p2", "europe")
        .args(["--pause", "2026-11-20T17:30\u{7}"])
        .bad_input(&["pause '2026-11-20T17:30\\u{7}'"])
        .run();
    Test::deadline("gold", "p2", "europe")
        .args(["--priority-change", "2026-11-21T10:00=P\n9"])
        .bad_input(&["P\\n9"])
        .run();
}

#[test]
fn control_characters_in_csv_cells_stay_on_their_stderr_line() {
    // Line 2's quoted desk holds a newline; with CSV output its error goes
    // to stderr, on one line.
    let input = format!("plan,priority,desk,opened\ngold,p2,\"eu\nslacalc: forged\",{OPENED}\n");
    let out = deadline_csv(input).format("csv").status(1).run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("slacalc: line 2: unknown desk 'eu\\nslacalc: forged'"),
        "{stderr}"
    );
}

#[test]
fn an_error_object_holds_one_line_too() {
    // In place, the unknown desk of line 2 is echoed escaped as well, so
    // that the audit table, which prints "line N: error", stays one line
    // per error.
    let input = format!("plan,priority,desk,opened\ngold,p2,\"eu\nforged\",{OPENED}\n");
    let lines = deadline_csv(input).status(1).json_lines();
    assert_eq!(lines[0]["line"], 2);
    assert!(
        error_of(&lines[0]).starts_with("unknown desk 'eu\\nforged'"),
        "{}",
        lines[0]
    );
}

#[test]
fn history_options_refuse_bad_values_naming_them() {
    let events = "{\"ticket\":\"a\",\"at\":\"2026-11-23T09:00:00+01:00\",\"type\":\"opened\",\"plan\":\"gold\",\"priority\":\"P2\",\"desk\":\"europe\"}\n";
    let run = |args: &[&str]| Test::new().args(args.iter().copied()).stdin(events);
    // Thresholds that do not rise, or are no numbers.
    run(&["queue", "--events", "-", "--warn", "90,75,50"])
        .bad_input(&["--warn", "'90,75,50'"])
        .run();
    run(&["queue", "--events", "-", "--warn", "50,75"])
        .bad_input(&["'50,75'"])
        .run();
    run(&["queue", "--events", "-", "--warn", "nan,75,90"])
        .bad_input(&["'nan,75,90'"])
        .run();
    // An empty grouping names nothing.
    run(&["audit", "--events", "-", "--by", " "])
        .bad_input(&["--by"])
        .run();
    // A queue needs its tickets; --by needs an event log.
    run(&["queue"]).bad_input(&["--events"]).run();
    run(&["audit", "x.csv", "--by", "agent"])
        .bad_input(&["--events"])
        .run();
    // An event of a type the log does not know (SPEC §9): ignored and
    // counted, the ticket still judged (it once failed the ticket). Its
    // count per type is said on stderr at the end.
    let with_comment = format!(
        "{events}{{\"ticket\":\"a\",\"at\":\"2026-11-23T09:10:00+01:00\",\"type\":\"comment\"}}\n"
    );
    let report = Test::new()
        .args(["audit", "--events", "-", "--as-of", "2026-11-24T00:00:00Z"])
        .stdin(with_comment)
        .format("json")
        .stderr_contains("ignored 1 events of types the log does not know: comment 1")
        .json();
    assert_eq!(report["errors"], 0);
    assert_eq!(report["ignored_events"], 1);
    assert_eq!(report["summary"][0]["tickets"], 1);
}

#[test]
fn a_ticket_that_cannot_be_judged_fails_the_run() {
    // The uae desk's Eid dates are listed for 2025-2028 only: a ticket
    // opened there in March 2031 cannot be judged (no guessing a holiday).
    // It is an error in its place, and the run ends with status 1, in both
    // the ticket lines and the summary.
    let events = "{\"ticket\":\"a\",\"at\":\"2031-03-03T09:00:00+04:00\",\"type\":\"opened\",\"plan\":\"gold\",\"priority\":\"P2\",\"desk\":\"uae\"}\n";
    let run = |extra: &[&str]| {
        Test::new()
            .args(["audit", "--events", "-", "--as-of", "2031-03-04T00:00:00Z"])
            .args(extra.iter().copied())
            .stdin(events)
            .format("json")
            .status(1)
    };
    let lines = run(&["--tickets"]).json_lines();
    assert_eq!(lines[0]["ticket"], "a");
    assert!(
        lines[0]["error"].as_str().unwrap().contains("2031"),
        "{}",
        lines[0]
    );
    let report = run(&[]).json();
    assert_eq!(report["errors"], 1);
}

/// SPEC §9: a status in both the waiting and the closing set is a usage
/// error (exit 2) naming it, before any line is read.
#[test]
fn a_status_both_waiting_and_closing_is_refused() {
    Test::new()
        .args(["audit", "--events", "-", "--waiting", "pending,Hold"])
        .args(["--closing", "solved,hold"])
        .stdin("")
        .bad_input(&["'Hold'", "--waiting", "--closing"])
        .run();
}
