"""Livestreams through the service: a real app on loopback (uvicorn), a real HLS stream
served over HTTP, a real webhook receiver; decisions become cases and signed webhooks."""

from __future__ import annotations

import http.server
import io
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import httpx
import pytest
from bench.stream import write_stream

from safeguard import banks
from safeguard.access import keys, users
from safeguard.chat.comments import Comment
from safeguard.matching.matcher import Matcher
from safeguard.review import cases, webhooks
from safeguard.service.testing import LiveServer, database_url, settings_for_tests
from safeguard.signals.video import VideoSampling, hash_video
from safeguard.store.db import Database, open_database
from safeguard.store.models import StreamComment
from safeguard.stream.destinations import StreamDestinations
from safeguard.stream.registry import StreamRegistry, registry_matcher
from safeguard.stream.source import SourceOptions

ABUSE = [
    {"viewer": "v1", "text": "how old are you", "ts": 1},
    {"viewer": "v2", "text": "how old r u? what grade are you in", "ts": 2},
    {"viewer": "v3", "text": "do a dance for 500 tips", "ts": 3},
    {"viewer": "v4", "text": "add me on snapchat", "ts": 4},
    {"viewer": "v5", "text": "send me a pic on telegram", "ts": 5},
    {"viewer": "v1", "text": "come on telegram, i will tip you", "ts": 6},
]


