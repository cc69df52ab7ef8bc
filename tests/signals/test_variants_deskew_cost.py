"""Deskewing a turned upload cheaply (issue 13, seventh round): the angle found once, on
the luma copy that is straightened, by a coarse search then a fine one on the band where
the candidate frames differ; the lost corners' wide blur taken on a reduced copy; the
straightening done on the luma PDQ reads. Benign scikit-image pictures only."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from bench.robust_transforms import rotate
from skimage import data

from safeguard.signals import variants
from safeguard.signals.pdq import pdq_from_pixels


def _rgb(name: str) -> np.ndarray:
    a = getattr(data, name)()
    return np.ascontiguousarray(np.stack([a] * 3, -1) if a.ndim == 2 else a[..., :3])


def _as_uploaded(pixels: np.ndarray) -> np.ndarray:
    """A reduced copy (short side ``DETECT_SIDE``, as the seventh round straightened on)."""
    h, w = pixels.shape[:2]
    side = round(variants.DETECT_SIDE * max(h, w) / min(h, w))
    return variants._reduced(pixels, side)[0]


@pytest.mark.parametrize("angle", [4.0, -3.0, 6.0])
def test_the_angle_of_a_wide_turned_picture_is_found_to_a_twentieth_of_a_degree(
    angle: float,
) -> None:
    # The rocket (427 x 640) turned: the earlier search, on a mask sampled to 320 px, was
    # 0.13-0.18° off; the straightened copy's corners then smear.
    found = variants.estimate_rotation(_as_uploaded(rotate(_rgb("rocket"), angle)))
    assert found is not None
    assert abs(found[0] - angle) < 0.05
    assert found[1] == pytest.approx(1.0, abs=0.01)  # frame kept
    assert found[2] == pytest.approx(1.0, abs=0.01)


def test_the_fine_search_on_the_outline_agrees_with_the_whole_mask() -> None:
    q = _as_uploaded(rotate(_rgb("coffee"), 4.0))
    y = variants.luma(q)
    bg = variants._corner_background(y)
    assert bg is not None
    content = variants._content_mask(y, bg)
    angle, _, _ = variants._refine_angle(content, 3.0)
    # The whole mask scored at every fine step around it: the band's best is its best.
    grid = variants._centred_grid(content.shape)
    h, w = content.shape
    steps = np.arange(angle - 0.2, angle + 0.2001, variants.FINE_STEP)
    scores = [
        np.count_nonzero(variants._rotated_rect_mask((h, w), w, h, float(a), grid) == content)
        for a in steps
    ]
    assert abs(float(steps[int(np.argmax(scores))]) - angle) <= variants.FINE_STEP + 1e-6


def _full_size_blur_fill(arr: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """The fill as it was computed before: the normalised wide blur at full size."""
    sigma = max(arr.shape[:2]) * 0.05 / 3
    weight = valid.astype(np.float32)
    data_ = arr.astype(np.float32)
    num = cv2.GaussianBlur(data_ * weight[..., None], (0, 0), sigma)
    den = cv2.GaussianBlur(weight, (0, 0), sigma)[..., None]
    return np.where(valid[..., None], data_, num / np.maximum(den, 1e-3))


def test_the_blur_fill_on_a_reduced_copy_is_close_to_the_full_size_one() -> None:
    pic = _rgb("coffee")  # 400 x 600
    h, w = pic.shape[:2]
    valid = variants._rotated_rect_mask((h, w), w * 0.93, h * 0.93, 4.0)
    hole = ~valid
    assert hole.mean() > 0.05
    fast = variants._fill_from_surroundings(pic, valid).astype(np.float32)
    reference = _full_size_blur_fill(pic, valid)
    assert np.array_equal(fast[valid], pic[valid].astype(np.float32))
    assert float(np.abs(fast[hole] - reference[hole]).mean()) < 3.0
    # and not the mean colour, which the hole would be without the blur
    mean = pic[valid].astype(np.float32).mean(0)
    assert float(np.abs(fast[hole] - mean).mean()) > 10.0


def test_straightening_the_luma_gives_pdq_the_colour_straightening_within_a_few_bits() -> None:
    pic = _rgb("chelsea")
    q = _as_uploaded(rotate(pic, 4.0))
    found = variants.estimate_rotation(q)
    assert found is not None
    colour = variants.straightened(q, *found, variants.DESKEW_QUERY_FILLS)
    grey = variants.straightened(variants._grey(q), *found, variants.DESKEW_QUERY_FILLS)
    for c, g in zip(colour, grey, strict=True):
        assert c is not None and g is not None
        assert g.ndim == 2
        assert pdq_from_pixels(c).hash.distance(pdq_from_pixels(g).hash) <= 6


def test_a_turned_upload_gives_its_deskewed_queries_from_one_angle_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[int, ...]] = []
    real = variants.estimate_rotation

    def counted(pixels: np.ndarray) -> tuple[float, float, float] | None:
        calls.append(pixels.shape)
        return real(pixels)

    monkeypatch.setattr(variants, "estimate_rotation", counted)
    pic = _rgb("astronaut")
    q = rotate(cv2.resize(pic, (1024, 1024), interpolation=cv2.INTER_CUBIC), 4.0)
    found = [v for v in variants.pdq_variants(q) if v.name == "deskewed"]
    assert len(calls) == 1
    assert len(found) >= 1
    target = pdq_from_pixels(pic).hash
    assert min(v.hash.distance(target) for v in found) <= 31
    assert 1 <= len(found) <= len(variants.DESKEW_QUERY_FILLS)
