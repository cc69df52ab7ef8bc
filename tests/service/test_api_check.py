"""``/v1/check`` and ``/v1/hash`` over HTTP against the real app (SQLite and PostgreSQL):
actions and rules, cases, evidence, and every kind of bad input the design names."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from safeguard.access import keys
from safeguard.banks import BankSpec, NewEntry, add_entries, create_bank
from safeguard.review.rules import add_rule
from safeguard.review.webhooks import add_endpoint
from safeguard.service.testing import (
    LiveServer,
)
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, EvidenceMedia, WebhookDelivery
from tests.conftest import live_service
from tests.media_factory import jpeg, png_declaring, random_bytes, write_video

MAX_UPLOAD = 1024 * 1024


@dataclass
class Api:
    server: LiveServer
    db: Database
    client: httpx.Client
    admin: str
    counter: int = 0

    def name(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def bank(self, kind: str = "block", category: str | None = None) -> str:
        name = self.name(kind)
        with self.db.session() as s:
            create_bank(
                s,
                BankSpec(name, kind="allow" if kind == "allow" else "block", category=category),
                "test",
            )
        return name

    def add(self, bank: str, kind: str, value: str) -> None:
        with self.db.session() as s:
            add_entries(s, bank, [NewEntry(kind, value)], actor="test")
        self.server.app.state.runtime.refresh()

    def check(self, content: bytes, name: str = "a.jpg") -> httpx.Response:
        return self.client.post("/v1/check", files={"file": (name, content, "image/jpeg")})

    def check_json(self, signals: dict[str, Any]) -> httpx.Response:
        return self.client.post("/v1/check", json={"signals": signals})

    def pdq_of(self, content: bytes) -> str:
        r = self.client.post("/v1/hash", files={"file": ("x.jpg", content, "image/jpeg")})
        assert r.status_code == 200, r.text
        pdq: str = r.json()["pdq"]
        return pdq


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("check")
    served_service = live_service(request.param, tmp, max_upload_bytes=MAX_UPLOAD)
    with served_service as served, served.client() as client:
        yield Api(served.server, served.db, client, served.keys["admin"])


def _flip(pdq: str, bits: int) -> str:
    value = int(pdq, 16) ^ ((1 << bits) - 1)
    return f"{value:064x}"


# --- actions -----------------------------------------------------------------------------


def test_content_without_matches_is_allowed_and_opens_no_case(api: Api) -> None:
    r = api.check(jpeg(320, 240, "coins"))
    assert r.status_code == 200
    body = r.json()
    assert (body["action"], body["matches"], body["case_id"]) == ("allow", [], None)
    assert body["signals"]["pdq"] and body["signals"]["md5"]


def test_an_upload_matching_a_block_bank_opens_a_review_case_by_default(api: Api) -> None:
    content = jpeg(400, 300, "astronaut")
    bank = api.bank()
    api.add(bank, "pdq", api.pdq_of(content))
    body = api.check(content).json()
    assert body["action"] == "review"
    assert [m["bank"] for m in body["matches"]] == [bank]
    case = api.client.get(f"/v1/cases/{body['case_id']}").json()
    assert case["status"] == "open"
    assert case["evidence"]["signals"]["sha256"] == hashlib.sha256(content).hexdigest()
    assert case["evidence"]["banks"][bank]["kind"] == "block"


def test_precomputed_pdq_within_the_threshold_matches_with_its_distance(api: Api) -> None:
    bank = api.bank()
    pdq = api.pdq_of(jpeg(300, 300, "camera"))
    api.add(bank, "pdq", pdq)
    body = api.check_json({"pdq": _flip(pdq, 7)}).json()
    assert [(m["bank"], m["distance"]) for m in body["matches"]] == [(bank, 7)]


def test_a_rule_maps_a_bank_to_block_and_block_opens_no_case(api: Api) -> None:
    bank = api.bank()
    md5 = "1" * 32
    api.add(bank, "md5", md5)
    with api.db.session() as s:
        add_rule(s, action="block", actor="test", bank=bank)
    body = api.check_json({"md5": md5}).json()
    assert (body["action"], body["case_id"]) == ("block", None)


def test_the_most_specific_rule_wins(api: Api) -> None:
    bank = api.bank(category="cat-a")
    md5 = "2" * 32
    api.add(bank, "md5", md5)
    with api.db.session() as s:
        add_rule(s, action="report", actor="test", category="cat-a")
        add_rule(s, action="block", actor="test", bank=bank, category="cat-a")
    assert api.check_json({"md5": md5}).json()["action"] == "block"


def test_report_opens_a_case(api: Api) -> None:
    bank = api.bank()
    sha1 = "3" * 40
    api.add(bank, "sha1", sha1)
    with api.db.session() as s:
        add_rule(s, action="report", actor="test", bank=bank)
    body = api.check_json({"sha1": sha1}).json()
    assert body["action"] == "report"
    assert api.client.get(f"/v1/cases/{body['case_id']}").json()["action"] == "report"


def test_an_allowlist_match_overrides_a_block(api: Api) -> None:
    block, allow = api.bank(), api.bank("allow")
    md5 = "4" * 32
    api.add(block, "md5", md5)
    api.add(allow, "md5", md5)
    with api.db.session() as s:
        add_rule(s, action="block", actor="test", bank=block)
    body = api.check_json({"md5": md5}).json()
    assert (body["action"], body["case_id"]) == ("allow", None)
    assert {m["bank"] for m in body["matches"]} == {block, allow}


def test_an_action_is_audited_and_a_block_sends_a_webhook(api: Api) -> None:
    bank = api.bank()
    md5 = "5" * 32
    api.add(bank, "md5", md5)
    with api.db.session() as s:
        add_rule(s, action="block", actor="test", bank=bank)
        add_endpoint(s, url="http://127.0.0.1:9/hook", actor="test", events="check.blocked")
    api.check_json({"md5": md5})
    with api.db.session() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.subject == f"content:md5:{md5}")
        ).one()
        deliveries = s.scalars(
            select(WebhookDelivery).where(WebhookDelivery.event == "check.blocked")
        ).all()
    assert json.loads(event.details)["action"] == "block"
    assert any(json.loads(d.payload)["data"]["signals"]["md5"] == md5 for d in deliveries)


def test_a_new_entry_reaches_the_index_without_a_restart(api: Api) -> None:
    bank = api.bank()
    md5 = "6" * 32
    r = api.client.post(
        f"/v1/banks/{bank}/entries", json={"entries": [{"type": "md5", "value": md5}]}
    )
    assert r.status_code == 200
    deadline = time.monotonic() + 20
    while not api.check_json({"md5": md5}).json()["matches"]:
        assert time.monotonic() < deadline, "the entry never reached the index"
        time.sleep(0.1)


def test_a_disabled_entry_stops_matching(api: Api) -> None:
    bank = api.bank()
    md5 = "7" * 32
    api.add(bank, "md5", md5)
    assert api.check_json({"md5": md5}).json()["matches"]
    r = api.client.post(f"/v1/banks/{bank}/entries/disable", json={"values": [{"value": md5}]})
    assert r.json()["changed"] == 1
    assert api.check_json({"md5": md5}).json()["matches"] == []


# --- evidence ----------------------------------------------------------------------------


def test_the_upload_of_an_opened_case_is_kept_encrypted_and_served_to_reviewers(
    api: Api,
) -> None:
    content = jpeg(320, 320, "chelsea")
    bank = api.bank()
    api.add(bank, "sha256", hashlib.sha256(content).hexdigest())
    case_id = api.check(content).json()["case_id"]
    with api.db.session() as s:
        stored = s.scalars(select(EvidenceMedia).where(EvidenceMedia.case_id == case_id)).one()
        assert content[:64] not in stored.ciphertext
    r = api.client.get(f"/v1/cases/{case_id}/media")
    assert r.status_code == 200
    assert r.content == content
    assert r.headers["cache-control"] == "no-store"
    with api.db.session() as s:
        views = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "evidence.view", AuditEvent.subject == f"case:{case_id}"
            )
        ).all()
    assert len(views) == 1


def test_a_case_from_precomputed_signals_has_no_media(api: Api) -> None:
    bank = api.bank()
    api.add(bank, "md5", "8" * 32)
    case_id = api.check_json({"md5": "8" * 32}).json()["case_id"]
    assert api.client.get(f"/v1/cases/{case_id}/media").status_code == 404


# --- bad input ---------------------------------------------------------------------------


def test_wrong_content_type_is_415(api: Api) -> None:
    r = api.client.post("/v1/check", content=b"hello", headers={"Content-Type": "text/plain"})
    assert (r.status_code, r.json()["error"]["code"]) == (415, "unsupported_media_type")
    r = api.client.post("/v1/hash", json={"signals": {"md5": "0" * 32}})
    assert r.status_code == 415


def test_an_upload_over_the_limit_is_413(api: Api) -> None:
    r = api.check(random_bytes(MAX_UPLOAD + 200_000), "big.bin")
    assert (r.status_code, r.json()["error"]["code"]) == (413, "too_large")


def test_a_streamed_upload_without_length_is_cut_off_at_the_limit(api: Api) -> None:
    boundary = "sgboundary"
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        chunk = random_bytes(64 * 1024)
        for _ in range(64):  # 4 MiB, four times the limit
            sent += len(chunk)
            yield chunk
        yield f"\r\n--{boundary}--\r\n".encode()

    r = api.client.post(
        "/v1/check",
        content=body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert r.status_code == 413
    assert api.client.get("/healthz").status_code == 200


def test_a_decompression_bomb_is_a_clear_4xx(api: Api) -> None:
    bomb = png_declaring(60_000, 60_000)
    r = api.client.post("/v1/hash", files={"file": ("bomb.png", bomb, "image/png")})
    assert (r.status_code, r.json()["error"]["code"]) == (422, "image_too_large")
    r = api.client.post("/v1/check", files={"file": ("bomb.png", bomb, "image/png")})
    assert (r.status_code, r.json()["error"]["code"]) == (422, "image_too_large")


def test_a_broken_image_whose_digest_is_known_is_still_actioned(api: Api) -> None:
    broken = jpeg(200, 200, "coffee")[:500]
    bank = api.bank()
    api.add(bank, "md5", hashlib.md5(broken).hexdigest())
    r = api.check(broken)
    assert r.status_code == 200
    body = r.json()
    assert body["action"] == "review"
    assert body["media_error"]["code"] == "corrupt_media"


def test_malformed_json_is_422(api: Api) -> None:
    r = api.client.post(
        "/v1/check", content=b'{"signals": ', headers={"Content-Type": "application/json"}
    )
    assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_json")


@pytest.mark.parametrize(
    "body",
    [
        {"signals": {"pdq": "abc"}},
        {"signals": {"md5": "z" * 32}},
        {"signals": {}},
        {"signals": {"md5": "0" * 32}, "unknown": 1},
        {"nothing": True},
        [1, 2, 3],
    ],
    ids=["short pdq", "non-hex md5", "no signals", "unknown field", "no signals key", "list"],
)
def test_invalid_signals_are_422_with_a_message(api: Api, body: Any) -> None:
    r = api.client.post("/v1/check", json=body)
    assert r.status_code == 422
    assert r.json()["error"]["message"]


def test_a_key_over_its_rate_is_429_with_retry_after(api: Api) -> None:
    with api.db.session() as s:
        _, slow = keys.create_key(s, role="matcher", name="slow", actor="test", rate_limit=0.01)
    headers = {"Authorization": f"Bearer {slow}"}
    first = api.client.post("/v1/check", json={"signals": {"md5": "0" * 32}}, headers=headers)
    second = api.client.post("/v1/check", json={"signals": {"md5": "0" * 32}}, headers=headers)
    assert first.status_code == 200
    assert (second.status_code, second.json()["error"]["code"]) == (429, "rate_limited")
    assert int(second.headers["retry-after"]) >= 1


def test_kept_media_of_another_type_is_served_as_a_download(api: Api) -> None:
    page = b"<html><script>alert(1)</script></html>"
    bank = api.bank()
    api.add(bank, "md5", hashlib.md5(page).hexdigest())
    r = api.client.post("/v1/check", files={"file": ("x.html", page, "text/html")})
    media = api.client.get(f"/v1/cases/{r.json()['case_id']}/media")
    assert media.headers["content-type"] == "application/octet-stream"
    assert media.headers["content-disposition"] == "attachment"
    assert "sandbox" in media.headers["content-security-policy"]


def test_a_video_upload_is_hashed_frame_by_frame(api: Api, tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    write_video(str(path), seconds=2.0, fps=5, size=(160, 120))
    r = api.client.post("/v1/hash", files={"file": ("clip.mp4", path.read_bytes(), "video/mp4")})
    assert r.status_code == 200
    body = r.json()
    assert body["kind"] == "video"
    assert [f["frame"] for f in body["vpdq"]] == [0, 5]
