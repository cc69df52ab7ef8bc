"""One object seen in two places must not link them: the overlap tests of homography links,
the inlier ratio of fundamental-matrix links. The pairs are wrong links found at 10,000
generated pictures (bench/link.py generator v3, rooms at 400x300), made again here."""

from __future__ import annotations

import dataclasses

import numpy as np
from bench.link import room_v3
from scenes import crop, lighting

from safeguard.link.features import PlaceFeatures, features_from_pixels
from safeguard.link.verify import DEFAULT_VERIFY, overlap_cover, overlap_keypoints, verify

# The region cover (test_regions.py) refuses these pairs too; it is off here so that each
# test shows the one it names at work.
OVERLAP_OFF = dataclasses.replace(
    DEFAULT_VERIFY, min_overlap_support=0.0, min_overlap_cover=0.0, min_region_cover=0.0
)
F_RATIO_OFF = dataclasses.replace(
    DEFAULT_VERIFY, min_fundamental_inlier_ratio=0.0, min_region_cover=0.0
)


def _room(seed: int) -> PlaceFeatures:
    return features_from_pixels(room_v3(seed, 400, 300))


def _features(pixels: np.ndarray) -> PlaceFeatures:
    return features_from_pixels(pixels)


def test_overlap_keypoints_counts_the_points_mapped_inside_the_other_picture() -> None:
    room = _room(3)
    shift = np.array([[1, 0, 200], [0, 1, 0], [0, 0, 1]], np.float64)
    all_in = overlap_keypoints(room, room, np.eye(3))
    assert all_in == len(room)
    # Moved 200 px right, only the keypoints of the left half stay inside (and back).
    left = int((room.points[:, 0] < room.width - 200).sum())
    right = int((room.points[:, 0] >= 200).sum())
    assert overlap_keypoints(room, room, shift) == min(left, right)


def test_overlap_cover_is_the_inliers_hull_over_the_overlap() -> None:
    room = _room(3)
    corners = np.array([[0, 0], [400, 0], [400, 300], [0, 300]], np.float64)
    assert overlap_cover(room, room, np.eye(3), corners) == 1.0
    quarter = corners / 2
    assert abs(overlap_cover(room, room, np.eye(3), quarter) - 0.25) < 0.01


def test_a_checkerboard_in_two_rooms_does_not_link_them() -> None:
    """Rooms 1538 and 1264 (a crop of it) share one checkerboard: 57 homography inliers,
    all on it, passed every earlier test."""
    a = _room(1538)
    b = _features(crop(room_v3(1264, 400, 300), 0.6, 1264 % 4))
    v = verify(a, b)
    assert v.model == "homography"
    assert not v.linked
    assert verify(a, b, OVERLAP_OFF).linked


def test_shared_patterns_under_other_light_do_not_link_two_rooms() -> None:
    a = _features(lighting(room_v3(500, 400, 300)))
    b = _features(lighting(room_v3(721, 400, 300)))
    v = verify(a, b)
    assert v.model == "homography" and v.overlap_support is not None
    assert v.overlap_support < DEFAULT_VERIFY.min_overlap_support
    assert not v.linked
    assert verify(a, b, OVERLAP_OFF).linked


def test_a_fundamental_matrix_through_floors_and_checkerboards_does_not_link() -> None:
    """Rooms 928 and 538: a tiled floor and checkerboards in both; F explains 68 of 107
    matches, 16 cells."""
    a, b = _room(928), _room(538)
    v = verify(a, b)
    assert v.model == "fundamental" and not v.linked
    assert v.inliers < DEFAULT_VERIFY.min_fundamental_inlier_ratio * v.matches
    assert verify(a, b, F_RATIO_OFF).linked


def test_views_of_one_room_with_repeated_patterns_still_link() -> None:
    room = room_v3(42, 400, 300)
    a = _features(room)
    for view in (lighting(room), crop(room, 0.6, 2)):
        v = verify(a, _features(view))
        assert v.linked, v
        assert v.overlap_support is not None and v.overlap_cover is not None
