"""bench/link_found_by.py's counting of wrong links by view kind and by place kind, on
made-up links (the store-reading part runs on stored builds only)."""

from __future__ import annotations

from bench.link_found_by import _kind_of, view_kind, wrong_by

from safeguard.link.store import Link


def _link(a: str, b: str, kind: str = "place") -> Link:
    return Link(kind=kind, a=a, b=b, score=0.5, inliers=30)


def test_view_kind_reads_the_part_after_the_double_underscore() -> None:
    assert view_kind("roomv29-00012__sharesheet.png") == "sharesheet"
    assert view_kind("/some/folder/roomv29-00012__original.png") == "original"
    assert view_kind("motorcycle_left.png") == "?"
    assert view_kind("roomv29-00012__.png") == "?"


def test_wrong_links_counted_by_the_two_sides_keys() -> None:
    label = {"a1": "p1", "a2": "p1", "b1": "p2", "b2": "p2", "c1": "p3"}
    view = {"a1": "original", "a2": "calendar", "b1": "calendar", "b2": "original",
            "c1": "calendar"}  # fmt: skip
    links = [
        _link("a1", "a2"),  # right: not counted
        _link("a2", "b1"),  # wrong, calendar | calendar
        _link("b1", "c1"),  # wrong, calendar | calendar
        _link("a1", "c1"),  # wrong, calendar | original
        _link("b2", "c1", kind="face"),  # a face link: not counted
    ]
    out = wrong_by(links, label, view.__getitem__)
    assert out["wrong_links"] == 3
    assert out["same_on_both_sides"] == 2
    assert out["by_pair"] == {"calendar | calendar": 2, "calendar | original": 1}


def test_no_wrong_links_gives_empty_counts() -> None:
    label = {"a": "p", "b": "p"}
    out = wrong_by([_link("a", "b")], label, lambda i: "x")
    assert out == {"wrong_links": 0, "same_on_both_sides": 0, "by_pair": {}}


def test_place_kinds_come_from_the_generator_module() -> None:
    kind = _kind_of("v29")
    assert kind is not None
    assert isinstance(kind(0), str)
    assert _kind_of("v1") is None  # v1-v5 live in bench/link.py and have no module
    assert _kind_of("nonexistent") is None
