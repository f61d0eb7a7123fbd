"""recoupe.link stage: wire copies, online event clustering and story threading.

The orchestrator builds a :class:`Linker` (or resumes one with :meth:`Linker.from_state`),
feeds it :class:`~recoupe.model.LinkInput` records in publication order with
:meth:`Linker.partial_fit`, persists :meth:`Linker.to_state`, and exports
:meth:`Linker.export_events` and :meth:`Linker.export_stories`.
"""

from recoupe.link.duplicates import DuplicateDetector
from recoupe.link.events import EventClusterer
from recoupe.link.linker import Linker, day_number, link_input
from recoupe.link.stories import StoryThreader
from recoupe.link.text import SpacyAnnotator

__all__ = [
    "DuplicateDetector",
    "EventClusterer",
    "Linker",
    "SpacyAnnotator",
    "StoryThreader",
    "day_number",
    "link_input",
]
