"""The inverted lists' assignment loop (each shortlist code to its most similar centre),
compiled with numba when numba is installed.

``local_shortlist._nearest`` in numpy scores every code against one centre at a time:
about 0.7 us a (code, centre) pair, so assigning 10^6 codes to the 1,000 lists a bank of
that size gets takes some 12 minutes of CPU (``bench/robust_local_ivf.py``, tenth round).
The same loop compiled is about 6x faster. Both give the same centre for every code: the
same integer dot products, the same float64 norm and division rounded to float32, the first
centre on a tie (the tests run both). Without numba, or with
``SAFEGUARD_INDEX_KERNEL=numpy`` in the environment (the switch of ``index.mih_kernel``),
the numpy code runs.

``nearest_centres`` below is plain Python over numpy arrays (correct, far too slow to run
uncompiled); ``compiled_nearest`` returns it compiled, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.index.mih_kernel import numba_module

Kernel = Callable[..., npt.NDArray[np.int32]]

_M1 = np.uint64(0x5555555555555555)
_M2 = np.uint64(0x3333333333333333)
_M4 = np.uint64(0x0F0F0F0F0F0F0F0F)
_H01 = np.uint64(0x0101010101010101)


def nearest_centres(
    c_used: Any, c_signs: Any, used: Any, signs: Any, c_count: Any, out: Any
) -> Any:
    """For each code (rows of ``used`` (n, words) bool and ``signs`` (n, words, 4) uint64),
    the index of its most similar centre in ``out`` (int32): the cosine of their ternary
    vectors as ``local_shortlist._scores`` computes it, the first centre on a tie.
    ``c_count``: each centre's used words, as float64."""
    words = used.shape[1]
    for i in range(used.shape[0]):
        n_used = 0
        for w in range(words):
            n_used += used[i, w]
        best = np.float32(-np.inf)
        best_c = 0
        for c in range(c_used.shape[0]):
            dot = np.int64(0)
            for w in range(words):
                if used[i, w] and c_used[c, w]:
                    differ = np.uint64(0)
                    for k in range(signs.shape[2]):
                        # A 64-bit popcount (numba has no intrinsic for it).
                        x = signs[i, w, k] ^ c_signs[c, w, k]
                        x = x - ((x >> np.uint64(1)) & _M1)
                        x = (x & _M2) + ((x >> np.uint64(2)) & _M2)
                        x = (x + (x >> np.uint64(4))) & _M4
                        differ += (x * _H01) >> np.uint64(56)
                    dot += 256 - 2 * np.int64(differ)
            norm = 256.0 * np.sqrt(np.float64(n_used) * c_count[c])
            score = np.float32(dot / max(norm, 1.0))
            if score > best:
                best = score
                best_c = c
        out[i] = best_c
    return out


@lru_cache(maxsize=1)
def compiled_nearest() -> Kernel | None:
    """``nearest_centres`` compiled (cached on disk by numba), or None without numba."""
    numba = numba_module()
    if numba is None:
        return None
    jit = numba.njit(cache=True, nogil=True)
    kernel: Kernel = jit(nearest_centres)
    return kernel
