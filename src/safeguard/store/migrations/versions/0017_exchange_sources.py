"""Lists pulled from exchanges other than Safeguard instances (NCMEC hash sharing,
StopNCII, ThreatExchange-style files): sources, the provenance of their entries, and the
outbox of reviewers' opinions to report to them.

Revision ID: 0017_exchange_sources
Revises: 0016_exchange
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_exchange_sources"
down_revision = "0016_exchange"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "exchange_sources",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("bank_id", BigId, sa.ForeignKey("banks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("credentials", sa.JSON(), nullable=False),
        sa.Column("checkpoint", sa.JSON(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
    )
    op.create_table(
        "exchange_source_records",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "source_id",
            BigId,
            sa.ForeignKey("exchange_sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("record_key", sa.String(200), nullable=False),
        sa.Column(
            "entry_id", BigId, sa.ForeignKey("entries.id", ondelete="CASCADE"), nullable=False
        ),
        sa.UniqueConstraint(
            "source_id", "record_key", "entry_id", name="uq_exchange_source_record"
        ),
    )
    op.create_index("ix_exchange_source_records_entry", "exchange_source_records", ["entry_id"])
    op.create_table(
        "exchange_source_outbox",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "source_id",
            BigId,
            sa.ForeignKey("exchange_sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("record_key", sa.String(200), nullable=False),
        sa.Column("signal_type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("opinion", sa.String(20), nullable=False),
        sa.Column("case_id", BigId, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
    )
    op.create_index(
        "ix_exchange_source_outbox_pending", "exchange_source_outbox", ["source_id", "sent_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_exchange_source_outbox_pending", table_name="exchange_source_outbox")
    op.drop_table("exchange_source_outbox")
    op.drop_index("ix_exchange_source_records_entry", table_name="exchange_source_records")
    op.drop_table("exchange_source_records")
    op.drop_table("exchange_sources")
