"""Reading and writing what the link stage decided: events, stories, article placements."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, select

from recoupe.model import Event, EventAssignment, Story
from recoupe.store.schema import article_links, articles, events, stories
from recoupe.store.upsert import upsert


def unlinked(conn: Connection, limit: int) -> list[int]:
    """Ids of articles not placed in an event yet, in publication order (undated last)."""
    placed = select(article_links.c.article_id)
    query = (
        select(articles.c.id)
        .where(articles.c.id.not_in(placed))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id)
    )
    return list(conn.scalars(query.limit(limit)))


def save_assignments(conn: Connection, placed: Sequence[EventAssignment]) -> None:
    """Record where each article went (its event, story, wire-copy original) and why."""
    rows = [
        {
            "article_id": int(a.article_id),
            "event_key": a.event_id,
            "story_key": a.story_id,
            "duplicate_of": int(a.duplicate_of) if a.duplicate_of else None,
            "explanation": plain(dataclasses.asdict(a.explanation)),
        }
        for a in placed
    ]
    upsert(conn, article_links, rows, key="article_id")


def save_clusters(conn: Connection, found_events: Sequence[Event], found: Sequence[Story]) -> None:
    """Make the events and stories tables match the linker's clusters, keeping short ids."""
    upsert(conn, stories, [_story_row(s) for s in found], key="key")
    upsert(conn, events, [_event_row(e) for e in found_events], key="key")
    # Merged fragments disappear; their articles now point at the surviving cluster.
    conn.execute(delete(events).where(events.c.key.not_in([e.id for e in found_events])))
    conn.execute(delete(stories).where(stories.c.key.not_in([s.id for s in found])))
    _repoint(conn, found_events)


def _repoint(conn: Connection, found_events: Sequence[Event]) -> None:
    """Articles whose event was merged into another follow it (and its story)."""
    for event in found_events:
        ids = [int(a) for a in event.article_ids]
        conn.execute(
            article_links.update()
            .where(article_links.c.article_id.in_(ids))
            .where(
                (article_links.c.event_key != event.id)
                | (article_links.c.story_key != event.story_id)
            )
            .values(event_key=event.id, story_key=event.story_id)
        )


def _story_row(story: Story) -> dict[str, Any]:
    return {"key": story.id, "title": story.title, "start": story.start, "end": story.end}


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "key": event.id,
        "story_key": event.story_id,
        "title": event.title,
        "outlets": sorted(event.outlets),
        "first_seen": event.first_seen,
        "last_seen": event.last_seen,
    }


def plain(value: Any) -> Any:
    """``value`` with dates as ISO text and tuples as lists, so that it can be stored as JSON."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(plain(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
