"""uvicorn's HTTP/1.1 protocols with ``TCP_NODELAY`` on every connection.

With several workers uvicorn binds the listening socket itself (``socket.socket(AF_INET,
SOCK_STREAM)``, protocol number 0), and asyncio only turns Nagle's algorithm off for sockets
whose protocol is ``IPPROTO_TCP``. A response's head and body then go out as two segments,
the second held back until the client acknowledges the first, which a delayed ACK does
after ~40 ms: measured here, 44 ms for every keep-alive request with ``--workers 2`` against
1-4 ms with one worker, for a trivial app as for ours. Setting the option ourselves removes
the stall.

``NoDelayProtocol`` is the one to serve with: uvicorn's ``httptools`` protocol (a C parser)
when ``httptools`` is installed, which costs about a third of the server CPU of the pure
Python ``h11`` one per small request (``docs/benchmarks.md``), else ``h11``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


def _no_delay(transport: asyncio.BaseTransport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):  # not a TCP socket after all
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        _no_delay(transport)
        super().connection_made(transport)


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

    NoDelayProtocol = NoDelayHttpToolsProtocol
