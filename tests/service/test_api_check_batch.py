"""``POST /v1/check/batch`` and the precomputed fast path of ``/v1/check``, over HTTP against
the real app (SQLite and PostgreSQL): each batch answer is the single check's answer, matches
open cases and are audited as single checks are, too many or malformed sets are refused, and
a cached API key still stops working soon after it is revoked."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from safeguard.access import keys
from safeguard.banks import BankSpec, NewEntry, add_entries, create_bank
from safeguard.review.rules import add_rule
from safeguard.review.webhooks import add_endpoint
from safeguard.service.schemas import MAX_BATCH
from safeguard.service.testing import LiveServer
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, Case, WebhookDelivery
from tests.conftest import live_service

#: Long enough that the requests of one test hit the cache, short enough to wait out.
KEY_CACHE_SECONDS = 1.0


@dataclass
class Api:
    server: LiveServer
    db: Database
    client: httpx.Client
    counter: int = 0

    def bank(self) -> str:
        self.counter += 1
        name = f"batch-{self.counter}"
        with self.db.session() as s:
            create_bank(s, BankSpec(name), "test")
        return name

    def add(self, bank: str, kind: str, value: str) -> None:
        with self.db.session() as s:
            add_entries(s, bank, [NewEntry(kind, value)], actor="test")
        self.server.app.state.runtime.refresh()

    def batch(self, items: list[dict[str, Any]], **extra: Any) -> httpx.Response:
        return self.client.post("/v1/check/batch", json={"signals": items, **extra})

    def single(self, signals: dict[str, Any]) -> dict[str, Any]:
        r = self.client.post("/v1/check", json={"signals": signals})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("batch")
    served_service = live_service(request.param, tmp, key_cache_seconds=KEY_CACHE_SECONDS)
    with served_service as served, served.client() as client:
        yield Api(served.server, served.db, client)


def _random_pdq() -> str:
    return secrets.token_hex(32)


def _flip(pdq: str, bits: int) -> str:
    return f"{int(pdq, 16) ^ ((1 << bits) - 1):064x}"


def _without_case(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answer.items() if k != "case_id"}


def _cases(api: Api) -> int:
    with api.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


# --- answers -----------------------------------------------------------------------------


def test_each_answer_is_the_single_checks_answer_in_order(api: Api) -> None:
    bank = api.bank()
    pdq, md5 = _random_pdq(), secrets.token_hex(16)
    api.add(bank, "pdq", pdq)
    api.add(bank, "md5", md5)
    items: list[dict[str, Any]] = [
        {"pdq": _flip(pdq, 5), "pdq_quality": 90},
        {"pdq": _random_pdq()},
        {"md5": md5, "sha1": "0" * 40},
        {"sha256": "1" * 64},
        {"pdq": pdq.upper()},
    ]
    r = api.batch(items)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == len(items)
    for item, got in zip(items, results, strict=True):
        assert _without_case(got) == _without_case(api.single(item))
    assert [x["action"] for x in results] == ["review", "allow", "review", "allow", "review"]
    assert [[m["distance"] for m in x["matches"]] for x in results] == [[5], [], [0], [], [0]]
    assert results[0]["signals"] == {"pdq": _flip(pdq, 5), "pdq_quality": 90}


def test_an_answer_names_every_field_a_single_check_does(api: Api) -> None:
    bank = api.bank()
    md5 = secrets.token_hex(16)
    api.add(bank, "md5", md5)
    got = api.batch([{"md5": md5}]).json()["results"][0]
    assert set(got) == {
        "action",
        "matches",
        "case_id",
        "signals",
        "media_error",
        "lowered_from",
        "lowered",
    }
    assert set(got["matches"][0]) == {
        "bank",
        "bank_kind",
        "entry",
        "signal",
        "value",
        "distance",
        "category",
        "external_id",
        "frame",
        "ts",
        "variant",
    }


def test_a_batch_without_matches_opens_no_case(api: Api) -> None:
    before = _cases(api)
    r = api.batch([{"pdq": _random_pdq()} for _ in range(50)])
    assert r.status_code == 200
    assert {x["action"] for x in r.json()["results"]} == {"allow"}
    assert {x["case_id"] for x in r.json()["results"]} == {None}
    assert _cases(api) == before


def test_matches_open_a_case_each_and_are_audited_as_single_checks_are(api: Api) -> None:
    bank = api.bank()
    a, b = secrets.token_hex(16), secrets.token_hex(16)
    api.add(bank, "md5", a)
    api.add(bank, "md5", b)
    before = _cases(api)
    results = api.batch([{"md5": a}, {"pdq": _random_pdq()}, {"md5": b}], source="uploads").json()[
        "results"
    ]
    ids = [x["case_id"] for x in results]
    assert ids[1] is None and ids[0] is not None and ids[2] is not None and ids[0] != ids[2]
    assert _cases(api) == before + 2
    case = api.client.get(f"/v1/cases/{ids[0]}").json()
    assert case["status"] == "open"
    assert case["evidence"]["signals"]["md5"] == a
    with api.db.session() as s:
        for md5 in (a, b):
            event = s.scalars(
                select(AuditEvent).where(AuditEvent.subject == f"content:md5:{md5}")
            ).one()
            details = json.loads(event.details)
            assert (details["action"], details["source"]) == ("review", "uploads")


def test_a_blocked_item_sends_its_webhook(api: Api) -> None:
    bank = api.bank()
    md5 = secrets.token_hex(16)
    api.add(bank, "md5", md5)
    with api.db.session() as s:
        add_rule(s, action="block", actor="test", bank=bank)
        add_endpoint(s, url="http://127.0.0.1:9/hook", actor="test", events="check.blocked")
    results = api.batch([{"pdq": _random_pdq()}, {"md5": md5}]).json()["results"]
    assert [x["action"] for x in results] == ["allow", "block"]
    with api.db.session() as s:
        deliveries = s.scalars(
            select(WebhookDelivery).where(WebhookDelivery.event == "check.blocked")
        ).all()
    assert any(json.loads(d.payload)["data"]["signals"]["md5"] == md5 for d in deliveries)


def test_a_full_batch_is_answered(api: Api) -> None:
    r = api.batch([{"pdq": _random_pdq()} for _ in range(MAX_BATCH)])
    assert r.status_code == 200
    assert len(r.json()["results"]) == MAX_BATCH
    assert "match;dur=" in r.headers["server-timing"]


# --- refusals ----------------------------------------------------------------------------


def test_more_than_the_most_signal_sets_is_413(api: Api) -> None:
    r = api.batch([{"pdq": _random_pdq()} for _ in range(MAX_BATCH + 1)])
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_many_signals"


@pytest.mark.parametrize(
    ("items", "where"),
    [
        ([{"pdq": "0" * 64}, {"pdq": "abc"}], "signals.1.pdq"),
        ([{"md5": "z" * 32}], "signals.0.md5"),
        ([{"md5": "0" * 32}, {"md5": "0" * 32, "colour": "red"}], "signals.1.colour"),
        ([{"pdq": "0" * 64, "pdq_quality": 101}], "signals.0.pdq_quality"),
        ([], "signals"),
    ],
    ids=["short pdq", "non-hex md5", "unknown field", "quality over 100", "empty list"],
)
def test_a_malformed_signal_set_is_422_naming_it(
    api: Api, items: list[dict[str, Any]], where: str
) -> None:
    r = api.batch(items)
    assert r.status_code == 422
    assert r.json()["error"]["message"].startswith(where)


@pytest.mark.parametrize(
    "body",
    [{"signals": {"pdq": "0" * 64}}, {"nothing": True}, [1, 2, 3], {"signals": [1]}],
    ids=["object not list", "no signals key", "list body", "number item"],
)
def test_a_malformed_body_is_422(api: Api, body: Any) -> None:
    r = api.client.post("/v1/check/batch", json=body)
    assert r.status_code == 422
    assert r.json()["error"]["message"]


def test_an_empty_signal_set_is_422_naming_it(api: Api) -> None:
    r = api.batch([{"pdq": _random_pdq()}, {}])
    assert (r.status_code, r.json()["error"]["code"]) == (422, "no_signals")
    assert "signal set 1" in r.json()["error"]["message"]


def test_a_body_that_is_not_json_is_415(api: Api) -> None:
    r = api.client.post("/v1/check/batch", content=b"pdq", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


# --- the key cache -----------------------------------------------------------------------


def test_a_revoked_key_stops_working_once_the_cache_lets_go(api: Api) -> None:
    with api.db.session() as s:
        info, key = keys.create_key(s, role="matcher", name="soon revoked", actor="test")
    headers = {"Authorization": f"Bearer {key}"}
    body = {"signals": {"pdq": _random_pdq()}}
    assert api.client.post("/v1/check", json=body, headers=headers).status_code == 200
    with api.db.session() as s:
        keys.revoke_key(s, info.id, actor="test")
    deadline = time.monotonic() + 10 * KEY_CACHE_SECONDS + 10
    status = 200
    while status == 200 and time.monotonic() < deadline:
        status = api.client.post("/v1/check", json=body, headers=headers).status_code
        time.sleep(0.05)
    assert status == 401


# --- the fast lane of /v1/check (keys in the cache) ---------------------------------------


def _cached_key(api: Api, role: str, **options: Any) -> dict[str, str]:
    """A new key's header, already used once so that the server has it in its cache."""
    with api.db.session() as s:
        _, key = keys.create_key(s, role=role, name=f"{role} lane", actor="test", **options)
    headers = {"Authorization": f"Bearer {key}"}
    api.client.get("/v1/index/status", headers=headers)
    return headers


