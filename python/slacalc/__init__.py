"""slacalc for data frames: support deadlines exact across time zones, DST
and holidays, computed by the same engine as the ``slacalc`` command line,
over pandas, Polars and Arrow columns (and Spark, through ``mapInArrow``).

>>> import pyarrow as pa, slacalc
>>> t = slacalc.deadline(["gold"], ["P2"], ["europe"],
...                      pa.array(["2026-11-20T16:30:00Z"]).cast(pa.timestamp("s", tz="UTC")))
>>> t.column("response_due")[0].as_py().isoformat()
'2026-11-21T09:30:00+00:00'

Every function here reads its columns the same way:

- Instants: a typed column (Arrow, Polars, pandas datetimes) must be
  timezone-aware, else TypeError; so must a ``datetime`` given alone
  (``as_of``). A sequence or object Series is read value by value: a
  value that is no aware instant there (a text, a number, a naive
  date-time) is the error of its row, the other rows are computed (a
  column without one aware instant is a TypeError). Fractions of a
  second are dropped. A column of nulls alone (``[None]``) has no type:
  a TypeError that names it (give it one: ``pa.array([None],
  type=pa.timestamp("s", tz="UTC"))``). A value that cannot be read
  makes its row's ``error`` and nulls its row's other columns.
- Names mixed with other values: those values are read as their text
  (``5``: "unknown plan '5'", in its row).
- An empty ``opened`` gives an empty table with the usual columns.
- ``jobs``: workers (``None``: one a core); below 1 is a ValueError.
  No more workers start than there are cores or rows to use them.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
from typing import Any, Optional

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ._slacalc import (
    TZDB_VERSION,
    DataSet,
    audit_columns,
    clock_columns,
    deadline_columns,
    escalation_columns,
    holiday_list,
    local_times,
)

__all__ = [
    "DataSet",
    "TZDB_VERSION",
    "audit",
    "clock_add",
    "clock_before",
    "clock_elapsed",
    "deadline",
    "deadline_batch",
    "escalation",
    "holidays",
]

_EMBEDDED: Optional[DataSet] = None


def _data(data: Optional[DataSet]) -> DataSet:
    """The data set asked for, else ``SLACALC_DATA``'s, else the embedded one."""
    global _EMBEDDED
    if data is not None:
        return data
    folder = os.environ.get("SLACALC_DATA")
    if folder:
        return DataSet.load(folder)
    if _EMBEDDED is None:
        _EMBEDDED = DataSet.embedded()
    return _EMBEDDED


def _arrow(column: Any) -> pa.Array:
    """A pandas or Polars Series, an Arrow array or a sequence, as Arrow."""
    if isinstance(column, pa.ChunkedArray):
        return column.combine_chunks()
    if isinstance(column, pa.Array):
        return column
    to_arrow = getattr(column, "to_arrow", None)  # Polars
    if callable(to_arrow):
        return _arrow(to_arrow())
    return pa.array(column)


def _typed(column: Any) -> Optional[pa.Array]:
    """The column as Arrow when it has a type of its own (Arrow, Polars, a
    pandas Series or NumPy array not of objects); ``None`` for Python
    objects (sequences, object Series and arrays), read value by value."""
    dtype = getattr(column, "dtype", None)
    if not isinstance(column, (pa.Array, pa.ChunkedArray)) and not callable(getattr(column, "to_arrow", None)):
        if dtype is None or (isinstance(dtype, np.dtype) and dtype == np.dtype(object)):
            return None
    return _arrow(column)


def _length(array: Any, name: str, n: int) -> None:
    if len(array) != n:
        raise ValueError(f"{name} has {len(array)} values, opened {n}: every column must have one value a ticket")


def _jobs(jobs: Optional[int]) -> Optional[int]:
    """``jobs`` checked: ``None`` (a worker a core) or at least 1. The
    engine starts no more workers than the cores and the rows can use."""
    if jobs is None:
        return None
    try:
        jobs = operator.index(jobs)
    except TypeError:
        raise TypeError(f"jobs must be a whole number or None, not {type(jobs).__name__}") from None
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (None: a worker a core), not {jobs}")
    return min(jobs, 1 << 31)


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pandas' NA."""
    if value is None:
        return True
    try:
        unequal = value != value
    except Exception:
        return False
    if isinstance(unequal, (bool, np.bool_)):
        return bool(unequal)
    return type(unequal).__name__ == "NAType"


