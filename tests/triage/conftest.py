"""Fixtures of the triage tests: one small local Dask cluster for the module."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    from distributed import LocalCluster

    c = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        scheduler_kwargs={"allowed_failures": 0, "dashboard_address": "127.0.0.1:0"},
    )
    try:
        yield c.scheduler_address
    finally:
        c.close()
