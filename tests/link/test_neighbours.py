"""Neighbourhood preservation (``verify.neighbour_preservation``) and the bar it sets for
fundamental-matrix links (``VerifyOptions.min_fundamental_neighbours``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from scenes import scene

from safeguard.link.features import PlaceFeatures, features_from_pixels
from safeguard.link.verify import DEFAULT_VERIFY, neighbour_preservation, verify


def _grid(rng: np.random.Generator, n: int = 200) -> np.ndarray:
    return rng.uniform(0, 400, (n, 2))


def test_the_same_points_keep_every_neighbourhood() -> None:
    p = _grid(np.random.default_rng(0))
    assert neighbour_preservation(p, p.copy()) == 1.0


def test_a_smooth_warp_keeps_nearly_every_neighbourhood() -> None:
    p = _grid(np.random.default_rng(1))
    # A sideways move of a 3-D scene: disparity varying smoothly across the picture.
    q = np.column_stack([p[:, 0] * 0.9 + 20 + 0.05 * p[:, 1], p[:, 1] * 1.02 - 3])
    assert neighbour_preservation(p, q) > 0.9


def test_shuffled_correspondences_keep_few() -> None:
    rng = np.random.default_rng(2)
    p = _grid(rng)
    q = p[rng.permutation(len(p))]
    assert neighbour_preservation(p, q) < 0.15


def test_degenerate_inputs_are_not_judged() -> None:
    assert neighbour_preservation(np.zeros((2, 2)), np.zeros((2, 2))) == 1.0
    assert neighbour_preservation(np.zeros((5, 2)), np.zeros((4, 2))) == 1.0


def _rows_of_blobs() -> tuple[PlaceFeatures, PlaceFeatures]:
    """Two pictures whose keypoints lie in the same five rows, each matched to another
    keypoint of its row: look-alike icons in two screenshots of one app, met by chance.
    A fundamental matrix of a sideways move fits every match."""
    rng = np.random.default_rng(3)
    xs = np.arange(20, 390, 16.0)
    rows = (60, 110, 160, 210, 250)
    pa = np.array([(x, y) for y in rows for x in xs], np.float32)
    pa += rng.normal(0, 0.3, pa.shape).astype(np.float32)
    pb = pa.copy()
    for y in rows:
        row = np.flatnonzero(np.abs(pa[:, 1] - y) < 2)
        pb[row, 0] = pa[rng.permutation(row), 0] * 0.95 + 12
    desc = rng.integers(0, 255, (len(pa), 128)).astype(np.uint8)
    return PlaceFeatures(pa, desc, 400, 300, 1.0), PlaceFeatures(pb, desc.copy(), 400, 300, 1.0)


def test_chance_matches_along_rows_are_refused() -> None:
    a, b = _rows_of_blobs()
    off = verify(a, b, replace(DEFAULT_VERIFY, min_fundamental_neighbours=0.0))
    assert off.model == "fundamental" and off.linked  # every other test passes them
    assert off.neighbours is not None and off.neighbours < 0.3
    on = verify(a, b)
    assert on.model == "fundamental" and not on.linked
    assert on.neighbours == off.neighbours


def test_a_real_stereo_pair_keeps_its_neighbourhoods() -> None:
    v = verify(
        features_from_pixels(scene("motorcycle_left")),
        features_from_pixels(scene("motorcycle_right")),
    )
    assert v.model == "fundamental" and v.linked
    assert v.neighbours is not None and v.neighbours > 0.85


def test_homography_links_are_not_measured() -> None:
    img = scene("astronaut")
    a = features_from_pixels(img)
    b = features_from_pixels(np.ascontiguousarray(img[20:, 30:]))
    v = verify(a, b)
    assert v.model == "homography" and v.linked and v.neighbours is None


@pytest.mark.parametrize("bar", [0.0, 0.95])
def test_the_bar_is_an_option(bar: float) -> None:
    left = features_from_pixels(scene("motorcycle_left"))
    right = features_from_pixels(scene("motorcycle_right"))
    v = verify(left, right, replace(DEFAULT_VERIFY, min_fundamental_neighbours=bar))
    assert v.neighbours is not None
    assert v.linked == (v.neighbours >= bar)
