from typing import Any, Optional

import pyarrow as pa

from ._slacalc import DataSet as DataSet

TZDB_VERSION: str

def deadline(
    plan: Any,
    priority: Any,
    desk: Any,
    opened: Any,
    pauses: Any = ...,
    *,
    local: bool = ...,
    data: Optional[DataSet] = ...,
    jobs: Optional[int] = ...,
) -> pa.Table: ...
def deadline_batch(
    batch: pa.RecordBatch,
    *,
    plan: str = ...,
    priority: str = ...,
    desk: str = ...,
    opened: str = ...,
    pauses: Optional[str] = ...,
    data: Optional[DataSet] = ...,
) -> pa.RecordBatch: ...
def clock_add(desk: Any, start: Any, amount: Any, *, clock: str = ..., local: bool = ..., data: Optional[DataSet] = ..., jobs: Optional[int] = ...) -> pa.Table: ...
def clock_before(desk: Any, until: Any, amount: Any, *, clock: str = ..., local: bool = ..., data: Optional[DataSet] = ..., jobs: Optional[int] = ...) -> pa.Table: ...
def clock_elapsed(desk: Any, start: Any, until: Any, *, clock: str = ..., data: Optional[DataSet] = ..., jobs: Optional[int] = ...) -> pa.Table: ...
def holidays(desk: str, year: int, *, data: Optional[DataSet] = ...) -> pa.Table: ...
def escalation(plan: Any, priority: Any, desk: Any, opened: Any, *, local: bool = ..., data: Optional[DataSet] = ..., jobs: Optional[int] = ...) -> pa.Table: ...
def audit(plan: Any, priority: Any, desk: Any, opened: Any, responded: Any, closed: Any = ..., *, as_of: Any, local: bool = ..., data: Optional[DataSet] = ..., jobs: Optional[int] = ...) -> pa.Table: ...
