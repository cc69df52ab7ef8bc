"""The covers over the shared view's textured part (``verify.textured_cover``): a room
seen through a doorway is hidden behind a plain, out-of-focus near wall, so its inliers
cover a small share of the shared view's area and the overlap and region tests refused
it; over the cells where both pictures have texture they cover most of it. A link with
many inliers spread over a room-sized part of the frame may pass that way; a poster or a
checkerboard on a plain wall in two rooms may not."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from bench.link import room_v3, room_v4
from scenes import crop, lighting, perspective, through_doorway

from safeguard.link.features import PlaceFeatures, features_from_pixels
from safeguard.link.verify import (
    DEFAULT_VERIFY,
    overlap_cover,
    textured_cells,
    textured_cover,
    verify,
)

AREA_ONLY = dataclasses.replace(DEFAULT_VERIFY, texture_cover_inliers=0)


def _features(points: list[tuple[float, float]]) -> PlaceFeatures:
    p = np.asarray(points, np.float32)
    return PlaceFeatures(p, np.zeros((len(p), 128), np.uint8), 400, 300, 1.0)


def test_cells_without_texture_in_either_picture_are_not_shared_view() -> None:
    """Keypoints only on the left half of both pictures: inliers over that half cover
    half the overlap's area and all of its textured cells."""
    grid = [(x + 0.5, y + 0.5) for x in range(0, 200, 10) for y in range(0, 300, 10)]
    a = b = _features(grid)
    half = np.asarray([(0, 0), (199, 0), (199, 299), (0, 299)], np.float64)
    assert overlap_cover(a, b, np.eye(3), half) == pytest.approx(0.5, abs=0.01)
    textured, cell = textured_cells(a, b, np.eye(3), 24)
    assert textured[:, : int(200 // cell)].any() and not textured[:, int(200 // cell) + 1 :].any()
    assert textured_cover(textured, cell, [half], 8) == pytest.approx(1.0)
    quarter = np.asarray([(0, 0), (99, 0), (99, 299), (0, 299)], np.float64)
    assert textured_cover(textured, cell, [quarter], 8) == pytest.approx(0.5, abs=0.06)


def test_too_few_textured_cells_measure_nothing() -> None:
    a = _features([(10.0, 10.0), (50.0, 50.0)])
    textured, cell = textured_cells(a, a, np.eye(3), 24)
    assert textured_cover(textured, cell, [a.points.astype(np.float64)], 8) is None


@pytest.mark.parametrize(("seed", "left"), [(41, 0.5), (99, 0.1), (17, 0.1)])
def test_a_room_seen_through_a_doorway_links_by_its_textured_cover(seed: int, left: float) -> None:
    room = room_v4(seed, 400, 300)
    a = features_from_pixels(lighting(room))
    b = features_from_pixels(through_doorway(perspective(room, 0.08, seed)[0], left, 0.3, seed))
    v = verify(a, b)
    assert v.inliers >= DEFAULT_VERIFY.texture_cover_inliers and v.linked
    assert v.overlap_cover is not None and v.overlap_cover < 0.2
    assert v.region_cover_textured is not None
    assert v.region_cover_textured >= DEFAULT_VERIFY.min_region_cover_textured
    assert not verify(a, b, AREA_ONLY).linked


def test_a_poster_on_plain_walls_in_two_rooms_needs_more_inliers() -> None:
    """Generator v4's rooms 926 and 528 share a poster (33 inliers): over the textured
    cells it covers most of the shared view, as a doorway view does; its few inliers and
    its small hull (4 % of the frame) tell it apart."""
    a = features_from_pixels(lighting(room_v4(926, 400, 300)))
    b = features_from_pixels(crop(room_v4(528, 400, 300), 0.6, 528 % 4))
    v = verify(a, b)
    assert not v.linked and v.inliers < DEFAULT_VERIFY.texture_cover_inliers
    assert v.region_cover_textured is not None and v.region_cover_textured > 0.5
    assert v.hull_share is not None and v.hull_share < DEFAULT_VERIFY.min_texture_hull_share
    unguarded = dataclasses.replace(
        DEFAULT_VERIFY, texture_cover_inliers=1, min_texture_hull_share=0.0
    )
    assert verify(a, b, unguarded).linked


def test_a_checkerboard_close_up_with_many_inliers_is_not_a_doorway() -> None:
    """Generator v3's rooms 1538 and 1264 (a crop) share one checkerboard: 57 inliers,
    enough for the textured cover, which it passes (0.94), but their hull fills 2 % of
    the frame: an object, not a room seen through an opening."""
    a = features_from_pixels(room_v3(1538, 400, 300))
    b = features_from_pixels(crop(room_v3(1264, 400, 300), 0.6, 1264 % 4))
    v = verify(a, b)
    assert v.inliers >= DEFAULT_VERIFY.texture_cover_inliers and not v.linked
    assert v.region_cover_textured is not None and v.region_cover_textured > 0.9
    assert v.hull_share is not None and v.hull_share < DEFAULT_VERIFY.min_texture_hull_share
    assert verify(a, b, dataclasses.replace(DEFAULT_VERIFY, min_texture_hull_share=0.0)).linked
