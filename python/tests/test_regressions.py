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
