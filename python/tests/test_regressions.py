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
