"""``bench/link_region_shortlist.region_vectors``: a window of a view is described by the
descriptors inside it, so a zoom into that window is nearer it than the whole view."""

from __future__ import annotations

import cv2
import numpy as np
from bench.link_region_shortlist import REGION_WINDOWS, region_vectors
from skimage import data

from safeguard.link.features import features_from_pixels
from safeguard.signals.vlad import learn_codebook, vlad


def test_a_zoom_is_nearer_its_window_than_the_whole_view() -> None:
    whole = np.asarray(data.astronaut())
    h, w = whole.shape[:2]
    x0, y0, x1, y1 = REGION_WINDOWS[1]  # the top left corner
    part = whole[round(y0 * h) : round(y1 * h), round(x0 * w) : round(x1 * w)]
    zoom = np.asarray(cv2.resize(part, (w, h), interpolation=cv2.INTER_CUBIC), np.uint8)
    fw, fz = features_from_pixels(whole), features_from_pixels(zoom)
    # A codebook learned from other pictures (one learned from these two alone makes
    # their residuals cancel: a word's centroid is the mean of both pictures' descriptors).
    others = [data.coffee(), data.chelsea(), data.rocket(), data.camera(), data.brick()]
    codebook = learn_codebook(
        np.concatenate([features_from_pixels(np.asarray(o)).rootsift() for o in others]), 32
    )
    regions = region_vectors(fw, codebook)
    assert regions.shape == (len(REGION_WINDOWS), 32 * 128)
    zoom_whole = vlad(fz.rootsift(), codebook)
    whole_whole = vlad(fw.rootsift(), codebook)
    by_window = regions @ zoom_whole
    assert int(np.argmax(by_window)) == 1
    assert by_window[1] > float(whole_whole @ zoom_whole) + 0.05
    assert np.allclose(np.linalg.norm(regions, axis=1), 1.0, atol=1e-4)
