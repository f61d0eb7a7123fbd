"""Sentences with their offsets, and the stemmed French tokens the narrate stage compares.

Sentence boundaries follow the same rule as :mod:`recoupe.nlp.segment` (a line break, or
final punctuation followed by a capital, a digit or an opening quote) but without spaCy: the
narrate stage only needs spans, and loading a parser for that would cost seconds per run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

import numpy as np
import snowballstemmer
from spacy.lang.fr.stop_words import STOP_WORDS

__all__ = [
    "claim_similarity",
    "content_tokens",
    "fold",
    "name_tokens",
    "said_tokens",
    "said_words",
    "sentence_spans",
    "stem_tokens",
    "words",
]

#: The gap after a sentence: final punctuation (and closing quotes, perhaps after a space, as
#: French typography has it) then a capital, a digit or an opening quote; or a line break.
_BOUNDARY = re.compile(
    r"[.!?…](?:\s?[»”\"')])*(?P<gap>\s+)(?=[«“\"(\-—–]?\s*[A-ZÀ-ÝÉÈ0-9])|(?P<nl>\n+)"
)
_WORD = re.compile(r"\w+(?:[-’']\w+)*", re.UNICODE)
#: Abbreviations after which a full stop does not end a sentence ("M. Kirby").
_ABBREV = re.compile(r"(?:\b(?:M|Mme|Mgr|Dr|St|av|J\.-C|etc|p|cf|n°)|\b[A-Z])\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``; ``text[start:end]`` is stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        gap = m.start("gap") if m.group("gap") is not None else m.start("nl")
        if m.group("nl") is None and _ABBREV.search(text[max(0, m.start() - 6) : m.start() + 1]):
            continue
        spans.append((start, gap))
        start = m.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits; elided articles kept with their word)."""
    return _WORD.findall(text)


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    name = {"fr": "french", "en": "english"}.get(language, "french")
    return snowballstemmer.stemmer(name)


def _split_elision(word: str) -> str:
    # "l'armée" and "d’Alep" compare as "armée" and "Alep".
    return re.sub(r"^\w{1,2}['’]", "", word)


def stem_tokens(text: str, language: str = "fr") -> list[str]:
    """Lower-cased, de-elided, snowball-stemmed words of ``text`` (stop words kept)."""
    stem = _stemmer(language)
    return [stem.stemWord(_split_elision(w.lower())) for w in words(text)]


def fold(word: str) -> str:
    """``word`` without accents: outlets disagree on capitals' accents ("Etat" / "État")."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def content_tokens(text: str, language: str = "fr") -> list[str]:
    """Stemmed, accent-folded words of ``text`` without stop words (the vocabulary of
    similarity)."""
    stem = _stemmer(language)
    out: list[str] = []
    for w in words(text):
        low = _split_elision(w.lower())
        if low in STOP_WORDS or len(low) < 2:
            continue
        out.append(fold(stem.stemWord(low)))
    return out


def said_tokens(text: str, language: str = "fr") -> list[str]:
    """:func:`content_tokens` of ``text`` without its capitalised names: what a sentence says,
    apart from who it names (which :func:`claim_similarity` weighs on its own)."""
    return [stem for stem, _ in said_words(text, language)]


def said_words(text: str, language: str = "fr") -> list[tuple[str, str]]:
    """:func:`said_tokens` of ``text`` each with the word it comes from (lower-cased,
    de-elided, accents kept): the stem is what TF-IDF counts, the word what a word-vector
    table is looked up with (vectors are keyed by words, not stems)."""
    stem = _stemmer(language)
    names = {fold(stem.stemWord(n)) for n in name_tokens(text)}
    out: list[tuple[str, str]] = []
    for w in words(text):
        low = _split_elision(w.lower())
        if low in STOP_WORDS or len(low) < 2:
            continue
        token = fold(stem.stemWord(low))
        if token not in names:
            out.append((token, low))
    return out


def name_tokens(text: str) -> frozenset[str]:
    """Capitalised words after the first one, folded and lower-cased: a cheap stand-in for
    named entities when the ``nlp`` stage's mentions are not at hand."""
    out = set()
    for w in words(text)[1:]:
        bare = _split_elision(w)
        if bare[:1].isupper() and bare.lower() not in STOP_WORDS:
            out.add(fold(bare.lower()))
    return frozenset(out)


#: Weight of the overlap of cited names in :func:`claim_similarity`.
NAME_WEIGHT = 0.3
#: Word cosine from which shared names count in full in :func:`claim_similarity`.
NAME_CONFIRMS = 0.3


def claim_similarity(
    cosine: np.ndarray, names: Sequence[frozenset[str]], confirm: np.ndarray | None = None
) -> np.ndarray:
    """How far two sentences make the same claim: ``0.7 * cosine + 0.3 * Jaccard(names)``.

    ``cosine`` is the sentences' word similarity in [0, 1]: their TF-IDF cosine matrix, or
    (in :mod:`recoupe.narrate.compare`) its blend with word-vector matching; ``names`` the
    names each cites (:func:`name_tokens` or the ``nlp`` stage's entity keys). Lexical
    overlap alone misses paraphrases of the same wire story; the people and places named are
    what they keep. Names confirm a word match but do not make one: below a ``cosine`` of
    :data:`NAME_CONFIRMS` their weight shrinks in proportion, so that two sentences citing
    the same prosecutor about different things ("a requis trois ans", "le préjudice dépasse
    1,5 million") are not one claim. ``confirm`` is the word similarity that gates names
    (``cosine`` itself by default).
    """
    n = len(names)
    jac = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            union = names[i] | names[j]
            if union:
                jac[i, j] = jac[j, i] = len(names[i] & names[j]) / len(union)
    np.fill_diagonal(jac, 1.0)
    gate = cosine if confirm is None else confirm
    confirmed = jac * np.minimum(1.0, gate / NAME_CONFIRMS)
    return (1 - NAME_WEIGHT) * cosine + NAME_WEIGHT * confirmed
