"""spaCy components that fix what a general French NER model gets wrong in news copy.

Each component does one job on ``doc.ents`` and runs after spaCy's ``ner``:

* ``recoupe_honorifics`` – "M. Kerry" → "Kerry" as PER (the honorific stays out of the span,
  and a bare "M. Cook" the model missed becomes a PER);
* ``recoupe_role_names`` – an entity that starts with a role noun ("général Padilla",
  "ministre de la Défense Santos") is the person named at its end;
* ``recoupe_not_persons`` – a one-word "person" after a determiner ("l'Homme") or naming a
  day ("Lundi") is not a person;
* ``recoupe_places`` – countries become GPE with their ISO alpha-3 code; capitals and seats
  of power used as actors ("Moscou a annoncé", "le Kremlin") become the state they stand
  for; a big city tagged as a person ("Washington") is a place, not a person; the "État"
  of "secrétaire d'État" or "chef d'État" is no place.

Spans carry ``span._.country`` (alpha-3) and ``span._.canonical`` (the name of what they
stand for, e.g. "Russie" for "Moscou").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from recoupe.nlp import gazetteer

HONORIFICS = frozenset({"m.", "mme", "mlle", "mm.", "me", "mgr", "dr", "dr.", "pr", "pr.", "mr"})

#: A capital right after one of these is a place ("à Moscou"), not the state acting.
_PLACE_PREPOSITIONS = frozenset({"à", "a", "au", "vers", "dans", "depuis", "près", "sur"})

for _name in ("country", "canonical"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def add_components(nlp: Language) -> None:
    """Append recoupe's entity components after the pipeline's ``ner``."""
    for name in (
        "recoupe_honorifics",
        "recoupe_role_names",
        "recoupe_not_persons",
        "recoupe_places",
    ):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)


def _is_honorific(text: str) -> bool:
    return text.casefold() in HONORIFICS


@Language.component("recoupe_honorifics")
def honorifics(doc: Doc) -> Doc:
    """Drop honorifics from entity spans and tag "M. Name" as a person."""
    spans = []
    for ent in doc.ents:
        start = ent.start
        while start < ent.end and _is_honorific(doc[start].text):
            start += 1
        if start == ent.end:
            continue
        label = "PER" if start > ent.start else ent.label_
        if start > 0 and _is_honorific(doc[start - 1].text) and doc[start].is_title:
            label = "PER"
        spans.append(Span(doc, start, ent.end, label=label))
    spans.extend(_missed_persons(doc))
    doc.ents = filter_spans(spans)
    return doc


def _missed_persons(doc: Doc) -> list[Span]:
    """Names after an honorific the model did not tag ("M. Cook" with no entity)."""
    found = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if _is_honorific(tok.text) and nxt.is_title and not nxt.ent_type_:
            end = nxt.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                end += 1
            found.append(Span(doc, nxt.i, end, label="PER"))
    return found


@Language.component("recoupe_role_names")
def role_names(doc: Doc) -> Doc:
    """Cut a leading role noun off an entity and keep the name after it, as a person."""
    doc.ents = [_name_after_role(ent) for ent in doc.ents]
    return doc


def _name_after_role(ent: Span) -> Span:
    first = ent[0]
    if (
        ent.label_ == "LOC"
        or len(ent) < 2
        or not first.is_lower
        or first.pos_ not in ("NOUN", "ADJ")
    ):
        return ent  # "mer Noire", "océan Pacifique": a place named with a common noun
    start = ent.end
    while start > ent.start and ent.doc[start - 1].pos_ == "PROPN" and ent.doc[start - 1].is_title:
        start -= 1
    if start == ent.end or start == ent.start:
        return ent
    before = ent.doc[start - 1].lower_
    if ent.label_ != "PER" and ent.end - start < 2:
        return ent  # outside persons, only a full name ("… Juan Santos") is cut out
    name = ent.doc[start : ent.end].text
    if gazetteer.country(name) or gazetteer.is_big_city(name) or gazetteer.capital(name):
        return ent  # "maire de Paris": the trailing name is a place, not a person
    if ent.label_ != "PER" and before in ("de", "d'", "d’"):
        return ent
    if before in ("de", "d'", "d’") and ent.end - start == 1 and start - 1 > ent.start:
        start -= 1  # a nobiliary particle: "général de Gaulle" → "de Gaulle"
    elif ent.doc[start - 1].pos_ in ("DET", "ADP") and ent.end - start > 1:
        start += 1
    return Span(ent.doc, start, ent.end, label="PER")


_DAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])


@Language.component("recoupe_not_persons")
def not_persons(doc: Doc) -> Doc:
    """Relabel one-word persons that a determiner introduces, and drop weekday "persons"."""
    kept = []
    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) == 1:
            if ent.text.lower() in _DAYS:
                continue
            if ent.start > 0 and doc[ent.start - 1].pos_ == "DET" and ent[0].pos_ != "PROPN":
                kept.append(Span(doc, ent.start, ent.end, label="MISC"))
                continue
        kept.append(ent)
    doc.ents = kept
    return doc


@Language.component("recoupe_places")
def places(doc: Doc) -> Doc:
    """Resolve countries, capitals and seats of power to the state they stand for; drop the
    "État" of a compound noun."""
    doc.ents = [_place(ent) for ent in doc.ents if not _state_of_compound(ent)]
    return doc


def _state_of_compound(ent: Span) -> bool:
    """ "secrétaire d'État (américain)", "chef d'État", "coup d'État": the model tags the
    "État" of these nouns as a place; it names no state ("l'État islamique" is kept)."""
    first = ent[0].lower_
    if first not in ("état", "etat") or ent.start == 0:
        return False
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    return ent.doc[ent.start - 1].lower_ in ("d'", "d’") and "islamique" not in (
        after, ent[-1].lower_)


def _place(ent: Span) -> Span:
    text = ent.text
    seat = gazetteer.seat_of_power(text) or _seat_with_adjective(text)
    if seat:
        return _relabel(ent, seat.kind, seat)
    if ent.label_ in ("LOC", "MISC", "ORG"):
        hit = gazetteer.country(text, strict=ent.label_ != "LOC")
        if hit:
            return _relabel(ent, "GPE", hit)
    cap = gazetteer.capital(text)
    if cap and ent.label_ in ("LOC", "PER", "ORG", "MISC"):
        return _relabel(ent, "GPE" if _is_actor(ent) else "LOC", cap, keep_name=not _is_actor(ent))
    if ent.label_ == "PER" and len(ent) == 1 and gazetteer.is_big_city(text):
        return Span(ent.doc, ent.start, ent.end, label="LOC")
    return ent


def _seat_with_adjective(text: str) -> gazetteer.Place | None:
    """ "département d'État américain": a seat of power followed by one adjective."""
    head, _, _ = text.rpartition(" ")
    return gazetteer.seat_of_power(head) if head else None


def _is_actor(ent: Span) -> bool:
    """A capital is an actor unless a place preposition introduces it."""
    return ent.start == 0 or ent.doc[ent.start - 1].lower_ not in _PLACE_PREPOSITIONS


def _relabel(ent: Span, label: str, place: gazetteer.Place, keep_name: bool = False) -> Span:
    span = Span(ent.doc, ent.start, ent.end, label=label)
    span._.country = place.country
    span._.canonical = None if keep_name else place.name
    return span
