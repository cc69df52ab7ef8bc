"""Memory of a run's process stays flat with the number of files: Dask's message logs do
not keep every task's arguments (a triage task's found files) alive."""

from __future__ import annotations

import gc
import weakref
from dataclasses import dataclass

from safeguard.scan.cluster import dask_client


@dataclass
class Marker:
    """Stands for a task's arguments (a batch of found files)."""

    payload: bytes


def _echo(marker: Marker) -> int:
    return len(marker.payload)


def test_finished_tasks_arguments_are_not_kept_by_the_cluster() -> None:
    tasks = 120
    # A weak proxy whose referent is gone, as Dask's or asyncio's can be when the count
    # runs: the count must step over it (isinstance() on it raises ReferenceError).
    dead = weakref.proxy(Marker(b""))
    with dask_client(1, None) as (client, _):
        for i in range(tasks):
            future = client.submit(_echo, Marker(bytes(1000 + i)), pure=False)
            assert future.result() == 1000 + i
            future.release()
        gc.collect()
        # type(), not isinstance(): gc.get_objects() may hold a weakref proxy whose
        # referent is gone, and isinstance() on it raises ReferenceError.
        alive = sum(1 for o in gc.get_objects() if type(o) is Marker)
    # Dask logs the last batches each connection sent (1,000 by default: every task here
    # would stay alive); a short log keeps only the last few.
    assert alive <= 40, alive
    assert type(dead) is not Marker
