"""The ranking measure of ``bench/link_common.py``."""

from __future__ import annotations

import pytest
from bench.link_common import auc


def test_auc_is_the_chance_a_right_link_ranks_above_a_wrong_one() -> None:
    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.1], [0.9]) == 0.0
    assert auc([0.5, 0.5], [0.5]) == 0.5  # ties count half
    assert auc([0.9, 0.3], [0.5, 0.1]) == pytest.approx(0.75)
    assert auc([], [0.5]) is None and auc([0.5], []) is None
