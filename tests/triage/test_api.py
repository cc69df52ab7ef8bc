"""Triage over HTTP: the report, the review queue page by page, verdicts (role, audit)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

from safeguard.access import keys
from safeguard.service.testing import (
    LiveServer,
    database_url,
    open_test_database,
    settings_for_tests,
)
from safeguard.store.db import Database
from safeguard.triage.case import create_case
from safeguard.triage.runner import run_case
from tests.triage.disks import md5, png


@dataclass
class Api:
    db: Database
    client: httpx.Client
    hasher_key: str
    url: str


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, cluster: str
) -> Iterator[Api]:
    tmp = tmp_path_factory.mktemp("triage-api")
    db = open_test_database(request.param, tmp)
    if db is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    folder = tmp / "seized"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.png").write_bytes(png(200 + i, (64, 48)))
    with db.session() as s:
        create_case(s, "API-1", [folder], examiner="DC", scheme="uk", actor="test")
    run_case(db, "API-1", matcher=None, actor="test", scheduler=cluster)
    server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
    with db.session() as s:
        _, reviewer = keys.create_key(s, role="reviewer", name="dc-reviewer", actor="test")
        _, hasher = keys.create_key(s, role="hasher", name="hasher", actor="test")
    client = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {reviewer}"}, timeout=60
    )
    try:
        yield Api(db, client, hasher, server.url)
    finally:
        client.close()
        server.stop()
        db.dispose()


def test_the_report_has_counts_and_the_chain_of_custody(api: Api) -> None:
    r = api.client.get("/v1/triage/cases/API-1")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["counts"]["items"] == 5 and body["counts"]["unknown"] == 5
    assert body["sources"][0]["unchanged"] is True


def test_items_come_page_by_page_without_loss(api: Api) -> None:
    seen: list[str] = []
    after = 0
    while True:
        page = api.client.get(
            "/v1/triage/cases/API-1/items", params={"known": "false", "limit": 2, "after": after}
        ).json()
        seen += [row["md5"] for row in page["items"]]
        if page["next"] is None:
            break
        after = page["next"]
    assert sorted(seen) == sorted(md5(png(200 + i, (64, 48))) for i in range(5))


def test_a_verdict_is_recorded_with_the_keys_name(api: Api) -> None:
    first = api.client.get("/v1/triage/cases/API-1/items", params={"limit": 1}).json()
    item = first["items"][0]["id"]
    r = api.client.post("/v1/triage/cases/API-1/categorise", json={"ids": [item], "code": "b"})
    assert r.status_code == 200 and r.json() == {"items": 1}
    row = api.client.get("/v1/triage/cases/API-1/items", params={"limit": 1}).json()["items"][0]
    assert row["category"] == {"scheme": "uk", "code": "B", "by": "examiner:dc-reviewer"}
    actions = api.client.get("/v1/triage/cases/API-1").json()["actions"]
    assert actions[-1]["action"] == "triage_categorised"


def test_errors_are_404_400_and_403(api: Api) -> None:
    assert api.client.get("/v1/triage/cases/NOPE").status_code == 404
    bad = api.client.post("/v1/triage/cases/API-1/categorise", json={"ids": [1], "code": "Q"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_code"
    other = httpx.get(
        f"{api.url}/v1/triage/cases/API-1", headers={"Authorization": f"Bearer {api.hasher_key}"}
    )
    assert other.status_code == 403
