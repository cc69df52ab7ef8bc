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

        def data_received(self, data: bytes) -> None:
            self._safeguard_arrival = time.perf_counter()
            _stamped(self, data, super().data_received)

    NoDelayProtocol = NoDelayHttpToolsProtocol
