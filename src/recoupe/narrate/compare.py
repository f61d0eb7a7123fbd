"""Outlet-by-outlet comparison of the articles of one event.

Sentences of different articles are aligned when they say the same thing. Their word
similarity blends TF-IDF cosine over stemmed content words other than names (scikit-learn)
with IDF-weighted greedy matching of the same words over the static word vectors of the
language's spaCy pipeline (:mod:`recoupe.narrate.wordvectors`), which credits the synonyms
paraphrases use; it is then raised by the overlap of the entities they name (from the
``nlp`` stage's :class:`~recoupe.model.Mention` objects when given, else from capitalised
words), names confirming a lexical match but not making one. Sentences in a language without
vectors (or when the pipeline is not installed) are compared by TF-IDF cosine alone. For
each outlet the comparison lists what it shares with other outlets, the claims only it
carries, its quotes, and whether it reported first.

Pure function over model objects: no store, no pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from recoupe.model import Article, Mention, Quote
from recoupe.narrate.event_dates import article_key
from recoupe.narrate.text import (
    claim_similarity,
    name_tokens,
    said_tokens,
    said_words,
    sentence_spans,
    words,
)
from recoupe.narrate.wordvectors import FLOOR, PIPELINES, soft_f1, vectors_for

__all__ = [
    "Alignment",
    "Claim",
    "Comparison",
    "OutletView",
    "blend",
    "compare_articles",
    "lexical_similarity",
    "vector_similarity",
    "word_similarity",
]

#: Similarity (:func:`~recoupe.narrate.text.claim_similarity` of :func:`word_similarity`)
#: above which two sentences make the same claim.
SAME_CLAIM = 0.35
#: Share of word-vector matching in :func:`word_similarity` (the rest is TF-IDF cosine); with
#: :data:`~recoupe.narrate.wordvectors.FLOOR` and :data:`SAME_CLAIM`, chosen on RPM2 themes
#: T01-T05 by ``eval/claim_alignment.py`` (most same-event alignments with no more
#: cross-theme ones, and no larger share reaching into the story's other event).
VECTOR_WEIGHT = 0.5


@dataclass(frozen=True)
class Claim:
    """One sentence of one article: ``body[start:end] == text``."""

    article_id: str
    outlet: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Alignment:
    """Two sentences from different outlets that make the same claim, and how alike they are."""

    left: Claim
    right: Claim
    score: float


@dataclass(frozen=True)
class OutletView:
    """What one outlet reports: claims shared with others, claims only it carries, quotes."""

    outlet: str
    article_ids: tuple[str, ...]
    first_published: dt.date | dt.datetime | None
    shared: tuple[Claim, ...] = ()
    unique: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """The alignment of an event's articles and the view from each outlet."""

    outlets: tuple[OutletView, ...]
    alignments: tuple[Alignment, ...] = ()
    first_outlet: str | None = None
    first_evidence: str | None = field(default=None)


def _outlet(article: Article) -> str:
    return article.outlet or f"article {article_key(article)}"


def _claims(article: Article) -> list[Claim]:
    aid, outlet = article_key(article), _outlet(article)
    out = []
    for s, e in sentence_spans(article.body):
        text = article.body[s:e]
        # Fragments (captions, "Lire aussi") carry no claim.
        if len(words(text)) >= 5:
            out.append(Claim(aid, outlet, s, e, text))
    return out


def _entities(claim: Claim, mentions: Sequence[Mention]) -> frozenset[str]:
    if mentions:
        return frozenset(
            (m.key or m.name).lower()
            for m in mentions
            if m.start >= claim.start and m.end <= claim.end
        )
    return name_tokens(claim.text)


def _day(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        # Compare wall-clock times; offsets are rarely reliable in scraped copy.
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time(0))


def lexical_similarity(texts: Sequence[str]) -> tuple[np.ndarray, dict[str, float]] | None:
    """TF-IDF cosine of every two ``texts`` over their :func:`said_tokens`, and the IDF of each
    stem; ``None`` when no text has a content word."""
    if not texts:
        return None
    vec = TfidfVectorizer(analyzer=said_tokens, sublinear_tf=True)
    try:
        x = normalize(vec.fit_transform(texts))
    except ValueError:  # no content word at all
        return None
    idf = dict(zip(vec.get_feature_names_out(), vec.idf_.tolist(), strict=True))
    return (x @ x.T).toarray(), idf


