"""Rate limits per API key: token buckets, ``take`` answers 0 (go) or the seconds to wait.

``LocalRateLimiter`` keeps the buckets in the process (one worker). ``SharedRateLimiter``
keeps them in a small memory-mapped file in the data dir that every worker on the host maps,
one fixed slot per key id, each update under a byte-range lock on its slot (and a thread
lock, since record locks do not exclude threads of one process). So a client is limited
to the key's rate however its connections land on the workers; with per-worker buckets a
client holding one keep-alive connection would get only 1/N of it.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import struct
import threading
import time
from pathlib import Path
from typing import Protocol

_SLOT = struct.Struct("<qdd")  # key id, tokens, last refill (CLOCK_MONOTONIC seconds)


class RateLimiter(Protocol):
    def take(self, key_id: int, rate: float | None = None) -> float: ...


def _refill(
    tokens: float, last: float, now: float, rate: float, burst: float
) -> tuple[float, float]:
    """(tokens after this request or unchanged, seconds to wait: 0 means allowed)."""
    elapsed = max(0.0, now - last)
    tokens = min(burst, tokens + elapsed * rate)
    if tokens >= 1.0:
        return tokens - 1.0, 0.0
    return tokens, (1.0 - tokens) / rate if rate > 0 else 3600.0


class LocalRateLimiter:
    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = max(1.0, burst)
        self._buckets: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: int, rate: float | None = None) -> float:
        r = rate if rate is not None else self.rate
        burst = self.burst if rate is None else max(rate, 1.0)
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (burst, now))
            tokens, wait = _refill(tokens, last, now, r, burst)
            self._buckets[key_id] = (tokens, now)
        return wait


class SharedRateLimiter:
    def __init__(self, path: Path, rate: float, burst: float, slots: int = 65_536) -> None:
        self.rate = rate
        self.burst = max(1.0, burst)
        self.slots = slots
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        size = slots * _SLOT.size
        if os.fstat(self._fd).st_size < size:
            os.ftruncate(self._fd, size)
        self._map = mmap.mmap(self._fd, size)
        self._lock = threading.Lock()

    def take(self, key_id: int, rate: float | None = None) -> float:
        r = rate if rate is not None else self.rate
        burst = self.burst if rate is None else max(rate, 1.0)
        offset = (key_id % self.slots) * _SLOT.size
        with self._lock:
            fcntl.lockf(self._fd, fcntl.LOCK_EX, _SLOT.size, offset)
            try:
                now = time.monotonic()
                owner, tokens, last = _SLOT.unpack_from(self._map, offset)
                if owner != key_id or last > now:  # a new key here, or a stale file
                    tokens, last = burst, now
                tokens, wait = _refill(tokens, last, now, r, burst)
                _SLOT.pack_into(self._map, offset, key_id, tokens, now)
            finally:
                fcntl.lockf(self._fd, fcntl.LOCK_UN, _SLOT.size, offset)
        return wait

    def close(self) -> None:
        self._map.close()
        os.close(self._fd)
