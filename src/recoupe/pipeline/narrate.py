"""Run the narrate stage on events whose articles changed: date, summary, comparison."""

from __future__ import annotations

import dataclasses
from typing import Any

from recoupe.narrate import EventNarrative, narrate_event
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
    return done


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
