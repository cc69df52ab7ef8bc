"""A turned upload's derived queries without repeated work (issue 13, ninth round): the
trim rules share their first-line tests, the trims are cut from the shared luma, the
coarse angle search sums only the columns it reads, and the fills' PDQs share one
filtering. Benign scikit-image pictures only."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from bench.robust_transforms import caption, pad, rotate
from PIL import Image
from skimage import data

from safeguard.signals import pdq, variants
from safeguard.signals.pdq import pdq_from_pixels


def _rgb(name: str) -> np.ndarray:
    a = getattr(data, name)()
    return np.ascontiguousarray(np.stack([a] * 3, -1) if a.ndim == 2 else a[..., :3])


def _pictures() -> list[np.ndarray]:
    """Plain, padded, captioned and turned benign pictures: what the rules see."""
    out = []
    for name in ("astronaut", "coffee", "chelsea", "rocket", "camera", "brick"):
        p = _rgb(name)
        out += [p, pad(p, (0, 0, 0)), pad(p, (255, 255, 255)), caption(p), rotate(p, 4.0)]
    return out


def test_the_rules_find_the_same_boxes_with_the_shared_tests() -> None:
    for p in _pictures():
        y = variants.luma(p[::2, ::2])
        shared: dict[tuple[object, ...], object] = {}
        for rule in variants.TRIM_RULES:
            assert variants.trim_box(y, rule=rule, cache=shared) == variants.trim_box(y, rule=rule)


def test_the_few_tone_reading_of_an_edge_is_done_once_for_every_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two rules read few-tone bars (trimmed:icons, trimmed:nested-icons): with nothing
    # to trim they ask the same question of the same four edges.
    calls: list[int] = []
    real = variants._few_tone_depth

    def counting(lines: np.ndarray) -> int:
        calls.append(lines.shape[0])
        return real(lines)

    monkeypatch.setattr(variants, "_few_tone_depth", counting)
    # The rules run (coffee's edges cannot start a band, so since the tenth round they
    # would not be asked at all: tests/signals/test_variants_turned_cost.py).
    monkeypatch.setattr(variants, "_a_band_may_start", lambda small, few_tone=True: True)
    variants.pdq_variants(_rgb("coffee"))
    assert len(calls) == 4


def test_a_large_upload_is_trimmed_without_a_fractional_reduction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A 1280 x 860 picture with a caption: its trims are cut from the luma (halved only
    # while the short side stays at least HASH_SIDE), not from an area-reduced colour copy.
    big = np.asarray(Image.fromarray(_rgb("chelsea")).resize((1280, 860)))
    query = caption(big)
    sizes: list[tuple[int, int]] = []
    real = cv2.resize

    def recording(src: np.ndarray, dsize: tuple[int, int], *a: object, **k: object) -> object:
        if src.ndim == 3:
            sizes.append(dsize)
        return real(src, dsize, *a, **k)

    monkeypatch.setattr(variants.cv2, "resize", recording)
    found = variants.pdq_variants(query)
    assert not sizes  # no colour copy resized
    names = [v.name for v in found]
    assert names and all(n.startswith("trimmed") for n in names)
    best = min(v.hash.distance(pdq_from_pixels(big).hash) for v in found)
    assert best <= 16


def test_the_fills_pdqs_are_those_of_each_fill_hashed_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, angle in (("rocket", 4.0), ("brick", -3.0), ("coffee", 5.0), ("camera", 2.0)):
        grey = variants._binned(variants._grey(rotate(_rgb(name), angle)), variants.ANGLE_SIDE)
        found = variants.estimate_rotation(grey)
        assert found is not None
        pictures = variants.straightened(grey, *found, variants.DESKEW_QUERY_FILLS)
        alone = [pdq_from_pixels(p) for p in pictures if p is not None]
        filtered: list[tuple[int, ...]] = []

        def counting(
            pixels: np.ndarray, *a: object, seen: list[tuple[int, ...]] = filtered
        ) -> np.ndarray:
            seen.append(pixels.shape)
            return pdq.luma_64(pixels, *a)

        monkeypatch.setattr(variants, "luma_64", counting)
        monkeypatch.setattr(variants, "pdq_from_pixels", lambda *a: pytest.fail("refiltered"))
        shared = [r for r in variants._pdq_of_fills(pictures) if r is not None]
        monkeypatch.undo()
        assert len(filtered) == 1  # one full filtering for the three fills
        assert [r.hash for r in shared] == [r.hash for r in alone]
        assert [r.quality for r in shared] == [r.quality for r in alone]


def test_the_coarse_search_on_every_other_column_scores_as_on_all() -> None:
    y = variants.luma(rotate(_rgb("coffee"), 4.0))
    bg = variants._corner_background(y)
    assert bg is not None
    content = variants._content_mask(y, bg)
    h, w = content.shape
    full = np.zeros((h + 1, w), np.int32)
    np.cumsum(content.astype(np.int32) * 2 - 1, axis=0, out=full[1:])
    angles = np.arange(3.0, 5.01, 0.25)
    stride = variants.COARSE_STRIDE
    kept = full[:, ::stride]
    for model in (0, 1):
        assert np.array_equal(
            variants._mask_agreement(kept, (h, w), angles, model, stride=stride),
            variants._mask_agreement(full, (h, w), angles, model, stride=stride),
        )


def test_the_coarse_sums_from_the_integral_image_are_the_running_sums() -> None:
    # _refine_angle builds the coarse search's running sums from cv2.integral; the angle
    # it finds is the one the running sums down each column give.
    y = variants.luma(rotate(_rgb("rocket"), -3.0))
    bg = variants._corner_background(y)
    assert bg is not None
    content = variants._content_mask(y, bg)
    kept = np.ascontiguousarray(content[:, :: variants.COARSE_STRIDE]).view(np.uint8)
    integral = cv2.integral(kept, sdepth=cv2.CV_32S)
    sums = (integral[:, 1:] - integral[:, :-1]) * 2 - np.arange(content.shape[0] + 1)[:, None]
    expected = np.zeros_like(sums)
    np.cumsum(kept.astype(np.int32) * 2 - 1, axis=0, out=expected[1:])
    assert np.array_equal(sums, expected)
