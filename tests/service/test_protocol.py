"""The HTTP protocol ``serve`` uses: a response's writes within one turn of the event loop
leave as one write to the socket, in order, and nothing held is lost at close."""

from __future__ import annotations

import asyncio
from typing import Any

from safeguard.service.protocol import CorkedTransport


class RecordingTransport:
    """What a real transport was asked to do, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def write(self, data: bytes) -> None:
        self.calls.append(("write", data))

    def close(self) -> None:
        self.calls.append(("close", None))

    def write_eof(self) -> None:
        self.calls.append(("write_eof", None))

    def get_write_buffer_size(self) -> int:
        return 7

    def is_closing(self) -> bool:
        return False


def corked() -> tuple[CorkedTransport, RecordingTransport]:
    real = RecordingTransport()
    return CorkedTransport(real, asyncio.get_running_loop()), real  # type: ignore[arg-type]


async def one_turn() -> None:
    """Let the loop run what was scheduled with ``call_soon`` before now."""
    await asyncio.sleep(0)


def test_a_head_and_body_written_in_one_turn_leave_as_one_write() -> None:
    async def scenario() -> list[tuple[str, Any]]:
        cork, real = corked()
        cork.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
        cork.write(memoryview(b"{}"))
        assert real.calls == []
        assert cork.get_write_buffer_size() == 7 + 40
        await one_turn()
        return real.calls

    assert asyncio.run(scenario()) == [("write", b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")]


def test_writes_of_later_turns_follow_in_order() -> None:
    async def scenario() -> list[tuple[str, Any]]:
        cork, real = corked()
        cork.write(b"a")
        await one_turn()
        cork.writelines([b"b", b"c"])
        await one_turn()
        await one_turn()
        return real.calls

    assert asyncio.run(scenario()) == [("write", b"a"), ("write", b"bc")]


def test_close_and_write_eof_write_what_is_held_first() -> None:
    async def scenario() -> list[tuple[str, Any]]:
        cork, real = corked()
        cork.write(b"bye")
        cork.write_eof()
        cork.write(b"!")
        cork.close()
        await one_turn()
        return real.calls

    assert asyncio.run(scenario()) == [
        ("write", b"bye"),
        ("write_eof", None),
        ("write", b"!"),
        ("close", None),
    ]


def test_a_large_body_is_written_at_once_not_held() -> None:
    async def scenario() -> list[tuple[str, Any]]:
        cork, real = corked()
        cork.write(b"head")
        cork.write(b"x" * CorkedTransport.CORK_BYTES)
        assert [name for name, _ in real.calls] == ["write"]
        await one_turn()
        return real.calls

    calls = asyncio.run(scenario())
    assert calls == [("write", b"head" + b"x" * CorkedTransport.CORK_BYTES)]


def test_everything_else_is_the_real_transports() -> None:
    async def scenario() -> bool:
        cork, _ = corked()
        return cork.is_closing()

    assert asyncio.run(scenario()) is False


def test_the_lane_is_found_on_the_app_or_under_uvicorns_proxy_headers_only() -> None:
    from types import SimpleNamespace

    from uvicorn.middleware.message_logger import MessageLoggerMiddleware
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from safeguard.service.protocol import _lane_of

    lane = object()
    app = SimpleNamespace(state=SimpleNamespace(fast_lane=lane))
    assert _lane_of(app) == (lane, None)
    proxied = ProxyHeadersMiddleware(app, trusted_hosts="10.0.0.1")  # type: ignore[arg-type]
    found, proxy = _lane_of(proxied)
    assert found is lane and proxy is not None
    assert proxied.app is app and proxy.app is not app  # a copy that only rewrites scopes
    scope = {
        "type": "http",
        "client": ("10.0.0.1", 1),
        "headers": [(b"x-forwarded-for", b"1.2.3.4")],
    }
    asyncio.run(proxy(scope, None, None))  # type: ignore[arg-type]
    assert scope["client"] == ("1.2.3.4", 0)
    assert _lane_of(MessageLoggerMiddleware(app)) == (None, None)  # type: ignore[arg-type]
    assert _lane_of(SimpleNamespace(state=SimpleNamespace())) == (None, None)
