"""Sentence boundaries fixed before parsing: at line breaks, after final punctuation and
after a wire dateline.

spaCy's parser decides sentence boundaries itself; on news copy it joins a headline with
the first paragraph and splits long sentences at commas, which cuts subjects off their
verbs. This component, placed before the parser, presets every token's ``is_sent_start``
(the parser keeps preset values): a sentence starts after a line break, or after ``.``,
``!``, ``?`` or ``…`` (with any closing quote) when the next word starts with a capital,
a digit or an opening quote.

A wire dateline ("PARIS (AFP) - ", "Bruxelles, 3 mars (Belga) -") opening a paragraph is a
sentence of its own: it credits the agency and is no part of the lead sentence, which
would otherwise start a reported clause ("PARIS (AFP) - X …, a annoncé Y") or give the
agency as the antecedent of "le gouvernement".
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

#: Name under which the component is registered with spaCy.
COMPONENT = "recoupe_paragraphs"


@Language.component(COMPONENT)
def paragraphs(doc: Doc) -> Doc:
    """Preset sentence starts at line breaks, after sentence-final punctuation and after a
    wire dateline."""
    after_datelines = {end for _, end in datelines(doc.text)}
    for tok in doc[1:]:
        tok.is_sent_start = tok.idx in after_datelines or _starts(doc, tok.i)
    return doc


_WORD = r"[^\W\d_][\w'’.]*"
#: A place (maybe with its region or a date), the agency in brackets, maybe a dash.
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ -]{_WORD}){{0,3}})(?:\s*,\s*{_WORD}(?:[ -]{_WORD}){{0,2}})?"
    r"(?P<date>\s*,\s*(?:le\s+)?\d{1,2}(?:er)?\s+[^\W\d_]+\.?(?:\s+\d{4})?)?"
    r"\s*\((?P<agency>[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,2})\)"
    r"(?:\s*[-–—]+|\.(?=\s)|$|(?=\s))\s*"
)
#: A paragraph opened by the agency alone: "(Belga) Le secrétaire d'État …".
_CREDIT = re.compile(r"\((?P<agency>[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,2})\)\s+(?=\w)")


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the wire datelines opening paragraphs of ``text``, each with the
    space after it: the place and date are capitalised ("PARIS", "Paris, 3 mars") so that
    "Jean Dupont (PS) - …" is no dateline."""
    out = []
    start = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        match = _DATELINE.match(line, lead) or _CREDIT.match(line, lead)
        if match is not None and _is_dateline(match):
            out.append((start + lead, start + match.end()))
        start += len(line) + 1
    return out


def _is_dateline(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    if "place" not in groups:
        return True  # "(Belga) …"
    place = groups["place"]
    return bool(groups["date"]) or (place.isupper() and len(place.replace(" ", "")) > 1)


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
