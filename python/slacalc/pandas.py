"""slacalc on pandas: deadline columns added to a DataFrame."""

from __future__ import annotations

from typing import Optional

import pandas as pd

from . import DataSet
from . import _deadline_of


def deadline(
    frame: pd.DataFrame,
    *,
    plan: str = "plan",
    priority: str = "priority",
    desk: str = "desk",
    opened: str = "opened",
    pauses: Optional[str] = None,
    local: bool = False,
    data: Optional[DataSet] = None,
    jobs: Optional[int] = None,
) -> pd.DataFrame:
    """``frame`` with ``response_due``, ``notification_due`` (UTC; NaT: none)
    and ``error`` added (see ``slacalc.deadline``); arguments name its columns.

    >>> import pandas as pd, slacalc.pandas
    >>> df = pd.DataFrame({"plan": ["gold"], "priority": ["P2"], "desk": ["europe"],
    ...                    "opened": pd.to_datetime(["2026-11-20 17:30"]).tz_localize("Europe/Rome")})
    >>> str(slacalc.pandas.deadline(df)["response_due"][0])
    '2026-11-21 09:30:00+00:00'
    """
    found = _deadline_of(
        frame, plan, priority, desk, opened, pauses, local=local, data=data, jobs=jobs
    ).to_pandas()
    found.index = frame.index
    return frame.assign(**{name: found[name] for name in found.columns})
