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
"""

from __future__ import annotations

import time
from typing import Any

from pydantic import ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from safeguard.access.keys import KeyInfo
from safeguard.service import metrics
from safeguard.service.api.check import check_response
from safeguard.service.auth import Principal
from safeguard.service.schemas import CheckIn

PATH = "/v1/check"


class FastCheck:
    """ASGI middleware; ``state`` is the app's state (key cache, rate limiter, runtime),
    ``roles`` the roles that may check, ``route`` the route the metrics name."""

    def __init__(
        self, app: ASGIApp, *, state: Any, roles: frozenset[str], route: Any = None
    ) -> None:
        self.app = app
        self.state = state
        self.roles = roles
        self.route = route

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        info, length = self._ordinary_request(scope)
        if info is None:
            await self.app(scope, receive, send)
            return
        messages, complete = await _read(receive, length)
        body = b"".join(m.get("body", b"") for m in messages) if complete else b""
        if not complete or not await self._answered(scope, info, body, send, started):
            await self.app(scope, _replay(messages, receive), send)

    def _ordinary_request(self, scope: Scope) -> tuple[KeyInfo | None, int]:
        """The cached key of a JSON request with a declared length within the JSON limit."""
        key = content_type = None
        length = -1
        for name, value in scope["headers"]:
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

    async def _answered(
        self, scope: Scope, info: KeyInfo, body: bytes, send: Send, started: float
    ) -> bool:
        try:
            payload = CheckIn.model_validate_json(body)
        except (ValidationError, ValueError, RecursionError):
            return False  # the route answers with its own 422
        values = payload.signals.values()
        checker = self.state.runtime.checker()
        if not values or checker is None:
            return False
        search = checker.search_signals(values, dihedral=payload.dihedral)
        if search.needs_database or self.state.rate_limiter.take(info.id, info.rate_limit) > 0:
            return False
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
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(content)).encode()),
                    (b"server-timing", timing.encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})
        return True


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
