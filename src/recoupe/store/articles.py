"""Reading and writing articles: the mapping between :class:`Article` and its table row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, select

from recoupe.extract.dates import parse_timestamp, to_iso
from recoupe.model import Article, Removal
from recoupe.store.schema import articles

#: Page size when streaming the whole table, so that memory stays flat on big stores.
STREAM_CHUNK = 500


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a listing shows; every field left ``None`` means no constraint."""

    outlet: str | None = None
    language: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def apply(self, query: Select[Any]) -> Select[Any]:
        """``query`` narrowed by this filter."""
        if self.outlet is not None:
            query = query.where(articles.c.outlet == self.outlet)
        if self.language is not None:
            query = query.where(articles.c.language == self.language)
        if self.since is not None:
            query = query.where(articles.c.published_day >= self.since)
        if self.until is not None:
            query = query.where(articles.c.published_day <= self.until)
        return query


def to_row(article: Article, run_id: int | None) -> dict[str, Any]:
    """The table row of ``article`` (without its id, which the database assigns)."""
    return {
        "content_hash": article.content_hash,
        "origin": article.origin,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": to_iso(article.published),
        "published_day": article.published_day,
        "published_evidence": article.published_evidence,
        "language": article.language,
        "body": article.body,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "raw": article.raw,
        "raw_format": article.raw_format,
        "raw_encoding": article.raw_encoding,
        "ingest_run_id": run_id,
    }


def from_row(row: Any) -> Article:
    """The :class:`Article` stored in ``row``."""
    published = parse_timestamp(row.published) if row.published else None
    return Article(
        id=row.id,
        origin=row.origin,
        content_hash=row.content_hash,
        body=row.body,
        title=row.title,
        outlet=row.outlet,
        published=published,
        published_evidence=row.published_evidence,
        language=row.language,
        url=row.url,
        removed=[Removal(text=r["text"], reason=r["reason"]) for r in row.removed or []],
        raw=row.raw,
        raw_format=row.raw_format,
        raw_encoding=row.raw_encoding,
    )


def known_hashes(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """The subset of ``hashes`` already stored."""
    wanted = list(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), STREAM_CHUNK):
        chunk = wanted[start : start + STREAM_CHUNK]
        query = select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk))
        found.update(conn.scalars(query))
    return found


def get(conn: Connection, article_id: int) -> Article | None:
    """The article with this id, or ``None``."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    return from_row(row) if row is not None else None


def by_ids(conn: Connection, ids: Sequence[int]) -> list[Article]:
    """The articles with these ids, in no particular order."""
    found: list[Article] = []
    for start in range(0, len(ids), STREAM_CHUNK):
        query = select(articles).where(articles.c.id.in_(ids[start : start + STREAM_CHUNK]))
        found.extend(from_row(row) for row in conn.execute(query))
    return found


def listing(
    conn: Connection, where: ArticleFilter, limit: int | None, offset: int = 0
) -> list[Article]:
    """Articles matching ``where``, newest first, undated last."""
    query = where.apply(select(articles)).order_by(
        articles.c.published_day.is_(None), articles.c.published_day.desc(), articles.c.id
    )
    if limit is not None:
        query = query.limit(limit)
    return [from_row(row) for row in conn.execute(query.offset(offset))]


def stream(conn: Connection, where: ArticleFilter) -> Iterator[Article]:
    """Every article matching ``where`` in id order, fetched in pages (keyset pagination)."""
    last_id = 0
    while True:
        query = (
            where.apply(select(articles))
            .where(articles.c.id > last_id)
            .order_by(articles.c.id)
            .limit(STREAM_CHUNK)
        )
        rows = conn.execute(query).fetchall()
        if not rows:
            return
        for row in rows:
            yield from_row(row)
        last_id = rows[-1].id


def count(conn: Connection, where: ArticleFilter | None = None) -> int:
    """How many articles match ``where``."""
    query = select(func.count()).select_from(articles)
    if where is not None:
        query = where.apply(query)
    return int(conn.scalar(query) or 0)
