"""Read models: the records that exports, the CLI and the API show.

Each function returns plain dicts with exactly the exported fields and the short integer ids
users type (``recoupe events --story 2``), never the stages' internal keys.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from recoupe.store import narratives
from recoupe.store.schema import (
    actions,
    article_links,
    articles,
    entities,
    events,
    mentions,
    quotes,
    stories,
)


def fold(text: str) -> str:
    """Lower case without accents, so that "Sergueï" finds "Serguei" and "serguei"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def entity_records(
    conn: Connection, kind: str | None = None, name: str | None = None
) -> list[dict[str, Any]]:
    """Canonical entities, most mentioned first: id, name, kind, country, aliases, articles."""
    query = select(entities)
    if kind:
        query = query.where(entities.c.kind == kind.upper())
    rows = [r for r in conn.execute(query) if name is None or _names_match(r, name)]
    rows.sort(key=lambda r: (-len(r.articles), r.name))
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "country": r.country,
            "aliases": r.aliases,
            "roles": r.roles,
            "articles": r.articles,
        }
        for r in rows
    ]


def quote_records(
    conn: Connection, speaker: str | None = None, article_id: int | None = None
) -> list[dict[str, Any]]:
    """Quotes in article order; ``speaker`` matches the speaker's name or any of its aliases."""
    query = (
        select(quotes, entities.c.id.label("entity_id"), articles.c.published)
        .join(entities, entities.c.key == quotes.c.speaker_key, isouter=True)
        .join(articles, articles.c.id == quotes.c.article_id)
        .order_by(quotes.c.article_id, quotes.c.start)
    )
    if article_id is not None:
        query = query.where(quotes.c.article_id == article_id)
    keys = _entity_keys_named(conn, speaker) if speaker else set()
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "published": r.published,
            "speaker": r.speaker,
            "speaker_entity_id": r.entity_id,
            "text": r.text,
            "kind": r.kind,
            "cue": r.cue,
            "start": r.start,
            "end": r.end,
        }
        for r in conn.execute(query)
        if speaker is None or r.speaker_key in keys or fold(speaker) in fold(r.speaker or "")
    ]


def story_records(conn: Connection) -> list[dict[str, Any]]:
    """Stories, most recent first: id, title, event_ids, start, end, and their sizes."""
    event_ids, outlets, article_ids = _story_members(conn)
    rows = conn.execute(select(stories)).fetchall()
    out = [
        {
            "id": r.id,
            "title": r.title,
            "event_ids": event_ids.get(r.key, []),
            "start": _iso(r.start),
            "end": _iso(r.end),
            "articles": len(article_ids.get(r.key, ())),
            "outlets": sorted(outlets.get(r.key, ())),
        }
        for r in rows
    ]
    out.sort(key=lambda s: (s["end"] or "", s["articles"]), reverse=True)
    return out


def event_records(conn: Connection, story_id: int | None = None) -> list[dict[str, Any]]:
    """Events in date order (undated last): id, story_id, title, article_ids, outlets, dates."""
    query = select(events, stories.c.id.label("story_id")).join(
        stories, stories.c.key == events.c.story_key, isouter=True
    )
    if story_id is not None:
        query = query.where(stories.c.id == story_id)
    members = _event_articles(conn)
    told = narratives.by_event(conn)
    out = [
        {
            "id": r.id,
            "story_id": r.story_id,
            "title": r.title,
            "article_ids": members.get(r.key, []),
            "outlets": r.outlets,
            "first_seen": _iso(r.first_seen),
            "last_seen": _iso(r.last_seen),
        }
        | _narrative_fields(told.get(r.key))
        for r in conn.execute(query)
    ]
    out.sort(key=lambda e: (e["first_seen"] is None, e["first_seen"] or "", e["id"]))
    return out


def _narrative_fields(told: Any) -> dict[str, Any]:
    """An event's ``date``, ``date_evidence``, ``not_before`` and ``summary`` (text)."""
    if told is None:
        return {"date": None, "date_evidence": None, "not_before": None, "summary": None}
    sentence = told.sentence["text"] if told.sentence else None
    return {
        "date": _iso(told.date),
        "date_evidence": told.date_evidence,
        "not_before": _iso(told.not_before),
        "summary": sentence,
    }


