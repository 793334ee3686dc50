"""slacalc on Polars: deadline columns added to a DataFrame."""

from __future__ import annotations

from typing import Optional

import polars as pl

from . import DataSet
from . import _deadline_of


def deadline(
    frame: pl.DataFrame,
    *,
    plan: str = "plan",
    priority: str = "priority",
    desk: str = "desk",
    opened: str = "opened",
    pauses: Optional[str] = None,
    local: bool = False,
    data: Optional[DataSet] = None,
    jobs: Optional[int] = None,
) -> pl.DataFrame:
    """``frame`` with ``response_due``, ``notification_due`` (UTC; null: none)
    and ``error`` added (see ``slacalc.deadline``); arguments name its columns.

    >>> import datetime as dt, polars as pl, slacalc.polars
    >>> df = pl.DataFrame({"plan": ["gold"], "priority": ["P2"], "desk": ["europe"],
    ...                    "opened": [dt.datetime(2026, 11, 20, 16, 30, tzinfo=dt.timezone.utc)]})
    >>> slacalc.polars.deadline(df)["response_due"][0].isoformat()
    '2026-11-21T09:30:00+00:00'
    """
    found = _deadline_of(
        frame, plan, priority, desk, opened, pauses, local=local, data=data, jobs=jobs
    )
    return frame.hstack(pl.from_arrow(found).get_columns())
