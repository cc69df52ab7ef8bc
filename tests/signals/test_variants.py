"""Derived queries: trimming bands, deskewing, and their PDQ matching the original's."""

from __future__ import annotations

import numpy as np
import pytest
from bench.robust_transforms import caption, pad, rotate, screenshot
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image, ImageDraw
from skimage import data

from safeguard.signals.pdq import MATCH_THRESHOLD, pdq_from_pixels
from safeguard.signals.variants import (
    HASH_SIDE,
    MIN_SIDE,
    TRIM_RULES,
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
    assert found["trimmed:lax"] <= MATCH_THRESHOLD  # the trim that crosses dense text


def test_a_screenshot_toolbar_whose_icons_reach_the_edge_is_trimmed(
    astronaut: np.ndarray,
) -> None:
    # On a small picture the toolbar's icons run off its bottom: no uniform line to start
    # a band, so only the few-tone rule finds it.
    tile = np.ascontiguousarray(astronaut[128:256, 128:256])
    found = _best(screenshot(tile), tile)
    assert found["exact"] > MATCH_THRESHOLD
    assert found.get("trimmed", 256) > MATCH_THRESHOLD
    assert found["trimmed:icons"] <= MATCH_THRESHOLD


def test_a_caption_under_a_picture_with_a_flat_edge_of_its_own_is_trimmed_alone(
    astronaut: np.ndarray,
) -> None:
    own = astronaut.copy()
    own[:80] = (210, 210, 210)  # the picture's own flat top edge
    found = _best(caption(own), own)
    assert found["exact"] > MATCH_THRESHOLD
    assert found["trimmed"] > MATCH_THRESHOLD  # trims the picture's own edge too
    assert found["trimmed:text"] <= MATCH_THRESHOLD  # only the band that holds text


def _stacked_bars(a: np.ndarray) -> np.ndarray:
    """A white status bar with a clock above a blue app header with a title."""
    h, w = a.shape[:2]
    canvas = Image.new("RGB", (w, h + 80), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    draw.text((5, 8), "09:05", fill=(20, 20, 20))
    draw.rectangle((0, 30, w, 79), fill=(33, 99, 170))
    draw.text((10, 45), "Photos", fill=(255, 255, 255))
    canvas.paste(Image.fromarray(a), (0, 80))
    return np.asarray(canvas)


def test_stacked_bars_of_two_colours_are_trimmed_one_after_the_other(
    astronaut: np.ndarray,
) -> None:
    found = _best(_stacked_bars(astronaut), astronaut)
    assert found["exact"] > MATCH_THRESHOLD
    assert found["trimmed"] > MATCH_THRESHOLD  # one pass: the header is left
    assert found["trimmed:nested"] <= MATCH_THRESHOLD


def test_each_trim_is_one_query_named_for_its_rule_and_boxes_are_not_repeated(
    astronaut: np.ndarray,
) -> None:
    names = [v.name for v in pdq_variants(pad(astronaut, (0, 0, 0)))]
    assert names == ["trimmed"]  # every rule finds the same box: one query
    rules = {r.name for r in TRIM_RULES}
    tile = np.ascontiguousarray(astronaut[128:256, 128:256])
    found = [v.name for v in pdq_variants(screenshot(tile))]
    assert len(found) == len(set(found)) and set(found) <= rules


def test_a_large_picture_is_trimmed_on_a_reduced_copy_within_a_few_bits(
    astronaut: np.ndarray,
) -> None:
    side = 2 * HASH_SIDE + 100
    big = np.asarray(Image.fromarray(astronaut).resize((side, side)))
    [v] = pdq_variants(pad(big, (0, 0, 0)))
    assert v.name == "trimmed"
    assert v.hash.distance(pdq_from_pixels(big).hash) <= 10
