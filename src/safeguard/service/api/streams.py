"""Livestreams over HTTP: register and stop streams, push their comments, read their state;
and the console page listing live streams by risk.

Thin shells over ``safeguard.stream.registry.StreamRegistry``: the registration and the
state live in the database, so every worker answers for every stream; the worker that owns
a stream watches it (see the registry's docstring). The router's lifespan starts this
worker's registry loop once the app (and its runtime) has started.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from safeguard.chat.comments import Comment
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.console.auth import ConsoleRoute, require_user
from safeguard.service.console.rendering import render
from safeguard.service.console.sessions import SignedInUser
from safeguard.service.errors import ApiError
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import Strict
from safeguard.signals.video import SamplingMode
from safeguard.stream.destinations import StreamDestinations
from safeguard.stream.registry import (
    StreamRegistry,
    registry_matcher,
)
from safeguard.stream.source import SourceOptions


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def make_registry(runtime: Runtime) -> StreamRegistry:
    """This worker's registry: ``SAFEGUARD_STREAMS_MAX`` streams watched here at most (200);
    ``SAFEGUARD_STREAMS_READ_TIMEOUT`` seconds without data before a read fails (10);
    ``SAFEGUARD_STREAMS_SCHEMES`` the URL schemes a stream may use (http, https, hls, rtmp,
    rtmps, rtsp, rtsps, srt); ``SAFEGUARD_STREAMS_ALLOW_NETWORKS`` networks the service may
    connect to although they are loopback, private or link-local (e.g. ``10.0.0.0/8``; none);
    ``SAFEGUARD_STREAMS_ALLOW_FILES=1`` also admits server-side file paths (demos);
    ``SAFEGUARD_STREAMS_LINK_STORE`` a link store (``safeguard link build``) every stream's
    sampled frames are compared with, one frame every ``SAFEGUARD_STREAMS_LINK_EVERY``
    seconds of stream time (2): a known place or person opens a review with the evidence. A
    store that cannot be opened stops the service from starting (``LinkStore`` errors)."""
    timeout = float(_env_int("SAFEGUARD_STREAMS_READ_TIMEOUT", 10))
    destinations = StreamDestinations.from_text(
        schemes=os.environ.get("SAFEGUARD_STREAMS_SCHEMES", ""),
        allow_networks=os.environ.get("SAFEGUARD_STREAMS_ALLOW_NETWORKS", ""),
        allow_files=os.environ.get("SAFEGUARD_STREAMS_ALLOW_FILES", "") in ("1", "true", "yes"),
    )
    link_store = os.environ.get("SAFEGUARD_STREAMS_LINK_STORE", "")
    linker = None
    if link_store:
        from safeguard.link.live import linker_factory

        every = float(os.environ.get("SAFEGUARD_STREAMS_LINK_EVERY", "") or 2.0)
        linker = linker_factory(link_store, every_s=max(0.1, every))
    return StreamRegistry(
        runtime.db,
        registry_matcher(lambda: runtime.matcher),
        max_streams=_env_int("SAFEGUARD_STREAMS_MAX", 200),
        options=SourceOptions(read_timeout_s=max(1.0, timeout)),
        destinations=destinations,
        linker_factory=linker,
    )


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    registry = make_registry(app.state.runtime)
    app.state.stream_registry = registry
    registry.start()
    try:
        yield
    finally:
        await run_in_threadpool(registry.close)


router = APIRouter(tags=["streams"], responses=ERRORS, lifespan=lifespan)
watcher = require_role("matcher")


def get_registry(request: Request) -> StreamRegistry:
    registry: StreamRegistry | None = getattr(request.app.state, "stream_registry", None)
    if registry is None:
        raise ApiError(503, "streams_starting", "the stream monitor is starting; retry shortly")
    return registry


Registry = Annotated[StreamRegistry, Depends(get_registry)]
Watcher = Annotated[Principal, Depends(watcher)]


# --- schemas --------------------------------------------------------------------------------


class StreamIn(Strict):
    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")
    url: str = Field(min_length=1, max_length=4096)
    sampling: SamplingMode | None = None
    interval_s: float | None = Field(None, gt=0, le=3600)
    #: Overrides of the decision policy (docs/stream.md), e.g. {"review_risk": 0.5}.
    policy: dict[str, Any] | None = None


class StreamOut(BaseModel):
    id: str
    url: str
    status: str
    risk: float
    settings: dict[str, Any]
    stop_requested: bool
    watched_by: str | None
    created_at: str | None
    created_by: str
    updated_at: str | None
    stream_ts: float
    frame_risk: float
    comment_risk: float
    comment_level: str
    frames_sampled: int
    frames_matched: int
    comments: int
    decisions: list[dict[str, Any]]
    error: str | None


class StreamList(BaseModel):
    streams: list[StreamOut]


class CommentIn(Strict):
    viewer: str = Field("anonymous", min_length=1, max_length=200)
    text: str = Field(max_length=10_000)
    #: Seconds of stream time; none: the stream's current time.
    ts: float | None = Field(None, ge=0)


class CommentsIn(Strict):
    comments: list[CommentIn] = Field(min_length=1, max_length=500)


class CommentsOut(BaseModel):
    stream: str
    accepted: int
    #: Comments waiting for the worker that watches the stream (scored within a second).
    queued: int
    #: The stream's comment risk right after these comments (when scored at once).
    risk: dict[str, Any] | None


# --- routes ---------------------------------------------------------------------------------


@router.post("/v1/streams", status_code=201, response_model=StreamOut)
def register_stream(body: StreamIn, principal: Watcher, registry: Registry) -> StreamOut:
    """Start watching a stream URL (HLS, RTMP, RTSP, HTTP, SRT); 409 if it is already."""
    settings = body.model_dump(include={"sampling", "interval_s", "policy"}, exclude_none=True)
    out = registry.register(body.id, body.url, settings=settings, actor=principal.name)
    return StreamOut.model_validate(out)


@router.get("/v1/streams", response_model=StreamList)
def list_streams(
    _principal: Watcher,
    registry: Registry,
    active: bool = Query(False, description="Only streams being watched."),
    limit: int = Query(200, ge=1, le=1000),
) -> StreamList:
    """Streams by risk, highest first."""
    rows = registry.list(active=active, limit=limit)
    return StreamList(streams=[StreamOut.model_validate(r) for r in rows])


@router.get("/v1/streams/{stream_id}", response_model=StreamOut)
def get_stream(stream_id: str, _principal: Watcher, registry: Registry) -> StreamOut:
    """A stream's state: status, fused risk, counters, decisions (updated every ~0.5 s)."""
    return StreamOut.model_validate(registry.get(stream_id))


