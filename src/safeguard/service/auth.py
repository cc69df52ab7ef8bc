"""Who is calling: API keys (``Authorization: Bearer <key>``), roles, rate limits.

``require_role("matcher")`` is the dependency every endpoint declares: no or a malformed
header, or an unknown or revoked key, is 401; a key whose role is not listed is 403
(``admin`` may do everything); a key over its rate is 429 with ``Retry-After``.

Key lookups are cached per worker for ``key_cache_seconds`` (a revoked key stops working
within that). Rate limits are token buckets per key and per worker: each of N workers
allows ``rate / N`` requests a second (burst ``burst / N``), so the deployment as a whole
allows about ``rate``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from safeguard import keys
from safeguard.keys import KeyInfo
from safeguard.service.errors import ApiError

ROLES = keys.ROLES
bearer = HTTPBearer(auto_error=False, description="An API key: safeguard keys create")


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: ``name`` is what the audit log records as the actor."""

    name: str
    role: str
    key_id: int
    key_name: str

    @classmethod
    def of(cls, info: KeyInfo) -> Principal:
        return cls(f"key:{info.prefix}", info.role, info.id, info.name)


class KeyCache:
    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._items: dict[str, tuple[float, KeyInfo | None]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, KeyInfo | None]:
        with self._lock:
            hit = self._items.get(key)
        if hit is None or time.monotonic() - hit[0] > self.ttl:
            return False, None
        return True, hit[1]

    def put(self, key: str, info: KeyInfo | None) -> None:
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()
            self._items[key] = (time.monotonic(), info)


class RateLimiter:
    """Token buckets per key; ``take`` returns 0 when allowed, else seconds to wait."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, who: str, rate: float | None = None) -> float:
        r = rate if rate is not None else self.rate
        burst = max(1.0, self.burst if rate is None else max(rate, 1.0))
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(who, (burst, now))
            tokens = min(burst, tokens + (now - last) * r)
            if tokens >= 1.0:
                self._buckets[who] = (tokens - 1.0, now)
                return 0.0
            self._buckets[who] = (tokens, now)
            return (1.0 - tokens) / r if r > 0 else 3600.0


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message)


def authenticate(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    """The caller's principal, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise _unauthorized("an API key is required: Authorization: Bearer <key>")
    from safeguard.service.deps import runtime_of  # deps imports this module

    runtime = runtime_of(request)
    key = credentials.credentials
    cache: KeyCache = request.app.state.key_cache
    hit, info = cache.get(key)
    if not hit:
        with runtime.db.session() as s:
            info = keys.authenticate(s, key)
        cache.put(key, info)
    if info is None:
        raise _unauthorized("unknown or revoked API key")
    principal = Principal.of(info)
    request.state.principal = principal
    limiter: RateLimiter = request.app.state.rate_limiter
    workers = max(1, runtime.settings.workers)
    per_key = None if info.rate_limit is None else info.rate_limit / workers
    wait = limiter.take(principal.name, per_key)
    if wait > 0:
        raise ApiError(
            429,
            "rate_limited",
            f"too many requests for this key; retry in {wait:.1f} s",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )
    return principal


def require_role(*roles: str) -> Callable[..., Principal]:
    """A dependency admitting keys with one of ``roles`` (and ``admin`` always)."""
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    allowed = frozenset(roles) | {"admin"}

    def dependency(
        request: Request,
        credentials: HTTPAuthorizationCredentials | None = Depends(bearer),  # noqa: B008
    ) -> Principal:
        principal = authenticate(request, credentials)
        if principal.role not in allowed:
            raise ApiError(
                403,
                "forbidden",
                f"a {principal.role} key may not do this (needs {' or '.join(sorted(allowed))})",
            )
        return principal

    dependency.__name__ = f"require_{'_'.join(sorted(allowed))}"
    return dependency
