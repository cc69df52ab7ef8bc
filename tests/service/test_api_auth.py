"""Every endpoint x (no key, wrong key, revoked key, each role) answers 401, 403 or 2xx as
its role table says, over HTTP against the real app (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from safeguard.access import keys
from safeguard.banks import BankSpec, create_bank
from safeguard.review import cases, webhooks
from safeguard.review.evidence import EvidenceStore
from safeguard.review.rules import add_rule
from safeguard.service.testing import (
    LiveServer,
    database_url,
    open_test_database,
    settings_for_tests,
)
from safeguard.store.db import Database
from tests.media_factory import jpeg

ROLES = ("hasher", "matcher", "curator", "reviewer", "admin")
PDQ = "f" * 64
JPEG = jpeg(64, 48)


@dataclass
class World:
    server: LiveServer
    db: Database
    keys: dict[str, str]
    client: httpx.Client
    counter: int = 0

    def fresh(self) -> int:
        self.counter += 1
        return self.counter

    def bank(self, kind: str = "block") -> str:
        name = f"bank-{kind}-{self.fresh()}"
        with self.db.session() as s:
            create_bank(s, BankSpec(name, kind="allow" if kind == "allow" else "block"), "test")
        return name

    def case(self, media: bool = False) -> int:
        with self.db.session() as s:
            case = cases.open_case(
                s,
                source="test",
                action="review",
                summary="a test case",
                evidence={"signals": {"pdq": PDQ}},
                actor="test",
            )
            if media:
                EvidenceStore(self.server.app.state.runtime.settings).save(
                    s, case.id, JPEG, filename="a.jpg", content_type="image/jpeg"
                )
            return case.id


Request = Callable[[World], tuple[str, str, dict[str, Any]]]


def _post_json(path: str, body: Any) -> Request:
    return lambda w: ("POST", path, {"json": body})


def _get(path: str) -> Request:
    return lambda w: ("GET", path, {})


def _upload(path: str) -> Request:
    return lambda w: ("POST", path, {"files": {"file": ("a.jpg", JPEG, "image/jpeg")}})


def _new_bank(w: World) -> tuple[str, str, dict[str, Any]]:
    return "POST", "/v1/banks", {"json": {"name": f"new-{w.fresh()}"}}


def _delete_bank(w: World) -> tuple[str, str, dict[str, Any]]:
    return "DELETE", f"/v1/banks/{w.bank()}", {}


def _decide(w: World) -> tuple[str, str, dict[str, Any]]:
    return "POST", f"/v1/cases/{w.case()}/decision", {"json": {"decision": "escalate"}}


def _media(w: World) -> tuple[str, str, dict[str, Any]]:
    return "GET", f"/v1/cases/{w.case(media=True)}/media", {}


def _revoke_key(w: World) -> tuple[str, str, dict[str, Any]]:
    with w.db.session() as s:
        info, _ = keys.create_key(s, role="hasher", name="to revoke", actor="test")
    return "DELETE", f"/v1/keys/{info.id}", {}


def _delete_rule(w: World) -> tuple[str, str, dict[str, Any]]:
    with w.db.session() as s:
        rule = add_rule(
            s, action="block", actor="test", bank=f"rule-bank-{w.fresh()}", allow_missing=True
        )
    return "DELETE", f"/v1/rules/{rule.id}", {}


def _delete_webhook(w: World) -> tuple[str, str, dict[str, Any]]:
    with w.db.session() as s:
        endpoint, _ = webhooks.add_endpoint(s, url="http://127.0.0.1:9/hook", actor="test")
    return "DELETE", f"/v1/webhooks/{endpoint.id}", {}


def _delivery(w: World) -> tuple[str, str, dict[str, Any]]:
    with w.db.session() as s:
        webhooks.add_endpoint(s, url="http://127.0.0.1:9/hook", actor="test")
        webhooks.enqueue(s, "case.decided", {"test": True})
        delivery_id = webhooks.recent_deliveries(s, 1)[0].id
    return "GET", f"/v1/webhooks/deliveries/{delivery_id}", {}


def _import(w: World) -> tuple[str, str, dict[str, Any]]:
    return (
        "POST",
        "/v1/banks/shared/import",
        {
            "content": PDQ.encode() + b"\n",
            "params": {"type": "pdq"},
            "headers": {"Content-Type": "text/plain"},
        },
    )


#: (name, request, roles allowed besides admin). Admin may do everything.
ENDPOINTS: list[tuple[str, Request, tuple[str, ...]]] = [
    ("hash", _upload("/v1/hash"), ("hasher", "matcher")),
    ("check upload", _upload("/v1/check"), ("matcher",)),
    ("check json", _post_json("/v1/check", {"signals": {"pdq": PDQ}}), ("matcher",)),
    (
        "check batch",
        _post_json("/v1/check/batch", {"signals": [{"pdq": PDQ}, {"md5": "0" * 32}]}),
        ("matcher",),
    ),
    ("check url", _post_json("/v1/check/url", {"url": "http://example.com/a"}), ("matcher",)),
    ("check query", _post_json("/v1/check/query", {"query": "a harmless query"}), ("matcher",)),
    ("index status", _get("/v1/index/status"), ("matcher", "curator")),
    ("banks create", _new_bank, ("curator",)),
    ("banks list", _get("/v1/banks"), ("curator", "reviewer")),
    ("banks get", _get("/v1/banks/shared"), ("curator", "reviewer")),
    (
        "banks update",
        lambda w: ("PATCH", "/v1/banks/shared", {"json": {"description": "d"}}),
        ("curator",),
    ),
    ("banks delete", _delete_bank, ("curator",)),
    ("banks import", _import, ("curator",)),
    (
        "entries add",
        _post_json("/v1/banks/shared/entries", {"entries": [{"type": "pdq", "value": PDQ}]}),
        ("curator",),
    ),
    (
        "entries disable",
        _post_json(
            "/v1/banks/shared/entries/disable", {"values": [{"type": "md5", "value": "0" * 32}]}
        ),
        ("curator",),
    ),
    (
        "entries enable",
        _post_json(
            "/v1/banks/shared/entries/enable", {"values": [{"type": "md5", "value": "0" * 32}]}
        ),
        ("curator",),
    ),
    ("entries browse", _get("/v1/banks/shared/entries"), ("curator", "reviewer")),
    ("banks export", _get("/v1/banks/shared/export"), ("curator",)),
    ("cases list", _get("/v1/cases"), ("reviewer",)),
    ("cases get", lambda w: ("GET", f"/v1/cases/{w.case()}", {}), ("reviewer",)),
    ("cases decide", _decide, ("reviewer",)),
    ("cases media", _media, ("reviewer",)),
    ("audit list", _get("/v1/audit"), ()),
    ("audit verify", _get("/v1/audit/verify"), ()),
    ("keys create", _post_json("/v1/keys", {"role": "hasher"}), ()),
    ("keys list", _get("/v1/keys"), ()),
    ("keys revoke", _revoke_key, ()),
    ("rules list", _get("/v1/rules"), ("curator", "reviewer")),
    ("rules set", _post_json("/v1/rules", {"action": "block", "bank": "shared"}), ("curator",)),
    ("rules delete", _delete_rule, ("curator",)),
    (
        "webhooks add",
        _post_json("/v1/webhooks", {"url": "http://127.0.0.1:9/hook"}),
        (),
    ),
    ("webhooks list", _get("/v1/webhooks"), ()),
    ("webhooks remove", _delete_webhook, ()),
    ("deliveries list", _get("/v1/webhooks/deliveries"), ("reviewer",)),
    ("delivery get", _delivery, ("reviewer",)),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:

    tmp: Path = tmp_path_factory.mktemp("auth")
    db = open_test_database(request.param, tmp)
    if db is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
    made = {}
    with db.session() as s:
        for role in ROLES:
            made[role] = keys.create_key(s, role=role, name=f"{role} key", actor="test")[1]
        _, revoked = keys.create_key(s, role="admin", name="revoked", actor="test")
        keys.revoke_key(s, keys.key_prefix(revoked) or "", actor="test")
        create_bank(s, BankSpec("shared"), "test")
    made["revoked"] = revoked
    client = httpx.Client(base_url=server.url, timeout=30)
    try:
        yield World(server, db, made, client)
    finally:
        client.close()
        server.stop()
        db.dispose()


def _call(world: World, request: Request, key: str | None) -> httpx.Response:
    method, path, kwargs = request(world)
    headers = dict(kwargs.pop("headers", {}))
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    return world.client.request(method, path, headers=headers, **kwargs)


@pytest.mark.parametrize(
    ("name", "request_of", "allowed"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_each_role_gets_2xx_or_403_and_strangers_get_401(
    world: World, name: str, request_of: Request, allowed: tuple[str, ...]
) -> None:
    outcomes = {}
    for who, key in (
        ("no key", None),
        ("wrong key", "sg_abcdefgh_not-a-real-key"),
        ("garbage", "not even shaped like a key"),
        ("revoked", world.keys["revoked"]),
        *((role, world.keys[role]) for role in ROLES),
    ):
        r = _call(world, request_of, key)
        outcomes[who] = r.status_code
        if r.status_code >= 400:
            assert r.json()["error"]["code"], f"{name} as {who}: no error code"
    expected = {"no key": 401, "wrong key": 401, "garbage": 401, "revoked": 401}
    for role in ROLES:
        expected[role] = 200 if role == "admin" or role in allowed else 403
    got = {who: (200 if 200 <= code < 300 else code) for who, code in outcomes.items()}
    assert got == expected, f"{name}: {outcomes}"


def test_every_service_route_is_in_the_table(world: World) -> None:
    """A new endpoint cannot be added without saying who may call it."""
    mine = ("/v1/hash", "/v1/check", "/v1/banks", "/v1/index", "/v1/cases", "/v1/audit")
    mine += ("/v1/keys", "/v1/rules", "/v1/webhooks")
    served = set()
    for route in world.server.app.routes:
        path = getattr(route, "path", "")
        for method in getattr(route, "methods", ()) or ():
            if path.startswith(mine) and method != "HEAD":
                served.add((method, path))
    covered = set()
    for _name, request_of, _allowed in ENDPOINTS:
        method, path, _ = request_of(world)
        covered.add((method, path))
    templates = {(m, p) for m, p in served if not any(_fits(p, c) and m == cm for cm, c in covered)}
    assert templates == set()


def _fits(template: str, path: str) -> bool:
    t_parts, p_parts = template.split("/"), path.split("/")
    return len(t_parts) == len(p_parts) and all(
        t == p or (t.startswith("{") and t.endswith("}"))
        for t, p in zip(t_parts, p_parts, strict=True)
    )


def test_unauthorized_answers_say_bearer(world: World) -> None:
    r = world.client.get("/v1/banks")
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_health_and_metrics_need_no_key(world: World) -> None:
    for path in ("/healthz", "/readyz", "/metrics"):
        assert world.client.get(path).status_code == 200
