"""An upload's derived queries for less (issue 13, tenth round): the trim rules are not run
on a picture none of whose edges can start a band (most photographs, every picture
turned with its frame kept); the corner test reads only the corners; the ``reflect`` turn
is taken only where it can differ from the ``replicate`` one (bit for bit); the angle search's
arithmetic is the same with fewer passes. Benign scikit-image pictures only."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from bench.robust_transforms import caption, pad, rotate
from skimage import data

from safeguard.signals import pdq, variants
from safeguard.signals.pdq import pdq_from_pixels


def _rgb(name: str) -> np.ndarray:
    a = getattr(data, name)()
    return np.ascontiguousarray(np.stack([a] * 3, -1) if a.ndim == 2 else a[..., :3])


def _grown(p: np.ndarray, angle: float) -> np.ndarray:
    """Turned with the canvas grown to hold it (its corners touch the canvas's edges, so
    the top and bottom lines are nearly all fill: what the trim rules take for a band)."""
    return rotate(p, angle, expand=True)


def _trim_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = variants.trim_box

    def counting(*args: object, **kwargs: object) -> tuple[int, int, int, int]:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(variants, "trim_box", counting)
    return calls


def test_a_picture_no_edge_of_which_can_start_a_band_is_not_looked_at_by_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _trim_calls(monkeypatch)
    for query in (_rgb("astronaut"), rotate(_rgb("chelsea"), 4.0)):
        found = variants.pdq_variants(query)
        assert not any(v.name.startswith("trimmed") for v in found)
    assert calls == []


def test_a_picture_with_a_band_is_still_trimmed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _trim_calls(monkeypatch)
    names = [v.name for v in variants.pdq_variants(pad(_rgb("astronaut"), (0, 0, 0)))]
    assert "trimmed" in names and "deskewed" not in names
    assert len(calls) == len(variants.TRIM_RULES)


def test_skipping_the_rules_drops_only_few_tone_trims_of_a_picture_found_turned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pictures = []
    for name in ("astronaut", "coffee", "camera", "brick", "page", "text", "rocket"):
        p = _rgb(name)
        pictures += [p, pad(p, (0, 0, 0)), pad(p, (255, 255, 255)), caption(p)]
        pictures += [rotate(p, 4.0), _grown(p, -4.0), rotate(p, 2.0)]
    skipped = [not variants._a_band_may_start(variants._decimated(p, 512)[0]) for p in pictures]
    looked = [variants.pdq_variants(p) for p in pictures]
    monkeypatch.setattr(variants, "_a_band_may_start", lambda small, few_tone=True: True)
    everything = [variants.pdq_variants(p) for p in pictures]
    for p, mine, full in zip(pictures, looked, everything, strict=True):
        if mine == full:
            continue
        # Only a turned picture loses queries, only trimmed ones, and keeps its deskewed.
        assert variants.estimate_rotation(variants._binned(variants._grey(p), 384)) is not None
        assert [v for v in full if v.name == "deskewed"] == mine
        assert all(v.name.startswith("trimmed") for v in full if v not in mine)
    assert sum(skipped) >= 4  # plain photographs and turned ones whose edges are not flat
    assert sum(a != b for a, b in zip(looked, everything, strict=True)) < len(pictures) // 2


def test_the_corner_test_on_the_corners_alone_answers_as_on_the_whole_luma() -> None:
    for name in ("astronaut", "coffee", "camera", "brick", "page", "text"):
        p = _rgb(name)
        for q in (p, pad(p, (0, 0, 0)), pad(p, (255, 255, 255)), caption(p), rotate(p, 4.0)):
            for step in (1, 2, 3):
                small = q[::step, ::step]
                whole = variants._corner_background(variants.luma(small)) is not None
                assert variants._corners_show_fill(small) == whole


def _turn_back(arr: np.ndarray, angle: float, border: int) -> np.ndarray:
    h, w = arr.shape[:2]
    turn = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), -angle, 1.0)
    return np.asarray(
        cv2.warpAffine(arr, turn, (w, h), flags=variants.TURN_INTERPOLATION, borderMode=border)
    )


@pytest.mark.parametrize("angle", [4.0, -3.0, 7.5])
def test_the_reflect_turn_taken_over_boxes_is_the_whole_turn(
    angle: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No fill of the query's own corners, so that the whole turns can be made here.
    monkeypatch.setattr(variants, "_fill_from_surroundings", lambda arr, valid: arr.copy())
    grey = variants._grey(rotate(_rgb("astronaut"), angle))
    replicate, reflect = variants.straightened(grey, angle, 1.0, 1.0, ("replicate", "reflect"))
    assert replicate is not None and reflect is not None
    whole = _turn_back(grey, angle, cv2.BORDER_REFLECT_101)
    assert np.array_equal(replicate, _turn_back(grey, angle, cv2.BORDER_REPLICATE))
    # Each box is read at the positions warpAffine computes for the whole turn.
    assert np.array_equal(reflect, whole)
    # And the boxes hold everything the border mode changes.
    assert np.count_nonzero(whole != replicate) > 1000
    changed = whole != replicate
    _, differ = variants._straightened_fills(grey, angle, 1.0, 1.0, ("replicate", "reflect"))
    covered = np.zeros_like(changed)
    for r0, r1, c0, c1 in differ:
        covered[r0:r1, c0:c1] = True
    assert not (changed & ~covered).any()


def test_the_fills_are_hashed_from_the_boxes_as_each_on_its_own() -> None:
    for name, angle in (("astronaut", 4.0), ("coffee", -5.0), ("brick", 3.0), ("camera", 2.0)):
        grey = variants._grey(rotate(_rgb(name), angle))
        found = variants.estimate_rotation(grey)
        assert found is not None
        pictures, differ = variants._straightened_fills(grey, *found, variants.DESKEW_QUERY_FILLS)
        shared = variants._pdq_of_fills(pictures, differ)
        for pic, result in zip(pictures, shared, strict=True):
            assert pic is not None and result is not None
            assert result.hash == pdq_from_pixels(pic).hash


def _old_fill_depths(lines, across, half_u, half_v, t, rows, runs_only=False):  # type: ignore[no-untyped-def]
    """The ninth round's ``_fill_depths``: both bounds solved, then their min and max."""
    c, s = np.cos(t), np.sin(t)
    p = lines[None, :]
    if rows:
        a1, b1 = (p * s - half_u) / c, (p * s + half_u) / c
        e1, e2 = (-half_v - p * c) / s, (half_v - p * c) / s
    else:
        e1, e2 = (p * c - half_u) / s, (p * c + half_u) / s
        a1, b1 = (-half_v - p * s) / c, (half_v - p * s) / c
    lo = np.maximum(a1, np.minimum(e1, e2))
    hi = np.minimum(b1, np.maximum(e1, e2))
    off = (across - 1) / 2
    first = np.clip(np.ceil(lo + off - 1e-4), 0, across)
    last = np.clip(np.floor(hi + off + 1e-4), -1, across - 1)
    if runs_only:
        return first, last
    empty = last < first
    return np.where(empty, across, first), np.where(empty, across, across - 1 - last)


