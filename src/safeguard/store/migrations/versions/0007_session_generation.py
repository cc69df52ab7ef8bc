"""Console session generations: a new password ends the sessions the old one opened.

Each user has a ``session_generation``; a session remembers the generation it was opened
in and is valid only while the two agree. Setting a password moves the user's generation on.

Revision ID: 0007_session_generation
Revises: 0003_console
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_session_generation"
down_revision = "0003_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("console_users") as batch:
        batch.add_column(
            sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("console_sessions") as batch:
        batch.add_column(sa.Column("generation", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("console_sessions") as batch:
        batch.drop_column("generation")
    with op.batch_alter_table("console_users") as batch:
        batch.drop_column("session_generation")
