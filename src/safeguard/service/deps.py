"""Per-request dependencies: the worker's runtime, settings, a database session, the
matcher, the evidence store."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from safeguard.matching.matcher import Matcher
from safeguard.review.check import Checker
from safeguard.review.evidence import EvidenceStore
from safeguard.service.errors import ApiError
from safeguard.service.runtime import Runtime
from safeguard.service.settings import ServiceSettings


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_runtime(request: Request) -> Runtime:
    return runtime_of(request)


def get_settings(request: Request) -> ServiceSettings:
    return runtime_of(request).settings


def get_session(request: Request) -> Iterator[Session]:
    """A unit of work for the request: committed when the route returns, rolled back if it
    raises. Declare it as ``Depends(get_session, scope="function")`` so the commit happens
    before the response is sent (a failed commit is then an error, not a lost write)."""
    with runtime_of(request).db.session() as session:
        yield session


def get_matcher(request: Request) -> Matcher:
    matcher = runtime_of(request).matcher
    if matcher is None:
        raise ApiError(503, "index_loading", "the index is still loading; retry shortly")
    return matcher


def get_checker(request: Request) -> Checker:
    checker = runtime_of(request).checker()
    if checker is None:
        raise ApiError(503, "index_loading", "the index is still loading; retry shortly")
    return checker


def get_evidence(request: Request) -> EvidenceStore:
    return runtime_of(request).evidence
