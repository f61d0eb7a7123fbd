"""Text features for linking: normalised tokens, cheap French stems, shingles, spaCy lemmas.

The event clusterer must keep up with hundreds of articles a second, so the default features
are computed with plain string operations. spaCy lemmas and entities are better and are used
when the caller provides them (:class:`SpacyAnnotator` computes both in one ``nlp.pipe`` pass).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.lang.fr.stop_words import STOP_WORDS

from recoupe.model import LinkInput

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

#: Stop words without accents, to match normalised tokens; plus a few press words with no topic.
STOPWORDS: frozenset[str] = frozenset(
    {"".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
     for w in STOP_WORDS}
    | {"a", "l", "d", "qu", "s", "n", "j", "m", "c", "t", "y", "selon", "ete", "etait", "fait",
       "dit", "ans", "an", "afp", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
       "dimanche", "hier", "aujourd", "hui", "jour", "jours", "annee", "mois", "semaine", "lire"}
)

# Longest first: the light stemmer strips the first suffix that leaves a stem of 4+ letters.
_SUFFIXES = (
    "issements", "issement", "ements", "ement", "ations", "ation", "atrices", "atrice",
    "ateurs", "ateur", "ances", "ance", "ences", "ence", "ismes", "isme", "istes", "iste",
    "ables", "able", "ibles", "ible", "euses", "euse", "eux", "ites", "ite", "ives", "ive",
    "ifs", "if", "eaux", "eau", "aux", "al", "ales", "ale", "ees", "ee", "es", "er", "ez",
    "ent", "ait", "aient", "ant", "ants", "ante", "antes", "ions", "ion", "s", "x", "e",
)


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics mapped to their base letters (``str.translate`` is C-fast)."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        parts = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in parts if not unicodedata.combining(c))
        if base != char:
            table[code] = base
    table.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae",
                  ord("’"): "'", ord("ß"): "ss"})
    return table


_FOLD = _fold_table()


def strip_accents(text: str) -> str:
    """Lower-case ``text`` and drop the diacritics of Latin letters (``"Élysée"``: ``"elysee"``)."""
    return text.lower().translate(_FOLD)


def tokens(text: str) -> list[str]:
    """Normalised word tokens of ``text`` (letters only, lower case, no accents)."""
    return _WORD.findall(strip_accents(text))


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """A light French stem of a normalised word, in the spirit of Savoy's light stemmer.

    Hand-written because the project has no stemming library and spaCy's lemmatiser (which
    needs the tagger) is too slow for the scale bar; lemmas from ``nlp`` are used when given.
    """
    if len(word) <= 4:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Stems of the non-stop-word tokens of ``text``, in order."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


def shingle_hashes(words: Sequence[str], k: int = 5) -> np.ndarray:
    """32-bit hashes of the overlapping ``k``-word shingles of a token list (unique, sorted).

    Each word is hashed once (CRC-32, the same in every process) and a shingle's hash is a
    polynomial of its words' hashes computed for all shingles at once with NumPy; joining the
    words of every shingle into a string first was the slowest part of the stage.
    """
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    if h.size <= k:
        k = h.size
    n = h.size - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):  # wraps modulo 2**64, then kept to 32 bits: a fixed, portable hash
        acc = acc * np.uint64(1_000_003) + h[j : j + n]
    acc &= np.uint64(0xFFFFFFFF)
    acc.sort()  # then drop repeats: what np.unique returns, at a fraction of its cost here
    return acc[np.concatenate(([True], acc[1:] != acc[:-1]))]


class _HashCache(dict[str, int]):
    """CRC-32 of words, memoised: a plain dict lookup costs less than an ``lru_cache`` call.

    Emptied when it reaches ``limit`` entries, so that an endless stream cannot grow it forever.
    """

    limit = 500_000

    def __missing__(self, word: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORD_HASHES = _HashCache()


def lemma_terms(lemmas: Sequence[str]) -> list[str]:
    """Normalised content lemmas (given by spaCy or ``nlp``), stop words removed."""
    out = []
    for lemma in lemmas:
        norm = strip_accents(lemma)
        if norm.isalpha() and len(norm) > 1 and norm not in STOPWORDS:
            out.append(norm)
    return out


def entity_key(label: str, text: str) -> str:
    """A comparable key for an entity mention: label and normalised text (``"PER:john kerry"``)."""
    return f"{label}:{' '.join(tokens(text))}"


class SpacyAnnotator:
    """Adds spaCy lemmas and entity keys to :class:`LinkInput` records that lack them.

    The model is loaded once; ``with_entities=False`` disables the NER and parser for speed.
    """

    def __init__(self, model: str = "fr_core_news_md", with_entities: bool = True) -> None:
        self.model = model
        self.with_entities = with_entities
        self._nlp: Any = None

    def _load(self) -> Any:
        if self._nlp is None:
            import spacy

            disable = ["parser"] if self.with_entities else ["parser", "ner"]
            self._nlp = spacy.load(self.model, disable=disable)
        return self._nlp

    def transform(self, inputs: Iterable[LinkInput], batch_size: int = 32) -> list[LinkInput]:
        """Return the inputs with ``lemmas`` (and ``entities``) filled from spaCy."""
        items = list(inputs)
        nlp = self._load()
        texts = (f"{i.title}\n{i.body}" for i in items)
        out = []
        for item, doc in zip(items, nlp.pipe(texts, batch_size=batch_size), strict=True):
            lemmas = tuple(t.lemma_ for t in doc if t.is_alpha and not t.is_stop)
            ents = None
            if self.with_entities:
                ents = tuple(
                    entity_key(e.label_, e.text) for e in doc.ents if e.label_ in _ENTITY_LABELS
                )
            out.append(replace(item, lemmas=item.lemmas or lemmas, entities=item.entities or ents))
        return out


_ENTITY_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
