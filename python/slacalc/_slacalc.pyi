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
    desks: Sequence[Optional[str]],
    instants: npt.NDArray[np.int64],
    valid: npt.NDArray[np.bool_],
) -> list[Optional[str]]: ...