@router.delete("/v1/streams/{stream_id}", response_model=StreamOut)
def stop_stream(stream_id: str, principal: Watcher, registry: Registry) -> StreamOut:
    """Stop watching (the state says ``stopped`` once the watcher has let go)."""
    return StreamOut.model_validate(registry.stop(stream_id, actor=principal.name))


@router.post("/v1/streams/{stream_id}/comments", response_model=CommentsOut)
def push_comments(
    stream_id: str, body: CommentsIn, _principal: Watcher, registry: Registry
) -> CommentsOut:
    """Viewers' comments for the stream's comment scorer (abuse-to-order signals)."""
    comments = [Comment(viewer=c.viewer, text=c.text, ts=c.ts) for c in body.comments]
    return CommentsOut.model_validate(registry.add_comments(stream_id, comments))


#: The console page; a ``ConsoleRoute`` so a signed-in user without the role gets the
#: console's HTML 403 page, as on every other console page, not the API's JSON error.
console_router = APIRouter(route_class=ConsoleRoute)


@console_router.get("/console/streams", response_class=HTMLResponse, include_in_schema=False)
def streams_page(
    request: Request,
    _user: Annotated[SignedInUser, Depends(require_user("reviewer"))],
    registry: Registry,
    show: Literal["live", "all"] = Query("live"),
) -> HTMLResponse:
    rows = registry.list(active=show == "live", limit=500)
    return render(request, "streams.html", {"nav": "streams", "streams": rows, "show": show})
