"""Meta's HMA 2.0 (OpenMediaMatch) as an anchor for ``bench/service``: set up and served
from a checkout the caller gives (``--hma-dir`` or ``HMA_DIR``: the ``hasher-matcher-actioner``
folder of ``facebook/ThreatExchange``); nothing of HMA is kept in this repository.

What it does, as ``../shared/anchors/hma.md`` describes running HMA:

- a virtualenv of its own (under ``bench/.cache/hma``), ``pip install '.[prod]'`` from the
  checkout, with the versions the anchor was measured at pinned as constraints;
- Debian's PostgreSQL on loopback (``.ci/start-postgres.sh``) and a separate database;
- ``OMM_CONFIG``: hasher, matcher and curator roles on, the indexer (60 s) and the index
  cache (30 s) on, the fetcher off; schema by ``flask db upgrade``;
- 10^6 random PDQs through its load-test exchange ``infinite_random`` (``POST
  /c/exchanges`` through the app's test client, then ``flask fetch`` until it is up to date:
  one fetch stops after a few minutes and the next resumes), then ``flask build_indices``,
  so each worker's index cache loads the stored index at start;
- ``gunicorn "OpenMediaMatch.app:create_app()"`` on 127.0.0.1 with jemalloc preloaded and
  ``OMP_NUM_THREADS=1``, ready when ``/status`` answers 200 (the index is loaded).

Each step leaves a marker in the cache, so a second run starts at the server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache" / "hma"
#: What the anchor (../shared/anchors/hma.md) was measured with.
CONSTRAINTS = ("threatexchange==1.2.17", "pdqhash==0.2.8", "faiss-cpu==1.15.1")
JEMALLOC = Path("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")
BANK = "BENCH_RANDOM"

CONFIG = '''\
"""OMM_CONFIG written by safeguard's bench/hma.py."""
from OpenMediaMatch.storage.postgres.impl import DefaultOMMStore
from OpenMediaMatch.utils.fetch_benchmarking import InfiniteRandomExchange
from threatexchange.content_type.photo import PhotoContent
from threatexchange.signal_type.pdq.signal import PdqSignal

