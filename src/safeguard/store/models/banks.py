"""Tables: banks (hash lists), their entries and the index change log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safeguard.store.models.base import Base, BigId, utcnow


class Bank(Base):
    """A named hash list with provenance, a category, a threshold and an enabled flag.

    ``kind`` is ``block`` for lists of known material, or ``allow`` for known false positives:
    content matching an allowlist is never actioned."""

    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    licence: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(100), default=None)
    kind: Mapped[str] = mapped_column(String(10), default="block")
    pdq_threshold: Mapped[int] = mapped_column(Integer, default=31)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    entries: Mapped[list[Entry]] = relationship(
        back_populates="bank", cascade="all, delete-orphan", passive_deletes=True
    )


class Entry(Base):
    """One signal in a bank. Unique per (bank, type, value): re-importing adds nothing.

    A *region row* (``signal_type`` ``pdq_region``, ``parent_id`` set, ``region`` its key
    from ``signals.regions.REGIONS``) is the PDQ of a crop of the picture whose whole PDQ is
    the parent entry: it is indexed and matched like a PDQ, answers as its parent, and is
    never listed, exported or shared as an item of its own."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("bank_id", "signal_type", "value", name="uq_entries_bank_signal"),
        Index("ix_entries_signal", "signal_type", "value"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    bank_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("banks.id", ondelete="CASCADE"), index=True
    )
    signal_type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(200), default=None)
    category: Mapped[str | None] = mapped_column(String(100), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The whole-picture PDQ entry a region row belongs to (None for every ordinary entry).
    parent_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("entries.id", ondelete="CASCADE"), default=None, index=True
    )
    #: The region's key (``c90``, ``tl75``, ...) for a region row.
    region: Mapped[str | None] = mapped_column(String(16), default=None)

    bank: Mapped[Bank] = relationship(back_populates="entries")


class EntryFeatures(Base):
    """Local features of the picture behind a whole-picture PDQ entry (ORB: at most 500
    keypoints, ~20 KB), kept only when a deployment chose to (``banks import-media
    --local-features``): matching uses them to verify candidates near the radius. They
    are not the picture, but coarse pictures can be rebuilt from local features, so they
    are treated as sensitive as media (docs/matching.md)."""

    __tablename__ = "entry_features"

    entry_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="orb")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class IndexChange(Base):
    """What the in-memory indexes must apply besides new entries (which they find by id):
    entries or whole banks disabled, enabled or deleted. Indexes remember the last ``seq``
    they applied, so every process catches up without a rebuild."""

    __tablename__ = "index_changes"

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    op: Mapped[str] = mapped_column(String(32))
    bank_id: Mapped[int] = mapped_column(BigId)
    entry_id: Mapped[int | None] = mapped_column(BigId, default=None)
