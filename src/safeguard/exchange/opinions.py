"""Opinions flowing back to publishers: when a reviewer here decides a case whose matches
include entries that came from a subscription, the decision (``confirm`` → ``confirmed``,
``false_positive``) is queued, in the deciding transaction, for that entry's publisher;
``sync`` sends the queue. Entries from external exchanges (``exchange.sources``) are
queued the same way for the exchanges whose adapter takes opinions (NCMEC, StopNCII).

``install`` adds the listener to ``review.cases.DECISION_LISTENERS`` (the service does it at
start; anything else that decides cases and wants opinions to flow calls it too).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from safeguard.exchange import adapters
from safeguard.review import cases
from safeguard.store.models import (
    Case,
    Entry,
    ExchangeOrigin,
    ExchangeOutbox,
    ExchangeSource,
    ExchangeSourceOutbox,
    ExchangeSourceRecord,
)

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
    return queued + _queue_external(session, case, opinion, entry_ids)


def _queue_external(session: Session, case: Case, opinion: str, entry_ids: set[int]) -> int:
    """Queue the opinion for external sources (NCMEC, StopNCII) whose adapter takes
    opinions, once per (source, record, signal)."""
    rows = session.execute(
        select(
            ExchangeSourceRecord.source_id,
            ExchangeSourceRecord.record_key,
            Entry.signal_type,
            Entry.value,
            ExchangeSource.kind,
        )
        .join(Entry, Entry.id == ExchangeSourceRecord.entry_id)
        .join(ExchangeSource, ExchangeSource.id == ExchangeSourceRecord.source_id)
        .where(ExchangeSourceRecord.entry_id.in_(entry_ids))
    ).all()
    queued = 0
    for r in sorted(set(rows)):
        if not adapters.adapter_class(r.kind).takes_opinions:
            continue
        session.add(
            ExchangeSourceOutbox(
                source_id=r.source_id,
                record_key=r.record_key,
                signal_type=r.signal_type,
                value=r.value,
                opinion=opinion,
                case_id=case.id,
            )
        )
        queued += 1
    return queued


def install() -> None:
    if queue_opinions not in cases.DECISION_LISTENERS:
        cases.DECISION_LISTENERS.append(queue_opinions)
