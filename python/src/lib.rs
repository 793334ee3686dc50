//! The slacalc engine for Python: columns in (NumPy arrays of codes and
//! epoch seconds), columns out, every core at work and the GIL released.
//! The Python side (`slacalc/__init__.py`) turns pandas, Polars and Arrow
//! columns into these and the results into a `pyarrow.Table`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use slacalc::calendar::Calendar;
use slacalc::clock::Pauses;
use slacalc::deadline;
use slacalc::plan::{Plan, Priority};
use slacalc::ticket::{PriorityPeriod, Ticket};

/// Calendars and plans: the embedded ones, or a folder's like `--data`.
#[pyclass(frozen, module = "slacalc._slacalc")]
struct DataSet {
    inner: slacalc::load::DataSet,
}

#[pymethods]
impl DataSet {
    /// The data set built into slacalc.
    #[staticmethod]
    fn embedded() -> PyResult<DataSet> {
        let inner = slacalc::load::DataSet::embedded().map_err(value_error)?;
        Ok(DataSet { inner })
    }

    /// A folder with `calendars/` and/or `plans/`, as `slacalc --data DIR`.
    #[staticmethod]
    fn load(path: &str) -> PyResult<DataSet> {
        let inner =
            slacalc::load::DataSet::from_dir(std::path::Path::new(path)).map_err(value_error)?;
        Ok(DataSet { inner })
    }

    /// The most escalation steps a plan has.
    fn escalation_steps(&self) -> usize {
        self.inner
            .plans_in_order()
            .filter_map(|plan| plan.escalation().map(|m| m.steps.len()))
            .max()
            .unwrap_or(0)
    }

    /// The desks' names.
    fn desks(&self) -> Vec<String> {
        self.inner.desk_names().map(str::to_string).collect()
    }
}

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The columns of a deadline computation, one row a ticket.
struct Rows<'a> {
    names: [&'a [String]; 3],
    codes: [&'a [i32]; 3],
    opened: &'a [i64],
    pauses: Option<&'a [Option<String>]>,
}

/// One row's answer: the response and notification due instants (epoch
/// seconds; `None`: best effort, or no notification target), or why the
/// row has none.
type Answer = Result<(Option<i64>, Option<i64>), String>;

/// What a row's plan, priority and desk codes name.
type Names<'d> = (&'d Plan, &'d Priority, &'d Calendar);

/// The names a row's codes stand for, resolved once per combination.
struct Resolved<'d> {
    data: &'d slacalc::load::DataSet,
    known: HashMap<[i32; 3], Result<Names<'d>, String>>,
}

impl<'d> Resolved<'d> {
    fn get(
        &mut self,
        rows: &Rows,
        codes: [i32; 3],
    ) -> Result<(&'d Plan, &'d Priority, &'d Calendar), String> {
        let data = self.data;
        self.known
            .entry(codes)
            .or_insert_with(|| {
                let name = |column: usize| {
                    usize::try_from(codes[column])
                        .ok()
                        .and_then(|code| rows.names[column].get(code))
                        .map(String::as_str)
                        .ok_or_else(|| {
                            ["plan: missing", "priority: missing", "desk: missing"][column]
                                .to_string()
                        })
                };
                let plan = data.plan(name(0)?).map_err(|e| e.to_string())?;
                let priority = plan.priority(name(1)?).map_err(|e| e.to_string())?;
                let desk = data.desk(name(2)?).map_err(|e| e.to_string())?;
                Ok((plan, priority, desk))
            })
            .clone()
    }
}

/// The answer for row `i`, as `slacalc deadline` gives it (SPEC §3–4).
fn answer(resolved: &mut Resolved, rows: &Rows, i: usize) -> Answer {
    let codes = [rows.codes[0][i], rows.codes[1][i], rows.codes[2][i]];
    let (plan, priority, desk) = resolved.get(rows, codes)?;
    let opened = DateTime::<Utc>::from_timestamp(rows.opened[i], 0)
        .ok_or_else(|| "opened: missing or out of range".to_string())?;
    let pauses = match rows.pauses.and_then(|p| p[i].as_deref()) {
        None => Pauses::none(),
        Some(text) => {
            let texts: Vec<&str> = text
                .split(';')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            slacalc::input::pauses(&texts, desk.zone, opened).map_err(|e| e.to_string())?
        }
    };
    let ticket = Ticket {
        plan,
        desk,
        opened,
        pauses,
        initial: PriorityPeriod {
            from: opened,
            priority,
        },
        changes: Vec::new(),
        moments: None,
    };
    let result = deadline::compute(&ticket, false).map_err(|e| e.to_string())?;
    Ok((
        result.response.due.map(|t| t.timestamp()),
        result
            .notification
            .and_then(|n| n.due)
            .map(|t| t.timestamp()),
    ))
}

