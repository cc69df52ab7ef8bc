"""Tables of the livestream monitor in the service: registered streams and the short queue
of comments pushed for them.

A ``streams`` row is the stream's registration and its last known state, so every worker
process (and the console) can answer for it. One worker at a time *owns* a stream and
watches it: ``owner`` and ``heartbeat_at`` are its lease; when the owner stops renewing it,
another worker takes the stream over. Comments pushed to a worker that does not own the
stream wait in ``stream_comments`` until the owner scores them (within a second) and
deletes them: comment text is not kept.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from safeguard.store.models.base import Base, BigId, utcnow


class Stream(Base):
    __tablename__ = "streams"
    __table_args__ = (Index("ix_streams_status", "status"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    #: Source options and policy overrides the stream was registered with.
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: pending | live | ended | stopped | terminated | error
    status: Mapped[str] = mapped_column(String(20), default="pending")
    risk: Mapped[float] = mapped_column(Float, default=0.0)
    #: ``StreamState.to_json()`` as the owner last wrote it.
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    owner: Mapped[str | None] = mapped_column(String(200), default=None)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    stop_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StreamComment(Base):
    __tablename__ = "stream_comments"
    __table_args__ = (Index("ix_stream_comments_stream_seq", "stream_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    stream_id: Mapped[str] = mapped_column(
        String(200), ForeignKey("streams.id", ondelete="CASCADE")
    )
    viewer: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    ts: Mapped[float | None] = mapped_column(Float, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
