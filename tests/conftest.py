"""Shared fixtures: where the project's benign test vectors live."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from safeguard.service.testing import open_test_database
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