def _strings(column: Any, name: str, n: int) -> pa.Array:
    """Names or texts as Arrow strings (or a dictionary of them). A
    sequence mixing texts with other values (numbers, instants) has those
    values as their text, for the engine to refuse in their row."""
    array = _typed(column)
    if array is None:
        try:
            array = pa.array(column)
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            array = pa.array([None if _missing(v) else str(v) for v in column], type=pa.string())
    _length(array, name, n)
    return array


def _codes(column: Any, name: str, n: int) -> tuple[list[str], np.ndarray]:
    """Names as dictionary codes: the engine resolves each distinct name once."""
    array = _strings(column, name, n)
    if not pa.types.is_dictionary(array.type):
        array = pc.dictionary_encode(array.cast(pa.string()))
    names = [str(v) for v in array.dictionary.cast(pa.string()).to_pylist()]
    # A missing name is code -1: that row gets its error, the others go on.
    codes = array.indices.cast(pa.int32()).fill_null(-1)
    return names, np.asarray(codes.to_numpy(zero_copy_only=False), dtype=np.int32)


def _not_aware(name: str, what: str) -> TypeError:
    hint = (
        "give the column its type (pyarrow: pa.array(values, type=pa.timestamp('s', tz='UTC')))"
        if what == "null"
        else "give them a zone (pandas: Series.dt.tz_localize) so that no instant is a guess"
    )
    return TypeError(f"{name} must be timezone-aware timestamps, not {what}: {hint}")


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_SECOND = dt.timedelta(seconds=1)


def _instants(column: Any, name: str, n: int, unread: dict) -> np.ndarray:
    """Timezone-aware instants as epoch seconds (fractions dropped, as the
    command line does); a missing one is the minimum, an error for its row
    (``opened``) or no instant (``responded``, ``closed``).

    A typed column (Arrow, Polars, pandas datetimes) must be timezone-aware
    timestamps, else TypeError. Python objects (a sequence, an object
    Series) are read one by one: a value that is not an aware instant (a
    text, a number, a naive date-time) is its row's error, put in
    ``unread`` (row: error); a column with no aware instant at all is a
    TypeError, as a typed one. An empty column is accepted whatever its type.
    """
    array = _typed(column)
    if array is not None:
        _length(array, name, n)
        if len(array) == 0:
            return np.empty(0, dtype=np.int64)
        if not pa.types.is_timestamp(array.type):
            raise _not_aware(name, str(array.type))
        if array.type.tz is None:
            raise _not_aware(name, "naive date-times")
        return _whole_seconds(array)
    values = list(column)
    _length(values, name, n)
    seconds = np.full(len(values), _MISSING, dtype=np.int64)
    read, naive, other = 0, [], []
    for row, value in enumerate(values):
        if isinstance(value, pa.Scalar):
            value = values[row] = value.as_py()
        if _missing(value):
            continue
        if isinstance(value, dt.datetime) and value.utcoffset() is not None:
            seconds[row] = (value - _EPOCH) // _SECOND
            read += 1
        elif isinstance(value, (dt.datetime, np.datetime64)):
            naive.append(row)
        else:
            other.append(row)
    if values and not read:
        if naive:
            raise _not_aware(name, "naive date-times")
        kinds = sorted({type(values[row]).__name__ for row in other})
        raise _not_aware(name, ", ".join(kinds) or "null")
    for row in naive:
        unread.setdefault(row, f"{name}: {values[row]} has no time zone")
    for row in other:
        unread.setdefault(row, f"{name}: {values[row]!r} is not a timezone-aware instant")
    return seconds


def _as_of(as_of: Any) -> int:
    """The instant audits judge at, in whole seconds: a timezone-aware
    date-time (fractions dropped) or an RFC 3339 text with an offset."""
    if isinstance(as_of, str):
        try:
            as_of = pa.array([as_of]).cast(pa.timestamp("ns", tz="UTC"))
        except pa.ArrowInvalid:
            raise ValueError(f"as_of: '{as_of}' is not an RFC 3339 instant with an offset") from None
    else:
        as_of = [as_of]
    return int(_instants(as_of, "as_of", 1, {})[0])


_MISSING = np.iinfo(np.int64).min


def _whole_seconds(array: pa.Array) -> np.ndarray:
    """Timestamps or durations (any unit) as whole seconds, rounded down;
    a missing value is the minimum."""
    per_second = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[array.type.unit]
    ticks = array.cast(pa.int64()).fill_null(_MISSING).to_numpy(zero_copy_only=False)
    seconds = np.floor_divide(ticks, per_second)
    seconds[ticks == _MISSING] = _MISSING
    return np.asarray(seconds, dtype=np.int64)


