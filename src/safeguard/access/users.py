"""Console users: accounts with a role and an argon2id password hash, and logging in.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile);
hashes made with older parameters are upgraded at the next successful login. Failed logins
are counted in the database, so the limit holds across every worker: by default
(``LoginLimits``) 5 failures for one user name, or 20 from one client address, within 15
minutes refuse further attempts (even correct ones) until the window has moved on. An
unknown user name costs the same hash as a known one, so timing does not tell which names
exist.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.access.roles import ROLES
from safeguard.errors import Conflict, Forbidden, InvalidInput, Limited, NotFound, SafeguardError
from safeguard.store.models import ConsoleUser, LoginFailure

MIN_PASSWORD_LENGTH = 12
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$")


def password_hasher() -> PasswordHasher:
    """argon2id with RFC 9106's low-memory profile: 64 MiB, 3 passes, 4 lanes."""
    return PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)


_hasher = password_hasher()
# Verified against when the user name is unknown, so both paths cost one argon2 hash.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class UserError(SafeguardError):
    code = "user_error"


class InvalidUser(UserError, InvalidInput):
    code = "invalid_user"


class UserExists(UserError, Conflict):
    code = "user_exists"


class UserNotFound(UserError, NotFound):
    code = "user_not_found"


class LoginFailed(UserError, Forbidden):
    """Wrong user name or password, or a disabled account (the message does not say which)."""

    code = "login_failed"


class LoginRateLimited(UserError, Limited):
    code = "login_rate_limited"

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"too many failed logins; try again in {max(1, retry_after // 60)} minutes"
        )


@dataclass(frozen=True, slots=True)
class LoginLimits:
    """How many failed logins, within ``window``, lock a user name or a client address."""

    per_user: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)


DEFAULT_LIMITS = LoginLimits()


@dataclass(frozen=True, slots=True)
class UserSummary:
    id: int
    username: str
    role: str
    disabled: bool
    created_at: datetime
    last_login_at: datetime | None

    @classmethod
    def of(cls, user: ConsoleUser) -> UserSummary:
        return cls(
            user.id,
            user.username,
            user.role,
            user.disabled,
            user.created_at,
            user.last_login_at,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "role": self.role,
            "disabled": self.disabled,
            "created_at": self.created_at.isoformat(),
            "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None,
        }


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidUser(f"role must be one of {', '.join(ROLES)}, got {role!r}")


def normalise_password(password: str) -> str:
    """NFC, as NIST SP 800-63B asks: the same password typed on another system (composed
    or decomposed accents) is the same password."""
    return unicodedata.normalize("NFC", password)


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords that zxcvbn ships (lower case)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(p.lower() for p in FREQUENCY_LISTS["passwords"])


def check_password(password: str, username: str = "") -> str:
    """The normalised password, or ``InvalidUser`` saying why it is refused: under
    ``MIN_PASSWORD_LENGTH`` characters, one character repeated (twelve spaces), the user
    name, or on a list of common passwords. No composition rules (SP 800-63B 5.1.1.2)."""
    normal = normalise_password(password)
    if len(normal) < MIN_PASSWORD_LENGTH:
        raise InvalidUser(f"password must be at least {MIN_PASSWORD_LENGTH} characters long")
    if not normal.strip() or len(set(normal)) == 1:
        raise InvalidUser("password must not be one character repeated or only spaces")
    if username and normal.lower() == username.lower():
        raise InvalidUser("password must not be the user name")
    if normal.lower() in _common_passwords():
        raise InvalidUser("password is on a list of commonly used passwords: choose another")
    return normal


def get_user(session: Session, username: str) -> ConsoleUser:
    user = session.scalar(select(ConsoleUser).where(ConsoleUser.username == username))
    if user is None:
        raise UserNotFound(f"no console user named {username!r}")
    return user


