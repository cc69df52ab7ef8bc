"""A symbolic link planted in an evidence tree that leads out of it is recorded, not
followed, unless the examiner asks (``--follow-symlinks``); links inside the tree are
followed as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from safeguard.signals.files import WalkError, iter_files

SAFEGUARD = [sys.executable, "-m", "safeguard.cli"]


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    outside = tmp_path / "examiner-home"
    (outside / "secrets").mkdir(parents=True)
    (outside / "notes.txt").write_text("the examiner's own file")
    (outside / "secrets" / "key.txt").write_text("not evidence")
    tree = tmp_path / "evidence"
    (tree / "photos").mkdir(parents=True)
    (tree / "photos" / "a.txt").write_text("evidence a")
    (tree / "link-to-a.txt").symlink_to(tree / "photos" / "a.txt")  # inside: followed
    (tree / "planted-file").symlink_to(outside / "notes.txt")
    (tree / "planted-dir").symlink_to(outside / "secrets")
    (tree / "relative-escape").symlink_to(Path("..") / "examiner-home" / "notes.txt")
    return tree


def test_links_leaving_the_tree_are_recorded_not_followed(evidence: Path) -> None:
    items = list(iter_files([evidence], follow_outside=False))
    files = sorted(p.name for p in items if isinstance(p, Path))
    errors = {Path(e.path).name: e.code for e in items if isinstance(e, WalkError)}
    assert files == ["a.txt", "link-to-a.txt"]
    assert errors == {
        "planted-file": "symlink_outside",
        "planted-dir": "symlink_outside",
        "relative-escape": "symlink_outside",
    }


def test_following_them_is_a_choice(evidence: Path) -> None:
    items = list(iter_files([evidence], follow_outside=True))
    assert sorted(p.name for p in items if isinstance(p, Path)) == [
        "a.txt",
        "key.txt",
        "link-to-a.txt",
        "planted-file",
        "relative-escape",
    ]


def test_scan_records_the_link_and_does_not_read_its_target(evidence: Path, tmp_path: Path) -> None:
    out = tmp_path / "scan.jsonl"
    args = ["--out", str(out), "--workers", "1"]
    run = subprocess.run(
        [*SAFEGUARD, "--data-dir", str(tmp_path / "data"), "scan", str(evidence), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr  # the links are recorded as failed inputs
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    by_name = {Path(r["path"]).name: r for r in rows if "path" in r}
    assert by_name["planted-file"]["error_code"] == "symlink_outside"
    assert by_name["planted-dir"]["error_code"] == "symlink_outside"
    assert "key.txt" not in by_name and by_name["a.txt"]["error"] is None
