"""The path a new user follows from the README, end to end against a real ``safeguard
serve``: a fresh data directory, the service started, an admin key made with the command
line, a bank created, a CSV list imported over HTTP (format detected), an upload checked
and matched."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx

from safeguard.service.testing import serve_process
from safeguard.signals.media import hash_bytes
from tests.media_factory import jpeg


def test_fresh_data_dir_to_a_matched_upload(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    db_url = f"sqlite:///{data_dir / 'safeguard.db'}"
    picture = jpeg(800, 600, "astronaut")
    known = hash_bytes("known.jpg", picture)
    assert known.pdq
    with serve_process(data_dir, db_url, workers=1) as url:
        cli = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(data_dir), "--db", db_url]
        made = subprocess.run(
            [*cli, "keys", "create", "--role", "admin", "--name", "newcomer", "--json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert made.returncode == 0, made.stderr
        key = json.loads(made.stdout)["key"]
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60
        ) as api:
            created = api.post("/v1/banks", json={"name": "hotline-list", "kind": "block"})
            assert created.status_code == 201, created.text
            imported = api.post(
                "/v1/banks/hotline-list/import",
                content=f"type,value\npdq,{known.pdq}\nmd5,{'0' * 32}\n".encode(),
                headers={"Content-Type": "text/csv"},
            )
            assert imported.status_code == 200, imported.text
            assert imported.json() | {"bank": "hotline-list"} == {
                "bank": "hotline-list",
                "read": 2,
                "added": 2,
                "already_present": 0,
                "format": "csv",
            }
            checked: dict[str, object] = {}
            for _ in range(100):  # the worker picks up new entries within a second
                r = api.post("/v1/check", files={"file": ("upload.jpg", picture, "image/jpeg")})
                assert r.status_code == 200, r.text
                checked = r.json()
                if checked["matches"]:
                    break
                time.sleep(0.1)
            matches = checked["matches"]
            assert isinstance(matches, list) and matches, checked
            assert matches[0]["bank"] == "hotline-list" and matches[0]["signal"] == "pdq"
            assert checked["action"] == "review" and checked["case_id"]
