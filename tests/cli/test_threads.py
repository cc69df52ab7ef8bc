"""The ``safeguard`` command keeps numeric libraries to one thread a process: the service
and the Dask workers run a process a core, and a library's own pool only fights them
(OpenCV's second thread burnt about an eighth of a turned upload's server CPU)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = "import safeguard.cli.app, cv2; print(cv2.getNumThreads())"


def _opencv_threads(env: dict[str, str]) -> int:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "OPENCV_FOR_THREADS_NUM"}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: OpenCV uses one thread anyway")
def test_the_command_runs_opencv_on_one_thread() -> None:
    assert _opencv_threads(_clean_env()) == 1
    # Without the command's setting, OpenCV would start a pool (the case this guards).
    bare = subprocess.run(
        [sys.executable, "-c", "import cv2; print(cv2.getNumThreads())"],
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(bare.stdout.strip()) > 1


def test_a_deployment_can_still_choose_opencv_threads() -> None:
    assert _opencv_threads({**_clean_env(), "OPENCV_FOR_THREADS_NUM": "2"}) == 2
