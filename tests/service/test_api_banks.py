"""Banks, index status and audit over HTTP against the real app (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import text

from safeguard.service.testing import (
    LiveServer,
)
from safeguard.store.db import Database
from tests.conftest import live_service


@dataclass
class Api:
    server: LiveServer
    db: Database
    client: httpx.Client
    counter: int = 0

    def name(self, stem: str = "bank") -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def create(self, **fields: object) -> str:
        name = self.name()
        r = self.client.post("/v1/banks", json={"name": name, **fields})
        assert r.status_code == 201, r.text
        return name

    def import_list(self, bank: str, body: bytes, **params: str) -> httpx.Response:
        return self.client.post(
            f"/v1/banks/{bank}/import",
            content=body,
            params=params,
            headers={"Content-Type": "text/plain"},
        )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("banks")
    with live_service(request.param, tmp) as served, served.client() as client:
        yield Api(served.server, served.db, client)


def _md5s(start: int, n: int) -> list[str]:
    return [f"{i:032x}" for i in range(start, start + n)]


def test_a_bank_is_created_listed_shown_updated_and_deleted(api: Api) -> None:
    name = api.create(category="cat", source="a hotline", licence="shared under MoU")
    assert name in [b["name"] for b in api.client.get("/v1/banks").json()]
    shown = api.client.get(f"/v1/banks/{name}").json()
    assert (shown["source"], shown["licence"], shown["category"]) == (
        "a hotline",
        "shared under MoU",
        "cat",
    )
    updated = api.client.patch(
        f"/v1/banks/{name}", json={"pdq_threshold": 20, "enabled": False}
    ).json()
    assert (updated["pdq_threshold"], updated["enabled"]) == (20, False)
    assert api.client.delete(f"/v1/banks/{name}").status_code == 200
    assert api.client.get(f"/v1/banks/{name}").status_code == 404


def test_a_duplicate_bank_name_is_409(api: Api) -> None:
    name = api.create()
    r = api.client.post("/v1/banks", json={"name": name})
    assert (r.status_code, r.json()["error"]["code"]) == (409, "bank_exists")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/banks/no-such-bank"),
        ("PATCH", "/v1/banks/no-such-bank"),
        ("DELETE", "/v1/banks/no-such-bank"),
        ("POST", "/v1/banks/no-such-bank/import"),
        ("POST", "/v1/banks/no-such-bank/entries"),
        ("POST", "/v1/banks/no-such-bank/entries/disable"),
        ("GET", "/v1/banks/no-such-bank/entries"),
        ("GET", "/v1/banks/no-such-bank/export"),
    ],
)
def test_an_unknown_bank_is_404(api: Api, method: str, path: str) -> None:
    bodies = {
        "PATCH": {"json": {"description": "x"}},
        "POST": {"json": {"entries": [{"type": "md5", "value": "0" * 32}]}},
    }
    kwargs: dict[str, object] = dict(bodies.get(method, {}))
    if path.endswith("/import"):
        kwargs = {"content": b"0" * 32, "headers": {"Content-Type": "text/plain"}}
    if path.endswith("/disable"):
        kwargs = {"json": {"values": [{"value": "0" * 32}]}}
    r = api.client.request(method, path, **kwargs)  # type: ignore[arg-type]
    assert (r.status_code, r.json()["error"]["code"]) == (404, "bank_not_found")


def test_a_streamed_import_adds_every_line_once(api: Api) -> None:
    name = api.create()
    body = "\n".join(_md5s(0, 500)).encode()
    first = api.import_list(name, body).json()
    again = api.import_list(name, body).json()
    assert (first["read"], first["added"]) == (500, 500)
    assert (again["added"], again["already_present"]) == (0, 500)


def test_an_import_with_a_bad_line_changes_nothing_and_says_where(api: Api) -> None:
    name = api.create()
    r = api.import_list(name, b"0" * 32 + b"\nnot-a-hash\n")
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "import_rejected"
    assert error["issues"][0]["line"] == 2
    assert api.client.get(f"/v1/banks/{name}").json()["entries"] == {}


def test_an_import_in_another_content_type_is_415(api: Api) -> None:
    name = api.create()
    r = api.client.post(f"/v1/banks/{name}/import", files={"file": ("l.txt", b"0" * 32)})
    assert r.status_code == 415


def test_concurrent_imports_into_one_bank_keep_every_entry_once(api: Api) -> None:
    name = api.create()
    lists = [_md5s(0, 2000), _md5s(1000, 2000), _md5s(500, 2000)]
    results: list[httpx.Response] = []

    def run(values: list[str]) -> None:
        with httpx.Client(base_url=api.server.url, headers=api.client.headers, timeout=120) as c:
            results.append(
                c.post(
                    f"/v1/banks/{name}/import",
                    content="\n".join(values).encode(),
                    headers={"Content-Type": "text/plain"},
                )
            )

    threads = [threading.Thread(target=run, args=(values,)) for values in lists]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [200, 200, 200]
    assert api.client.get(f"/v1/banks/{name}").json()["entries"] == {"md5": 3000}
    with api.db.session() as s:
        duplicates = s.execute(
            text(
                "SELECT COUNT(*) FROM (SELECT value FROM entries GROUP BY bank_id, signal_type, "
                "value HAVING COUNT(*) > 1) AS d"
            )
        ).scalar()
    assert duplicates == 0


def test_an_export_lists_the_enabled_entries_and_is_audited(api: Api) -> None:
    name = api.create()
    values = _md5s(40, 3)
    api.import_list(name, "\n".join(values).encode())
    api.client.post(f"/v1/banks/{name}/entries/disable", json={"values": [{"value": values[1]}]})
    r = api.client.get(f"/v1/banks/{name}/export")
    assert r.status_code == 200
    assert r.text.split() == [values[0], values[2]]
    events = api.client.get("/v1/audit", params={"subject": name, "action": "bank.export"})
    assert len(events.json()["events"]) == 1


def test_entries_are_added_disabled_enabled_and_browsed(api: Api) -> None:
    name = api.create()
    values = _md5s(10, 3)
    r = api.client.post(
        f"/v1/banks/{name}/entries",
        json={"entries": [{"type": "md5", "value": v, "external_id": f"x{v[-1]}"} for v in values]},
    )
    assert r.json() == {"bank": name, "read": 3, "added": 3}
    r = api.client.post(
        f"/v1/banks/{name}/entries/disable",
        json={"values": [{"value": values[0]}, {"value": "f" * 32}]},
    )
    assert (r.json()["changed"], r.json()["missing"]) == (1, ["f" * 32])
    page = api.client.get(f"/v1/banks/{name}/entries", params={"limit": 2}).json()
    assert [e["disabled"] for e in page["entries"]] == [True, False]
    rest = api.client.get(f"/v1/banks/{name}/entries", params={"after": page["next_after"]}).json()
    assert [e["value"] for e in rest["entries"]] == [values[2]]
    r = api.client.post(f"/v1/banks/{name}/entries/enable", json={"values": [{"value": values[0]}]})
    assert r.json()["changed"] == 1


def test_index_status_says_how_far_behind_the_worker_is(api: Api) -> None:
    api.server.app.state.runtime.refresh()
    status = api.client.get("/v1/index/status").json()
    assert status["ready"] is True
    assert status["behind"] == 0
    assert status["worker"] == os.getpid()


def test_the_audit_log_lists_bank_changes_and_verifies(api: Api) -> None:
    name = api.create()
    events = api.client.get("/v1/audit", params={"subject": name}).json()["events"]
    assert [e["action"] for e in events] == ["bank.create"]
    verdict = api.client.get("/v1/audit/verify").json()
    assert verdict["ok"] is True
    assert verdict["checked"] > 0


def test_the_api_detects_a_changed_audit_record(api: Api) -> None:
    api.create()
    with api.db.session() as s:
        actor = s.execute(text("SELECT actor FROM audit_events WHERE id = 1")).scalar()
        s.execute(text("UPDATE audit_events SET actor = 'someone else' WHERE id = 1"))
    try:
        verdict = api.client.get("/v1/audit/verify").json()
        assert (verdict["ok"], verdict["first_bad_id"]) == (False, 1)
    finally:
        with api.db.session() as s:
            s.execute(text("UPDATE audit_events SET actor = :a WHERE id = 1"), {"a": actor})


def test_a_key_revoked_through_the_api_stops_working(api: Api) -> None:
    made = api.client.post("/v1/keys", json={"role": "curator", "name": "temp"}).json()
    headers = {"Authorization": f"Bearer {made['key']}"}
    assert api.client.get("/v1/banks", headers=headers).status_code == 200
    assert api.client.delete(f"/v1/keys/{made['id']}").status_code == 200
    r = api.client.get("/v1/banks", headers=headers)
    assert (r.status_code, r.json()["error"]["code"]) == (401, "unauthorized")
    events = api.client.get("/v1/audit", params={"subject": f"key:{made['prefix']}"}).json()
    assert [e["action"] for e in events["events"]] == ["key.revoke", "key.create"]
