"""``bench/link_contrast.equalised``: CLAHE on the grey picture widens a faint picture's
range of grey levels and keeps its size."""

from __future__ import annotations

import numpy as np
from bench.link_contrast import equalised
from skimage import data


def test_a_faint_picture_gets_its_contrast_back() -> None:
    rgb = np.asarray(data.astronaut())
    faint = (100 + rgb.astype(np.float32) * 0.15).astype(np.uint8)  # steam-like: grey veil
    out = equalised(faint)
    assert out.shape == rgb.shape[:2] and out.dtype == np.uint8
    before = np.percentile(faint.mean(axis=2), [5, 95])
    after = np.percentile(out, [5, 95])
    assert after[1] - after[0] > 2 * (before[1] - before[0])  # 72 against 32 grey levels


def test_a_grey_picture_is_taken_as_it_is() -> None:
    grey = np.asarray(data.camera())
    assert equalised(grey).shape == grey.shape
