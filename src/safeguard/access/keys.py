"""API keys: created with a role, shown once, stored as a SHA-256 hash, revoked by id.

A key reads ``sg_<prefix>_<secret>``: the prefix (8 random characters) finds the row and
names the key in lists and the audit log; the secret (32 random bytes) is never stored.
The keys are random, not chosen by people, so one round of SHA-256 is enough: there is no
dictionary to run against them. Every creation and revocation is audited.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.access.roles import ROLES
from safeguard.errors import InvalidInput, NotFound, SafeguardError
from safeguard.store.models import ApiKey

_PREFIX_CHARS = "abcdefghijkmnpqrstuvwxyz23456789"


class ApiKeyError(SafeguardError):
    code = "key_error"


class InvalidRole(ApiKeyError, InvalidInput):
    code = "invalid_role"


class ApiKeyNotFound(ApiKeyError, NotFound):
    code = "key_not_found"


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What lists and the API show about a key (never the key itself)."""

    id: int
    name: str
    role: str
    prefix: str
    created_at: datetime
    created_by: str
    revoked_at: datetime | None
    rate_limit: float | None

    @classmethod
    def of(cls, row: ApiKey) -> KeyInfo:
        return cls(
            row.id,
            row.name,
            row.role,
            row.prefix,
            row.created_at,
            row.created_by,
            row.revoked_at,
            row.rate_limit,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "prefix": self.prefix,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "rate_limit": self.rate_limit,
        }


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_prefix(key: str) -> str | None:
    """The ``sg_xxxxxxxx`` part of a well-formed key, or None."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "sg" or len(parts[1]) != 8 or not parts[2]:
        return None
    return f"sg_{parts[1]}"


def create_key(
    session: Session,
    *,
    role: str,
    name: str,
    actor: str,
    rate_limit: float | None = None,
) -> tuple[KeyInfo, str]:
    """A new key for ``role``; returns its description and the key (shown only now)."""
    if role not in ROLES:
        raise InvalidRole(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    if rate_limit is not None and rate_limit <= 0:
        raise InvalidRole("rate limit must be positive")
    prefix = "sg_" + "".join(secrets.choice(_PREFIX_CHARS) for _ in range(8))
    key = f"{prefix}_{secrets.token_urlsafe(32)}"
    row = ApiKey(
        name=name or role,
        role=role,
        prefix=prefix,
        key_hash=hash_key(key),
        created_by=actor,
        rate_limit=rate_limit,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "key.create", f"key:{prefix}", {"role": role, "name": row.name})
    return KeyInfo.of(row), key


def authenticate(session: Session, key: str) -> KeyInfo | None:
    """The key's description if it exists and is not revoked; None otherwise."""
    prefix = key_prefix(key)
    if prefix is None:
        return None
    row = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.key_hash, hash_key(key)):
        return None
    return KeyInfo.of(row)


def list_keys(session: Session, *, include_revoked: bool = False) -> list[KeyInfo]:
    q = select(ApiKey).order_by(ApiKey.id)
    if not include_revoked:
        q = q.where(ApiKey.revoked_at.is_(None))
    return [KeyInfo.of(r) for r in session.scalars(q)]


def _find(session: Session, key_id: int | str) -> ApiKey:
    if isinstance(key_id, int) or key_id.isdigit():
        row = session.get(ApiKey, int(key_id))
    else:
        row = session.scalar(select(ApiKey).where(ApiKey.prefix == key_id))
    if row is None:
        raise ApiKeyNotFound(f"no API key {key_id!r}")
    return row


def revoke_key(session: Session, key_id: int | str, *, actor: str) -> KeyInfo:
    """Revoke a key by id or prefix; revoking a revoked key changes nothing."""
    row = _find(session, key_id)
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        session.flush()
        audit.record(session, actor, "key.revoke", f"key:{row.prefix}", {"role": row.role})
    return KeyInfo.of(row)


def has_admin(session: Session) -> bool:
    """Whether any admin key is usable (``serve`` tells how to make the first one)."""
    return (
        session.scalar(
            select(ApiKey.id).where(ApiKey.role == "admin", ApiKey.revoked_at.is_(None)).limit(1)
        )
        is not None
    )
