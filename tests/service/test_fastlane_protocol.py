"""The fast lane of ``POST /v1/check`` taken below ASGI, by the HTTP protocol ``serve`` uses
(``service/protocol.py``): a cached precomputed miss is answered from the parser's callback
with the route's status, headers and body; requests it leaves reach the route once, intact;
keep-alive, ``Connection: close``, pipelining and bodies in pieces behave as uvicorn's own."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from safeguard.access import keys
from safeguard.banks import BankSpec, NewEntry, add_entries, create_bank
from safeguard.service.fastlane import FastLane
from safeguard.service.testing import LiveServer
from safeguard.store.db import Database
from tests.conftest import live_service


@dataclass
class Spy:
    """Each call of the lane: whether an ASGI task existed, and what it answered."""

    calls: list[tuple[bool, bool]] = field(default_factory=list)
    fail: bool = False


@dataclass
class Lane:
    server: LiveServer
    db: Database
    spy: Spy

    @property
    def port(self) -> int:
        return self.server.port

    def key(self, role: str = "matcher") -> str:
        with self.db.session() as s:
            return keys.create_key(s, role=role, name=f"{role} lane", actor="test")[1]

    def cached_key(self) -> str:
        """A key the server has in its cache (one request made with it)."""
        key = self.key()
        with Raw(self.port) as raw:
            raw.send(request("GET", "/v1/index/status", key))
            assert raw.response()[0] == 200
        return key


@pytest.fixture(scope="module")
def lane(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lane]:
    tmp: Path = tmp_path_factory.mktemp("lane")
    with live_service("sqlite", tmp, key_cache_seconds=60.0) as served:
        real: FastLane = served.server.app.state.fast_lane
        spy = Spy()
        answer = real.answer

        def spied(*args: Any) -> Any:
            if spy.fail:
                raise RuntimeError("the lane broke (on purpose)")
            got = answer(*args)
            spy.calls.append((_in_task(), got is not None))
            return got

        real.answer = spied  # type: ignore[method-assign]
        yield Lane(served.server, served.db, spy)


def _in_task() -> bool:
    try:
        return asyncio.current_task() is not None
    except RuntimeError:  # no running loop at all
        return False


def request(
    method: str, path: str, key: str, body: bytes = b"", extra: str = "", json_body: bool = True
) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {key}\r\n{extra}"
    if body or method == "POST":
        if json_body:
            head += "Content-Type: application/json\r\n"
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


def check_body(pdq: str) -> bytes:
    return json.dumps({"signals": {"pdq": pdq}}).encode()


class Raw:
    """One raw HTTP/1.1 connection, for what a client library would smooth over."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        self.buffer += chunk
        return bool(chunk)

    def response(self) -> tuple[int, dict[str, str], bytes]:
        while b"\r\n\r\n" not in self.buffer:
            assert self._fill(), "closed before a response"
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            assert name.lower() not in headers, f"{name} twice"
            headers[name.lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            assert self._fill(), "closed within a body"
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(lines[0].split()[1]), headers, body

    def closed(self) -> bool:
        return not self._fill()


def test_a_cached_miss_is_answered_before_any_asgi_task(lane: Lane) -> None:
    key = lane.cached_key()
    pdq = secrets.token_hex(32)
    lane.spy.calls.clear()
    with Raw(lane.port) as raw:
        raw.send(request("POST", "/v1/check", key, check_body(pdq)))
        status, headers, body = raw.response()
    assert status == 200
    assert json.loads(body) == {
        "action": "allow",
        "matches": [],
        "case_id": None,
        "signals": {"pdq": pdq},
        "media_error": None,
        "lowered_from": None,
        "lowered": [],
    }
    assert lane.spy.calls == [(False, True)]
    assert {"match", "wait", "app"} <= {
        p.split(";")[0].strip() for p in headers["server-timing"].split(",")
    }


def test_the_lane_answers_with_the_routes_status_headers_and_body(lane: Lane) -> None:
    key = lane.key()  # not cached yet: its first check goes to the route
    pdq = secrets.token_hex(32)
    lane.spy.calls.clear()
    with Raw(lane.port) as raw:
        raw.send(request("POST", "/v1/check", key, check_body(pdq)))
        by_route = raw.response()
        assert lane.spy.calls == []
        raw.send(request("POST", "/v1/check", key, check_body(pdq)))
        by_lane = raw.response()
        assert lane.spy.calls == [(False, True)]
    assert by_lane[0] == by_route[0] == 200
    assert by_lane[2] == by_route[2]
    assert by_lane[1].keys() == by_route[1].keys()
    for name in by_lane[1].keys() - {"date", "server-timing"}:
        assert by_lane[1][name] == by_route[1][name], name


def test_pipelined_requests_are_answered_in_order(lane: Lane) -> None:
    key = lane.cached_key()
    first, last = secrets.token_hex(32), secrets.token_hex(32)
    broken = b'{"signals": {"pdq": "abc"}}'
    with Raw(lane.port) as raw:
        raw.send(
            request("POST", "/v1/check", key, check_body(first))
            + request("POST", "/v1/check", key, broken)
            + request("GET", "/healthz", key)
            + request("POST", "/v1/check", key, check_body(last))
        )
        answers = [raw.response() for _ in range(4)]
    assert [a[0] for a in answers] == [200, 422, 200, 200]
    assert json.loads(answers[0][2])["signals"] == {"pdq": first}
    assert json.loads(answers[1][2])["error"]["code"] == "invalid_request"
    assert json.loads(answers[3][2])["signals"] == {"pdq": last}


def test_a_body_that_comes_in_pieces_is_answered_when_it_is_all_in(lane: Lane) -> None:
    key = lane.cached_key()
    pdq = secrets.token_hex(32)
    data = request("POST", "/v1/check", key, check_body(pdq))
    with Raw(lane.port) as raw:
        raw.send(data[:-20])
        time.sleep(0.1)
        raw.send(data[-20:])
        status, _, body = raw.response()
    assert status == 200 and json.loads(body)["signals"] == {"pdq": pdq}


def test_connection_close_closes_after_the_answer(lane: Lane) -> None:
    key = lane.cached_key()
    lane.spy.calls.clear()
    with Raw(lane.port) as raw:
        raw.send(
            request(
                "POST", "/v1/check", key, check_body(secrets.token_hex(32)), "Connection: close\r\n"
            )
        )
        status, headers, _ = raw.response()
        assert raw.closed()
    assert status == 200 and headers["connection"] == "close"
    assert lane.spy.calls == [(False, True)]


def test_a_request_the_lane_leaves_is_searched_once_and_answered_by_the_route(lane: Lane) -> None:
    key = lane.cached_key()
    pdq = secrets.token_hex(32)
    with lane.db.session() as s:
        create_bank(s, BankSpec(f"lane-{pdq[:8]}"), "test")
        add_entries(s, f"lane-{pdq[:8]}", [NewEntry("pdq", pdq)], actor="test")
    lane.server.app.state.runtime.refresh()
    lane.spy.calls.clear()
    with Raw(lane.port) as raw:
        raw.send(request("POST", "/v1/check", key, check_body(pdq)))
        status, _, body = raw.response()
    assert status == 200
    answer = json.loads(body)
    assert answer["action"] == "review" and answer["case_id"] is not None
    assert lane.spy.calls == [(False, False)]  # not tried again within the app


def test_what_the_lane_is_not_for_goes_to_the_route(lane: Lane) -> None:
    key = lane.cached_key()
    body = check_body(secrets.token_hex(32))
    lane.spy.calls.clear()
    with Raw(lane.port) as raw:
        raw.send(request("POST", "/v1/check", key, body, json_body=False))
        assert raw.response()[0] == 415
        raw.send(request("POST", "/v1/check", lane.key("hasher"), body))
        assert raw.response()[0] == 403
        raw.send(request("POST", "/v1/check", key, body, "Expect: 100-continue\r\n"))
        status, _, _ = raw.response()
        while status == 100:
            status, _, _ = raw.response()
        assert status == 200
    assert lane.spy.calls == [(True, True)]  # only the last, within the app


def test_when_the_lane_fails_the_route_answers(lane: Lane) -> None:
    key = lane.cached_key()
    pdq = secrets.token_hex(32)
    lane.spy.fail = True
    try:
        with Raw(lane.port) as raw:
            raw.send(request("POST", "/v1/check", key, check_body(pdq)))
            status, _, body = raw.response()
    finally:
        lane.spy.fail = False
    assert status == 200 and json.loads(body)["signals"] == {"pdq": pdq}


def _access_lines_of_a_lane_answer(
    lane: Lane, caplog: pytest.LogCaptureFixture, extra: str = ""
) -> list[str]:
    """Access log on: one check on a new connection (it looks at the level) answered by the
    lane; the access lines written."""
    key = lane.cached_key()
    access = logging.getLogger("uvicorn.access")
    level = access.level
    access.addHandler(caplog.handler)
    access.setLevel(logging.INFO)
    try:
        lane.spy.calls.clear()
        with Raw(lane.port) as raw:
            body = check_body(secrets.token_hex(32))
            raw.send(request("POST", "/v1/check", key, body, extra=extra))
            assert raw.response()[0] == 200
    finally:
        access.setLevel(level)
        access.removeHandler(caplog.handler)
    assert lane.spy.calls == [(False, True)]
    return [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]


def test_an_answer_of_the_lane_is_in_the_access_log_when_it_is_on(
    lane: Lane, caplog: pytest.LogCaptureFixture
) -> None:
    lines = _access_lines_of_a_lane_answer(lane, caplog)
    assert any('"POST /v1/check HTTP/1.1" 200' in line for line in lines), lines


def test_the_access_log_names_the_forwarded_client_of_a_lane_answer(
    lane: Lane, caplog: pytest.LogCaptureFixture
) -> None:
    # The proxy-headers rewrite is skipped when no access line is written; when one is, it
    # names the client a trusted proxy (here: loopback, uvicorn's default) forwarded.
    lines = _access_lines_of_a_lane_answer(lane, caplog, extra="X-Forwarded-For: 203.0.113.9\r\n")
    assert any(line.startswith("203.0.113.9:") and "/v1/check" in line for line in lines), lines


def test_many_pipelined_checks_behind_a_routed_request_are_all_answered(lane: Lane) -> None:
    # They queue behind the first; each one answered starts the next, which must not nest.
    key = lane.cached_key()
    pdqs = [secrets.token_hex(32) for _ in range(600)]
    with Raw(lane.port) as raw:
        raw.send(
            request("GET", "/healthz", key)
            + b"".join(request("POST", "/v1/check", key, check_body(p)) for p in pdqs)
        )
        assert raw.response()[0] == 200
        answers = [raw.response() for _ in pdqs]
    assert [a[0] for a in answers] == [200] * len(pdqs)
    assert [json.loads(a[2])["signals"]["pdq"] for a in answers] == pdqs


def test_when_the_lane_fails_on_the_head_the_app_answers_as_for_its_own_failures(
    lane: Lane, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = lane.cached_key()
    real: FastLane = lane.server.app.state.fast_lane

    def broken(headers: Any) -> Any:
        raise RuntimeError("the lane broke (on purpose)")

    monkeypatch.setattr(real, "ordinary_request", broken)
    with Raw(lane.port) as raw:
        raw.send(request("POST", "/v1/check", key, check_body(secrets.token_hex(32))))
        status, _, body = raw.response()
    # Not a connection dropped from the parser's callback: the app's own 500 (the same
    # failure meets it in the middleware).
    assert (status, body) == (500, b"Internal Server Error")
    with Raw(lane.port) as raw:
        raw.send(request("GET", "/healthz", key))
        assert raw.response()[0] == 200
