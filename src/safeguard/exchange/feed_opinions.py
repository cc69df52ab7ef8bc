"""What subscribers said of a published bank's entries, for the publisher's console: the
feeds a bank is published as, counts of opinions (false positive, confirmed) per entry,
and the entries with the most false positives. Each subscriber's latest opinion counts
once (``ExchangeOpinion`` keeps one row per subscriber token and entry)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from safeguard.store.models import Entry, ExchangeFeed, ExchangeOpinion


@dataclass(frozen=True, slots=True)
class EntryOpinions:
    entry: int
    signal_type: str
    value: str
    false_positive: int
    confirmed: int


def feeds_of_bank(session: Session, bank_id: int) -> list[str]:
    return list(
        session.scalars(
            select(ExchangeFeed.name)
            .where(ExchangeFeed.bank_id == bank_id)
            .order_by(ExchangeFeed.name)
        )
    )


def _counts(
    session: Session, bank_id: int, entry_ids: Iterable[int] | None, limit: int | None
) -> list[EntryOpinions]:
    fp = func.sum(case((ExchangeOpinion.opinion == "false_positive", 1), else_=0))
    ok = func.sum(case((ExchangeOpinion.opinion == "confirmed", 1), else_=0))
    query = (
        select(Entry.id, Entry.signal_type, Entry.value, fp, ok)
        .join(ExchangeOpinion, ExchangeOpinion.entry_id == Entry.id)
        .where(Entry.bank_id == bank_id)
        .group_by(Entry.id, Entry.signal_type, Entry.value)
    )
    if entry_ids is not None:
        query = query.where(Entry.id.in_(list(entry_ids)))
    if limit is not None:
        query = query.order_by(fp.desc(), Entry.id).limit(limit)
    return [
        EntryOpinions(int(i), str(t), str(v), int(f or 0), int(c or 0))
        for i, t, v, f, c in session.execute(query)
    ]


def opinions_of_entries(
    session: Session, bank_id: int, entry_ids: Iterable[int]
) -> dict[int, EntryOpinions]:
    """Opinion counts of these entries of the bank (entries without any are absent)."""
    return {o.entry: o for o in _counts(session, bank_id, entry_ids, None)}


def most_disputed(session: Session, bank_id: int, limit: int = 20) -> list[EntryOpinions]:
    """The bank's entries with opinions, most false positives first."""
    return _counts(session, bank_id, None, limit)
