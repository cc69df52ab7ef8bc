"""Console passwords and sessions: a new password ends every session the old one opened
(a session generation per user, as disabling does); passwords follow NIST SP 800-63B
(Unicode NFC, at least 12 characters, no list of known common passwords, no composition
rules, nothing that is one character repeated)."""

from __future__ import annotations

import unicodedata

import pytest

from safeguard.access import users
from safeguard.service.console import sessions
from safeguard.store.db import Database

#: Passwords hash with the cheapest argon2id parameters (tests/service/conftest.py).
pytestmark = pytest.mark.usefixtures("cheap_argon2")


PASSWORD = "a long benign passphrase"


def _login(db: Database, name: str = "alice", password: str = PASSWORD) -> str:
    with db.session() as s:
        user = users.authenticate(s, name, password, "127.0.0.1")
        return sessions.start(s, user)


def test_a_new_password_ends_every_session_of_the_user(db: Database) -> None:
    with db.session() as s:
        users.create_user(s, "alice", PASSWORD, "reviewer", actor="test")
        users.create_user(s, "bob", PASSWORD, "reviewer", actor="test")
    stolen, other_device, bobs = _login(db), _login(db), _login(db, "bob")
    with db.session() as s:
        users.set_password(s, "alice", "another benign passphrase", actor="admin")
    with db.session() as s:
        assert sessions.resume(s, stolen) is None
        assert sessions.resume(s, other_device) is None
        assert sessions.resume(s, bobs) is not None  # other users keep theirs
    fresh = _login(db, password="another benign passphrase")
    with db.session() as s:
        assert sessions.resume(s, fresh) is not None


@pytest.mark.parametrize(
    "password",
    [
        " " * 12,
        "\t" * 16,
        "a" * 20,
        "qwerty123456",  # on the common-password list shipped by zxcvbn
        "QWERTY123456",
        "leavemealone",
        "short",
    ],
)
def test_weak_passwords_are_refused(db: Database, password: str) -> None:
    with db.session() as s, pytest.raises(users.InvalidUser):
        users.create_user(s, "carol", password, "reviewer", actor="test")


def test_the_user_name_is_not_a_password(db: Database) -> None:
    with db.session() as s, pytest.raises(users.InvalidUser, match="user name"):
        users.create_user(s, "averylongname", "averylongname", "reviewer", actor="test")


def test_no_composition_rules_a_long_lowercase_phrase_is_fine(db: Database) -> None:
    with db.session() as s:
        users.create_user(s, "dora", "correct horse battery staple", "reviewer", actor="test")


def test_passwords_are_nfc_normalised_so_either_form_logs_in(db: Database) -> None:
    composed = "caf\u00e9 au lait tous les matins"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    with db.session() as s:
        users.create_user(s, "erin", decomposed, "reviewer", actor="test")
    assert _login(db, "erin", composed)
    assert _login(db, "erin", decomposed)


def test_length_counts_characters_after_normalisation(db: Database) -> None:
    # 11 characters once composed (22 code points decomposed): too short.
    short = unicodedata.normalize("NFD", "\u00e9" * 11)
    with db.session() as s, pytest.raises(users.InvalidUser, match="12"):
        users.create_user(s, "fred", short, "reviewer", actor="test")
