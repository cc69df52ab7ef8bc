"""Tables of the exchange between Safeguard instances.

Publisher side: feeds (a bank offered to others), subscriber tokens (stored hashed) and the
opinions subscribers send back. Subscriber side: subscriptions (where, which key, which
bank, the checkpoint), the provenance of every entry a subscription brought in, and the
outbox of opinions waiting to be sent.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from safeguard.store.models.base import Base, BigId, utcnow


class ExchangeFeed(Base):
    """A bank published to subscribers under a name. ``uid`` changes if the feed is
    re-created, so a subscriber's cursor into the old one is never reused."""

    __tablename__ = "exchange_feeds"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    uid: Mapped[str] = mapped_column(String(64))
    bank_id: Mapped[int] = mapped_column(BigId, ForeignKey("banks.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")


class ExchangeToken(Base):
    """A subscriber's token for one feed: only its SHA-256 is kept."""

    __tablename__ = "exchange_tokens"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    feed_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("exchange_feeds.id", ondelete="CASCADE"), index=True
    )
    subscriber: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class ExchangeOpinion(Base):
    """A subscriber's latest opinion of one entry of a feed (``false_positive`` or
    ``confirmed``): one row per (token, entry), so counts are per subscriber."""

    __tablename__ = "exchange_opinions"
    __table_args__ = (UniqueConstraint("token_id", "entry_id", name="uq_exchange_opinion"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    token_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("exchange_tokens.id", ondelete="CASCADE")
    )
    entry_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    opinion: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ExchangeSubscription(Base):
    """A feed of another instance pulled into a local bank, with the publisher's pinned
    Ed25519 key and the checkpoint (cursor, page sequence) of the last page applied."""

    __tablename__ = "exchange_subscriptions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(Text)
    feed: Mapped[str] = mapped_column(String(200))
    #: The bearer token the publisher issued (needed in clear to call it).
    token: Mapped[str] = mapped_column(Text)
    publisher_key: Mapped[str] = mapped_column(String(100))
    bank_id: Mapped[int] = mapped_column(BigId, ForeignKey("banks.id", ondelete="CASCADE"))
    feed_uid: Mapped[str | None] = mapped_column(String(64), default=None)
    cursor: Mapped[str] = mapped_column(String(100), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)


class ExchangeOrigin(Base):
    """Where a subscribed entry came from: its subscription (publisher, feed) and its id at
    the publisher. The entry's category is on the entry itself."""

    __tablename__ = "exchange_origins"
    __table_args__ = (
        UniqueConstraint("subscription_id", "original_id", name="uq_exchange_origin"),
    )

    entry_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    subscription_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("exchange_subscriptions.id", ondelete="CASCADE")
    )
    original_id: Mapped[int] = mapped_column(BigId)


class ExchangeOutbox(Base):
    """An opinion from a local review decision, waiting to go to the publisher."""

    __tablename__ = "exchange_outbox"
    __table_args__ = (Index("ix_exchange_outbox_pending", "subscription_id", "sent_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("exchange_subscriptions.id", ondelete="CASCADE")
    )
    original_id: Mapped[int] = mapped_column(BigId)
    opinion: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[int | None] = mapped_column(BigId, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class CyberTipReport(Base):
    """A report sent (or attempted) to NCMEC's CyberTipline for a case: NCMEC's report id,
    the file ids it gave, the report document as sent, and the error if it failed."""

    __tablename__ = "cybertip_reports"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[str | None] = mapped_column(String(64), default=None)
    status: Mapped[str] = mapped_column(String(20))
    file_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    xml: Mapped[str] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")


class ExchangeSource(Base):
    """A list pulled from an exchange that is not a Safeguard instance (NCMEC's hash sharing,
    StopNCII, a ThreatExchange-style file) into a local bank through an adapter
    (``exchange.adapters``): which adapter, its settings and credentials, the checkpoint the
    adapter gave with the last page applied (JSON, never pickle)."""

    __tablename__ = "exchange_sources"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    bank_id: Mapped[int] = mapped_column(BigId, ForeignKey("banks.id", ondelete="CASCADE"))
    config: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    #: Credentials the exchange issued (needed in clear to call it; never listed).
    credentials: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    checkpoint: Mapped[dict[str, object] | None] = mapped_column(JSON, default=None)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)


class ExchangeSourceRecord(Base):
    """Provenance of an entry from an external source: the source and the record's key
    there (NCMEC ``member-id``, StopNCII ``type:hash``, a file's ``type:value``). An entry
    may come from several records (two members list the same MD5); it is disabled when its
    last record at that source is deleted."""

    __tablename__ = "exchange_source_records"
    __table_args__ = (
        UniqueConstraint("source_id", "record_key", "entry_id", name="uq_exchange_source_record"),
        Index("ix_exchange_source_records_entry", "entry_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("exchange_sources.id", ondelete="CASCADE")
    )
    record_key: Mapped[str] = mapped_column(String(200))
    entry_id: Mapped[int] = mapped_column(BigId, ForeignKey("entries.id", ondelete="CASCADE"))


class ExchangeSourceOutbox(Base):
    """A reviewer's opinion of an entry that came from an external source, waiting to be
    reported to that exchange (``report_opinion`` of its adapter) at the next sync."""

    __tablename__ = "exchange_source_outbox"
    __table_args__ = (Index("ix_exchange_source_outbox_pending", "source_id", "sent_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("exchange_sources.id", ondelete="CASCADE")
    )
    record_key: Mapped[str] = mapped_column(String(200))
    signal_type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    opinion: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[int | None] = mapped_column(BigId, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    #: Why the exchange would not take it (it is then not retried).
    error: Mapped[str | None] = mapped_column(Text, default=None)