DATABASE_URI = {uri!r}
PRODUCTION = True
UI_ENABLED = False
ROLE_HASHER = True
ROLE_MATCHER = True
ROLE_CURATOR = True
TASK_FETCHER = False
TASK_INDEXER = True
TASK_INDEX_CACHE = True
TASK_INDEXER_INTERVAL_SECONDS = 60
TASK_INDEX_CACHE_INTERVAL_SECONDS = 30
STORAGE_IFACE_INSTANCE = DefaultOMMStore(
    signal_types=[PdqSignal],
    content_types=[PhotoContent],
    exchange_types=[InfiniteRandomExchange],
)
'''

CREATE_EXCHANGE = """
import json, sys
from OpenMediaMatch.app import create_app
app = create_app()
r = app.test_client().post("/c/exchanges", json=json.loads(sys.argv[1]))
print(r.status_code, r.get_data(as_text=True))
sys.exit(0 if r.status_code in (200, 201) else 1)
"""


class HmaError(RuntimeError):
    pass


def hma_dir(given: str | None) -> Path | None:
    """The checkout from ``--hma-dir``, else ``$HMA_DIR``; None when neither is set."""
    value = given or os.environ.get("HMA_DIR")
    if not value:
        return None
    path = Path(value).resolve()
    if not (path / "pyproject.toml").is_file() or not (path / "src" / "OpenMediaMatch").is_dir():
        raise HmaError(f"{path} is not HMA's hasher-matcher-actioner folder")
    return path


def _log(message: str) -> None:
    print(f"hma: {message}", file=sys.stderr, flush=True)


def _run(cmd: list[str], *, log: Path, **kwargs: object) -> None:
    with log.open("ab") as out:
        out.write(f"$ {' '.join(cmd)}\n".encode())
        out.flush()
        done = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, check=False, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise HmaError(f"{cmd[:3]} failed ({done.returncode}); see {log}")


def version_of(src: Path) -> str:
    try:
        return (src / "version.txt").read_text().strip()
    except OSError:
        return "unknown"


def prepare_venv(src: Path, cache: Path = CACHE) -> Path:
    """HMA's own virtualenv (its dependencies only: ``py-modules = []``); its python."""
    venv = cache / "venv"
    marker = venv / "installed"
    python = venv / "bin" / "python"
    if marker.is_file() and marker.read_text() == str(src):
        return python
    cache.mkdir(parents=True, exist_ok=True)
    log = cache / "setup.log"
    _log(f"creating {venv} (pip install '.[prod]' from {src}; a few minutes)")
    _run([sys.executable, "-m", "venv", "--clear", str(venv)], log=log)
    constraints = cache / "constraints.txt"
    constraints.write_text("\n".join(CONSTRAINTS) + "\n")
    _run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], log=log)
    _run(
        [str(python), "-m", "pip", "install", "-q", "-c", str(constraints), ".[prod]"],
        log=log,
        cwd=src,
    )
    marker.write_text(str(src))
    return python


def start_postgres(repo: Path) -> str:
    """Debian's PostgreSQL on loopback (installed and started if needed): a server URL."""
    done = subprocess.run(
        ["bash", str(repo / ".ci" / "start-postgres.sh")],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise HmaError(f"could not start PostgreSQL: {done.stderr.strip()[-500:]}")
    return done.stdout.strip().splitlines()[-1]


def ensure_database(server_url: str, name: str) -> str:
    """A database of its own for HMA on that server; its psycopg2 URI."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(server_url).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        exists = c.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(drivername="postgresql+psycopg2", database=name).render_as_string(
        hide_password=False
    )


def _env(config: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "OMM_CONFIG": str(config), "OMP_NUM_THREADS": "1", **extra}
    env.pop("PYTHONPATH", None)  # nothing of safeguard's in HMA's interpreter
    return env


def prepare(
    src: Path, repo: Path, entries: int, cache: Path = CACHE
) -> tuple[Path, Path, dict[str, float]]:
    """Venv, database, schema and ``entries`` random PDQs indexed; (python, config, seconds
    each step took this run)."""
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    python = prepare_venv(src, cache)
    seconds["venv"] = time.perf_counter() - t0
    uri = ensure_database(start_postgres(repo), f"hma_bench_{entries}")
    config = cache / f"omm_config_{entries}.py"
    config.write_text(CONFIG.format(uri=uri))
    flask = [str(python), "-m", "flask", "--app", "OpenMediaMatch.app:create_app"]
    workdir = src / "src"
    log = cache / "setup.log"
    loaded = cache / f"loaded-{entries}"
    if not loaded.is_file():
        _log("schema (flask db upgrade)")
        _run(
            [
                *flask,
                "db",
                "upgrade",
                "--directory",
                str(workdir / "OpenMediaMatch" / "migrations"),
            ],
            log=log,
            cwd=workdir,
            env=_env(config, MIGRATION_COMMAND="1"),
        )
        _log(f"loading {entries:,} random PDQs (infinite_random exchange + flask fetch)")
        body = (
            f'{{"bank": "{BANK}", "api": "infinite_random", "api_json": '
            f'{{"total_item_limit": {entries}, "only_signal_types": ["pdq"], '
            '"new_items_per_fetch_iter": 5000}}'
        )
        t0 = time.perf_counter()
        try:
            _run([str(python), "-c", CREATE_EXCHANGE, body], log=log, cwd=workdir, env=_env(config))
        except HmaError:
            _log("exchange exists already (an interrupted load); fetching on")
        # One `flask fetch` stops after a few minutes ("Hit limit for one config fetch") and
        # the next resumes from its checkpoint: fetch until it says it is up to date.
        for _ in range(100):
            mark = log.stat().st_size
            _run([*flask, "fetch"], log=log, cwd=workdir, env=_env(config))
            with log.open("rb") as f:
                f.seek(mark)
                if b"Hit limit for one config fetch" not in f.read():
                    break
        seconds["fetch"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        _log("building the index (flask build_indices)")
        _run([*flask, "build_indices"], log=log, cwd=workdir, env=_env(config))
        seconds["build_indices"] = time.perf_counter() - t0
        loaded.write_text(str(entries))
    return python, config, seconds


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url + "/status", timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)
    except (urllib.error.URLError, OSError):
        return None


@contextmanager
def serve(
    src: Path,
    python: Path,
    config: Path,
    port: int,
    *,
    workers: int = 1,
    timeout: float = 900.0,
    log: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes], float]]:
    """gunicorn serving HMA on 127.0.0.1:``port``; yields (url, process, seconds to ready:
    ``/status`` 200, i.e. each worker's index cache holds the index)."""
    gunicorn = python.parent / "gunicorn"
    extra = {"LD_PRELOAD": str(JEMALLOC)} if JEMALLOC.is_file() else {}
    out = (log or CACHE / "gunicorn.log").open("wb")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            str(gunicorn),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "300",
            "OpenMediaMatch.app:create_app()",
        ],
        cwd=src / "src",
        env=_env(config, **extra),
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # With several workers /status lands on any one; ask a few times in a row.
        ok_in_a_row = 0
        while ok_in_a_row < 3 * workers:
            if proc.poll() is not None:
                raise HmaError(f"gunicorn exited ({proc.returncode}); see {out.name}")
            if time.perf_counter() - started > timeout:
                raise HmaError(f"HMA not ready after {timeout:.0f} s; see {out.name}")
            ok_in_a_row = ok_in_a_row + 1 if _status(url) == 200 else 0
            time.sleep(0.2 if ok_in_a_row else 1.0)
        yield url, proc, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.close()
