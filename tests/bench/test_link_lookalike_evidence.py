"""``bench/link_lookalike_evidence.auc`` is the Mann-Whitney AUC."""

from __future__ import annotations

import numpy as np
from bench.link_lookalike_evidence import auc


def test_separated_tied_and_reversed() -> None:
    assert auc(np.array([3.0, 4.0]), np.array([1.0, 2.0])) == 1.0
    assert auc(np.array([1.0, 2.0]), np.array([3.0, 4.0])) == 0.0
    assert auc(np.array([1.0, 1.0]), np.array([1.0])) == 0.5
    # one of four right-wrong orderings reversed, one tied: (2 + 0.5) / 4
    assert auc(np.array([2.0, 3.0]), np.array([1.0, 3.0])) == 0.625
    assert auc(np.array([np.nan, 2.0]), np.array([1.0])) == 1.0
