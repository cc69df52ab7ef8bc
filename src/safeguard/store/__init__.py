"""Storage: SQLAlchemy models, engines and sessions, Alembic migrations.

SQLite (WAL) in the data dir by default; PostgreSQL by URL. Nothing above this package
writes SQL.
"""
