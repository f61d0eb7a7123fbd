"""Entity mentions of a parsed article, with their role descriptors from appositions.

"le porte-parole du département d'État John Kirby" and "John Kirby, porte-parole du
département d'État," both give Kirby the role "porte-parole du département d'État".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from recoupe.nlp.entities import HONORIFICS
from recoupe.nlp.gazetteer import strip_article

KINDS = ("PER", "ORG", "GPE", "LOC", "MISC")
_ROLE_TOKENS = ("NOUN", "ADJ", "ADP", "DET", "PROPN")
_ROLE_STOP = frozenset(
    {"le", "la", "les", "l'", "l’", "un", "une", "son", "sa", "ses", "leur", "ce", "cette"}
)
_MAX_ROLE = 9


@dataclass
class DocMention:
    """An entity mention in a parsed document (token and character offsets)."""

    span: Span
    start: int
    end: int
    kind: str
    name: str
    country: str | None
    role: str | None


def doc_mentions(doc: Doc) -> list[DocMention]:
    """The entity mentions of ``doc``, article stripped, GPE named by their state."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in KINDS:
            continue
        text = ent.text
        bare = strip_article(text)
        start = ent.start_char + (len(text) - len(bare))
        name = ent._.canonical or bare
        role = role_of(ent) if ent.label_ == "PER" else None
        out.append(DocMention(ent, start, ent.end_char, ent.label_, name, ent._.country, role))
    return out


def role_of(ent: Span) -> str | None:
    """The role descriptor in apposition to a person, before or after the name."""
    return _role_before(ent) or _role_after(ent)


def _role_before(ent: Span) -> str | None:
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or doc[i].pos_ == "ADP":
        return None
    first = None
    while i >= 0 and ent.start - i <= _MAX_ROLE:
        tok = doc[i]
        internal = i > 0 and doc[i - 1].lower_ in ("de", "à")  # "procureur de la République"
        if (tok.lower_ in _ROLE_STOP and not internal) or tok.pos_ not in _ROLE_TOKENS:
            break
        if tok.ent_type_ == "PER":
            break
        if tok.lower_ in HONORIFICS:
            return None
        if tok.pos_ == "NOUN" and tok.is_lower and i > 0 and doc[i - 1].lower_ in _ROLE_STOP:
            first = i
            break
        i -= 1
    if first is None:
        return None
    end = ent.start - 1 if doc[ent.start - 1].text == "," else ent.start
    return _clean(doc[first:end].text)


def _role_after(ent: Span) -> str | None:
    doc = ent.doc
    i = ent.end
    if i >= len(doc) - 1 or doc[i].text != ",":
        return None
    j = i + 1
    if doc[j].lower_ in _ROLE_STOP:
        j += 1
    if j >= len(doc) or doc[j].pos_ != "NOUN":
        return None
    end = j
    while end < len(doc) and end - j < _MAX_ROLE and doc[end].pos_ in _ROLE_TOKENS:
        end += 1
    if end < len(doc) and doc[end].text not in ",.;)":
        return None
    return _clean(doc[j:end].text)


def _clean(text: str) -> str | None:
    text = text.strip(" ,")
    return text or None


def role_head(text: str) -> str:
    """The head word of a role ("porte-parole du Pentagone" → "porte-parole")."""
    return text.split()[0].lower() if text.split() else ""
