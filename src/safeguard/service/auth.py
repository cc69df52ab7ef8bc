"""Who is calling: API keys (``Authorization: Bearer <key>``), roles, rate limits.

``require_role("matcher")`` is the dependency every endpoint declares: no or a malformed
header, or an unknown or revoked key, is 401; a key whose role is not listed is 403
(``admin`` may do everything); a key over its rate is 429 with ``Retry-After``.

Key lookups are cached per worker for ``key_cache_seconds`` (a revoked key stops working
within that). Rate limits are token buckets per key, shared by the workers of a host
(``safeguard.service.ratelimit``).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from safeguard.access import keys
from safeguard.access.keys import KeyInfo
from safeguard.access.roles import ROLES
from safeguard.service.errors import ApiError
from safeguard.service.ratelimit import RateLimiter

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
    wait = limiter.take(info.id, info.rate_limit)
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
