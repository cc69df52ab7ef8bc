"""Command groups load when they are used: ``safeguard --help`` lists every command without
importing the database, numpy or video libraries, each command still loads, and hashing one
picture loads neither OpenCV, the database, PyAV nor Dask."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from safeguard.cli.app import COMMANDS, load_command

PROBE = """
import sys
from safeguard.cli.app import app
try:
    app(["--help"])
except SystemExit:
    pass
heavy = [m for m in ("sqlalchemy", "numpy", "av", "argon2", "dask") if m in sys.modules]
print("HEAVY:" + ",".join(heavy))
"""


def test_help_lists_every_command_without_heavy_imports() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "HEAVY:"
    for name in COMMANDS:
        assert name in done.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_loads_under_its_name(name: str) -> None:
    command = load_command(name)
    assert command.name == name


HASH_PROBE = """
import sys
from safeguard.cli.app import app
try:
    app(["hash", "--json", sys.argv[1]])
except SystemExit as e:
    assert not e.code, e.code
heavy = [m for m in ("cv2", "sqlalchemy", "av", "dask", "numba") if m in sys.modules]
print("HEAVY:" + ",".join(heavy))
"""


def test_hashing_one_picture_loads_neither_opencv_the_database_video_nor_dask(
    tmp_path: Path,
) -> None:
    from PIL import Image

    picture = tmp_path / "one.png"
    Image.new("RGB", (64, 48), (40, 90, 160)).save(picture)
    done = subprocess.run(
        [sys.executable, "-c", HASH_PROBE, str(picture)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"pdq"' in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "HEAVY:"
