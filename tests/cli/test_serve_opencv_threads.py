"""``safeguard serve`` runs OpenCV with one thread a worker process (issue 13, twelfth
round): the deskewing of a turned upload is many small OpenCV calls, and OpenCV's own
pool only fights the other workers. A deployment's own setting is kept."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _threads_after(env: dict[str, str], load_first: bool) -> str:
    """OpenCV's thread count in a fresh process after ``single_threaded_opencv``, with
    OpenCV loaded before it or after it (a worker started later)."""
    code = (
        ("import cv2\n" if load_first else "")
        + "from safeguard.cli.serve import single_threaded_opencv\n"
        + "single_threaded_opencv()\n"
        + "import cv2, os\n"
        + "print(cv2.getNumThreads(), os.environ['OPENCV_FOR_THREADS_NUM'])\n"
    )
    clean = {k: v for k, v in os.environ.items() if k != "OPENCV_FOR_THREADS_NUM"}
    out = subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.mark.parametrize("load_first", [False, True])
def test_serve_leaves_opencv_one_thread(load_first: bool) -> None:
    assert _threads_after({}, load_first) == "1 1"


def test_a_deployments_own_thread_count_is_kept() -> None:
    assert _threads_after({"OPENCV_FOR_THREADS_NUM": "2"}, load_first=True) == "2 2"
