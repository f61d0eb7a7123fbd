"""The narrate stage: event dates, summaries and outlet-by-outlet comparison.

Pure functions over the data model (:mod:`recoupe.model`): no store, CLI, web or pipeline.
"""

from recoupe.narrate.compare import Comparison, OutletView, compare_articles
from recoupe.narrate.event_dates import (
    ArticleDate,
    DateEvidence,
    EventDate,
    date_event,
    date_events,
)
from recoupe.narrate.narrative import EventNarrative, StoryNarrative, narrate_event, narrate_story
from recoupe.narrate.summaries import (
    SentenceRanker,
    Summary,
    SummarySentence,
    event_sentence,
    story_paragraph,
    summarise,
)

__all__ = [
    "ArticleDate",
    "Comparison",
    "DateEvidence",
    "EventDate",
    "EventNarrative",
    "OutletView",
    "SentenceRanker",
    "StoryNarrative",
    "Summary",
    "SummarySentence",
    "compare_articles",
    "date_event",
    "date_events",
    "event_sentence",
    "narrate_event",
    "narrate_story",
    "story_paragraph",
    "summarise",
]