/// Deadlines of many tickets at once (see `slacalc.deadline`): per row
/// the response due instant and the notification due instant (epoch
/// seconds; `valid` false where there is none), then the rows that failed
/// and their errors (most rows fail none: no list a row).
#[pyfunction]
#[pyo3(signature = (data, names, codes, opened, pauses=None, jobs=None))]
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn deadline_columns<'py>(
    py: Python<'py>,
    data: &DataSet,
    names: [Vec<String>; 3],
    codes: [PyReadonlyArray1<'py, i32>; 3],
    opened: PyReadonlyArray1<'py, i64>,
    pauses: Option<Vec<Option<String>>>,
    jobs: Option<usize>,
) -> PyResult<(
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<bool>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<bool>>,
    Bound<'py, PyArray1<i64>>,
    Vec<String>,
)> {
    let codes = [
        codes[0].as_slice()?,
        codes[1].as_slice()?,
        codes[2].as_slice()?,
    ];
    let opened = opened.as_slice()?;
    let n = opened.len();
    if codes.iter().any(|c| c.len() != n) || pauses.as_ref().is_some_and(|p| p.len() != n) {
        return Err(value_error("every column must have one value a ticket"));
    }
    let rows = Rows {
        names: [&names[0], &names[1], &names[2]],
        codes,
        opened,
        pauses: pauses.as_deref(),
    };
    let jobs = workers(jobs, n);
    let data = &data.inner;
    let answers: Vec<Answer> = py.detach(|| {
        across_cores(
            n,
            jobs,
            || Resolved {
                data,
                known: HashMap::new(),
            },
            |resolved, i| answer(resolved, &rows, i),
        )
    });
    let mut response = vec![0i64; n];
    let mut response_valid = vec![false; n];
    let mut notification = vec![0i64; n];
    let mut notification_valid = vec![false; n];
    let (mut failed, mut errors) = (Vec::new(), Vec::new());
    for (i, a) in answers.into_iter().enumerate() {
        match a {
            Ok((r, note)) => {
                if let Some(r) = r {
                    (response[i], response_valid[i]) = (r, true);
                }
                if let Some(note) = note {
                    (notification[i], notification_valid[i]) = (note, true);
                }
            }
            Err(e) => {
                failed.push(i64::try_from(i).unwrap_or(i64::MAX));
                errors.push(e);
            }
        }
    }
    Ok((
        PyArray1::from_vec(py, response),
        PyArray1::from_vec(py, response_valid),
        PyArray1::from_vec(py, notification),
        PyArray1::from_vec(py, notification_valid),
        PyArray1::from_vec(py, failed),
        errors,
    ))
}

/// Instants as RFC 3339 to the second with each row's desk offset, as the
/// command line prints them (`None` where there is no instant).
#[pyfunction]
fn local_times(
    data: &DataSet,
    desks: Vec<Option<String>>,
    instants: PyReadonlyArray1<'_, i64>,
    valid: PyReadonlyArray1<'_, bool>,
) -> PyResult<Vec<Option<String>>> {
    let (instants, valid) = (instants.as_slice()?, valid.as_slice()?);
    Ok(desks
        .iter()
        .zip(instants.iter().zip(valid))
        .map(|(desk, (t, ok))| {
            let desk = data.inner.desk(desk.as_deref()?).ok()?;
            let t = DateTime::<Utc>::from_timestamp(*t, 0).filter(|_| *ok)?;
            Some(slacalc::time::rfc3339(t, desk.zone))
        })
        .collect())
}

/// How many workers share `n` rows: as asked, else one per core.
fn workers(jobs: Option<usize>, n: usize) -> usize {
    jobs.or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .clamp(1, n.max(1))
}

