"""Login sessions of the console: signed cookies backed by a row in the database.

The cookie holds a random token signed with the deployment's secret (``console_secrets``,
made by the migration, so every worker shares it). The database keeps only the token's
SHA-256, the session's CSRF token, its times and the user's session generation when it was
opened: logging out, disabling the user, a new password (it moves the user's generation on)
or the session's expiry ends it on every worker at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from itsdangerous import BadSignature, Signer
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from safeguard.store.models import ConsoleSecret, ConsoleSession, ConsoleUser

COOKIE = "sg_session"
LIFETIME = timedelta(hours=12)
IDLE_TIMEOUT = timedelta(hours=2)
# last_seen_at is written at most this often, so reading pages does not mean writing rows.
_TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class SignedInUser:
    """Who is behind a request: the console user and their session's CSRF token."""

    user_id: int
    username: str
    role: str
    session_id: int
    csrf_token: str

    @property
    def actor(self) -> str:
        return f"console:{self.username}"

    def has_role(self, *roles: str) -> bool:
        """Admins may do everything; an empty ``roles`` admits every signed-in user."""
        return not roles or self.role == "admin" or self.role in roles


def _signer(session: Session) -> Signer:
    key = session.scalar(select(ConsoleSecret.value).where(ConsoleSecret.name == "session"))
    if key is None:
        raise RuntimeError("the console's secret is missing: run the database migrations")
    return Signer(key, salt="safeguard.console.session")


def _aware(at: datetime) -> datetime:
    # SQLite hands datetimes back without a zone; everything is stored in UTC.
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, user: ConsoleUser) -> str:
    """Open a session for ``user``; returns the cookie value."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session.add(
        ConsoleSession(
            token_hash=_digest(token),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
            expires_at=now + LIFETIME,
            generation=user.session_generation,
        )
    )
    session.flush()
    return _signer(session).sign(token).decode()


def _find(session: Session, cookie: str) -> ConsoleSession | None:
    try:
        token = _signer(session).unsign(cookie).decode()
    except (BadSignature, UnicodeDecodeError):
        return None
    return session.scalar(select(ConsoleSession).where(ConsoleSession.token_hash == _digest(token)))


def resume(session: Session, cookie: str | None) -> SignedInUser | None:
    """The user of a live session, or None (no cookie, bad signature, expired, idle too
    long, logged out, user disabled, password changed since)."""
    if not cookie:
        return None
    row = _find(session, cookie)
    if row is None:
        return None
    now = datetime.now(UTC)
    user = session.get(ConsoleUser, row.user_id)
    if (
        user is None
        or user.disabled
        or row.generation != user.session_generation
        or _aware(row.expires_at) <= now
        or _aware(row.last_seen_at) + IDLE_TIMEOUT <= now
    ):
        session.delete(row)
        return None
    if _aware(row.last_seen_at) + _TOUCH_EVERY <= now:
        row.last_seen_at = now
    return SignedInUser(user.id, user.username, user.role, row.id, row.csrf_token)


def end(session: Session, cookie: str | None) -> None:
    if cookie and (row := _find(session, cookie)) is not None:
        session.delete(row)


def purge_expired(session: Session) -> int:
    now = datetime.now(UTC)
    result = session.execute(
        delete(ConsoleSession).where(
            (ConsoleSession.expires_at <= now) | (ConsoleSession.last_seen_at <= now - IDLE_TIMEOUT)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
