"""Console users: argon2 passwords, roles, the failed-login limit, sessions, the CLI."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from safeguard import audit
from safeguard.access import users
from safeguard.cli.app import app
from safeguard.service.console import sessions
from safeguard.store.db import Database
from safeguard.store.models import AuditEvent, ConsoleSession, ConsoleUser, LoginFailure

PASSWORD = "a long benign passphrase"


#: Passwords hash with the cheapest argon2id parameters (tests/service/conftest.py).
pytestmark = pytest.mark.usefixtures("cheap_argon2")


def _make(db: Database, name: str = "alice", role: str = "reviewer") -> None:
    with db.session() as s:
        users.create_user(s, name, PASSWORD, role, actor="test")


def test_password_is_stored_as_an_argon2id_hash_not_in_clear(db: Database) -> None:
    _make(db)
    with db.session() as s:
        row = s.scalar(select(ConsoleUser))
        assert row is not None
        assert row.password_hash.startswith("$argon2id$")
        assert PASSWORD not in row.password_hash


def test_right_password_logs_in_and_is_audited(db: Database) -> None:
    _make(db)
    with db.session() as s:
        user = users.authenticate(s, "alice", PASSWORD, "127.0.0.1")
        assert user.username == "alice"
        assert user.last_login_at is not None
    with db.session() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert actions == ["user.create", "login"]


def test_wrong_password_and_unknown_user_fail_alike(db: Database) -> None:
    _make(db)
    with db.session() as s:
        with pytest.raises(users.LoginFailed) as wrong:
            users.authenticate(s, "alice", "not the password", "127.0.0.1")
        with pytest.raises(users.LoginFailed) as unknown:
            users.authenticate(s, "nobody", PASSWORD, "127.0.0.1")
    assert str(wrong.value) == str(unknown.value)


def test_disabled_user_cannot_log_in(db: Database) -> None:
    _make(db)
    with db.session() as s:
        users.set_disabled(s, "alice", True, actor="test")
    with db.session() as s, pytest.raises(users.LoginFailed):
        users.authenticate(s, "alice", PASSWORD, "127.0.0.1")


#: Small limits keep these tests short (each failed attempt costs a real argon2 hash).
LIMITS = users.LoginLimits(per_user=2, per_address=3)


def _fail(db: Database, name: str, address: str) -> None:
    with db.session() as s, contextlib.suppress(users.LoginFailed):
        users.authenticate(s, name, "wrong password!", address, LIMITS)


def test_failed_logins_for_one_user_are_rate_limited_even_with_the_right_password(
    db: Database,
) -> None:
    _make(db)
    for i in range(LIMITS.per_user):
        _fail(db, "alice", f"10.0.0.{i}")
    with db.session() as s, pytest.raises(users.LoginRateLimited):
        users.authenticate(s, "alice", PASSWORD, "10.0.1.1", LIMITS)


def test_failed_logins_from_one_address_are_rate_limited_across_user_names(
    db: Database,
) -> None:
    _make(db)
    for i in range(LIMITS.per_address):
        _fail(db, f"guess{i}", "10.9.9.9")
    with db.session() as s, pytest.raises(users.LoginRateLimited):
        users.authenticate(s, "alice", PASSWORD, "10.9.9.9", LIMITS)
    with db.session() as s:
        assert users.authenticate(s, "alice", PASSWORD, "10.0.0.1", LIMITS).username == "alice"


def test_old_failures_no_longer_count(db: Database) -> None:
    _make(db)
    for i in range(LIMITS.per_user):
        _fail(db, "alice", f"10.0.0.{i}")
    with db.session() as s:
        s.execute(update(LoginFailure).values(at=datetime.now(UTC) - timedelta(hours=1)))
    with db.session() as s:
        assert users.authenticate(s, "alice", PASSWORD, "10.0.0.1", LIMITS).username == "alice"


@pytest.mark.parametrize(
    ("name", "password", "role"),
    [
        ("alice", "short", "reviewer"),
        ("alice", PASSWORD, "superuser"),
        ("bad name!", PASSWORD, "reviewer"),
    ],
)
def test_bad_user_input_is_refused(db: Database, name: str, password: str, role: str) -> None:
    with db.session() as s, pytest.raises(users.InvalidUser):
        users.create_user(s, name, password, role, actor="test")


def test_user_names_are_unique(db: Database) -> None:
    _make(db)
    with db.session() as s, pytest.raises(users.UserExists):
        users.create_user(s, "alice", PASSWORD, "admin", actor="test")


def _login(db: Database) -> str:
    with db.session() as s:
        return sessions.start(s, users.authenticate(s, "alice", PASSWORD, "127.0.0.1"))


def test_session_cookie_resumes_the_user(db: Database) -> None:
    _make(db)
    cookie = _login(db)
    with db.session() as s:
        who = sessions.resume(s, cookie)
    assert who is not None
    assert (who.username, who.role, who.actor) == ("alice", "reviewer", "console:alice")
    assert len(who.csrf_token) >= 32


def test_a_tampered_cookie_is_refused(db: Database) -> None:
    _make(db)
    cookie = _login(db)
    token, signature = cookie.rsplit(".", 1)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B") + "." + signature
    with db.session() as s:
        assert sessions.resume(s, forged) is None
        assert sessions.resume(s, "garbage") is None


def test_only_the_token_hash_is_stored(db: Database) -> None:
    _make(db)
    cookie = _login(db)
    token = cookie.rsplit(".", 1)[0]
    with db.session() as s:
        stored = s.scalars(select(ConsoleSession.token_hash)).all()
    assert stored and token not in stored


def test_logout_expiry_and_disabling_end_the_session(db: Database) -> None:
    _make(db)
    ended = _login(db)
    with db.session() as s:
        sessions.end(s, ended)
    with db.session() as s:
        assert sessions.resume(s, ended) is None

    expired = _login(db)
    with db.session() as s:
        s.execute(update(ConsoleSession).values(expires_at=datetime.now(UTC) - timedelta(1)))
    with db.session() as s:
        assert sessions.resume(s, expired) is None

    live = _login(db)
    with db.session() as s:
        users.set_disabled(s, "alice", True, actor="test")
    with db.session() as s:
        assert sessions.resume(s, live) is None


def test_an_idle_session_ends(db: Database) -> None:
    _make(db)
    cookie = _login(db)
    idle_since = datetime.now(UTC) - sessions.IDLE_TIMEOUT - timedelta(minutes=1)
    with db.session() as s:
        s.execute(update(ConsoleSession).values(last_seen_at=idle_since))
    with db.session() as s:
        assert sessions.resume(s, cookie) is None


def test_admin_passes_every_role_check(db: Database) -> None:
    _make(db, "root", "admin")
    with db.session() as s:
        cookie = sessions.start(s, users.get_user(s, "root"))
    with db.session() as s:
        who = sessions.resume(s, cookie)
    assert who is not None
    assert who.has_role("reviewer") and who.has_role("curator") and who.has_role()


def test_cli_creates_lists_and_disables_users(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--data-dir", str(tmp_path)]
    made = runner.invoke(
        app,
        [*base, "users", "create", "carol", "--role", "curator", "--password-stdin", "--json"],
        input=PASSWORD + "\n",
    )
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout)["role"] == "curator"
    listed = runner.invoke(app, [*base, "users", "list", "--json"])
    assert [json.loads(line)["username"] for line in listed.stdout.splitlines()] == ["carol"]
    off = runner.invoke(app, [*base, "users", "disable", "carol", "--json"])
    assert json.loads(off.stdout)["disabled"] is True


def test_cli_refuses_a_short_password_with_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["--data-dir", str(tmp_path), "users", "create", "dave", "--password-stdin"],
        input="short\n",
    )
    assert result.exit_code == 1
    assert "at least 12" in result.output


def test_user_changes_are_audited_in_an_intact_chain(db: Database) -> None:
    _make(db)
    with db.session() as s:
        users.set_role(s, "alice", "curator", actor="test")
        users.set_password(s, "alice", PASSWORD + "!", actor="test")
    with db.session() as s:
        assert audit.verify(s).ok
        assert s.scalars(select(AuditEvent.action)).all()[-2:] == ["user.role", "user.password"]


def test_the_service_hashes_passwords_with_rfc_9106_low_memory_parameters() -> None:
    # The tests here run with cheaper parameters (see cheap_argon2); the service never does.
    digest = users.password_hasher().hash(PASSWORD)
    assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
