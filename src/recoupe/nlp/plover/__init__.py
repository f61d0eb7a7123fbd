"""PLOVER event coding for French news: who did what to whom, read from the parse.

Entry point: :class:`PloverCoder` (``code(doc_or_text, article_id, date) -> list[Action]``,
``code_many(texts, ids, dates)`` for batches through ``nlp.pipe``).
"""

from recoupe.nlp.plover.coder import PloverCoder, code_sentence
from recoupe.nlp.plover.ontology import CURRENT_LABELS, EVENT_TYPES, EventType

__all__ = ["CURRENT_LABELS", "EVENT_TYPES", "EventType", "PloverCoder", "code_sentence"]
