//! One way to run the binary in a test: a builder that sets the arguments,
//! "now", the environment, standard input and data files, then checks the
//! exit status and the output.
//!
//! ```ignore
//! Test::new()
//!     .args(["deadline", "--plan", "gold", "--priority", "p2", "--desk", "europe"])
//!     .now("2026-11-23T09:00:00Z")
//!     .status(2)
//!     .stderr_contains("unknown desk")
//!     .run();
//! ```
//!
//! `assert_fields` compares JSON output with the fields a test names;
//! `events` writes the ticket event logs the audit and queue tests feed it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

pub mod events;

/// Six audit tickets (id, plan, priority, desk, opened, pauses, responded)
/// whose verdicts and lateness are worked out in engine/audit.rs.
pub const AUDIT_TICKETS: &str = concat!(
    "id,plan,priority,desk,opened,pauses,responded\n",
    "a,gold,p2,europe,2026-11-20T17:30:00+01:00,,2026-11-21T10:30:00+01:00\n",
    "b,gold,p2,europe,2026-11-20T17:30:00+01:00,,2026-11-21T10:30:01+01:00\n",
    "c,basic,p1,americas,2026-11-25T16:00:00-05:00,,2026-11-27T17:00:00-05:00\n",
    "d,basic,p1,americas,2026-11-25T16:00:00-05:00,,2026-11-30T07:00:00-05:00\n",
    "e,basic,p4,europe,2026-11-20T17:30:00+01:00,,\n",
    "f,gold,p1,europe,2026-11-23T09:00:00+01:00,,\n",
);

/// Seven queue tickets as rows (id, plan, priority, desk, opened, pauses,
/// `priority_changes`, responded, closed) whose states at Mon 2026-11-23
/// 12:00 CET under `--warn 20,40,60` are worked out in engine/queue.rs.
pub const QUEUE_TICKETS: &str = concat!(
    "id,plan,priority,desk,opened,pauses,priority_changes,responded,closed\n",
    "r1,gold,P4,europe,2026-11-23T10:00:00+01:00,,,,\n",
    "r2,gold,P2,europe,2026-11-23T10:48:00+01:00,,,,\n",
    "r3,gold,P3,europe,2026-11-23T09:00:00+01:00,2026-11-23T09:30:00+01:00/2026-11-23T10:30:00+01:00,,,\n",
    "r4,gold,P2,europe,2026-11-23T09:00:00+01:00,,,,2026-11-23T11:00:00+01:00\n",
    "r5,gold,P2,europe,2026-11-23T09:00:00+01:00,,,2026-11-23T09:10:00+01:00,\n",
    "r6,gold,P4,europe,2026-11-23T11:00:00+01:00,,,,\n",
    "r7,gold,P2,europe,2026-11-23T11:00:00+01:00,,2026-11-23T11:30:00+01:00=P1,,\n",
);

/// The instant every test runs at unless it says otherwise: no test reads
/// the real date.
pub const NOW: &str = "2026-11-23T09:00:00Z";

#[must_use]
pub struct Test {
    args: Vec<String>,
    /// A shell command line to run instead of the binary alone (as the
    /// README prints it, pipes and all), with `slacalc` on the `PATH`.
    shell: Option<String>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
    tempdir: Option<tempfile::TempDir>,
    status: i32,
    stdout: Option<String>,
    stdout_contains: Vec<String>,
    stderr_contains: Vec<String>,
    stderr_mentions: Vec<String>,
    ignore_case: bool,
    /// Where stdout goes instead of a pipe (a file such as /dev/full).
    stdout_path: Option<PathBuf>,
    /// Close stderr's reading end before the run writes to it.
    stderr_closed: bool,
}

impl Default for Test {
    fn default() -> Self {
        Test::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test {
            args: Vec::new(),
            env: vec![("SLACALC_NOW".into(), NOW.into())],
            stdin: None,
            tempdir: None,
            status: 0,
            stdout: None,
            stdout_contains: Vec::new(),
            stderr_contains: Vec::new(),
            stderr_mentions: Vec::new(),
            ignore_case: false,
            stdout_path: None,
            stderr_closed: false,
            shell: None,
        }
    }

    /// `slacalc deadline --plan P --priority PR --desk D`.
    pub fn deadline(plan: &str, priority: &str, desk: &str) -> Test {
        Test::ticket("deadline", plan, priority, desk)
    }

    /// `slacalc escalate --plan P --priority PR --desk D`.
    pub fn escalate(plan: &str, priority: &str, desk: &str) -> Test {
        Test::ticket("escalate", plan, priority, desk)
    }

    fn ticket(subcommand: &str, plan: &str, priority: &str, desk: &str) -> Test {
        Test::new().args([
            subcommand,
            "--plan",
            plan,
            "--priority",
            priority,
            "--desk",
            desk,
        ])
    }

