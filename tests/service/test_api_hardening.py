"""Small things an attacker or a new user found over HTTP: deeply nested JSON is a JSON
error, conversation ids with ``/`` can be read and closed, chat state belongs to the key's
name (a rotated key keeps the open conversations), ``dihedral`` is honoured on uploads,
``/favicon.ico`` answers, a JSON body that is not UTF-8 is ``invalid_json`` naming the byte."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from PIL import Image

from safeguard.access import keys
from safeguard.banks import BankSpec, NewEntry, add_entries, create_bank
from safeguard.service.testing import (
    LiveServer,
    database_url,
    open_test_database,
    settings_for_tests,
)
from safeguard.signals.media import hash_bytes
from safeguard.store.db import Database
from tests.media_factory import encode, picture


@dataclass
class Live:
    server: LiveServer
    db: Database
    client: httpx.Client

    def key(self, name: str, role: str = "matcher") -> httpx.Client:
        with self.db.session() as s:
            _, secret = keys.create_key(s, role=role, name=name, actor="test")
        return httpx.Client(
            base_url=self.server.url, headers={"Authorization": f"Bearer {secret}"}, timeout=60
        )


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    tmp: Path = tmp_path_factory.mktemp("hardening")
    db = open_test_database("sqlite", tmp)
    assert db is not None
    server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
    with db.session() as s:
        _, admin = keys.create_key(s, role="admin", name="admin", actor="test")
    client = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {admin}"}, timeout=60
    )
    try:
        yield Live(server, db, client)
    finally:
        client.close()
        server.stop()
        db.dispose()


@pytest.mark.parametrize("depth", [10_000, 200_000])
def test_deeply_nested_json_is_a_json_error_not_a_500(live: Live, depth: int) -> None:
    body = "[" * depth + "]" * depth
    r = live.client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 422), r.text[:200]
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]["code"]


def test_a_conversation_id_with_a_slash_is_read_and_closed(live: Live) -> None:
    cid = "room/42/thread"
    sent = live.client.post(
        "/v1/chat/messages", json={"conversation": cid, "author": "a", "text": "hello there"}
    )
    assert sent.status_code == 200, sent.text
    read = live.client.get(f"/v1/chat/conversations/{cid}")
    assert read.status_code == 200, read.text
    assert read.json()["id"] == cid
    assert live.client.delete(f"/v1/chat/conversations/{cid}").status_code == 204
    assert live.client.get(f"/v1/chat/conversations/{cid}").status_code == 404


def test_chat_state_belongs_to_the_key_name_so_a_rotated_key_keeps_it(live: Live) -> None:
    old, new, other = live.key("tenant-a"), live.key("tenant-a"), live.key("tenant-b")
    try:
        r = old.post(
            "/v1/chat/messages", json={"conversation": "c-rot", "author": "a", "text": "hi"}
        )
        assert r.status_code == 200, r.text
        assert new.get("/v1/chat/conversations/c-rot").status_code == 200
        assert other.get("/v1/chat/conversations/c-rot").status_code == 404
    finally:
        for c in (old, new, other):
            c.close()


def test_dihedral_is_honoured_on_file_uploads(live: Live) -> None:
    im = picture(640, 480, "astronaut")
    original = hash_bytes("a.png", encode(im, "PNG"))
    assert original.pdq
    with live.db.session() as s:
        create_bank(s, BankSpec("dihedral-bank"), "test")
        add_entries(s, "dihedral-bank", [NewEntry("pdq", original.pdq)], actor="test")
    exact = {"file": ("a.png", encode(im, "PNG"), "image/png")}
    for _ in range(200):  # the worker picks up the new entry within its refresh interval
        if live.client.post("/v1/check", files=exact).json()["matches"]:
            break
        time.sleep(0.05)
    mirrored = encode(im.transpose(Image.Transpose.FLIP_LEFT_RIGHT), "PNG")
    files = {"file": ("m.png", mirrored, "image/png")}
    plain = live.client.post("/v1/check", files=files)
    flipped = live.client.post("/v1/check", files=files, data={"dihedral": "true"})
    assert plain.status_code == flipped.status_code == 200, (plain.text, flipped.text)
    assert plain.json()["matches"] == []
    assert [m["bank"] for m in flipped.json()["matches"]] == ["dihedral-bank"]


def test_the_favicon_answers(live: Live) -> None:
    r = httpx.get(f"{live.server.url}/favicon.ico")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/")


def test_webhook_events_may_be_a_json_list(live: Live) -> None:
    r = live.client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.example.org/a", "events": ["case.opened", "case.decided"]},
    )
    assert r.status_code == 201, r.text
    assert r.json()["events"] == "case.opened,case.decided"
    bad = live.client.post(
        "/v1/webhooks", json={"url": "https://hooks.example.org/b", "events": ["no.such"]}
    )
    assert bad.status_code in (400, 422)


@pytest.mark.parametrize("path", ["/v1/chat/score", "/v1/check"])
def test_a_json_body_that_is_not_utf8_names_the_byte(live: Live, path: str) -> None:
    body = b'{"id": "c1", "messages": [{"author": "a", "text": "caf\xe9"}]}'
    r = live.client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text[:200]
    error = r.json()["error"]
    assert error["code"] == "invalid_json"
    offset = body.index(b"\xe9")
    assert "0xe9" in error["message"] and f"position {offset}" in error["message"]
    # The service goes on: a good body right after is scored.
    good = live.client.post("/v1/chat/score", json={"id": "c2", "messages": []})
    assert good.status_code == 200, good.text[:200]
