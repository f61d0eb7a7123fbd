"""Sentence boundaries fixed before parsing: at line breaks and after final punctuation.

spaCy's parser decides sentence boundaries itself; on news copy it joins a headline with
the first paragraph and splits long sentences at commas, which cuts subjects off their
verbs. This component, placed before the parser, presets every token's ``is_sent_start``
(the parser keeps preset values): a sentence starts after a line break, or after ``.``,
``!``, ``?`` or ``…`` (with any closing quote) when the next word starts with a capital,
a digit or an opening quote.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: Name under which the component is registered with spaCy.
COMPONENT = "recoupe_paragraphs"


@Language.component(COMPONENT)
def paragraphs(doc: Doc) -> Doc:
    """Preset sentence starts at line breaks and after sentence-final punctuation."""
    for tok in doc[1:]:
        tok.is_sent_start = _starts(doc, tok.i)
    return doc


_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSING = frozenset({"»", "”", '"', ")"})
_OPENING = frozenset({"«", "“", '"', "(", "-", "—", "–"})


def _starts(doc: Doc, i: int) -> bool:
    prev, tok = doc[i - 1], doc[i]
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return True
    if tok.is_space:
        return False
    j = i - 1
    while j > 0 and doc[j].text in _CLOSING:
        j -= 1
    if doc[j].text not in _FINAL or not doc[i - 1].whitespace_:
        return False
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text in _OPENING
