"""The orchestrator: the only code that runs the stages in order and talks to the store.

``ingest`` reads, extracts and stores articles; ``update`` then runs the later stages on
whatever they have not seen yet (nlp: entities, quotes, actions; link: duplicates, events,
stories). Every stage commits batch by batch together with its own saved state, so a kill at
any moment leaves a consistent store and the next run resumes where it stopped.
"""

from recoupe.pipeline.annotate import annotate_pending
from recoupe.pipeline.ingest import IngestReport, extract_or_reject, ingest
from recoupe.pipeline.link import link_pending
from recoupe.pipeline.update import UpdateReport, update

__all__ = [
    "IngestReport",
    "UpdateReport",
    "annotate_pending",
    "extract_or_reject",
    "ingest",
    "link_pending",
    "update",
]
