"""Fixtures of the service tests (the shared ones, ``db`` and ``live_service``, are in
``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import argon2
import pytest

from safeguard.access import users


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
