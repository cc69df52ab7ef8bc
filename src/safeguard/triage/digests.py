"""MD5, SHA-1 and SHA-256 of a stream of chunks, on two threads beside the reader.

hashlib releases the GIL while it hashes a buffer of more than 2 KiB, so digests on other
threads run on other cores while the caller reads the next chunk. MD5 has no CPU
instruction and costs about as much as SHA-1 and SHA-256 together where the CPU has SHA-NI
(measured in docs/benchmarks.md), so it gets a thread of its own and SHA-1 with SHA-256
the other: the three digests of a chunk take the time of MD5 alone.

Chunks are ``bytes`` (immutable), so both threads read the caller's buffer: no copy. At
most ``depth`` chunks wait per thread, so memory stays bounded (``depth`` x chunk size).
"""

from __future__ import annotations

import hashlib
import queue
import threading
from types import TracebackType
from typing import Any

from safeguard.signals.crypto import CryptoDigests

#: Below this, handing a chunk to a thread costs more than hashing it here.
SMALL = 256 * 1024


class _Lane(threading.Thread):
    """One thread feeding its digests every chunk put on its queue, in order."""

    def __init__(self, digests: tuple[Any, ...], depth: int) -> None:
        super().__init__(name="triage-digest", daemon=True)
        self.digests = digests
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)

    def run(self) -> None:
        while (chunk := self.chunks.get()) is not None:
            for d in self.digests:
                d.update(chunk)


class StreamDigests:
    """``update`` with each chunk, then ``result()``; use as a context manager so the
    threads end even when reading fails. Small inputs, and every input without
    ``threads``, are hashed on the caller's thread."""

    def __init__(self, depth: int = 2, *, threads: bool = True) -> None:
        self.md5, self.sha1, self.sha256 = hashlib.md5(), hashlib.sha1(), hashlib.sha256()
        self.size = 0
        self._depth = depth
        self._lanes: list[_Lane] = []
        self._threads = threads

    def update(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if not self._lanes and (len(chunk) < SMALL or not self._threads):
            for d in (self.md5, self.sha1, self.sha256):
                d.update(chunk)
            return
        if not self._lanes:
            self._lanes = [
                _Lane((self.md5,), self._depth),
                _Lane((self.sha1, self.sha256), self._depth),
            ]
            for lane in self._lanes:
                lane.start()
        for lane in self._lanes:
            lane.chunks.put(chunk)

    def _join(self) -> None:
        for lane in self._lanes:
            lane.chunks.put(None)
        for lane in self._lanes:
            lane.join()
        self._lanes = []

    def result(self) -> CryptoDigests:
        self._join()
        return CryptoDigests(
            self.size, self.md5.hexdigest(), self.sha1.hexdigest(), self.sha256.hexdigest()
        )

    def __enter__(self) -> StreamDigests:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._join()
