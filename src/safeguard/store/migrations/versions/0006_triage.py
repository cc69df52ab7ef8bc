"""Police triage: cases, their sources and the files found in them.

Revision ID: 0006_triage
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_triage"
down_revision = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "triage_cases",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("examiner", sa.String(200), nullable=False),
        sa.Column("scheme", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("finished_at", _TZ, nullable=True),
    )
    op.create_table(
        "triage_sources",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "case_id",
            BigId,
            sa.ForeignKey("triage_cases.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("hash_before", sa.JSON(), nullable=True),
        sa.Column("hash_after", sa.JSON(), nullable=True),
        sa.Column("acquisition", sa.JSON(), nullable=True),
        sa.Column("layout", sa.JSON(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("case_id", "position", name="uq_triage_sources_pos"),
    )
    op.create_index("ix_triage_sources_case_id", "triage_sources", ["case_id"])
    op.create_table(
        "triage_items",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "case_id",
            BigId,
            sa.ForeignKey("triage_cases.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "source_id",
            BigId,
            sa.ForeignKey("triage_sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("container", sa.Text(), nullable=True),
        sa.Column("partition", sa.BigInteger(), nullable=True),
        sa.Column("inode", sa.BigInteger(), nullable=True),
        sa.Column("allocated", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("mime", sa.String(100), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("md5", sa.String(32), nullable=True),
        sa.Column("sha1", sa.String(40), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("pdq", sa.String(64), nullable=True),
        sa.Column("pdq_quality", sa.Integer(), nullable=True),
        sa.Column("vpdq", sa.JSON(), nullable=True),
        sa.Column("created", _TZ, nullable=True),
        sa.Column("modified", _TZ, nullable=True),
        sa.Column("accessed", _TZ, nullable=True),
        sa.Column("changed", _TZ, nullable=True),
        sa.Column("known", sa.Boolean(), nullable=False),
        sa.Column("matches", sa.JSON(), nullable=True),
        sa.Column("hash_code", sa.String(8), nullable=True),
        sa.Column("hash_by", sa.String(200), nullable=True),
        sa.Column("examiner_code", sa.String(8), nullable=True),
        sa.Column("examiner_by", sa.String(200), nullable=True),
        sa.Column("examiner_note", sa.Text(), nullable=True),
        sa.Column("examiner_at", _TZ, nullable=True),
        sa.Column("stack", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("error_code", sa.String(40), nullable=True),
        sa.UniqueConstraint("source_id", "key", name="uq_triage_items_key"),
    )
    op.create_index("ix_triage_items_case_id", "triage_items", ["case_id"])
    op.create_index("ix_triage_items_case_md5", "triage_items", ["case_id", "md5"])
    op.create_index("ix_triage_items_case_stack", "triage_items", ["case_id", "stack"])


def downgrade() -> None:
    op.drop_table("triage_items")
    op.drop_table("triage_sources")
    op.drop_table("triage_cases")
