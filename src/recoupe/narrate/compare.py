"""Outlet-by-outlet comparison of the articles of one event.

Sentences of different articles are aligned when they say the same thing: TF-IDF cosine
over stemmed content words other than names (scikit-learn), raised by the overlap of the
entities they name
(from the ``nlp`` stage's :class:`~recoupe.model.Mention` objects when given, else from
capitalised words). For each outlet the comparison lists what it shares with other outlets,
the claims only it carries, its quotes, and whether it reported first.

Pure function over model objects: no store, no pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from recoupe.model import Article, Mention, Quote
from recoupe.narrate.event_dates import article_key
from recoupe.narrate.text import (
    claim_similarity,
    name_tokens,
    said_tokens,
    sentence_spans,
    words,
)

__all__ = ["Alignment", "Claim", "Comparison", "OutletView", "compare_articles"]

#: Similarity (:func:`~recoupe.narrate.text.claim_similarity`) above which two sentences make
#: the same claim.
SAME_CLAIM = 0.35


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
    claims = [c for a in articles for c in _claims(a)]
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[str(m.article_id)].append(m)
    alignments: list[Alignment] = []
    aligned: set[int] = set()
    if claims:
        vec = TfidfVectorizer(analyzer=said_tokens, sublinear_tf=True)
        try:
            x = normalize(vec.fit_transform([c.text for c in claims]))
            sim = (x @ x.T).toarray()
        except ValueError:  # no content word at all
            sim = None
        if sim is not None:
            ents = [_entities(c, by_article.get(c.article_id, [])) for c in claims]
            scores = claim_similarity(sim, ents)
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
