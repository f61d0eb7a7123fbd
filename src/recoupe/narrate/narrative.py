"""One call per event and per story for the orchestrator: date, summary, comparison, timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from recoupe.model import Article, Mention, Quote
from recoupe.narrate.compare import Comparison, compare_articles
from recoupe.narrate.event_dates import EventDate, date_event
from recoupe.narrate.summaries import Summary, SummarySentence, story_paragraph, summarise

__all__ = ["EventNarrative", "StoryNarrative", "by_publication", "narrate_event", "narrate_story"]


@dataclass(frozen=True)
class EventNarrative:
    """What the narrate stage says about one event."""

    event_id: str
    date: EventDate
    sentence: SummarySentence | None
    summary: Summary
    comparison: Comparison


@dataclass(frozen=True)
class StoryNarrative:
    """A story's timeline (event ids, dated ones by day, undated ones after) and paragraph."""

    story_id: str
    timeline: tuple[str, ...]
    paragraph: Summary


def by_publication(articles: Sequence[Article]) -> list[Article]:
    """Articles oldest first, undated ones last in their given order (so that the first copy of
    a wire sentence is the one a summary cites)."""

    def key(item: tuple[int, Article]) -> tuple[int, dt.datetime, int]:
        k, a = item
        p = a.published
        if p is None:
            return (1, dt.datetime.min, k)
        if isinstance(p, dt.datetime):
            return (0, p.replace(tzinfo=None), k)
        return (0, dt.datetime.combine(p, dt.time(0)), k)

    return [a for _, a in sorted(enumerate(articles), key=key)]


def narrate_event(
    event_id: str,
    articles: Sequence[Article],
    quotes: Sequence[Quote] = (),
    mentions: Sequence[Mention] = (),
    max_words: int = 100,
) -> EventNarrative:
    """Date, one-sentence summary, short summary and outlet comparison of one event."""
    ordered = by_publication(articles)
    summary = summarise(ordered, max_words=max_words)
    best = summarise(ordered, max_words=None, max_sentences=1)
    return EventNarrative(
        event_id=event_id,
        date=date_event(event_id, ordered),
        sentence=best.sentences[0] if best.sentences else None,
        summary=summary,
        comparison=compare_articles(ordered, quotes, mentions),
    )


def narrate_story(
    story_id: str,
    events: Sequence[EventNarrative],
    articles: Mapping[str, Sequence[Article]],
    max_sentences: int = 4,
) -> StoryNarrative:
    """Order a story's events by the day they happened and write its paragraph.

    ``articles`` maps each event id to its articles. Undated events keep their given order
    after the dated ones (nothing is guessed about them).
    """
    order = sorted(
        range(len(events)),
        key=lambda k: (events[k].date.date is None, events[k].date.date or dt.date.min, k),
    )
    timeline = tuple(events[k].event_id for k in order)
    paragraph = story_paragraph(
        [by_publication(articles.get(e, ())) for e in timeline], max_sentences=max_sentences
    )
    return StoryNarrative(story_id, timeline, paragraph)
