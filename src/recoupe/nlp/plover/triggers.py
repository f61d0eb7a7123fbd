"""Find event triggers in a parsed sentence: lexicon verbs, event nouns, "X doit …" demands.

A trigger embedded in another one is not an event of its own ("a menacé de *suspendre*",
"a condamné les *tirs*", "accuse Kiev de *soutenir*"): it only refines the outer event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recoupe.nlp.plover.actors import QUANTITIES
from recoupe.nlp.plover.clauses import object_lemmas, verb_keys
from recoupe.nlp.plover.lexicon import SPEECH_VERBS, Sense, noun_senses, verb_senses

#: How a trigger was found: a verb, an event noun, or a reported obligation ("X doit …").
_DEMAND = Sense("devoir", "DEMAND", "change")

#: Verbs that take an event noun as object or subject without adding an event of their own.
_EMBEDDING = frozenset(["ccomp", "xcomp"])

#: Prepositions under which an event noun is still the main event ("procéder à un échange").
_NOUN_PREPS = frozenset(["à", "au", "aux", "des", "de", "d'", ""])


#: Nouns that only count or frame an event noun ("un paquet de sanctions", "dix jours de
#: manœuvres", "ses efforts de médiation").
_CONTAINERS = frozenset(
    [
        "paquet",
        "série",
        "vague",
        "salve",
        "mission",
        "jour",
        "semaine",
        "mois",
        "campagne",
        "effort",
        "train",
        "nouveau",
        "processus",
        "cycle",
        "round",
        "session",
        "tentative",
        "programme",
        "plan",
        "opération",
        "état",
    ]
)

#: Heads under which an event noun still is the object of its verb ("une série de frappes",
#: "des centaines de manifestations"), unlike amounts ("des millions de dollars de dons").
_COUNTERS = _CONTAINERS | (QUANTITIES - {"million", "tiers", "quart", "moitié", "partie"})

#: Noun modifiers that make an event hypothetical ("une éventuelle médiation").
_HYPOTHETICAL = frozenset(["éventuel", "possible", "hypothétique", "futur", "prochain"])


@dataclass(frozen=True)
class Trigger:
    """A word that names an event, with the lexicon sense it matched."""

    token: Token
    sense: Sense
    kind: str  # "verb", "noun" or "demand"


def find_triggers(sent: Span) -> list[Trigger]:
    """The main (not embedded) triggers of a sentence, in text order."""
    verbs = {t.i: Trigger(t, s, "verb") for t in sent if (s := verb_sense(t))}
    demands = {t.i: Trigger(t, _DEMAND, "demand") for t in sent if _is_reported_duty(t)}
    nouns = {t.i: Trigger(t, s, "noun") for t in sent if (s := noun_sense(t))}
    verbs = {i: v for i, v in verbs.items() if not _orders_measure(v, nouns)}
    outer = {**verbs, **demands}
    kept = [v for v in outer.values() if not _embedded_verb(v.token, outer)]
    kept = [v for v in kept if not (is_purpose(v.token) or is_hearsay(v.token))]
    kept = [v for v in kept if not is_genitive_relative(v.token)]
    kept += [n for n in nouns.values() if _free_noun(n.token, outer, nouns)]
    return sorted((t for t in kept if t.sense.event != "-"), key=lambda t: t.token.i)


#: Verbs by which an authority puts a measure into effect ("a ordonné la fermeture de …").
_ORDERS = frozenset(["ordonner", "décréter", "décider", "annoncer"])

#: Measures an authority carries out by ordering them.
_MEASURES = frozenset(["COERCE", "SANCTION", "MOBILIZE", "RETREAT", "CONCEDE"])


def _orders_measure(verb: Trigger, nouns: dict[int, Trigger]) -> bool:
    """ "Le ministre a ordonné l'arrestation de X": the order *is* the arrest, so the verb
    gives way to its object noun (which then stands as the event)."""
    if verb.sense.lemma not in _ORDERS:
        return False
    objects = [c for c in verb.token.children if c.dep_ == "obj"]
    return any(o.i in nouns and nouns[o.i].sense.event in _MEASURES for o in objects)


def is_hearsay(verb: Token) -> bool:
    """ "une accusation *selon laquelle* X s'était emparé de …": reported content, not an act."""
    if verb.dep_ != "acl:relcl":
        return False
    return any(
        c.dep_.startswith("obl") and any(g.lower_ == "selon" for g in c.children)
        for c in verb.children
    )


def is_genitive_relative(verb: Token) -> bool:
    """ "l'invasion *dont* il brandissait la menace": background told about a noun."""
    return verb.dep_ == "acl:relcl" and any(c.lower_ == "dont" for c in verb.children)


def is_purpose(tok: Token) -> bool:
    """A verb that only states a purpose or describes a noun is not an event of its own.

    "ont manifesté *pour réclamer* …" (the demand is part of the protest) and "une
    manifestation *réclamant* …" (a participle modifying a noun).
    """
    if tok.dep_ in ("acl", "amod"):
        # "des hommes armés": a participle used as an adjective; but "une résolution
        # condamnant X" is the act of whoever adopts the resolution.
        return not is_document_clause(tok)
    if tok.dep_ != "advcl":
        return False
    return any(c.lower_ in ("pour", "afin", "sans") and c.dep_ == "mark" for c in tok.children)


#: Texts through which a body acts ("une résolution condamnant …").
DOCUMENTS = frozenset(
    ["résolution", "déclaration", "communiqué", "texte", "motion", "lettre", "décret", "loi"]
)


#: Verbs by which a body issues a text.
_ISSUE = frozenset(["adopter", "voter", "publier", "diffuser", "signer", "approuver", "rendre"])


def is_document_clause(tok: Token) -> bool:
    """ "une résolution *condamnant* X": a present participle describing a text."""
    present = "Pres" in tok.morph.get("Tense", []) and "Part" in tok.morph.get("VerbForm", [])
    if tok.dep_ != "acl" or not present or tok.head.lemma_.lower() not in DOCUMENTS:
        return False
    text = tok.head  # only a text its author issues, not one it vetoes or rejects
    return text.dep_ == "obj" and text.head.lemma_.lower() in _ISSUE


def verb_sense(tok: Token) -> Sense | None:
    """The lexicon sense of a verb, checked against its objects."""
    if tok.pos_ == "ADJ" and any(c.dep_ == "cop" for c in tok.children):
        keys = [f"être {tok.lemma_.lower()}"]  # "Israël est opposé à …"
    elif tok.pos_ == "VERB" or (
        tok.pos_ == "ADJ" and any(c.dep_ == "aux:tense" for c in tok.children)
    ):
        keys = verb_keys(tok)
    else:
        return None
    objects = object_lemmas(tok)
    for key in keys:
        for sense in verb_senses().get(key, []):
            if sense.fits(objects):
                return sense
    return None


def noun_sense(tok: Token) -> Sense | None:
    """The lexicon sense of an event noun, checked against its noun modifiers."""
    if tok.pos_ != "NOUN":
        return None
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("nmod", "amod")}
    if mods & _HYPOTHETICAL or _anaphoric(tok):
        return None
    # "manoeuvre" and "manœuvre" are both current spellings.
    for sense in noun_senses().get(tok.lemma_.lower().replace("oe", "œ"), []) or noun_senses().get(
        tok.lemma_.lower(), []
    ):
        if sense.fits(mods):
            return sense
    return None


def _anaphoric(noun: Token) -> bool:
    """ "ces accusations", "cette décision": a noun that points back to an event already told."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    return any(c.lemma_.lower() in ("ce", "cet", "cette", "ces") for c in dets)


