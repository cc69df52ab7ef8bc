"""``py3langid``'s classifier with its byte walk compiled by numba: the same answer, faster.

Identifying a message's language was a fifth of the incremental scorer's time on short
conversations (issue 12): ``py3langid`` walks its n-gram automaton one byte at a time in
Python and counts the features with a ``Counter``. :func:`feature_counts` is that walk and
count compiled, returning the features in the order of their first occurrence (the order in
which ``Counter`` keeps them), so :class:`FastIdentifier` feeds the classifier's own
arrays to the same numpy expression and gets the same float32 scores bit for bit
(``tests/chat/test_language.py`` checks it against ``py3langid`` on every message of the
synthetic test split and on random text).

Without numba, or with ``SAFEGUARD_LANGID_KERNEL=python`` in the environment,
:func:`fast_identifier` returns None and ``py3langid`` classifies as before.
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from typing import Any

import numpy as np


def feature_counts(data: Any, nextmove: Any, rowbase: Any, output: Any) -> tuple[Any, Any]:
    """The automaton's features over ``data`` (uint8) with their counts, each feature once,
    in the order of its first occurrence (plain Python over numpy arrays; compiled by
    :func:`_compiled`)."""
    n = data.shape[0]
    found = np.empty(n, dtype=np.int64)
    k = 0
    state = 0
    for i in range(n):
        state = nextmove[rowbase[state] + data[i]]
        f = output[state]
        if f >= 0:
            found[k] = f
            k += 1
    found = found[:k]
    order = np.argsort(found, kind="mergesort")  # stable: a run's first is its first sight
    firsts = np.empty(k, dtype=np.int64)
    sizes = np.empty(k, dtype=np.int64)
    groups = 0
    i = 0
    while i < k:
        j = i
        while j + 1 < k and found[order[j + 1]] == found[order[i]]:
            j += 1
        firsts[groups] = order[i]
        sizes[groups] = j - i + 1
        groups += 1
        i = j + 1
    by_first = np.argsort(firsts[:groups])
    features = np.empty(groups, dtype=np.intp)
    counts = np.empty(groups, dtype=np.float32)
    for g in range(groups):
        features[g] = found[firsts[by_first[g]]]
        counts[g] = sizes[by_first[g]]
    return features, counts


@lru_cache(maxsize=1)
def _compiled() -> Any:
    if os.environ.get("SAFEGUARD_LANGID_KERNEL", "").lower() == "python":
        return None
    try:
        import numba  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    return numba.njit(cache=True, nogil=True)(feature_counts)


class FastIdentifier:
    """``classify`` of a ``py3langid`` ``LanguageIdentifier`` (built with ``norm_probs``),
    the byte walk compiled; everything else is the classifier's own code and arrays."""

    def __init__(self, ident: Any, kernel: Any) -> None:
        self._ident = ident
        self._kernel = kernel
        nextmove = ident.tk_nextmove
        self._nextmove = np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode))
        self._rowbase = np.asarray(ident._rowbase, dtype=np.int64)
        self._output = np.asarray(ident.tk_output, dtype=np.int64)
        # float16 → float32 is exact, and the matmul casts to float32 anyway: cast once.
        self._ptc = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)

    def classify(self, text: str) -> tuple[str, float]:
        ident = self._ident
        encoded = ident._encode(text)
        data = np.frombuffer(encoded, dtype=np.uint8)
        features, counts = self._kernel(data, self._nextmove, self._rowbase, self._output)
        if features.shape[0]:
            scores = np.log1p(counts) @ self._ptc[features] + ident.nb_pc
        else:  # no features: uniform after normalising, as py3langid does
            scores = np.full(len(ident.nb_classes), 0.0, dtype=np.float32)
        scores *= 1.0 / math.sqrt(len(encoded) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for i, j in ident._alias_pairs:
            scores[i] += scores[j]
            scores[j] = 0.0
        best = int(scores.argmax())
        confidence = float(scores[best])
        if ident.min_confidence is not None and confidence < ident.min_confidence:
            return "und", confidence
        return str(ident.nb_classes[best]), confidence


def fast_identifier(ident: Any) -> FastIdentifier | None:
    """``ident`` with the compiled walk, or None (no numba, or turned off)."""
    kernel = _compiled()
    if kernel is None or not getattr(ident, "_norm_probs", False):
        return None
    return FastIdentifier(ident, kernel)
