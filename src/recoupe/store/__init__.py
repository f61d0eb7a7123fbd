"""recoupe.store: the articles and everything derived from them, in SQLite or PostgreSQL.

Only the orchestrator (:mod:`recoupe.pipeline`) and the read-only front ends (CLI, API)
talk to the store; stages never do.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, insert, select, update

from recoupe.model import Article, Entity, Event, EventAssignment, Quote, Rejection, Story
from recoupe.store import articles as article_rows
from recoupe.store import links, narratives, records
from recoupe.store import nlp as nlp_rows
from recoupe.store import search as search_index
from recoupe.store import state as stage_state
from recoupe.store.articles import ArticleFilter
from recoupe.store.database import create_tables, open_engine, resolve_db_url
from recoupe.store.nlp import ArticleAnnotations
from recoupe.store.schema import articles, ingest_runs, rejections
from recoupe.store.search import SearchResults

#: A record as exported: plain JSON-able values under the exported field names.
Record = dict[str, Any]

__all__ = ["ArticleAnnotations", "ArticleFilter", "Record", "SearchResults", "Store"]


class Store:
    """A recoupe store: open it with a path, a SQLAlchemy URL, or nothing (``RECOUPE_DB``)."""

    def __init__(self, db: str | os.PathLike[str] | None = None) -> None:
        self.url = resolve_db_url(db)
        self.engine = open_engine(self.url)
        create_tables(self.engine)
        self.searchable = search_index.install(self.engine)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # ---------------------------------------------------------------- ingest runs

    def start_run(self, inputs: Sequence[str]) -> int:
        """Record the start of an ingest over ``inputs``; returns the run id."""
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(ingest_runs).values(started_at=_now(), inputs=list(inputs))
            )
            return _new_id(result.inserted_primary_key)

    def finish_run(self, run_id: int, stored: int, duplicates: int, rejected: int) -> None:
        """Record the totals of a finished ingest run."""
        with self.engine.begin() as conn:
            conn.execute(
                update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(finished_at=_now(), stored=stored, duplicates=duplicates, rejected=rejected)
            )

    # ---------------------------------------------------------------- articles

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        with self._read() as conn:
            return article_rows.known_hashes(conn, hashes)

    def add_batch(
        self, batch: Sequence[Article], rejected: Sequence[Rejection], run_id: int | None
    ) -> list[Article]:
        """Store a batch of articles and rejections in one transaction; returns those added.

        An article whose content hash is already stored is skipped, so that a batch cut off
        by a crash and run again never stores anything twice.
        """
        added: list[Article] = []
        with self.engine.begin() as conn:
            present = article_rows.known_hashes(conn, (a.content_hash for a in batch))
            for article in batch:
                if article.content_hash in present:
                    continue
                present.add(article.content_hash)
                result = conn.execute(insert(articles).values(article_rows.to_row(article, run_id)))
                article.id = _new_id(result.inserted_primary_key)
                added.append(article)
            if rejected and run_id is not None:
                conn.execute(
                    insert(rejections),
                    [
                        {"ingest_run_id": run_id, "origin": r.origin, "reason": r.reason}
                        for r in rejected
                    ],
                )
        return added

    def article(self, article_id: int) -> Article | None:
        """The article with this id, or ``None``."""
        with self._read() as conn:
            return article_rows.get(conn, article_id)

    def articles(
        self, where: ArticleFilter | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Article]:
        """A page of articles, newest first."""
        with self._read() as conn:
            return article_rows.listing(conn, where or ArticleFilter(), limit, offset)

    def iter_articles(self, where: ArticleFilter | None = None) -> Iterator[Article]:
        """Every article in id order, streamed."""
        with self._read() as conn:
            yield from article_rows.stream(conn, where or ArticleFilter())

    def count_articles(self, where: ArticleFilter | None = None) -> int:
        """How many articles the store holds (matching ``where``)."""
        with self._read() as conn:
            return article_rows.count(conn, where)

    def search(
        self,
        query: str,
        where: ArticleFilter | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        """Articles matching every word or quoted phrase of ``query``, best first.

        On SQLite: FTS5, accents folded, French stems, bm25 ranking. On PostgreSQL: a
        ``tsvector`` index, accents folded, French stems, ``ts_rank`` ranking (see
        :mod:`recoupe.store.pgsearch`).
        """
        with self._read() as conn:
            return search_index.search(conn, query, where, limit, offset)

    def articles_by_id(self, ids: Sequence[int]) -> list[Article]:
        """These articles, in the order of ``ids`` (missing ids are left out)."""
        with self._read() as conn:
            found = {a.id: a for a in article_rows.by_ids(conn, ids)}
        return [found[i] for i in ids if i in found]

    # ---------------------------------------------------------------- later stages

    def load_state(self, name: str) -> Any:
        """The saved state of an incremental stage (``None`` on a fresh store)."""
        with self._read() as conn:
            return stage_state.load_state(conn, name)

    def unannotated(self, limit: int) -> list[int]:
        """Ids of articles the nlp stage has not read yet."""
        with self._read() as conn:
            return nlp_rows.unannotated(conn, limit)

    def save_annotations(
        self,
        found: Sequence[ArticleAnnotations],
        entities: Iterable[Entity],
        resolver_state: Any,
    ) -> None:
        """Store one batch of nlp results with the resolver state, in one transaction."""
        with self.engine.begin() as conn:
            nlp_rows.save(conn, found)
            nlp_rows.save_entities(conn, entities)
            stage_state.save_state(conn, "entities", resolver_state)

    def link_features(
        self, ids: Sequence[int]
    ) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        """The lemmas and entity keys the nlp stage found in these articles."""
        with self._read() as conn:
            return nlp_rows.lemmas(conn, ids), nlp_rows.entity_keys(conn, ids)

    def unlinked(self, limit: int) -> list[int]:
        """Ids of articles not placed in an event yet, in publication order."""
        with self._read() as conn:
            return links.unlinked(conn, limit)

    def save_links(
        self,
        placed: Sequence[EventAssignment],
        found_events: Sequence[Event],
        found_stories: Sequence[Story],
        linker_state: Any,
    ) -> None:
        """Store one batch of link decisions, the clusters and the linker state together."""
        with self.engine.begin() as conn:
            links.save_assignments(conn, placed)
            links.save_clusters(conn, found_events, found_stories)
            stage_state.save_state(conn, "linker", linker_state)

    def stale_events(self) -> dict[str, list[int]]:
        """Events whose member articles changed since they were last narrated."""
        with self._read() as conn:
            return narratives.stale_events(conn)

    def quotes_of(self, article_ids: Sequence[int]) -> list[Quote]:
        """The quotes of these articles, as model objects."""
        with self._read() as conn:
            return narratives.quotes_of(conn, article_ids)

    def save_narratives(self, rows: Sequence[Record]) -> None:
        """Store event narratives (date, summary, comparison) in one transaction."""
        with self.engine.begin() as conn:
            narratives.save(conn, rows)

    def stale_stories(self) -> dict[str, dict[str, list[int]]]:
        """Stories whose events changed since they were last narrated, with their members."""
        with self._read() as conn:
            return narratives.stale_stories(conn)

    def event_dates(self, keys: Sequence[str]) -> dict[str, dt.date | None]:
        """The stored day each of these events happened (``None`` when undated), by key."""
        with self._read() as conn:
            return narratives.event_dates(conn, keys)

    def save_story_narratives(self, rows: Sequence[Record]) -> None:
        """Store story narratives (timeline, paragraph) in one transaction."""
        with self.engine.begin() as conn:
            narratives.save_stories(conn, rows)

    # ---------------------------------------------------------------- read models

    def story_timeline(self, story_id: int) -> Record | None:
        """One story's timeline (see :func:`recoupe.store.records.story_timeline`)."""
        with self._read() as conn:
            return records.story_timeline(conn, story_id)

    def event_comparison(self, event_id: int) -> Record | None:
        """One event outlet by outlet (see :func:`recoupe.store.records.event_comparison`)."""
        with self._read() as conn:
            return records.event_comparison(conn, event_id)

    def entity_records(self, kind: str | None = None, name: str | None = None) -> list[Record]:
        """Canonical entities (see :func:`recoupe.store.records.entity_records`)."""
        with self._read() as conn:
            return records.entity_records(conn, kind, name)

    def quote_records(
        self, speaker: str | None = None, article_id: int | None = None
    ) -> list[Record]:
        """Quotes, optionally by one speaker or in one article."""
        with self._read() as conn:
            return records.quote_records(conn, speaker, article_id)

    def story_records(self) -> list[Record]:
        """Stories, most recent first."""
        with self._read() as conn:
            return records.story_records(conn)

    def event_records(self, story_id: int | None = None) -> list[Record]:
        """Events in date order, optionally of one story."""
        with self._read() as conn:
            return records.event_records(conn, story_id)

    def story_record(self, story_id: int) -> Record | None:
        """One story as :meth:`story_records` shows it, read by id; ``None`` if absent."""
        with self._read() as conn:
            found = records.story_records(conn, [story_id])
        return found[0] if found else None

    def recent_stories(self, limit: int) -> list[Record]:
        """The first ``limit`` stories of :meth:`story_records`, without reading them all."""
        with self._read() as conn:
            return records.recent_stories(conn, limit)

    def event_record(self, event_id: int) -> Record | None:
        """One event as :meth:`event_records` shows it, read by id; ``None`` if absent."""
        with self._read() as conn:
            found = records.event_records(conn, ids=[event_id])
        return found[0] if found else None

    def entity_record(self, entity_id: int) -> Record | None:
        """One entity as :meth:`entity_records` shows it, read by id; ``None`` if absent."""
        with self._read() as conn:
            found = records.entity_records(conn, ids=[entity_id])
        return found[0] if found else None

    def quotes_in(self, article_ids: Sequence[int]) -> list[Record]:
        """The quotes of these articles, as :meth:`quote_records` shows them, in one query."""
        with self._read() as conn:
            return records.quote_records(conn, article_ids=article_ids)

    def quotes_by(self, entity_id: int) -> list[Record]:
        """The quotes whose speaker was resolved to this entity."""
        with self._read() as conn:
            return records.quote_records(conn, speaker_entity_id=entity_id)

    def article_actions(self, article_id: int) -> list[Record]:
        """The coded interactions read from one article, by date."""
        with self._read() as conn:
            return records.action_records(conn, article_id=article_id)

    def action_records(self, source: str | None = None, target: str | None = None) -> list[Record]:
        """Coded interactions, optionally between a source and a target country code."""
        with self._read() as conn:
            return records.action_records(conn, source, target)

    def mention_records(
        self, article_id: int | None = None, entity_id: int | None = None
    ) -> list[Record]:
        """Mentions of entities, optionally in one article or of one entity."""
        with self._read() as conn:
            return records.mention_records(conn, article_id, entity_id)

    def mention_days(self, entity_id: int) -> dict[str | None, int]:
        """Mentions of one entity counted by publication day, without reading them all."""
        with self._read() as conn:
            return records.mention_days(conn, entity_id)

    def article_origins(self, article_ids: Collection[int]) -> dict[int, Record]:
        """Outlet and ``duplicate_of`` of these articles, by id, in one query."""
        with self._read() as conn:
            return records.article_origins(conn, article_ids)

    def article_links(self, article_id: int) -> Record | None:
        """Where the link stage placed one article, and why."""
        with self._read() as conn:
            return records.article_links_of(conn, article_id)

    def link_columns(self) -> dict[int, dict[str, int | None]]:
        """``event_id``, ``story_id``, ``duplicate_of`` of every placed article."""
        with self._read() as conn:
            return records.link_columns(conn)

    def rejections(self, run_id: int) -> list[Rejection]:
        """The rejections recorded by one ingest run."""
        with self._read() as conn:
            query = select(rejections).where(rejections.c.ingest_run_id == run_id)
            return [Rejection(row.origin, row.reason) for row in conn.execute(query)]


def _new_id(primary_key: Any) -> int:
    """The id the database gave a row it just inserted."""
    if primary_key is None:
        raise RuntimeError("the database returned no id for an inserted row")
    return int(primary_key[0])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
