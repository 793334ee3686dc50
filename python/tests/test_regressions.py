"""Regressions of the Python package, one test a bug, worked out by hand
from SPEC §3, §8 and §9 (europe: Europe/Rome, CET in November; gold P2
opened Fri 2026-11-20 17:30 CET is due Sat 10:30 CET = 09:30Z)."""

import datetime as dt
import os
import threading

import pyarrow as pa
import pytest

import slacalc

UTC = dt.timezone.utc
OPENED = dt.datetime(2026, 11, 20, 16, 30, tzinfo=UTC)
DUE = dt.datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def instants(*values):
    return pa.array(list(values), type=pa.timestamp("s", tz="UTC"))


def gold_p2(n):
    return ["gold"] * n, ["P2"] * n, ["europe"] * n


def test_clock_elapsed_with_until_before_start_is_an_error_of_its_row():
    # As `slacalc clock --until` before `--from` (exit 2): the row is an
    # error, the other rows are computed (Mon 10:00 to 11:00 CET: 1 h).
    table = slacalc.clock_elapsed(
        ["europe", "europe"],
        instants(dt.datetime(2026, 11, 23, 10, tzinfo=UTC), dt.datetime(2026, 11, 23, 9, tzinfo=UTC)),
        instants(dt.datetime(2026, 11, 23, 9, tzinfo=UTC), dt.datetime(2026, 11, 23, 10, tzinfo=UTC)),
    )
    assert table.column("elapsed_seconds").to_pylist() == [None, 3600]
    error = table.column("error").to_pylist()
    assert error[1] is None
    assert error[0] == "until 2026-11-23T10:00:00+01:00 is before start 2026-11-23T11:00:00+01:00"


def test_jobs_below_one_is_a_value_error_naming_jobs():
    for jobs in (0, -1):
        with pytest.raises(ValueError, match="jobs"):
            slacalc.deadline(*gold_p2(1), instants(OPENED), jobs=jobs)
        with pytest.raises(ValueError, match="jobs"):
            slacalc.clock_add(["europe"], instants(OPENED), [60], jobs=jobs)
    # However many are asked for, the answer is the same.
    for jobs in (1, 2, 10**6, 2**70):
        table = slacalc.deadline(*gold_p2(1), instants(OPENED), jobs=jobs)
        assert table.column("response_due").to_pylist() == [DUE]


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads in /proc")
def test_jobs_above_the_rows_or_the_cores_start_no_more_workers_than_they_use():
    # Threads alive while the engine computes (the GIL is released), seen
    # from a watcher thread: at most one worker a core and the producer.
    n = 2000

    def threads():
        return len(os.listdir("/proc/self/task"))

    before, peak, stop = threads(), [0], threading.Event()

    def watch():
        while not stop.is_set():
            peak[0] = max(peak[0], threads())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        table = slacalc.clock_add(["europe"] * n, instants(*[OPENED] * n), [60] * n, jobs=n)
    finally:
        stop.set()
        watcher.join()
    assert table.column("error").null_count == n
    assert peak[0] - before - 1 <= min(n, os.cpu_count() or 1) + 1


def test_audit_as_of_with_fractional_seconds_is_truncated_to_the_second():
    # Due 09:30:00Z; as of 09:30:00.999999Z is as of 09:30:00Z: still open.
    as_of = DUE + dt.timedelta(microseconds=999_999)
    table = slacalc.audit(*gold_p2(1), instants(OPENED), instants(None), as_of=as_of)
    assert table.column("verdict").cast(pa.string()).to_pylist() == ["open"]
    assert table.column("late_seconds").to_pylist() == [None]
    # Now, to the microsecond, as a script would give it: long breached.
    table = slacalc.audit(*gold_p2(1), instants(OPENED), instants(None), as_of=dt.datetime.now(UTC))
    assert table.column("verdict").cast(pa.string()).to_pylist() == ["breached"]


def test_audit_naive_as_of_is_refused_as_a_naive_opened_is():
    naive = dt.datetime(2026, 11, 21, 11, 0)
    with pytest.raises(TypeError) as opened:
        slacalc.audit(*gold_p2(1), [naive], instants(None), as_of=DUE)
    with pytest.raises(TypeError) as as_of:
        slacalc.audit(*gold_p2(1), instants(OPENED), instants(None), as_of=naive)
    assert str(opened.value).startswith("opened must be timezone-aware")
    assert str(as_of.value) == str(opened.value).replace("opened", "as_of", 1)


def test_an_all_null_responded_column_is_named_in_its_error():
    with pytest.raises(TypeError) as refused:
        slacalc.audit(*gold_p2(1), instants(OPENED), [None], as_of=DUE)
    assert str(refused.value).startswith("responded ")
    assert "opened" not in str(refused.value)
    with pytest.raises(TypeError, match="^closed "):
        slacalc.audit(*gold_p2(1), instants(OPENED), instants(None), [None], as_of=DUE)


