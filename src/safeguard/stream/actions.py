"""Decisions as actions: a case in the review queue and a signed webhook, per decision.

``DecisionRecorder`` wraps an event sink. Every ``decision`` event opens a case
(``safeguard.cases.open_case``: audited, with the matched banks' provenance, and a
``case.opened`` webhook) and puts a ``stream.terminate`` or ``stream.review`` webhook with
the full evidence in the outbox (``safeguard.webhooks.enqueue``), in one transaction. The
outbox's deliverer (``safeguard serve``) signs and sends it; the stream never waits for it.
If the database fails, the decision is still emitted, followed by a non-fatal ``error``.
"""

from __future__ import annotations

import dataclasses
import threading

from sqlalchemy.exc import SQLAlchemyError

from safeguard import cases, webhooks
from safeguard.store.db import Database
from safeguard.stream.events import DecisionEvent, ErrorEvent, StreamEvent
from safeguard.stream.monitor import EventSink

ACTOR = "stream-monitor"


def webhook_event(action: str) -> str:
    return f"stream.{action}"


class DecisionRecorder:
    def __init__(self, db: Database, emit: EventSink, *, actor: str = ACTOR) -> None:
        self.db = db
        self.emit = emit
        self.actor = actor
        self._lock = threading.Lock()  # SQLite has one writer; decisions are rare

    def __call__(self, event: StreamEvent) -> None:
        if not isinstance(event, DecisionEvent):
            self.emit(event)
            return
        try:
            case_id = self.record(event)
        except SQLAlchemyError as err:
            self.emit(event)
            self.emit(
                ErrorEvent(
                    event.stream,
                    event.stream_ts,
                    "case_failed",
                    f"the {event.action} decision could not be recorded: {type(err).__name__}",
                    fatal=False,
                )
            )
            return
        self.emit(dataclasses.replace(event, case_id=case_id))

    def record(self, event: DecisionEvent) -> int:
        """Open the case and queue the webhook; returns the case id."""
        with self._lock, self.db.session() as session:
            case = cases.open_case(
                session,
                source=f"stream:{event.stream}",
                action=event.action,
                summary=f"{event.action} at {event.stream_ts:.3f} s: {event.reason}",
                evidence=event.evidence,
                matches=list(event.matches) or None,
                actor=self.actor,
            )
            payload = {**event.to_json(), "case_id": case.id}
            webhooks.enqueue(session, webhook_event(event.action), payload)
            return int(case.id)
