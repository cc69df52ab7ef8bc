"""Where the heavy steps run: in this process, or on a Dask cluster like ``safeguard scan``.

A ``TaskRunner`` maps a picklable top-level function over a list of arguments and yields
results as they finish (any order). Extraction and verification go through it; the
shortlist and the store stay in the calling process.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from safeguard.errors import Busy
from safeguard.scan.cluster import dask_client

A = TypeVar("A")
R = TypeVar("R")


class ClusterUnavailable(Busy):
    code = "cluster_unavailable"


class TaskRunner(Protocol):
    workers: int

    def map(self, fn: Callable[[A], R], args: Sequence[A]) -> Iterator[R]: ...


class LocalRunner:
    """Runs every task here, in order: tests, queries, one-core machines."""

    workers = 1

    def map(self, fn: Callable[[A], R], args: Sequence[A]) -> Iterator[R]:
        for a in args:
            yield fn(a)


class DaskRunner:
    """Runs tasks on a Dask client, at most ``4 * workers`` in flight."""

    def __init__(self, client: Any, workers: int) -> None:
        self.client = client
        self.workers = workers

    def map(self, fn: Callable[[A], R], args: Sequence[A]) -> Iterator[R]:
        dd = importlib.import_module("distributed")
        pending = list(reversed(args))
        if not pending:
            return
        first = [
            self.client.submit(fn, pending.pop(), pure=False)
            for _ in range(min(len(pending), 4 * self.workers))
        ]
        window = dd.as_completed(first, loop=self.client.loop)
        for future in window:
            result: R = future.result()
            future.release()
            if pending:
                window.add(self.client.submit(fn, pending.pop(), pure=False))
            yield result


@contextmanager
def dask_runner(workers: int | None = None, scheduler: str | None = None) -> Iterator[DaskRunner]:
    """A local cluster of ``workers`` processes (default: all cores), or a running
    scheduler's workers (they must see the same paths)."""
    with dask_client(workers, scheduler, error=ClusterUnavailable, retries=True) as (client, n):
        yield DaskRunner(client, n)
