"""The audit log: an append-only, hash-chained record of every consequential act.

Each event's hash is SHA-256 over its canonical JSON (time, actor, action, subject, details)
and the previous event's hash. ``prev_hash`` is unique, so two writers racing to append after
the same event cannot fork the chain: one of them fails and retries. ``verify`` recomputes
the chain and names the first event that was changed, removed or moved. Removing events from
the *end* leaves a valid shorter chain; compare ``head()`` with a copy kept elsewhere to
detect that.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safeguard.store.models import AuditEvent

GENESIS = "0" * 64
_RETRIES = 5


def _timestamp(at: datetime) -> str:
    # SQLite hands datetimes back without a zone; everything is stored in UTC.
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(
    prev_hash: str, at: datetime, actor: str, action: str, subject: str, details: str
) -> str:
    canonical = json.dumps(
        [prev_hash, _timestamp(at), actor, action, subject, json.loads(details)],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def head(session: Session) -> str:
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    return last.hash if last else GENESIS


def record(
    session: Session,
    actor: str,
    action: str,
    subject: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event in the caller's transaction (it commits or rolls back with the act)."""
    body = json.dumps(details or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    for attempt in range(_RETRIES):
        at = datetime.now(UTC)
        prev = head(session)
        ev = AuditEvent(
            at=at,
            actor=actor,
            action=action,
            subject=subject[:400],
            details=body,
            prev_hash=prev,
            hash=event_hash(prev, at, actor, action, subject[:400], body),
        )
        try:
            with session.begin_nested():
                session.add(ev)
                session.flush()
            return ev
        except IntegrityError:
            if attempt == _RETRIES - 1:
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    checked: int
    head: str
    first_bad_id: int | None = None
    reason: str | None = None


def verify(session: Session, batch: int = 10_000) -> Verification:
    prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not rows:
            return Verification(True, checked, prev)
        for ev in rows:
            if ev.prev_hash != prev:
                return Verification(
                    False,
                    checked,
                    prev,
                    ev.id,
                    "chain broken: an event before it was removed or moved",
                )
            expected = event_hash(ev.prev_hash, ev.at, ev.actor, ev.action, ev.subject, ev.details)
            if expected != ev.hash:
                return Verification(False, checked, prev, ev.id, "event content was changed")
            prev = ev.hash
            checked += 1
            last_id = ev.id


def page(
    session: Session,
    *,
    before: int | None = None,
    limit: int = 100,
    action: str = "",
    subject: str = "",
) -> list[AuditEvent]:
    """Events newest first, optionally of one action and/or subject, older than ``before``."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if before:
        query = query.where(AuditEvent.id < before)
    if action:
        query = query.where(AuditEvent.action == action)
    if subject:
        query = query.where(AuditEvent.subject == subject)
    return list(session.scalars(query))
