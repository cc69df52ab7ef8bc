"""The exchange between instances: feeds, subscriber tokens, opinions (publisher side);
subscriptions, entry origins, the opinion outbox (subscriber side); CyberTipline reports.

Revision ID: 0016_exchange
Revises: 0002_service, 0004_chat, 0005_streams, 0006_triage, 0007_session_generation
Create Date: 2026-12-05
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0016_exchange"
# Every head of main when this was written, so the chain has one head again (and
# cybertip_reports' foreign key to cases, from 0002_service, exists first).
down_revision = (
    "0002_service",
    "0004_chat",
    "0005_streams",
    "0006_triage",
    "0007_session_generation",
)
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _when(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "exchange_feeds",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("uid", sa.String(64), nullable=False),
        sa.Column("bank_id", BigId, sa.ForeignKey("banks.id", ondelete="CASCADE"), nullable=False),
        _when("created_at"),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "exchange_tokens",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "feed_id",
            BigId,
            sa.ForeignKey("exchange_feeds.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("subscriber", sa.String(200), nullable=False),
        sa.Column("prefix", sa.String(32), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _when("created_at"),
        _when("revoked_at", nullable=True),
    )
    op.create_index("ix_exchange_tokens_feed_id", "exchange_tokens", ["feed_id"])
    op.create_table(
        "exchange_opinions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "token_id",
            BigId,
            sa.ForeignKey("exchange_tokens.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "entry_id", BigId, sa.ForeignKey("entries.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("opinion", sa.String(20), nullable=False),
        _when("at"),
        sa.UniqueConstraint("token_id", "entry_id", name="uq_exchange_opinion"),
    )
    op.create_index("ix_exchange_opinions_entry_id", "exchange_opinions", ["entry_id"])
    op.create_table(
        "exchange_subscriptions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("feed", sa.String(200), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("publisher_key", sa.String(100), nullable=False),
        sa.Column("bank_id", BigId, sa.ForeignKey("banks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("feed_uid", sa.String(64), nullable=True),
        sa.Column("cursor", sa.String(100), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        _when("created_at"),
        _when("last_sync_at", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
    )
    op.create_table(
        "exchange_origins",
        sa.Column(
            "entry_id",
            BigId,
            sa.ForeignKey("entries.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "subscription_id",
            BigId,
            sa.ForeignKey("exchange_subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("original_id", BigId, nullable=False),
        sa.UniqueConstraint("subscription_id", "original_id", name="uq_exchange_origin"),
    )
    op.create_table(
        "exchange_outbox",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "subscription_id",
            BigId,
            sa.ForeignKey("exchange_subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("original_id", BigId, nullable=False),
        sa.Column("opinion", sa.String(20), nullable=False),
        sa.Column("case_id", BigId, nullable=True),
        _when("created_at"),
        _when("sent_at", nullable=True),
    )
    op.create_index("ix_exchange_outbox_pending", "exchange_outbox", ["subscription_id", "sent_at"])
    op.create_table(
        "cybertip_reports",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("case_id", BigId, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("report_id", sa.String(64), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("file_ids", sa.JSON(), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        _when("created_at"),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_cybertip_reports_case_id", "cybertip_reports", ["case_id"])


def downgrade() -> None:
    for table in (
        "cybertip_reports",
        "exchange_outbox",
        "exchange_origins",
        "exchange_subscriptions",
        "exchange_opinions",
        "exchange_tokens",
        "exchange_feeds",
    ):
        op.drop_table(table)
