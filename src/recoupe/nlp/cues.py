"""Reporting cues in a parsed French sentence: the speech verb, its phrase and its subject.

Helpers over spaCy tokens shared by the quote finders. The parser of a small French model
often attaches incises and inverted subjects loosely, so each helper combines the
dependency parse with a short token window as a fallback.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recoupe.nlp.lexicon import PRONOUNS, SPEECH_VERBS

_NEGATORS = frozenset({"ne", "n'", "n’"})
_NEG_ADVERBS = frozenset({"pas", "jamais", "guère", "nullement", "point"})
_CLITICS = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"})
_AUX_DEPS = ("aux:tense", "aux:pass", "aux", "expl:comp", "expl:pv", "expl:subj")
_SUBJ_DEPS = ("nsubj", "nsubj:pass")
_CLIMB = ("conj", "xcomp", "advcl", "acl")
_STOP_SUBJ = frozenset({"qui", "que", "qu'", "qu’", "dont", "lors", "lorsque", "alors", "dans"})
_TIME_WORDS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui soir matin "
    "encore également aussi ainsi ensuite enfin alors déjà récemment auparavant".split()
)


def lemma(tok: Token) -> str:
    """The verb lemma, with a fallback for participles the lemmatizer leaves unchanged."""
    lem = tok.lemma_.lower()
    if lem in SPEECH_VERBS:
        return lem
    low = tok.lower_
    for ending in ("ées", "és", "ée", "é"):
        if low.endswith(ending) and low[: -len(ending)] + "er" in SPEECH_VERBS:
            return low[: -len(ending)] + "er"
    return lem


def is_cue_verb(tok: Token) -> bool:
    """A speech verb used as a verb and not negated."""
    return tok.pos_ in ("VERB", "AUX") and lemma(tok) in SPEECH_VERBS and not negated(tok)


def negated(verb: Token) -> bool:
    """``verb`` (or its auxiliary) carries "ne … pas/jamais"."""
    window = verb.doc[max(verb.i - 4, 0) : verb.i + 2]
    has_ne = any(t.lower_ in _NEGATORS for t in window)
    has_adv = any(t.lower_ in _NEG_ADVERBS for t in window)
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
    if incise:
        after = _inverted_subject(verb)
        if after is not None:
            return after
    parsed = _parsed_subject(verb)
    if parsed is not None and not (incise and parsed.start < verb.i):
        return parsed
    return None if incise else _name_before(verb)


def _parsed_subject(verb: Token) -> Span | None:
    head = verb
    for _ in range(3):
        for child in head.children:
            if child.dep_ in _SUBJ_DEPS:
                if child.lower_ == "qui" and head.dep_.startswith("acl") and head.head != head:
                    return _noun_phrase(head.head)
                return _noun_phrase(child)
        if head.dep_ in _CLIMB and head.head != head:
            head = head.head
        else:
            break
    return None


def _name_before(verb: Token) -> Span | None:
    """The last person or organisation named earlier in the sentence."""
    sent = verb.sent
    names = [e for e in verb.doc.ents if sent.start <= e.start and e.end <= verb.i and e.label_ in ("PER", "ORG")]
    return names[-1] if names else None


def _noun_phrase(head: Token) -> Span:
    """The subtree of ``head`` cut before relative clauses and kept short."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for tok in doc[head.i + 1 : end]:
        if tok.lower_ in _STOP_SUBJ or tok.pos_ == "VERB" or tok.text in ",;:(":
            if not _apposition_name(tok):
                end = tok.i
                break
    start = max(start, head.i - 8)
    end = min(end, head.i + 12)
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end - head.i < 14:
        end += 1
    return doc[start:end]


def _apposition_name(tok: Token) -> bool:
    """A comma that introduces a name in apposition ("le porte-parole, John Kirby")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.text == "," and nxt is not None and nxt.ent_type_ == "PER"


def _inverted_subject(verb: Token) -> Span | None:
    """Tokens after an incise verb up to the next punctuation ("a ajouté le porte-parole")."""
    doc = verb.doc
    i = cue_tokens(verb)[1]
    while i < len(doc) and (doc[i].lower_ in _TIME_WORDS or doc[i].pos_ == "ADV"):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("DET", "NOUN", "PROPN", "PRON", "ADJ"):
        return None
    if doc[i].lower_ in ("que", "qu'", "qu’", "de", "d'", "d’", "à"):
        return None
    end = i
    while end < len(doc) and end - i < 14 and not doc[end].is_punct and doc[end].pos_ != "VERB":
        if doc[end].is_sent_start and end > i:
            break
        end += 1
    while end < len(doc) and doc[end].text == "," and _apposition_name(doc[end]):
        end += 1
        while end < len(doc) and doc[end].ent_type_ == "PER":
            end += 1
    return doc[i:end] if end > i else None


def cue_verbs(doc: Doc) -> list[Token]:
    """All non-negated speech verbs of ``doc``."""
    return [t for t in doc if is_cue_verb(t)]
