"""bench/link_neighbours.py's pure parts: the distribution, what a bar refuses, and the
arguments it refuses (the store-reading part runs on stored builds only)."""

from __future__ import annotations

import pytest
from bench.link_neighbours import _bar, _pair, main, refused_at, spread


def test_spread_of_nothing_and_of_values() -> None:
    assert spread([]) == {"n": 0}
    s = spread([0.5, 0.6, 0.7, 0.8, 0.9])
    assert s["n"] == 5 and s["min"] == 0.5 and s["median"] == 0.7 and s["max"] == 0.9


def test_a_bar_refuses_only_fundamental_links_under_it() -> None:
    rows = [
        {"model": "fundamental", "neighbours": 0.45, "right": False},
        {"model": "fundamental", "neighbours": 0.6, "right": True},
        {"model": "fundamental", "neighbours": 0.59, "right": True},
        {"model": "homography", "neighbours": 0.1, "right": False},  # never measured
    ]
    assert [r["neighbours"] for r in refused_at(rows, 0.6)] == [0.45, 0.59]
    assert refused_at(rows, 0.0) == []


def test_arguments_are_checked() -> None:
    assert _pair("link-v29-heldout:v29") == ("link-v29-heldout", "v29")
    assert _bar("0.55") == 0.55
    for bad in ("v29", ":v29", "name:"):
        with pytest.raises(Exception, match="NAME:GENERATOR"):
            _pair(bad)
    for bad in ("x", "1.5", "-0.1"):
        with pytest.raises(Exception, match=r"not a number|between 0 and 1"):
            _bar(bad)
    with pytest.raises(SystemExit):
        main(["--bar", "0.5"])  # --name is required
