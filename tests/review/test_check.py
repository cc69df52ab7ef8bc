"""The central check: one operation behind ``POST /v1/check``, ``safeguard check`` and the
monitors. Same content, same deployment → same answer from every front end; a precomputed
check that matches nothing touches no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from safeguard import banks
from safeguard.matching.matcher import Matcher
from safeguard.review.check import Checker, NoSignals
from safeguard.review.rules import add_rule
from safeguard.signals.media import hash_file
from safeguard.store.db import Database
from tests.conftest import live_service
from tests.media_factory import jpeg


@pytest.fixture
def statements(db: Database) -> Iterator[list[str]]:
    """Every SQL statement the engine runs while the test runs."""
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _checker(db: Database, **options: Any) -> Checker:
    return Checker(db, Matcher.open(db), **options)


def _bank_with(db: Database, name: str, signal: str, value: str) -> None:
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec(name, category="A"), "test")
        banks.add_entries(s, name, [banks.NewEntry(signal, value)], actor="test")


def test_a_precomputed_check_that_matches_nothing_runs_no_sql(
    db: Database, statements: list[str]
) -> None:
    _bank_with(db, "known", "md5", "0" * 32)
    checker = _checker(db)
    statements.clear()
    result = checker.check_signals({"pdq": "f" * 64, "md5": "1" * 32}, actor="test")
    assert result.action == "allow"
    assert result.matches == []
    assert result.case_id is None
    assert statements == []


def test_a_match_is_resolved_decided_and_acted_on(db: Database) -> None:
    _bank_with(db, "known", "md5", "0" * 32)
    with db.session() as s:
        add_rule(s, action="report", actor="test", bank="known")
    result = _checker(db).check_signals({"md5": "0" * 32}, actor="test", source="upload")
    assert result.action == "report"
    assert [m.bank for m in result.matches] == ["known"]
    assert result.case_id is not None
    assert result.timings.match_ms >= 0 and result.timings.act_ms >= 0


def test_a_check_without_signals_is_refused(db: Database) -> None:
    with pytest.raises(NoSignals):
        _checker(db).check_signals({}, actor="test")


def test_an_unreadable_file_is_reported_not_acted_on(db: Database, tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff" + b"\x00" * 100)
    result = _checker(db, default_action="review").check_file(bad, actor="test")
    assert result.media_error is not None
    assert result.case_id is None


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFEGUARD_DATA_DIR": str(data_dir)}
    env.pop("SAFEGUARD_DB_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "safeguard.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_the_cli_and_the_api_give_the_same_answer(tmp_path: Path) -> None:
    picture = tmp_path / "upload.jpg"
    picture.write_bytes(jpeg(640, 480, "astronaut"))
    other = tmp_path / "other.jpg"
    other.write_bytes(jpeg(640, 480, "coffee"))
    record = hash_file(picture)
    assert record.pdq
    with live_service("sqlite", tmp_path) as served:
        db = served.db
        _bank_with(db, "known", "pdq", record.pdq)
        with db.session() as s:
            add_rule(s, action="block", actor="test", bank="known")
        served.server.app.state.runtime.refresh()
        data_dir = tmp_path  # the live service keeps its SQLite database here too
        answers_api = {}
        with served.client() as client:
            for path in (picture, other):
                r = client.post(
                    "/v1/check", files={"file": (path.name, path.read_bytes(), "image/jpeg")}
                )
                assert r.status_code == 200, r.text
                answers_api[path.name] = r.json()
        done = _cli(
            data_dir, "--db", str(db.engine.url), "check", "--json", str(picture), str(other)
        )
    assert done.returncode == 0, done.stderr
    answers_cli = {Path(row["path"]).name: row for row in map(json.loads, done.stdout.splitlines())}

    def essence(answer: dict[str, Any]) -> tuple[str, list[tuple[str, int, str, int]]]:
        matches = [(m["bank"], m["entry"], m["signal"], m["distance"]) for m in answer["matches"]]
        return answer["action"], matches

    assert essence(answers_cli["upload.jpg"]) == essence(answers_api["upload.jpg"])
    assert essence(answers_cli["upload.jpg"])[0] == "block"
    assert essence(answers_cli["other.jpg"]) == essence(answers_api["other.jpg"]) == ("allow", [])


def test_the_api_answers_with_a_server_timing_header(tmp_path: Path) -> None:
    with live_service("sqlite", tmp_path) as served, served.client() as client:
        r = client.post("/v1/check", json={"signals": {"md5": "2" * 32}})
        assert r.status_code == 200, r.text
        assert "match;dur=" in r.headers["Server-Timing"]
