"""A worker's three digests are the same whether a buffer is digested on the task's own
thread (under ``worker._THREADED_FROM``) or on three threads (from it)."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from safeguard.triage import worker


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_digests_either_side_of_the_threading_size_are_hashlibs(delta: int) -> None:
    data = bytes(range(256)) * ((worker._THREADED_FROM + delta) // 256) + b"x" * (delta + 1)
    expected = (
        len(data),
        hashlib.md5(data).hexdigest(),
        hashlib.sha1(data).hexdigest(),
        hashlib.sha256(data).hexdigest(),
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        threaded = worker._digests(data, pool)
    alone = worker._digests(data, None)
    for got in (threaded, alone):
        assert (got.size, got.md5, got.sha1, got.sha256) == expected


class _CountingPool(ThreadPoolExecutor):
    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.submitted = 0

    def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        self.submitted += 1
        return super().submit(*args, **kwargs)


def test_a_picture_sized_buffer_stays_on_the_tasks_thread_and_a_chunk_does_not() -> None:
    with _CountingPool() as pool:
        worker._digests(b"p" * 400_000, pool)  # a camera JPEG's size
        assert pool.submitted == 0
        worker._digests(b"c" * (4 << 20), pool)  # a streamed file's chunk
        assert pool.submitted == 2