def embedded_trigger(tok: Token) -> Sense | None:
    """The sense of the act a verb embeds ("menacer de *suspendre*"), for its mode."""
    for child in tok.children:
        if child.dep_ in _EMBEDDING:
            sense = verb_sense(child)
            if sense:
                return sense
            for grand in child.children:
                if grand.dep_ in _EMBEDDING and (sense := verb_sense(grand)):
                    return sense
    return None


def _is_reported_duty(tok: Token) -> bool:
    """ "La Russie a affirmé que le Soudan *devait* restituer …": a demand by the speaker."""
    if tok.lemma_.lower() != "devoir" or tok.dep_ != "ccomp":
        return False
    return tok.head.lemma_.lower() in SPEECH_VERBS


def _embedded_verb(tok: Token, outer: dict[int, Trigger]) -> bool:
    """Whether a verb trigger is the content of another trigger (xcomp/ccomp chain).

    A conjunct shares the status of the trigger it is coordinated with ("prêt à pardonner
    et à se ranger"), and "contraindre X à quitter" counts even when the parser reads the
    infinitive as an adverbial clause.
    """
    if tok.dep_ == "conj" and tok.head.i in outer and tok.head is not tok:
        return _embedded_verb(tok.head, outer)
    node = tok
    embedded = False
    for _ in range(4):
        if not (node.dep_ in (*_EMBEDDING, "conj") or is_infinitive_complement(node)):
            return False
        if node.head is node:
            return False
        embedded = embedded or node.dep_ in _EMBEDDING or is_infinitive_complement(node)
        node = node.head
        if node.i in outer and embedded:
            return True
        if node.lemma_.lower() == "devoir" and node.head.i in outer:
            return True
    return False


