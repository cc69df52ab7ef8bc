"""The shared rate limiter: a key's rate and burst hold over all the workers of a host, also
when a worker takes tokens ahead for a fast key (``ratelimit.LEASE_SECONDS``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safeguard.service.ratelimit import LEASE_SECONDS, SharedRateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def workers(tmp_path: Path, clock: Clock) -> Iterator[tuple[SharedRateLimiter, SharedRateLimiter]]:
    """Two workers' limiters on one file (default rate 1000/s, burst 50)."""
    path = tmp_path / "ratelimit.bin"
    a = SharedRateLimiter(path, rate=1000.0, burst=50.0, clock=clock)
    b = SharedRateLimiter(path, rate=1000.0, burst=50.0, clock=clock)
    yield a, b
    a.close()
    b.close()


def _allowed(limiter: SharedRateLimiter, n: int, rate: float | None = None) -> int:
    return sum(limiter.take(7, rate) == 0.0 for _ in range(n))


def test_a_slow_key_gets_its_burst_over_both_workers_then_waits(
    workers: tuple[SharedRateLimiter, SharedRateLimiter],
) -> None:
    a, b = workers
    # 2 a second: under one token a lease, so every request takes from the shared slot.
    answers = [(a if i % 2 else b).take(7, 2.0) for i in range(6)]
    assert answers[:2] == [0.0, 0.0]
    assert answers[2:] == [pytest.approx(0.5)] * 4


def test_a_fast_key_never_gets_more_than_its_burst_over_both_workers(
    workers: tuple[SharedRateLimiter, SharedRateLimiter],
) -> None:
    a, b = workers
    # The clock stands still: no refill, so exactly the burst may be spent, however the
    # requests alternate between the workers and their leases.
    allowed = sum(_allowed(w, 1) for _ in range(100) for w in (a, b))
    assert allowed == 50


def test_a_fast_key_is_refused_with_the_time_to_its_next_token(
    workers: tuple[SharedRateLimiter, SharedRateLimiter], clock: Clock
) -> None:
    a, _b = workers
    assert _allowed(a, 60) == 50  # the burst, partly through leases
    wait = a.take(7)
    assert wait == pytest.approx(1 / 1000)
    clock.now += 2 * wait
    assert a.take(7) == 0.0


def test_over_time_both_workers_together_get_the_rate(
    workers: tuple[SharedRateLimiter, SharedRateLimiter], clock: Clock
) -> None:
    a, b = workers
    allowed = 0
    for _ in range(400):  # 400 steps of 1 ms, each worker asking 3 times a step
        clock.now += 0.001
        allowed += _allowed(a, 3) + _allowed(b, 3)
    # 50 of burst and 1000/s for 0.4 s; leases may keep back at most one lease a worker.
    assert allowed <= 50 + 400
    assert allowed >= 50 + 400 - 2 * 1000 * LEASE_SECONDS


def test_tokens_a_worker_held_and_did_not_spend_go_back_to_the_shared_bucket(
    workers: tuple[SharedRateLimiter, SharedRateLimiter], clock: Clock
) -> None:
    a, b = workers
    assert a.take(7) == 0.0  # a now holds a lease of 9 tokens
    assert _allowed(b, 100) == 40  # b gets the rest of the burst; a's 9 are not b's
    clock.now += 1.05 * LEASE_SECONDS  # a's lease runs out; 10.5 tokens refill
    assert _allowed(a, 100) == 9 + 10  # its unspent 9 came back, with the refill


def test_a_lease_taken_at_another_rate_is_not_spent_at_this_one(
    workers: tuple[SharedRateLimiter, SharedRateLimiter],
) -> None:
    a, _b = workers
    assert a.take(7, 1000.0) == 0.0  # a lease of 9 at 1000/s (burst 1000)
    # The key's rate is now 1/s (burst 1): the 9 held go back to the bucket, capped at
    # the new burst; one request goes, the next waits a second.
    assert a.take(7, 1.0) == 0.0
    assert a.take(7, 1.0) == pytest.approx(1.0)
