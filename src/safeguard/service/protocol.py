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

``NoDelayProtocol`` is the one to serve with: uvicorn's ``httptools`` protocol (a C parser)
when ``httptools`` is installed, which costs about a third of the server CPU of the pure
Python ``h11`` one per small request (``docs/benchmarks.md``), else ``h11``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import MutableMapping
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

#: Scope key: ``time.perf_counter()`` when the request's first bytes were read.
RECEIVED = "safeguard.received"


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

        def data_received(self, data: bytes) -> None:
            self._safeguard_arrival = time.perf_counter()
            _stamped(self, data, super().data_received)

    NoDelayProtocol = NoDelayHttpToolsProtocol
