"""Tentative matches by one matrix product against OpenCV's brute-force matcher.

``signals.local.tentative_matches`` finds RootSIFT nearest neighbours from one BLAS matrix
product instead of ``cv2.BFMatcher.knnMatch`` and ``match``; linking and the common-
content test spend most of their CPU there. The pairs must be the ones OpenCV's matcher
gives: on real pictures' features, on random descriptors, in blocks of rows, and
``own_nearest`` (the nearest other keypoint of a picture's own) likewise.
"""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np
import numpy.typing as npt
import pytest
from skimage import data

from safeguard.link.features import features_from_pixels, mirrored
from safeguard.link.verify import nearest_other, own_nearest
from safeguard.signals import local
from safeguard.signals.local import brute_force_matches, rootsift, tentative_matches

F32 = npt.NDArray[np.float32]


def picture_pairs() -> Iterator[tuple[str, F32, F32]]:
    """RootSIFT of scikit-image pictures against views of themselves and of each other."""
    astronaut = data.astronaut()
    coffee = data.coffee()
    views = {
        "astronaut": astronaut,
        "astronaut-crop": astronaut[40:470, 60:500],
        "astronaut-half": cv2.resize(astronaut, (256, 256), interpolation=cv2.INTER_AREA),
        "coffee": coffee,
        "camera": data.camera(),
    }
    rs = {k: rootsift(features_from_pixels(v).descriptors) for k, v in views.items()}
    for a, b in [
        ("astronaut", "astronaut-crop"),
        ("astronaut", "astronaut-half"),
        ("astronaut", "coffee"),
        ("coffee", "camera"),
    ]:
        yield f"{a}/{b}", rs[a], rs[b]
    yield "astronaut/mirrored", rs["astronaut"], np.asarray(mirrored(rs["astronaut"]), np.float32)


@pytest.mark.parametrize("ratio", [0.8, 0.7])
def test_matches_are_opencvs_on_pictures(ratio: float) -> None:
    matched = 0
    for name, a, b in picture_pairs():
        ours = tentative_matches(a, b, ratio)
        np.testing.assert_array_equal(ours, brute_force_matches(a, b, ratio), err_msg=name)
        matched += len(ours)
    assert matched > 1000  # the views of one picture really match


def test_matches_are_opencvs_on_random_descriptors() -> None:
    rng = np.random.default_rng(14)
    for n, m in [(2, 2), (3, 700), (700, 3), (400, 900)]:
        a = rootsift(rng.integers(0, 80, (n, 128)).astype(np.uint8))
        # b: some of a's descriptors, disturbed, among unrelated ones.
        near = a[rng.integers(0, n, m // 2)] + rng.normal(0, 0.01, (m // 2, 128)).astype(np.float32)
        b = np.vstack([near, rootsift(rng.integers(0, 80, (m - m // 2, 128)).astype(np.uint8))])
        b = np.ascontiguousarray(b, np.float32)
        np.testing.assert_array_equal(tentative_matches(a, b), brute_force_matches(a, b))


def test_blocks_of_rows_give_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    _, a, b = next(picture_pairs())
    whole = tentative_matches(a, b)
    monkeypatch.setattr(local, "_L2_BLOCK", 7 * len(b))  # 7 rows a block
    np.testing.assert_array_equal(tentative_matches(a, b), whole)
    assert len(whole) > 100


def test_duplicate_descriptors_are_used_once() -> None:
    rng = np.random.default_rng(3)
    a = rootsift(rng.integers(0, 80, (50, 128)).astype(np.uint8))
    b = np.ascontiguousarray(np.vstack([a[:10], a[:10]]), np.float32)  # each twice in b
    # Twins in b fail the ratio test (the second nearest is as near): no match at all.
    assert len(tentative_matches(a, b)) == 0 == len(brute_force_matches(a, b, 0.8))
    twice = np.ascontiguousarray(np.vstack([a[:10], a[:10]]), np.float32)  # twins in a
    pairs = tentative_matches(twice, a)
    assert len(np.unique(pairs[:, 1])) == len(pairs)


def test_too_few_descriptors_match_nothing() -> None:
    one = np.ones((1, 128), np.float32)
    many = np.ones((5, 128), np.float32)
    assert tentative_matches(one, many).shape == (0, 2)
    assert tentative_matches(many, one).shape == (0, 2)


def test_binary_descriptors_still_use_hamming() -> None:
    rng = np.random.default_rng(5)
    a = rng.integers(0, 256, (60, 32)).astype(np.uint8)
    b = np.vstack([a[:30], rng.integers(0, 256, (30, 32)).astype(np.uint8)])
    pairs = tentative_matches(a, b, 0.8, cv2.NORM_HAMMING)
    assert {(int(i), int(j)) for i, j in pairs} == {(i, i) for i in range(30)}


def test_own_nearest_is_the_nearest_other_keypoint() -> None:
    d = rootsift(features_from_pixels(data.astronaut()).descriptors)
    rows = np.arange(0, len(d), 7, dtype=np.int32)
    full = np.linalg.norm(d[rows, None, :].astype(np.float64) - d[None, :, :], axis=2)
    full[np.arange(len(rows)), rows] = np.inf
    np.testing.assert_allclose(own_nearest(d, rows), full.min(axis=1), atol=1e-3)
    assert np.isinf(own_nearest(d[:1], np.array([0], np.int32))).all()


def test_nearest_other_measures_from_outside_queries() -> None:
    d = rootsift(features_from_pixels(data.astronaut()).descriptors)
    rows = np.arange(0, len(d), 7, dtype=np.int32)
    q = np.flip(d[rows], axis=1)  # queries that are not rows of d
    full = np.linalg.norm(q[:, None, :].astype(np.float64) - d[None, :, :], axis=2)
    full[np.arange(len(rows)), rows] = np.inf
    np.testing.assert_allclose(nearest_other(q, d, rows), full.min(axis=1), atol=1e-3)


def test_float_descriptors_do_not_use_opencvs_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    _, a, b = next(picture_pairs())

    def refuse(*_: object) -> None:
        raise AssertionError("BFMatcher called for float32 L2 descriptors")

    monkeypatch.setattr(cv2, "BFMatcher", refuse)
    assert len(tentative_matches(a, b)) > 100
