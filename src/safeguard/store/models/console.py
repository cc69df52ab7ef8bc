"""Tables of the review console: its users, their login sessions, failed logins (for the
rate limit), evidence reveals (for the per-reviewer daily count) and the signing secret.

Case ids are plain integers, not foreign keys: the console's tables do not depend on the
service's migration, and a purged case leaves its reveal history intact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from safeguard.store.models.base import Base, BigId, utcnow


class ConsoleUser(Base):
    """A person who logs in to the console with a password (argon2id hash)."""

    __tablename__ = "console_users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    #: Moved on by a new password: sessions opened in an older generation are over.
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ConsoleSession(Base):
    """A login. The cookie carries the signed token; only its SHA-256 is stored, so a copy
    of the database does not let anyone log in."""

    __tablename__ = "console_sessions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("console_users.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: The user's ``session_generation`` when the session was opened.
    generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LoginFailure(Base):
    """One failed login, kept long enough to rate-limit by user name and by client address."""

    __tablename__ = "console_login_failures"
    __table_args__ = (
        Index("ix_console_login_failures_username_at", "username", "at"),
        Index("ix_console_login_failures_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    username: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(64))


class EvidenceReveal(Base):
    """A reviewer deliberately looked at unblurred evidence of a case."""

    __tablename__ = "console_reveals"
    __table_args__ = (Index("ix_console_reveals_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("console_users.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(BigId)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ConsoleSecret(Base):
    """The key that signs session cookies, shared by every worker through the database."""

    __tablename__ = "console_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
