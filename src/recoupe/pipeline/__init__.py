"""The orchestrator: the only code that runs the stages in order and talks to the store.

``ingest`` reads, extracts and stores articles; ``update`` then runs the later stages on
whatever they have not seen yet (nlp: entities, quotes, actions; link: duplicates, events,
stories; narrate: event dates, summaries, comparisons). Every stage commits batch by batch
together with its own saved state, so a kill at any moment leaves a consistent store and the
next run resumes where it stopped.

Names are imported on first use: loading spaCy and scikit-learn takes seconds, and a command
that only reads or ingests should not pay for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recoupe.pipeline.annotate import annotate_pending
    from recoupe.pipeline.ingestion import IngestReport, extract_or_reject, ingest
    from recoupe.pipeline.link import link_pending
    from recoupe.pipeline.stages import UpdateReport, update

_HOMES = {
    "IngestReport": "ingestion",
    "extract_or_reject": "ingestion",
    "ingest": "ingestion",
    "annotate_pending": "annotate",
    "link_pending": "link",
    "UpdateReport": "stages",
    "update": "stages",
}

__all__ = [
    "IngestReport",
    "UpdateReport",
    "annotate_pending",
    "extract_or_reject",
    "ingest",
    "link_pending",
    "update",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"recoupe.pipeline.{_HOMES[name]}"), name)
