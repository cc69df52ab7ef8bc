"""Prometheus metrics: requests by route and status, latency, check actions, index size.

With several workers, ``safeguard serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` before they
start; each worker then writes its samples there and ``/metrics`` sums them (prometheus
client's multiprocess mode). With one process the default registry is served as is.
"""

from __future__ import annotations

import os
import time
from functools import cache
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client import values as _values
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_pid = os.getpid()


def _refresh_pid() -> None:
    global _pid
    _pid = os.getpid()


def process_id() -> int:
    """This process's id, read once and again after a fork (not a system call each time)."""
    return _pid


os.register_at_fork(after_in_child=_refresh_pid)
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    # prometheus-client's multiprocess values ask ``os.getpid()`` on every update to notice
    # a fork: four system calls a request. The same check against a pid kept up to date at
    # fork. This runs before any metric value exists (they are all labelled children, made
    # on first use), so every value of this process is of this one class, writing one file.
    _values.ValueClass = _values.MultiProcessValue(process_identifier=process_id)  # type: ignore[no-untyped-call]

REQUESTS = Counter(
    "safeguard_http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
LATENCY = Histogram(
    "safeguard_http_request_seconds",
    "Time to answer an HTTP request",
    ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
CHECKS = Counter("safeguard_check_actions_total", "Actions decided by /v1/check", ["action"])
INDEX_ENTRIES = Gauge(
    "safeguard_index_entries",
    "Entries in this worker's index",
    ["signal"],
    multiprocess_mode="max",
)

CONTENT_TYPE = CONTENT_TYPE_LATEST


@cache
def _check_counter(action: str) -> Any:
    # ``labels()`` takes a lock and builds a key on every call, a measurable part of a
    # precomputed check; the actions are a handful, so are the children kept here.
    return CHECKS.labels(action)


def count_checks(action: str, count: int = 1) -> None:
    """Count ``count`` checks that decided ``action`` (every check endpoint and the lane)."""
    _check_counter(action).inc(count)


def render() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@cache
def _request_children(method: str, template: str, status: int) -> tuple[Any, Any]:
    # The labelled children, kept: ``labels()`` takes a lock and builds a key on every
    # call, a measurable part of a precomputed check's few hundred microseconds. The
    # labels are bounded (route templates, methods, statuses), so is this cache.
    return REQUESTS.labels(method, template, str(status)), LATENCY.labels(template)


def record_request(method: str, template: str, status: int, seconds: float) -> None:
    """Count one answered request by its route template (``RequestMetrics``, and the fast
    lane of ``protocol`` for the requests it answers before the app)."""
    requests, latency = _request_children(method, template, status)
    requests.inc()
    latency.observe(seconds)


class RequestMetrics:
    """ASGI middleware counting requests by route template (not raw path: bounded labels)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            record_request(scope.get("method", ""), template, status, time.perf_counter() - started)
