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


#: What no ``--help`` may import: numeric, image, video, database, HTTP and model libraries,
#: and Safeguard's own layers below the CLI. (pydantic is not here: Typer 0.29 builds every
#: option's coercion with a pydantic ``TypeAdapter`` as it builds a command.)
HEAVY = (
    "numpy",
    "cv2",
    "av",
    "PIL",
    "scipy",
    "sklearn",
    "numba",
    "dask",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "argon2",
    "httpx",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "safeguard.signals.pdq",
    "safeguard.signals.media",
    "safeguard.signals.video",
    "safeguard.index",
    "safeguard.store",
    "safeguard.banks",
    "safeguard.matching",
    "safeguard.review",
    "safeguard.audit",
    "safeguard.access.keys",
    "safeguard.access.users",
    "safeguard.scan",
    "safeguard.chat",
    "safeguard.stream",
    "safeguard.link",
    "safeguard.triage",
    "safeguard.exchange",
    "safeguard.service",
)

GROUP_HELP_PROBE = """
import sys
from safeguard.cli.app import app, load_command

heavy = sys.argv[2:]
name = sys.argv[1]
command = load_command(name)
paths = [[name]] + [[name, sub] for sub in sorted(getattr(command, "commands", {}))]
for path in paths:
    try:
        app([*path, "--help"], prog_name="safeguard")
    except SystemExit as e:
        assert not e.code, (path, e.code)
    loaded = [m for m in heavy if m in sys.modules]
    print("HELP " + " ".join(path) + " HEAVY:" + ",".join(loaded))
"""


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_of_every_command_and_subcommand_imports_nothing_heavy(name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", GROUP_HELP_PROBE, name, *HEAVY],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    reports = [line for line in done.stdout.splitlines() if line.startswith("HELP ")]
    assert reports, done.stdout
    assert [r for r in reports if not r.endswith("HEAVY:")] == []


def test_defaults_written_out_for_help_equal_the_librarys() -> None:
    from safeguard.banks.formats.detect import AUTO
    from safeguard.cli import banks, exchange, link
    from safeguard.exchange.subscriber import DEFAULT_LIMIT
    from safeguard.link.linking import LinkOptions

    assert banks.AUTO_FORMAT == AUTO
    assert exchange.SYNC_LIMIT == DEFAULT_LIMIT
    assert LinkOptions().shortlist == link.SHORTLIST
    assert LinkOptions().votes.items == link.VOTES
    assert LinkOptions().deep == link.DEEP
