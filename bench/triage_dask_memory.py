"""How much the client's process (which hosts the scheduler of a local cluster) grows per
Dask task, with no triage code: a bare loop that submits trivial tasks the way
``triage.runner._run`` does (a window of 5 in flight, each future released when done).

Three ways, one after the other, each on a fresh cluster in a fresh process:

- ``random``: Dask's own keys (``f-<uuid>``), as triage submits them;
- ``counter``: keys ``f-<n>`` (a stable prefix, still one new key a task);
- ``cleared``: random keys, and ``dask.utils.key_split``'s cache emptied every 1,024 tasks,
  as the triage run does (``runner._forget_task_names``).

``key_split`` is an ``lru_cache`` of 100,000 entries used by the scheduler for every new
task: if it explains the growth, ``cleared`` grows less by the same amount a task.
Prints one JSON object (results: ``bench/results/triage-dask-memory.json``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from typing import Any

from bench.machine import rss

MiB = 1 << 20


def _task(x: int) -> list[int]:
    return [x]


def one(n: int, mode: str) -> dict[str, Any]:
    import distributed as dd
    from dask.utils import key_split

    cluster = dd.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = dd.Client(cluster, set_as_default=False)
    marks = sorted({n // 10, n})
    points: list[dict[str, Any]] = []
    submitted = 0
    completed = dd.as_completed(with_results=False, loop=client.loop)

    def submit() -> None:
        nonlocal submitted
        key = {"key": f"f-{submitted}"} if mode == "counter" else {}
        completed.add(client.submit(_task, submitted, pure=False, **key))
        submitted += 1

    for _ in range(5):
        submit()
    for done, future in enumerate(completed, 1):
        future.result()
        future.release()
        if mode == "cleared" and done % 1024 == 0:
            key_split.cache_clear()
        if done in marks:
            gc.collect()
            points.append({"tasks": done, "rss_mb": round(rss() / MiB, 2)})
        if submitted < n:
            submit()
        if done == n:
            break
    client.close()
    cluster.close()
    grew = (points[-1]["rss_mb"] - points[0]["rss_mb"]) * MiB
    per_task = grew / (points[-1]["tasks"] - points[0]["tasks"])
    return {"mode": mode, "points": points, "bytes_per_task": round(per_task)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.tasks, args.one)))
        return
    runs = []
    for mode in ("random", "counter", "cleared"):
        command = [sys.executable, "-m", "bench.triage_dask_memory", "--tasks", str(args.tasks)]
        out = subprocess.run(
            [*command, "--one", mode],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    print(
        json.dumps(
            {
                "benchmark": "triage-dask-memory",
                "tasks": args.tasks,
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "runs": runs,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