def test_the_fill_depths_are_those_of_the_min_and_max_of_both_bounds() -> None:
    rng = np.random.default_rng(13)
    for _ in range(150):
        h, w = (int(v) for v in rng.integers(64, 900, 2))
        angles = rng.uniform(-15, 15, int(rng.integers(1, 70)))
        angles = angles[np.abs(angles) >= 0.25]
        if not angles.size:
            continue
        t = np.radians(angles).astype(np.float32)[:, None]
        # Model 1 (the grown canvas) has a negative width for tall narrow canvases.
        w0, h0 = variants._frame_sizes(angles, w, h, int(rng.integers(0, 2)))
        inset = rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0], angles.size).astype(np.float32)[:, None]
        for rows in (False, True):
            length, across = (h, w) if rows else (w, h)
            lines = np.arange(length, dtype=np.float32) - (length - 1) / 2
            for runs_only in (False, True):
                args = (lines, across, w0 / 2 - inset, h0 / 2 - inset, t, rows, runs_only)
                for new, old in zip(
                    variants._fill_depths(*args), _old_fill_depths(*args), strict=True
                ):
                    assert new.dtype == old.dtype and np.array_equal(new, old)


def test_the_frame_sizes_of_many_angles_are_those_of_each_angle() -> None:
    rng = np.random.default_rng(7)
    for _ in range(100):
        w, h = (int(v) for v in rng.integers(64, 900, 2))
        angles = rng.uniform(-15, 15, 25)
        for model in (0, 1):
            w0, h0 = variants._frame_sizes(angles, w, h, model)
            each = [variants._frame_models(float(a), w, h) for a in angles]
            picked = [m[min(model, len(m) - 1)] for m in each]
            assert np.array_equal(w0[:, 0], np.array([p[0] for p in picked], np.float32))
            assert np.array_equal(h0[:, 0], np.array([p[1] for p in picked], np.float32))