/// `answer` for each of `n` rows, the rows split into one run per worker;
/// each worker keeps its own `state` (names resolved, say).
fn across_cores<T: Send, S>(
    n: usize,
    jobs: usize,
    state: impl Fn() -> S + Sync,
    answer: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<T> {
    let size = n.div_ceil(jobs).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = (0..n)
            .step_by(size)
            .map(|first| {
                let (state, answer) = (&state, &answer);
                scope.spawn(move || {
                    let mut own = state();
                    (first..(first + size).min(n))
                        .map(|i| answer(&mut own, i))
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Instants (or seconds) out: values, whether each is there, and the rows
/// that failed with their errors.
type Columns<'py> = (
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<bool>>,
    Bound<'py, PyArray1<i64>>,
    Vec<String>,
);

fn columns<'py>(py: Python<'py>, answers: Vec<Result<Option<i64>, String>>) -> Columns<'py> {
    let n = answers.len();
    let (mut values, mut valid) = (vec![0i64; n], vec![false; n]);
    let (mut failed, mut errors) = (Vec::new(), Vec::new());
    for (i, a) in answers.into_iter().enumerate() {
        match a {
            Ok(Some(v)) => (values[i], valid[i]) = (v, true),
            Ok(None) => {}
            Err(e) => {
                failed.push(i64::try_from(i).unwrap_or(i64::MAX));
                errors.push(e);
            }
        }
    }
    (
        PyArray1::from_vec(py, values),
        PyArray1::from_vec(py, valid),
        PyArray1::from_vec(py, failed),
        errors,
    )
}

/// Business time on a desk's clock, row by row (see `slacalc.clock_add`,
/// `clock_before`, `clock_elapsed`): `add` gives the instant `second`
/// seconds of clock time after `first`, `before` the instant that much
/// before it, `elapsed` the clock seconds from `first` to `second`.
#[pyfunction]
#[pyo3(signature = (data, desks, desk_codes, clock, operation, first, second, jobs=None))]
#[allow(clippy::too_many_arguments)]
fn clock_columns<'py>(
    py: Python<'py>,
    data: &DataSet,
    desks: Vec<String>,
    desk_codes: PyReadonlyArray1<'py, i32>,
    clock: &str,
    operation: &str,
    first: PyReadonlyArray1<'py, i64>,
    second: PyReadonlyArray1<'py, i64>,
    jobs: Option<usize>,
) -> PyResult<Columns<'py>> {
    let kind = slacalc::clock::ClockKind::parse(clock).map_err(value_error)?;
    if !matches!(operation, "add" | "before" | "elapsed") {
        return Err(value_error(format!(
            "unknown clock operation '{operation}'"
        )));
    }
    let (codes, first, second) = (
        desk_codes.as_slice()?,
        first.as_slice()?,
        second.as_slice()?,
    );
    let n = first.len();
    if codes.len() != n || second.len() != n {
        return Err(value_error("every column must have one value a row"));
    }
    let data = &data.inner;
    let instant = |t: i64, what: &str| {
        DateTime::<Utc>::from_timestamp(t, 0)
            .ok_or_else(|| format!("{what}: missing or out of range"))
    };
    let answers = py.detach(|| {
        across_cores(
            n,
            workers(jobs, n),
            || (),
            |(), i| -> Result<Option<i64>, String> {
                let desk = usize::try_from(codes[i])
                    .ok()
                    .and_then(|c| desks.get(c))
                    .ok_or_else(|| "desk: missing".to_string())?;
                let desk = data.desk(desk).map_err(|e| e.to_string())?;
                let clock = slacalc::clock::Clock::new(desk, kind);
                let from = instant(first[i], "start")?;
                let none = Pauses::none();
                let answer = match operation {
                    "elapsed" => clock
                        .elapsed(from, instant(second[i], "until")?, &none)
                        .map(|d| d.num_seconds()),
                    op => {
                        if second[i] == i64::MIN {
                            return Err("amount: missing".to_string());
                        }
                        let amount = chrono::TimeDelta::seconds(second[i]);
                        if op == "add" {
                            clock.due(from, amount, &none)
                        } else {
                            clock.before(from, amount, &none)
                        }
                        .map(|t| t.timestamp())
                    }
                };
                answer.map(Some).map_err(|e| e.to_string())
            },
        )
    });
    Ok(columns(py, answers))
}

/// A desk's holidays in a year: each date (days since 1970-01-01) and name.
#[pyfunction]
fn holiday_list(data: &DataSet, desk: &str, year: i32) -> PyResult<(Vec<i32>, Vec<String>)> {
    let desk = data.inner.desk(desk).map_err(value_error)?;
    let holidays = desk.holidays_in(year).map_err(value_error)?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    Ok(holidays
        .iter()
        .map(|(date, name)| {
            let days = i32::try_from((*date - epoch).num_days()).unwrap_or(i32::MAX);
            (days, name.clone())
        })
        .unzip())
}

/// Escalation steps of many tickets (see `slacalc.escalation`): per step,
/// its due instant column and who it reaches (`None`: no change), then
/// the rows that failed and their errors.
#[pyfunction]
#[pyo3(signature = (data, names, codes, opened, steps, jobs=None))]
#[allow(clippy::type_complexity)]
fn escalation_columns<'py>(
    py: Python<'py>,
    data: &DataSet,
    names: [Vec<String>; 3],
    codes: [PyReadonlyArray1<'py, i32>; 3],
    opened: PyReadonlyArray1<'py, i64>,
    steps: usize,
    jobs: Option<usize>,
) -> PyResult<(
    Vec<(
        Bound<'py, PyArray1<i64>>,
        Bound<'py, PyArray1<bool>>,
        Vec<Option<String>>,
    )>,
    Bound<'py, PyArray1<i64>>,
    Vec<String>,
)> {
    let codes = [
        codes[0].as_slice()?,
        codes[1].as_slice()?,
        codes[2].as_slice()?,
    ];
    let opened = opened.as_slice()?;
    let n = opened.len();
    let rows = Rows {
        names: [&names[0], &names[1], &names[2]],
        codes,
        opened,
        pauses: None,
    };
    let data = &data.inner;
    type Steps = Vec<(Option<i64>, Option<String>)>;
    let answers: Vec<Result<Steps, String>> = py.detach(|| {
        across_cores(
            n,
            workers(jobs, n),
            || Resolved {
                data,
                known: HashMap::new(),
            },
            |resolved, i| -> Result<Steps, String> {
                let codes = [rows.codes[0][i], rows.codes[1][i], rows.codes[2][i]];
                let (plan, priority, desk) = resolved.get(&rows, codes)?;
                let opened = DateTime::<Utc>::from_timestamp(rows.opened[i], 0)
                    .ok_or_else(|| "opened: missing or out of range".to_string())?;
                let matrix = plan
                    .escalation()
                    .ok_or_else(|| format!("plan '{}' has no escalation matrix", plan.name))?;
                let ladder = matrix.ladder(priority);
                matrix
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(k, target)| {
                        let due = deadline::due(desk, *target, opened, &Pauses::none())
                            .map_err(|e| e.to_string())?;
                        Ok((due.map(|t| t.timestamp()), ladder.get(k).cloned().flatten()))
                    })
                    .collect()
            },
        )
    });
    let mut out: Vec<(Vec<i64>, Vec<bool>, Vec<Option<String>>)> = (0..steps)
        .map(|_| (vec![0; n], vec![false; n], vec![None; n]))
        .collect();
    let (mut failed, mut errors) = (Vec::new(), Vec::new());
    for (i, a) in answers.into_iter().enumerate() {
        match a {
            Ok(found) => {
                for (k, (due, reaches)) in found.into_iter().enumerate().take(steps) {
                    if let Some(due) = due {
                        (out[k].0[i], out[k].1[i]) = (due, true);
                    }
                    out[k].2[i] = reaches;
                }
            }
            Err(e) => {
                failed.push(i64::try_from(i).unwrap_or(i64::MAX));
                errors.push(e);
            }
        }
    }
    Ok((
        out.into_iter()
            .map(|(due, ok, reaches)| {
                (
                    PyArray1::from_vec(py, due),
                    PyArray1::from_vec(py, ok),
                    reaches,
                )
            })
            .collect(),
        PyArray1::from_vec(py, failed),
        errors,
    ))
}

