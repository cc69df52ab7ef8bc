"""A turned upload's deskewing for less, bit for bit (issue 13, eleventh round): the
``reflect`` boxes turned in one remap, the fills' differences filtered only where PDQ's
banded filter reads them, the coarse angle score read from the integral image, and a
median without numpy's dispatch. Each is compared with the form it replaces. Benign
scikit-image pictures and random numbers only."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from bench.robust_transforms import rotate
from skimage import data

from safeguard.signals import variants
from safeguard.signals.pdq import luma_64, pdq_from_grid


def _grey(name: str) -> np.ndarray:
    a = getattr(data, name)()
    return variants._grey(a if a.ndim == 2 else a[..., :3])


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64, np.uint8])
def test_the_median_is_numpys_bit_for_bit(dtype: type) -> None:
    rng = np.random.default_rng(13)
    for size in range(1, 80):
        for _ in range(5):
            if np.issubdtype(dtype, np.floating):
                a = rng.normal(100, 60, size).astype(dtype)
            else:
                a = rng.integers(0, 255, size).astype(dtype)
            got = variants._median(a)
            assert type(got) is float
            assert got == float(np.median(a))
    # A 2-D patch (the corners' median) is the median of all its pixels.
    patch = rng.normal(100, 60, (6, 6)).astype(np.float32)
    assert variants._median(patch) == float(np.median(patch))


@pytest.mark.parametrize("channels", [1, 3])
def test_the_boxes_turned_in_one_remap_are_the_whole_turns_pixels(channels: int) -> None:
    pic = _grey("camera")[:300, :420]
    if channels == 3:
        pic = np.ascontiguousarray(np.stack([pic, pic[::-1], 255 - pic], -1))
    h, w = pic.shape[:2]
    turn = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), -4.0, 1.0)
    reads = np.asarray(cv2.invertAffineTransform(turn), dtype=np.float64)
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    whole = cv2.warpAffine(pic, reads, (w, h), flags=flags, borderMode=cv2.BORDER_REFLECT_101)
    # Thin boxes along the edges, a box over the whole picture (more reads than remap
    # takes in one line: 126,000 > 2^15) and an empty one.
    boxes = [
        (0, 12, 0, 420),
        (288, 300, 0, 420),
        (0, 300, 0, 15),
        (40, 41, 7, 9),
        (0, 300, 0, 420),
        (5, 5, 3, 9),
    ]
    parts = variants._turned_parts(pic, reads, boxes, variants._read_shares(reads, h, w))
    for (r0, r1, c0, c1), part in zip(boxes, parts, strict=True):
        assert part.shape == whole[r0:r1, c0:c1].shape
        assert np.array_equal(part, whole[r0:r1, c0:c1])


def _full_filtering(pictures, differ):  # type: ignore[no-untyped-def]
    """``_pdq_of_fills``' grids as the tenth round computed them: every difference box
    filtered through the whole 64-line operators."""
    base = pictures[0]
    grid = luma_64(base)
    h, w = base.shape
    rows_op, cols_op = variants._dense_operator(h), variants._dense_operator(w)
    out = [grid]
    for pic in pictures[1:]:
        g = grid.copy()
        for r0, r1, c0, c1 in differ:
            delta = pic[r0:r1, c0:c1].astype(np.float64) - base[r0:r1, c0:c1]
            if r1 - r0 >= c1 - c0:
                g += (rows_op[:, r0:r1] @ delta) @ cols_op[:, c0:c1].T
            else:
                g += rows_op[:, r0:r1] @ (delta @ cols_op[:, c0:c1].T)
        out.append(g)
    return out


def test_the_fills_differences_filtered_only_where_pdq_reads_them_are_the_same_grids() -> None:
    checked = 0
    for name in ("astronaut", "coffee", "chelsea", "rocket", "camera", "brick"):
        for angle in (4.0, -3.0, 6.0):
            a = getattr(data, name)()
            turned = variants._grey(
                rotate(np.stack([a] * 3, -1) if a.ndim == 2 else a[..., :3], angle)
            )
            found = variants.estimate_rotation(turned)
            if found is None:
                continue
            pictures, differ = variants._straightened_fills(
                turned, *found, variants.DESKEW_QUERY_FILLS
            )
            if any(p is None for p in pictures):
                continue
            expected = [pdq_from_grid(g) for g in _full_filtering(pictures, differ)]
            got = variants._pdq_of_fills(pictures, differ)
            for e, g in zip(expected, got, strict=True):
                assert g is not None
                # The same grid, up to the last bits of a sum, which the CPU's vector
                # instructions decide (an AMD EPYC without AVX2 differs from the Intel
                # machine in them); the same hash and quality.
                np.testing.assert_allclose(g.dct, e.dct, rtol=1e-12, atol=1e-9)
                assert g.hash == e.hash and g.quality == e.quality
                checked += 1
    assert checked >= 30


@pytest.mark.parametrize("length", [64, 65, 100, 215, 430, 512, 777])
def test_the_reach_of_each_pixel_is_where_the_operator_reads_it(length: int) -> None:
    dense = variants._dense_operator(length)
    first, last = variants._operator_reach(length)
    lines = np.arange(dense.shape[0])[:, None]
    outside = (lines < first[None, :]) | (lines > last[None, :])
    assert not dense[outside].any()
    for j in range(length):
        if first[j] <= last[j]:
            assert dense[first[j], j] != 0 and dense[last[j], j] != 0


def test_the_coarse_score_from_the_integral_image_is_the_running_sums_score() -> None:
    rng = np.random.default_rng(11)
    for name, angle in (("camera", 4.0), ("coffee", -5.0), ("brick", 2.5)):
        a = getattr(data, name)()
        turned = variants._grey(rotate(np.stack([a] * 3, -1) if a.ndim == 2 else a[..., :3], angle))
        bg = variants._corner_background(turned)
        assert bg is not None
        content = variants._content_mask(turned, bg)
        content ^= rng.random(content.shape) < 0.02  # specks of noise in fill and picture
        h, w = content.shape
        angles = np.arange(angle - 3.0, angle + 3.01, 0.25)
        angles = angles[np.abs(angles) >= variants.MIN_ANGLE / 2]  # as the search asks
        for stride in (1, 2, 3):
            kept = np.ascontiguousarray(content[:, ::stride])
            counts = np.vstack(
                [np.zeros((1, kept.shape[1]), np.int32), np.cumsum(kept, 0, dtype=np.int32)]
            )
            sums = (counts * 2 - np.arange(h + 1, dtype=np.int32)[:, None]).astype(np.int32)
            integral = cv2.integral(kept.view(np.uint8), sdepth=cv2.CV_32S)
            for model in (0, 1, (0, 1)):
                assert np.array_equal(
                    variants._mask_agreement(
                        integral, (h, w), angles, model, stride=stride, integral=True
                    ),
                    variants._mask_agreement(sums, (h, w), angles, model, stride=stride),
                )
