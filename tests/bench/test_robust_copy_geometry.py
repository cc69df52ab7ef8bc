"""``bench/robust_copy_geometry.distortion`` tells a plain 2-D edit from a perspective."""

from __future__ import annotations

import numpy as np
from bench.robust_copy_geometry import distortion


def test_a_similarity_has_no_anisotropy_and_no_perspective() -> None:
    c, s = np.cos(0.3), np.sin(0.3)
    h = np.array([[0.7 * c, -0.7 * s, 40.0], [0.7 * s, 0.7 * c, -12.0], [0.0, 0.0, 1.0]])
    aniso, persp = distortion(h, 512.0, 384.0)
    assert abs(aniso - 1.0) < 1e-9 and persp < 1e-9


def test_a_stretch_is_anisotropic_and_a_tilt_is_perspective() -> None:
    stretch = np.diag([1.2, 1.0, 1.0])
    aniso, persp = distortion(stretch, 512.0, 384.0)
    assert abs(aniso - 1.2) < 1e-9 and persp < 1e-9
    tilt = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [4e-4, 0.0, 1.0]])
    _, persp = distortion(tilt, 512.0, 384.0)
    assert persp > 0.02
