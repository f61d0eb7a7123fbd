"""Read-only queries the pages and the API need beyond :class:`recoupe.store.Store`'s own.

They read the store's tables directly and never write.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

from sqlalchemy import Connection, func, literal, select

from recoupe.model import Article
from recoupe.store import ArticleFilter, Store
from recoupe.store.articles import from_row
from recoupe.store.schema import articles


@dataclass(frozen=True)
class Facets:
    """What the filters offer: outlets and languages with their article counts."""

    outlets: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    total: int


def headlines(store: Store, where: ArticleFilter, limit: int, offset: int = 0) -> list[Article]:
    """Articles newest first, undated last, as :meth:`Store.articles`, without body or raw.

    For listings: ``body`` is empty and ``raw`` is ``b""`` in what this returns. The order is
    found on the ids and dates alone (a covering index), and only the page's rows are read,
    leaving out the large columns a listing does not show.
    """
    with store.engine.connect() as conn:
        ids_query = where.apply(select(articles.c.id)).order_by(*_newest_first(conn))
        ids = list(conn.scalars(ids_query.limit(limit).offset(offset)))
        if not ids:
            return []
        rows = conn.execute(select(*_HEADLINE_COLUMNS).where(articles.c.id.in_(ids)))
        found = {row.id: from_row(row) for row in rows}
    return [found[i] for i in ids]


_HEADLINE_COLUMNS = [
    *(column for column in articles.c if column.name not in ("body", "raw")),
    literal("").label("body"),
    literal(b"").label("raw"),
]


def _newest_first(conn: Connection) -> tuple[Any, ...]:
    """Newest first, undated last, in an order the date index can serve as it is."""
    if conn.dialect.name == "sqlite":
        # SQLite sorts NULL below every date, so a plain descending order puts undated
        # articles last; spelling it out ("IS NULL", "NULLS LAST") would force a full sort.
        return (articles.c.published_day.desc(), articles.c.id)
    return (articles.c.published_day.desc().nulls_last(), articles.c.id)


def after_id(store: Store, where: ArticleFilter, after: int, limit: int) -> list[Article]:
    """Up to ``limit`` articles with an id above ``after``, in id order (keyset pagination)."""
    query = (
        where.apply(select(articles))
        .where(articles.c.id > after)
        .order_by(articles.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [from_row(row) for row in conn.execute(query)]


def id_of_hash(store: Store, content_hash: str) -> int | None:
    """The id of the article stored with this content hash, if any."""
    query = select(articles.c.id).where(articles.c.content_hash == content_hash)
    with store.engine.connect() as conn:
        found = conn.scalar(query)
    return int(found) if found is not None else None


def facets(store: Store) -> Facets:
    """Outlets (most articles first) and languages present in the store."""
    with store.engine.connect() as conn:
        outlets = conn.execute(
            select(articles.c.outlet, func.count())
            .where(articles.c.outlet.is_not(None))
            .group_by(articles.c.outlet)
            .order_by(func.count().desc(), articles.c.outlet)
        ).all()
        languages = conn.execute(
            select(articles.c.language, func.count())
            .where(articles.c.language.is_not(None))
            .group_by(articles.c.language)
            .order_by(func.count().desc())
        ).all()
        total = int(conn.scalar(select(func.count()).select_from(articles)) or 0)
    return Facets(
        outlets=[(str(name), int(n)) for name, n in outlets],
        languages=[(str(code), int(n)) for code, n in languages],
        total=total,
    )


@dataclass
class FacetCache:
    """Facets recomputed only when the store changed: they change only when news arrives.

    Grouping the whole table on every page view would dominate the cost of a page on a
    large store. With a data version (SQLite), the facets are recomputed as soon as anything
    was committed, so that a cached page never shows counts older than its data; without
    one, at most every ``ttl`` seconds.
    """

    store: Store
    ttl: float = 10.0
    version: Callable[[], int | None] = field(default=lambda: None)
    _value: Facets | None = None
    _at: float = 0.0
    _made_at_version: int | None = None
    _lock: Lock = field(default_factory=Lock)

    def get(self) -> Facets:
        """The facets of the current data (or fresh within ``ttl`` seconds without a version)."""
        with self._lock:
            now = time.monotonic()
            # Read before computing, so the value is never older than the version it is kept at.
            version = self.version()
            if self._value is None or self._stale(version, now):
                self._value = facets(self.store)
                self._at, self._made_at_version = now, version
            return self._value

    def _stale(self, version: int | None, now: float) -> bool:
        if version is not None:
            return version != self._made_at_version
        return now - self._at > self.ttl

    def clear(self) -> None:
        """Forget the cached value (after a write through the API)."""
        with self._lock:
            self._value = None
