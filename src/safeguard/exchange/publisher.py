"""The publishing side: feeds of banks, subscriber tokens, signed pages of changes, and the
opinions subscribers send back.

A page lists, after the subscriber's cursor, first the entries added since (by id), then,
once those are all sent, the entries whose state changed since (disabled, re-enabled,
metadata changed: the index change log of the bank). Each item is the entry's full state
when the page was read, so a change that lands between the two reads is simply sent again.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks.lists import get_bank
from safeguard.exchange import signing
from safeguard.exchange.errors import FeedExists, FeedNotFound, TokenNotFound
from safeguard.exchange.pages import OPINIONS, VERSION, Cursor
from safeguard.store.models import (
    Bank,
    Entry,
    ExchangeFeed,
    ExchangeOpinion,
    ExchangeToken,
    IndexChange,
)

TOKEN_PREFIX = "sgx_"
DEFAULT_PAGE = 5000
MAX_PAGE = 10_000
CHANGE_OPS = ("entry_disabled", "entry_enabled", "entry_updated")


@dataclass(frozen=True, slots=True)
class FeedInfo:
    name: str
    uid: str
    bank: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "feed": self.name,
            "uid": self.uid,
            "bank": self.bank,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    feed: str
    subscriber: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "feed": self.feed,
            "subscriber": self.subscriber,
            "prefix": self.prefix,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


def _feed_info(session: Session, feed: ExchangeFeed) -> FeedInfo:
    bank = session.get(Bank, feed.bank_id)
    return FeedInfo(feed.name, feed.uid, bank.name if bank else "", feed.created_at)


def get_feed(session: Session, name: str) -> ExchangeFeed:
    feed = session.scalar(select(ExchangeFeed).where(ExchangeFeed.name == name))
    if feed is None:
        raise FeedNotFound(f"no feed {name!r}")
    return feed


def publish(session: Session, bank_name: str, *, feed: str | None = None, actor: str) -> FeedInfo:
    """Offer a bank to subscribers as a feed (named after the bank unless ``feed``)."""
    bank = get_bank(session, bank_name)
    name = feed or bank.name
    if session.scalar(select(ExchangeFeed.id).where(ExchangeFeed.name == name)) is not None:
        raise FeedExists(f"feed {name!r} exists already")
    row = ExchangeFeed(name=name, uid=uuid.uuid4().hex, bank_id=bank.id, created_by=actor)
    session.add(row)
    session.flush()
    audit.record(session, actor, "exchange.publish", f"feed:{name}", {"bank": bank.name})
    return _feed_info(session, row)


def list_feeds(session: Session) -> list[FeedInfo]:
    return [_feed_info(session, f) for f in session.scalars(select(ExchangeFeed).order_by("id"))]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token_info(session: Session, t: ExchangeToken) -> TokenInfo:
    feed = session.get(ExchangeFeed, t.feed_id)
    return TokenInfo(
        t.id, feed.name if feed else "", t.subscriber, t.prefix, t.created_at, t.revoked_at
    )


def create_token(
    session: Session, feed_name: str, *, subscriber: str, actor: str
) -> tuple[TokenInfo, str]:
    """A token for one subscriber of one feed; returned once, only its hash is kept."""
    feed = get_feed(session, feed_name)
    prefix = TOKEN_PREFIX + secrets.token_hex(4)
    token = f"{prefix}_{secrets.token_urlsafe(32)}"
    row = ExchangeToken(
        feed_id=feed.id, subscriber=subscriber, prefix=prefix, token_hash=_hash(token)
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "exchange.token.create", f"feed:{feed.name}", {"prefix": prefix})
    return _token_info(session, row), token


def revoke_token(session: Session, prefix: str, *, actor: str) -> TokenInfo:
    """Revoke a token, named by its prefix (``sgx_…``) or the whole token."""
    wanted = prefix if prefix.count("_") < 2 else prefix.rsplit("_", 1)[0]
    row = session.scalar(select(ExchangeToken).where(ExchangeToken.prefix == wanted))
    if row is None:
        raise TokenNotFound(f"no token {wanted!r}")
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        audit.record(session, actor, "exchange.token.revoke", f"token:{row.prefix}", {})
    return _token_info(session, row)


def list_tokens(session: Session, feed_name: str | None = None) -> list[TokenInfo]:
    query = select(ExchangeToken).order_by(ExchangeToken.id)
    if feed_name is not None:
        query = query.where(ExchangeToken.feed_id == get_feed(session, feed_name).id)
    return [_token_info(session, t) for t in session.scalars(query)]


def authenticate(
    session: Session, feed_name: str, token: str
) -> tuple[ExchangeFeed, ExchangeToken] | None:
    """The feed and token if ``token`` is a live token of this feed; None otherwise."""
    row = session.scalar(select(ExchangeToken).where(ExchangeToken.token_hash == _hash(token)))
    if row is None or row.revoked_at is not None:
        return None
    feed = session.get(ExchangeFeed, row.feed_id)
    if feed is None or feed.name != feed_name:
        return None
    return feed, row


def _item(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.signal_type,
        "value": e.value,
        "external_id": e.external_id,
        "category": e.category,
        "note": e.note,
        "disabled": bool(e.disabled),
    }


_COLUMNS = (
    Entry.id,
    Entry.signal_type,
    Entry.value,
    Entry.external_id,
    Entry.category,
    Entry.note,
    Entry.disabled,
)


def page(
    session: Session,
    feed: ExchangeFeed,
    key: Ed25519PrivateKey,
    *,
    after: str = "",
    limit: int = DEFAULT_PAGE,
) -> dict[str, Any]:
    """The signed page of changes after cursor ``after`` (at most ``limit`` items)."""
    limit = max(1, min(limit, MAX_PAGE))
    cursor = Cursor.parse(after)
    items = [
        _item(e)
        for e in session.execute(
            select(*_COLUMNS)
            # Region rows (a picture's crops) belong to their entry: never items of a feed.
            .where(
                Entry.bank_id == feed.bank_id,
                Entry.id > cursor.entry,
                Entry.parent_id.is_(None),
            )
            .order_by(Entry.id)
            .limit(limit)
        )
    ]
    last_entry = items[-1]["id"] if items else cursor.entry
    last_change = cursor.change
    more = len(items) == limit
    if not more:
        room = limit - len(items)
        changes = session.execute(
            select(IndexChange.seq, IndexChange.entry_id)
            .where(
                IndexChange.bank_id == feed.bank_id,
                IndexChange.seq > cursor.change,
                IndexChange.entry_id.is_not(None),
                IndexChange.op.in_(CHANGE_OPS),
            )
            .order_by(IndexChange.seq)
            .limit(room)
        ).all()
        if changes:
            more = len(changes) == room
            last_change = changes[-1].seq
            ids = sorted({c.entry_id for c in changes})
            states = {
                e.id: _item(e)
                for e in session.execute(
                    select(*_COLUMNS).where(Entry.id.in_(ids), Entry.parent_id.is_(None))
                )
            }
            # One item per entry: its current state covers every change listed for it.
            items.extend(states[i] for i in ids if i in states)
    moved = (last_entry, last_change) != (cursor.entry, cursor.change)
    nxt = Cursor(cursor.seq + 1 if moved else cursor.seq, last_entry, last_change)
    body = {
        "v": VERSION,
        "feed": feed.name,
        "feed_uid": feed.uid,
        "seq": nxt.seq,
        "prev": cursor.text,
        "next": nxt.text,
        "more": more,
        "issued_at": datetime.now(UTC).isoformat(),
        "items": items,
    }
    return {"page": body, "signature": signing.sign(key, body)}


def record_opinions(
    session: Session, feed: ExchangeFeed, token: ExchangeToken, opinions: list[tuple[int, str]]
) -> int:
    """Keep each subscriber's latest opinion of entries of this feed; returns how many were
    taken (entries not in the feed's bank are skipped)."""
    wanted = {entry_id: opinion for entry_id, opinion in opinions if opinion in OPINIONS}
    if not wanted:
        return 0
    known = set(
        session.scalars(select(Entry.id).where(Entry.bank_id == feed.bank_id, Entry.id.in_(wanted)))
    )
    existing = {
        o.entry_id: o
        for o in session.scalars(
            select(ExchangeOpinion).where(
                ExchangeOpinion.token_id == token.id, ExchangeOpinion.entry_id.in_(known)
            )
        )
    }
    now = datetime.now(UTC)
    for entry_id in known:
        row = existing.get(entry_id)
        if row is None:
            session.add(
                ExchangeOpinion(
                    token_id=token.id, entry_id=entry_id, opinion=wanted[entry_id], at=now
                )
            )
        else:
            row.opinion = wanted[entry_id]
            row.at = now
    audit.record(
        session,
        f"exchange:{token.prefix}",
        "exchange.opinions",
        f"feed:{feed.name}",
        {"taken": len(known), "subscriber": token.subscriber},
    )
    return len(known)


@dataclass(frozen=True, slots=True)
class OpinionCount:
    entry: int
    signal_type: str
    value: str
    false_positive: int
    confirmed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "type": self.signal_type,
            "value": self.value,
            "false_positive": self.false_positive,
            "confirmed": self.confirmed,
        }


def opinion_counts(session: Session, feed_name: str) -> list[OpinionCount]:
    """Per entry of the feed with any opinion: how many subscribers said each."""
    feed = get_feed(session, feed_name)
    rows = session.execute(
        select(Entry.id, Entry.signal_type, Entry.value, ExchangeOpinion.opinion, func.count())
        .join(ExchangeOpinion, ExchangeOpinion.entry_id == Entry.id)
        .where(Entry.bank_id == feed.bank_id)
        .group_by(Entry.id, Entry.signal_type, Entry.value, ExchangeOpinion.opinion)
        .order_by(Entry.id)
    ).all()
    counts: dict[int, dict[str, Any]] = {}
    for entry_id, kind, value, opinion, n in rows:
        c = counts.setdefault(
            entry_id, {"type": kind, "value": value, "false_positive": 0, "confirmed": 0}
        )
        c[opinion] = int(n)
    return [
        OpinionCount(i, c["type"], c["value"], c["false_positive"], c["confirmed"])
        for i, c in counts.items()
    ]
