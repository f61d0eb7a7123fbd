"""Insert-or-update by a unique key, in the SQL dialect of the connection (SQLite, PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> None:
    """Insert ``rows`` into ``table``; a row whose ``key`` exists updates the stored one."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    changed = {name: statement.excluded[name] for name in rows[0] if name != key}
    conn.execute(statement.on_conflict_do_update(index_elements=[key], set_=changed), rows)
