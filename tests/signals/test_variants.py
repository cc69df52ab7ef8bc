"""Derived queries: trimming bands, deskewing, and their PDQ matching the original's."""

from __future__ import annotations

import numpy as np
import pytest
from bench.robust_transforms import caption, pad, rotate
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from skimage import data

from safeguard.signals.pdq import MATCH_THRESHOLD, pdq_from_pixels
from safeguard.signals.variants import (
    MIN_SIDE,
    deskew,
    estimate_skew,
    pdq_variants,
    trim_bands,
    trim_box,
)


def _rgb(name: str) -> np.ndarray:
    a = getattr(data, name)()
    return np.stack([a] * 3, -1) if a.ndim == 2 else a


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    return _rgb("astronaut")


def _best(query: np.ndarray, original: np.ndarray) -> dict[str, int]:
    target = pdq_from_pixels(original).hash
    out = {"exact": pdq_from_pixels(query).hash.distance(target)}
    for v in pdq_variants(query):  # the closest of each name (two trims may differ)
        out[v.name] = min(out.get(v.name, 256), v.hash.distance(target))
    return out


@pytest.mark.parametrize(
    ("transform", "variant"),
    [
        (lambda a: pad(a, (0, 0, 0)), "trimmed"),
        (lambda a: pad(a, (255, 255, 255)), "trimmed"),
        (caption, "trimmed"),
        (lambda a: rotate(a, 4.0), "deskewed"),
        (lambda a: rotate(a, -4.0, expand=True), "deskewed"),
    ],
    ids=["pad-black", "pad-white", "caption", "rotate-4", "rotate-4-grown"],
)
def test_a_transformed_picture_matches_its_original_through_the_named_variant(
    astronaut: np.ndarray, transform: object, variant: str
) -> None:
    query = transform(astronaut)  # type: ignore[operator]
    found = _best(query, astronaut)
    assert found["exact"] > MATCH_THRESHOLD  # PDQ alone misses it ...
    assert found[variant] <= MATCH_THRESHOLD  # ... the variant finds it


def test_padding_is_trimmed_to_the_pixel(astronaut: np.ndarray) -> None:
    padded = pad(astronaut, (0, 0, 0))
    top, bottom, left, right = trim_box(padded)
    assert (bottom - top, right - left) == astronaut.shape[:2]


def test_an_unrelated_picture_matches_through_no_variant(astronaut: np.ndarray) -> None:
    other = _rgb("coffee")
    for query in (pad(other, (0, 0, 0)), caption(other), rotate(other, 4.0)):
        assert min(_best(query, astronaut).values()) > MATCH_THRESHOLD


def test_a_picture_without_borders_or_turn_has_no_variants(astronaut: np.ndarray) -> None:
    assert pdq_variants(astronaut) == []
    assert estimate_skew(astronaut) is None


def test_the_estimated_angle_is_close(astronaut: np.ndarray) -> None:
    angle = estimate_skew(rotate(astronaut, 4.0))
    assert angle is not None and abs(angle - 4.0) < 0.75


@pytest.mark.parametrize("value", [0, 128, 255])
def test_a_uniform_picture_does_not_crash(value: int) -> None:
    flat = np.full((300, 200, 3), value, dtype=np.uint8)
    assert trim_bands(flat).shape == flat.shape  # never trimmed to nothing
    assert deskew(flat) is None
    assert pdq_variants(flat) == []


@settings(max_examples=60, deadline=None)
@given(
    arrays(
        np.uint8,
        st.tuples(st.integers(1, 160), st.integers(1, 160), st.just(3)),
        elements=st.sampled_from([0, 7, 128, 250, 255]),
    )
)
def test_trimming_never_empties_nor_grows_a_picture(pixels: np.ndarray) -> None:
    out = trim_bands(pixels)
    assert out.size > 0
    assert out.shape[0] <= pixels.shape[0] and out.shape[1] <= pixels.shape[1]
    if out.shape != pixels.shape:
        assert min(out.shape[:2]) >= MIN_SIDE


def test_a_small_picture_whose_caption_text_fills_the_bar_is_still_trimmed(
    astronaut: np.ndarray,
) -> None:
    tile = np.ascontiguousarray(astronaut[:128, 128:256])
    found = _best(caption(tile), tile)
    assert found["exact"] > MATCH_THRESHOLD
    assert found["trimmed"] <= MATCH_THRESHOLD
