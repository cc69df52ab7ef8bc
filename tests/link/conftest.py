"""Shared fixtures of the link tests: Debian's OpenCV sample pictures, scikit-image scenes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

OPENCV_SAMPLES = Path("/usr/share/doc/opencv-doc/examples/data")


@pytest.fixture(scope="session")
def opencv_samples() -> Path:
    if not (OPENCV_SAMPLES / "graf1.png").exists():
        pytest.skip("Debian package opencv-doc is not installed (apt-get install opencv-doc)")
    return OPENCV_SAMPLES
