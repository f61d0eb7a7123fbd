"""The day an event happened, read from the text of its articles (not the day it was reported).

News copy dates its event relative to the day it is written: "a annoncé lundi", "ce
mercredi", "hier", "le 9 septembre dernier". Each such expression is resolved against a
*reference*: the article's publication date when it has one; otherwise the latest date of
the tweets it embeds (an article is not older than what it quotes, so that date bounds it);
otherwise the reference of the other articles of the same event. Parsing is left to
:mod:`recoupe.extract.prose_dates` (dateparser); this module only finds the expressions and
decides which reference and which expression to trust.

Nothing is guessed: an expression without a reference stays unresolved, and an event whose
articles give no year anywhere stays undated (``date is None``). A tweet date only ever
yields a ``not_before`` bound or, when it is the only dated thing about an article, the
article's reference day, with its evidence.

Which expression names the event: the first *deictic* day of the body ("lundi", "ce
mercredi", "hier", "aujourd'hui"), because the lead of a news story says when its event
happened and background facts are dated with explicit days ("l'accord signé le 9
septembre"). A complete date ("le 12 mars 2024") counts only in the opening sentence, and a
day and month without a year ("le 9 septembre") never names the event (it is background).
A weekday that starts a span ("depuis lundi") or sits in a clause about what is to come
("la levée, prévue jeudi", "ils reprendront le travail lundi") is not the day of a past
happening and is skipped; "la nuit de samedi à dimanche" names the Sunday.

Each article then casts one vote for its day, and the day with most votes is the event's:
several reports agree on the day of one happening, while a late follow-up ("dans une lettre
adressée mardi") dates itself. Ties go to the strongest reading, then to the earliest day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from recoupe.extract.day_names import DEICTIC, names_a_past_day
from recoupe.extract.prose_dates import date_spans, latest_date_hint, resolve_relative
from recoupe.model import Article, Event

__all__ = [
    "ArticleDate",
    "DateEvidence",
    "EventDate",
    "article_key",
    "date_event",
    "date_events",
    "day_expressions",
]

#: Where an evidence span lies: in the article body, in its raw input (a line the extractor
#: removed, e.g. a tweet attribution), or in the publication-date metadata.
EvidenceWhere = Literal["body", "raw", "published"]
#: How a date was obtained, strongest first.
DateMethod = Literal["text", "text-sibling", "lead-date", "published", "embedded", "none"]

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre"
)
#: A day and month without a year: resolvable, but background rather than the event.
_DAY_MONTH = re.compile(
    rf"(?<![\w-])(?:le\s+)?(?:1er|\d{{1,2}})\s+(?:{_MONTHS})(?!\s+\d{{4}})"
    r"(?:\s+(?:dernier|prochain))?(?![\w-])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n")


@dataclass(frozen=True)
class DateEvidence:
    """The text a date was read from: ``article_id`` and ``start``/``end`` of the span.

    With ``where == "body"``, ``article.body[start:end] == text``; with ``"raw"`` the span
    indexes the decoded raw input (a line the extractor removed from the body, such as an
    embedded tweet's attribution); with ``"published"`` it is the publication metadata.
    """

    article_id: str
    start: int
    end: int
    text: str
    where: EvidenceWhere = "body"


@dataclass(frozen=True)
class ArticleDate:
    """What one article says about its event's day, and which reference it was read from."""

    article_id: str
    date: dt.date | None
    method: DateMethod
    evidence: DateEvidence | None
    reference: dt.date | None = None
    reference_evidence: DateEvidence | None = None
    not_before: dt.date | None = None


@dataclass(frozen=True)
class EventDate:
    """The day an event happened (ISO via ``iso``), its evidence, and each article's reading.

    ``date`` is ``None`` when no article supports a day; ``not_before`` is the latest lower
    bound the texts support (embedded tweet dates), which holds even when ``date`` is ``None``.
    """

    event_id: str
    date: dt.date | None
    evidence: DateEvidence | None
    method: DateMethod
    not_before: dt.date | None = None
    articles: tuple[ArticleDate, ...] = field(default_factory=tuple)

    @property
    def iso(self) -> str | None:
        """The event day as ``YYYY-MM-DD``, or ``None``."""
        return self.date.isoformat() if self.date is not None else None


def article_key(article: Article) -> str:
    """The id an article goes by in events (its store id, else its content hash)."""
    return str(article.id) if article.id is not None else article.content_hash


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _naive(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    # dateparser's RELATIVE_BASE must be naive; the local wall-clock day is the one meant.
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def day_expressions(text: str) -> list[tuple[int, int, str, str]]:
    """Day expressions in ``text`` as ``(start, end, span, kind)``, in reading order.

    ``kind`` is ``"full"`` (day, month and year), ``"deictic"`` (weekday, "hier" …) or
    ``"day-month"`` (no year). Spans of complete dates mask the words inside them, so
    "mercredi 16 septembre 2015" is one full date, not a weekday.
    """
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    cursor = 0
    for span, _ in date_spans(text):
        start = text.find(span, cursor)
        if start < 0:
            continue
        cursor = start + len(span)
        found.append((start, cursor, span, "full"))
        taken.append((start, cursor))

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for regex, kind in ((DEICTIC, "deictic"), (_DAY_MONTH, "day-month")):
        for m in regex.finditer(text):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), m.group(0), kind))
                taken.append((m.start(), m.end()))
    return sorted(found)


