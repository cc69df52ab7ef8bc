"""Every list format through every entry point: the command line (file and stdin), the HTTP
API and the console import the same plain, CSV and VICS lists into a bank, and each says
which format it used when it detected it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from safeguard import banks
from safeguard.access import keys, users
from safeguard.service.testing import (
    LiveServer,
    database_url,
    open_test_database,
    settings_for_tests,
)
from safeguard.store.db import Database

PDQ = "f" * 16 + "0" * 48
MD5 = "0123456789abcdef" * 2
SHA1 = "89abcdef" * 5
PASSWORD = "a long benign passphrase"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')

#: One list per format, each with the values it must add.
LISTS: dict[str, tuple[str, bytes, set[tuple[str, str]]]] = {
    "plain": (
        "list.txt",
        f"# partner list\n{MD5}\n{SHA1}\n".encode(),
        {("md5", MD5), ("sha1", SHA1)},
    ),
    "csv": (
        "list.csv",
        f"type,value\npdq,{PDQ}\nmd5,{MD5}\n".encode(),
        {("pdq", PDQ), ("md5", MD5)},
    ),
    "vics": (
        "list.json",
        b"\xef\xbb\xbf"
        + json.dumps(
            {"@odata.context": "x", "value": [{"MediaID": 1, "MD5": MD5, "SHA1": SHA1}]}
        ).encode(),
        {("md5", MD5), ("sha1", SHA1)},
    ),
}


@dataclass
class Service:
    server: LiveServer
    db: Database
    api: httpx.Client
    counter: int = 0

    def new_bank(self) -> str:
        self.counter += 1
        name = f"formats-{self.counter}"
        with self.db.session() as s:
            banks.create_bank(s, banks.BankSpec(name=name), "test")
        return name

    def values(self, bank: str) -> set[tuple[str, str]]:
        with self.db.session() as s:
            return {
                (e.signal_type, e.value) for e in banks.iter_entries(s, banks.get_bank(s, bank))
            }


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def svc(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, cheap_argon2: None
) -> Iterator[Service]:
    tmp = tmp_path_factory.mktemp("formats")
    db = open_test_database(request.param, tmp)
    if db is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: set SAFEGUARD_TEST_PG_URL")
        pytest.skip("no PostgreSQL (set SAFEGUARD_TEST_PG_URL)")
    with db.session() as s:
        _, key = keys.create_key(s, role="curator", name="curator", actor="test")
        users.create_user(s, "carl", PASSWORD, "curator", actor="test")
    server = LiveServer(settings_for_tests(tmp, database_url(db)), db).start()
    api = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
    try:
        yield Service(server, db, api)
    finally:
        api.close()
        server.stop()
        db.dispose()


def safeguard(
    svc: Service, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    data_dir = str(svc.server.app.state.runtime.settings.data_dir)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "safeguard.cli",
            "--data-dir",
            data_dir,
            "--db",
            database_url(svc.db),
            *args,
        ],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


@pytest.mark.parametrize("fmt", sorted(LISTS))
def test_the_api_imports_every_format(svc: Service, fmt: str) -> None:
    _, body, expected = LISTS[fmt]
    bank = svc.new_bank()
    r = svc.api.post(
        f"/v1/banks/{bank}/import",
        params={"format": fmt},
        content=body,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["added"] == len(expected)
    assert svc.values(bank) == expected


@pytest.mark.parametrize("fmt", sorted(LISTS))
def test_the_api_detects_the_format_and_says_which(svc: Service, fmt: str) -> None:
    _, body, expected = LISTS[fmt]
    bank = svc.new_bank()
    r = svc.api.post(
        f"/v1/banks/{bank}/import", content=body, headers={"Content-Type": "text/plain"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["format"] == fmt
    assert svc.values(bank) == expected


@pytest.mark.parametrize("fmt", sorted(LISTS))
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_the_command_line_imports_every_format(
    svc: Service, fmt: str, via: str, tmp_path: Path
) -> None:
    filename, body, expected = LISTS[fmt]
    bank = svc.new_bank()
    if via == "file":
        path = tmp_path / filename
        path.write_bytes(body)
        run = safeguard(svc, "banks", "import", bank, str(path), "--format", fmt, "--json")
    else:
        run = safeguard(svc, "banks", "import", bank, "-", "--format", fmt, "--json", stdin=body)
    assert run.returncode == 0, run.stderr.decode()
    assert json.loads(run.stdout)["added"] == len(expected)
    assert svc.values(bank) == expected


@pytest.mark.parametrize("fmt", sorted(LISTS))
def test_the_command_line_detects_the_format_from_header_and_extension(
    svc: Service, fmt: str, tmp_path: Path
) -> None:
    filename, body, expected = LISTS[fmt]
    bank = svc.new_bank()
    path = tmp_path / filename
    path.write_bytes(body)
    run = safeguard(svc, "banks", "import", bank, str(path), "--json")
    assert run.returncode == 0, run.stderr.decode()
    assert json.loads(run.stdout)["format"] == fmt
    assert f"format: {fmt}" in run.stderr.decode()
    assert svc.values(bank) == expected


def _console(svc: Service) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=svc.server.url, follow_redirects=False, timeout=30)
    page = client.get("/console/login")
    token = CSRF.search(page.text)
    assert token
    signed = client.post(
        "/console/login",
        data={"username": "carl", "password": PASSWORD, "csrf_token": token.group(1)},
    )
    assert signed.status_code == 303
    found = CSRF.search(client.get("/console/banks").text)
    assert found
    return client, found.group(1)


@pytest.mark.parametrize(
    ("fmt", "chosen"), [(f, f) for f in sorted(LISTS)] + [(f, "auto") for f in sorted(LISTS)]
)
def test_the_console_imports_every_format(svc: Service, fmt: str, chosen: str) -> None:
    filename, body, expected = LISTS[fmt]
    bank = svc.new_bank()
    client, token = _console(svc)
    try:
        r = client.post(
            f"/console/banks/{bank}/import",
            data={"format": chosen, "csrf_token": token},
            files={"file": (filename, body, "application/octet-stream")},
        )
    finally:
        client.close()
    assert r.status_code == 200, r.text[-2000:]
    assert f"{len(expected)} added" in r.text
    assert f"format: {fmt}" in r.text
    assert svc.values(bank) == expected
