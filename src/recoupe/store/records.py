"""Read models: the records that exports, the CLI and the API show.

Each function returns plain dicts with exactly the exported fields and the short integer ids
users type (``recoupe events --story 2``), never the stages' internal keys.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Connection, Select, func, select

from recoupe.store import narratives
from recoupe.store.schema import (
    actions,
    article_links,
    articles,
    entities,
    event_narratives,
    events,
    mentions,
    quotes,
    stories,
)


def fold(text: str) -> str:
    """Lower case without accents, so that "Sergueï" finds "Serguei" and "serguei"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def entity_records(
    conn: Connection,
    kind: str | None = None,
    name: str | None = None,
    ids: Collection[int] | None = None,
) -> list[dict[str, Any]]:
    """Canonical entities, most mentioned first: id, name, kind, country, aliases, articles.

    ``ids`` reads only these entities (by primary key), not the whole table.
    """
    query = select(entities)
    if kind:
        query = query.where(entities.c.kind == kind.upper())
    if ids is not None:
        query = query.where(entities.c.id.in_(list(ids)))
    rows = [r for r in conn.execute(query) if name is None or _names_match(r, name)]
    rows.sort(key=lambda r: (-len(r.articles), r.name))
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "country": r.country,
            "aliases": r.aliases,
            "roles": r.roles,
            "articles": r.articles,
        }
        for r in rows
    ]


def quote_records(
    conn: Connection,
    speaker: str | None = None,
    article_id: int | None = None,
    article_ids: Collection[int] | None = None,
    speaker_entity_id: int | None = None,
) -> list[dict[str, Any]]:
    """Quotes in article order; ``speaker`` matches the speaker's name or any of its aliases.

    ``article_id``, ``article_ids`` and ``speaker_entity_id`` narrow the query in SQL (on
    indexed columns), so that a page about one article, event or entity reads only its rows.
    """
    query = (
        select(quotes, entities.c.id.label("entity_id"), articles.c.published)
        .join(entities, entities.c.key == quotes.c.speaker_key, isouter=True)
        .join(articles, articles.c.id == quotes.c.article_id)
        .order_by(quotes.c.article_id, quotes.c.start)
    )
    if article_id is not None:
        query = query.where(quotes.c.article_id == article_id)
    if article_ids is not None:
        query = query.where(quotes.c.article_id.in_(list(article_ids)))
    if speaker_entity_id is not None:
        query = query.where(entities.c.id == speaker_entity_id)
    keys = _entity_keys_named(conn, speaker) if speaker else set()
    return [
        _quote_record(r)
        for r in conn.execute(query)
        if speaker is None or r.speaker_key in keys or fold(speaker) in fold(r.speaker or "")
    ]


def _quote_record(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "article_id": r.article_id,
        "published": r.published,
        "speaker": r.speaker,
        "speaker_entity_id": r.entity_id,
        "text": r.text,
        "kind": r.kind,
        "cue": r.cue,
        "start": r.start,
        "end": r.end,
    }


def story_records(conn: Connection, ids: Collection[int] | None = None) -> list[dict[str, Any]]:
    """Stories, most recent first: id, title, event_ids, start, end, and their sizes.

    ``ids`` reads only these stories and their members, not every story.
    """
    query = select(stories).order_by(stories.c.id)
    if ids is not None:
        query = query.where(stories.c.id.in_(list(ids)))
    rows = conn.execute(query).fetchall()
    keys = None if ids is None else [r.key for r in rows]
    event_ids, outlets, article_counts = _story_members(conn, keys)
    out = [
        {
            "id": r.id,
            "title": r.title,
            "event_ids": event_ids.get(r.key, []),
            "start": _iso(r.start),
            "end": _iso(r.end),
            "articles": article_counts.get(r.key, 0),
            "outlets": sorted(outlets.get(r.key, ())),
        }
        for r in rows
    ]
    out.sort(key=lambda s: (s["end"] or "", s["articles"]), reverse=True)
    return out


