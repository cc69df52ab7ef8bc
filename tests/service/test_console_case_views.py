"""Chat and stream cases show their own evidence in the console, with decisions that fit
them; the queue puts ``terminate`` and ``report`` first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import Any

import argon2
import httpx
import pytest

from safeguard.access import users
from safeguard.review import cases
from safeguard.service.testing import LiveServer, database_url, settings_for_tests
from safeguard.store.db import Database
from safeguard.store.models import Case

PASSWORD = "a long benign passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PDQ = "f" * 16 + "0" * 48

CHAT_EVIDENCE: dict[str, Any] = {
    "chat": {
        "id": "conv-7",
        "risk": 0.91,
        "level": "critical",
        "signals": [
            {"category": "age_probing", "message": 2, "span": [4, 19], "author": "u-adult"},
            {"category": "secrecy", "message": 5, "span": [0, 12], "author": "u-adult"},
            {"category": "platform_move", "message": 7, "span": [10, 31], "author": "u-adult"},
        ],
        "alert_at": 7,
        "suspect": "u-adult",
        "target": "u-child",
        "messages": 8,
        "warnings": [],
        "client": "tenant:platform",
    }
}


def stream_evidence() -> dict[str, Any]:
    match = {
        "bank": "live-block",
        "bank_kind": "block",
        "entry": 41,
        "signal": "pdq",
        "value": PDQ,
        "distance": 3,
        "category": "A",
        "external_id": "hotline-931",
    }
    frames = [
        {"stream_ts": 4.2, "pdq": PDQ, "quality": 100, "matches": [match]},
        {"stream_ts": 5.2, "pdq": PDQ, "quality": 100, "matches": [match]},
    ]
    return {
        "stream": "live-9",
        "source": "rtmp://cam.example/live",
        "decided_at": 5.2,
        "frames": frames,
        "comments": {
            "risk": 0.7,
            "level": "high",
            "viewers": {"viewer-3": 0.7},
            "signals": [
                {
                    "category": "request",
                    "viewer": "viewer-3",
                    "comment": 4,
                    "span": [0, 9],
                    "ts": 3.5,
                }
            ],
            "window_start": 0.0,
            "window_end": 5.0,
            "comments_in_window": 6,
            "comment": 4,
        },
        "timeline": [],
        "policy": {},
        "matches": [match, dict(match)],
    }


@dataclass
class Console:
    server: LiveServer
    db: Database

    def signed_in(self) -> httpx.Client:
        client = httpx.Client(base_url=self.server.url, follow_redirects=False, timeout=30)
        token = CSRF.search(client.get("/console/login").text)
        assert token
        r = client.post(
            "/console/login",
            data={"username": "rita", "password": PASSWORD, "csrf_token": token[1]},
        )
        assert r.status_code == 303
        return client

    def case(self, **fields: Any) -> int:
        with self.db.session() as s:
            case = cases.open_case(s, actor="test", **fields)
            return int(case.id)


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            users, "_hasher", argon2.PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        tmp = tmp_path_factory.mktemp("views")
        from safeguard.store.db import open_database

        db = open_database(f"sqlite:///{tmp / 'sg.db'}")
        with db.session() as s:
            users.create_user(s, "rita", PASSWORD, "reviewer", actor="test")
        server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
        try:
            yield Console(server, db)
        finally:
            server.stop()
            db.dispose()


def test_a_chat_case_shows_the_conversation_evidence_and_fitting_decisions(
    console: Console,
) -> None:
    case_id = console.case(
        source="chat", action="review", summary="grooming risk", evidence=CHAT_EVIDENCE
    )
    with closing(console.signed_in()) as client:
        page = client.get(f"/console/cases/{case_id}").text
    assert "No bank matches" not in page and "No signals recorded" not in page
    assert "Add its signals to block bank" not in page
    for text in ("u-adult", "u-child", "conv-7", "critical", "0.91", "age probing", "secrecy"):
        assert text in page, text
    # Each signal with its message (numbered from 1, said so) and its character span.
    assert "message 3" in page and "characters 4–19" in page
    assert "Confirm grooming" in page and "False positive" in page and "Escalate" in page


def test_a_chat_case_shows_the_risk_now_beside_the_risk_at_opening(console: Console) -> None:
    from safeguard.store.models import ChatConversation

    case_id = console.case(
        source="chat", action="review", summary="grooming risk", evidence=CHAT_EVIDENCE
    )
    with console.db.session() as s:
        s.add(
            ChatConversation(
                owner="tenant:platform",
                conversation_id="conv-7",
                version=1,
                state="{}",
                messages=15,
                risk=0.97,
                level="critical",
                alert_at=7,
                case_id=case_id,
            )
        )
    with closing(console.signed_in()) as client:
        page = client.get(f"/console/cases/{case_id}").text
    assert "Risk now" in page and "0.97 after 15 messages" in page


def test_confirming_grooming_needs_no_bank(console: Console) -> None:
    case_id = console.case(
        source="chat", action="review", summary="grooming risk", evidence=CHAT_EVIDENCE
    )
    with closing(console.signed_in()) as client:
        token = CSRF.search(client.get(f"/console/cases/{case_id}").text)
        assert token
        r = client.post(
            f"/console/cases/{case_id}/decide",
            data={"decision": "confirm", "csrf_token": token[1]},
        )
    assert r.status_code == 303, r.text[-500:]
    with console.db.session() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.status == "confirmed"


def test_a_stream_case_shows_stream_time_the_entry_and_the_comments_once(
    console: Console,
) -> None:
    case_id = console.case(
        source="stream:live-9",
        action="terminate",
        summary="terminate at 5.200 s",
        evidence=stream_evidence(),
    )
    with closing(console.signed_in()) as client:
        page = client.get(f"/console/cases/{case_id}").text
    assert "0:00:05.2" in page  # the decision's stream time
    assert "0:00:04.2" in page  # each matched frame's stream time
    assert page.count('class="match-row"') == 1  # the matched entry, once
    assert "hotline-931" in page
    assert "viewer-3" in page and "request" in page and "comment 5" in page
    assert "No signals recorded" not in page


def test_the_queue_puts_terminate_and_report_first_with_a_badge(console: Console) -> None:
    with console.db.session() as s:
        s.query(Case).filter(Case.status == "open").update({"status": "escalated"})
    review = console.case(source="api", action="review", summary="older review", evidence={})
    report = console.case(source="api", action="report", summary="a report", evidence={})
    terminate = console.case(
        source="stream:x", action="terminate", summary="a stream to end", evidence={}
    )
    with closing(console.signed_in()) as client:
        page = client.get("/console/cases").text
    order = [int(i) for i in re.findall(r'href="/console/cases/(\d+)">#', page)]
    assert order == [terminate, report, review]
    assert 'class="badge terminate urgent"' in page


def test_an_escalated_case_says_escalated_by_not_decided(console: Console) -> None:
    case_id = console.case(source="api", action="review", summary="to escalate", evidence={})
    with console.db.session() as s:
        cases.decide_case(s, case_id, decision="escalate", actor="console:rita")
    with closing(console.signed_in()) as client:
        page = client.get(f"/console/cases/{case_id}").text
    assert "Escalated" in page and "by console:rita" in page
    assert "<dt>Decided</dt>" not in page
