"""The ``safeguard`` command, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.media_factory import encode, jpeg, picture, png_declaring, random_bytes, write_video


def safeguard(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safeguard.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good and bad inputs side by side, as a seized folder might hold them."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "photos").mkdir()
    (root / "photos" / "a.jpg").write_bytes(jpeg(640, 480, "astronaut"))
    (root / "photos" / "b.png").write_bytes(encode(picture(500, 400, "coffee"), "PNG"))
    data = jpeg(640, 480, "chelsea")
    (root / "photos" / "truncated.jpg").write_bytes(data[: len(data) // 2])
    (root / "photos" / "random.jpg").write_bytes(random_bytes(3000))
    (root / "photos" / "empty.jpg").write_bytes(b"")
    (root / "photos" / "bomb.png").write_bytes(png_declaring(30000, 30000))
    (root / "photos" / "dot.png").write_bytes(encode(picture(1, 1), "PNG"))
    (root / "photos" / "strip.png").write_bytes(encode(picture(100_000, 2), "PNG"))
    write_video(str(root / "clip.mp4"), seconds=2.0)
    (root / "broken.mp4").write_bytes(random_bytes(10000, seed=3))
    (root / "zero.mp4").write_bytes(b"")
    (root / "notes.txt").write_text("benign")
    (root / "loop").symlink_to(root)
    return root


def records(stdout: str) -> dict[str, dict[str, object]]:
    lines = [json.loads(line) for line in stdout.splitlines()]
    return {Path(str(r["path"])).name: r for r in lines}


EXPECTED_ERRORS = {
    "truncated.jpg": "corrupt_media",
    "random.jpg": "corrupt_media",
    "empty.jpg": "empty_file",
    "bomb.png": "image_too_large",
    "dot.png": "image_too_small",
    "strip.png": "image_too_small",
    "broken.mp4": "corrupt_media",
    "zero.mp4": "empty_file",
    "loop": "symlink_loop",
}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_bad_inputs_get_error_records_and_the_batch_completes(
    mixed_folder: Path, workers: str
) -> None:
    run = safeguard("hash", "--json", "--workers", workers, str(mixed_folder))
    assert run.returncode == 1, run.stderr
    got = records(run.stdout)
    assert {name: r["error_code"] for name, r in got.items() if r["error"]} == EXPECTED_ERRORS
    for name in ("a.jpg", "b.png"):
        assert got[name]["error"] is None and len(str(got[name]["pdq"])) == 64
    assert got["notes.txt"]["kind"] == "other" and got["notes.txt"]["error"] is None
    assert isinstance(got["clip.mp4"]["vpdq"], list) and got["clip.mp4"]["vpdq"]
    assert "failed" in run.stderr  # the summary goes to stderr


def test_parallel_and_serial_runs_give_the_same_records(mixed_folder: Path) -> None:
    serial = records(safeguard("hash", "--json", "--workers", "1", str(mixed_folder)).stdout)
    parallel = records(safeguard("hash", "--json", "--workers", "2", str(mixed_folder)).stdout)
    assert serial == parallel


def test_all_good_inputs_exit_zero_and_print_a_table(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg(640, 480))
    # A relative path: the table folds a long one across lines, which would split the name.
    run = safeguard("hash", "a.jpg", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""  # without --json, humans read stderr
    assert "a.jpg" in run.stderr and "1 files" in run.stderr


def test_fast_flag_is_accepted_and_reported(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg(1600, 1200))
    run = safeguard("hash", "--fast", "--json", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["pdq"]) == 64


def test_help_and_usage_errors() -> None:
    assert safeguard("--help").returncode == 0
    helped = safeguard("hash", "--help")
    assert helped.returncode == 0 and "--fast" in helped.stdout
    assert safeguard("hash").returncode == 2
    assert safeguard("hash", "--workers", "0", ".").returncode == 2