def vector_similarity(
    texts: Sequence[str],
    languages: Sequence[str | None],
    idf: dict[str, float],
    floor: float = FLOOR,
    measure: Callable[..., np.ndarray] = soft_f1,
) -> tuple[np.ndarray, np.ndarray]:
    """Word-vector matching (``measure``: :func:`~recoupe.narrate.wordvectors.soft_f1`, or
    :func:`~recoupe.narrate.wordvectors.soft_cosine` for the evaluation) of every two
    ``texts``, and where it applies: pairs of texts whose languages share a pipeline with
    word vectors. Elsewhere the score is 0 and the mask ``False``."""
    n = len(texts)
    soft, covered = np.zeros((n, n)), np.zeros((n, n), dtype=bool)
    by_pipeline: dict[str, list[int]] = defaultdict(list)
    for k, lang in enumerate(languages):
        name = PIPELINES.get((lang or "fr").lower())
        if name:
            by_pipeline[name].append(k)
    for members in by_pipeline.values():
        vectors = vectors_for(languages[members[0]])
        if vectors is None or len(members) < 2:
            continue
        docs = [said_words(texts[k]) for k in members]
        cell = np.ix_(members, members)
        soft[cell] = measure(docs, idf, vectors, floor)
        covered[cell] = True
    return soft, covered


def blend(
    cosine: np.ndarray, soft: np.ndarray, covered: np.ndarray, weight: float = VECTOR_WEIGHT
) -> np.ndarray:
    """``(1 - weight) * cosine + weight * soft`` where vectors apply, ``cosine`` elsewhere:
    the lexical cosine keeps exact wording ahead of mere synonymy."""
    return np.where(covered, (1 - weight) * cosine + weight * soft, cosine)


def word_similarity(
    texts: Sequence[str], languages: Sequence[str | None]
) -> tuple[np.ndarray, np.ndarray] | None:
    """How alike the words of every two ``texts`` are (names aside), in [0, 1]: TF-IDF cosine
    blended with word-vector matching (:func:`blend`), and the TF-IDF cosine alone; ``None``
    when no text has a content word. ``languages`` gives each text's language (``None``:
    French)."""
    lexical = lexical_similarity(texts)
    if lexical is None:
        return None
    cosine, idf = lexical
    return blend(cosine, *vector_similarity(texts, languages, idf)), cosine


def compare_articles(
    articles: Sequence[Article],
    quotes: Sequence[Quote] = (),
    mentions: Sequence[Mention] = (),
) -> Comparison:
    """Compare the articles of one event outlet by outlet.

    A claim is *shared* when a sentence of another outlet aligns with it (score at least
    :data:`SAME_CLAIM`), *unique* otherwise; articles of the same outlet never confirm each
    other. ``quotes`` and ``mentions`` are the ``nlp`` stage's output for these articles
    (matched by ``article_id``, compared as strings). The first outlet is the one with the
    earliest publication time; ``None`` when fewer than two outlets are dated.
    """
    language = {article_key(a): a.language for a in articles}
    claims = [c for a in articles for c in _claims(a)]
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[str(m.article_id)].append(m)
    alignments: list[Alignment] = []
    aligned: set[int] = set()
    sims = word_similarity([c.text for c in claims], [language[c.article_id] for c in claims])
    if sims is not None:
        ents = [_entities(c, by_article.get(c.article_id, [])) for c in claims]
        # Names confirm shared wording only: synonyms of a same-domain sentence ("requis",
        # "préjudice") must not let one prosecutor's name make two claims one.
        scores = claim_similarity(sims[0], ents, confirm=sims[1])
        for i, ci in enumerate(claims):
            for j in range(i + 1, len(claims)):
                cj = claims[j]
                if ci.outlet == cj.outlet:
                    continue
                score = float(scores[i, j])
                if score >= SAME_CLAIM:
                    alignments.append(Alignment(ci, cj, round(score, 4)))
                    aligned.update((i, j))
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        groups[_outlet(a)].append(a)
    views = []
    for outlet, arts in groups.items():
        ids = {article_key(a) for a in arts}
        mine = [(k, c) for k, c in enumerate(claims) if c.article_id in ids]
        dates = [d for a in arts if (d := _day(a.published)) is not None]
        stamps = [a.published for a in arts if a.published is not None]
        first = min(stamps, key=lambda p: _day(p) or dt.datetime.max, default=None)
        views.append(
            OutletView(
                outlet=outlet,
                article_ids=tuple(article_key(a) for a in arts),
                first_published=first if dates else None,
                shared=tuple(c for k, c in mine if k in aligned),
                unique=tuple(c for k, c in mine if k not in aligned),
                quotes=tuple(q for q in quotes if str(q.article_id) in ids),
            )
        )
    dated = [v for v in views if v.first_published is not None]
    first_outlet = first_evidence = None
    if len(dated) >= 2:
        best = min(dated, key=lambda v: _day(v.first_published) or dt.datetime.max)
        first_outlet = best.outlet
        assert best.first_published is not None
        first_evidence = best.first_published.isoformat()
    return Comparison(tuple(views), tuple(alignments), first_outlet, first_evidence)
