"""Tables of police triage (``safeguard.triage``): cases, their sources, and the files found.

A ``triage_cases`` row is one examiner's case; ``triage_sources`` are the seized media it
reads (folders, archives, disk images), each with its hashes before and after the run;
``triage_items`` hold one row per file found (archive members included), written once, in
the same transaction as the others of its batch, so a killed run never leaves half a batch.

An item carries two categories, kept apart: the one its hashes brought from a known-hash
set (``hash_*``, pre-categorised) and the examiner's own verdict (``examiner_*``). Examiner
acts are also written to the audit log; these columns are only the current state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
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


class TriageCase(Base):
    __tablename__ = "triage_cases"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    examiner: Mapped[str] = mapped_column(String(200), default="")
    #: ``uk`` (A/B/C) or ``us`` (Project VIC 0-4).
    scheme: Mapped[str] = mapped_column(String(8), default="uk")
    #: new | running | done
    status: Mapped[str] = mapped_column(String(16), default="new")
    tool_version: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class TriageSource(Base):
    __tablename__ = "triage_sources"
    __table_args__ = (UniqueConstraint("case_id", "position", name="uq_triage_sources_pos"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("triage_cases.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(Text)
    #: folder | file | archive | raw | e01
    kind: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    #: ``{"md5", "sha1", "sha256", "at"}`` before any work, and after the run.
    hash_before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    hash_after: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    #: E01 only: the hashes stored at acquisition and whether the media matched them.
    acquisition: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    #: Partitions and file systems found (disk images).
    layout: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class TriageItem(Base):
    __tablename__ = "triage_items"
    __table_args__ = (
        UniqueConstraint("source_id", "key", name="uq_triage_items_key"),
        Index("ix_triage_items_case_md5", "case_id", "md5"),
        Index("ix_triage_items_case_stack", "case_id", "stack"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("triage_cases.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("triage_sources.id", ondelete="CASCADE")
    )
    #: SHA-256 of where the file is (partition, inode, path): unique in its source.
    key: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    #: The archive it was found in (its display path), for archive members.
    container: Mapped[str | None] = mapped_column(Text, default=None)
    partition: Mapped[int | None] = mapped_column(BigInteger, default=None)
    inode: Mapped[int | None] = mapped_column(BigInteger, default=None)
    allocated: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(10), default="other")
    mime: Mapped[str | None] = mapped_column(String(100), default=None)
    size: Mapped[int | None] = mapped_column(BigInteger, default=None)
    md5: Mapped[str | None] = mapped_column(String(32), default=None)
    sha1: Mapped[str | None] = mapped_column(String(40), default=None)
    sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    pdq: Mapped[str | None] = mapped_column(String(64), default=None)
    pdq_quality: Mapped[int | None] = mapped_column(Integer, default=None)
    vpdq: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    created: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    modified: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    accessed: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    changed: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    known: Mapped[bool] = mapped_column(Boolean, default=False)
    matches: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    hash_code: Mapped[str | None] = mapped_column(String(8), default=None)
    hash_by: Mapped[str | None] = mapped_column(String(200), default=None)
    examiner_code: Mapped[str | None] = mapped_column(String(8), default=None)
    examiner_by: Mapped[str | None] = mapped_column(String(200), default=None)
    examiner_note: Mapped[str | None] = mapped_column(Text, default=None)
    examiner_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    stack: Mapped[int | None] = mapped_column(BigInteger, default=None)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    error_code: Mapped[str | None] = mapped_column(String(40), default=None)