def test_a_cached_check_that_matches_nothing_is_answered_and_counted(api: Api) -> None:
    headers = _cached_key(api, "matcher")
    pdq = _random_pdq()
    r = api.client.post("/v1/check", json={"signals": {"pdq": pdq}}, headers=headers)
    assert r.status_code == 200
    assert r.json() == {
        "action": "allow",
        "matches": [],
        "case_id": None,
        "signals": {"pdq": pdq},
        "media_error": None,
        "lowered_from": None,
        "lowered": [],
    }
    assert "match;dur=" in r.headers["server-timing"]
    text = api.client.get("/metrics").text
    assert 'route="/v1/check",status="200"' in text


def _timings(header: str) -> dict[str, float]:
    parts = (p.strip().split(";dur=") for p in header.split(","))
    return {name: float(value) for name, value in parts}


def test_a_cached_check_says_how_long_it_waited_and_took(api: Api) -> None:
    headers = _cached_key(api, "matcher")
    r = api.client.post("/v1/check", json={"signals": {"pdq": _random_pdq()}}, headers=headers)
    timings = _timings(r.headers["server-timing"])
    assert {"match", "wait", "app"} <= timings.keys()
    assert timings["wait"] >= 0 and timings["app"] > 0


def test_a_batch_says_how_long_it_waited_and_took(api: Api) -> None:
    r = api.batch([{"pdq": _random_pdq()} for _ in range(3)])
    timings = _timings(r.headers["server-timing"])
    assert {"match", "wait", "app"} <= timings.keys()
    assert timings["wait"] >= 0 and timings["app"] > 0


