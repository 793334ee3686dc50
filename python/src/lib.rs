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
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .clamp(1, n.max(1));
    let data = &data.inner;
    // Each worker answers one run of rows into its own part of the output.
    let answers: Vec<Answer> = py.detach(|| {
        let mut answers: Vec<Answer> = Vec::with_capacity(n);
        answers.resize_with(n, || Ok((None, None)));
        let size = n.div_ceil(jobs).max(1);
        std::thread::scope(|scope| {
            for (part, out) in answers.chunks_mut(size).enumerate() {
                let rows = &rows;
                scope.spawn(move || {
                    let mut resolved = Resolved {
                        data,
                        known: HashMap::new(),
                    };
                    for (k, slot) in out.iter_mut().enumerate() {
                        *slot = answer(&mut resolved, rows, part * size + k);
                    }
                });
            }
        });
        answers
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

#[pymodule]
fn _slacalc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DataSet>()?;
    m.add_function(wrap_pyfunction!(deadline_columns, m)?)?;
    m.add_function(wrap_pyfunction!(local_times, m)?)?;
    m.add("TZDB_VERSION", slacalc::time::TZDB_VERSION)?;
    Ok(())
}
