"""What a new user tripped over on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def safeguard(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safeguard.cli", "--data-dir", str(tmp), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lookup_accepts_json_like_every_command(tmp_path: Path) -> None:
    run = safeguard(tmp_path, "lookup", "md5", "0" * 32, "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"value": "0" * 32, "matches": [], "error": None}


def test_the_hints_at_start_name_the_command_as_it_can_be_run(tmp_path: Path) -> None:
    from safeguard.cli.serve import program

    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "safeguard").write_text("#!/bin/sh\n")
    assert program(str(venv_bin / "safeguard"), cwd=tmp_path) == ".venv/bin/safeguard"
    assert program("/somewhere/else/python3 -m", cwd=tmp_path).endswith("-m safeguard.cli")
