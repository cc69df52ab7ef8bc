"""bench/link_attach_votes.py's pure parts: the summary of attached links and the
arguments it refuses (the store-reading part runs on stored builds only)."""

from __future__ import annotations

import pytest
from bench.link_attach_votes import _votes, main, summary

from safeguard.link.store import Link


def _link(a: str, b: str) -> Link:
    return Link("place", a, b, 0.1, inliers=30, guided=True, found_by="attach")


def test_the_summary_counts_wrong_attached_links_by_their_places() -> None:
    label = {"a1": "A", "a2": "A", "b1": "B", "c1": "C"}
    got = summary([_link("a1", "a2"), _link("b1", "a1"), _link("c1", "b1")], label)
    assert got["attached_links"] == 3 and got["wrong_attached_links"] == 2
    assert got["wrong_by_places"] == [["A", "B"], ["B", "C"]]
    assert summary([], label) == {
        "attached_links": 0,
        "wrong_attached_links": 0,
        "wrong_by_places": [],
    }


def test_arguments_are_checked() -> None:
    assert _votes("3") == 3
    for bad in ("x", "2.5", "0", "-1"):
        with pytest.raises(Exception, match=r"whole number|at least one"):
            _votes(bad)
    with pytest.raises(SystemExit):
        main(["--votes", "3"])  # --name is required
