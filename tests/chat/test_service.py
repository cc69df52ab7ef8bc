"""Chat scoring over HTTP against the real app (uvicorn on loopback; SQLite and PostgreSQL),
and across two worker processes of ``safeguard serve``."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from safeguard.access import keys
from safeguard.service.testing import (
    LiveServer,
    database_url,
    open_test_database,
    serve_process,
    settings_for_tests,
)
from safeguard.store.db import Database
from safeguard.store.models import Case, ChatConversation

GROOMING = [
    ("a", "hey how was school"),
    ("b", "boring"),
    ("a", "how old are you btw?"),
    ("b", "12"),
    ("a", "you are so mature for your age"),
    ("a", "are you home alone? dont tell your mum we talk"),
    ("b", "ok"),
    ("a", "add me on snap, its more private"),
]


@dataclass
class Api:
    server: LiveServer
    db: Database
    client: httpx.Client
    hasher: str


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("chat")
    db = open_test_database(request.param, tmp)
    if db is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
    with db.session() as s:
        _, matcher = keys.create_key(s, role="matcher", name="platform", actor="test")
        _, hasher = keys.create_key(s, role="hasher", name="hasher", actor="test")
    client = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {matcher}"}, timeout=60
    )
    try:
        yield Api(server, db, client, hasher)
    finally:
        client.close()
        server.stop()
        db.dispose()


def conversation_doc(cid: str = "c1") -> dict[str, object]:
    return {
        "id": cid,
        "participants": [{"id": "a", "age": 41}, {"id": "b", "age": 12, "role": "child"}],
        "messages": [
            {"author": a, "text": t, "ts": float(i * 20)} for i, (a, t) in enumerate(GROOMING)
        ],
    }


def test_score_rates_a_whole_conversation(api: Api) -> None:
    r = api.client.post("/v1/chat/score", json=conversation_doc())
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["level"] in ("high", "critical")
    assert (body["suspect"], body["target"]) == ("a", "b")
    assert {"category", "message", "span", "author"} == set(body["signals"][0])


def test_score_of_an_empty_conversation_is_none(api: Api) -> None:
    body = api.client.post("/v1/chat/score", json={"id": "e", "messages": []}).json()
    assert (body["level"], body["alert_at"]) == ("none", None)


def test_score_rejects_unknown_fields_and_bad_ages(api: Api) -> None:
    r = api.client.post("/v1/chat/score", json={"messages": [], "colour": "red"})
    assert r.status_code == 422
    assert "error" in r.json()
    r = api.client.post("/v1/chat/score", json={"participants": [{"id": "a", "age": 500}]})
    assert r.status_code == 422


def test_chat_needs_the_matcher_role(api: Api) -> None:
    r = httpx.post(
        f"{api.server.url}/v1/chat/score",
        json={"messages": []},
        headers={"Authorization": f"Bearer {api.hasher}"},
    )
    assert r.status_code == 403
    assert httpx.post(f"{api.server.url}/v1/chat/score", json={}).status_code == 401


def test_messages_one_at_a_time_match_the_whole_conversation(api: Api) -> None:
    doc = conversation_doc("inc-1")
    whole = api.client.post("/v1/chat/score", json=doc).json()
    for i, m in enumerate(doc["messages"]):  # type: ignore[attr-defined]
        body = {"conversation": "inc-1", **m}
        if i == 0:
            body["participants"] = doc["participants"]
        r = api.client.post("/v1/chat/messages", json=body)
        assert r.status_code == 200, r.text
    state = r.json()
    assert state["risk"] == whole["risk"]
    assert state["alert_at"] == whole["alert_at"]
    assert state["signals"] == whole["signals"]
    assert 0 < state["state_bytes"] <= 4096


def test_the_first_alert_opens_one_review_case(api: Api) -> None:
    for i, (author, text) in enumerate(GROOMING):
        state = api.client.post(
            "/v1/chat/messages",
            json={"conversation": "case-1", "author": author, "text": text, "ts": float(i)},
        ).json()
    assert state["alert_at"] is not None
    assert state["case_id"] is not None
    with api.db.session() as s:
        case = s.get(Case, state["case_id"])
        assert case is not None
        # The summary numbers messages from 1 and says so; the API's indexes start at 0.
        assert f"at message {state['alert_at'] + 1} (counting from 1)" in case.summary
    again = api.client.post(
        "/v1/chat/messages", json={"conversation": "case-1", "author": "a", "text": "hello?"}
    ).json()
    assert again["case_id"] == state["case_id"]


def test_no_message_text_is_stored(api: Api) -> None:
    marker = "zebra-marker-text"
    api.client.post(
        "/v1/chat/messages",
        json={"conversation": "priv-1", "author": "a", "text": f"{marker} how old are you"},
    )
    with api.db.session() as s:
        row = s.scalars(
            select(ChatConversation).where(ChatConversation.conversation_id == "priv-1")
        ).one()
        assert marker not in row.state
        assert row.level in ("none", "low", "medium", "high", "critical")


def test_an_open_conversation_can_be_read_and_closed(api: Api) -> None:
    api.client.post("/v1/chat/messages", json={"conversation": "rc-1", "author": "a", "text": "hi"})
    r = api.client.get("/v1/chat/conversations/rc-1")
    assert (r.status_code, r.json()["messages"]) == (200, 1)
    assert api.client.delete("/v1/chat/conversations/rc-1").status_code == 204
    assert api.client.get("/v1/chat/conversations/rc-1").status_code == 404
    assert api.client.delete("/v1/chat/conversations/rc-1").status_code == 404


def test_concurrent_messages_of_one_conversation_are_all_counted(api: Api) -> None:
    errors: list[str] = []

    def send(n: int) -> None:
        with httpx.Client(base_url=api.server.url, headers=api.client.headers, timeout=60) as c:
            for i in range(10):
                r = c.post(
                    "/v1/chat/messages",
                    json={"conversation": "race-1", "author": f"u{n}", "text": f"msg {i}"},
                )
                if r.status_code != 200:
                    errors.append(r.text)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert api.client.get("/v1/chat/conversations/race-1").json()["messages"] == 40


@pytest.mark.slow
def test_two_worker_processes_share_open_conversations(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'two.db'}"
    from safeguard.store.db import open_database

    db = open_database(db_url)
    with db.session() as s:
        _, key = keys.create_key(s, role="matcher", name="platform", actor="test")
    db.dispose()
    headers = {"Authorization": f"Bearer {key}"}
    with serve_process(tmp_path, db_url, workers=2) as url:
        for i in range(30):
            # A new connection each time, so the kernel spreads them over both workers.
            r = httpx.post(
                f"{url}/v1/chat/messages",
                json={"conversation": "w-1", "author": "a", "text": f"hello {i}", "ts": float(i)},
                headers={**headers, "Connection": "close"},
                timeout=60,
            )
            assert r.status_code == 200, r.text
        state = httpx.get(f"{url}/v1/chat/conversations/w-1", headers=headers, timeout=60).json()
    assert state["messages"] == 30
