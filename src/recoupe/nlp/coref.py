"""Coreference helpers for speaker resolution: what a short name, an acronym, a demonym,
an organisation noun or a role noun stands for in one article.

Pure functions over an article's mentions (:class:`~recoupe.nlp.mentions.DocMention`) and
their local entity indices, so that :mod:`recoupe.nlp.speakers` stays a small dispatcher.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from recoupe.nlp.gazetteer import fold
from recoupe.nlp.lexicon import ORG_NOUNS
from recoupe.nlp.mentions import DocMention
from recoupe.nlp.variants import acronym

#: Kinds a small French model gives to person names (it often tags rare names MISC).
NAME_KINDS = ("PER", "MISC")
#: French demonym endings ("le Texan", "l'Américaine", "le Chinois", "la Colombienne").
_DEMONYM = re.compile(
    r"(?:ain|aine|an|ane|ais|aise|ois|oise|ien|ienne|éen|éenne|ol|ole|in|ine|ite|and|ande|"
    r"ote|ique|u|ue)$"
)
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})
_OF = frozenset({"de", "du", "des", "d'", "d’"})


def name_tokens(name: str) -> list[str]:
    """Folded words of a name ("Khaldia Dussourt" → ["khaldia", "dussourt"])."""
    return fold(name).replace("'", "' ").replace("-", " ").split()


def fuller_entity(entity: int, mentions: list[DocMention], assign: list[int]) -> int:
    """The entity a one-word name stands for when the article also writes it in full:
    "Khaldia" → "Khaldia Dussourt" (first or last name), when that is unambiguous."""
    own = [m for i, m in enumerate(mentions) if assign[i] == entity]
    if not own or any(m.kind not in NAME_KINDS or len(name_tokens(m.name)) != 1 for m in own):
        return entity
    word = name_tokens(own[0].name)[0]
    hits = {
        assign[i]
        for i, m in enumerate(mentions)
        if m.kind in NAME_KINDS
        and assign[i] != entity
        and len(toks := name_tokens(m.name)) > 1
        and word in (toks[0], toks[-1])
    }
    return hits.pop() if len(hits) == 1 else entity


def entity_by_text(phrase: Span, mentions: list[DocMention], assign: list[int]) -> int | None:
    """An entity named by a capitalised word of a phrase the model left untagged: a
    surname ("Betancourt : «…»" in a headline) or an acronym ("l'AFLD")."""
    for tok in phrase:
        bare = tok.text.replace(".", "")
        if bare.isupper() and 2 <= len(bare) <= 6:
            hits = {
                assign[i]
                for i, m in enumerate(mentions)
                if m.kind == "ORG" and acronym(m.name) == bare
            }
            if len(hits) == 1:
                return hits.pop()
    if phrase.text.isupper():  # a signature in capitals ("JEAN DUPONT, MAIRE DE …")
        return _name_inside(name_tokens(phrase.text), mentions, assign)
    words = [fold(t.text) for t in phrase if t.is_title and t.is_alpha]
    if len(words) != 1:
        return None
    hits = {
        assign[i]
        for i, m in enumerate(mentions)
        if m.kind in NAME_KINDS
        and len(toks := name_tokens(m.name)) > 1
        and words[0] in (toks[0], toks[-1])
    }
    return hits.pop() if len(hits) == 1 else None


def _name_inside(words: list[str], mentions: list[DocMention], assign: list[int]) -> int | None:
    """The person whose full name (two words or more) occurs in ``words``."""
    for i, m in enumerate(mentions):
        name = name_tokens(m.name)
        if m.kind != "PER" or len(name) < 2:
            continue
        if any(words[k : k + len(name)] == name for k in range(len(words))):
            return assign[i]
    return None


def signature_name(line: str) -> str | None:
    """The person's name in a signature line in capitals: "JEAN DUPONT, MAIRE DE X" →
    "Jean Dupont", "LA PROPOSITION DE LOI DE MARIE DURAND" → "Marie Durand"."""
    head = line.split(",")[0].strip()
    words = head.split()
    if len(words) > 3:
        cut = max((k for k, w in enumerate(words) if w in ("DE", "DU")), default=-1)
        words = words[cut + 1 :]
    if not 2 <= len(words) <= 3 or not all(w.replace("-", "").isalpha() for w in words):
        return None
    return " ".join(w.title() for w in words)


def is_demonym(phrase: Span) -> bool:
    """ "le Texan", "l'Américaine": a definite article and one capitalised demonym."""
    words = [t for t in phrase if not t.is_punct]
    return (
        len(words) == 2
        and words[0].lower_ in _ARTICLES
        and words[1].is_title
        and bool(_DEMONYM.search(words[1].lower_))
    )


#: Nouns for a body of people, never for one person: "la direction du port", "la famille
#: de la victime", "l'état-major" speak as a group, whoever the article named before.
COLLECTIVE_NOUNS = frozenset(
    {
        "direction",
        "administration",
        "présidence",
        "hiérarchie",
        "état-major",
        "rédaction",
        "famille",
        "police",
        "gendarmerie",
        "armée",
        "douane",
        "mairie",
        "préfecture",
        "municipalité",
        "majorité",
        "opposition",
        "intersyndicale",
        "équipage",
        "personnel",
    }
)
#: Determiners of a plural phrase ("les enquêteurs", "ses proches", "des sources").
_PLURAL = frozenset({"les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "plusieurs"})
_SINGULAR = frozenset(
    {"le", "la", "l'", "l’", "un", "une", "ce", "cet", "cette", "son", "sa", "leur", "notre"}
)


def group_head(phrase: Span) -> Token | None:
    """The head of a phrase naming a group, not one person: a collective noun ("la
    direction du port") or a plural ("les enquêteurs", "les Américains"); else ``None``.

    A role resolves to the one person who holds it; a group has no such holder.
    """
    words = [t for t in phrase if not t.is_punct]
    nouns = [t for t in words if t.pos_ == "NOUN" and t.is_lower]
    if not nouns:
        plural = len(words) == 2 and words[0].lower_ in _PLURAL and words[1].is_title
        return words[1] if plural else None  # a plural demonym
    head = nouns[0]
    if head.lemma_.lower() in COLLECTIVE_NOUNS or head.lower_ in COLLECTIVE_NOUNS:
        return head
    first = words[0].lower_
    if first in _SINGULAR:
        return None  # the determiner says one ("le ministre"), whatever the tagger says
    return head if first in _PLURAL or "Plur" in head.morph.get("Number", []) else None


def org_head(phrase: Span) -> int | None:
    """Index of the organisation noun heading ``phrase`` ("le parquet de Paris",
    "un représentant du parquet de Paris" → "parquet"), or ``None``."""
    for tok in phrase:
        if tok.pos_ == "NOUN" and tok.is_lower and tok.lemma_.lower() in ORG_NOUNS:
            prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
            if prev in _ARTICLES or prev in {"du", "au"}:
                return tok.i
        if tok.pos_ == "VERB":
            break
    return None


def org_phrase(head: int, phrase: Span) -> str:
    """The organisation named by a common noun and its modifiers: "parquet de Paris",
    "gouvernement britannique", "ministère chinois des Affaires étrangères"."""
    doc = phrase.doc
    end = head + 1
    while end < len(doc) and end - head < 8:
        tok = doc[end]
        if tok.pos_ == "ADJ" or (tok.pos_ == "PROPN" and tok.is_title):
            end += 1
        elif tok.lower_ in _OF and (after := _complement_end(doc, end + 1)) is not None:
            end = after
        else:
            break
    return doc[head:end].text


def _complement_end(doc: Doc, i: int) -> int | None:
    """End of "(l') X" after "de" (one article, then a noun or a name), or ``None``."""
    if i < len(doc) and doc[i].lower_ in _ARTICLES:
        i += 1
    if i < len(doc) and (doc[i].pos_ in ("NOUN", "PROPN") or doc[i].is_title):
        return i + 1
    return None


def same_org_head(short: str, full: str) -> bool:
    """ "parquet" and "parquet de Marseille": the fuller organisation phrase, same head."""
    return fold(full).split()[:1] == fold(short).split()[:1] and len(full) > len(short)


def role_gender(phrase: Span) -> str | None:
    """Grammatical gender of a role phrase from its determiner or adjective ("la ministre",
    "l'ancienne candidate"), or a feminine noun ("l'ex-candidate"); a masculine noun alone
    says nothing, since epicene nouns ("l'otage") are tagged masculine."""
    for tok in phrase:
        if tok.lower_ == "la":
            return "F"
        if tok.lower_ == "le":
            return "M"
        gender = tok.morph.get("Gender", [])
        if tok.pos_ == "ADJ" and gender:
            return "F" if gender == ["Fem"] else "M"
        if tok.pos_ == "NOUN":
            return "F" if gender == ["Fem"] else None
    return None