    /// `--opened T`.
    pub fn opened(self, opened: &str) -> Test {
        self.args(["--opened", opened])
    }

    /// `--format F`.
    pub fn format(self, format: &str) -> Test {
        self.args(["--format", format])
    }

    pub fn arg(mut self, arg: impl Into<String>) -> Test {
        self.args.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Send stdout to a file (such as `/dev/full`) instead of a pipe.
    pub fn stdout_to(mut self, path: &str) -> Test {
        self.stdout_path = Some(path.into());
        self
    }

    /// Close the reading end of stderr: writing an error there fails.
    pub fn close_stderr(mut self) -> Test {
        self.stderr_closed = true;
        self
    }

    /// Run a shell command line (as a README prints it) instead of the
    /// binary alone; `slacalc` is on its `PATH`.
    pub fn shell(mut self, line: &str) -> Test {
        self.shell = Some(line.into());
        self
    }

    /// Pin "now" (`SLACALC_NOW`, RFC 3339).
    pub fn now(self, now: &str) -> Test {
        self.env("SLACALC_NOW", now)
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Test {
        self.stdin = Some(input.into());
        self
    }

    /// Write a file into the test's own folder, which becomes the working
    /// directory of the run (relative paths in arguments point into it).
    pub fn file(mut self, path: &str, contents: impl AsRef<[u8]>) -> Test {
        let dir = self
            .tempdir
            .get_or_insert_with(|| tempfile::tempdir().expect("a temporary folder"));
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create the file's folder");
        }
        std::fs::write(full, contents).expect("write the test file");
        self
    }

    /// Files of a `--data` folder, written under `data/` and passed as
    /// `--data data`.
    pub fn data(mut self, files: &[(&str, &str)]) -> Test {
        for (path, contents) in files {
            self = self.file(&format!("data/{path}"), contents);
        }
        self.args(["--data", "data"])
    }

    /// The folder the run works in: the test's own folder once a file was
    /// written, else the repository (so `examples/` resolve).
    pub fn dir(&self) -> PathBuf {
        match &self.tempdir {
            Some(dir) => dir.path().to_path_buf(),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        }
    }

    pub fn status(mut self, status: i32) -> Test {
        self.status = status;
        self
    }

    pub fn stdout(mut self, expected: &str) -> Test {
        self.stdout = Some(expected.into());
        self
    }

    pub fn stdout_contains(mut self, needle: &str) -> Test {
        self.stdout_contains.push(needle.into());
        self
    }

    /// The run must write exactly one line to stderr, containing `needle`.
    pub fn stderr_contains(mut self, needle: &str) -> Test {
        self.stderr_contains.push(needle.into());
        self
    }

    /// Stderr must contain `needle`, on any of its lines.
    pub fn stderr_mentions(mut self, needle: &str) -> Test {
        self.stderr_mentions.push(needle.into());
        self
    }

    /// Bad input: exit status 2 and exactly one line on stderr, containing
    /// every needle.
    pub fn bad_input(mut self, needles: &[&str]) -> Test {
        for needle in needles {
            self = self.stderr_contains(needle);
        }
        self.status(2)
    }

    /// Compare the stderr needles case-insensitively.
    pub fn ignore_case(mut self) -> Test {
        self.ignore_case = true;
        self
    }

    /// Run the binary without checking anything.
    pub fn output(&self) -> Output {
        let binary = Path::new(env!("CARGO_BIN_EXE_slacalc"));
        let mut command = match &self.shell {
            Some(line) => {
                let mut shell = Command::new("bash");
                let path = std::env::var_os("PATH").unwrap_or_default();
                let mut dirs = vec![binary.parent().expect("the binary's folder").to_path_buf()];
                dirs.extend(std::env::split_paths(&path));
                shell
                    .args(["-c", line])
                    .env("PATH", std::env::join_paths(dirs).expect("a PATH"));
                shell
            }
            None => Command::new(binary),
        };
        command
            .args(&self.args)
            .current_dir(self.dir())
            .env_remove("SLACALC_DATA")
            .env_remove("COLUMNS")
            .env("NO_COLOR", "1")
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(match &self.stdout_path {
                Some(path) => Stdio::from(std::fs::File::create(path).expect("open stdout file")),
                None => Stdio::piped(),
            })
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start slacalc");
        if self.stderr_closed {
            drop(child.stderr.take());
        }
        if let Some(input) = &self.stdin {
            let mut pipe = child.stdin.take().expect("stdin pipe");
            let input = input.clone();
            // Write from a thread so that a large input cannot dead-lock
            // against a full stdout pipe.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
        child.wait_with_output().expect("wait for slacalc")
    }

    /// What is wrong with the run, if anything.
    pub fn problems(&self, out: &Output) -> Vec<String> {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut problems = Vec::new();
        if out.status.code() != Some(self.status) {
            problems.push(format!(
                "exit {:?}, expected {}",
                out.status.code(),
                self.status
            ));
        }
        if let Some(expected) = &self.stdout {
            if stdout != *expected {
                problems.push(format!("stdout differs; expected:\n{expected}"));
            }
        }
        for needle in &self.stdout_contains {
            if !stdout.contains(needle.as_str()) {
                problems.push(format!("stdout lacks {needle:?}"));
            }
        }
        if !self.stderr_contains.is_empty() && stderr.lines().count() != 1 {
            problems.push(format!(
                "{} stderr lines, expected 1",
                stderr.lines().count()
            ));
        }
        let fold = |text: &str| {
            if self.ignore_case {
                text.to_lowercase()
            } else {
                text.to_string()
            }
        };
        let folded = fold(&stderr);
        for needle in self.stderr_contains.iter().chain(&self.stderr_mentions) {
            if !folded.contains(&fold(needle)) {
                problems.push(format!("stderr lacks {needle:?}"));
            }
        }
        problems
    }

    /// Run and check; what is wrong, as one line, instead of a panic (for
    /// tables of cases that report every mismatch at once).
    pub fn try_run(&self) -> Result<Output, String> {
        let out = self.output();
        let problems = self.problems(&out);
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(format!(
                "slacalc {}: {}; stdout: {}; stderr: {}",
                self.args.join(" "),
                problems.join("; "),
                String::from_utf8_lossy(&out.stdout).trim(),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }

    /// Run, check, and parse stdout as one JSON document; what is wrong
    /// instead of a panic.
    pub fn try_json(&self) -> Result<Value, String> {
        let out = self.try_run()?;
        serde_json::from_slice(&out.stdout).map_err(|e| {
            format!(
                "slacalc {}: stdout is not JSON ({e}): {}",
                self.args.join(" "),
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// Run and check; the output, for further checks. A failed check
    /// panics at the test's line.
    #[track_caller]
    pub fn run(self) -> Output {
        match self.try_run() {
            Ok(out) => out,
            Err(problem) => panic!("{problem}"),
        }
    }

    /// Run, check, and parse stdout as one JSON document.
    #[track_caller]
    pub fn json(self) -> Value {
        match self.try_json() {
            Ok(value) => value,
            Err(problem) => panic!("{problem}"),
        }
    }

    /// Run, check, and parse stdout as JSON Lines.
    #[track_caller]
    pub fn json_lines(self) -> Vec<Value> {
        let out = self.run();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }

    /// Run, check, and return stdout as text.
    #[track_caller]
    pub fn stdout_text(self) -> String {
        String::from_utf8(self.run().stdout).expect("UTF-8 stdout")
    }
}

/// A table of hand-worked cases checked at once: `check` gives what
/// differs for each labelled case, and the test fails listing every case
/// that differs, with the count of `what`.
#[track_caller]
pub fn assert_table<C>(
    what: &str,
    cases: impl IntoIterator<Item = (String, C)>,
    check: impl Fn(C) -> Vec<String>,
) {
    let mut total = 0;
    let mut failures = Vec::new();
    for (label, case) in cases {
        total += 1;
        let problems = check(case);
        if !problems.is_empty() {
            failures.push(format!("{label}:\n    {}", problems.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} {what} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `actual` cut down to what `expected` names, at every level: an object
/// to `expected`'s keys (a missing key shows as "<missing>", so that an
/// absent field is not taken for null), an array item by item (when the
/// lengths agree). A number is taken as `expected`'s own where `expected`
/// is written with a fraction (25.0) and the values are equal: JSON may
/// write 25.0 as 25.
fn named(actual: &Value, expected: &Value) -> Value {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .map(|(key, e)| {
                let field = a.get(key).map_or(json!("<missing>"), |a| named(a, e));
                (key.clone(), field)
            })
            .collect(),
        (Value::Array(a), Value::Array(e)) if a.len() == e.len() => {
            a.iter().zip(e).map(|(a, e)| named(a, e)).collect()
        }
        (Value::Number(a), Value::Number(e)) if e.is_f64() && a.as_f64() == e.as_f64() => {
            expected.clone()
        }
        _ => actual.clone(),
    }
}

/// Every field `expected` names has that value in `actual`, at every level
/// (see `named`); fields it does not name are not checked, and a named
/// field that is absent fails even where null is expected.
#[track_caller]
pub fn assert_fields(actual: &Value, expected: &Value) {
    assert_eq!(named(actual, expected), *expected, "in {actual}");
}
