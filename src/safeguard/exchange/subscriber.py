"""The subscribing side: subscriptions to other instances' feeds, and sync.

``sync`` pulls pages after the subscription's checkpoint, one at a time. Each page is
verified before anything is written: signed by the pinned publisher key, of this feed,
continuing exactly this checkpoint with the next sequence number, items well formed. A page
is then applied in one transaction with the new checkpoint, so a failure anywhere leaves
the bank and the checkpoint as they were and the next sync resumes there. Opinions queued
by local review decisions go to the publisher first.
"""

from __future__ import annotations

import fcntl
import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from safeguard import audit
from safeguard.banks.entries import EntryState, put_entry_states
from safeguard.banks.lists import get_bank
from safeguard.exchange import signing, sources
from safeguard.exchange.errors import (
    PageRejected,
    PublisherUnavailable,
    SubscriptionNotFound,
    TokenRefused,
)
from safeguard.exchange.pages import VERSION, Cursor, item_fields
from safeguard.signals.errors import InvalidSignal
from safeguard.store.db import Database
from safeguard.store.models import Bank, ExchangeOrigin, ExchangeOutbox, ExchangeSubscription

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 5000
MAX_PAGES_PER_SYNC = 100_000
#: What a subscriber reads of one page, after decompression, before it stops and refuses it:
#: a page of 5,000 entries is about 0.7 MB; this bounds a broken or hostile publisher (or a
#: gzip bomb), whose signature cannot be checked before the page is read.
MAX_PAGE_BYTES = 64 << 20


@dataclass(frozen=True, slots=True)
class SubscriptionInfo:
    id: int
    url: str
    feed: str
    bank: str
    publisher_key: str
    cursor: str
    seq: int
    last_sync_at: datetime | None
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "feed": self.feed,
            "bank": self.bank,
            "publisher_key": self.publisher_key,
            "cursor": self.cursor,
            "seq": self.seq,
            "last_sync_at": self.last_sync_at.isoformat() if self.last_sync_at else None,
            "last_error": self.last_error,
        }


def _info(session: Session, sub: ExchangeSubscription) -> SubscriptionInfo:
    bank = session.get(Bank, sub.bank_id)
    return SubscriptionInfo(
        sub.id,
        sub.url,
        sub.feed,
        bank.name if bank else "",
        sub.publisher_key,
        sub.cursor,
        sub.seq,
        sub.last_sync_at,
        sub.last_error,
    )


def subscribe(
    session: Session,
    url: str,
    *,
    feed: str,
    token: str,
    publisher_key: str,
    into: str,
    actor: str,
) -> SubscriptionInfo:
    """Record a subscription: the publisher's base URL, feed, token, pinned key, and the
    local bank the entries go into. Nothing is fetched until ``sync``."""
    signing.parse_public_key(publisher_key)
    bank = get_bank(session, into)
    sub = ExchangeSubscription(
        url=url.rstrip("/"),
        feed=feed,
        token=token,
        publisher_key=publisher_key.strip(),
        bank_id=bank.id,
        cursor="",
        seq=0,
        enabled=True,
    )
    session.add(sub)
    session.flush()
    audit.record(
        session,
        actor,
        "exchange.subscribe",
        f"subscription:{sub.id}",
        {"url": sub.url, "feed": feed, "bank": bank.name},
    )
    return _info(session, sub)


def list_subscriptions(session: Session) -> list[SubscriptionInfo]:
    subs = session.scalars(select(ExchangeSubscription).order_by(ExchangeSubscription.id))
    return [_info(session, s) for s in subs]


@dataclass
class SyncReport:
    subscription: int
    feed: str
    pages: int = 0
    items: int = 0
    opinions_sent: int = 0
    bytes_received: int = 0
    cursor: str = ""
    error: str | None = None
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "subscription": self.subscription,
            "feed": self.feed,
            "pages": self.pages,
            "items": self.items,
            "opinions_sent": self.opinions_sent,
            "bytes_received": self.bytes_received,
            "cursor": self.cursor,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class Checkpoint:
    feed: str
    feed_uid: str | None
    cursor: str
    seq: int


