"""Run the narrate stage on events whose articles changed: date, summary, comparison."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from recoupe.narrate import (
    Comparison,
    EventDate,
    EventNarrative,
    StoryNarrative,
    Summary,
    narrate_event,
    narrate_story,
)
from recoupe.pipeline.annotate import BatchHook
from recoupe.store import Store
from recoupe.store.links import plain


def narrate_pending(store: Store, on_batch: BatchHook | None = None) -> int:
    """Narrate every event whose member articles changed since last time; returns how many."""
    done = 0
    rows = []
    for key, article_ids in store.stale_events().items():
        articles = store.articles_by_id(article_ids)
        told = narrate_event(key, articles, store.quotes_of(article_ids))
        rows.append(narrative_row(told, article_ids))
        done += 1
        if on_batch:
            on_batch(1)
    store.save_narratives(rows)
    narrate_stories(store)
    return done


def narrate_stories(store: Store) -> int:
    """Order and summarise every story whose events changed; returns how many."""
    rows = []
    for key, members in store.stale_stories().items():
        dates = store.event_dates(list(members))
        dated = [_dated(event, dates.get(event)) for event in members]
        articles = {event: store.articles_by_id(ids) for event, ids in members.items()}
        rows.append(story_row(narrate_story(key, dated, articles), members))
    store.save_story_narratives(rows)
    return len(rows)


def _dated(event_key: str, day: dt.date | None) -> EventNarrative:
    """A stand-in narrative carrying only the stored day (all that ``narrate_story`` reads)."""
    when = EventDate(event_key, day, None, "none")
    return EventNarrative(event_key, when, None, Summary(), Comparison(()))


def story_row(told: StoryNarrative, members: dict[str, list[int]]) -> dict[str, Any]:
    """The stored form of one story's narrative."""
    return {
        "story_key": told.story_id,
        "members": members,
        "timeline": list(told.timeline),
        "paragraph": plain(dataclasses.asdict(told.paragraph)),
    }


def narrative_row(told: EventNarrative, article_ids: list[int]) -> dict[str, Any]:
    """The stored form of one event's narrative (dates as ISO text inside JSON)."""
    evidence = told.date.evidence
    return {
        "event_key": told.event_id,
        "article_ids": article_ids,
        "date": told.date.date,
        "date_evidence": plain(dataclasses.asdict(evidence)) if evidence else None,
        "not_before": told.date.not_before,
        "sentence": plain(dataclasses.asdict(told.sentence)) if told.sentence else None,
        "summary": plain(dataclasses.asdict(told.summary)),
        "comparison": plain(dataclasses.asdict(told.comparison)),
    }
