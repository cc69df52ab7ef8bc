"""The migrations and the models describe the same schema: a database migrated to the head
has exactly the tables, columns, indexes and constraints of ``Base.metadata``, so an
Alembic ``--autogenerate`` proposes nothing (it would propose dropping any table the
models package forgot to register)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from safeguard.store import models
from safeguard.store.db import Database


def _differences(db: Database) -> list[Any]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(context, models.Base.metadata))


def test_every_model_module_registers_its_tables() -> None:
    tables = set(models.Base.metadata.tables)
    for name in ("banks", "entries", "audit_events", "cases", "api_keys", "console_users"):
        assert name in tables
    assert {"chat_conversations", "streams", "stream_comments"} <= tables


def test_a_migrated_database_matches_the_models(db: Database) -> None:
    assert _differences(db) == []