def _resolve(span: str, reference: dt.date | dt.datetime) -> dt.date | None:
    low = span.lower()
    if re.fullmatch(r"aujourd['’]hui|ce\s+matin|ce\s+soir|cet\s+après-midi", low):
        return _day(reference)
    return _day(resolve_relative(span, _naive(reference)))


def _embedded_bound(article: Article) -> tuple[dt.date, DateEvidence] | None:
    """The latest embedded-tweet date (:func:`~recoupe.extract.prose_dates.latest_date_hint`),
    from the body or from lines the extractor removed, with where its line stands."""
    aid = article_key(article)
    best: tuple[dt.date, DateEvidence] | None = None
    raw_text = article.raw.decode(article.raw_encoding, errors="replace") if article.raw else ""
    sources: list[tuple[list[str], EvidenceWhere, str]] = [
        (article.body.splitlines(), "body", article.body),
        ([r.text for r in article.removed], "raw", raw_text),
    ]
    for lines, where, haystack in sources:
        hint = latest_date_hint(lines)
        day = _day(hint.value) if hint is not None else None
        if hint is None or day is None or (best is not None and day <= best[0]):
            continue
        start = haystack.find(hint.evidence) if haystack else -1
        if start < 0:
            # The removed line is not in the raw input verbatim: keep its text only.
            ev = DateEvidence(aid, -1, -1, hint.evidence, "raw")
        else:
            ev = DateEvidence(aid, start, start + len(hint.evidence), hint.evidence, where)
        best = (day, ev)
    return best


Bound = tuple[dt.date, DateEvidence] | None


def _own_reference(
    article: Article, bound: Bound
) -> tuple[dt.date | dt.datetime, DateMethod, DateEvidence] | None:
    """The article's publication date, else its embedded-tweet ``bound``, with evidence."""
    aid = article_key(article)
    if article.published is not None:
        text = article.published_evidence or article.published.isoformat()
        return _naive(article.published), "published", DateEvidence(aid, 0, 0, text, "published")
    if bound is not None:
        return bound[0], "embedded", bound[1]
    return None


def _names_a_past_day(body: str, expression: tuple[int, int, str, str]) -> bool:
    """Whether a deictic expression can be the day of a happening the article reports."""
    return names_a_past_day(body, expression[0], expression[1])


def _first_sentence_end(body: str) -> int:
    m = _SENTENCE_END.search(body.lstrip())
    return (m.end() + len(body) - len(body.lstrip())) if m else len(body)


