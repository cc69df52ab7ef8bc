"""Shared fixtures of the link tests: Debian's OpenCV sample pictures, scikit-image scenes."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

OPENCV_SAMPLES = Path("/usr/share/doc/opencv-doc/examples/data")
SDIST = "face_recognition==1.3.0"


@pytest.fixture(scope="session")
def opencv_samples() -> Path:
    if not (OPENCV_SAMPLES / "graf1.png").exists():
        pytest.skip("Debian package opencv-doc is not installed (apt-get install opencv-doc)")
    return OPENCV_SAMPLES


@pytest.fixture(scope="session")
def face_pictures() -> Path:
    cache = Path(os.environ.get("SAFEGUARD_TEST_CACHE", Path.home() / ".cache" / "safeguard-tests"))
    target = cache / "face_recognition-1.3.0"
    images = target / "tests" / "test_images"
    if not images.is_dir():
        # Parallel test workers may get here at once: each downloads and unpacks into a
        # folder of its own, and the first to rename it into place wins.
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache) as scratch:
            done = subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                 SDIST, "-d", scratch, "-q"],
                capture_output=True, text=True, timeout=300, check=False,
            )  # fmt: skip
            archive = Path(scratch) / "face_recognition-1.3.0.tar.gz"
            if done.returncode != 0 or not archive.exists():
                pytest.skip(f"cannot fetch the {SDIST} source distribution: {done.stderr[-300:]}")
            with tarfile.open(archive) as tar:
                members = [m for m in tar.getmembers() if "/tests/test_images/" in m.name]
                tar.extractall(scratch, members=members, filter="data")
            try:
                os.rename(Path(scratch) / target.name, target)
            except OSError:
                if not images.is_dir():
                    raise
    return images
