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
use slacalc::escalation::{self, LadderOf};
use slacalc::resolve::Resolver;
use slacalc::ticket::{Ticket, Times};

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

/// The columns of a ticket computation, one row a ticket.
struct Rows<'a> {
    names: &'a [Vec<String>; 3],
    codes: [&'a [i32]; 3],
    opened: &'a [i64],
    pauses: Option<&'a [Option<String>]>,
}

/// The codes of the plan, priority and desk columns.
fn code_slices<'a>(codes: &'a [PyReadonlyArray1<'_, i32>; 3]) -> PyResult<[&'a [i32]; 3]> {
    Ok([
        codes[0].as_slice()?,
        codes[1].as_slice()?,
        codes[2].as_slice()?,
    ])
}

impl<'a> Rows<'a> {
    /// The columns, if each has one value a row (`more`: the lengths of
    /// the call's other columns).
    fn new(
        names: &'a [Vec<String>; 3],
        codes: [&'a [i32]; 3],
        opened: &'a [i64],
        pauses: Option<&'a [Option<String>]>,
        more: &[usize],
    ) -> PyResult<Rows<'a>> {
        let n = opened.len();
        let lengths = codes.iter().map(|c| c.len()).chain(pauses.map(<[_]>::len));
        if lengths.chain(more.iter().copied()).any(|len| len != n) {
            return Err(value_error("every column must have one value a ticket"));
        }
        Ok(Rows {
            names,
            codes,
            opened,
            pauses,
        })
    }

    fn len(&self) -> usize {
        self.opened.len()
    }

    /// The names of row `i`'s plan, priority and desk.
    fn names(&self, i: usize) -> Result<[&'a str; 3], String> {
        let name = |column: usize| {
            usize::try_from(self.codes[column][i])
                .ok()
                .and_then(|code| self.names[column].get(code))
                .map(String::as_str)
                .ok_or_else(|| {
                    ["plan: missing", "priority: missing", "desk: missing"][column].to_string()
                })
        };
        Ok([name(0)?, name(1)?, name(2)?])
    }

    /// The ticket of row `i`, resolved as the command line resolves one.
    fn ticket<'d>(
        &self,
        names: &mut Resolver<'d>,
        i: usize,
        times: Option<Times>,
    ) -> Result<Ticket<'d>, String> {
        let opened = instant(self.opened[i], "opened").ok();
        let pauses: Vec<&str> = self
            .pauses
            .and_then(|p| p[i].as_deref())
            .map(|text| {
                text.split(';')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        names
            .ticket_at(self.names(i)?, opened, &pauses, times)
            .map_err(|e| e.to_string())
    }

    /// `answer` for each row's ticket, on `jobs` workers.
    fn answers<'d, T: Send>(
        &self,
        data: &'d slacalc::load::DataSet,
        jobs: Option<usize>,
        answer: impl Fn(&mut Resolver<'d>, usize) -> Result<T, String> + Sync,
    ) -> PyResult<Vec<Result<T, String>>> {
        across_cores(self.len(), jobs, || Resolver::new(data, Utc::now()), answer)
    }
}

/// An instant given as epoch seconds (`i64::MIN`: missing).
fn instant(seconds: i64, what: &str) -> Result<DateTime<Utc>, String> {
    DateTime::<Utc>::from_timestamp(seconds, 0)
        .ok_or_else(|| format!("{what}: missing or out of range"))
}

/// The rows' answers apart from their failures: `None` where a row
/// failed, then the rows that failed and why (most fail none: no list a
/// row).
fn split<T>(answers: Vec<Result<T, String>>) -> (Vec<Option<T>>, Vec<i64>, Vec<String>) {
    let (mut failed, mut errors) = (Vec::new(), Vec::new());
    let found = answers
        .into_iter()
        .enumerate()
        .map(|(i, answer)| {
            answer
                .map_err(|error| {
                    failed.push(i64::try_from(i).unwrap_or(i64::MAX));
                    errors.push(error);
                })
                .ok()
        })
        .collect();
    (found, failed, errors)
}

/// A column of instants (or seconds), some missing: the values, and
/// whether each is there.
type Column<'py> = (Bound<'py, PyArray1<i64>>, Bound<'py, PyArray1<bool>>);