def _read_article(
    article: Article,
    sibling_reference: tuple[dt.date | dt.datetime, DateEvidence] | None,
    bound: Bound,
) -> ArticleDate:
    aid = article_key(article)
    own = _own_reference(article, bound)
    not_before = bound[0] if bound else None
    expressions = day_expressions(article.body)
    lead_end = _first_sentence_end(article.body)
    ref_value: dt.date | dt.datetime | None = own[0] if own else None
    ref_ev = own[2] if own else None
    for start, end, span, kind in expressions:
        if kind == "full" and start < lead_end:
            ev = DateEvidence(aid, start, end, span)
            day = _day(date_spans(span)[0][1])
            return ArticleDate(aid, day, "lead-date", ev, _day(ref_value), ref_ev, not_before)
    deictic = next(
        (e for e in expressions if e[3] == "deictic" and _names_a_past_day(article.body, e)),
        None,
    )
    if deictic is not None:
        start, end, span, _ = deictic
        ev = DateEvidence(aid, start, end, span)
        if own is not None:
            day = _resolve(span, own[0])
            if day is not None:
                return ArticleDate(aid, day, "text", ev, _day(own[0]), own[2], not_before)
        elif sibling_reference is not None:
            day = _resolve(span, sibling_reference[0])
            if day is not None and (not_before is None or day >= not_before):
                return ArticleDate(
                    aid,
                    day,
                    "text-sibling",
                    ev,
                    _day(sibling_reference[0]),
                    sibling_reference[1],
                    not_before,
                )
    if own is not None:
        return ArticleDate(aid, _day(own[0]), own[1], own[2], _day(own[0]), own[2], not_before)
    return ArticleDate(aid, None, "none", None, None, None, not_before)


#: Strength of each method when articles of one event disagree (lower wins).
_RANK: dict[DateMethod, int] = {
    "text": 0,
    "lead-date": 1,
    "text-sibling": 2,
    "published": 3,
    "embedded": 4,
    "none": 9,
}


def date_event(event_id: str, articles: Sequence[Article]) -> EventDate:
    """Date one event from its articles.

    Each article's first deictic day expression is resolved against its own reference
    (publication date, else embedded-tweet date); articles without one borrow the earliest
    reference among their siblings (the first report is the closest to the event). The
    event's day is the one most articles support; ties go to the day with the strongest
    reading, then to the earliest. ``date`` is ``None`` when no article gives a year,
    directly or through a sibling.
    """
    bounds = [_embedded_bound(a) for a in articles]  # read once: the reference and not_before
    owns = [(a, _own_reference(a, bound)) for a, bound in zip(articles, bounds, strict=True)]
    refs = [(r[0], r[2]) for _, r in owns if r is not None]
    sibling = min(refs, key=lambda r: _day(r[0]) or dt.date.max) if refs else None
    readings = tuple(_read_article(a, sibling if own is None else None, bound)
                     for (a, own), bound in zip(owns, bounds, strict=True))
    not_before = max((r.not_before for r in readings if r.not_before is not None), default=None)
    dated = [r for r in readings if r.date is not None]
    if not dated:
        return EventDate(event_id, None, None, "none", not_before, readings)
    votes = Counter(r.date for r in dated)
    strength = {d: min(_RANK[r.method] for r in dated if r.date == d) for d in votes}
    day = min(votes, key=lambda d: (-votes[d], strength[d], d))
    chosen = min((r for r in dated if r.date == day), key=lambda r: _RANK[r.method])
    return EventDate(event_id, day, chosen.evidence, chosen.method, not_before, readings)


def date_events(events: Iterable[Event], articles: Mapping[str, Article]) -> dict[str, EventDate]:
    """Date every event; ``articles`` maps the ids used in ``Event.article_ids`` to articles."""
    out: dict[str, EventDate] = {}
    for event in events:
        members = [articles[a] for a in event.article_ids if a in articles]
        out[event.id] = date_event(event.id, members)
    return out
