"""Opinions flowing back to publishers: when a reviewer here decides a case whose matches
include entries that came from a subscription, the decision (``confirm`` → ``confirmed``,
``false_positive``) is queued, in the deciding transaction, for that entry's publisher;
``sync`` sends the queue.

``install`` adds the listener to ``review.cases.DECISION_LISTENERS`` (the service does it at
start; anything else that decides cases and wants opinions to flow calls it too).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard.review import cases
from safeguard.store.models import Case, ExchangeOrigin, ExchangeOutbox

OPINION_OF_DECISION = {"confirm": "confirmed", "false_positive": "false_positive"}


def queue_opinions(session: Session, case: Case) -> int:
    """Queue the case's decision for the publishers of its matched entries; returns how
    many opinions were queued."""
    opinion = OPINION_OF_DECISION.get(case.decision or "")
    if opinion is None:
        return 0
    entry_ids = {
        int(m["entry"])
        for m in case.evidence.get("matches", [])
        if isinstance(m, dict) and isinstance(m.get("entry"), int)
    }
    if not entry_ids:
        return 0
    origins = session.scalars(select(ExchangeOrigin).where(ExchangeOrigin.entry_id.in_(entry_ids)))
    queued = 0
    for origin in origins:
        session.add(
            ExchangeOutbox(
                subscription_id=origin.subscription_id,
                original_id=origin.original_id,
                opinion=opinion,
                case_id=case.id,
            )
        )
        queued += 1
    return queued


def install() -> None:
    if queue_opinions not in cases.DECISION_LISTENERS:
        cases.DECISION_LISTENERS.append(queue_opinions)
