"""Open conversations kept in the database, so incremental scoring works across worker
processes: each message reads the conversation's compact state, folds the message in and
writes the state back only if nobody else did meanwhile (a version check); otherwise it
retries on the fresh state. Message text is never written, only the state (counts,
statistics, signal spans) and the verdict.

When a conversation's alert first fires, a review case is opened in the same transaction
(``safeguard.review.cases.open_case``, which audits it and queues the ``case.opened`` webhook)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from safeguard.chat.conversation import Message, Participant
from safeguard.chat.scorer import (
    ConversationState,
    ScoreResult,
    Scoring,
    StateError,
    result_of,
    score_message,
)
from safeguard.errors import Limited, NotFound
from safeguard.store.db import Database
from safeguard.store.models import ChatConversation, utcnow

log = logging.getLogger(__name__)

ATTEMPTS = 20


class ConversationNotFound(NotFound, LookupError):
    code = "conversation_not_found"


class ConversationBusy(Limited):
    """Too many concurrent writers on one conversation; the client should retry."""

    code = "conversation_busy"


class _Stale(Exception):
    pass


@dataclass(frozen=True, slots=True)
class OpenConversation:
    result: ScoreResult
    state_bytes: int
    case_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {**self.result.to_json(), "state_bytes": self.state_bytes, "case_id": self.case_id}


def add_message(
    db: Database,
    owner: str,
    conversation_id: str,
    message: Message,
    scoring: Scoring,
    *,
    participants: tuple[Participant, ...] = (),
    open_cases: bool = True,
) -> OpenConversation:
    """Score one more message of an open conversation. ``participants`` are used when the
    conversation is new (its first message)."""
    for attempt in range(ATTEMPTS):
        try:
            with db.session() as session:
                return _attempt(
                    session, owner, conversation_id, message, scoring, participants, open_cases
                )
        except (_Stale, IntegrityError, OperationalError) as exc:
            if isinstance(exc, OperationalError) and not _is_contention(exc):
                raise
            time.sleep(min(0.002 * 2**attempt, 0.1))
    raise ConversationBusy(f"conversation {conversation_id!r} is busy; retry")


def _is_contention(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text or "deadlock" in text or "serializ" in text


def _attempt(
    session: Session,
    owner: str,
    conversation_id: str,
    message: Message,
    scoring: Scoring,
    participants: tuple[Participant, ...],
    open_cases: bool,
) -> OpenConversation:
    row = session.get(ChatConversation, (owner, conversation_id), populate_existing=True)
    if row is None:
        state = ConversationState.start(participants)
    else:
        try:
            state = ConversationState.loads(row.state)
        except StateError:
            log.warning("conversation %s had an unreadable state; starting again", conversation_id)
            state = ConversationState.start(participants)
    alerted_before = state.alert_at is not None
    result = score_message(state, message, scoring, conversation_id)
    dumped = state.dumps()
    case_id = row.case_id if row is not None else None
    if open_cases and not alerted_before and result.alert_at is not None and case_id is None:
        case_id = _open_case(session, owner, result)
    values: dict[str, Any] = {
        "state": dumped,
        "messages": result.messages,
        "risk": result.risk,
        "level": result.level,
        "alert_at": result.alert_at,
        "case_id": case_id,
        "updated_at": utcnow(),
    }
    if row is None:
        session.add(
            ChatConversation(owner=owner, conversation_id=conversation_id, version=1, **values)
        )
        session.flush()
    else:
        done = session.execute(
            update(ChatConversation)
            .where(
                ChatConversation.owner == owner,
                ChatConversation.conversation_id == conversation_id,
                ChatConversation.version == row.version,
            )
            .values(version=row.version + 1, **values)
            .execution_options(synchronize_session=False)
        )
        if getattr(done, "rowcount", 1) != 1:
            raise _Stale()
    return OpenConversation(result, len(dumped.encode()), case_id)


def _open_case(session: Session, owner: str, result: ScoreResult) -> int:
    from safeguard.review import cases

    case = cases.open_case(
        session,
        source="chat",
        action="review",
        summary=(
            f"grooming risk {result.level} ({result.risk:.2f}) in conversation {result.id!r} "
            f"at message {(result.alert_at or 0) + 1} (counting from 1)"
        ),
        evidence={"chat": {**result.to_json(), "client": owner}},
        actor=owner,
    )
    return int(case.id)


def get_conversation(db: Database, owner: str, conversation_id: str) -> OpenConversation:
    with db.session() as session:
        row = session.get(ChatConversation, (owner, conversation_id))
        if row is None:
            raise ConversationNotFound(f"no open conversation {conversation_id!r}")
        state = ConversationState.loads(row.state)
        return OpenConversation(
            result_of(state, conversation_id), len(row.state.encode()), row.case_id
        )


def close_conversation(db: Database, owner: str, conversation_id: str) -> None:
    """Forget a conversation's state (it ended, or the platform's retention ran out)."""
    with db.session() as session:
        done = session.execute(
            delete(ChatConversation).where(
                ChatConversation.owner == owner,
                ChatConversation.conversation_id == conversation_id,
            )
        )
        if getattr(done, "rowcount", 1) == 0:
            raise ConversationNotFound(f"no open conversation {conversation_id!r}")
