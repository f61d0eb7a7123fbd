"""What the pages show of the later stages: stories, events, entities, and an article's marks.

Plain functions over :class:`recoupe.store.Store`'s read models; the routes live in
:mod:`recoupe.web.pages` and :mod:`recoupe.web.stage_pages`.
"""

from __future__ import annotations

from collections import defaultdict
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


def entity_quotes(store: Store, entity_id: int) -> list[Record]:
    """The quotes whose speaker was resolved to this entity."""
    return store.quotes_by(entity_id)


def interactions(store: Store, country: str | None) -> list[Record]:
    """Actions where ``country`` is the source or the target, by date (none without a code)."""
    if not country:
        return []
    found = {a["id"]: a for a in store.action_records(source=country)}
    found.update({a["id"]: a for a in store.action_records(target=country)})
    return sorted(found.values(), key=lambda a: (a["date"] is None, a["date"] or "", a["id"]))


def entity_articles(store: Store, article_ids: list[int]) -> list[Article]:
    """Articles mentioning an entity, newest first: the last :data:`ENTITY_ARTICLES` stored."""
    articles = store.articles_by_id(sorted(article_ids, reverse=True)[:ENTITY_ARTICLES])
    articles.sort(key=lambda a: (a.published_iso or "", a.id or 0), reverse=True)
    return articles
