"""``bench/link_unbursty.py``: burst rules parse, and reach counts a picture's own place
among its nearest others only."""

from __future__ import annotations

import argparse

import numpy as np
import pytest
from bench.link_unbursty import reach, rule


def test_a_rule_is_distance_and_twins() -> None:
    assert rule("0.5:3") == (0.5, 3)
    for bad in ("0.5", "x:3", "0.5:y"):
        with pytest.raises(argparse.ArgumentTypeError, match="DISTANCE:TWINS"):
            rule(bad)


def test_reach_counts_the_nearest_other_picture_of_the_same_place() -> None:
    # Places p and q, two pictures each; r alone. Picture 0's nearest other is 2 (q),
    # then 1 (its own place): a miss at 1, a hit at 5.
    v = np.array(
        [[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.9, 0.436, 0.0], [0.9, 0.3, 0.316], [0, 0, 1.0]],
        np.float32,
    )
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    labels = np.array(["p", "p", "q", "q", "r"])
    items = np.array([f"i{n}" for n in range(5)], "U16")
    at1, at5 = reach(v, labels, items, expand=False)
    assert at1.tolist()[:2] == [False, False]
    assert at5.tolist() == [True, True, True, True, False]
    assert at1[2] and at1[3]  # the q pictures are each other's nearest
