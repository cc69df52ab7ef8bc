"""Region rows: an entry may belong to another (``parent_id``) as the PDQ of one of its
regions (``region``, a key of ``signals.regions.REGIONS``); the local features of a
picture entry (``entry_features``, kept only where a deployment chooses to).

Revision ID: 0018_entry_regions
Revises: 0017_exchange_sources
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_entry_regions"
down_revision = "0017_exchange_sources"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A plain ADD COLUMN, not a batch copy: copying a bank of millions of entries and
        # dropping the old table (row by row, for the foreign keys) took many minutes.
        op.execute(
            "ALTER TABLE entries ADD COLUMN parent_id INTEGER "
            "CONSTRAINT fk_entries_parent_id_entries REFERENCES entries (id) ON DELETE CASCADE"
        )
    else:
        op.add_column("entries", sa.Column("parent_id", BigId, nullable=True))
        op.create_foreign_key(
            "fk_entries_parent_id_entries",
            "entries",
            "entries",
            ["parent_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.add_column("entries", sa.Column("region", sa.String(length=16), nullable=True))
    op.create_index("ix_entries_parent_id", "entries", ["parent_id"])
    op.create_table(
        "entry_features",
        sa.Column("entry_id", BigId, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id"),
    )


def downgrade() -> None:
    op.drop_table("entry_features")
    with op.batch_alter_table("entries") as batch:
        batch.drop_index("ix_entries_parent_id")
        batch.drop_constraint("fk_entries_parent_id_entries", type_="foreignkey")
        batch.drop_column("region")
        batch.drop_column("parent_id")
