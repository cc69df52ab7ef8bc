"""``safeguard serve`` keeps OpenCV to one thread a worker process: a request is the
service's unit of parallel work, and OpenCV's own pool only added CPU to a turned upload's
check (docs/benchmarks.md, "Thirteenth round"). Other commands keep OpenCV's pool: one
Dask worker builds links faster with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SERVE = "from safeguard.cli.serve import _one_opencv_thread; _one_opencv_thread()"
THREADS = "import cv2; print(cv2.getNumThreads())"
TWO_CORES = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2, reason="one core: OpenCV uses one thread anyway"
)


def _opencv_threads(code: str, **env: str) -> int:
    clean = {k: v for k, v in os.environ.items() if k != "OPENCV_FOR_THREADS_NUM"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


@TWO_CORES
def test_the_service_runs_opencv_on_one_thread() -> None:
    assert _opencv_threads(f"{SERVE}; {THREADS}") == 1
    # OpenCV loaded before the service starts (one worker, in process): told directly.
    assert _opencv_threads(f"import cv2; {SERVE}; {THREADS}") == 1


@TWO_CORES
def test_other_commands_keep_opencvs_pool() -> None:
    assert _opencv_threads(f"import safeguard.cli.app; {THREADS}") > 1


def test_a_deployment_can_still_choose_the_services_opencv_threads() -> None:
    assert _opencv_threads(f"{SERVE}; {THREADS}", OPENCV_FOR_THREADS_NUM="2") == 2
    assert _opencv_threads(f"import cv2; {SERVE}; {THREADS}", OPENCV_FOR_THREADS_NUM="2") == 2


def test_a_threads_setting_opencv_cannot_read_stops_the_service_at_start(tmp_path: Path) -> None:
    # OpenCV itself would fail to load (cv2.error: stoull) at the first upload needing it.
    clean = {k: v for k, v in os.environ.items() if k != "OPENCV_FOR_THREADS_NUM"}
    out = subprocess.run(
        [sys.executable, "-m", "safeguard.cli", "--data-dir", str(tmp_path), "serve"],
        env={**clean, "OPENCV_FOR_THREADS_NUM": "two"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "OPENCV_FOR_THREADS_NUM must be a whole number, not 'two'" in out.stderr
