"""The audit log's table: append-only, hash-chained events (written by ``safeguard.audit``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from safeguard.store.models.base import Base, BigId, utcnow


class AuditEvent(Base):
    """Append-only, hash-chained record of a consequential act (see ``safeguard.audit``)."""

    __tablename__ = "audit_events"
    #: The console filters the log by subject (migration 0003).
    __table_args__ = (Index("ix_console_audit_subject", "subject"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(400), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