def _table(columns: dict, n: int, failed: np.ndarray, errors: list, unread: dict) -> pa.Table:
    """The answer's columns and the ``error`` column: null but for the
    rows that failed, in the engine or before it (a value that could not
    be read: that error is the row's, and its other columns are null)."""
    if unread:
        mask = np.zeros(n, dtype=bool)
        mask[list(unread)] = True
        mask = pa.array(mask)
        for name, values in columns.items():
            columns[name] = pc.if_else(mask, pa.nulls(n, type=values.type), values)
    if not errors and not unread:
        columns["error"] = pa.nulls(n, type=pa.string())
    else:
        column = [None] * n
        for row, error in zip(failed.tolist(), errors):
            column[row] = error
        for row, error in unread.items():
            column[row] = error
        columns["error"] = pa.array(column, type=pa.string())
    return pa.table(columns)


def deadline(
    plan: Any,
    priority: Any,
    desk: Any,
    opened: Any,
    pauses: Any = None,
    *,
    local: bool = False,
    data: Optional[DataSet] = None,
    jobs: Optional[int] = None,
) -> pa.Table:
    """The response and priority-notification due instants of each ticket.

    ``plan``, ``priority``, ``desk``: names as the command line takes them
    (case-insensitive); ``opened``: timezone-aware timestamps; ``pauses``:
    optional ``"A/B;A/B"`` texts (RFC 3339 or local times at the desk).
    Columns may be pandas or Polars Series, Arrow arrays or sequences.

    Returns a ``pyarrow.Table``, one row a ticket, in order:
    ``response_due`` and ``notification_due`` as ``timestamp[s, UTC]`` (null:
    best effort, or no notification target), with ``local=True`` also
    ``response_due_local`` and ``notification_due_local`` (RFC 3339 at the
    desk's offset), and ``error`` (null when the row is fine). A bad row
    never stops the others. Every core computes; the GIL is released.

    Columns and ``jobs`` are read as the module says (``help(slacalc)``).
    """
    n = len(opened)
    dataset = _data(data)
    names_and_codes = [_codes(c, name, n) for c, name in ((plan, "plan"), (priority, "priority"), (desk, "desk"))]
    unread: dict = {}
    opened_seconds = _instants(opened, "opened", n, unread)
    pause_texts = None
    if pauses is not None:
        pause_texts = _strings(pauses, "pauses", n).cast(pa.string()).to_pylist()
    response, response_ok, notification, notification_ok, failed, errors = deadline_columns(
        dataset,
        [names for names, _ in names_and_codes],
        [codes for _, codes in names_and_codes],
        opened_seconds,
        pause_texts,
        _jobs(jobs),
    )
    utc = pa.timestamp("s", tz="UTC")
    columns = {
        "response_due": pa.array(response, type=pa.int64(), mask=~response_ok).cast(utc),
        "notification_due": pa.array(notification, type=pa.int64(), mask=~notification_ok).cast(utc),
    }
    if local:
        _add_local(columns, dataset, names_and_codes[2], {
            "response_due": (response, response_ok),
            "notification_due": (notification, notification_ok),
        })
    return _table(columns, n, failed, errors, unread)


def _add_local(columns: dict, dataset: DataSet, desks: tuple, instants: dict) -> None:
    """For each instant column ``NAME`` (its epoch seconds and validity), a
    ``NAME_local`` column: RFC 3339 at the row's desk offset, as the command
    line prints it (null where there is no instant). ``desks``: the desk
    column's names and codes, as ``_codes`` gives them."""
    names, codes = desks
    for name, (values, valid) in instants.items():
        columns[f"{name}_local"] = pa.array(local_times(dataset, names, codes, values, valid), type=pa.string())


def _deadline_of(frame: Any, plan: str, priority: str, desk: str, opened: str, pauses: Optional[str], **options: Any) -> pa.Table:
    """`deadline` over the named columns of a pandas or Polars frame."""
    found_pauses = frame[pauses] if pauses else None
    return deadline(frame[plan], frame[priority], frame[desk], frame[opened], found_pauses, **options)


def deadline_batch(
    batch: pa.RecordBatch,
    *,
    plan: str = "plan",
    priority: str = "priority",
    desk: str = "desk",
    opened: str = "opened",
    pauses: Optional[str] = None,
    data: Optional[DataSet] = None,
) -> pa.RecordBatch:
    """An Arrow record batch with its deadline columns added: the function a
    Spark executor runs in ``DataFrame.mapInArrow`` (one batch at a time).
    Its instants are ``timestamp[us, UTC]``, the unit Spark reads."""
    found = deadline(
        batch.column(plan),
        batch.column(priority),
        batch.column(desk),
        batch.column(opened),
        batch.column(pauses) if pauses else None,
        data=data,
    )
    micro = pa.timestamp("us", tz="UTC")
    found = found.cast(
        pa.schema([f.with_type(micro) if pa.types.is_timestamp(f.type) else f for f in found.schema])
    )
    columns = list(batch.columns) + [column.combine_chunks() for column in found.columns]
    fields = list(batch.schema) + list(found.schema)
    return pa.RecordBatch.from_arrays(columns, schema=pa.schema(fields))


