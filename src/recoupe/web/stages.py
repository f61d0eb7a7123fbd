"""What the pages show of the later stages: stories, events, entities, and an article's marks.

Plain functions over :class:`recoupe.store.Store`'s read models; the routes live in
:mod:`recoupe.web.pages` and :mod:`recoupe.web.stage_pages`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from starlette.exceptions import HTTPException

from recoupe.model import Article
from recoupe.store import Record, Store
from recoupe.web.marking import Span, action_span, marked_paragraphs, mention_span, quote_span

#: Characters of an article's opening shown on the event page.
LEAD_CHARS = 280
#: Articles listed on an entity's page.
ENTITY_ARTICLES = 100


def parse_id(value: str, kind: str) -> int:
    """A short integer id from a path, or a 404 naming the kind of record."""
    if not value.isdigit() or len(value) > 18:
        raise HTTPException(404, f"No {kind} has this id.")
    return int(value)


def found(record: Record | None, wanted: str, kind: str) -> Record:
    """``record``, or a 404 naming the id asked for (``wanted`` is already a valid id)."""
    if record is None:
        raise HTTPException(404, f"No {kind} has the id {int(wanted)}.")
    return record


def lead(body: str, limit: int = LEAD_CHARS) -> str:
    """The first lines of a body, cut at a word before ``limit`` characters."""
    text = " ".join(body.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# ---------------------------------------------------------------- an article's marks


@dataclass
class ArticleMarks:
    """An article's body with its marks, and what the side panel lists."""

    paragraphs: list[Markup]
    entities: list[tuple[int, str, str, int]] = field(default_factory=list)
    quotes: list[Record] = field(default_factory=list)
    actions: list[Record] = field(default_factory=list)
    links: Record | None = None
    event: Record | None = None
    story: Record | None = None


def article_marks(store: Store, article: Article) -> ArticleMarks:
    """Mentions, quotes and actions of ``article`` marked in its body, and its event/story."""
    assert article.id is not None
    mentions = store.mention_records(article_id=article.id)
    quotes = store.quote_records(article_id=article.id)
    actions = store.article_actions(article.id)
    spans: list[Span] = [action_span(a) for a in actions] + [quote_span(q) for q in quotes]
    spans += [s for s in (mention_span(m) for m in mentions) if s is not None]
    marks = ArticleMarks(marked_paragraphs(article.body, spans), _entities_of(mentions),
                         quotes, actions, store.article_links(article.id))
    if marks.links and marks.links["event_id"] is not None:
        marks.event = store.event_record(marks.links["event_id"])
    if marks.links and marks.links["story_id"] is not None:
        marks.story = store.story_record(marks.links["story_id"])
    return marks


def _entities_of(mentions: list[Record]) -> list[tuple[int, str, str, int]]:
    """(entity id, name as first written, kind, mentions) of the resolved mentions."""
    seen: dict[int, list[Any]] = {}
    for m in mentions:
        if m["entity_id"] is None:
            continue
        entry = seen.setdefault(m["entity_id"], [m["entity_id"], m["text"], m["kind"], 0])
        entry[3] += 1
    return [(e[0], e[1], e[2], e[3]) for e in seen.values()]


# ---------------------------------------------------------------- an event


@dataclass(frozen=True)
class OutletColumn:
    """One outlet's articles on an event, oldest first, with their quotes."""

    outlet: str
    articles: list[Article]
    quotes: list[Record]


def outlet_columns(store: Store, article_ids: list[int]) -> list[OutletColumn]:
    """The event's articles grouped by outlet, the outlet that reported first leading."""
    articles = sorted(store.articles_by_id(article_ids), key=article_order)
    grouped: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        grouped[article.outlet or "unknown outlet"].append(article)
    # One query for every article's quotes, not one per article.
    quotes: dict[int, list[Record]] = defaultdict(list)
    for quote in store.quotes_in(article_ids):
        quotes[quote["article_id"]].append(quote)
    return [
        OutletColumn(outlet, group, [q for a in group for q in quotes.get(a.id or 0, [])])
        for outlet, group in grouped.items()
    ]


def article_order(article: Article) -> tuple[bool, str, int]:
    """Oldest first by publication date (then id), undated last."""
    return (article.published is None, article.published_iso or "", article.id or 0)


# ---------------------------------------------------------------- an entity


@dataclass
class QuoteGroup:
    """One thing an entity said, however many articles carry it: ``first`` is shown, with
    its outlet; ``others`` are the other articles' copies of the same words (wire copies,
    republications), each with its outlet and ``copy_of``."""

    first: Record
    others: list[Record]


def with_origins(store: Store, found: list[Record]) -> list[Record]:
    """``found`` (quotes or actions) each with its article's ``outlet`` and ``copy_of`` (the
    article it repeats, or ``None``), read in one query."""
    origins = store.article_origins({r["article_id"] for r in found})
    out = []
    for record in found:
        origin = origins.get(record["article_id"], {})
        out.append({**record, "outlet": origin.get("outlet"),
                    "copy_of": origin.get("duplicate_of")})
    return out


