"""Rules that see how a match was found: ``variants`` (comma-separated variant kinds a
rule applies to, null for any) and ``min_inliers`` (only matches verified with at least
that many inliers). Existing rules get nulls: they apply as before.

Revision ID: 0019_rule_variants
Revises: 0018_entry_regions
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_rule_variants"
down_revision = "0018_entry_regions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rules", sa.Column("variants", sa.String(length=200), nullable=True))
    op.add_column("rules", sa.Column("min_inliers", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rules") as batch:
        batch.drop_column("min_inliers")
        batch.drop_column("variants")
