"""Shared fixtures: where the project's benign test vectors live, a fresh database on
SQLite and PostgreSQL, and a live service."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import argon2
import httpx
import pytest

from safeguard.access import keys, users
from safeguard.service.testing import (
    LiveServer,
    database_url,
    drop_created_test_databases,
    open_test_database,
    settings_for_tests,
)
from safeguard.store.db import Database, open_database

REPO = Path(__file__).resolve().parents[1]


def shared_testdata() -> Path:
    """``../shared/testdata`` beside the checkout (as in CI), or $SAFEGUARD_SHARED_TESTDATA."""
    env = os.environ.get("SAFEGUARD_SHARED_TESTDATA")
    return Path(env) if env else REPO.parent / "shared" / "testdata"


@pytest.fixture(scope="session")
def testdata() -> Path:
    path = shared_testdata()
    if not path.is_dir():
        pytest.fail(f"test vectors not found at {path}; set SAFEGUARD_SHARED_TESTDATA")
    return path


@pytest.fixture(scope="session", autouse=True)
def _drop_postgres_test_databases() -> Iterator[None]:
    """Each PostgreSQL test database is dropped when the session ends, so repeated runs do
    not fill the cluster."""
    yield
    drop_created_test_databases()


def _postgres_url() -> str | None:
    return os.environ.get("SAFEGUARD_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database: SQLite in a temp dir, and PostgreSQL when
    $SAFEGUARD_TEST_PG_URL points at a server (CI starts one; it is required there)."""
    if request.param == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'test.db'}")
    else:
        url = _postgres_url()
        if not url:
            if os.environ.get("CI"):
                pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
            pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
        fresh = open_test_database("postgresql", tmp_path)
        assert fresh is not None
        database = fresh
    try:
        yield database
    finally:
        database.dispose()


@dataclass
class Served:
    """A real service (uvicorn on loopback) on a fresh database, with an API key per role
    asked for (``keys[role]``)."""

    server: LiveServer
    db: Database
    keys: dict[str, str]

    def client(self, role: str = "admin") -> httpx.Client:
        return httpx.Client(
            base_url=self.server.url,
            headers={"Authorization": f"Bearer {self.keys[role]}"},
            timeout=60,
        )


@contextmanager
def live_service(
    backend: str, tmp: Path, roles: tuple[str, ...] = ("admin",), **settings: object
) -> Iterator[Served]:
    """The one live-server fixture body of the service tests: SQLite, or PostgreSQL when
    $SAFEGUARD_TEST_PG_URL is set (required in CI)."""
    database = open_test_database(backend, tmp)
    if database is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    server = LiveServer(settings_for_tests(tmp, database_url(database), **settings), database)
    server.start()
    made: dict[str, str] = {}
    with database.session() as s:
        for role in roles:
            made[role] = keys.create_key(s, role=role, name=f"{role} key", actor="test")[1]
    try:
        yield Served(server, database, made)
    finally:
        server.stop()
        database.dispose()


@pytest.fixture(scope="module")
def cheap_argon2() -> Iterator[None]:
    """Real argon2id with the smallest parameters while a module's tests run (their servers
    run in the test process): the service's own (64 MiB, 3 passes) costs ~0.4 s a hash on a
    shared machine, and these tests hash dozens of times. ``test_console_users`` checks the
    service's own parameters."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            users, "_hasher", argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        yield
