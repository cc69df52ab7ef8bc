"""bench/link_blockers.py's pure parts: why a verification is not a link, on pairs made
here (a re-photograph, two different scenes, a poster shared by two generated rooms), which
pair came closest, and the store's refusals by their two items."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
from bench.link import room_v4
from bench.link_blockers import closest, failed_tests, main, refusals

from safeguard.link.features import features_from_pixels
from safeguard.link.verify import DEFAULT_VERIFY, Verification, verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))
from scenes import crop, lighting, perspective, scene


def test_a_re_photograph_links_and_two_scenes_have_too_few_inliers() -> None:
    room = room_v4(99, 400, 300)
    same = verify(
        features_from_pixels(room), features_from_pixels(lighting(perspective(room, 0.1, 3)[0]))
    )
    assert failed_tests(same) == "linked"
    other = verify(features_from_pixels(scene("coffee")), features_from_pixels(scene("rocket")))
    assert failed_tests(other) == "few_inliers"


def test_a_poster_in_two_rooms_fails_the_region_cover() -> None:
    """The region-cover test's own wrong pair (tests/link/test_regions.py): one poster,
    32 inliers, its region cover 0.20 under 0.3."""
    v = verify(
        features_from_pixels(lighting(room_v4(926, 400, 300))),
        features_from_pixels(crop(room_v4(528, 400, 300), 0.6, 528 % 4)),
    )
    assert not v.linked and "region" in failed_tests(v).split("+")
    # With the region cover off the same values pass.
    off = dataclasses.replace(DEFAULT_VERIFY, min_region_cover=0.0)
    assert "region" not in failed_tests(v, off).split("+")


def test_the_closest_pair_is_a_link_first_then_the_most_inliers() -> None:
    def v(inliers: int, linked: bool) -> Verification:
        return Verification("homography", inliers, inliers + 5, 0.1, linked)

    assert closest([]) is None
    got = closest([("a", v(90, False)), ("b", v(25, True)), ("c", v(40, False))])
    assert got is not None and got[0] == "b"
    got = closest([("a", v(30, False)), ("c", v(40, False))])
    assert got is not None and got[0] == "c"


def test_refusals_are_read_by_their_two_items(tmp_path: Path) -> None:
    assert refusals(tmp_path) == {}
    rows = [
        {"a": "x", "b": "y", "holders": []},
        {"a": "y", "b": "z", "missing": {}},
        {"a": "x", "b": "z", "specific": 3},
    ]
    (tmp_path / "objects.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n")
    got = refusals(tmp_path)
    assert got[frozenset(("y", "x"))] == "shared_object"
    assert got[frozenset(("z", "y"))] == "conflict"
    assert got[frozenset(("x", "z"))] == "common"


def test_a_store_name_is_required() -> None:
    with pytest.raises(SystemExit):
        main(["--workers", "1"])
