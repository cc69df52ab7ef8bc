"""Repeated patterns must not link different places; the shortlist's query expansion."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from bench.link import room_v2
from bench.link_rooms_v16 import room_v16, views_v16
from bench.link_rooms_v17 import room_v17
from scenes import crop, lighting

from safeguard.link.features import PlaceFeatures, features_from_bytes, features_from_pixels
from safeguard.link.linking import expanded_similarities, shortlist_rows
from safeguard.link.store import GlobalRows
from safeguard.link.verify import DEFAULT_VERIFY, cells, distinctive, verify


def test_cells_counts_distinct_grid_cells() -> None:
    points = np.array([[1.0, 1.0], [30.0, 2.0], [33.0, 1.0], [1.0, 70.0]])
    assert cells(points, 32.0) == 3
    assert cells(np.zeros((0, 2)), 32.0) == 0


def test_a_match_with_a_twin_in_its_own_picture_is_not_distinctive() -> None:
    rng = np.random.default_rng(0)
    a = rng.random((6, 128)).astype(np.float32)
    b = a + rng.normal(0, 0.01, a.shape).astype(np.float32)
    a[1] = a[0] + 0.001  # a tile: keypoints 0 and 1 of picture a look alike
    pairs = np.array([[0, 0], [2, 2], [3, 3]], np.int32)
    assert distinctive(a, b, pairs, 0.7).tolist() == [False, True, True]


def test_noise_on_one_side_is_no_twin_when_measured_across() -> None:
    """A noisy view's match lies farther from its keypoint than that keypoint's nearest
    neighbour in the clean picture; measured from the noisy descriptor (``twin_distance="cross"``)
    the neighbour is farther still, and the match counts. A true twin stays ambiguous."""
    rng = np.random.default_rng(3)
    a = rng.random((8, 128)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    a[1] = a[0] + rng.normal(0, 0.035, 128).astype(np.float32)  # a neighbour, 0.4 away
    a[3] = a[2] + 0.001  # a twin: a tile
    b = a + rng.normal(0, 0.0265, a.shape).astype(np.float32)  # noisy: matches 0.3 away
    pairs = np.array([[0, 0], [2, 2], [4, 4]], np.int32)
    assert distinctive(a, b, pairs, 0.7, "own").tolist() == [False, False, True]
    assert distinctive(a, b, pairs, 0.7, "cross").tolist() == [True, False, True]


@pytest.mark.parametrize(("seed", "view"), [(6, "powercut"), (22, "crossfade")])
def test_a_torchlit_or_blended_view_links_when_twins_are_measured_across(
    seed: int, view: str
) -> None:
    """Seen generator v16: a torch-lit, noisy view and a slideshow's dissolve of one
    place fail the distinctive-inlier test measured within each picture (the default),
    not across (``twin_distance="cross"``, not the default: it admits repeated rows of
    seats on v17)."""
    room = room_v16(seed, 400, 300)
    a = features_from_pixels(room)
    b = features_from_bytes(views_v16(room, 0)[view])[0]
    within = verify(a, b)
    assert within.linked_before_repeat_tests and not within.linked
    assert within.distinct is not None and within.distinct < 0.5 * within.inliers
    across = verify(a, b, dataclasses.replace(DEFAULT_VERIFY, twin_distance="cross"))
    assert across.linked and across.distinct is not None
    assert across.distinct >= 0.5 * across.inliers


@pytest.mark.parametrize(("a", "b"), [(112, 217), (70, 199)])
def test_two_cinemas_or_fire_stations_do_not_link_by_their_rows_of_seats_or_engines(
    a: int, b: int
) -> None:
    """Seen generator v17: rows of identical seats in two cinemas, identical engines in
    two fire stations. Measured across, their twins pass (``twin_distance="cross"``);
    measured within each picture, the default, they do not."""
    fa = features_from_pixels(room_v17(a, 400, 300))
    fb = features_from_pixels(room_v17(b, 400, 300))
    assert verify(fa, fb, dataclasses.replace(DEFAULT_VERIFY, twin_distance="cross")).linked
    within = verify(fa, fb)
    assert within.linked_before_repeat_tests and not within.linked


def test_rooms_sharing_repeated_patterns_reach_the_old_bar_but_do_not_link() -> None:
    """Two generated rooms (bench/link.py v2, rooms 91 and 229) share stripe and checker
    patches: a fundamental matrix gathers 40 inliers, most on the patterns."""
    a = features_from_pixels(room_v2(91, 400, 300))
    b = features_from_pixels(room_v2(229, 400, 300))
    v = verify(a, b)
    assert v.linked_before_repeat_tests
    assert not v.linked
    assert v.distinct is not None and v.distinct < 0.5 * v.inliers


def test_a_shared_checker_patch_mapped_by_a_homography_does_not_link() -> None:
    a = features_from_pixels(lighting(room_v2(142, 400, 300)))
    b = features_from_pixels(crop(room_v2(184, 400, 300), 0.6, 2))
    v = verify(a, b)
    assert v.model == "homography" and v.linked_before_repeat_tests
    assert not v.linked


def test_the_tests_can_be_turned_off() -> None:
    a = features_from_pixels(room_v2(91, 400, 300))
    b = features_from_pixels(room_v2(229, 400, 300))
    off = dataclasses.replace(
        DEFAULT_VERIFY,
        min_distinct_fraction=0.0,
        min_fundamental_cells=0,
        min_fundamental_inlier_ratio=0.0,  # 40 of 72 matches: the F ratio test refuses it too
        min_region_cover=0.0,  # and so does the region cover
    )
    assert verify(a, b, off).linked


def test_views_of_one_generated_room_still_link() -> None:
    room = room_v2(7, 400, 300)
    a: PlaceFeatures = features_from_pixels(room)
    for view in (lighting(room), crop(room, 0.6, 1)):
        v = verify(a, features_from_pixels(view))
        assert v.linked and v.distinct is not None and v.distinct >= 0.5 * v.inliers


def _rows(vectors: list[list[float]], items: list[str]) -> GlobalRows:
    v = np.array(vectors, np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return GlobalRows(np.array(items, "U16"), np.zeros(len(items), np.int32), v.astype(np.float16))


def test_query_expansion_reaches_a_view_only_similar_to_another_view() -> None:
    # q is close to a; b is close to a but not to q; d1, d2 are closer to q than b is.
    rows = _rows(
        [[1, 0, 0, 0], [0.9, 0.44, 0, 0], [0.5, 0.87, 0, 0], [0.6, 0, 0.8, 0], [0.6, 0, 0, 0.8]],
        ["q", "a", "b", "d1", "d2"],
    )
    assert ("b", 0, "q", 0) not in shortlist_rows(rows, ["q"], 3, expansion=0)
    assert ("b", 0, "q", 0) in shortlist_rows(rows, ["q"], 3, expansion=1)


def test_similarities_in_chunks_equal_one_product() -> None:
    rng = np.random.default_rng(1)
    v = rng.standard_normal((50, 16)).astype(np.float32)
    rows = GlobalRows(np.array([f"i{i}" for i in range(50)], "U16"), np.zeros(50, np.int32),
                      v.astype(np.float16))  # fmt: skip
    got = expanded_similarities(rows, np.arange(5), expansion=0)
    want = v[:5].astype(np.float16).astype(np.float32) @ v.astype(np.float16).astype(np.float32).T
    assert np.allclose(got, want, atol=1e-4)
