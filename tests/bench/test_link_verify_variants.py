"""``bench/link_verify_variants.py``: variants parse into ``VerifyOptions`` and each
variant's tally counts its own links."""

from __future__ import annotations

import pytest
from bench.link_verify_variants import tally, variant

from safeguard.link.verify import DEFAULT_VERIFY


def test_a_variant_replaces_the_named_fields_only() -> None:
    name, o = variant("strict:twin_distance=own,min_homography_inliers=25")
    assert name == "strict"
    assert o.twin_distance == "own" and o.min_homography_inliers == 25
    assert o.min_region_cover == DEFAULT_VERIFY.min_region_cover
    assert variant("default")[1] == DEFAULT_VERIFY


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="not a field"):
        variant("x:no_such_option=1")


def test_each_variant_counts_its_own_links() -> None:
    rows = [
        ("room-00001__original.png", "room-00001__powercut.jpg", True, {"a": False, "b": True}),
        ("room-00001__original.png", "room-00001__upscaled.jpg", True, {"a": True, "b": True}),
        ("room-00016__original.png", "room-00017__original.png", False, {"a": False, "b": True}),
        ("room-00002__original.png", "room-00005__original.png", False, {"a": True, "b": False}),
    ]
    got = tally(rows, ["a", "b"], lambda seed: seed in (16, 17))
    assert got["a"]["same_place_pairs_linked"] == 1
    assert got["a"]["pictures_linked_by_view"] == {"original": 1, "upscaled": 1}
    assert got["a"]["of_which_look_alikes"] == 0
    assert got["a"]["other_wrong_pairs"] == [[rows[3][0], rows[3][1]]]
    assert got["b"]["pictures_linked_to_their_place"] == 3
    assert got["b"]["different_place_pairs_linked"] == 1
    assert got["b"]["of_which_look_alikes"] == 1 and got["b"]["other_wrong_pairs"] == []
