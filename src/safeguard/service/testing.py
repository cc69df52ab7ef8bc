"""The real service on a free loopback port, in this process (a uvicorn thread) or as
``safeguard serve`` in a child process: for tests and benchmarks that talk HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from safeguard.service.app import create_app
from safeguard.service.protocol import NoDelayProtocol
from safeguard.service.settings import ServiceSettings
from safeguard.store.db import Database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_ready(url: str, timeout: float = 60.0, path: str = "/readyz") -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + path, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError) as e:
            last = e
        time.sleep(0.1)
    raise TimeoutError(f"{url} not ready after {timeout} s ({last})")


class LiveServer:
    """``create_app`` served by uvicorn on a thread; ``url`` once started."""

    def __init__(self, settings: ServiceSettings, db: Database | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app: FastAPI = create_app(settings, db=db)
        # The HTTP protocol ``safeguard serve`` uses (TCP_NODELAY, arrival stamps).
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            http=NoDelayProtocol,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="live-server", daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the service did not start")
            time.sleep(0.02)
        wait_until_ready(self.url)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@contextmanager
def live_server(settings: ServiceSettings, db: Database | None = None) -> Iterator[LiveServer]:
    server = LiveServer(settings, db).start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def serve_process(
    data_dir: Path,
    db_url: str,
    *,
    workers: int = 2,
    env: dict[str, str] | None = None,
    log: Path | None = None,
    timeout: float = 120.0,
) -> Iterator[str]:
    """``safeguard serve`` in a child process; yields its base URL."""
    port = free_port()
    full_env = {**os.environ, **(env or {})}
    out = log.open("wb") if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "safeguard.cli",
            "--data-dir",
            str(data_dir),
            "--db",
            db_url,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=full_env,
        stdout=out,
        stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, timeout)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log is not None and not isinstance(out, int):
            out.close()


def settings_for_tests(data_dir: Path, db_url: str, **overrides: object) -> ServiceSettings:
    """Settings for a server in a test: one worker, quick refreshes, no key cache (a revoked
    key fails at once), a generous rate limit, background delivery off (tests drive it),
    evidence on with a fresh key."""
    from safeguard.review.evidence import EvidenceSettings, generate_key

    defaults: dict[str, object] = {
        "workers": 1,
        "refresh_seconds": 0.1,
        "key_cache_seconds": 0.0,
        "rate_limit": 10_000.0,
        "rate_burst": 10_000.0,
        "run_deliverer": False,
        "run_exchange_sync": False,
        "freeze_gc": False,
        "evidence": EvidenceSettings(enabled=True, key=generate_key()),
    }
    return ServiceSettings.load(data_dir, db_url, **{**defaults, **overrides})


def database_url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


_CREATED_PG_DATABASES: list[str] = []


def drop_created_test_databases() -> int:
    """Drop every PostgreSQL database :func:`open_test_database` created in this process
    (connections still open are closed by the server). Returns how many were dropped.

    Without this each test run leaves its databases behind; after a few thousand runs the
    cluster holds tens of gigabytes and takes minutes to recover after an unclean stop."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    url = os.environ.get("SAFEGUARD_TEST_PG_URL")
    if not url or not _CREATED_PG_DATABASES:
        return 0
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    dropped = 0
    try:
        with admin.connect() as c:
            while _CREATED_PG_DATABASES:
                name = _CREATED_PG_DATABASES.pop()
                if _drop_database(c, name):
                    dropped += 1
    finally:
        admin.dispose()
    return dropped


def _drop_database(connection: Any, name: str) -> bool:
    """Drop one test database; False (and a line on stderr) when it cannot be, so one
    database never keeps the rest from being dropped.

    ``WITH (FORCE)`` ends the connections the tests left open, but a role without
    ``pg_signal_backend`` may not end an autovacuum worker that happens to be in the
    database (PostgreSQL 15: "must be a member of the role whose process is being
    terminated"). Autovacuum moves on within moments, so the drop is tried again after a
    second, a few times, and last without ``FORCE`` (which asks autovacuum to leave and
    waits for it)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    statements = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'] * 4
    statements.append(f'DROP DATABASE IF EXISTS "{name}"')
    last = ""
    for attempt, statement in enumerate(statements):
        if attempt:
            time.sleep(1.0)
        try:
            connection.execute(text(statement))
            return True
        except DBAPIError as e:
            last = str(e.orig).splitlines()[0] if e.orig else str(e)
    print(f"could not drop test database {name}: {last}", file=sys.stderr)
    return False


def open_test_database(kind: str, folder: Path) -> Database | None:
    """A fresh, migrated database: SQLite in ``folder``, or a new database on the
    PostgreSQL server at ``$SAFEGUARD_TEST_PG_URL`` (None when that is not set)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from safeguard.store.db import open_database

    if kind == "sqlite":
        return open_database(f"sqlite:///{folder / 'service.db'}")
    url = os.environ.get("SAFEGUARD_TEST_PG_URL")
    if not url:
        return None
    name = f"sg_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        make_url(url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    _CREATED_PG_DATABASES.append(name)
    target = make_url(url).set(drivername="postgresql+psycopg", database=name)
    return open_database(target.render_as_string(hide_password=False))
