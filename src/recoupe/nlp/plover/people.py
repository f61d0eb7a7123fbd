"""Article-level memory of people: "John Kerry" introduced as "le secrétaire d'État américain
John Kerry" stays American when a later sentence says only "M. Kerry" or "Kerry".

Filled from the parsed article itself (a person whose phrase names a state or organisation)
and, when the orchestrator passes them, from the entity layer's :class:`~recoupe.model.Mention`
records (their ``country`` and ``role``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from recoupe.model import Mention
from recoupe.nlp.gazetteer import fold
from recoupe.nlp.plover.actors import SECTORS, ActorResolver, lookup_name
from recoupe.nlp.plover.demonyms import demonym_country

#: Folded surname → (code, sector).
People = dict[str, tuple[str, str]]


def surname(name: str) -> str:
    """The folded last word of a person's name ("Sergueï Lavrov" → "lavrov")."""
    words = name.split()
    return fold(words[-1]) if words else ""


def people_in_doc(resolvers: Iterable[ActorResolver]) -> People:
    """Surnames of the people whose phrase names a state ("le ministre russe Sergueï Lavrov")."""
    out: People = {}
    for resolver in resolvers:
        for ent in resolver.sent.ents:
            if ent.label_ != "PER":
                continue
            actor = resolver.actor(_phrase_head(ent))
            if actor is not None:
                out.setdefault(surname(ent.text), (actor.code, actor.sector or "GOV"))
    return out


def people_in_mentions(mentions: Iterable[Mention]) -> People:
    """Surnames of the people the entity layer placed in a country or gave a coded role."""
    out: People = {}
    for m in mentions:
        if m.kind != "PER":
            continue
        coded = _role_code(m.role) if m.role else None
        if coded is None and m.country:
            coded = (m.country, "GOV")
        if coded:
            out.setdefault(surname(m.name), coded)
    return out


def _role_code(role: str) -> tuple[str, str] | None:
    """(code, sector) read from a role phrase ("porte-parole du Pentagone" → USA, MIL)."""
    words = role.replace("'", " ").replace("’", " ").split()
    sector = SECTORS.get(words[0].lower(), "GOV") if words else "GOV"
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            hit = lookup_name(" ".join(words[i : i + n]))
            if hit and (n > 1 or words[i][:1].isupper()):
                return hit[0], hit[1] if hit[1] not in ("", "GOV") else sector
    for word in words:
        code = demonym_country(word)
        if code:
            return code, sector
    return None


def _phrase_head(ent: Span) -> Token:
    """The token heading the phrase a person's name sits in (the role noun, when there is one)."""
    root = ent.root
    if root.dep_ in ("appos", "flat:name", "nmod") and root.head.pos_ == "NOUN":
        return root.head
    return root


def resolvers_for(doc: Doc) -> list[ActorResolver]:
    """One resolver per sentence of a parsed article."""
    return [ActorResolver(sent) for sent in doc.sents]
