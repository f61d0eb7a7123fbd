"""Dependency-parse helpers for event coding: keys, subjects, objects, modality, negation.

All functions read a spaCy French parse (Universal Dependencies labels as produced by
``fr_core_news_md``: ``nsubj``, ``nsubj:pass``, ``obl:agent``, ``obj``, ``obl:arg``,
``xcomp``, ``ccomp``, ``expl:comp`` for reflexive "se" …).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from recoupe.nlp.plover.lexicon import NEGATORS, PLAN_VERBS, READY_WORDS, SPEECH_VERBS

Modality = Literal["plan", "future", "conditional"] | None

#: Prepositions that introduce the target of an act ("avec la Russie", "contre Moscou").
TARGET_PREPS: frozenset[str] = frozenset(
    ["à", "au", "aux", "avec", "contre", "envers", "vers", "auprès", "en", "sur", "entre"]
)

#: Verbs whose object, not subject, performs their infinitive ("exhorter X à …").
OBJECT_CONTROL: frozenset[str] = frozenset(
    [
        "exhorter",
        "appeler",
        "inviter",
        "pousser",
        "aider",
        "autoriser",
        "contraindre",
        "ordonner",
        "obliger",
        "forcer",
        "sommer",
        "encourager",
        "enjoindre",
        "presser",
    ]
)

_PERSONAL = frozenset(["il", "elle", "ils", "elles", "lui", "eux", "on"])
_RELATIVE = frozenset(["qui", "lequel", "laquelle", "lesquels", "lesquelles"])
_DESTINATIONS = frozenset(["à", "au", "aux", "en", "chez"])
_REFLEXIVE = frozenset(["se", "s'", "s’"])
_SUBJECTS = ("nsubj", "nsubj:pass")


def verb_keys(tok: Token) -> list[str]:
    """Lexicon keys of a verb, most specific first.

    Reflexives ("se rendre"), locutions made of the verb and a complement ("mettre en garde",
    "porter plainte", "opposer son veto" → "opposer veto"), causatives ("faire sauter") and
    adjectival participles ("être opposé"), then the bare lemma.
    """
    lemma = verb_lemma(tok)
    bases = [lemma]
    if any(c.lower_ in _REFLEXIVE and c.dep_.startswith(("expl", "obj")) for c in tok.children):
        bases = [f"se {lemma}", f"s'{lemma}", lemma]
    keys = [f"{base} {rest}" for base in bases for rest in locution_parts(tok)] + bases[:-1]
    if any(c.lemma_.lower() == "faire" and c.dep_ in _CAUSATIVE for c in tok.children):
        keys.append(f"faire {lemma}")  # "ont fait sauter": the causative is the auxiliary
    if any(c.dep_ == "aux:pass" for c in tok.children):
        keys.append(f"être {lemma}")  # "est opposé à": an adjectival participle
    return [*keys, lemma]


def verb_lemma(tok: Token) -> str:
    """The infinitive of a verb, also when the tagger took its participle for an adjective
    ("ont gelé les avoirs": ADJ "gelé" with an auxiliary → "geler")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "ADJ" or not any(c.dep_ == "aux:tense" for c in tok.children):
        return lemma
    for ending in ("ées", "és", "ée", "é"):
        if lemma.endswith(ending):
            return lemma[: -len(ending)] + "er"
    return lemma


#: How the parser attaches the "faire" of a causative ("s'est fait exploser").
_CAUSATIVE = frozenset(["aux:caus", "dep", "aux", "aux:tense"])

#: Dependencies of the complement that completes a verbal locution.
_LOCUTION_DEPS = frozenset(["obj", "obl:arg", "obl", "obl:mod", "xcomp", "iobj"])


def locution_parts(tok: Token) -> list[str]:
    """The complements that may complete a locution with ``tok``, as "en garde", "plainte"."""
    out: list[str] = []
    for child in tok.children:
        if child.dep_ not in _LOCUTION_DEPS or child.pos_ not in ("NOUN", "ADJ", "VERB"):
            continue
        noun = child.lemma_.lower()
        prep = preposition(child)
        if prep:
            out.append(f"{prep}{noun}" if prep.endswith("'") else f"{prep} {noun}")
        out.append(noun)
    return out


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the trigger's objects and of their first noun modifiers."""
    out: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "obl:agent", "nsubj:pass", "xcomp"):
            out.add(child.lemma_.lower())
            if child.dep_ == "obj" and child.pos_ == "PROPN":
                out.add("<name>")
            if child.dep_.startswith("obl"):
                out.add(preposition(child))  # "marcher sur …"
            mods = [g for g in child.children if g.dep_ in ("nmod", "amod", "compound")]
            out |= {g.lemma_.lower() for g in mods}
            if child.dep_.startswith("obl") and preposition(child) in _DESTINATIONS:
                out.add("<dest>")
    if any(preposition(n) in _DESTINATIONS for n in hoisted_obliques(tok)):
        out.add("<dest>")
    stray = stray_object(tok)
    if stray is not None:
        out.add(stray.lemma_.lower())
    return out


