"""``safeguard serve`` with two uvicorn workers: a bank change made through one worker (or
the CLI) reaches every worker's index within seconds, without a restart; metrics are
summed over the workers."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from safeguard.access import keys
from safeguard.service.testing import database_url, open_test_database, serve_process
from safeguard.store.db import Database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, Database]]:
    tmp_path: Path = tmp_path_factory.mktemp("workers")
    db = open_test_database(request.param, tmp_path)
    if db is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    with db.session() as s:
        _, admin = keys.create_key(s, role="admin", name="admin", actor="test")
    env = {"SAFEGUARD_REFRESH_SECONDS": "0.5", "SAFEGUARD_KEY_CACHE_SECONDS": "0"}
    try:
        with serve_process(
            tmp_path, database_url(db), workers=2, env=env, log=tmp_path / "serve.log"
        ) as url:
            yield url, admin, db
    finally:
        db.dispose()


def _each_worker(url: str, admin: str, want: int = 2, tries: int = 400) -> dict[int, dict]:
    """Index status from each worker: new connections land on either process."""
    seen: dict[int, dict] = {}
    for _ in range(tries):
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {admin}"}) as c:
            status = c.get("/v1/index/status").json()
        seen[status["worker"]] = status
        if len(seen) >= want:
            break
    return seen


def _until(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.2)


@pytest.mark.slow
def test_a_bank_change_reaches_every_worker_without_a_restart(
    served: tuple[str, str, Database],
) -> None:
    url, admin, _db = served
    headers = {"Authorization": f"Bearer {admin}"}
    before = _each_worker(url, admin)
    assert len(before) == 2, "expected two worker processes"
    md5 = "9" * 32
    with httpx.Client(base_url=url, headers=headers) as c:
        assert c.post("/v1/banks", json={"name": "shared"}).status_code == 201
        r = c.post("/v1/banks/shared/entries", json={"entries": [{"type": "md5", "value": md5}]})
        assert r.status_code == 200

    def every_worker_matches(disabled: bool = False) -> bool:
        answers: dict[int, bool] = {}
        for _ in range(200):
            with httpx.Client(base_url=url, headers=headers) as c:
                status = c.get("/v1/index/status").json()
                matched = bool(
                    c.post("/v1/check", json={"signals": {"md5": md5}}).json()["matches"]
                )
            answers[status["worker"]] = matched and status["behind"] == 0
            if len(answers) == 2:
                break
        return len(answers) == 2 and all(v != disabled for v in answers.values())

    _until(every_worker_matches)
    with httpx.Client(base_url=url, headers=headers) as c:
        r = c.post("/v1/banks/shared/entries/disable", json={"values": [{"value": md5}]})
        assert r.json()["changed"] == 1
    _until(lambda: every_worker_matches(disabled=True))


def _banks_requests(url: str) -> float:
    body = httpx.get(url + "/metrics").text
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in body.splitlines()
        if line.startswith("safeguard_http_requests_total{")
        and 'route="/v1/banks"' in line
        and 'method="GET"' in line
    )


@pytest.mark.slow
def test_metrics_are_summed_over_the_workers(served: tuple[str, str, Database]) -> None:
    url, admin, _db = served
    before = _banks_requests(url)
    for _ in range(10):
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {admin}"}) as c:
            c.get("/v1/banks")
    assert _banks_requests(url) - before == 10


@pytest.mark.slow
def test_a_key_rate_is_shared_by_the_workers(served: tuple[str, str, Database]) -> None:
    url, _admin, db = served
    with db.session() as s:
        _, slow = keys.create_key(s, role="matcher", name="slow", actor="t", rate_limit=0.01)
    codes = []
    for _ in range(12):  # new connections: both workers answer some of them
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {slow}"}) as c:
            codes.append(c.post("/v1/check", json={"signals": {"md5": "0" * 32}}).status_code)
    assert codes == [200] + [429] * 11


def test_the_first_start_says_how_to_create_the_first_key_and_console_admin(
    tmp_path: Path,
) -> None:
    log = tmp_path / "first.log"
    with serve_process(tmp_path / "data", f"sqlite:///{tmp_path / 'first.db'}", workers=1, log=log):
        pass
    text = log.read_text()
    assert "keys create --role admin" in text
    assert "users create admin --role admin" in text


def test_a_worker_freezes_what_it_loaded_out_of_the_garbage_collectors_reach(
    tmp_path: Path,
) -> None:
    import gc

    from safeguard.service.runtime import Runtime
    from safeguard.service.testing import settings_for_tests

    db = open_test_database("sqlite", tmp_path)
    assert db is not None
    gc.unfreeze()
    try:
        for freeze, frozen in ((False, 0), (True, 1)):
            settings = settings_for_tests(
                tmp_path, database_url(db), run_refresher=False, freeze_gc=freeze
            )
            runtime = Runtime(settings, db)
            runtime.start()
            try:
                assert (gc.get_freeze_count() > 0) == bool(frozen)
            finally:
                runtime.stop()
    finally:
        gc.unfreeze()
        db.dispose()
