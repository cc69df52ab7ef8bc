"""The migrations and the models describe the same schema: a database migrated to the head
has exactly the tables, columns, indexes and constraints of ``Base.metadata``, so an
Alembic ``--autogenerate`` proposes nothing (it would propose dropping any table the
models package forgot to register)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from safeguard.store import models
from safeguard.store.db import Database

#: Foreign keys that migration 0018 adds on SQLite with a plain ``ADD COLUMN ... REFERENCES``
#: (a batch copy of a bank of millions of entries took many minutes). SQLAlchemy reads the
#: ``ON DELETE`` of a table-level constraint only, so the reflected key lacks it; that it is
#: there is checked through SQLite's own ``PRAGMA foreign_key_list`` below instead.
COLUMN_LEVEL_SQLITE_KEYS = {("entries", ("parent_id",), "entries")}


def _fk(diff: Any) -> tuple[str, tuple[str, ...], str] | None:
    if diff[0] not in ("add_fk", "remove_fk"):
        return None
    key = diff[1]
    columns = tuple(c.name for c in key.columns)
    return key.table.name, columns, key.elements[0].column.table.name


def _differences(db: Database) -> list[Any]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        found = list(compare_metadata(context, models.Base.metadata))
    if db.engine.dialect.name == "sqlite":
        found = [d for d in found if _fk(d) not in COLUMN_LEVEL_SQLITE_KEYS]
    return found


def test_every_model_module_registers_its_tables() -> None:
    tables = set(models.Base.metadata.tables)
    for name in ("banks", "entries", "audit_events", "cases", "api_keys", "console_users"):
        assert name in tables
    assert {"chat_conversations", "streams", "stream_comments"} <= tables


def test_a_migrated_database_matches_the_models(db: Database) -> None:
    assert _differences(db) == []


def test_sqlite_column_level_keys_cascade(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("a SQLite-only way of adding the key")
    with db.engine.connect() as connection:
        for table, columns, target in COLUMN_LEVEL_SQLITE_KEYS:
            rows = connection.exec_driver_sql(f"PRAGMA foreign_key_list({table})").all()
            keys = {(r[3],): (r[2], r[6]) for r in rows}
            assert keys[columns] == (target, "CASCADE")