_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

#: Time nouns the parser hangs the next complement on ("se rendra la semaine prochaine
#: *en Inde*").
_TIME_NOUNS = frozenset(
    [
        "semaine",
        "mois",
        "jour",
        "année",
        "an",
        "week-end",
        "matin",
        "soir",
        "nuit",
        "veille",
        "lendemain",
        "fin",
        "début",
        *_DAYS,
    ]
)


def hoisted_obliques(verb: Token) -> list[Token]:
    """Complements the parser attached to a time phrase instead of the verb."""
    times = [
        c for c in verb.children if c.dep_.startswith("obl") and c.lemma_.lower() in _TIME_NOUNS
    ]
    return [g for t in times for g in t.children if g.dep_ == "nmod" and preposition(g)]


#: Words the parser takes for the object when a date sits between verb and object.
_TIME_WORDS = frozenset([*_DAYS, "hier", "veille"])


def stray_object(verb: Token) -> Token | None:
    """ "a levé vendredi le blocus": with no object of its own, the verb's object is the
    bare noun phrase that follows a day name (the parser often hangs it elsewhere)."""
    if verb.pos_ != "VERB" or any(c.dep_ == "obj" for c in verb.children):
        return None
    doc, i = verb.doc, verb.i + 1
    while i < min(len(doc), verb.i + 4) and (doc[i].lower_ in _TIME_WORDS or doc[i].pos_ == "ADV"):
        i += 1
    if i == verb.i + 1 or i + 1 >= len(doc) or doc[i].pos_ != "DET":
        return None
    noun = doc[i + 1]
    return noun if noun.pos_ == "NOUN" and noun.head is not verb else None


def children(tok: Token, *deps: str) -> list[Token]:
    """Children of ``tok`` with one of these dependency labels (prefix match on subtypes)."""
    return [c for c in tok.children if c.dep_ in deps or c.dep_.split(":")[0] in deps]


def preposition(tok: Token) -> str:
    """The preposition introducing a nominal ("avec" for "avec la Russie"), or ""."""
    case = [c.lower_ for c in tok.children if c.dep_ == "case"]
    return case[0] if case else ""


def is_passive(tok: Token) -> bool:
    """Whether a verb is in the passive voice ("a été suspendu", not "sont convenus")."""
    if tok.lemma_.lower() in _ETRE_VERBS and not any(c.dep_ == "obl:agent" for c in tok.children):
        return False
    return any(c.dep_ == "aux:pass" for c in tok.children)


#: Verbs conjugated with "être" that the parser mistakes for passives ("sont convenus").
_ETRE_VERBS = frozenset(
    [
        "convenir",
        "parvenir",
        "revenir",
        "venir",
        "arriver",
        "partir",
        "rester",
        "entrer",
        "retourner",
        "devenir",
        "intervenir",
        "aller",
        "opposer",
    ]
)


def subject(tok: Token) -> Token | None:
    """The subject of a verb, climbing control, coordination and participial clauses."""
    for _ in range(6):
        own = [c for c in tok.children if c.dep_ == "nsubj"]
        if not own and not is_passive(tok):
            own = [c for c in tok.children if c.dep_ == "nsubj:pass"]
        if own:
            return resolve_pronoun(own[0], tok)
        if tok.dep_ == "acl:relcl":
            return tok.head
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OBJECT_CONTROL:
            objs = children(tok.head, "obj")
            return objs[0] if objs else None
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acl", "ccomp") or tok.head is tok:
            return None
        if tok.dep_ == "conj" and is_passive(tok.head):
            # "X a été inculpé … et va démissionner": the passive subject acts in the conjunct.
            passive = [c for c in tok.head.children if c.dep_ == "nsubj:pass"]
            return passive[0] if passive else None
        if (
            tok.dep_ in ("advcl", "ccomp", "acl")
            and "Part" not in tok.morph.get("VerbForm", [])
            and "Inf" not in tok.morph.get("VerbForm", [])
        ):
            return None
        tok = tok.head
    return None


