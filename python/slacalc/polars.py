"""slacalc on Polars: deadline columns added to a DataFrame."""

from __future__ import annotations

from typing import Optional, TypeVar

import polars as pl

from . import DataSet
from . import _deadline_of

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


def deadline(
    frame: Frame,
    *,
    plan: str = "plan",
    priority: str = "priority",
    desk: str = "desk",
    opened: str = "opened",
    pauses: Optional[str] = None,
    local: bool = False,
    data: Optional[DataSet] = None,
    jobs: Optional[int] = None,
) -> Frame:
    """``frame`` with ``response_due``, ``notification_due`` (UTC; null: none)
    and ``error`` added (see ``slacalc.deadline``); arguments name its columns.
    A ``LazyFrame`` gives a ``LazyFrame``: the columns are computed, batch
    by batch, when it is collected (its schema is known at once, and an
    ``opened`` that is not timezone-aware is refused at once).

    >>> import datetime as dt, polars as pl, slacalc.polars
    >>> df = pl.DataFrame({"plan": ["gold"], "priority": ["P2"], "desk": ["europe"],
    ...                    "opened": [dt.datetime(2026, 11, 20, 16, 30, tzinfo=dt.timezone.utc)]})
    >>> slacalc.polars.deadline(df)["response_due"][0].isoformat()
    '2026-11-21T09:30:00+00:00'
    >>> slacalc.polars.deadline(df.lazy()).collect()["response_due"][0].isoformat()
    '2026-11-21T09:30:00+00:00'
    """
    options = dict(plan=plan, priority=priority, desk=desk, opened=opened, pauses=pauses,
                   local=local, data=data, jobs=jobs)
    if isinstance(frame, pl.LazyFrame):
        # The schema: the answer for no rows of the frame's columns.
        schema = deadline(pl.DataFrame(schema=frame.collect_schema()), **options).schema
        return frame.map_batches(lambda batch: deadline(batch, **options), schema=schema, streamable=True)
    if not isinstance(frame, pl.DataFrame):
        raise TypeError(f"slacalc.polars.deadline takes a Polars DataFrame or LazyFrame, not {type(frame).__name__}")
    found = _deadline_of(
        frame, plan, priority, desk, opened, pauses, local=local, data=data, jobs=jobs
    )
    return frame.hstack(pl.from_arrow(found).get_columns())
