"""Console users, login sessions, failed logins, evidence reveals, the cookie-signing secret.

Revision ID: 0003_console
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0003_console"
down_revision = "0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "console_users",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "console_sessions",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "user_id",
            BigId,
            sa.ForeignKey("console_users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_console_sessions_user_id", "console_sessions", ["user_id"])
    op.create_table(
        "console_login_failures",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index(
        "ix_console_login_failures_username_at", "console_login_failures", ["username", "at"]
    )
    op.create_index(
        "ix_console_login_failures_address_at", "console_login_failures", ["address", "at"]
    )
    op.create_table(
        "console_reveals",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column(
            "user_id",
            BigId,
            sa.ForeignKey("console_users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("case_id", BigId, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_console_reveals_user_at", "console_reveals", ["user_id", "at"])
    # The case page lists a case's history from the audit log by subject ("case:12").
    op.create_index("ix_console_audit_subject", "audit_events", ["subject"])
    secrets_table = op.create_table(
        "console_secrets",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
    )
    # One random key per deployment, made here so every worker reads the same one.
    op.bulk_insert(secrets_table, [{"name": "session", "value": secrets.token_hex(32)}])


def downgrade() -> None:
    op.drop_table("console_secrets")
    op.drop_index("ix_console_audit_subject", "audit_events")
    op.drop_index("ix_console_reveals_user_at", "console_reveals")
    op.drop_table("console_reveals")
    op.drop_index("ix_console_login_failures_address_at", "console_login_failures")
    op.drop_index("ix_console_login_failures_username_at", "console_login_failures")
    op.drop_table("console_login_failures")
    op.drop_index("ix_console_sessions_user_id", "console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("console_users")
