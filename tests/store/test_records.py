"""Read models by id give exactly what the full listings give, and old stores get the indexes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import NewDb

from recoupe.model import (
    Action,
    ActionActor,
    Article,
    Entity,
    Event,
    EventAssignment,
    Explanation,
    Mention,
    Quote,
    Story,
    content_hash,
)
from recoupe.store import ArticleAnnotations, Store
from recoupe.store.schema import READ_INDEXES

#: (event key, story key, article numbers): two stories, one of two events, and one
#: article (6) the link stage has not placed.
LAYOUT = [("e1", "s1", [1, 2]), ("e2", "s1", [3]), ("e3", "s2", [4, 5])]
#: The day each article was published: story s2 ends last, so it comes first.
DAYS = {n: dt.date(2024, 3, n) for n in range(1, 7)} | {4: dt.date(2024, 5, 1)}


def make_article(n: int, published: dt.date) -> Article:
    """A small article numbered ``n``."""
    body = f"Corps de l'article numéro {n}, écrit pour les tests des lectures par id."
    return Article(
        origin=f"fixture/{n}.txt", content_hash=content_hash(body), body=body, title=f"Titre {n}",
        outlet="Le Courrier de Test", published=published, language="fr", raw=body.encode(),
    )


def annotations(article_id: int) -> ArticleAnnotations:
    """A mention, a quote and an action in the article's body."""
    found = ArticleAnnotations(article_id, "fr")
    found.mentions.append(Mention(article_id, 0, 5, "Corps", "PER", "Corps", "PER:corps"))
    found.quotes.append(
        Quote(f"q{article_id}", article_id, "Corps", "PER:corps", "article", "direct", None, 9, 16)
    )
    found.actions.append(
        Action(f"a{article_id}", article_id, None, (ActionActor("France", "FRA"),), "DEMAND",
               (), "demande", "Corps", 0, 5)
    )
    return found


def place(store: Store, ids: dict[int, int]) -> None:
    """Events and stories as :data:`LAYOUT` says, as the link stage stores them."""
    events, placed = [], []
    for key, story, numbers in LAYOUT:
        days = [DAYS[n] for n in numbers]
        events.append(Event(key, story, f"Titre {key}", tuple(str(ids[n]) for n in numbers),
                            ("Le Courrier de Test",), min(days), max(days)))
        placed += [
            EventAssignment(str(ids[n]), key, story, None,
                            Explanation(str(ids[n]), "joined", key, 0.5))
            for n in numbers
        ]
    stories = [
        Story(s, f"Histoire {s}", tuple(e.id for e in events if e.story_id == s),
              min(e.first_seen for e in events if e.story_id == s and e.first_seen),
              max(e.last_seen for e in events if e.story_id == s and e.last_seen))
        for s in ("s1", "s2")
    ]
    store.save_links(placed, events, stories, {})


@pytest.fixture
def store(new_db: NewDb) -> Iterator[Store]:
    """Six articles with annotations, five of them in events and stories."""
    with Store(new_db("r")) as opened:
        added = opened.add_batch([make_article(n, DAYS[n]) for n in range(1, 7)], [], None)
        ids = {n: a.id for n, a in zip(range(1, 7), added, strict=True) if a.id is not None}
        entity = Entity("PER:corps", "Corps", "PER", aliases=["Corps"], articles=list(ids.values()))
        opened.save_annotations([annotations(i) for i in ids.values()], [entity], {})
        place(opened, ids)
        yield opened


def test_story_and_event_by_id_match_the_listings(store: Store) -> None:
    stories = store.story_records()
    assert [s["title"] for s in stories] == ["Histoire s2", "Histoire s1"]
    for story in stories:
        assert store.story_record(story["id"]) == story
        assert store.event_records(story["id"]) == [
            e for e in store.event_records() if e["story_id"] == story["id"]
        ]
    for event in store.event_records():
        assert store.event_record(event["id"]) == event
    assert store.story_record(999) is None and store.event_record(999) is None


def test_recent_stories_are_the_head_of_the_listing(store: Store) -> None:
    everything = store.story_records()
    assert store.recent_stories(1) == everything[:1]
    assert store.recent_stories(12) == everything
    assert everything[1]["articles"] == 3 and everything[1]["event_ids"] == [1, 2]


def test_quotes_actions_and_entity_by_id_match_the_listings(store: Store) -> None:
    event = store.event_records()[0]
    ids = event["article_ids"]
    assert store.quotes_in(ids) == [q for q in store.quote_records() if q["article_id"] in ids]
    assert len(store.quotes_in(ids)) == 2
    [entity] = store.entity_records()
    assert store.entity_record(entity["id"]) == entity
    assert store.entity_record(entity["id"] + 1) is None
    assert store.quotes_by(entity["id"]) == store.quote_records()
    for article_id in ids:
        assert store.article_actions(article_id) == [
            a for a in store.action_records() if a["article_id"] == article_id
        ]


def test_a_store_made_before_the_read_indexes_gets_them_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path):
        pass
    with sqlite3.connect(path) as conn:
        for index in READ_INDEXES:
            conn.execute(f"DROP INDEX {index.name}")
    with Store(path):
        pass
    with sqlite3.connect(path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {str(index.name) for index in READ_INDEXES} <= names