fn column<'py>(py: Python<'py>, values: impl Iterator<Item = Option<i64>>) -> Column<'py> {
    let (values, valid): (Vec<i64>, Vec<bool>) =
        values.map(|v| (v.unwrap_or(0), v.is_some())).unzip();
    (
        PyArray1::from_vec(py, values),
        PyArray1::from_vec(py, valid),
    )
}

/// A column, then the rows that failed and their errors.
type Columns<'py> = (
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<bool>>,
    Bound<'py, PyArray1<i64>>,
    Vec<String>,
);

/// Deadlines of many tickets at once (see `slacalc.deadline`): per row
/// the response due instant and the notification due instant (epoch
/// seconds; `valid` false where there is none), then the rows that failed
/// and their errors.
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
    let rows = Rows::new(
        &names,
        code_slices(&codes)?,
        opened.as_slice()?,
        pauses.as_deref(),
        &[],
    )?;
    let answers = py.detach(|| {
        rows.answers(&data.inner, jobs, |names, i| {
            let ticket = rows.ticket(names, i, None)?;
            let result = deadline::compute(&ticket, false).map_err(|e| e.to_string())?;
            Ok((
                result.response.due.map(|t| t.timestamp()),
                result
                    .notification
                    .and_then(|n| n.due)
                    .map(|t| t.timestamp()),
            ))
        })
    })?;
    let (found, failed, errors) = split(answers);
    let (response, response_valid) = column(py, found.iter().map(|f| f.and_then(|f| f.0)));
    let (notification, notification_valid) = column(py, found.iter().map(|f| f.and_then(|f| f.1)));
    Ok((
        response,
        response_valid,
        notification,
        notification_valid,
        PyArray1::from_vec(py, failed),
        errors,
    ))
}

/// Instants as RFC 3339 to the second with each row's desk offset, as the
/// command line prints them (`None` where there is no instant or desk).
/// Desks come as names and a code a row; each desk's zone is found once.
#[pyfunction]
fn local_times(
    data: &DataSet,
    desks: Vec<String>,
    desk_codes: PyReadonlyArray1<'_, i32>,
    instants: PyReadonlyArray1<'_, i64>,
    valid: PyReadonlyArray1<'_, bool>,
) -> PyResult<Vec<Option<String>>> {
    let (codes, instants, valid) = (
        desk_codes.as_slice()?,
        instants.as_slice()?,
        valid.as_slice()?,
    );
    if codes.len() != instants.len() || valid.len() != instants.len() {
        return Err(value_error("every column must have one value a row"));
    }
    let names = Resolver::new(&data.inner, Utc::now());
    let zones: Vec<_> = desks
        .iter()
        .map(|name| names.desk(name).ok().map(|desk| desk.zone))
        .collect();
    Ok(codes
        .iter()
        .zip(instants.iter().zip(valid))
        .map(|(code, (t, ok))| {
            let zone = (*zones.get(usize::try_from(*code).ok()?)?)?;
            let t = DateTime::<Utc>::from_timestamp(*t, 0).filter(|_| *ok)?;
            Some(slacalc::time::rfc3339(t, zone))
        })
        .collect())
}

/// `answer` for each of `n` rows, in row order, through the library's
/// pipeline on `jobs` workers (as asked, else one per core), never more
/// than the cores or the rows (nor than the pipeline's chunks of rows):
/// a worker more would only wait. Each worker keeps its own `state`
/// (names resolved, say).
fn across_cores<T: Send, S>(
    n: usize,
    jobs: Option<usize>,
    state: impl Fn() -> S + Sync,
    answer: impl Fn(&mut S, usize) -> T + Sync,
) -> PyResult<Vec<T>> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let jobs = jobs.unwrap_or(cores).min(cores).clamp(1, n.max(1));
    slacalc::pipeline::map_rows(n, jobs, state, answer).map_err(value_error)
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
    let answers = py.detach(|| {
        across_cores(
            n,
            jobs,
            // Each desk code resolved once per worker.
            || {
                (
                    Resolver::new(data, Utc::now()),
                    HashMap::<i32, Result<&Calendar, String>>::new(),
                )
            },
            |(names, desks_known), i| -> Result<i64, String> {
                let desk = desks_known
                    .entry(codes[i])
                    .or_insert_with(|| {
                        let name = usize::try_from(codes[i])
                            .ok()
                            .and_then(|c| desks.get(c))
                            .ok_or_else(|| "desk: missing".to_string())?;
                        names.desk(name).map_err(|e| e.to_string())
                    })
                    .clone()?;
                let clock = slacalc::clock::Clock::new(desk, kind);
                let from = instant(first[i], "start")?;
                let none = Pauses::none();
                match operation {
                    "elapsed" => {
                        // As `slacalc clock --until` before `--from`: an error.
                        let until = instant(second[i], "until")?;
                        if until < from {
                            let at = |t| slacalc::time::rfc3339(t, desk.zone);
                            return Err(format!(
                                "until {} is before start {}",
                                at(until),
                                at(from)
                            ));
                        }
                        clock.elapsed(from, until, &none).map(|d| d.num_seconds())
                    }
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
                }
                .map_err(|e| e.to_string())
            },
        )
    })?;
    let (found, failed, errors) = split(answers);
    let (values, valid) = column(py, found.into_iter());
    Ok((values, valid, PyArray1::from_vec(py, failed), errors))
}