def test_an_empty_opened_gives_an_empty_table_with_the_usual_columns():
    import pandas as pd

    import slacalc.pandas

    def same_schema(empty, one):
        assert empty.num_rows == 0
        assert empty.schema == one.schema

    same_schema(slacalc.deadline([], [], [], []), slacalc.deadline(*gold_p2(1), instants(OPENED)))
    same_schema(
        slacalc.deadline([], [], [], [], [], local=True),
        slacalc.deadline(*gold_p2(1), instants(OPENED), [None], local=True),
    )
    same_schema(slacalc.escalation([], [], [], [], local=True), slacalc.escalation(*gold_p2(1), instants(OPENED), local=True))
    same_schema(
        slacalc.audit([], [], [], [], [], as_of=DUE, local=True),
        slacalc.audit(*gold_p2(1), instants(OPENED), instants(None), as_of=DUE, local=True),
    )
    same_schema(slacalc.clock_add([], [], [], local=True), slacalc.clock_add(["europe"], instants(OPENED), [60], local=True))
    same_schema(slacalc.clock_elapsed([], [], []), slacalc.clock_elapsed(["europe"], instants(OPENED), instants(DUE)))
    frame = pd.DataFrame({"plan": [], "priority": [], "desk": [], "opened": []})
    assert list(slacalc.pandas.deadline(frame).columns) == [
        "plan", "priority", "desk", "opened", "response_due", "notification_due", "error",
    ]


def test_a_mixed_object_column_gives_errors_of_its_rows():
    import pandas as pd

    naive = dt.datetime(2026, 11, 20, 16, 30)
    opened = pd.Series([OPENED, "2026-11-20T16:30:00Z", None, 5, naive, pd.Timestamp(OPENED)], dtype=object)
    rows = slacalc.deadline(*gold_p2(6), opened).to_pylist()
    assert [row["response_due"] for row in rows] == [DUE, None, None, None, None, DUE]
    errors = [row["error"] for row in rows]
    assert errors[0] is None and errors[5] is None
    assert errors[1] == "opened: '2026-11-20T16:30:00Z' is not a timezone-aware instant"
    assert errors[2] == "opened: missing or out of range"
    # An integer is not read as microseconds since 1970, nor a naive
    # instant as UTC: either would be a guess.
    assert errors[3] == "opened: 5 is not a timezone-aware instant"
    assert errors[4] == "opened: 2026-11-20 16:30:00 has no time zone"

    # A response that cannot be read is its row's error, not "no response".
    responded = pd.Series([DUE, "soon", None], dtype=object)
    table = slacalc.audit(*gold_p2(3), instants(*[OPENED] * 3), responded, as_of=DUE + dt.timedelta(hours=1))
    assert table.column("verdict").cast(pa.string()).to_pylist() == ["met", None, "breached"]
    assert table.column("response_due").to_pylist() == [DUE, None, DUE]
    assert table.column("late_seconds").to_pylist() == [0, None, 3600]
    assert table.column("error").to_pylist() == [None, "responded: 'soon' is not a timezone-aware instant", None]

    # Names and amounts mixed with other values: the row's error.
    table = slacalc.deadline(["gold", 5], ["P2", "P2"], ["europe", "europe"], instants(OPENED, OPENED))
    assert table.column("response_due").to_pylist() == [DUE, None]
    assert table.column("error")[1].as_py().startswith("unknown plan '5'")
    table = slacalc.clock_add(
        ["europe"] * 3, instants(*[OPENED] * 3), pd.Series([dt.timedelta(minutes=1), "1m", 60], dtype=object)
    )
    assert table.column("error").to_pylist() == [None, "amount: '1m' is not a duration or whole seconds", None]
    # Fri 17:30 CET + 1 min on the standard clock: 17:31 CET.
    assert table.column("due").to_pylist() == [OPENED + dt.timedelta(minutes=1), None, OPENED + dt.timedelta(minutes=1)]


def test_a_polars_lazyframe_gives_a_lazyframe():
    import polars as pl

    import slacalc.polars

    frame = pl.DataFrame({"plan": ["gold", "atlantis"], "priority": ["P2", "P2"], "desk": ["europe", "europe"],
                          "opened": [OPENED, OPENED]})
    lazy = slacalc.polars.deadline(frame.lazy(), local=True)
    assert isinstance(lazy, pl.LazyFrame)
    eager = slacalc.polars.deadline(frame, local=True)
    assert lazy.collect_schema() == eager.schema
    assert lazy.collect().equals(eager)
    assert eager["response_due"].to_list() == [DUE, None]