/// Response verdicts of many tickets (see `slacalc.audit`): per row the
/// response due instant, the verdict's name and the lateness in seconds,
/// then the rows that failed and their errors.
#[pyfunction]
#[pyo3(signature = (data, names, codes, opened, responded, closed, as_of, jobs=None))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn audit_columns<'py>(
    py: Python<'py>,
    data: &DataSet,
    names: [Vec<String>; 3],
    codes: [PyReadonlyArray1<'py, i32>; 3],
    opened: PyReadonlyArray1<'py, i64>,
    responded: PyReadonlyArray1<'py, i64>,
    closed: PyReadonlyArray1<'py, i64>,
    as_of: i64,
    jobs: Option<usize>,
) -> PyResult<(
    Columns<'py>,
    Vec<Option<&'static str>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<bool>>,
)> {
    let codes = [
        codes[0].as_slice()?,
        codes[1].as_slice()?,
        codes[2].as_slice()?,
    ];
    let (opened, responded, closed) = (
        opened.as_slice()?,
        responded.as_slice()?,
        closed.as_slice()?,
    );
    let n = opened.len();
    if responded.len() != n || closed.len() != n || codes.iter().any(|c| c.len() != n) {
        return Err(value_error("every column must have one value a ticket"));
    }
    let as_of = DateTime::<Utc>::from_timestamp(as_of, 0)
        .ok_or_else(|| value_error("as_of is out of range"))?;
    let rows = Rows {
        names: [&names[0], &names[1], &names[2]],
        codes,
        opened,
        pauses: None,
    };
    let data = &data.inner;
    type Verdict = (Option<i64>, &'static str, Option<i64>);
    let answers: Vec<Result<Verdict, String>> = py.detach(|| {
        across_cores(
            n,
            workers(jobs, n),
            || Resolved {
                data,
                known: HashMap::new(),
            },
            |resolved, i| -> Result<Verdict, String> {
                let codes = [rows.codes[0][i], rows.codes[1][i], rows.codes[2][i]];
                let (plan, priority, desk) = resolved.get(&rows, codes)?;
                let instant =
                    |t: i64| DateTime::<Utc>::from_timestamp(t, 0).filter(|_| t != i64::MIN);
                let opened = instant(rows.opened[i])
                    .ok_or_else(|| "opened: missing or out of range".to_string())?;
                let ticket = Ticket {
                    plan,
                    desk,
                    opened,
                    pauses: Pauses::none(),
                    initial: PriorityPeriod {
                        from: opened,
                        priority,
                    },
                    changes: Vec::new(),
                    moments: Some(Box::new(slacalc::ticket::Moments {
                        responded: instant(responded[i]),
                        closed: instant(closed[i]),
                        ..slacalc::ticket::Moments::default()
                    })),
                };
                let judged = slacalc::audit::audit(&ticket, as_of).map_err(|e| e.to_string())?;
                Ok((
                    judged.deadline.response.due.map(|t| t.timestamp()),
                    judged.verdict.name(),
                    judged.late.map(|d| d.num_seconds()),
                ))
            },
        )
    });
    let mut verdicts = vec![None; n];
    let (mut late, mut late_valid) = (vec![0i64; n], vec![false; n]);
    let dues = answers
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            a.map(|(due, verdict, lateness)| {
                verdicts[i] = Some(verdict);
                if let Some(seconds) = lateness {
                    (late[i], late_valid[i]) = (seconds, true);
                }
                due
            })
        })
        .collect();
    Ok((
        columns(py, dues),
        verdicts,
        PyArray1::from_vec(py, late),
        PyArray1::from_vec(py, late_valid),
    ))
}

#[pymodule]
fn _slacalc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DataSet>()?;
    m.add_function(wrap_pyfunction!(deadline_columns, m)?)?;
    m.add_function(wrap_pyfunction!(local_times, m)?)?;
    m.add_function(wrap_pyfunction!(clock_columns, m)?)?;
    m.add_function(wrap_pyfunction!(holiday_list, m)?)?;
    m.add_function(wrap_pyfunction!(escalation_columns, m)?)?;
    m.add_function(wrap_pyfunction!(audit_columns, m)?)?;
    m.add("TZDB_VERSION", slacalc::time::TZDB_VERSION)?;
    Ok(())
}
