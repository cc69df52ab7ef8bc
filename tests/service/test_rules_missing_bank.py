"""A rule naming a bank that does not exist is refused (the operator would believe blocking
is on): 404 over HTTP, exit 1 on the command line, unless the caller says the bank is still
to come (``allow_missing`` / ``--allow-missing``)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from safeguard.access import keys
from safeguard.banks import BankNotFound, BankSpec, create_bank
from safeguard.review import rules
from safeguard.service.testing import LiveServer, database_url, settings_for_tests
from safeguard.store.db import Database


def test_the_library_refuses_a_rule_for_a_missing_bank(db: Database) -> None:
    with db.session() as s, pytest.raises(BankNotFound, match="allow-missing"):
        rules.add_rule(s, action="block", actor="t", bank="typo-bank")
    with db.session() as s:
        assert rules.load_rules(s) == []
        create_bank(s, BankSpec("real-bank"), "t")
        assert rules.add_rule(s, action="block", actor="t", bank="real-bank").bank == "real-bank"
        later = rules.add_rule(s, action="block", actor="t", bank="later", allow_missing=True)
        assert later.bank == "later"
        assert rules.add_rule(s, action="review", actor="t", category="A").bank is None


@pytest.fixture
def api(db: Database, tmp_path: Path) -> Iterator[httpx.Client]:
    with db.session() as s:
        _, key = keys.create_key(s, role="curator", name="curator", actor="test")
    server = LiveServer(settings_for_tests(tmp_path, database_url(db)), db).start()
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"})
    try:
        yield client
    finally:
        client.close()
        server.stop()


def test_the_api_answers_404_for_a_missing_bank_unless_allowed(api: httpx.Client) -> None:
    r = api.post("/v1/rules", json={"action": "block", "bank": "typo-bank"})
    assert r.status_code == 404, r.text
    assert r.json()["error"]["code"] == "bank_not_found"
    assert api.get("/v1/rules").json() == []
    ok = api.post("/v1/rules", json={"action": "block", "bank": "later", "allow_missing": True})
    assert ok.status_code == 201, ok.text


def test_the_command_line_exits_1_for_a_missing_bank_unless_allowed(
    db: Database, tmp_path: Path
) -> None:
    base = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(tmp_path)]
    base += ["--db", database_url(db), "rules", "set", "block", "--bank", "typo-bank"]
    refused = subprocess.run([*base, "--json"], capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1
    assert "typo-bank" in refused.stderr and "--allow-missing" in refused.stderr
    allowed = subprocess.run(
        [*base, "--allow-missing", "--json"], capture_output=True, text=True, timeout=120
    )
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(allowed.stdout)["bank"] == "typo-bank"