def _seconds(column: Any, name: str, n: int, unread: dict) -> np.ndarray:
    """Durations (Arrow, pandas, NumPy, ``timedelta``) or integers as whole
    seconds (rounded down); a missing one is the minimum. Python objects
    are read one by one, as ``_instants`` reads them: a value that is
    neither is its row's error."""
    array = _typed(column)
    if array is not None:
        _length(array, name, n)
        if len(array) == 0:
            return np.empty(0, dtype=np.int64)
        if pa.types.is_duration(array.type):
            return _whole_seconds(array)
        if pa.types.is_integer(array.type):
            return np.asarray(array.cast(pa.int64()).fill_null(_MISSING).to_numpy(zero_copy_only=False), dtype=np.int64)
        raise TypeError(f"{name} must be durations or whole seconds, not {array.type}")
    values = list(column)
    _length(values, name, n)
    seconds = np.full(len(values), _MISSING, dtype=np.int64)
    other = []
    for row, value in enumerate(values):
        if _missing(value):
            continue
        try:
            if isinstance(value, dt.timedelta):
                seconds[row] = value // _SECOND
            elif isinstance(value, np.timedelta64):  # before integers: it is one to NumPy
                seconds[row] = int(value // np.timedelta64(1, "s"))
            elif isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
                seconds[row] = int(value)
            else:
                raise TypeError
        except (TypeError, ValueError, OverflowError):
            other.append(row)
    if values and len(other) == sum(not _missing(v) for v in values):
        kinds = sorted({type(values[row]).__name__ for row in other})
        raise TypeError(f"{name} must be durations or whole seconds, not {', '.join(kinds) or 'null'}")
    for row in other:
        unread.setdefault(row, f"{name}: {values[row]!r} is not a duration or whole seconds")
    return seconds


def _instant_column(values: np.ndarray, valid: np.ndarray) -> pa.Array:
    return pa.array(values, type=pa.int64(), mask=~valid).cast(pa.timestamp("s", tz="UTC"))


def _clock(operation, desk, first, second, clock, data, jobs, name, local=False):
    n = len(first)
    dataset = _data(data)
    names, codes = _codes(desk, "desk", n)
    unread: dict = {}
    first = _instants(first, "until" if operation == "before" else "start", n, unread)
    if operation == "elapsed":
        second = _instants(second, "until", n, unread)
    else:
        second = _seconds(second, "amount", n, unread)
    values, valid, failed, errors = clock_columns(
        dataset, names, codes, clock, operation, first, second, _jobs(jobs)
    )
    if operation == "elapsed":
        columns = {name: pa.array(values, type=pa.int64(), mask=~valid)}
    else:
        columns = {name: _instant_column(values, valid)}
        if local:
            _add_local(columns, dataset, (names, codes), {name: (values, valid)})
    return _table(columns, n, failed, errors, unread)


def clock_add(desk: Any, start: Any, amount: Any, *, clock: str = "standard", local: bool = False,
              data: Optional[DataSet] = None, jobs: Optional[int] = None) -> pa.Table:
    """The instant ``amount`` of business time on ``clock`` (standard,
    extended or 24x7) after each ``start`` at each ``desk``, as
    ``slacalc clock --add``: column ``due`` (``timestamp[s, UTC]``; with
    ``local=True`` also ``due_local``, RFC 3339 at the desk's offset),
    ``error``."""
    return _clock("add", desk, start, amount, clock, data, jobs, "due", local)


def clock_before(desk: Any, until: Any, amount: Any, *, clock: str = "standard", local: bool = False,
                 data: Optional[DataSet] = None, jobs: Optional[int] = None) -> pa.Table:
    """The latest instant with ``amount`` of business time on ``clock``
    left before each ``until``, as ``slacalc clock --before``: column
    ``start`` (``timestamp[s, UTC]``; with ``local=True`` also
    ``start_local``), ``error``."""
    return _clock("before", desk, until, amount, clock, data, jobs, "start", local)


def clock_elapsed(desk: Any, start: Any, until: Any, *, clock: str = "standard",
                  data: Optional[DataSet] = None, jobs: Optional[int] = None) -> pa.Table:
    """The business time on ``clock`` from each ``start`` to ``until``, as
    ``slacalc clock --until``: column ``elapsed_seconds`` (int64), ``error``.
    An ``until`` before its ``start`` is an error of its row (the command
    line's exit 2), the other rows are computed."""
    return _clock("elapsed", desk, start, until, clock, data, jobs, "elapsed_seconds")


def holidays(desk: str, year: int, *, data: Optional[DataSet] = None) -> pa.Table:
    """A desk's holidays in ``year``, as ``slacalc holidays``: columns
    ``date`` (``date32``) and ``name``. A year the desk's data does not
    cover is an error, never a guess."""
    days, names = holiday_list(_data(data), desk, year)
    return pa.table({"date": pa.array(days, type=pa.int32()).cast(pa.date32()), "name": pa.array(names, type=pa.string())})


def escalation(plan: Any, priority: Any, desk: Any, opened: Any, *, local: bool = False,
               data: Optional[DataSet] = None, jobs: Optional[int] = None) -> pa.Table:
    """The escalation steps of each ticket (SPEC §5), as ``slacalc
    escalate`` lists them: ``step_1_due`` ... (``timestamp[s, UTC]``, on
    the plan's business clock from the opening) and ``step_1_reaches`` ...
    (who the step hands the ticket to; null: no change), with
    ``local=True`` also ``step_1_due_local`` ... (RFC 3339 at the desk's
    offset), then ``error``."""
    n = len(opened)
    dataset = _data(data)
    names_and_codes = [_codes(c, name, n) for c, name in ((plan, "plan"), (priority, "priority"), (desk, "desk"))]
    unread: dict = {}
    steps, failed, errors = escalation_columns(
        dataset,
        [names for names, _ in names_and_codes],
        [codes for _, codes in names_and_codes],
        _instants(opened, "opened", n, unread),
        dataset.escalation_steps(),
        _jobs(jobs),
    )
    columns = {}
    for k, (due, valid, reaches) in enumerate(steps, start=1):
        columns[f"step_{k}_due"] = _instant_column(due, valid)
        columns[f"step_{k}_reaches"] = pa.array(reaches, type=pa.string())
    if local:
        _add_local(columns, dataset, names_and_codes[2], {
            f"step_{k}_due": (due, valid) for k, (due, valid, _) in enumerate(steps, start=1)
        })
    return _table(columns, n, failed, errors, unread)


def audit(plan: Any, priority: Any, desk: Any, opened: Any, responded: Any, closed: Any = None, *,
          as_of: Any, local: bool = False, data: Optional[DataSet] = None,
          jobs: Optional[int] = None) -> pa.Table:
    """First responses judged as ``slacalc audit`` judges ticket rows (SPEC
    §9): ``responded`` and ``closed`` are timezone-aware instants or null (a
    close without a response counts as the response; a value that cannot
    be read as an instant is its row's error, never "no response");
    ``as_of`` the instant unanswered tickets are judged at: a
    timezone-aware ``datetime`` (or pandas ``Timestamp``, or an RFC 3339
    text with an offset), to the second (fractions dropped, as SPEC §3
    says); a naive one is refused as a naive ``opened`` is. Columns: ``response_due``
    (``timestamp[s, UTC]``), ``verdict`` (met, breached, open, best_effort),
    ``late_seconds`` (wall-clock seconds past due; negative: early), with
    ``local=True`` also ``response_due_local`` (RFC 3339 at the desk's
    offset), then ``error``."""
    n = len(opened)
    dataset = _data(data)
    names_and_codes = [_codes(c, name, n) for c, name in ((plan, "plan"), (priority, "priority"), (desk, "desk"))]
    none = pa.nulls(n, type=pa.timestamp("s", tz="UTC"))
    unread: dict = {}
    opened_seconds = _instants(opened, "opened", n, unread)
    responded_seconds = _instants(responded, "responded", n, unread)
    closed_seconds = _instants(none if closed is None else closed, "closed", n, unread)
    (due, valid, failed, errors), verdicts, late, late_valid = audit_columns(
        dataset,
        [names for names, _ in names_and_codes],
        [codes for _, codes in names_and_codes],
        opened_seconds,
        responded_seconds,
        closed_seconds,
        _as_of(as_of),
        _jobs(jobs),
    )
    columns = {
        "response_due": _instant_column(due, valid),
        "verdict": pa.array(verdicts, type=pa.string()).dictionary_encode(),
        "late_seconds": pa.array(late, type=pa.int64(), mask=~late_valid),
    }
    if local:
        _add_local(columns, dataset, names_and_codes[2], {"response_due": (due, valid)})
    return _table(columns, n, failed, errors, unread)
