from typing import Optional, Sequence

import numpy as np
import numpy.typing as npt

TZDB_VERSION: str

class DataSet:
    @staticmethod
    def embedded() -> DataSet: ...
    @staticmethod
    def load(path: str) -> DataSet: ...
    def desks(self) -> list[str]: ...
    def escalation_steps(self) -> int: ...

def deadline_columns(
    data: DataSet,
    names: Sequence[Sequence[str]],
    codes: Sequence[npt.NDArray[np.int32]],
    opened: npt.NDArray[np.int64],
    pauses: Optional[Sequence[Optional[str]]] = ...,
    jobs: Optional[int] = ...,
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.bool_],
    npt.NDArray[np.int64],
    npt.NDArray[np.bool_],
    npt.NDArray[np.int64],
    list[str],
]: ...
def local_times(
    data: DataSet,
    desks: Sequence[str],
    desk_codes: npt.NDArray[np.int32],
    instants: npt.NDArray[np.int64],
    valid: npt.NDArray[np.bool_],
) -> list[Optional[str]]: ...
def clock_columns(
    data: DataSet,
    desks: Sequence[str],
    desk_codes: npt.NDArray[np.int32],
    clock: str,
    operation: str,
    first: npt.NDArray[np.int64],
    second: npt.NDArray[np.int64],
    jobs: Optional[int] = ...,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.int64], list[str]]: ...
def holiday_list(data: DataSet, desk: str, year: int) -> tuple[list[int], list[str]]: ...
def escalation_columns(
    data: DataSet,
    names: Sequence[Sequence[str]],
    codes: Sequence[npt.NDArray[np.int32]],
    opened: npt.NDArray[np.int64],
    steps: int,
    jobs: Optional[int] = ...,
) -> tuple[
    list[tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], list[Optional[str]]]],
    npt.NDArray[np.int64],
    list[str],
]: ...
def audit_columns(
    data: DataSet,
    names: Sequence[Sequence[str]],
    codes: Sequence[npt.NDArray[np.int32]],
    opened: npt.NDArray[np.int64],
    responded: npt.NDArray[np.int64],
    closed: npt.NDArray[np.int64],
    as_of: int,
    jobs: Optional[int] = ...,
) -> tuple[
    tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.int64], list[str]],
    list[Optional[str]],
    npt.NDArray[np.int64],
    npt.NDArray[np.bool_],
]: ...
