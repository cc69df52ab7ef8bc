"""Rate limits per API key: token buckets, ``take`` answers 0 (go) or the seconds to wait.

``LocalRateLimiter`` keeps the buckets in the process (one worker). ``SharedRateLimiter``
keeps them in a small memory-mapped file in the data dir that every worker on the host maps,
one fixed slot per key id, each update under a byte-range lock on its slot (and a thread
lock, since record locks do not exclude threads of one process). So a client is limited
to the key's rate however its connections land on the workers; with per-worker buckets a
client holding one keep-alive connection would get only 1/N of it.

A worker does not lock the file for every request of a busy key: when a key's rate is high
enough that ``LEASE_SECONDS`` of it is more than one token, a worker takes up to that many
tokens from the shared bucket at once and spends them locally for at most ``LEASE_SECONDS``;
what it has not spent then goes back to the bucket the next time it refills its lease.
Every token spent was taken from the shared bucket, so a key never gets more than its rate
and burst over all workers; the only difference is that one worker may be refused while
another holds up to ``LEASE_SECONDS`` of the key's rate (a 429 up to that early). Keys of
under ``1 / LEASE_SECONDS`` requests a second take one token at a time, as before.
"""

from __future__ import annotations

import fcntl
import mmap
import os
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

_SLOT = struct.Struct("<qdd")  # key id, tokens, last refill (CLOCK_MONOTONIC seconds)

#: The longest a worker holds tokens taken ahead from the shared bucket (and so the most of
#: a key's rate, in seconds, that one worker can hold while another is refused).
LEASE_SECONDS = 0.01


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
    def __init__(
        self,
        path: Path,
        rate: float,
        burst: float,
        slots: int = 65_536,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = max(1.0, burst)
        self.slots = slots
        self._clock = clock
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        size = slots * _SLOT.size
        if os.fstat(self._fd).st_size < size:
            os.ftruncate(self._fd, size)
        self._map = mmap.mmap(self._fd, size)
        self._lock = threading.Lock()
        #: Per key: (tokens this worker holds, when they go back, the rate they were taken at).
        self._leases: dict[int, tuple[float, float, float]] = {}

    def take(self, key_id: int, rate: float | None = None) -> float:
        r = rate if rate is not None else self.rate
        burst = self.burst if rate is None else max(rate, 1.0)
        with self._lock:
            now = self._clock()
            lease = self._leases.get(key_id)
            if lease is not None:
                held, until, leased_at = lease
                if held >= 1.0 and now < until and leased_at == r:
                    self._leases[key_id] = (held - 1.0, until, r)
                    return 0.0
                del self._leases[key_id]
            else:
                held = 0.0
            return self._take_shared(key_id, r, burst, held, now)

    def _take_shared(self, key_id: int, r: float, burst: float, held: float, now: float) -> float:
        """One token from the key's shared slot (and, for a fast key, a lease of more),
        handing back the ``held`` tokens of an old lease; under ``_lock``."""
        offset = (key_id % self.slots) * _SLOT.size
        fcntl.lockf(self._fd, fcntl.LOCK_EX, _SLOT.size, offset)
        try:
            owner, tokens, last = _SLOT.unpack_from(self._map, offset)
            if owner != key_id or last > now:  # a new key here, or a stale file
                tokens, last = burst, now
            elif held > 0.0:
                tokens = min(burst, tokens + held)
            tokens, wait = _refill(tokens, last, now, r, burst)
            extra = min(tokens, r * LEASE_SECONDS - 1.0) if wait == 0.0 else 0.0
            if extra > 0.0:
                tokens -= extra
                self._leases[key_id] = (extra, now + LEASE_SECONDS, r)
            _SLOT.pack_into(self._map, offset, key_id, tokens, now)
        finally:
            fcntl.lockf(self._fd, fcntl.LOCK_UN, _SLOT.size, offset)
        return wait

    def close(self) -> None:
        self._map.close()
        os.close(self._fd)