def verify_page(
    signed: Any, public: Ed25519PublicKey, checkpoint: Checkpoint
) -> tuple[dict[str, Any], Cursor]:
    """The page body and its next cursor if ``signed`` is a page this checkpoint may apply;
    ``PageRejected`` saying why otherwise. Pure: reads and writes nothing."""
    if not isinstance(signed, dict) or not isinstance(signed.get("page"), dict):
        raise PageRejected("not a feed page")
    signature = signed.get("signature")
    if not isinstance(signature, str) or not signature:
        raise PageRejected("unsigned page refused")
    body: dict[str, Any] = signed["page"]
    if not signing.verify(public, body, signature):
        raise PageRejected("bad signature: the page was not signed by the pinned publisher key")
    if body.get("v") != VERSION:
        raise PageRejected(f"unsupported page version {body.get('v')!r}")
    if body.get("feed") != checkpoint.feed:
        raise PageRejected(f"page of feed {body.get('feed')!r}, expected {checkpoint.feed!r}")
    if checkpoint.feed_uid is not None and body.get("feed_uid") != checkpoint.feed_uid:
        raise PageRejected("page of another feed of that name (re-created at the publisher)")
    if body.get("prev") != checkpoint.cursor:
        raise PageRejected(
            f"page out of order or replayed: it continues {body.get('prev')!r}, "
            f"the checkpoint is {checkpoint.cursor!r}"
        )
    nxt = Cursor.parse(body.get("next") if isinstance(body.get("next"), str) else None)
    moved = body.get("next") != body.get("prev")
    expected_seq = checkpoint.seq + 1 if moved else checkpoint.seq
    if body.get("seq") != expected_seq or nxt.seq != expected_seq:
        raise PageRejected(
            f"page sequence {body.get('seq')!r} where {expected_seq} was due (replayed or skipped)"
        )
    items = body.get("items")
    if not isinstance(items, list):
        raise PageRejected("a page without items")
    for item in items:
        item_fields(item)
    return body, nxt


def _origin_insert(session: Session) -> sqlite.Insert | postgresql.Insert:
    table = cast(Table, ExchangeOrigin.__table__)
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def apply_page(
    db: Database,
    subscription_id: int,
    body: dict[str, Any],
    nxt: Cursor,
    verified_at: Checkpoint,
    actor: str,
) -> int:
    """Write a verified page and the new checkpoint in one transaction; returns its items.
    Refused (nothing written) when the checkpoint moved since verification (another sync)."""
    with db.session() as session:
        sub = session.scalar(
            select(ExchangeSubscription)
            .where(ExchangeSubscription.id == subscription_id)
            .with_for_update()
        )
        if sub is None:
            raise SubscriptionNotFound(f"no subscription {subscription_id}")
        if (sub.cursor, sub.seq) != (verified_at.cursor, verified_at.seq):
            raise PageRejected("the checkpoint moved while the page was checked (another sync ran)")
        bank = session.get(Bank, sub.bank_id)
        if bank is None:
            raise SubscriptionNotFound(f"the bank of subscription {subscription_id} is gone")
        items = body["items"]
        states = [
            EntryState(
                i["type"],
                i["value"],
                i.get("external_id"),
                i.get("category"),
                i.get("note"),
                i["disabled"],
            )
            for i in items
        ]
        try:
            ids = put_entry_states(session, bank, states)
        except InvalidSignal as e:
            raise PageRejected(f"a page item has a bad value: {e}") from None
        if ids:
            session.execute(
                _origin_insert(session),
                [
                    {"entry_id": entry_id, "subscription_id": sub.id, "original_id": i["id"]}
                    for entry_id, i in zip(ids, items, strict=True)
                ],
            )
        sub.feed_uid = body["feed_uid"]
        sub.cursor = nxt.text
        sub.seq = nxt.seq
        sub.last_sync_at = datetime.now(UTC)
        sub.last_error = None
        audit.record(
            session,
            actor,
            "exchange.sync",
            f"subscription:{sub.id}",
            {"feed": sub.feed, "seq": nxt.seq, "items": len(items), "bank": bank.name},
        )
    return len(items)


def _checkpoint(sub: ExchangeSubscription) -> Checkpoint:
    return Checkpoint(sub.feed, sub.feed_uid, sub.cursor, sub.seq)


def _fail(db: Database, subscription_id: int, message: str) -> None:
    with db.session() as session:
        sub = session.get(ExchangeSubscription, subscription_id)
        if sub is not None:
            sub.last_error = message[:2000]


def _get_page(
    client: httpx.Client, url: str, token: str, params: dict[str, Any]
) -> tuple[bytes, int]:
    """One page's body (decompressed) and the bytes it took on the wire; refuses a body over
    `MAX_PAGE_BYTES` as it arrives, without reading the rest."""
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with client.stream("GET", url, params=params, headers=headers) as response:
            if response.status_code >= 400:
                response.read()
                _raise_for(response)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise PageRejected(
                        f"the publisher's page is over {MAX_PAGE_BYTES >> 20} MiB "
                        "(decompressed); refused unread"
                    )
                chunks.append(chunk)
            return b"".join(chunks), response.num_bytes_downloaded
    except httpx.HTTPError as e:
        raise PublisherUnavailable(f"publisher unreachable: {e}") from None


def _raise_for(response: httpx.Response) -> None:
    if response.status_code in (401, 403):
        raise TokenRefused(
            f"the publisher refused the token ({response.status_code}): {_message(response)}"
        )
    if response.status_code >= 400:
        raise PublisherUnavailable(
            f"the publisher answered {response.status_code}: {_message(response)}"
        )


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json()["error"]["message"])
    except (ValueError, KeyError, TypeError):
        return response.text[:200]


