"""Decisions as actions: a case in the review queue and a signed webhook, per decision.

``DecisionRecorder`` is given to the monitors. Every decision goes through
``safeguard.review.check.record_decision``, as the upload check's do: a case (audited, with
the matched banks' provenance, and a ``case.opened`` webhook) and a ``stream.terminate`` or
``stream.review`` webhook with the full evidence in the outbox, in one transaction. The
outbox's deliverer (``safeguard serve``) signs and sends it; the stream never waits for it.
If the database fails, the decision is still emitted (without ``case_id``), followed by a
non-fatal ``case_failed`` error event.
"""

from __future__ import annotations

import threading

from sqlalchemy.exc import SQLAlchemyError

from safeguard.review.check import record_decision
from safeguard.store.db import Database
from safeguard.stream.events import DecisionEvent
from safeguard.stream.monitor import DecisionNotRecorded

ACTOR = "stream-monitor"


def webhook_event(action: str) -> str:
    return f"stream.{action}"


class DecisionRecorder:
    """A ``DecisionRecord`` for ``StreamMonitor``/``StreamHub``: opens the case and queues
    the webhook in one transaction; returns the case id."""

    def __init__(self, db: Database, *, actor: str = ACTOR) -> None:
        self.db = db
        self.actor = actor
        self._lock = threading.Lock()  # SQLite has one writer; decisions are rare

    def __call__(self, event: DecisionEvent) -> int:
        try:
            return self._record(event)
        except SQLAlchemyError as err:
            raise DecisionNotRecorded(
                f"the {event.action} decision could not be recorded: {type(err).__name__}"
            ) from err

    def _record(self, event: DecisionEvent) -> int:
        with self._lock, self.db.session() as session:
            return record_decision(
                session,
                source=f"stream:{event.stream}",
                action=event.action,
                summary=f"{event.action} at {event.stream_ts:.3f} s: {event.reason}",
                evidence=event.evidence,
                matches=list(event.matches) or None,
                actor=self.actor,
                event=webhook_event(event.action),
                payload=event.to_json(),
            )