def create_user(
    session: Session, username: str, password: str, role: str, actor: str
) -> ConsoleUser:
    if not _USERNAME.match(username):
        raise InvalidUser(
            f"user name {username!r}: letters, digits and _.@- only, 1-100 characters"
        )
    _check_role(role)
    password = check_password(password, username)
    if session.scalar(select(ConsoleUser.id).where(ConsoleUser.username == username)):
        raise UserExists(f"a console user named {username!r} already exists")
    user = ConsoleUser(username=username, password_hash=_hasher.hash(password), role=role)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", username, {"role": role})
    return user


def list_users(session: Session) -> list[UserSummary]:
    users = session.scalars(select(ConsoleUser).order_by(ConsoleUser.username)).all()
    return [UserSummary.of(u) for u in users]


def set_password(session: Session, username: str, password: str, actor: str) -> ConsoleUser:
    """A new password, which also ends every console session the user has open."""
    password = check_password(password, username)
    user = get_user(session, username)
    user.password_hash = _hasher.hash(password)
    user.session_generation = (user.session_generation or 0) + 1
    audit.record(session, actor, "user.password", username)
    return user


def set_role(session: Session, username: str, role: str, actor: str) -> ConsoleUser:
    _check_role(role)
    user = get_user(session, username)
    if user.role != role:
        audit.record(session, actor, "user.role", username, {"from": user.role, "to": role})
        user.role = role
    return user


def set_disabled(session: Session, username: str, disabled: bool, actor: str) -> ConsoleUser:
    user = get_user(session, username)
    if user.disabled != disabled:
        user.disabled = disabled
        audit.record(session, actor, "user.disable" if disabled else "user.enable", username)
    return user


def _recent_failures(session: Session, where: ColumnElement[bool], since: datetime) -> int:
    return int(session.scalar(select(func.count()).where(where, LoginFailure.at >= since)) or 0)


def check_rate_limit(
    session: Session, username: str, address: str, limits: LoginLimits = DEFAULT_LIMITS
) -> None:
    """Raise ``LoginRateLimited`` when this user name or address has failed too often."""
    since = datetime.now(UTC) - limits.window
    by_user = _recent_failures(session, LoginFailure.username == username, since)
    by_address = _recent_failures(session, LoginFailure.address == address, since)
    if by_user >= limits.per_user or by_address >= limits.per_address:
        raise LoginRateLimited(int(limits.window.total_seconds()))


def authenticate(
    session: Session,
    username: str,
    password: str,
    address: str,
    limits: LoginLimits = DEFAULT_LIMITS,
) -> ConsoleUser:
    """The user, when the password is right, the account enabled and the limit not reached.

    A failure is recorded (and audited) in the caller's transaction: the caller must commit
    even when this raises ``LoginFailed``."""
    check_rate_limit(session, username[:100], address[:64], limits)
    user = session.scalar(select(ConsoleUser).where(ConsoleUser.username == username))
    normal = normalise_password(password)
    stored = user.password_hash if user else _DUMMY_HASH
    rehash = False
    try:
        _hasher.verify(stored, normal)
        ok = user is not None and not user.disabled
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok and normal != password and user is not None and not user.disabled:
        # Set before passwords were normalised: accepted once as typed, then rehashed.
        try:
            ok = rehash = _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            ok = False
    if not ok or user is None:
        session.add(LoginFailure(username=username[:100], address=address[:64]))
        audit.record(session, f"console:{username[:100]}", "login.failed", address[:64])
        raise LoginFailed("wrong user name or password")
    if rehash or _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(normal)
    user.last_login_at = datetime.now(UTC)
    # A success clears the user's own count, not the address's.
    session.execute(delete(LoginFailure).where(LoginFailure.username == user.username))
    audit.record(session, f"console:{user.username}", "login", address[:64])
    return user


def purge_login_failures(session: Session, limits: LoginLimits = DEFAULT_LIMITS) -> int:
    """Forget failures older than the window (they no longer count)."""
    cutoff = datetime.now(UTC) - limits.window
    result = session.execute(delete(LoginFailure).where(LoginFailure.at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
