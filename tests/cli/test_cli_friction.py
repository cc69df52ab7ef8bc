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


def test_disabling_entries_says_so_in_words_and_names_what_is_missing(tmp_path: Path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text("".join(f"{i:032x}\n" for i in range(3)))
    assert safeguard(tmp_path, "banks", "create", "hotline").returncode == 0
    assert (
        safeguard(tmp_path, "banks", "import", "hotline", str(listed), "--type", "md5").returncode
        == 0
    )
    missing = "f" * 32
    run = safeguard(tmp_path, "banks", "disable", "hotline", "-t", "md5", f"{0:032x}", missing)
    assert run.returncode == 1  # one value was not in the bank
    assert "hotline: disabled 1 of 2 entries" in run.stderr
    assert f"not in the bank: {missing}" in run.stderr
    assert "{" not in run.stderr  # words, not a Python dict
    run = safeguard(tmp_path, "banks", "enable", "hotline", "-t", "md5", f"{0:032x}", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"bank": "hotline", "changed": 1, "missing": []}
    run = safeguard(tmp_path, "banks", "disable", "hotline")
    assert run.returncode == 0 and "bank hotline disabled" in run.stderr