def entity_quotes(store: Store, entity_id: int) -> list[QuoteGroup]:
    """The quotes whose speaker was resolved to this entity, the same words listed once.

    Quotes are grouped by their text with case, spacing and punctuation ignored; the first
    of a group is the earliest, from an original article rather than a copy.
    """
    grouped: dict[str, list[Record]] = {}
    for quote in with_origins(store, store.quotes_by(entity_id)):
        grouped.setdefault(_said(quote["text"]), []).append(quote)
    out = []
    for group in grouped.values():
        group.sort(key=lambda q: (q["copy_of"] is not None, q["published"] is None,
                                  str(q["published"] or ""), q["article_id"]))
        out.append(QuoteGroup(group[0], group[1:]))
    return out


def _said(text: str) -> str:
    """Quote text folded for comparison: lower case, words only."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


@dataclass
class Interaction:
    """One who-did-what-to-whom, however many sentences, articles and wire copies code it.

    ``evidence`` holds every coding action (best first: earliest, from an original article,
    then in article order), each with its article's ``outlet`` and ``copy_of`` (the article
    it repeats, or ``None``). ``articles`` counts distinct reports: a wire copy counts with
    its original, but its outlet counts among ``outlets``.
    """

    source: Record | None
    event: str
    negated: bool
    target: Record | None
    evidence: list[Record]

    @property
    def first(self) -> Record:
        """The evidence shown first."""
        return self.evidence[0]

    @property
    def modes(self) -> list[str]:
        """The PLOVER modes the sentences were coded with, most frequent first."""
        return _ranked(a["mode"] for a in self.evidence if a["mode"])

    @property
    def outlets(self) -> list[str]:
        """The outlets that published a coding sentence, in evidence order (earliest first)."""
        return list(dict.fromkeys(a["outlet"] for a in self.evidence if a["outlet"]))

    @property
    def articles(self) -> int:
        """Distinct reports: articles, a wire copy counting with the article it repeats."""
        return len({a["copy_of"] or a["article_id"] for a in self.evidence})

    @property
    def copies(self) -> int:
        """Wire copies (articles repeating another one) among the coding articles."""
        return len({a["article_id"] for a in self.evidence if a["copy_of"]})

    @property
    def sentences(self) -> list[list[Record]]:
        """The evidence by sentence text: each distinct sentence with every action carrying it.

        A wire copy repeats its original's sentences word for word; they are listed once,
        with links to each article that carries them.
        """
        by_text: dict[str, list[Record]] = {}
        for action in self.evidence:
            by_text.setdefault(" ".join(action["sentence"].split()), []).append(action)
        return list(by_text.values())

    @property
    def dates(self) -> tuple[str | None, str | None]:
        """The first and last dates of the coding sentences (``None`` when all undated)."""
        dated = sorted(a["date"] for a in self.evidence if a["date"])
        return (dated[0], dated[-1]) if dated else (None, None)


def interactions(store: Store, country: str | None) -> list[Interaction]:
    """Distinct interactions where ``country`` is the source or the target (none without a code).

    The same triple (source, event, target, negated or not) coded from a headline, a lead and
    a quote, or from wire copies of one dispatch, is one :class:`Interaction` with all its
    evidence; the most widely reported come first, then the earliest.
    """
    if not country:
        return []
    found = {a["id"]: a for a in store.action_records(source=country)}
    found.update({a["id"]: a for a in store.action_records(target=country)})
    grouped: dict[tuple[Any, ...], list[Record]] = defaultdict(list)
    for action in with_origins(store, list(found.values())):
        grouped[_triple(action)].append(action)
    rows = [_interaction(sorted(group, key=_evidence_order)) for group in grouped.values()]
    rows.sort(key=_interaction_order)
    return rows


def _triple(action: Record) -> tuple[Any, ...]:
    """What makes two actions the same interaction: the parties (by code), event, negation."""
    return (_party(action["source"]), action["event"], bool(action["negated"]),
            _party(action["target"]))


def _party(actor: Record | None) -> str | None:
    """An actor's country code, or its name folded when it has none."""
    if not actor:
        return None
    return actor.get("code") or " ".join(str(actor.get("name") or "").casefold().split()) or None


def _interaction(evidence: list[Record]) -> Interaction:
    """The interaction of sorted ``evidence``, its parties named as the first sentence has them."""
    first = evidence[0]
    return Interaction(first["source"], first["event"], bool(first["negated"]), first["target"],
                       evidence)


def _evidence_order(action: Record) -> tuple[bool, str, bool, int, int]:
    """Dated first and oldest first, an original before a copy, then article and offset."""
    return (action["date"] is None, action["date"] or "", action["copy_of"] is not None,
            action["article_id"], action["start"])


def _interaction_order(row: Interaction) -> tuple[int, int, int, tuple[bool, str, bool, int, int]]:
    """Most reports first (articles, outlets, distinct sentences), then by first evidence."""
    return (-row.articles, -len(row.outlets), -len(row.sentences), _evidence_order(row.first))


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct ``values``, most frequent first, ties in order of first appearance."""
    return [value for value, _n in Counter(values).most_common()]


def entity_articles(store: Store, article_ids: list[int]) -> list[Article]:
    """Articles mentioning an entity, newest first: the last :data:`ENTITY_ARTICLES` stored."""
    articles = store.articles_by_id(sorted(article_ids, reverse=True)[:ENTITY_ARTICLES])
    articles.sort(key=lambda a: (a.published_iso or "", a.id or 0), reverse=True)
    return articles
