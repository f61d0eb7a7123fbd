"""Reading and writing what the nlp stage found: entities, mentions, quotes, actions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from recoupe.model import Action, ActionActor, Entity, Mention, Quote
from recoupe.store.schema import actions, article_nlp, articles, entities, mentions, quotes
from recoupe.store.upsert import upsert


@dataclasses.dataclass
class ArticleAnnotations:
    """Everything the nlp stage wrote for one article, ready to store in one go."""

    article_id: int
    language: str | None
    note: str | None = None
    lemmas: list[str] | None = None
    mentions: list[Mention] = dataclasses.field(default_factory=list)
    quotes: list[Quote] = dataclasses.field(default_factory=list)
    actions: list[Action] = dataclasses.field(default_factory=list)


def unannotated(conn: Connection, limit: int) -> list[int]:
    """Ids of articles the nlp stage has not read yet, oldest first."""
    done = select(article_nlp.c.article_id)
    query = select(articles.c.id).where(articles.c.id.not_in(done)).order_by(articles.c.id)
    return list(conn.scalars(query.limit(limit)))


def save(conn: Connection, found: Sequence[ArticleAnnotations]) -> None:
    """Replace the annotations of these articles (so a rerun never duplicates anything)."""
    ids = [a.article_id for a in found]
    for table in (mentions, quotes, actions, article_nlp):
        conn.execute(delete(table).where(table.c.article_id.in_(ids)))
    conn.execute(insert(article_nlp), [_nlp_row(a) for a in found])
    _insert(conn, mentions, [_mention_row(m) for a in found for m in a.mentions])
    _insert(conn, quotes, [_quote_row(q) for a in found for q in a.quotes])
    _insert(conn, actions, [_action_row(x) for a in found for x in a.actions])


def save_entities(conn: Connection, found: Iterable[Entity]) -> None:
    """Insert new canonical entities and refresh the ones that gained names or articles."""
    upsert(conn, entities, [_entity_row(e) for e in found], key="key")


def lemmas(conn: Connection, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """The lemmas the nlp stage kept for these articles (absent when it skipped them)."""
    query = select(article_nlp.c.article_id, article_nlp.c.lemmas).where(
        article_nlp.c.article_id.in_(article_ids), article_nlp.c.lemmas.is_not(None)
    )
    return {row.article_id: row.lemmas for row in conn.execute(query)}


def entity_keys(conn: Connection, article_ids: Sequence[int]) -> dict[int, list[str]]:
    """The canonical entity keys each article mentions, in order of first mention."""
    query = (
        select(mentions.c.article_id, mentions.c.entity_key)
        .where(mentions.c.article_id.in_(article_ids), mentions.c.entity_key.is_not(None))
        .order_by(mentions.c.article_id, mentions.c.start)
    )
    found: dict[int, list[str]] = {}
    for row in conn.execute(query):
        keys = found.setdefault(row.article_id, [])
        if row.entity_key not in keys:
            keys.append(row.entity_key)
    return found


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _nlp_row(found: ArticleAnnotations) -> dict[str, Any]:
    return {
        "article_id": found.article_id,
        "language": found.language,
        "note": found.note,
        "lemmas": found.lemmas,
    }


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "key": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "country": entity.country,
        "aliases": sorted(set(entity.aliases)),
        "roles": list(dict.fromkeys(entity.roles)),
        "articles": sorted({int(a) for a in entity.articles}),
    }


def _mention_row(mention: Mention) -> dict[str, Any]:
    return {
        "article_id": int(mention.article_id),
        "entity_key": mention.key,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        "country": mention.country,
        "role": mention.role,
    }


def _quote_row(quote: Quote) -> dict[str, Any]:
    return {
        "key": quote.id,
        "article_id": int(quote.article_id),
        "speaker": quote.speaker,
        "speaker_key": quote.speaker_entity_id,
        "text": quote.text,
        "kind": quote.kind,
        "cue": quote.cue,
        "start": quote.start,
        "end": quote.end,
    }


def _actor(actor: ActionActor) -> dict[str, str]:
    return {"name": actor.name, "code": actor.code, "sector": actor.sector}


def _action_row(action: Action) -> dict[str, Any]:
    return {
        "key": action.id,
        "article_id": int(action.article_id) if action.article_id is not None else None,
        "date": action.date,
        "source": [_actor(a) for a in action.source],
        "source_code": action.source[0].code if action.source else None,
        "event": action.event,
        "mode": action.mode,
        "cameo": action.cameo,
        "target": [_actor(a) for a in action.target],
        "target_code": action.target[0].code if action.target else None,
        "trigger": action.trigger,
        "negated": action.negated,
        "reported_by": action.reported_by,
        "sentence": action.sentence,
        "start": action.start,
        "end": action.end,
    }