def is_infinitive_complement(tok: Token) -> bool:
    """ "contraint X *à quitter*": an infinitive with "à"/"de" that the parser hung as advcl."""
    if tok.dep_ != "advcl" or "Inf" not in tok.morph.get("VerbForm", []):
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("à", "de", "d'") for c in tok.children)


def _free_noun(tok: Token, outer: dict[int, Trigger], nouns: dict[int, Trigger]) -> bool:
    """Whether an event noun stands as the main event of its clause."""
    node = tok
    for _ in range(3):
        head = node.head
        if head is node:
            return True
        if head.i in outer or head.i in nouns:
            return False
        if head.pos_ in ("VERB", "AUX"):
            if node is not tok and node.lemma_.lower() not in _COUNTERS:
                return False  # "disposait de millions de dollars de dons": background
            background = _under_trigger(head, outer) or is_genitive_relative(head)
            # "pour qu'il cesse ses attaques": a noun inside a purpose clause is its content.
            return not (background or is_purpose(head)) and (
                node.dep_ in ("obj", "nsubj", "obl:arg")
                or (node.dep_.startswith("obl") and _case(node) in _NOUN_PREPS)
                or _purpose_of_stay(node, nouns.get(tok.i))
            )
        if node.dep_ not in ("nmod", "appos"):
            return False
        if node is not tok and node.lemma_.lower() not in _CONTAINERS:
            return False  # "le Comité sur les violations du cessez-le-feu": a name, no event
        node = head
    return False


def _purpose_of_stay(node: Token, trigger: Trigger | None) -> bool:
    """ "arrivé à Beyrouth *pour une visite*", "sont *en grève*": talks and visits after
    "pour", strikes and alerts after "en", are the event of the clause."""
    if trigger is None or not node.dep_.startswith("obl"):
        return False
    if node.i != trigger.token.i and node.lemma_.lower() != "état":  # "en état d'alerte"
        return False
    case = _case(node)
    return (case == "pour" and trigger.sense.event == "CONSULT") or (
        case == "en" and trigger.sense.event in ("PROTEST", "MOBILIZE")
    )


def _under_trigger(verb: Token, outer: dict[int, Trigger]) -> bool:
    """Whether a verb sits inside the content of a trigger ("a refusé de … apporter une aide")."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head is node:
            return False
        node = node.head
        if node.i in outer:
            return True
    return False


def _case(tok: Token) -> str:
    case = [c.lower_ for c in tok.children if c.dep_ == "case"]
    return case[0] if case else ""
