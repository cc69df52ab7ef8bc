"""Evidence media, opt-in: the uploaded bytes of a case, kept encrypted for review.

Off by default: Safeguard keeps hashes and decisions, not media. A deployment that turns
it on (``SAFEGUARD_EVIDENCE=1``) must give a 256-bit key, in a file
(``SAFEGUARD_EVIDENCE_KEY_FILE``) or the environment (``SAFEGUARD_EVIDENCE_KEY``), as
base64 or hex; ``safeguard evidence keygen`` writes one. Media is sealed with AES-GCM
(a fresh 96-bit nonce per item, the case id as associated data, so a row moved to another
case does not decrypt), and purged after ``retention_days`` by ``purge`` (the
``safeguard evidence purge`` job); each purge is audited. ``load`` returns the plaintext
and leaves auditing the view to the caller, who knows who is looking and why.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.errors import InternalError, NotFound, SafeguardError
from safeguard.store.models import Case, EvidenceMedia

KEY_ENV = "SAFEGUARD_EVIDENCE_KEY"
KEY_FILE_ENV = "SAFEGUARD_EVIDENCE_KEY_FILE"


class EvidenceError(SafeguardError):
    code = "evidence_error"


class EvidenceDisabled(EvidenceError, NotFound):
    code = "evidence_disabled"


class EvidenceKeyError(EvidenceError, InternalError):
    """No key, a malformed one, or not the key the media was sealed with."""

    code = "evidence_key"


@dataclass(frozen=True, slots=True)
class EvidenceSettings:
    enabled: bool = False
    key_file: Path | None = None
    #: The key itself (base64 or hex), when it comes from the environment.
    key: str | None = None
    retention_days: float = 30.0
    max_bytes: int = 64 * 1024 * 1024

    @classmethod
    def from_env(cls) -> EvidenceSettings:
        enabled = os.environ.get("SAFEGUARD_EVIDENCE", "").lower() in ("1", "true", "yes", "on")
        key_file = os.environ.get(KEY_FILE_ENV)
        return cls(
            enabled=enabled,
            key_file=Path(key_file) if key_file else None,
            key=os.environ.get(KEY_ENV) or None,
            retention_days=float(os.environ.get("SAFEGUARD_EVIDENCE_RETENTION_DAYS", "30")),
        )


class HasEvidenceSettings(Protocol):
    @property
    def evidence(self) -> EvidenceSettings: ...


def generate_key() -> str:
    """A new key, base64, for a key file or the environment."""
    return base64.b64encode(secrets.token_bytes(32)).decode()


def parse_key(text: str) -> bytes:
    value = text.strip()
    raw: bytes | None = None
    if len(value) == 64:
        try:
            raw = bytes.fromhex(value)
        except ValueError:
            raw = None
    if raw is None:
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raw = None
    if raw is None or len(raw) != 32:
        raise EvidenceKeyError("the evidence key must be 32 bytes, written as base64 or hex")
    return raw


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"safeguard-evidence:" + key).hexdigest()[:16]


def _aad(case_id: int) -> bytes:
    return f"safeguard-case:{case_id}".encode()


class EvidenceStore:
    """Seal, open and purge the media of cases (see the module docstring)."""

    def __init__(self, settings: HasEvidenceSettings | EvidenceSettings) -> None:
        self.settings = settings if isinstance(settings, EvidenceSettings) else settings.evidence
        self._key: bytes | None = None

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def key(self) -> bytes:
        if self._key is None:
            if self.settings.key_file is not None:
                try:
                    text = self.settings.key_file.read_text()
                except OSError as e:
                    raise EvidenceKeyError(f"cannot read evidence key file: {e}") from None
            elif self.settings.key:
                text = self.settings.key
            else:
                raise EvidenceKeyError(
                    f"evidence is enabled but no key is set ({KEY_FILE_ENV} or {KEY_ENV})"
                )
            self._key = parse_key(text)
        return self._key

    def check(self) -> None:
        """Fail at start-up, not at the first case, when evidence is on without a key."""
        if self.enabled:
            self.key()

    def save(
        self,
        session: Session,
        case_id: int,
        data: bytes,
        *,
        filename: str = "",
        content_type: str = "application/octet-stream",
    ) -> EvidenceMedia:
        if not self.enabled:
            raise EvidenceDisabled("this deployment does not keep evidence media")
        if len(data) > self.settings.max_bytes:
            raise EvidenceError(f"{len(data)} bytes is over the evidence limit")
        key = self.key()
        nonce = secrets.token_bytes(12)
        row = EvidenceMedia(
            case_id=case_id,
            filename=filename[:400],
            content_type=content_type[:100],
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            key_id=_key_id(key),
            nonce=nonce,
            ciphertext=AESGCM(key).encrypt(nonce, data, _aad(case_id)),
        )
        session.add(row)
        case = session.get(Case, case_id)
        if case is not None:
            case.has_media = True
        session.flush()
        return row

    def info(self, session: Session, case_id: int) -> EvidenceMedia | None:
        return session.scalar(select(EvidenceMedia).where(EvidenceMedia.case_id == case_id))

    def load(self, session: Session, case_id: int) -> bytes | None:
        """The decrypted media of a case, or None when it has none (or it was purged)."""
        row = self.info(session, case_id)
        if row is None:
            return None
        key = self.key()
        if row.key_id != _key_id(key):
            raise EvidenceKeyError(
                f"case {case_id}'s media was sealed with another key ({row.key_id})"
            )
        try:
            return AESGCM(key).decrypt(row.nonce, row.ciphertext, _aad(case_id))
        except InvalidTag:
            raise EvidenceKeyError(f"case {case_id}'s media failed authentication") from None

    def load_for_banking(self, session: Session, case_id: int) -> bytes | None:
        """The case's media for deriving more signals of it (region hashes when it is
        confirmed to a bank), or None when none is kept or it cannot be opened: a missing
        or unreadable media file never blocks a decision."""
        if not self.enabled:
            return None
        try:
            return self.load(session, case_id)
        except EvidenceError:
            return None

    def purge(self, session: Session, *, actor: str, now: datetime | None = None) -> list[int]:
        """Delete media older than the retention period; returns the cases purged."""
        cutoff = (now or datetime.now(UTC)) - timedelta(days=self.settings.retention_days)
        rows = session.scalars(
            select(EvidenceMedia)
            .where(EvidenceMedia.created_at < cutoff)
            .order_by(EvidenceMedia.id)
        ).all()
        purged = []
        for row in rows:
            case = session.get(Case, row.case_id)
            if case is not None:
                case.has_media = False
            purged.append(row.case_id)
            audit.record(
                session,
                actor,
                "evidence.purge",
                f"case:{row.case_id}",
                {
                    "sha256": row.sha256,
                    "size": row.size,
                    "retention_days": self.settings.retention_days,
                },
            )
            session.delete(row)
        session.flush()
        return purged
