"""The fast lane of ``POST /v1/check``: a precomputed check that matches nothing, answered
without FastAPI's routing, dependency solving and exception layers.

It is the common case of a busy deployment (most content is not in any bank) and the one
where those layers cost more than the work itself (``docs/benchmarks.md``). The lane answers
a request only when everything about it is ordinary: JSON signals that validate, a key in
the key cache with a role that may check, a matcher loaded, an index search that finds no
candidate, and a rate-limit token to spend. Everything else — a cache miss, a malformed body,
a candidate to confirm, a key over its rate — goes on to the route in ``api/check.py`` with
the body it has read replayed, and is answered there exactly as without the lane; the lane
has taken nothing by then (its only side effects, the token and the metrics, come after the
last point of return). So the answers do not depend on which way a request went.

``FastLane`` is the lane itself (which requests it may take, and their answers); there are
two ways into it. ``protocol.NoDelayHttpToolsProtocol``, what ``serve`` runs, takes a
request straight from the HTTP parser, before any ASGI task exists for it (``app.state.
fast_lane``); ``FastCheck``, an ASGI middleware, takes the rest (another HTTP protocol, a
test client). A request one of them has tried is not tried again (``TRIED``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, MutableMapping
from typing import Any

from pydantic import ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from safeguard.access.keys import KeyInfo
from safeguard.service import metrics
from safeguard.service.api.check import check_response
from safeguard.service.auth import Principal
from safeguard.service.protocol import TRIED
from safeguard.service.schemas import CheckIn

PATH = "/v1/check"


class FastLane:
    """``state``: the app's state (key cache, rate limiter, runtime); ``roles``: the roles
    that may check; ``route``: the route the metrics name."""

    def __init__(self, state: Any, roles: frozenset[str], route: Any = None) -> None:
        self.state = state
        self.roles = roles
        self.route = route

    def takes(self, method: str, path: str) -> bool:
        """Whether requests of ``method`` to ``path`` are the lane's to try."""
        return method == "POST" and path == PATH

    def ordinary_request(
        self, headers: Iterable[tuple[bytes, bytes]]
    ) -> tuple[KeyInfo | None, int]:
        """The cached key of a JSON request with a declared length within the JSON limit
        (None when the request is not one for the lane), and that length (-1 if none)."""
        key = content_type = None
        length = -1
        for name, value in headers:
            if name == b"authorization":
                key = value
            elif name == b"content-type":
                content_type = value
            elif name == b"content-length" and value.isdigit():
                length = int(value)
        runtime = self.state.runtime
        if (
            key is None
            or content_type is None
            or content_type.split(b";")[0].strip().lower() != b"application/json"
            or not 0 < length <= runtime.settings.max_json_bytes
        ):
            return None, length
        scheme, _, token = key.decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None, length
        hit, info = self.state.key_cache.get(token)
        if not hit or info is None or (info.role not in self.roles and info.role != "admin"):
            return None, length
        return info, length

    def answer(
        self, scope: MutableMapping[str, Any], info: KeyInfo, body: bytes, started: float
    ) -> list[Message] | None:
        """The ASGI messages of the answer to ``body`` (the whole body of an ordinary
        request, whose key is ``info``), or None when the route must answer it; ``started``:
        when the request was taken up (``time.perf_counter()``)."""
        try:
            payload = CheckIn.model_validate_json(body)
        except (ValidationError, ValueError, RecursionError):
            return None  # the route answers with its own 422
        values = payload.signals.values()
        checker = self.state.runtime.checker()
        if not values or checker is None:
            return None
        search = checker.search_signals(values, dihedral=payload.dihedral)
        if search.needs_database or self.state.rate_limiter.take(info.id, info.rate_limit) > 0:
            return None
        # From here on the request is answered here.
        principal = Principal.of(info)
        scope.setdefault("state", {})["principal"] = principal
        if self.route is not None:
            scope["route"] = self.route
        result = checker.finish_signals(
            search,
            source=payload.source,
            actor=principal.name,
            pdq_quality=payload.signals.pdq_quality,
        )
        metrics.count_checks(result.action)
        content, timing = check_response(result, scope, started)
        return [
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(content)).encode()),
                    (b"server-timing", timing.encode()),
                ],
            },
            {"type": "http.response.body", "body": content},
        ]


class FastCheck:
    """ASGI middleware: ``lane`` answers what it can of ``POST /v1/check``, ``app`` the rest."""

    def __init__(self, app: ASGIApp, *, lane: FastLane) -> None:
        self.app = app
        self.lane = lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not self.lane.takes(scope["method"], scope["path"])
            or scope.get(TRIED)
        ):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        info, length = self.lane.ordinary_request(scope["headers"])
        if info is None:
            await self.app(scope, receive, send)
            return
        messages, complete = await _read(receive, length)
        body = b"".join(m.get("body", b"") for m in messages) if complete else b""
        answer = self.lane.answer(scope, info, body, started) if complete else None
        if answer is None:
            await self.app(scope, _replay(messages, receive), send)
            return
        for message in answer:
            await send(message)


async def _read(receive: Receive, length: int) -> tuple[list[Message], bool]:
    """The messages of a body of ``length`` bytes; whether they were all of it (False when
    the body ran past its declared length, or the client went away)."""
    messages: list[Message] = []
    seen = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, False
        seen += len(message.get("body", b""))
        if seen > length:
            return messages, False
        if not message.get("more_body", False):
            return messages, True


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """``receive`` that hands out ``messages`` first, then what comes after them."""
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed
