"""Reporting cues in a parsed French sentence: the speech verb, its phrase and its subject.

Helpers over spaCy tokens shared by the quote finders. The parser of a small French model
often attaches incises and inverted subjects loosely, so each helper combines the
dependency parse with a short token window as a fallback.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.nlp import docindex
from recoupe.nlp.lexicon import AMBIGUOUS_VERBS, PRONOUNS, SPEECH_VERBS

_NEGATORS = frozenset({"ne", "n'", "n’"})
_NEG_ADVERBS = frozenset({"pas", "jamais", "guère", "nullement", "point"})
_CLITICS = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"})
_AUX_DEPS = ("aux:tense", "aux:pass", "aux", "expl:comp", "expl:pv", "expl:subj")
_SUBJ_DEPS = ("nsubj", "nsubj:pass")
_CLIMB = ("conj", "xcomp", "advcl", "acl")
#: Clitics a small parser sometimes takes for subjects ("X en a appelé à …").
_NOT_SUBJECTS = frozenset({"en", "y", "se", "s'", "s’"})
_NOMINAL = ("NOUN", "PROPN")
_VIA = ("par la voix", "par l' intermédiaire", "par l'intermédiaire")
_STOP_SUBJ = frozenset({"qui", "que", "qu'", "qu’", "dont", "lors", "lorsque", "alors", "dans"})
TIME_WORDS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "hier",
        "aujourd'hui",
        "soir",
        "matin",
        "encore",
        "également",
        "aussi",
        "ainsi",
        "ensuite",
        "enfin",
        "alors",
        "déjà",
        "récemment",
        "auparavant",
    ]
)


def lemma(tok: Token) -> str:
    """The verb lemma, with a fallback for participles the lemmatizer leaves unchanged."""
    lem = tok.lemma_.lower()
    if lem in SPEECH_VERBS:
        return lem
    low = tok.lower_
    if low.endswith("e") and low + "r" in SPEECH_VERBS:
        return low + "r"  # "indique" tagged as a noun: the present of "indiquer"
    for ending in ("eraient", "erait", "era", "aient", "ait", "èrent", "ées", "és", "ée", "é"):
        if low.endswith(ending) and low[: -len(ending)] + "er" in SPEECH_VERBS:
            return low[: -len(ending)] + "er"
    return lem


def is_cue_verb(tok: Token) -> bool:
    """A non-negated speech verb used actively (not an adjectival or passive participle)."""
    if _phrasal_speech(tok):
        return not negated(tok)
    if lemma(tok) not in SPEECH_VERBS or negated(tok):
        return False
    if _before_clitic(tok):
        return True  # "dit-elle", "a-t-il ajouté": a word before a subject clitic is a verb
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", []):
        return _has_auxiliary(tok)
    return True


#: "faire part de", "faire savoir que", "faire valoir que": speech through *faire*.
_FAIRE_PHRASES = frozenset({"part", "savoir", "valoir", "remarquer", "observer"})


def _phrasal_speech(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lemma_ == "faire" and nxt is not None and nxt.lower_ in _FAIRE_PHRASES


def _before_clitic(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in _CLITICS | {"-t"}


def _has_auxiliary(part: Token) -> bool:
    """A past participle in a compound tense ("a déclaré", "a-t-il dit", "avait alors affirmé")."""
    for tok in reversed(part.doc[max(part.i - 5, 0) : part.i]):
        if (tok.is_punct and tok.text != "-") or tok.lower_ == "été":
            return False
        if tok.pos_ == "AUX" or tok.lemma_ in ("avoir", "être"):
            return True
    return False


def present_participle(tok: Token) -> bool:
    """ "évoquant", "soulignant": a participle hangs on a clause, it never opens an incise.

    The morphology decides; a verb in "-ant" that the tagger left without one is a
    participle too (no finite French verb form ends so)."""
    form = tok.morph.get("VerbForm", [])
    if form:
        return "Part" in form and "Pres" in tok.morph.get("Tense", [])
    return tok.pos_ == "VERB" and tok.lower_.endswith("ant")


def is_ambiguous(tok: Token) -> bool:
    """A speech verb with a common non-speech sense, trusted only in strong patterns."""
    return lemma(tok) in AMBIGUOUS_VERBS


def negated(verb: Token) -> bool:
    """``verb`` (or its auxiliary) carries "ne … pas/jamais"."""
    window = verb.doc[max(verb.i - 4, 0) : verb.i + 2]
    has_ne = any(t.lower_ in _NEGATORS for t in window)
    has_adv = any(t.lower_ in _NEG_ADVERBS for t in window)
    between = [t for t in window if t.i < verb.i and t.pos_ == "VERB"]
    if between and any(t.lower_ in _NEG_ADVERBS and t.i < between[-1].i for t in window):
        return False  # "n'a pas manqué de saluer": the negation bears on another verb
    return has_ne and has_adv


def cue_tokens(verb: Token) -> tuple[int, int]:
    """Token range (start, end) of the cue phrase: auxiliaries, clitics and the verb."""
    start = verb.i
    for child in verb.children:
        if child.i < verb.i and child.dep_ in _AUX_DEPS and verb.i - child.i <= 5:
            start = min(start, child.i)
    end = verb.i + 1
    doc = verb.doc
    while end < len(doc) and doc[end].lower_ in _CLITICS | {"-t"}:
        end += 1
    return start, end


def clitic_subject(verb: Token) -> Token | None:
    """The inverted clitic subject of an incise ("a-t-il déclaré", "explique-t-elle")."""
    start, end = cue_tokens(verb)
    for tok in verb.doc[start:end]:
        if tok.lower_.lstrip("-t").lstrip("-") in PRONOUNS and tok.text.startswith("-"):
            return tok
    return None


def subject_span(verb: Token, incise: bool = False) -> Span | None:
    """The subject noun phrase of ``verb``.

    In an incise ("», a déclaré X" / "a-t-il dit") the subject is the clitic or follows the
    verb; elsewhere it is the parsed subject (climbing to the governing verb for
    participles, gerunds and coordinated verbs), else the nearest name before the verb.
    """
    clitic = clitic_subject(verb)
    if clitic is not None:
        return verb.doc[clitic.i : clitic.i + 1]
    gerund = _gerund_subject(verb)
    if gerund is not None:
        return gerund
    voice = _voice_of(verb)
    if voice is not None:
        return voice
    if incise:
        after = _inverted_subject(verb)
        if after is not None:
            return after
    parsed = _parsed_subject(verb)
    if parsed is not None and not (incise and parsed.start < verb.i):
        return parsed
    if incise:
        return None
    return _sentence_subject(verb) or _name_before(verb)


def _voice_of(verb: Token) -> Span | None:
    """ "Le ministère assure, par la voix de son porte-parole, X, que …": a named person
    who speaks for the subject is the speaker."""
    doc = verb.doc
    after = doc[verb.i + 1 : min(verb.i + 6, len(doc))]
    words = " ".join(t.lower_ for t in after).replace("’", "'")
    if not any(f"{via} {of}" in words for via in _VIA for of in ("de", "d'", "du")):
        return None
    for ent in doc.ents:
        if ent.label_ == "PER" and verb.i < ent.start <= verb.i + 12:
            return ent
    return None


def _gerund_subject(verb: Token) -> Span | None:
    """ "…, a estimé le maire, en soulignant que …" / "a ajouté X soulignant que …": a
    present participle's subject is the speaker of the verb it hangs on."""
    if not present_participle(verb):
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "a ajouté l'ex-otage soulignant …": the noun is the incise's misparsed subject
        misparsed = head.dep_ in ("obj", "nsubj") and is_cue_verb(head.head)
        return _noun_phrase(head) if misparsed else None
    if verb.dep_ not in ("advcl", "conj") or head.pos_ not in ("VERB", "AUX"):
        return None
    start = cue_tokens(head)[0]
    incise = start > 0 and head.doc[start - 1].text == "," and is_cue_verb(head)
    return _inverted_subject(head) if incise else None


