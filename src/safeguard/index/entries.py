"""Entry ids as the indexes take them: int64 values chosen by the caller (the store's row
ids), accepted from any iterable of integers or an integer array."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

IdsLike = Iterable[int] | npt.NDArray[np.integer[Any]]


def as_ids(entry_ids: IdsLike) -> npt.NDArray[np.int64]:
    """A 1-D int64 array of the ids; ``ValueError`` for anything else."""
    source = entry_ids if isinstance(entry_ids, np.ndarray) else list(entry_ids)
    ids = np.asarray(source, dtype=np.int64)
    if ids.ndim != 1:
        raise ValueError("entry ids must be a flat sequence of integers")
    return ids