def recent_stories(conn: Connection, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` of :func:`story_records`, reading only the stories that can be.

    The order is by end day, then size: only stories ending on or after the ``limit``-th
    latest end day can make the cut, so only those are counted.
    """
    latest = _newest_end_first(conn, select(stories.c.end))
    ends = list(conn.scalars(latest.limit(limit)))
    if len(ends) < limit or ends[-1] is None:
        return story_records(conn)[:limit]
    candidates = conn.scalars(select(stories.c.id).where(stories.c.end >= ends[-1]))
    return story_records(conn, list(candidates))[:limit]


def _newest_end_first(conn: Connection, query: Select[Any]) -> Select[Any]:
    if conn.dialect.name == "sqlite":
        # SQLite sorts NULL below every day, so descending puts undated stories last as is.
        return query.order_by(stories.c.end.desc())
    return query.order_by(stories.c.end.desc().nulls_last())


def event_records(
    conn: Connection, story_id: int | None = None, ids: Collection[int] | None = None
) -> list[dict[str, Any]]:
    """Events in date order (undated last): id, story_id, title, article_ids, outlets, dates.

    ``story_id`` or ``ids`` read only those events, their members and their narratives.
    """
    query = select(events, stories.c.id.label("story_id")).join(
        stories, stories.c.key == events.c.story_key, isouter=True
    )
    if story_id is not None:
        query = query.where(stories.c.id == story_id)
    if ids is not None:
        query = query.where(events.c.id.in_(list(ids)))
    rows = conn.execute(query).fetchall()
    keys = None if story_id is None and ids is None else [r.key for r in rows]
    members = _event_articles(conn, keys)
    told = _event_dates_and_sentences(conn, keys)
    out = [
        {
            "id": r.id,
            "story_id": r.story_id,
            "title": r.title,
            "article_ids": members.get(r.key, []),
            "outlets": r.outlets,
            "first_seen": _iso(r.first_seen),
            "last_seen": _iso(r.last_seen),
        }
        | _narrative_fields(told.get(r.key))
        for r in rows
    ]
    out.sort(key=lambda e: (e["first_seen"] is None, e["first_seen"] or "", e["id"]))
    return out


def _event_dates_and_sentences(conn: Connection, keys: Sequence[str] | None) -> dict[str, Any]:
    """The narrative columns an event record shows, by event key.

    Only these columns: the summary and the outlet comparison are large JSON documents (tens
    of kilobytes per event), and decoding them for every event made each page take seconds.
    """
    query = select(
        event_narratives.c.event_key,
        event_narratives.c.date,
        event_narratives.c.date_evidence,
        event_narratives.c.not_before,
        event_narratives.c.sentence,
    )
    if keys is not None:
        query = query.where(event_narratives.c.event_key.in_(keys))
    return {row.event_key: row for row in conn.execute(query)}


def _narrative_fields(told: Any) -> dict[str, Any]:
    """An event's ``date``, ``date_evidence``, ``not_before`` and ``summary`` (text)."""
    if told is None:
        return {"date": None, "date_evidence": None, "not_before": None, "summary": None}
    sentence = told.sentence["text"] if told.sentence else None
    return {
        "date": _iso(told.date),
        "date_evidence": told.date_evidence,
        "not_before": _iso(told.not_before),
        "summary": sentence,
    }


def article_links_of(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """Where the link stage put one article (event_id, story_id, duplicate_of) and why."""
    query = (
        select(article_links, events.c.id.label("event_id"), stories.c.id.label("story_id"))
        .join(events, events.c.key == article_links.c.event_key, isouter=True)
        .join(stories, stories.c.key == article_links.c.story_key, isouter=True)
        .where(article_links.c.article_id == article_id)
    )
    row = conn.execute(query).first()
    if row is None:
        return None
    return {
        "event_id": row.event_id,
        "story_id": row.story_id,
        "duplicate_of": row.duplicate_of,
        "explanation": _numbered(conn, row.explanation),
    }


def _numbered(conn: Connection, explanation: dict[str, Any] | None) -> dict[str, Any] | None:
    """The explanation with each candidate's event id as users see it (``event_number``)."""
    if not explanation or not explanation.get("candidates"):
        return explanation
    keys = [c["event_id"] for c in explanation["candidates"]]
    found = conn.execute(select(events.c.key, events.c.id).where(events.c.key.in_(keys)))
    numbers = {key: number for key, number in found}
    candidates = [{**c, "event_number": numbers.get(c["event_id"])}
                  for c in explanation["candidates"]]
    return {**explanation, "candidates": candidates}


def link_columns(conn: Connection) -> dict[int, dict[str, int | None]]:
    """``event_id``, ``story_id`` and ``duplicate_of`` of every placed article, by article id."""
    query = (
        select(
            article_links.c.article_id,
            article_links.c.duplicate_of,
            events.c.id.label("event_id"),
            stories.c.id.label("story_id"),
        )
        .join(events, events.c.key == article_links.c.event_key, isouter=True)
        .join(stories, stories.c.key == article_links.c.story_key, isouter=True)
    )
    return {
        r.article_id: {
            "event_id": r.event_id,
            "story_id": r.story_id,
            "duplicate_of": r.duplicate_of,
        }
        for r in conn.execute(query)
    }


def action_records(
    conn: Connection,
    source: str | None = None,
    target: str | None = None,
    article_id: int | None = None,
) -> list[dict[str, Any]]:
    """Coded interactions by date: who did what to whom, with the sentence it came from."""
    query = select(actions).order_by(actions.c.date.is_(None), actions.c.date, actions.c.id)
    if article_id is not None:
        query = query.where(actions.c.article_id == article_id)
    if source:
        query = query.where(actions.c.source_code == source.upper())
    if target:
        query = query.where(actions.c.target_code == target.upper())
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "date": _iso(r.date),
            "source": r.source[0] if r.source else None,
            "event": r.event,
            "mode": r.mode,
            "cameo": r.cameo,
            "target": r.target[0] if r.target else None,
            "trigger": r.trigger,
            "negated": r.negated,
            "reported_by": r.reported_by,
            "sentence": r.sentence,
            "start": r.start,
            "end": r.end,
        }
        for r in conn.execute(query)
    ]


def mention_records(
    conn: Connection, article_id: int | None = None, entity_id: int | None = None
) -> list[dict[str, Any]]:
    """Mentions in article and offset order: entity_id, text, kind, span and the article's day."""
    query = (
        select(mentions, entities.c.id.label("entity_id"), articles.c.published_day)
        .join(entities, entities.c.key == mentions.c.entity_key, isouter=True)
        .join(articles, articles.c.id == mentions.c.article_id)
        .order_by(mentions.c.article_id, mentions.c.start)
    )
    if article_id is not None:
        query = query.where(mentions.c.article_id == article_id)
    if entity_id is not None:
        query = query.where(entities.c.id == entity_id)
    return [
        {
            "id": r.id,
            "article_id": r.article_id,
            "day": _iso(r.published_day),
            "entity_id": r.entity_id,
            "text": r.text,
            "kind": r.kind,
            "start": r.start,
            "end": r.end,
        }
        for r in conn.execute(query)
    ]


def mention_days(conn: Connection, entity_id: int) -> dict[str | None, int]:
    """How many mentions of one entity each publication day holds (``None``: undated).

    Counted in SQL, one row per day, so that an entity's page does not read every mention.
    """
    query = (
        select(articles.c.published_day, func.count().label("n"))
        .select_from(mentions)
        .join(entities, entities.c.key == mentions.c.entity_key)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(entities.c.id == entity_id)
        .group_by(articles.c.published_day)
    )
    return {_iso(r.published_day): r.n for r in conn.execute(query)}


def article_origins(conn: Connection, article_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """The outlet of these articles and the article each one copies (``duplicate_of``)."""
    query = (
        select(articles.c.id, articles.c.outlet, article_links.c.duplicate_of)
        .join(article_links, article_links.c.article_id == articles.c.id, isouter=True)
        .where(articles.c.id.in_(list(article_ids)))
    )
    return {
        r.id: {"outlet": r.outlet, "duplicate_of": r.duplicate_of} for r in conn.execute(query)
    }


def story_timeline(conn: Connection, story_id: int) -> dict[str, Any] | None:
    """One story in the order its events happened, for ``recoupe timeline``.

    ``story`` (id, title, start, end), ``paragraph`` (text and its sentences with their
    article and offsets) and ``events``: each event's date, date_evidence, not_before,
    summary, outlets, actors (most-mentioned entities) and key quotes. ``None`` when the story
    does not exist.
    """
    story = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    if story is None:
        return None
    told = narratives.by_story(conn, story.key)
    query = select(events.c.id, events.c.key).where(events.c.story_key == story.key)
    keys = {r.id: r.key for r in conn.execute(query)}
    rows = event_records(conn, story_id)
    order = {key: k for k, key in enumerate(told.timeline if told else ())}
    rows.sort(key=lambda e: order.get(keys[e["id"]], len(order)))
    for row in rows:
        row["actors"] = event_actors(conn, row["article_ids"])
        row["quotes"] = key_quotes(conn, row["article_ids"])
    sentences = told.paragraph["sentences"] if told else []
    return {
        "story": {
            "id": story.id,
            "title": story.title,
            "start": _iso(story.start),
            "end": _iso(story.end),
        },
        "paragraph": " ".join(s["text"] for s in sentences) or None,
        "paragraph_sentences": [_cited(s) for s in sentences],
        "events": rows,
    }


def event_actors(conn: Connection, article_ids: list[int], limit: int = 5) -> list[dict[str, Any]]:
    """The entities these articles mention most: entity_id, name, kind, mentions."""
    query = (
        select(entities.c.id, entities.c.name, entities.c.kind)
        .join(mentions, mentions.c.entity_key == entities.c.key)
        .where(mentions.c.article_id.in_(article_ids))
    )
    counts = Counter((r.id, r.name, r.kind) for r in conn.execute(query))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))[:limit]
    return [
        {"entity_id": i, "name": name, "kind": kind, "mentions": n} for (i, name, kind), n in ranked
    ]


def key_quotes(conn: Connection, article_ids: list[int], limit: int = 2) -> list[dict[str, Any]]:
    """The quotes with a speaker that most of these articles carry (first copy of each)."""
    query = (
        select(quotes)
        .where(quotes.c.article_id.in_(article_ids), quotes.c.speaker.is_not(None))
        .order_by(quotes.c.article_id, quotes.c.start)
    )
    found: dict[str, list[Any]] = defaultdict(list)
    for r in conn.execute(query):
        found[fold(" ".join(r.text.split()))].append(r)
    ranked = sorted(found.values(), key=lambda copies: -len({c.article_id for c in copies}))
    return [
        {
            "speaker": c[0].speaker,
            "text": c[0].text,
            "article_id": c[0].article_id,
            "start": c[0].start,
            "end": c[0].end,
            "articles": len({q.article_id for q in c}),
        }
        for c in ranked[:limit]
    ]


def event_comparison(conn: Connection, event_id: int) -> dict[str, Any] | None:
    """One event outlet by outlet, for ``recoupe compare``; ``None`` when it does not exist.

    ``outlets``: each outlet's articles (id, title, published), the claims it shares with
    other outlets and those only it carries (article id, offsets, text), its quotes;
    ``first_outlet`` and its evidence; ``designations``: entities the outlets name
    differently. ``narrated`` is false when the narrate stage has not run on the event.
    """
    event = conn.execute(select(events).where(events.c.id == event_id)).first()
    if event is None:
        return None
    ids = _event_articles(conn, [event.key]).get(event.key, [])
    titles = {
        r.id: r
        for r in conn.execute(
            select(articles.c.id, articles.c.title, articles.c.published, articles.c.outlet).where(
                articles.c.id.in_(ids)
            )
        )
    }
    told = conn.execute(
        select(event_narratives).where(event_narratives.c.event_key == event.key)
    ).first()
    compared = told.comparison if told else {"outlets": [], "first_outlet": None}
    return {
        "event": {"id": event.id, "title": event.title, "outlets": event.outlets},
        "narrated": told is not None,
        "first_outlet": compared.get("first_outlet"),
        "first_evidence": compared.get("first_evidence"),
        "outlets": [_outlet_view(view, titles) for view in compared["outlets"]],
        "designations": designations(conn, ids),
    }


def designations(conn: Connection, article_ids: list[int]) -> list[dict[str, Any]]:
    """Entities that different outlets name differently: entity_id, name, and by outlet."""
    query = (
        select(entities.c.id, entities.c.name, mentions.c.text, articles.c.outlet)
        .join(mentions, mentions.c.entity_key == entities.c.key)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.article_id.in_(article_ids))
        .order_by(mentions.c.article_id, mentions.c.start)
    )
    names: dict[tuple[int, str], dict[str, list[str]]] = defaultdict(dict)
    for r in conn.execute(query):
        texts = names[(r.id, r.name)].setdefault(r.outlet or "?", [])
        if " ".join(r.text.split()) not in texts:
            texts.append(" ".join(r.text.split()))
    return [
        {"entity_id": i, "name": name, "by_outlet": outlets}
        for (i, name), outlets in names.items()
        if len(outlets) > 1 and _named_apart(outlets)
    ]


def _named_apart(by_outlet: dict[str, list[str]]) -> bool:
    """Whether some outlet uses a name for the entity that another outlet never uses (accents
    and case aside): "Moscou" and "Russie" in both is no difference, "Damas" in one is."""
    used = [{fold(t) for t in texts} for texts in by_outlet.values()]
    return any(a != b for a in used for b in used)


def _outlet_view(view: dict[str, Any], titles: dict[int, Any]) -> dict[str, Any]:
    ids = [int(a) for a in view["article_ids"] if str(a).isdigit()]
    return {
        "outlet": view["outlet"],
        "first_published": view["first_published"],
        "articles": [
            {"id": i, "title": titles[i].title, "published": titles[i].published}
            for i in ids
            if i in titles
        ],
        "shared": [_claim(c) for c in view["shared"]],
        "unique": [_claim(c) for c in view["unique"]],
        "quotes": [
            {"speaker": q["speaker"], "text": q["text"], "article_id": _int(q["article_id"])}
            for q in view["quotes"]
        ],
    }


def _claim(claim: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": _int(claim["article_id"]),
        "start": claim["start"],
        "end": claim["end"],
        "text": claim["text"],
    }


def _cited(sentence: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": sentence["text"],
        "article_id": _int(sentence["article_id"]),
        "start": sentence["start"],
        "end": sentence["end"],
    }


def _int(value: Any) -> Any:
    return int(value) if str(value).isdigit() else value


def _names_match(row: Any, name: str) -> bool:
    wanted = fold(name)
    return any(wanted in fold(alias) for alias in [row.name, *row.aliases])


def _entity_keys_named(conn: Connection, name: str) -> set[str]:
    rows = conn.execute(select(entities.c.key, entities.c.name, entities.c.aliases))
    return {r.key for r in rows if _names_match(r, name)}


def _event_articles(conn: Connection, keys: Sequence[str] | None = None) -> dict[str, list[int]]:
    """Member article ids by event key (of these events only, when ``keys`` is given)."""
    members: dict[str, list[int]] = defaultdict(list)
    query = select(article_links.c.event_key, article_links.c.article_id).order_by(
        article_links.c.article_id
    )
    if keys is not None:
        query = query.where(article_links.c.event_key.in_(keys))
    for row in conn.execute(query):
        members[row.event_key].append(row.article_id)
    return members


def _story_members(
    conn: Connection, keys: Sequence[str] | None
) -> tuple[dict[str, list[int]], dict[str, set[str]], dict[str, int]]:
    """Event ids, outlets and article counts by story key (of these stories, or of all)."""
    event_ids: dict[str, list[int]] = defaultdict(list)
    outlets: dict[str, set[str]] = defaultdict(set)
    query = select(events.c.id, events.c.story_key, events.c.outlets).order_by(events.c.id)
    counted = select(
        article_links.c.story_key, func.count(func.distinct(article_links.c.article_id))
    ).group_by(article_links.c.story_key)
    if keys is not None:
        query = query.where(events.c.story_key.in_(keys))
        counted = counted.where(article_links.c.story_key.in_(keys))
    for row in conn.execute(query):
        event_ids[row.story_key].append(row.id)
        outlets[row.story_key].update(row.outlets)
    counts = {key: int(n) for key, n in conn.execute(counted)}
    return event_ids, outlets, counts


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