def article_links_of(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """Where the link stage put one article (event_id, story_id, duplicate_of) and why."""
    query = (
        select(article_links, events.c.id.label("event_id"), stories.c.id.label("story_id"))
        .join(events, events.c.key == article_links.c.event_key, isouter=True)
        .join(stories, stories.c.key == article_links.c.story_key, isouter=True)
        .where(article_links.c.article_id == article_id)
    )
    row = conn.execute(query).first()
    if row is None:
        return None
    return {
        "event_id": row.event_id,
        "story_id": row.story_id,
        "duplicate_of": row.duplicate_of,
        "explanation": row.explanation,
    }


def link_columns(conn: Connection) -> dict[int, dict[str, int | None]]:
    """``event_id``, ``story_id`` and ``duplicate_of`` of every placed article, by article id."""
    query = (
        select(
            article_links.c.article_id,
            article_links.c.duplicate_of,
            events.c.id.label("event_id"),
            stories.c.id.label("story_id"),
        )
        .join(events, events.c.key == article_links.c.event_key, isouter=True)
        .join(stories, stories.c.key == article_links.c.story_key, isouter=True)
    )
    return {
        r.article_id: {
            "event_id": r.event_id,
            "story_id": r.story_id,
            "duplicate_of": r.duplicate_of,
        }
        for r in conn.execute(query)
    }


def action_records(
    conn: Connection, source: str | None = None, target: str | None = None
) -> list[dict[str, Any]]:
    """Coded interactions by date: who did what to whom, with the sentence it came from."""
    query = select(actions).order_by(actions.c.date.is_(None), actions.c.date, actions.c.id)
    if source:
        query = query.where(actions.c.source_code == source.upper())
    if target:
        query = query.where(actions.c.target_code == target.upper())
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "date": _iso(r.date),
            "source": r.source[0] if r.source else None,
            "event": r.event,
            "mode": r.mode,
            "cameo": r.cameo,
            "target": r.target[0] if r.target else None,
            "trigger": r.trigger,
            "negated": r.negated,
            "reported_by": r.reported_by,
            "sentence": r.sentence,
            "start": r.start,
            "end": r.end,
        }
        for r in conn.execute(query)
    ]


def mention_records(
    conn: Connection, article_id: int | None = None, entity_id: int | None = None
) -> list[dict[str, Any]]:
    """Mentions in article and offset order: entity_id, text, kind, span and the article's day."""
    query = (
        select(mentions, entities.c.id.label("entity_id"), articles.c.published_day)
        .join(entities, entities.c.key == mentions.c.entity_key, isouter=True)
        .join(articles, articles.c.id == mentions.c.article_id)
        .order_by(mentions.c.article_id, mentions.c.start)
    )
    if article_id is not None:
        query = query.where(mentions.c.article_id == article_id)
    if entity_id is not None:
        query = query.where(entities.c.id == entity_id)
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "day": _iso(r.published_day),
            "entity_id": r.entity_id,
            "text": r.text,
            "kind": r.kind,
            "start": r.start,
            "end": r.end,
        }
        for r in conn.execute(query)
    ]


def _names_match(row: Any, name: str) -> bool:
    wanted = fold(name)
    return any(wanted in fold(alias) for alias in [row.name, *row.aliases])


def _entity_keys_named(conn: Connection, name: str) -> set[str]:
    rows = conn.execute(select(entities.c.key, entities.c.name, entities.c.aliases))
    return {r.key for r in rows if _names_match(r, name)}


def _event_articles(conn: Connection) -> dict[str, list[int]]:
    members: dict[str, list[int]] = defaultdict(list)
    query = select(article_links.c.event_key, article_links.c.article_id).order_by(
        article_links.c.article_id
    )
    for row in conn.execute(query):
        members[row.event_key].append(row.article_id)
    return members


def _story_members(
    conn: Connection,
) -> tuple[dict[str, list[int]], dict[str, set[str]], dict[str, set[int]]]:
    event_ids: dict[str, list[int]] = defaultdict(list)
    outlets: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute(select(events.c.id, events.c.story_key, events.c.outlets)):
        event_ids[row.story_key].append(row.id)
        outlets[row.story_key].update(row.outlets)
    article_ids: dict[str, set[int]] = defaultdict(set)
    for link in conn.execute(select(article_links.c.story_key, article_links.c.article_id)):
        article_ids[link.story_key].add(link.article_id)
    return event_ids, outlets, article_ids


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
