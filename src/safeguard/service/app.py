"""The FastAPI app: ``create_app`` wires the routers, error handlers, body limits, metrics
and the worker runtime (database, matcher refresher, webhook deliverer).

``uvicorn --factory safeguard.service.app:create_app`` builds it from ``SAFEGUARD_*``
variables, which is how ``safeguard serve`` starts each worker.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from safeguard import __version__
from safeguard.service import console, errors, fastlane
from safeguard.service.api import (
    audit,
    banks,
    cases,
    chat,
    check,
    check_text,
    cybertip,
    exchange,
    hashing,
    health,
    index,
    keys,
    link,
    rules,
    streams,
    triage,
    webhooks,
)
from safeguard.service.auth import KeyCache
from safeguard.service.metrics import RequestMetrics
from safeguard.service.ratelimit import LocalRateLimiter, RateLimiter, SharedRateLimiter
from safeguard.service.runtime import Runtime
from safeguard.service.settings import ServiceSettings
from safeguard.service.uploads import MULTIPART_OVERHEAD, BodyLimit
from safeguard.store.db import Database

log = logging.getLogger(__name__)

#: Every router the service serves; other parts add theirs here (one line each).
ROUTERS = (
    health.router,
    hashing.router,
    check.router,
    check_text.router,
    banks.router,
    index.router,
    cases.router,
    audit.router,
    keys.router,
    rules.router,
    webhooks.router,
    streams.router,
    streams.console_router,
    chat.router,
    triage.router,
    link.router,
    exchange.router,
    cybertip.router,
    console.router,
)


def body_limit(settings: ServiceSettings) -> Callable[[str], int]:
    def limit_for(path: str) -> int:
        if path.startswith(("/v1/banks/", "/console/banks/")) and path.endswith("/import"):
            return settings.max_import_bytes
        if path in ("/v1/hash", "/v1/check", "/v1/link/query"):
            return max(settings.max_upload_bytes + 2 * MULTIPART_OVERHEAD, settings.max_json_bytes)
        return settings.max_json_bytes

    return limit_for


def rate_limiter(settings: ServiceSettings) -> RateLimiter:
    """One bucket per key for the whole host: shared through a file when there are several
    workers (``serve`` clears it at start), in the process otherwise."""
    if settings.workers > 1:
        try:
            return SharedRateLimiter(
                settings.data_dir / "ratelimit.bin", settings.rate_limit, settings.rate_burst
            )
        except OSError as e:
            log.warning("no shared rate-limit file (%s); each worker takes its share", e)
            share = settings.workers
            return LocalRateLimiter(settings.rate_limit / share, settings.rate_burst / share)
    return LocalRateLimiter(settings.rate_limit, settings.rate_burst)


def create_app(settings: ServiceSettings | None = None, *, db: Database | None = None) -> FastAPI:
    """The service. ``db``: an open database to use (tests); otherwise one is opened (and
    migrated) from ``settings.db_url``."""
    settings = settings or ServiceSettings.load()
    runtime = Runtime(settings, db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        runtime.start()
        try:
            yield
        finally:
            runtime.stop()

    app = FastAPI(
        # FastAPI's own OpenTelemetry hooks look up the global providers on every request
        # (measurable on a precomputed check); Safeguard's metrics are Prometheus's.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        title="Safeguard",
        version=__version__,
        description="Check content on upload against hash lists; banks, cases, audit.",
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.key_cache = KeyCache(settings.key_cache_seconds)
    app.state.rate_limiter = rate_limiter(settings)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    check_route = next(r for r in check.router.routes if getattr(r, "path", None) == fastlane.PATH)
    # The lane, for ``protocol.NoDelayHttpToolsProtocol`` (before the app) and for the
    # middleware (within it, under any other protocol).
    lane = fastlane.FastLane(app.state, frozenset(check.CHECK_ROLES), check_route)
    app.state.fast_lane = lane
    app.add_middleware(fastlane.FastCheck, lane=lane)
    app.add_middleware(BodyLimit, limit_for=body_limit(settings))
    app.add_middleware(RequestMetrics)
    return app
