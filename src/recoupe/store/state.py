"""Saved state of the incremental stages (the entity resolver, the linker), by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from recoupe.store.schema import stage_state
from recoupe.store.upsert import upsert


def load_state(conn: Connection, name: str) -> Any:
    """The saved state of an incremental stage, or ``None`` on a fresh store."""
    return conn.scalar(select(stage_state.c.data).where(stage_state.c.name == name))


def save_state(conn: Connection, name: str, data: Any) -> None:
    """Save the state of an incremental stage so that the next run resumes from it."""
    row = {"name": name, "data": data, "updated_at": dt.datetime.now(dt.UTC)}
    upsert(conn, stage_state, [row], key="name")
