"""The compiled assignment of shortlist codes to inverted lists (``matching.shortlist_kernel``)
gives the centre the numpy loop gives, for every code, ties and empty codes included."""

from __future__ import annotations

import numpy as np
import pytest

from safeguard.matching import local_shortlist as ls
from safeguard.matching import shortlist_kernel
from safeguard.matching.local_shortlist import WORDS, CoarseLists, _nearest_numpy

needs_numba = pytest.mark.skipif(
    shortlist_kernel.compiled_nearest() is None, reason="numba not installed"
)


def _codes(n: int, seed: int, density: float = 0.7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    used = rng.random((n, WORDS)) < density
    signs = rng.integers(0, 2**63, (n, WORDS, 4), dtype=np.uint64)
    signs[: n // 3] |= np.uint64(1) << np.uint64(63)  # the top bit set too
    return used, signs


def _compiled(c_used: np.ndarray, c_signs: np.ndarray, used: np.ndarray, signs: np.ndarray):
    kernel = shortlist_kernel.compiled_nearest()
    assert kernel is not None
    out = np.zeros(len(used), np.int32)
    return kernel(c_used, c_signs, used, signs, c_used.sum(axis=1).astype(np.float64), out)


@needs_numba
def test_compiled_assignment_equals_numpy_on_random_codes() -> None:
    used, signs = _codes(3_000, 1)
    c_used, c_signs = _codes(200, 2)
    assert (
        _compiled(c_used, c_signs, used, signs) == _nearest_numpy(c_used, c_signs, used, signs)
    ).all()


@needs_numba
def test_compiled_assignment_takes_the_first_of_tied_centres() -> None:
    used, signs = _codes(500, 3)
    c_used, c_signs = _codes(50, 4)
    # Centres 7 and 30 equal to 12: every code nearest to them must go to 7.
    for c in (12, 30):
        c_used[c], c_signs[c] = c_used[7], c_signs[7]
    # Codes equal to centre 7 (score 1 with 7, 12 and 30), one with no used word at all
    # (score 0 everywhere: centre 0), and a centre with no used word.
    used[:20], signs[:20] = c_used[7], c_signs[7]
    used[20] = False
    c_used[40] = False
    want = _nearest_numpy(c_used, c_signs, used, signs)
    got = _compiled(c_used, c_signs, used, signs)
    assert (got == want).all()
    assert (got[:20] == 7).all()
    assert got[20] == 0


@needs_numba
def test_lists_fitted_with_the_compiled_assignment_are_the_numpy_lists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used, signs = _codes(4_000, 5, density=0.5)
    monkeypatch.setattr(ls, "_COMPILED_FROM", 1)
    compiled = CoarseLists.fit(used, signs, 64, sample=2_000)
    monkeypatch.setattr(ls, "compiled_nearest", lambda: None)
    numpy_only = CoarseLists.fit(used, signs, 64, sample=2_000)
    assert (compiled.assigned == numpy_only.assigned).all()
    assert (compiled.centre_signs == numpy_only.centre_signs).all()
    assert (compiled.centre_used == numpy_only.centre_used).all()


def test_the_numpy_switch_turns_the_compiled_kernel_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shortlist_kernel.compiled_nearest.cache_clear()
    monkeypatch.setenv("SAFEGUARD_INDEX_KERNEL", "numpy")
    try:
        assert shortlist_kernel.compiled_nearest() is None
    finally:
        shortlist_kernel.compiled_nearest.cache_clear()
