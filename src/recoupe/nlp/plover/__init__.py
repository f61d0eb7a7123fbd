"""PLOVER event coding for French news: who did what to whom, read from the parse.

Entry point: :class:`PloverCoder` (``code(doc_or_text, article_id, date) -> list[Action]``,
``code_many(texts, ids, dates)`` for batches through ``nlp.pipe``), or the spaCy component
``nlp.add_pipe("recoupe_plover")`` that fills ``doc._.actions``.
"""

from recoupe.nlp.plover.coder import PloverCoder, code_sentence
from recoupe.nlp.plover.component import PloverComponent
from recoupe.nlp.plover.ontology import CURRENT_LABELS, EVENT_TYPES, EventType

__all__ = [
    "CURRENT_LABELS",
    "EVENT_TYPES",
    "EventType",
    "PloverCoder",
    "PloverComponent",
    "code_sentence",
]
