"""Hashing many files on all cores: the library function behind ``safeguard hash``.

Work goes to a process pool (PDQ and decoding hold the GIL for much of their time) with a
bounded number of files in flight, so millions of paths never sit in the pool's queue.
Results come back as they finish; a failed file is a record with ``error`` set, and a
worker that dies takes down only the file it was on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from safeguard.signals.files import WalkError, iter_files
from safeguard.signals.media import FileHashes, HashOptions, hash_file


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def _from_walk_error(err: WalkError) -> FileHashes:
    return FileHashes(path=err.path).fail(err.code, err.message)


def collect_files(paths: Iterable[str | Path]) -> list[Path | FileHashes]:
    """Expand folders; walk errors become failed records in place."""
    return [
        item if isinstance(item, Path) else _from_walk_error(item) for item in iter_files(paths)
    ]


def _hash_one(path: str, options: HashOptions) -> FileHashes:
    return hash_file(path, options)


def hash_paths(
    items: Iterable[Path | FileHashes],
    options: HashOptions,
    *,
    workers: int | None = None,
    on_result: Callable[[FileHashes], None] | None = None,
) -> Iterator[FileHashes]:
    """Hash every file in ``items`` (records already failed pass straight through)."""
    n = workers or default_workers()
    if n <= 1:
        for item in items:
            result = item if isinstance(item, FileHashes) else hash_file(item, options)
            yield _report(result, on_result)
        return
    pending: Iterator[Path | FileHashes] = iter(items)
    suspects: list[str] = []
    while True:
        # forkserver: workers start from a clean process, not a fork of one that runs
        # threads (the progress bar) or holds locks.
        pool = ProcessPoolExecutor(max_workers=n, mp_context=mp.get_context("forkserver"))
        in_flight: dict[Future[FileHashes], str] = {}
        try:
            # Files that were in flight when a worker died run one at a time, so the one
            # that kills a worker is found and reported, and the others still get hashed.
            while suspects:
                path = suspects[0]
                result = _result_of(pool.submit(_hash_one, path, options), path)
                suspects.pop(0)
                yield _report(result, on_result)
            for result in _drive(pool, pending, in_flight, options, 4 * n):
                yield _report(result, on_result)
            return
        except BrokenProcessPool:
            if in_flight:
                suspects = sorted(in_flight.values())
            else:
                culprit = suspects.pop(0)
                yield _report(
                    FileHashes(path=culprit).fail(
                        "worker_crashed", "the hashing process died on this file"
                    ),
                    on_result,
                )
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _report(result: FileHashes, on_result: Callable[[FileHashes], None] | None) -> FileHashes:
    if on_result:
        on_result(result)
    return result


def _drive(
    pool: ProcessPoolExecutor,
    pending: Iterator[Path | FileHashes],
    in_flight: dict[Future[FileHashes], str],
    options: HashOptions,
    window: int,
) -> Iterator[FileHashes]:
    exhausted = False
    while True:
        while not exhausted and len(in_flight) < window:
            item = next(pending, None)
            if item is None:
                exhausted = True
            elif isinstance(item, FileHashes):
                yield item
            else:
                in_flight[pool.submit(_hash_one, str(item), options)] = str(item)
        if not in_flight:
            return
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            path = in_flight[future]
            result = _result_of(future, path)
            del in_flight[future]
            yield result


def _result_of(future: Future[FileHashes], path: str) -> FileHashes:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as e:  # noqa: BLE001 - a bug on one file must not stop the batch
        return FileHashes(path=path).fail("internal_error", f"internal error: {e!r}")
