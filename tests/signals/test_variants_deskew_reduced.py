"""A turned upload deskewed cheaply (issue 13, eighth round): the angle fitted to the fill's
outline, on a luma copy halved while its short side stays at least ``ANGLE_SIDE``, the
picture straightened on that copy, masks drawn as polygons, and the few-tone bar test
stopping at the bar's end. Benign scikit-image pictures and shapes drawn in code."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from bench.robust_transforms import TRANSFORMS, rotate
from skimage import data

from safeguard.signals import variants
from safeguard.signals.pdq import pdq_from_pixels


def _rgb(name: str) -> np.ndarray:
    a = getattr(data, name)()
    return np.ascontiguousarray(np.stack([a] * 3, -1) if a.ndim == 2 else a[..., :3])


def _large(name: str, long_side: int) -> np.ndarray:
    """A scikit-image picture enlarged, with a little grain (a photograph's fine detail)."""
    a = _rgb(name)
    h, w = a.shape[:2]
    s = long_side / max(h, w)
    big = cv2.resize(a, (round(w * s), round(h * s)), interpolation=cv2.INTER_CUBIC)
    grain = np.random.default_rng(0).normal(0, 5, big.shape)
    return np.clip(big.astype(np.float32) + grain, 0, 255).astype(np.uint8)


def test_a_large_turned_upload_is_straightened_on_its_halved_luma(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shapes: list[tuple[int, ...]] = []
    real = variants._straightened_fills

    def recorded(pixels: np.ndarray, *args: object) -> object:
        shapes.append(pixels.shape)
        return real(pixels, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(variants, "_straightened_fills", recorded)
    pic = _large("coffee", 1290)[:860, :1280]  # an upload's 1280 x 860
    found = [v for v in variants.pdq_variants(rotate(pic, 4.0)) if v.name == "deskewed"]
    # Halved once (430 px), not reduced to a 512 px short side as before.
    assert shapes == [(430, 640)]
    target = pdq_from_pixels(pic).hash
    assert found and min(v.hash.distance(target) for v in found) <= 31


@pytest.mark.parametrize(("name", "angle"), [("chelsea", 4.0), ("coffee", -3.0)])
def test_the_angle_of_a_large_turned_picture_is_found_on_the_halved_copy(
    name: str, angle: float
) -> None:
    q = rotate(_large(name, 2400), angle)
    grey = variants._binned(variants._grey(q), variants.ANGLE_SIDE)
    assert variants.ANGLE_SIDE <= min(grey.shape) < 2 * variants.ANGLE_SIDE
    found = variants.estimate_rotation(grey)
    assert found is not None
    # A pixel at this size is about a fifth of a degree at the frame's corners.
    assert abs(found[0] - angle) < 0.1


def test_halving_stops_before_the_short_side_falls_under_the_bound() -> None:
    grey = np.zeros((860, 1280), np.uint8)
    assert variants._binned(grey, 384).shape == (430, 640)
    assert variants._binned(grey, 200).shape == (215, 320)
    assert variants._binned(grey, 500).shape == (860, 1280)


def test_the_outline_fit_ranks_angles_as_the_whole_mask_does() -> None:
    q = rotate(_rgb("rocket"), 4.0)
    y = variants.luma(q)
    bg = variants._corner_background(y)
    assert bg is not None
    content = variants._content_mask(y, bg)
    h, w = content.shape
    profiles = variants._fill_profiles(content)
    angles = np.arange(3.0, 5.0001, 0.1)
    misfit = variants._profile_misfit(profiles, (h, w), angles, 0)
    grid = variants._centred_grid((h, w))
    agree = [
        np.count_nonzero(variants._rotated_rect_mask((h, w), w, h, float(a), grid) == content)
        for a in angles
    ]
    assert abs(int(np.argmin(misfit)) - int(np.argmax(agree))) <= 1
    assert abs(float(angles[int(np.argmin(misfit))]) - 4.0) <= 0.1


def test_the_frame_drawn_as_a_polygon_is_the_frame_tested_pixel_by_pixel() -> None:
    for shape, w0, h0, angle in (((300, 451), 440.0, 290.0, 4.0), ((137, 137), 119.2, 119.2, -4.4)):
        drawn = variants._turned_rect_mask(shape, w0, h0, angle)
        tested = variants._rotated_rect_mask(shape, w0, h0, angle)
        # Not the whole outline (about 2 (w0 + h0) pixels), a few of its pixels.
        assert np.count_nonzero(drawn != tested) < 0.05 * 2 * (w0 + h0)


def _few_tone_depth_whole(lines: np.ndarray) -> int:
    """The few-tone bar's depth as it was computed before: every line at once."""
    n, width = lines.shape
    bins = 256 // variants.TONE_BIN
    q = np.clip(lines, 0, 255).astype(np.int64) // variants.TONE_BIN
    counts = np.bincount((q + bins * np.arange(n)[:, None]).ravel(), minlength=n * bins)
    counts = counts.reshape(n, bins)
    top = np.sort(counts, axis=1)[:, -variants.FEW_TONES :].sum(axis=1)
    few = top >= variants.FEW_TONE_FRACTION * width
    if not few[0]:
        return 0
    tones = [
        float(np.median(lines[0][q[0] == b]))
        for b in np.argsort(counts[0])[::-1][: variants.FEW_TONES]
        if counts[0, b] >= 0.1 * width
    ]
    near = np.zeros(lines.shape, dtype=bool)
    for t in tones:
        near |= np.abs(lines - t) <= variants.TOLERANCE
    stops = np.flatnonzero(~(few & (near.mean(axis=1) >= variants.BAND_FRACTION)))
    if not stops.size:
        return 0
    reach = int(stops[0])
    med = np.median(lines[:reach], axis=1, keepdims=True)
    uniform = np.mean(np.abs(lines[:reach] - med) <= variants.TOLERANCE, axis=1)
    return reach if (uniform >= variants.START_FRACTION).any() else 0


@pytest.mark.parametrize("bar", [0, 5, 16, 17, 40, 120])
def test_the_few_tone_bar_read_in_chunks_is_as_deep_as_read_whole(bar: int) -> None:
    rng = np.random.default_rng(bar)
    picture = rng.uniform(0, 255, (160, 300)).astype(np.float32)  # many tones
    picture[:bar] = 200.0  # a light toolbar ...
    for x in range(10, 290, 40):  # ... with dark icons
        picture[2 : max(2, bar - 2), x : x + 12] = 40.0
    assert variants._few_tone_depth(picture) == _few_tone_depth_whole(picture)
    bars = picture.copy()
    bars[:] = 200.0  # no picture under the bar at all
    assert variants._few_tone_depth(bars) == _few_tone_depth_whole(bars) == 0


def test_the_coarse_score_is_the_whole_masks_agreement_with_the_turned_frame() -> None:
    q = rotate(_rgb("coffee"), 4.0)
    y = variants.luma(q)
    bg = variants._corner_background(y)
    assert bg is not None
    content = variants._content_mask(y, bg)
    h, w = content.shape
    sums = np.zeros((h + 1, w), np.int32)
    np.cumsum(content.astype(np.int32) * 2 - 1, axis=0, out=sums[1:])
    angles = np.array([3.0, 3.5, 4.0, 4.5])
    score = variants._mask_agreement(sums, (h, w), angles, 0)
    grid = variants._centred_grid((h, w))
    for a, s in zip(angles, score, strict=True):
        frame = variants._rotated_rect_mask((h, w), w, h, float(a), grid)
        # agreement = fill everywhere + (content - fill) inside the frame
        agree = np.count_nonzero(frame == content)
        assert s + np.count_nonzero(~content) == agree


@pytest.mark.parametrize("name", ["chelsea", "coffee", "astronaut", "rocket"])
def test_a_turned_picture_with_noise_in_its_fill_is_still_measured(name: str) -> None:
    # bench/robust's "rotate 3° + blur + noise": specks of "picture" in the fill, each
    # ending the fill's depth along its line (the seventh round's search: 0.46° off on
    # chelsea).
    q = TRANSFORMS["rotate 3° + blur + noise"](_rgb(name))
    found = variants.estimate_rotation(q)
    assert found is not None
    assert abs(found[0] - 3.0) < 0.3