/// A desk's holidays in a year: each date (days since 1970-01-01) and name.
#[pyfunction]
fn holiday_list(data: &DataSet, desk: &str, year: i32) -> PyResult<(Vec<i32>, Vec<String>)> {
    let desk = Resolver::new(&data.inner, Utc::now())
        .desk(desk)
        .map_err(value_error)?;
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
    let rows = Rows::new(&names, code_slices(&codes)?, opened.as_slice()?, None, &[])?;
    let answers = py.detach(|| {
        rows.answers(&data.inner, jobs, |names, i| {
            let ticket = rows.ticket(names, i, None)?;
            let plan = ticket.plan();
            let ladder = escalation::ladder(&ticket, LadderOf::EachStepsPriority)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("plan '{}' has no escalation matrix", plan.name))?;
            Ok(ladder
                .rungs
                .iter()
                .map(|rung| {
                    (
                        rung.due.map(|t| t.timestamp()),
                        rung.cell().map(str::to_string),
                    )
                })
                .collect::<Vec<_>>())
        })
    })?;
    let (found, failed, errors) = split(answers);
    let step = |row: &Option<Vec<(Option<i64>, Option<String>)>>, k: usize| {
        row.as_ref().and_then(|steps| steps.get(k)).cloned()
    };
    let columns = (0..steps)
        .map(|k| {
            let (due, valid) = column(py, found.iter().map(|row| step(row, k).and_then(|s| s.0)));
            let reaches = found
                .iter()
                .map(|row| step(row, k).and_then(|s| s.1))
                .collect();
            (due, valid, reaches)
        })
        .collect();
    Ok((columns, PyArray1::from_vec(py, failed), errors))
}

/// Response verdicts of many tickets (see `slacalc.audit`): the response
/// due instant with the rows that failed and their errors, the verdict's
/// name, and the lateness in seconds.
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
    let (responded, closed) = (responded.as_slice()?, closed.as_slice()?);
    let rows = Rows::new(
        &names,
        code_slices(&codes)?,
        opened.as_slice()?,
        None,
        &[responded.len(), closed.len()],
    )?;
    let as_of = instant(as_of, "as_of").map_err(value_error)?;
    let answers = py.detach(|| {
        rows.answers(&data.inner, jobs, |names, i| {
            let times = Times {
                responded: instant(responded[i], "responded").ok(),
                closed: instant(closed[i], "closed").ok(),
                ..Times::default()
            };
            let ticket = rows.ticket(names, i, Some(times))?;
            let judged = slacalc::audit::audit(&ticket, as_of).map_err(|e| e.to_string())?;
            Ok((
                judged.deadline.response.due.map(|t| t.timestamp()),
                judged.verdict.name(),
                judged.late.map(|d| d.num_seconds()),
            ))
        })
    })?;
    let (found, failed, errors) = split(answers);
    let (due, valid) = column(py, found.iter().map(|f| f.and_then(|f| f.0)));
    let (late, late_valid) = column(py, found.iter().map(|f| f.and_then(|f| f.2)));
    Ok((
        (due, valid, PyArray1::from_vec(py, failed), errors),
        found.iter().map(|f| f.map(|f| f.1)).collect(),
        late,
        late_valid,
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