def test_a_cached_check_that_matches_opens_its_case(api: Api) -> None:
    headers = _cached_key(api, "matcher")
    bank = api.bank()
    md5 = secrets.token_hex(16)
    api.add(bank, "md5", md5)
    r = api.client.post("/v1/check", json={"signals": {"md5": md5}}, headers=headers)
    assert r.status_code == 200
    assert r.json()["action"] == "review" and r.json()["case_id"] is not None


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"signals": ', "invalid_json"),
        (b'{"signals": {"pdq": "abc"}}', "invalid_request"),
        (b'{"signals": {}}', "no_signals"),
    ],
    ids=["malformed json", "short pdq", "no signals"],
)
def test_a_cached_key_with_a_bad_body_gets_the_usual_422(api: Api, body: bytes, code: str) -> None:
    headers = {**_cached_key(api, "matcher"), "Content-Type": "application/json"}
    r = api.client.post("/v1/check", content=body, headers=headers)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == code


def test_a_cached_key_of_another_role_is_403(api: Api) -> None:
    headers = _cached_key(api, "hasher")
    r = api.client.post("/v1/check", json={"signals": {"pdq": _random_pdq()}}, headers=headers)
    assert r.status_code == 403


def test_a_cached_key_over_its_rate_is_429(api: Api) -> None:
    # Caching the key spent the one token of its burst.
    headers = _cached_key(api, "matcher", rate_limit=0.01)
    r = api.client.post("/v1/check", json={"signals": {"pdq": _random_pdq()}}, headers=headers)
    assert (r.status_code, r.json()["error"]["code"]) == (429, "rate_limited")
    assert int(r.headers["retry-after"]) >= 1


def _through_lane(api: Api, key_headers: dict[str, str], body: bytes) -> tuple[list[Any], Any]:
    """Drive the lane directly: (what it sent, the body the app behind it received)."""
    import asyncio

    from safeguard.service.fastlane import FastCheck

    seen: dict[str, Any] = {}

    async def behind(scope: Any, receive: Any, send: Any) -> None:
        seen["body"] = (await receive())["body"]

    lane = FastCheck(behind, lane=api.server.app.state.fast_lane)
    headers = [
        (b"authorization", key_headers["Authorization"].encode()),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    scope = {"type": "http", "method": "POST", "path": "/v1/check", "headers": headers}
    sent: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    asyncio.run(lane(scope, receive, send))
    return sent, seen.get("body")


def test_the_lane_answers_a_miss_and_passes_on_the_rest_with_the_body_intact(api: Api) -> None:
    headers = _cached_key(api, "matcher")
    pdq = _random_pdq()
    body = json.dumps({"signals": {"pdq": pdq}}).encode()
    sent, passed_on = _through_lane(api, headers, body)
    assert passed_on is None and sent[0]["status"] == 200
    bank = api.bank()
    api.add(bank, "pdq", pdq)
    sent, passed_on = _through_lane(api, headers, body)
    assert sent == [] and passed_on == body
    broken = b'{"signals": {"pdq": "abc"}}'
    sent, passed_on = _through_lane(api, headers, broken)
    assert sent == [] and passed_on == broken