def preposed_subject(verb: Token) -> bool:
    """The verb has its own subject before it: it heads a clause, it is not an incise."""
    return any(c.dep_ in _SUBJ_DEPS and c.i < verb.i and c.pos_ != "PRON" for c in verb.children)


def _parsed_subject(verb: Token) -> Span | None:
    head = verb
    for _ in range(3):
        for child in head.children:
            if child.dep_ in _SUBJ_DEPS and child.lower_ not in _NOT_SUBJECTS:
                if _has_preposition(child):
                    continue  # "À l'issue de l'entretien, …": an adjunct the parser took
                if child.lower_ == "qui" and head.dep_.startswith("acl") and head.head != head:
                    return _noun_phrase(head.head)
                if child.pos_ in ("ADJ", "ADV", "VERB"):
                    return None  # "Soucieux de …, X a dit": a misparsed adjunct
                return _noun_phrase(child)
        if head.dep_ in _CLIMB and head.head != head:
            head = head.head
        else:
            break
    return None


def _has_preposition(noun: Token) -> bool:
    """A French subject takes no preposition: a noun with one is a misparsed adjunct.

    The preposition may be the noun's own ``case`` child or, when the parser attached it
    elsewhere ("A l'issue d'un entretien, X et Y ont déclaré": "A" hangs on the verb), the
    word just before the noun's phrase.
    """
    if noun.pos_ not in _NOMINAL:
        return False
    if any(c.dep_ == "case" and c.i < noun.i for c in noun.children):
        return True
    before = noun.left_edge.i - 1
    return before >= 0 and noun.doc[before].pos_ == "ADP" and not noun.doc[before].is_sent_end


