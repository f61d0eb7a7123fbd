"""The narrate stage: event dates, summaries and outlet-by-outlet comparison.

Pure functions over the data model (:mod:`recoupe.model`): no store, CLI, web or pipeline.
"""

from recoupe.narrate.event_dates import (
    ArticleDate,
    DateEvidence,
    EventDate,
    date_event,
    date_events,
)
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
    "DateEvidence",
    "EventDate",
    "SentenceRanker",
    "Summary",
    "SummarySentence",
    "date_event",
    "date_events",
    "event_sentence",
    "story_paragraph",
    "summarise",
]
