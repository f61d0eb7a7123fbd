"""Reading and writing what the narrate stage says about events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, select

from recoupe.model import Quote
from recoupe.store.schema import (
    article_links,
    event_narratives,
    events,
    quotes,
    story_narratives,
)
from recoupe.store.upsert import upsert


def stale_events(conn: Connection) -> dict[str, list[int]]:
    """Events whose members changed since they were last narrated, with their article ids."""
    members: dict[str, list[int]] = defaultdict(list)
    query = select(article_links.c.event_key, article_links.c.article_id).order_by(
        article_links.c.article_id
    )
    for row in conn.execute(query):
        members[row.event_key].append(row.article_id)
    done = {
        row.event_key: row.article_ids
        for row in conn.execute(
            select(event_narratives.c.event_key, event_narratives.c.article_ids)
        )
    }
    return {key: ids for key, ids in members.items() if done.get(key) != ids}


def save(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store event narratives, and forget those of events merged away."""
    upsert(conn, event_narratives, list(rows), key="event_key")
    conn.execute(
        delete(event_narratives).where(event_narratives.c.event_key.not_in(select(events.c.key)))
    )


def quotes_of(conn: Connection, article_ids: Sequence[int]) -> list[Quote]:
    """The quotes of these articles as model objects, in body order."""
    query = (
        select(quotes)
        .where(quotes.c.article_id.in_(article_ids))
        .order_by(quotes.c.article_id, quotes.c.start)
    )
    return [
        Quote(
            id=r.key,
            article_id=r.article_id,
            speaker=r.speaker,
            speaker_entity_id=r.speaker_key,
            text=r.text,
            kind=r.kind,
            cue=r.cue,
            start=r.start,
            end=r.end,
        )
        for r in conn.execute(query)
    ]


def by_event(conn: Connection) -> dict[str, Any]:
    """Every stored narrative row, by event key."""
    return {row.event_key: row for row in conn.execute(select(event_narratives))}


def stale_stories(conn: Connection) -> dict[str, dict[str, list[int]]]:
    """Stories whose events (or their members) changed since they were last narrated.

    Each maps to its members: every event key of the story with its article ids.
    """
    story_of = {r.key: r.story_key for r in conn.execute(select(events.c.key, events.c.story_key))}
    members: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for key, ids in _event_members(conn).items():
        if story_of.get(key):
            members[story_of[key]][key] = ids
    done = {
        row.story_key: row.members
        for row in conn.execute(select(story_narratives.c.story_key, story_narratives.c.members))
    }
    return {key: m for key, m in members.items() if done.get(key) != m}


def event_dates(conn: Connection, keys: Sequence[str]) -> dict[str, Any]:
    """The stored day (or ``None``) of these events, by event key."""
    query = select(event_narratives.c.event_key, event_narratives.c.date).where(
        event_narratives.c.event_key.in_(keys)
    )
    return {row.event_key: row.date for row in conn.execute(query)}


def save_stories(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store story narratives, and forget those of stories that no longer have events."""
    upsert(conn, story_narratives, list(rows), key="story_key")
    conn.execute(
        delete(story_narratives).where(
            story_narratives.c.story_key.not_in(
                select(events.c.story_key).where(events.c.story_key.is_not(None))
            )
        )
    )


def by_story(conn: Connection, story_key: str) -> Any:
    """The stored narrative row of one story, or ``None``."""
    query = select(story_narratives).where(story_narratives.c.story_key == story_key)
    return conn.execute(query).first()


def _event_members(conn: Connection) -> dict[str, list[int]]:
    members: dict[str, list[int]] = defaultdict(list)
    query = select(article_links.c.event_key, article_links.c.article_id).order_by(
        article_links.c.article_id
    )
    for row in conn.execute(query):
        if row.event_key:
            members[row.event_key].append(row.article_id)
    return members
