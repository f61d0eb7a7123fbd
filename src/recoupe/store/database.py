"""Where the store lives: resolving ``--db``/``RECOUPE_DB`` and opening the engine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text

from recoupe.store.schema import READ_INDEXES, metadata

#: The store used when neither ``--db`` nor ``RECOUPE_DB`` says otherwise.
DEFAULT_DB = "recoupe.db"
#: PostgreSQL advisory lock held while a store's schema is created or completed.
SCHEMA_LOCK = 0x7265636F  # "reco"


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from a path, a URL, ``RECOUPE_DB``, or the default ``recoupe.db``."""
    value = str(db) if db is not None else os.environ.get("RECOUPE_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def open_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL journaling so readers never block the writer."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def create_tables(engine: Engine) -> None:
    """Create the tables and read indexes a store lacks, in one transaction.

    The transaction first takes a lock (see :func:`lock_schema`): processes opening a new
    store at once (``recoupe serve --workers``) would otherwise both see a table missing,
    both create it, and all but one fail ("already exists"). A complete store is only
    looked at, so that opening it never waits for a writer.
    """
    with engine.connect() as conn:
        if _complete(conn):
            return
    with engine.begin() as conn:
        lock_schema(conn)
        metadata.create_all(conn)


def _complete(conn: Connection) -> bool:
    """Whether every table and read index exists already."""
    inspector = inspect(conn)
    if not set(metadata.tables) <= set(inspector.get_table_names()):
        return False
    tables = {str(index.table.name) for index in READ_INDEXES if index.table is not None}
    present = {i["name"] for table in tables for i in inspector.get_indexes(table)}
    return {index.name for index in READ_INDEXES} <= present


def lock_schema(conn: Connection) -> None:
    """Hold the schema to this transaction until it ends, at its start.

    PostgreSQL: the advisory :data:`SCHEMA_LOCK`. SQLite: the write lock (``BEGIN
    IMMEDIATE``), since the driver would only begin the transaction at the first write.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