def _sentence_subject(verb: Token) -> Span | None:
    """ "X, poursuivie aussi pour …, nie avoir … et dit avoir …": a verb the parser left
    without a subject shares the sentence's subject when no other subject comes between."""
    sent = docindex.sent_of(verb)
    subjects = [
        t for t in sent
        if t.dep_ in _SUBJ_DEPS and t.i < verb.i and t.lower_ not in _NOT_SUBJECTS
        and not _has_preposition(t)
    ]
    if len(subjects) != 1 or subjects[0].head != sent.root or subjects[0].pos_ not in _NOMINAL:
        return None
    if any(t.lower_ in _STOP_SUBJ for t in sent.doc[subjects[0].i + 1 : verb.i]):
        return None  # a relative or subordinate clause: the subject is not shared
    return _noun_phrase(subjects[0])


def _name_before(verb: Token) -> Span | None:
    """The last person or organisation named earlier in the sentence."""
    sent = docindex.sent_of(verb)
    names = [
        e
        for e in verb.doc.ents
        if sent.start <= e.start
        and e.end <= verb.i
        and e.label_ in ("PER", "ORG")
        and e.text.lower() not in TIME_WORDS
    ]
    return names[-1] if names else None


def _noun_phrase(head: Token) -> Span:
    """The subtree of ``head`` cut before relative clauses and kept short."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for tok in doc[head.i + 1 : end]:
        stop = tok.lower_ in _STOP_SUBJ or tok.pos_ == "VERB" or tok.text in ",;:("
        if stop and not _apposition_name(tok):
            end = tok.i
            break
    start = max(start, head.i - 8)
    end = min(end, head.i + 12)
    if end < len(doc) and _apposition_name(doc[end]):
        end += 1  # the parser often hangs the apposed name elsewhere: take it back
        while end < len(doc) and doc[end].ent_type_ != "PER":
            end += 1
        while end < len(doc) and doc[end].ent_type_ == "PER":
            end += 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end - head.i < 14:
        end += 1
    return doc[start:end]


def _apposition_name(tok: Token) -> bool:
    """A comma that introduces a name in apposition ("le porte-parole, John Kirby"), maybe
    after a title ("Le commandant des forces, le général Jean Roux")."""
    if tok.text != ",":
        return False
    for nxt in tok.doc[tok.i + 1 : tok.i + 4]:
        if nxt.ent_type_ == "PER":
            return True
        if nxt.pos_ not in ("DET", "NOUN", "ADJ"):
            return False
    return False


def _inverted_subject(verb: Token) -> Span | None:
    """Tokens after an incise verb up to the next punctuation ("a ajouté le porte-parole")."""
    doc = verb.doc
    i = cue_tokens(verb)[1]
    while i < len(doc) and (doc[i].lower_ in TIME_WORDS or doc[i].pos_ == "ADV"):
        i += 1
    i = _after_addressee(doc, i)
    if i >= len(doc) or doc[i].pos_ not in ("DET", "NOUN", "PROPN", "PRON", "ADJ"):
        return None
    if doc[i].lower_ in ("que", "qu'", "qu’", "de", "d'", "d’", "à"):
        return None
    end = i
    while end < len(doc) and end - i < 14 and not _ends_phrase(doc[end]):
        if (doc[end].is_sent_start and end > i) or _adjunct(doc[end]):
            break
        end += 1
    end = _role_complement(doc, end)
    while end < len(doc) and doc[end].text == "," and _apposition_name(doc[end]):
        end += 1
        while end < len(doc) and doc[end].ent_type_ == "PER":
            end += 1
    return doc[i:end] if end > i else None


#: Prepositions of a role's field: "le secrétaire au Foreign Office", "la ministre aux Sports".
_FIELD = frozenset({"au", "aux", "à"})


def _role_complement(doc: Doc, end: int) -> int:
    """Where an inverted subject ends once a role's "à" complement is taken in, when a name
    follows it ("a déclaré le secrétaire au Foreign Office, Richard Ashby", "la ministre
    déléguée aux Sports, Claire Sorel"): the name, not the role, is the speaker. Without a
    name after it the "à" phrase stays out: "a déclaré le ministre au Parisien" names the
    paper the minister spoke to."""
    field = end + 1 if end < len(doc) and _modifier_participle(doc[end]) else end
    preps = _FIELD | _OF if field > end else _FIELD  # "la ministre chargée des Sports, X"
    if field >= len(doc) or doc[field].lower_ not in preps:
        return end
    for tok in doc[field + 1 : min(field + 8, len(doc))]:
        if _name_start(tok):
            return _name_end(doc, tok.i)  # "… aux Transports Richard Ashby"
        if tok.text == ",":
            return tok.i if _apposition_name(tok) else end
        if tok.pos_ not in _COMPLEMENT_POS and tok.lower_ not in _OF:
            return end
    return end


_COMPLEMENT_POS = ("DET", "NOUN", "PROPN", "ADJ", "X")


def _name_start(tok: Token) -> bool:
    return tok.ent_iob_ == "B" and tok.ent_type_ == "PER"


def _name_end(doc: Doc, i: int) -> int:
    """The token after the person name starting at ``i``."""
    i += 1
    while i < len(doc) and doc[i].ent_iob_ == "I" and doc[i].ent_type_ == "PER":
        i += 1
    return i


def _after_addressee(doc: Doc, i: int) -> int:
    """Where the inverted subject starts after the one spoken to: "a déclaré à la presse le
    ministre", "a confié au Courrier Paul Morel". Unchanged when no subject follows."""
    if i >= len(doc) or doc[i].lower_ not in _FIELD:
        return i
    seen_noun = False
    for tok in doc[i + 1 : min(i + 7, len(doc))]:
        if seen_noun and (tok.pos_ == "DET" or _name_start(tok)):
            return tok.i
        if tok.pos_ in _NOMINAL:
            seen_noun = True
        elif tok.pos_ not in ("DET", "ADJ"):
            return i
    return i


def _ends_phrase(tok: Token) -> bool:
    """Punctuation (but not a hyphen inside a name) or a verb ends an inverted subject."""
    if tok.text in ("-", "'", "’") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_title:
        return False
    if tok.is_space:
        return "\n" in tok.text  # a no-break space inside "Me\xa0Jean Veil" is not a boundary
    return tok.is_punct or tok.pos_ == "VERB"


def _modifier_participle(tok: Token) -> bool:
    """A past participle right after a noun, without auxiliary: "déléguée", "chargé"."""
    past = "Part" in tok.morph.get("VerbForm", []) and "Past" in tok.morph.get("Tense", [])
    return past and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NOUN" and tok.dep_ == "acl"


def _adjunct(tok: Token) -> bool:
    """A preposition or time word that ends a subject ("… lors d'une conférence")."""
    if tok.lower_ in TIME_WORDS or tok.lower_ in _STOP_SUBJ:
        return True
    return tok.pos_ in ("ADP", "SCONJ") and tok.lower_ not in _OF


_OF = frozenset({"de", "du", "des", "d'", "d’"})


def cue_verbs(doc: Doc) -> list[Token]:
    """All non-negated speech verbs of ``doc``."""
    return [t for t in doc if is_cue_verb(t)]
