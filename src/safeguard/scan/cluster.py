"""The Dask cluster every bulk job runs on: a local cluster of worker processes (one thread
each), or a running scheduler's workers. ``scan``, ``triage`` and ``link`` all take their
client from here, so a setting that matters for speed is set once.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from safeguard.errors import SafeguardError
from safeguard.signals.hashing import default_workers

CONNECT_TIMEOUT = 30.0
#: PDQ's matrix products are small; BLAS threads would only fight the worker processes.
WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
_LOCAL_CONFIG = {
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_ in every worker by default. Setting it at all
    # turns off glibc's dynamic mmap threshold, so each decoded picture's buffer is mmapped
    # and page-faulted afresh: 1920x1080 JPEGs hashed 2.4x slower (117 -> 48 files/s).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
#: Dask keeps the last ``low-level-log-length`` batches of messages each connection sent,
#: for debugging: 1,000 by default. Every task's arguments stay alive in them (a triage
#: task's 128 found files), in the process that hosts the client and a local scheduler:
#: the triage run grew ~430 bytes a file until ~2,000 tasks were logged
#: (docs/benchmarks.md). A short log keeps the debugging aid and bounds the memory.
_MESSAGE_LOG = {"distributed.admin.low-level-log-length": 16}


class ClusterUnavailable(SafeguardError):
    """The Dask cluster cannot be had: no scheduler there, no workers, or a bad request."""

    code = "cluster_unavailable"


def distributed() -> Any:
    # Imported on use: distributed takes a second to import and only bulk jobs need it.
    # Typed as Any because its API is mostly unannotated (strict mypy would flag every call).
    return importlib.import_module("distributed")


@contextmanager
def dask_client(
    workers: int | None,
    scheduler: str | None,
    *,
    error: type[SafeguardError] = ClusterUnavailable,
    retries: bool = False,
) -> Iterator[tuple[Any, int]]:
    """A client and how many tasks it runs at once. ``error`` is the caller's own failure
    type, so a job reports cluster problems in its own words; ``retries`` lets Dask rerun a
    task whose worker died (scans re-run suspects themselves, alone, so they say no)."""
    dd = distributed()
    if scheduler is not None:
        if workers is not None:
            raise error("--workers sizes a local cluster; it cannot be used with a scheduler")
        try:
            with importlib.import_module("dask.config").set(_MESSAGE_LOG):
                client = dd.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise error(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        try:
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                raise error(
                    f"the Dask scheduler at {scheduler} has no workers "
                    f"(waited {CONNECT_TIMEOUT:.0f} s)"
                ) from None
            yield client, max(1, sum(client.nthreads().values()))
        finally:
            client.close()
        return
    n = workers or default_workers()
    scheduler_kwargs: dict[str, Any] = {
        # Its health/metrics endpoint on a free loopback port, not on :8787.
        "dashboard_address": "127.0.0.1:0",
    }
    if not retries:
        scheduler_kwargs["allowed_failures"] = 0
    with importlib.import_module("dask.config").set({**_LOCAL_CONFIG, **_MESSAGE_LOG}):
        cluster = dd.LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            scheduler_kwargs=scheduler_kwargs,
            env=WORKER_ENV,
        )
    try:
        with importlib.import_module("dask.config").set(_MESSAGE_LOG):
            client = dd.Client(cluster, set_as_default=False)
        try:
            yield client, n
        finally:
            client.close()
    finally:
        cluster.close()