def resolve_pronoun(subj: Token, verb: Token) -> Token | None:
    """Replace a pronoun subject by the noun it stands for, when the parse shows it."""
    low = subj.lower_
    if low in ("nous", "je", "j'"):
        return quoted_speaker(verb)
    if low in _RELATIVE:
        return verb.head if verb.dep_ == "acl:relcl" else None
    if low not in _PERSONAL:
        return subj
    head = verb.head
    # "X a annoncé qu'il …": the pronoun refers back to the subject of the framing clause.
    if head is not verb and verb.dep_ in ("ccomp", "advcl", "xcomp", "conj"):
        return subject(head)
    # "a déclaré mercredi qu'ils …" is often parsed as a relative clause on the day noun.
    if verb.dep_ == "acl:relcl" and head.head.pos_ == "VERB" and head.head is not head:
        return subject(head.head)
    return None


def quoted_speaker(verb: Token) -> Token | None:
    """The speaker of a quoted clause ("« Nous ne livrerons pas », a déclaré X" → X)."""
    root = verb
    while root.head is not root and root.dep_ in ("ccomp", "xcomp", "conj"):
        root = root.head
    for node in (root, *root.children):
        if node.lemma_.lower() in SPEECH_VERBS and node is not verb:
            # Inverted subjects after the verb are often parsed as objects ("a déclaré X").
            found = [
                c for c in node.children if c.dep_ == "nsubj" or (c.dep_ == "obj" and c.i > node.i)
            ]
            if found:
                return found[0]
    return None


def modality(tok: Token) -> Modality:
    """Whether an act is only planned ("s'apprête à"), future or conditional.

    A conjunct with no mood of its own takes its first conjunct's ("va rencontrer X et
    signer", "prêt à pardonner et à se ranger").
    """
    own = _own_modality(tok)
    if own is None and tok.dep_ == "conj" and tok.head is not tok and not _finite(tok):
        return _own_modality(tok.head)
    return own


def _finite(tok: Token) -> bool:
    """Whether a verb carries its own tense (itself or through an auxiliary)."""
    forms = [tok, *[c for c in tok.children if c.dep_.startswith("aux")]]
    return any("Fin" in t.morph.get("VerbForm", []) for t in forms)


def _own_modality(tok: Token) -> Modality:
    frame = tok.head.lemma_.lower() if tok.dep_ == "xcomp" else ""
    if frame in PLAN_VERBS or frame in READY_WORDS:
        return "plan"
    if frame == "aller":
        return "future"
    if frame in ("pouvoir", "devoir") and _mood(tok.head) == "Cnd":
        return "conditional"
    if any(c.lemma_.lower() == "aller" and c.dep_.startswith("aux") for c in tok.children):
        return "future"
    mood = _mood(tok)
    if mood == "Cnd":
        return "conditional"
    if mood == "Fut":
        return "future"
    return None


def _mood(tok: Token) -> str | None:
    """ "Cnd" or "Fut" when the verb or one of its auxiliaries is conditional or future."""
    for t in [tok, *[c for c in tok.children if c.dep_.startswith("aux")]]:
        if "Cnd" in t.morph.get("Mood", []):
            return "Cnd"
        if "Fut" in t.morph.get("Tense", []):
            return "Fut"
        # The tagger often reads conditionals as imperfects ("retirerait"): trust the ending.
        low = t.lower_
        if t.pos_ in ("VERB", "AUX") and low.endswith(_CONDITIONAL_ENDINGS):
            return "Cnd"
        if t.pos_ in ("VERB", "AUX") and low.endswith(_FUTURE_ENDINGS) and len(low) > 5:
            return "Fut"
    return None


_CONDITIONAL_ENDINGS = ("rait", "raient", "rais", "rions", "riez")
_FUTURE_ENDINGS = ("rons", "ront", "rez", "era", "ira", "dra", "ura", "vra", "ora")


def is_negated(tok: Token) -> bool:
    """Whether the verb, its auxiliary or its object carries a negation ("n'a pas", "aucune")."""
    for child in tok.children:
        if child.lower_ in NEGATORS and child.dep_ in ("advmod", "advmod:neg", "det", "cc"):
            return True
        if child.dep_ in ("obj",) and any(g.lower_ in ("aucun", "aucune") for g in child.children):
            return True
    return False