def test_both_frame_models_scored_in_one_pass_score_as_each_alone() -> None:
    grey = variants._grey(rotate(_rgb("coffee"), 4.0))
    bg = variants._corner_background(grey)
    assert bg is not None
    content = variants._content_mask(grey, bg)
    h, w = content.shape
    running = np.concatenate([np.zeros((1, w), np.int32), np.cumsum(content * 2 - 1, 0)])
    sums = running.astype(np.int32)
    angles = np.arange(1.0, 7.0, 0.25)
    both = variants._mask_agreement(sums, (h, w), angles, (0, 1))
    for model in (0, 1):
        assert np.array_equal(both[model], variants._mask_agreement(sums, (h, w), angles, model))


def _first_true_reference(content: np.ndarray) -> tuple[np.ndarray, ...]:
    def first(mask: np.ndarray) -> np.ndarray:
        idx = np.argmax(mask, axis=1).astype(np.int64)
        idx[~mask.any(axis=1)] = mask.shape[1]
        return idx

    return (first(content.T), first(content.T[:, ::-1]), first(content), first(content[:, ::-1]))


def test_the_fill_profiles_are_the_first_content_pixel_from_each_edge() -> None:
    rng = np.random.default_rng(3)
    for i in range(60):
        h, w = (int(v) for v in rng.integers(1, 300, 2))
        content = rng.random((h, w)) < rng.random() * 0.05
        if i % 4 == 0:
            content[:] = False  # lines with no content at all
        for new, old in zip(
            variants._fill_profiles(content), _first_true_reference(content), strict=True
        ):
            assert np.array_equal(new, old)


def test_the_column_operator_made_once_gives_the_same_grid() -> None:
    rng = np.random.default_rng(5)
    for shape in ((430, 640), (127, 333, 3), (64, 64), (1000, 77, 3)):
        pixels = rng.integers(0, 256, shape, dtype=np.uint8)
        height, width = shape[:2]
        rows = pdq.downsample_rows(pixels, pdq.scaled_axis_operator(height, height))
        if rows.ndim == 3:
            rows = rows @ np.array([0.299, 0.587, 0.114], np.float32).astype(np.float64)
        fresh = rows @ pdq.scaled_axis_operator(width, width).dense().T
        assert np.array_equal(pdq.luma_64(pixels), fresh)
    with pytest.raises(ValueError):
        pdq._columns_operator(640, 640)[0, 0] = 1.0


def test_large_turned_uploads_keep_their_deskewed_queries_close() -> None:
    # Whole-size benign pictures turned as uploads are: each finds its turn and is
    # straightened into at least two queries, one within the radius of the original.
    for name in ("astronaut", "chelsea", "rocket"):
        p = _rgb(name)
        big = cv2.resize(p, (p.shape[1] * 2, p.shape[0] * 2), interpolation=cv2.INTER_CUBIC)
        original = pdq_from_pixels(big).hash
        found = [v for v in variants.pdq_variants(rotate(big, 4.0)) if v.name == "deskewed"]
        assert len(found) >= 2
        assert min(v.hash.distance(original) for v in found) <= 31
        assert not math.isnan(found[0].quality)
