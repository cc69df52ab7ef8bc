"""uvicorn's HTTP/1.1 protocols with ``TCP_NODELAY`` on every connection.

With several workers uvicorn binds the listening socket itself (``socket.socket(AF_INET,
SOCK_STREAM)``, protocol number 0), and asyncio only turns Nagle's algorithm off for sockets
whose protocol is ``IPPROTO_TCP``. A response's head and body then go out as two segments,
the second held back until the client acknowledges the first, which a delayed ACK does
after ~40 ms: measured here, 44 ms for every keep-alive request with ``--workers 2`` against
1-4 ms with one worker, for a trivial app as for ours. Setting the option ourselves removes
the stall.

Both also stamp each request's scope with ``RECEIVED``, the ``time.perf_counter()`` at which
its first bytes were read: the wait between that and the app starting on it is the time it
queued in this worker's event loop behind other requests (``waited``; reported in the
``Server-Timing`` of checks for ``bench/service``).

Both also *cork* their connection (``CorkedTransport``): what a response writes within one
turn of the event loop goes out in one ``send``. uvicorn writes a response's head as soon
as the app sends ``http.response.start`` and its body at ``http.response.body``: two system
calls and two TCP segments a response, one with the cork (its CPU saving at concurrency 1 was
within the noise of a shared machine: ``docs/benchmarks.md``).

The ``httptools`` one also takes the fast lane of ``POST /v1/check`` (``fastlane``) below
ASGI: when the app it serves has one (``app.state.fast_lane``) and a request's head is one
the lane may answer (a cached key, a small JSON body), it holds the request's ASGI task back
until the body is in, and gives the lane the request there, in the parser's callback. An
answer is sent through uvicorn's own ``RequestResponseCycle.send`` (the same head checks,
default headers, access log, keep-alive and pipelining), and counted as the app's
``RequestMetrics`` would; a request the lane leaves starts its ASGI task as it would have
(marked ``TRIED``, so the middleware lane does not search again). That saves a precomputed
miss the task, the ASGI messages and the middleware stack. The lane is not taken when
uvicorn wraps the app in anything but its proxy-headers middleware (trace logging), under
``limit_concurrency``'s 503, while the transport's writes are paused, or for ``Expect:
100-continue``.

``NoDelayProtocol`` is the one to serve with: uvicorn's ``httptools`` protocol (a C parser)
when ``httptools`` is installed, which costs about a third of the server CPU of the pure
Python ``h11`` one per small request (``docs/benchmarks.md``), else ``h11``.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import socket
import time
from collections.abc import Coroutine, MutableMapping
from typing import Any

from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware
from uvicorn.protocols.http.h11_impl import H11Protocol

from safeguard.service.metrics import record_request

log = logging.getLogger(__name__)

#: Scope key: ``time.perf_counter()`` when the request's first bytes were read.
RECEIVED = "safeguard.received"
#: Scope key: the fast lane has tried this request already (and left it to the route).
TRIED = "safeguard.lane_tried"
#: The largest body a request held for the lane may have: uvicorn pauses reading past it
#: until the app reads, which a held request's app would never do.
HELD_BODY_BYTES = 65536


def waited(scope: MutableMapping[str, Any], started: float) -> str:
    """``Server-Timing`` entries for a request the app took up at ``started``: ``wait``,
    from its first bytes to then (queueing in the event loop, and for a route FastAPI's
    layers), and ``app``, from then to now; empty when the request was not stamped."""
    received = scope.get(RECEIVED)
    if received is None:
        return ""
    now = time.perf_counter()
    return f", wait;dur={(started - received) * 1000:.3f}, app;dur={(now - started) * 1000:.3f}"


def _no_delay(transport: asyncio.BaseTransport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):  # not a TCP socket after all
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class CorkedTransport:
    """A transport that holds what is written to it until the current callback of the
    event loop has finished (``loop.call_soon``), then writes it to ``transport`` at once.
    Order is kept; ``close``/``write_eof`` write what is held first; more than
    ``CORK_BYTES`` held is written at once (a large body is not held back, and the real
    transport's flow control sees it). Everything else is the real transport's."""

    CORK_BYTES = 64 * 1024

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes] = []
        self._size = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._held:
            self._loop.call_soon(self.flush)
        self._held.append(bytes(data))
        self._size += len(data)
        if self._size >= self.CORK_BYTES:
            self.flush()

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def write_now(self, data: bytes) -> None:
        """Write ``data`` after what is held, now."""
        self.flush()
        self._transport.write(data)

    def flush(self) -> None:
        """Write what is held (nothing when it was written already)."""
        if not self._held:
            return
        data = self._held[0] if len(self._held) == 1 else b"".join(self._held)
        self._held = []
        self._size = 0
        self._transport.write(data)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + self._size

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class _Gathered:
    """Stands in for a transport while a response is written at once: keeps its writes
    (and a close) for ``release``, which writes them in one go, then closes if asked."""

    def __init__(self, transport: Any) -> None:
        self._transport = transport
        self._parts: list[bytes] = []
        self._close = False

    def write(self, data: bytes) -> None:
        self._parts.append(data)

    def close(self) -> None:
        self._close = True

    def release(self) -> None:
        transport = self._transport
        data = b"".join(self._parts)
        if isinstance(transport, CorkedTransport):
            transport.write_now(data)
        else:
            transport.write(data)
        if self._close:
            transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


async def _nothing(*args: Any) -> None:
    """An ASGI app (or ``receive``/``send``) that does nothing."""


def _lane_of(app: Any) -> tuple[Any, Any]:
    """The fast lane of the app uvicorn serves (``app.state.fast_lane``), and, when uvicorn
    wrapped it in its proxy-headers middleware, a copy of that middleware that only
    rewrites a scope (for the lane's answers: the access log names the client through it).
    (None, None) when the app is wrapped otherwise: those wrappers must see every request."""
    proxy = None
    if isinstance(app, ProxyHeadersMiddleware):
        proxy = copy.copy(app)
        proxy.app = _nothing
        app = app.app
    lane = getattr(getattr(app, "state", None), "fast_lane", None)
    return (lane, proxy) if lane is not None else (None, None)


def _run_now(step: Coroutine[Any, Any, None]) -> None:
    """Run a coroutine that does not wait (``RequestResponseCycle.send`` while the
    transport takes writes) to its end, here."""
    try:
        step.send(None)
    except StopIteration:
        return
    step.close()
    raise RuntimeError("a response write had to wait")


def _corked(protocol: Any) -> None:
    """Put a ``CorkedTransport`` between ``protocol`` (after its ``connection_made``) and
    its transport; its flow control keeps the real transport."""
    protocol.transport = CorkedTransport(protocol.transport, protocol.loop)


def _stamped(protocol: Any, data: bytes, received: Any) -> None:
    """Feed ``data`` to the protocol (``received``: its own ``data_received``); a request
    whose head it completed gets its arrival time. Its task has been created but has not
    run yet (the loop runs it after this callback), so the scope is still ours to write."""
    before = protocol.cycle
    received(data)
    cycle = protocol.cycle
    if cycle is not None and cycle is not before:
        cycle.scope[RECEIVED] = protocol._safeguard_arrival


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        _no_delay(transport)
        super().connection_made(transport)
        _corked(self)

    def data_received(self, data: bytes) -> None:
        self._safeguard_arrival = time.perf_counter()
        _stamped(self, data, super().data_received)


NoDelayProtocol: type[asyncio.Protocol]

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # httptools is not installed: h11 it is
    NoDelayProtocol = NoDelayH11Protocol
else:

    class NoDelayHttpToolsProtocol(HttpToolsProtocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            _no_delay(transport)
            super().connection_made(transport)
            _corked(self)
            self._lane, self._proxy = _lane_of(self.app)
            # uvicorn formats an access line's arguments for every response when the access
            # logger has a handler, even when its level drops the line (``--log-level
            # warning``); the line is written exactly when it would have been.
            self.access_log = self.access_log and self.access_logger.isEnabledFor(logging.INFO)
            self._held: tuple[Any, Any, Any] | None = None

        def data_received(self, data: bytes) -> None:
            self._safeguard_arrival = time.perf_counter()
            _stamped(self, data, super().data_received)

        def _start_asgi_task(self, cycle: Any, app: Any) -> None:
            lane = self._lane
            scope = cycle.scope
            if (
                lane is not None
                and app is self.app
                and lane.takes(scope["method"], scope["path"])
                and not cycle.waiting_for_100_continue
            ):
                try:
                    info, length = lane.ordinary_request(scope["headers"])
                except Exception:  # (in the parser's callback) the app's task meets it too
                    log.exception("the fast lane failed on a request's head; the app takes it")
                    info, length = None, -1
                if info is not None and length <= HELD_BODY_BYTES:
                    self._held = (cycle, app, info)
                    if not cycle.more_body:
                        # A pipelined request, read already, started as the one before it
                        # finished: on the next turn of the loop, so that a run of them is
                        # answered one after another rather than each inside the last.
                        self.loop.call_soon(self._release)
                    return
            super()._start_asgi_task(cycle, app)

        def on_message_complete(self) -> None:
            super().on_message_complete()
            if self._held is not None and self._held[0] is self.cycle:
                self._release()

        def _release(self) -> None:
            """Give the held request, whose body is in, to the lane; start its ASGI task
            when the lane leaves it."""
            assert self._held is not None and self._lane is not None
            lane = self._lane
            cycle, app, info = self._held
            self._held = None
            scope = cycle.scope
            scope[RECEIVED] = self._safeguard_arrival
            started = time.perf_counter()
            answer = None
            if not self.flow.write_paused and not cycle.disconnected:
                try:
                    answer = lane.answer(scope, info, bytes(cycle.body), started)
                except Exception:  # the route answers it (and a 500 if it fails there too)
                    log.exception("the fast lane failed on a request; the route takes it")
            if answer is None:
                scope[TRIED] = True
                super()._start_asgi_task(cycle, app)
                return
            cycle.body = bytearray()
            if self._proxy is not None and self.access_log:
                # The client and scheme the access log names (nothing else of the answer
                # reads them; with no access line to write, the rewrite is skipped).
                _run_now(self._proxy(scope, _nothing, _nothing))
            # The answer's writes, gathered: they leave in one send now, not a loop turn later.
            gathered = _Gathered(self.transport)
            cycle.transport = gathered
            for message in answer:
                _run_now(cycle.send(message))
            gathered.release()
            template = getattr(scope.get("route"), "path", None) or "unmatched"
            record_request("POST", template, 200, time.perf_counter() - started)

    NoDelayProtocol = NoDelayHttpToolsProtocol
