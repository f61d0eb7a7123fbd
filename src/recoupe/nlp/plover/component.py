"""The coder as a spaCy pipeline component: ``nlp.add_pipe("recoupe_plover")``.

After the parser (and recoupe's entity components, if any), it stores the document's coded
events in ``doc._.actions`` (a list of :class:`~recoupe.model.Action` with no article id), so
that ``nlp.pipe(bodies)`` yields parsed and coded documents in one pass.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from recoupe.nlp.plover.coder import PloverCoder

if not Doc.has_extension("actions"):
    Doc.set_extension("actions", default=None)


class PloverComponent:
    """Codes each document passing through the pipeline into ``doc._.actions``."""

    def __init__(self, nlp: Language) -> None:
        self.coder = PloverCoder(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Code ``doc`` and return it."""
        doc._.actions = self.coder.code(doc)
        return doc


@Language.factory("recoupe_plover")
def make_plover(nlp: Language, name: str) -> PloverComponent:
    """spaCy factory for :class:`PloverComponent`."""
    return PloverComponent(nlp)
