"""``X-Forwarded-For`` names the client only when a configured proxy sends it: from any
other peer (even on the same host) it is ignored, so it cannot be used to dodge the login
limit or to put another address in the audit log."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from safeguard.service.testing import serve_process
from safeguard.store.db import open_database
from safeguard.store.models import AuditEvent

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def failed_login_address(url: str, db_url: str, forwarded: str) -> str:
    with httpx.Client(base_url=url, timeout=30) as client:
        page = client.get("/console/login")
        token = CSRF.search(page.text)
        assert token
        r = client.post(
            "/console/login",
            data={"username": "nobody", "password": "wrong password!", "csrf_token": token[1]},
            headers={"X-Forwarded-For": forwarded},
        )
        assert r.status_code == 401, r.text[:300]
    db = open_database(db_url)
    try:
        with db.session() as s:
            event = s.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == "login.failed")
                .order_by(AuditEvent.id.desc())
            ).first()
            assert event is not None
            return str(event.subject)
    finally:
        db.dispose()


@pytest.mark.parametrize(("trusted", "expected"), [("", "127.0.0.1"), ("127.0.0.1", "203.0.113.9")])
def test_forwarded_for_is_believed_only_from_configured_proxies(
    tmp_path: Path, trusted: str, expected: str
) -> None:
    db_url = f"sqlite:///{tmp_path / 'sg.db'}"
    env = {"SAFEGUARD_TRUSTED_PROXIES": trusted}
    with serve_process(tmp_path, db_url, workers=1, env=env) as url:
        assert failed_login_address(url, db_url, "203.0.113.9") == expected