class _Files(http.server.SimpleHTTPRequestHandler):
    """The media folder, plus ``/held.ts``: headers, then nothing until the test ends."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/held.ts":
            self.send_response(200)
            self.end_headers()
            self.wfile.flush()
            self.server.release.wait(60)  # type: ignore[attr-defined]
            return
        super().do_GET()


class _Receiver(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((dict(self.headers), body))  # type: ignore[attr-defined]
        self.send_response(200)
        self.end_headers()


@contextmanager
def serving(handler: Callable[..., Any], **attrs: Any) -> Iterator[http.server.HTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    for k, v in attrs.items():
        setattr(httpd, k, v)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd
    finally:
        release = attrs.get("release")
        if release is not None:
            release.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("stream-service")
    media = tmp / "media"
    write_stream(media / "hls", [(0, 20.0), (1, 6.0)], hls_segment_s=2.0)
    banned = write_stream(tmp / "b.mp4", [(1, 6.0)])
    db = open_database(f"sqlite:///{tmp / 'sg.db'}")
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("known", kind="block"), "test")
        _, key = keys.create_key(s, role="matcher", name="platform", actor="test")
    hashes = hash_video(banned, VideoSampling(mode="every_frame")).frames

    @contextmanager
    def lines() -> Iterator[BinaryIO]:
        yield io.BytesIO("\n".join(f.pdq.hex for f in hashes).encode())

    banks.import_list(db, "known", lines, fmt="plain", source="t", default_type="pdq", actor="t")
    release = threading.Event()
    with (
        serving(partial(_Files, directory=str(media)), release=release) as files,
        serving(_Receiver, received=[]) as receiver,
    ):
        with db.session() as s:
            _, secret = webhooks.add_endpoint(
                s, url=f"http://127.0.0.1:{receiver.server_address[1]}/hook", actor="test"
            )
        settings = settings_for_tests(tmp, database_url(db))
        # Held test streams stop within a second (a stop waits for the read in progress).
        os.environ["SAFEGUARD_STREAMS_READ_TIMEOUT"] = "1"
        # The test streams are served on loopback, which a deployment must allowlist.
        os.environ["SAFEGUARD_STREAMS_ALLOW_NETWORKS"] = "127.0.0.0/8"
        try:
            server = LiveServer(settings, db).start()
        finally:
            del os.environ["SAFEGUARD_STREAMS_READ_TIMEOUT"]
            del os.environ["SAFEGUARD_STREAMS_ALLOW_NETWORKS"]
        client = httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30
        )
        try:
            yield {
                "db": db,
                "client": client,
                "server": server,
                "files": f"http://127.0.0.1:{files.server_address[1]}",
                "receiver": receiver,
                "secret": secret,
            }
        finally:
            client.close()
            server.stop()
            db.dispose()


#: The test streams are served on loopback, which a deployment must allowlist.
LOOPBACK = StreamDestinations.from_text(allow_networks="127.0.0.0/8")


def wait_for(client: httpx.Client, stream: str, done: Callable[[dict[str, Any]], bool]) -> Any:
    state: dict[str, Any] = {}
    for _ in range(600):
        state = client.get(f"/v1/streams/{stream}").json()
        if done(state):
            return state
        time.sleep(0.1)
    raise AssertionError(f"stream {stream} never got there: {state}")


def test_a_registered_hls_stream_switching_to_banned_video_is_terminated_with_a_case_and_a_signed_webhook(  # noqa: E501
    env: dict[str, Any],
) -> None:
    client = env["client"]
    r = client.post("/v1/streams", json={"id": "live-1", "url": env["files"] + "/hls/index.m3u8"})
    assert r.status_code == 201, r.text
    state = wait_for(client, "live-1", lambda s: s["status"] == "terminated")
    [decision] = state["decisions"]
    assert decision["action"] == "terminate"
    assert 20.0 <= decision["stream_ts"] <= 23.0
    with env["db"].session() as s:
        [case] = [c for c in cases.list_cases(s) if c.source == "stream:live-1"]
        assert case.action == "terminate" and decision["case_id"] == case.id
        assert case.evidence["frames"][0]["matches"][0]["bank"] == "known"
        assert "known" in case.evidence["banks"]
    env["server"].app.state.runtime.deliverer.run_once()
    received = [
        (h, json.loads(b), b) for h, b in env["receiver"].received if b"stream.terminate" in b
    ]
    [(headers, payload, body)] = received
    assert payload["event"] == "stream.terminate"
    assert payload["data"]["case_id"] == case.id
    assert payload["data"]["evidence"]["frames"][0]["pdq"]
    assert webhooks.verify_signature(env["secret"], body, headers["X-Safeguard-Signature"])


def test_comments_pushed_over_http_raise_the_risk_to_a_review(env: dict[str, Any]) -> None:
    client = env["client"]
    assert client.post("/v1/streams", json={"id": "chatty", "url": env["files"] + "/held.ts"})
    wait_for(client, "chatty", lambda s: s["watched_by"] is not None)
    r = client.post("/v1/streams/chatty/comments", json={"comments": ABUSE})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["accepted"] == len(ABUSE) and out["risk"]["level"] in ("high", "critical")
    state = wait_for(client, "chatty", lambda s: bool(s["decisions"]))
    assert state["decisions"][0]["action"] == "review"
    assert state["comment_risk"] >= 0.6
    with env["db"].session() as s:
        assert any(
            c.source == "stream:chatty" and c.action == "review" for c in cases.list_cases(s)
        )
    assert client.delete("/v1/streams/chatty").status_code == 200
    assert wait_for(client, "chatty", lambda s: s["status"] == "stopped")["stop_requested"]


def test_benign_comments_leave_the_risk_low(env: dict[str, Any]) -> None:
    client = env["client"]
    client.post("/v1/streams", json={"id": "calm", "url": env["files"] + "/held.ts"})
    wait_for(client, "calm", lambda s: s["watched_by"] is not None)
    benign = [{"viewer": f"v{i}", "text": t} for i, t in enumerate(["hi!", "nice colours", "bye"])]
    out = client.post("/v1/streams/calm/comments", json={"comments": benign}).json()
    assert out["risk"]["level"] == "none"
    client.delete("/v1/streams/calm")


def test_streams_are_listed_by_risk(env: dict[str, Any]) -> None:
    rows = env["client"].get("/v1/streams").json()["streams"]
    risks = [r["risk"] for r in rows]
    assert risks == sorted(risks, reverse=True) and rows


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"id": "f", "url": "/etc/passwd"}, 400, "invalid_stream"),
        ({"id": "p", "url": "http://x/a.m3u8", "policy": {"bogus": 1}}, 400, "invalid_stream"),
        ({"id": "bad id!", "url": "http://x/a.m3u8"}, 422, None),
        ({"id": "x", "url": "http://x/a.m3u8", "colour": "red"}, 422, None),
    ],
)
def test_bad_registrations_are_refused(
    env: dict[str, Any], body: dict[str, Any], status: int, code: str | None
) -> None:
    r = env["client"].post("/v1/streams", json=body)
    assert r.status_code == status, r.text
    if code:
        assert r.json()["error"]["code"] == code


def test_a_stream_already_watched_cannot_be_registered_twice(env: dict[str, Any]) -> None:
    client = env["client"]
    client.post("/v1/streams", json={"id": "twice", "url": env["files"] + "/held.ts"})
    r = client.post("/v1/streams", json={"id": "twice", "url": env["files"] + "/held.ts"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "stream_exists"
    client.delete("/v1/streams/twice")


def test_unknown_streams_and_bad_comments_are_clear_errors(env: dict[str, Any]) -> None:
    client = env["client"]
    r = client.post("/v1/streams/nope/comments", json={"comments": [{"text": "hi"}]})
    assert (r.status_code, r.json()["error"]["code"]) == (404, "stream_not_found")
    assert client.get("/v1/streams/nope").status_code == 404
    assert client.post("/v1/streams/live-1/comments", json={"comments": []}).status_code == 422
    r = client.post("/v1/streams/live-1/comments", json={"comments": [{"text": "late"}]})
    assert (r.status_code, r.json()["error"]["code"]) == (409, "stream_ended")


def test_streams_need_an_api_key(env: dict[str, Any]) -> None:
    r = httpx.get(env["server"].url + "/v1/streams")
    assert r.status_code == 401


def test_comments_pushed_to_another_worker_are_queued_then_scored_by_the_owner_and_deleted(
    env: dict[str, Any],
) -> None:
    db: Database = env["db"]
    owner = StreamRegistry(
        db,
        registry_matcher(lambda: env["server"].app.state.runtime.matcher),
        options=SourceOptions(read_timeout_s=1),
        destinations=LOOPBACK,
    )
    other = StreamRegistry(db, lambda: None, owner="elsewhere")
    try:
        owner.register("shared", env["files"] + "/held.ts", actor="test")
        owner.sync()
        out = other.add_comments("shared", [Comment(**c) for c in ABUSE])  # type: ignore[arg-type]
        assert out["queued"] == len(ABUSE)
        owner.sync()
        state = owner.get("shared")
        assert state["comments"] == len(ABUSE) and state["comment_risk"] >= 0.6
        with db.session() as s:
            assert s.query(StreamComment).filter_by(stream_id="shared").count() == 0
    finally:
        owner.stop("shared", actor="test")
        owner.close()


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def test_the_console_lists_live_streams_with_their_risk_for_signed_in_reviewers(
    env: dict[str, Any],
) -> None:
    client = env["client"]
    client.post("/v1/streams", json={"id": "on-air", "url": env["files"] + "/held.ts"})
    wait_for(client, "on-air", lambda s: s["watched_by"] is not None)
    client.post("/v1/streams/on-air/comments", json={"comments": ABUSE})
    wait_for(client, "on-air", lambda s: s["comment_risk"] >= 0.6)
    with env["db"].session() as s:
        users.create_user(s, "rita", "a long benign passphrase", "reviewer", actor="test")
    browser = httpx.Client(base_url=env["server"].url, timeout=30)
    try:
        assert browser.get("/console/streams").status_code in (303, 307)  # to the login
        page = browser.get("/console/login")
        token = CSRF.search(page.text)
        assert token
        r = browser.post(
            "/console/login",
            data={
                "username": "rita",
                "password": "a long benign passphrase",
                "csrf_token": token.group(1),
            },
        )
        assert r.status_code == 303
        html = browser.get("/console/streams").text
        assert "on-air" in html and "review" in html and "/console/cases/" in html
        assert "live-1" not in html  # terminated: only with show=all
        assert "live-1" in browser.get("/console/streams?show=all").text
    finally:
        browser.close()
        client.delete("/v1/streams/on-air")


def _console_login(url: str, username: str, password: str) -> httpx.Client:
    browser = httpx.Client(base_url=url, timeout=30)
    token = CSRF.search(browser.get("/console/login").text)
    assert token
    r = browser.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": token.group(1)},
    )
    assert r.status_code == 303
    return browser


def test_the_streams_page_refuses_a_user_without_the_role_with_a_console_page(
    env: dict[str, Any],
) -> None:
    with env["db"].session() as s:
        users.create_user(s, "hank", "a long benign passphrase", "hasher", actor="test")
    browser = _console_login(env["server"].url, "hank", "a long benign passphrase")
    try:
        r = browser.get("/console/streams")
        assert r.status_code == 403
        assert r.headers["content-type"].startswith("text/html")
        assert "reviewer" in r.text
    finally:
        browser.close()


def test_the_registry_registers_claims_and_releases_streams_on_each_database(
    db: Database, tmp_path: Path
) -> None:
    stalled = StreamRegistry(
        db,
        registry_matcher(lambda: Matcher.open(db)),
        options=SourceOptions(read_timeout_s=1, reconnect_attempts=0),
        allow_files=True,
    )
    taker = StreamRegistry(db, registry_matcher(lambda: Matcher.open(db)), owner="taker")
    missing = str(tmp_path / "gone.mp4")
    try:
        stalled.register("gone", missing, actor="test")
        stalled.sync()
        taker.sync()  # the lease is held: nothing to take
        assert stalled.get("gone")["watched_by"] == stalled.owner
        assert stalled.hub is not None and stalled.hub.wait(30)
        stalled.sync()
        state = stalled.get("gone")
        assert (state["status"], state["watched_by"]) == ("error", None)
        assert "gone.mp4" in state["error"]
        assert stalled.register("gone", missing, actor="test")["status"] == "pending"
    finally:
        stalled.close()
        taker.close()


def test_a_stream_whose_owner_stopped_renewing_its_lease_is_taken_over(
    db: Database, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from safeguard.store.models import Stream

    video = write_stream(tmp_path / "a.mp4", [(0, 4.0)])
    taker = StreamRegistry(
        db, registry_matcher(lambda: Matcher.open(db)), owner="taker", allow_files=True
    )
    try:
        taker.register("orphan", str(video), actor="test")
        with db.session() as s:  # a worker that claimed it, then died 20 s ago
            row = s.get(Stream, "orphan")
            assert row is not None
            row.owner, row.status = "dead-worker", "live"
            row.heartbeat_at = datetime.now(UTC) - timedelta(seconds=20)
        taker.sync()
        assert taker.get("orphan")["watched_by"] == "taker"
        assert taker.hub is not None and taker.hub.wait(30)
        taker.sync()
        state = taker.get("orphan")
        assert (state["status"], state["frames_sampled"], state["watched_by"]) == ("ended", 2, None)
    finally:
        taker.close()
