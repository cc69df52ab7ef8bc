"""Shared fixtures: where the project's benign test vectors live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