def send_opinions(db: Database, subscription_id: int, client: httpx.Client) -> int:
    """Send the opinions queued for this subscription's publisher; returns how many."""
    with db.session() as session:
        sub = session.get(ExchangeSubscription, subscription_id)
        if sub is None:
            raise SubscriptionNotFound(f"no subscription {subscription_id}")
        url, feed, token = sub.url, sub.feed, sub.token
        pending = session.execute(
            select(ExchangeOutbox.id, ExchangeOutbox.original_id, ExchangeOutbox.opinion)
            .where(ExchangeOutbox.subscription_id == sub.id, ExchangeOutbox.sent_at.is_(None))
            .order_by(ExchangeOutbox.id)
            .limit(1000)
        ).all()
    if not pending:
        return 0
    body = {"opinions": [{"id": p.original_id, "opinion": p.opinion} for p in pending]}
    try:
        response = client.post(
            f"{url}/v1/exchange/feeds/{feed}/opinions",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
        )
    except httpx.HTTPError as e:
        raise PublisherUnavailable(f"publisher unreachable: {e}") from None
    _raise_for(response)
    with db.session() as session:
        now = datetime.now(UTC)
        for row in session.scalars(
            select(ExchangeOutbox).where(ExchangeOutbox.id.in_([p.id for p in pending]))
        ):
            row.sent_at = now
    return len(pending)


def sync_one(
    db: Database,
    subscription_id: int,
    *,
    client: httpx.Client | None = None,
    limit: int = DEFAULT_LIMIT,
    actor: str = "exchange-sync",
    progress: Callable[[int], None] | None = None,
) -> SyncReport:
    """Send queued opinions, then pull and apply pages until the publisher has no more.
    A failure stops at the page it happened on (earlier pages stay applied) and is in the
    report's ``error`` and the subscription's ``last_error``."""
    own = client is None
    http = client or httpx.Client(timeout=60)
    with db.session() as session:
        sub = session.get(ExchangeSubscription, subscription_id)
        if sub is None:
            raise SubscriptionNotFound(f"no subscription {subscription_id}")
        url, token = sub.url, sub.token
        public = signing.parse_public_key(sub.publisher_key)
        checkpoint = _checkpoint(sub)
    report = SyncReport(subscription_id, checkpoint.feed, cursor=checkpoint.cursor)
    try:
        report.opinions_sent = send_opinions(db, subscription_id, http)
        for _ in range(MAX_PAGES_PER_SYNC):
            raw, wire = _get_page(
                http,
                f"{url}/v1/exchange/feeds/{checkpoint.feed}",
                token,
                {"after": checkpoint.cursor, "limit": limit},
            )
            report.bytes_received += wire
            try:
                signed = json.loads(raw)
            except (ValueError, RecursionError):
                raise PageRejected("the publisher's answer is not JSON") from None
            body, nxt = verify_page(signed, public, checkpoint)
            if len(body["items"]) > limit:
                raise PageRejected(
                    f"the page holds {len(body['items']):,} items; {limit:,} were asked for"
                )
            if nxt.text == checkpoint.cursor:
                break
            report.items += apply_page(db, subscription_id, body, nxt, checkpoint, actor)
            report.pages += 1
            checkpoint = Checkpoint(checkpoint.feed, body["feed_uid"], nxt.text, nxt.seq)
            report.cursor = nxt.text
            if progress:
                progress(report.items)
            if not body.get("more"):
                break
    except (PageRejected, TokenRefused, PublisherUnavailable, SubscriptionNotFound) as e:
        report.error = str(e)
        _fail(db, subscription_id, report.error)
    finally:
        if own:
            http.close()
    return report


def sync_all(
    db: Database,
    *,
    client: httpx.Client | None = None,
    limit: int = DEFAULT_LIMIT,
    actor: str = "exchange-sync",
) -> list[SyncReport]:
    with db.session() as session:
        ids = list(
            session.scalars(
                select(ExchangeSubscription.id)
                .where(ExchangeSubscription.enabled.is_(True))
                .order_by(ExchangeSubscription.id)
            )
        )
    return [sync_one(db, i, client=client, limit=limit, actor=actor) for i in ids]


class Syncer:
    """Syncs every subscription every ``interval`` seconds on a background thread (``serve``
    runs one per worker; a lock file in the data dir lets one of them sync at a time)."""

    def __init__(self, db: Database, data_dir: Path, interval: float) -> None:
        self.db = db
        self.lock_path = data_dir / "exchange" / "sync.lock"
        self.interval = interval
        self.last_reports: Sequence[SyncReport] = ()
        self.last_source_reports: Sequence[sources.SourceSyncReport] = ()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._loop, name="exchange-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def run_once(self) -> Sequence[SyncReport] | None:
        """One round, unless another worker holds the lock (then None)."""
        with self.lock_path.open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return None
            try:
                self.last_reports = sync_all(self.db, actor="exchange-sync")
                self.last_source_reports = sources.sync_sources(self.db, actor="exchange-sync")
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        for r in self.last_reports:
            if r.error:
                log.warning("exchange sync of %s failed: %s", r.feed, r.error)
        for s in self.last_source_reports:
            if s.error:
                log.warning("exchange sync of source %s failed: %s", s.source, s.error)
        return self.last_reports

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.run_once()
            except Exception:  # keep the thread alive; the next round tries again
                log.exception("exchange sync round failed")
