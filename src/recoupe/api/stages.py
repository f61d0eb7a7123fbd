"""REST API, version 1: what the later stages found (entities, quotes, actions, events, stories).

Records have the fields of ``recoupe export entities|quotes|actions|events|stories`` (the
models below name the fields every record has; fields the read models add later, such as an
event's narrative, pass through as they are). Lists
are pages ``{"items": [...], "next": cursor}``: pass ``cursor=next`` for the next page until
``next`` is ``null`` (here the cursor is an offset into the list, which is small).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, ConfigDict

from recoupe.api.routes import Limit, StoreDep, Text
from recoupe.store import Record

router = APIRouter(prefix="/api/v1")

Cursor = Annotated[str | None, Query(pattern=r"^\d{1,9}$", description="`next` of the last page")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No record has this id"}}


class EntityRecord(BaseModel):
    """A canonical entity as exported by ``recoupe export entities``."""

    model_config = ConfigDict(extra="allow")

    id: int
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    roles: list[str]
    articles: list[int]


class QuoteRecord(BaseModel):
    """A quote as exported: who said what, with offsets into the article body."""

    model_config = ConfigDict(extra="allow")

    id: int
    article_id: int
    speaker: str | None
    speaker_entity_id: int | None
    text: str
    kind: str
    cue: str | None
    start: int
    end: int


class Actor(BaseModel):
    """One side of an action: the name as written, a country code and a sector."""

    name: str
    code: str | None = None
    sector: str | None = None


class ActionRecord(BaseModel):
    """A coded interaction (PLOVER) with the sentence it was read from."""

    model_config = ConfigDict(extra="allow")

    id: int
    article_id: int
    date: str | None
    source: Actor | None
    event: str
    mode: str | None
    cameo: str | None
    target: Actor | None
    trigger: str
    negated: bool
    reported_by: str | None
    sentence: str
    start: int
    end: int


class EventRecord(BaseModel):
    """An event: articles about one happening, with their outlets and dates."""

    model_config = ConfigDict(extra="allow")

    id: int
    story_id: int | None
    title: str
    article_ids: list[int]
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None


class StoryRecord(BaseModel):
    """A story: events that follow one another, with its dates and size."""

    model_config = ConfigDict(extra="allow")

    id: int
    title: str
    event_ids: list[int]
    start: str | None
    end: str | None
    articles: int
    outlets: list[str]


class EntityPage(BaseModel):
    """A page of entities, most mentioned first."""

    items: list[EntityRecord]
    next: str | None


class QuotePage(BaseModel):
    """A page of quotes, in article order."""

    items: list[QuoteRecord]
    next: str | None


class ActionPage(BaseModel):
    """A page of actions, by date."""

    items: list[ActionRecord]
    next: str | None


class EventPage(BaseModel):
    """A page of events, in date order."""

    items: list[EventRecord]
    next: str | None


class StoryPage(BaseModel):
    """A page of stories, most recent first."""

    items: list[StoryRecord]
    next: str | None


def page_of(rows: list[Record], limit: int, cursor: str | None) -> dict[str, Any]:
    """``limit`` rows from the offset ``cursor``, and the cursor of the next page."""
    offset = int(cursor or 0)
    end = offset + limit
    return {"items": rows[offset:end], "next": str(end) if end < len(rows) else None}


def one(record: Record | None, wanted: int, kind: str) -> Record:
    """``record`` (read by id ``wanted``), or a JSON 404."""
    if record is None:
        raise HTTPException(404, f"no {kind} with id {wanted}")
    return record


@router.get("/entities", response_model=EntityPage, tags=["entities"])
def list_entities(
    store: StoreDep, kind: Text = None, name: Text = None, limit: Limit = 50, cursor: Cursor = None
) -> dict[str, Any]:
    """Canonical entities, most mentioned first; ``kind`` (PER, ORG, LOC…), ``name`` (any alias)."""
    return page_of(store.entity_records(kind, name), limit, cursor)


@router.get("/entities/{entity_id}", response_model=EntityRecord, tags=["entities"],
            responses=NOT_FOUND)
def get_entity(store: StoreDep, entity_id: int) -> Record:
    """One entity by id."""
    return one(store.entity_record(entity_id), entity_id, "entity")


@router.get("/quotes", response_model=QuotePage, tags=["quotes"])
def list_quotes(
    store: StoreDep, speaker: Text = None, limit: Limit = 50, cursor: Cursor = None
) -> dict[str, Any]:
    """Quotes in article order; ``speaker`` matches the speaker's name or any alias."""
    rows = [{k: v for k, v in q.items() if k != "published"} for q in store.quote_records(speaker)]
    return page_of(rows, limit, cursor)


@router.get("/actions", response_model=ActionPage, tags=["actions"])
def list_actions(
    store: StoreDep,
    source: Text = None,
    target: Text = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Coded interactions by date; ``source`` and ``target`` are country codes (FRA, DEU…)."""
    return page_of(store.action_records(source, target), limit, cursor)


@router.get("/events", response_model=EventPage, tags=["events"])
def list_events(
    store: StoreDep,
    story: Annotated[int | None, Query(description="a story id")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Events in date order, optionally those of one story."""
    return page_of(store.event_records(story), limit, cursor)


@router.get("/events/{event_id}", response_model=EventRecord, tags=["events"],
            responses=NOT_FOUND)
def get_event(store: StoreDep, event_id: int) -> Record:
    """One event by id."""
    return one(store.event_record(event_id), event_id, "event")


@router.get("/stories", response_model=StoryPage, tags=["stories"])
def list_stories(store: StoreDep, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    """Stories, most recent first (then largest)."""
    return page_of(store.story_records(), limit, cursor)


@router.get("/stories/{story_id}", response_model=StoryRecord, tags=["stories"],
            responses=NOT_FOUND)
def get_story(store: StoreDep, story_id: int) -> Record:
    """One story by id."""
    return one(store.story_record(story_id), story_id, "story")
