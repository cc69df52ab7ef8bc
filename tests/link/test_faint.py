"""A picture short of keypoints at SIFT's usual contrast threshold is detected again at a
lower one (``FeatureOptions.faint_contrast_threshold``): low-contrast rooms get the faint
structure they have; a textured picture that fills ``max_keypoints`` is unchanged."""

from __future__ import annotations

import numpy as np
from scenes import scene

from safeguard.link.features import FeatureOptions, features_from_pixels

USUAL_ONLY = FeatureOptions(faint_contrast_threshold=0.0)


def _faint_room() -> np.ndarray:
    """A dim, low-contrast picture (scikit-image's ``coffee`` at a fifth of its contrast)."""
    img = scene("coffee").astype(np.float32)
    return np.asarray(img.mean() + (img - img.mean()) * 0.2, np.uint8)


def test_a_picture_short_of_keypoints_gets_the_faint_ones() -> None:
    picture = _faint_room()
    usual = features_from_pixels(picture, USUAL_ONLY)
    filled = features_from_pixels(picture)
    assert len(usual) < FeatureOptions().max_keypoints
    assert len(filled) > 1.3 * len(usual)


def test_a_picture_with_enough_keypoints_is_unchanged() -> None:
    options = FeatureOptions(max_keypoints=300)
    picture = scene("astronaut")
    usual = features_from_pixels(
        picture, FeatureOptions(max_keypoints=300, faint_contrast_threshold=0)
    )
    filled = features_from_pixels(picture, options)
    assert len(usual) == len(filled) == 300
    assert np.array_equal(usual.points, filled.points)
