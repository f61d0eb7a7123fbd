"""Where the store lives: resolving ``--db``/``RECOUPE_DB`` and opening the engine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

#: The store used when neither ``--db`` nor ``RECOUPE_DB`` says otherwise.
DEFAULT_DB = "recoupe.db"


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


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
