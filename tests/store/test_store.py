"""The store keeps articles with their raw input, skips known content, and filters listings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text
from tests.conftest import NewDb

from recoupe.model import Article, Rejection, Removal, content_hash
from recoupe.store import ArticleFilter, Store


def make_article(n: int, published: dt.date | dt.datetime | None = None) -> Article:
    body = f"Corps de l'article numéro {n}, écrit pour les tests du dépôt."
    return Article(
        origin=f"fixture/{n}.txt",
        content_hash=content_hash(body + str(n)),
        body=body,
        title=f"Titre {n}",
        outlet="Le Courrier de Test" if n % 2 else "La Gazette d'Essai",
        published=published,
        language="fr",
        removed=[Removal("S'abonner", "subscription-prompt")],
        raw=f"S'abonner\n{body}".encode("cp1252"),
        raw_encoding="cp1252",
    )


def test_round_trip_keeps_metadata_raw_input_and_removals(new_db: NewDb) -> None:
    published = dt.datetime(2015, 9, 16, 22, 25, 2, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with Store(new_db("s")) as store:
        [added] = store.add_batch([make_article(1, published)], [], None)
        assert added.id is not None
        back = store.article(added.id)
    assert back is not None
    assert back.published == published
    assert back.published_iso == "2015-09-16T22:25:02+02:00"
    assert back.raw.decode(back.raw_encoding).startswith("S'abonner")
    assert back.removed == [Removal("S'abonner", "subscription-prompt")]
    assert (back.title, back.outlet, back.language) == ("Titre 1", "Le Courrier de Test", "fr")


def test_same_content_hash_is_stored_once_across_batches(new_db: NewDb) -> None:
    with Store(new_db("s")) as store:
        first = store.add_batch([make_article(1), make_article(2)], [], None)
        again = store.add_batch([make_article(2), make_article(3)], [], None)
        assert [a.title for a in first] == ["Titre 1", "Titre 2"]
        assert [a.title for a in again] == ["Titre 3"]
        assert store.count_articles() == 3
        assert store.known_hashes([make_article(2).content_hash, "nope"]) == {
            make_article(2).content_hash
        }


def test_filters_and_order_newest_first_undated_last(new_db: NewDb) -> None:
    with Store(new_db("s")) as store:
        store.add_batch(
            [
                make_article(1, dt.date(2016, 9, 28)),
                make_article(2, None),
                make_article(3, dt.date(2016, 10, 3)),
                make_article(4, dt.date(2015, 9, 16)),
            ],
            [],
            None,
        )
        titles = [a.title for a in store.articles()]
        assert titles == ["Titre 3", "Titre 1", "Titre 4", "Titre 2"]
        odd = store.articles(ArticleFilter(outlet="Le Courrier de Test"))
        assert {a.title for a in odd} == {"Titre 1", "Titre 3"}
        recent = ArticleFilter(since=dt.date(2016, 1, 1), until=dt.date(2016, 9, 30))
        assert [a.title for a in store.articles(recent)] == ["Titre 1"]
        assert [a.title for a in store.iter_articles()] == [f"Titre {n}" for n in (1, 2, 3, 4)]


def test_runs_record_rejections(new_db: NewDb) -> None:
    with Store(new_db("s")) as store:
        run = store.start_run(["a", "b"])
        store.add_batch([], [Rejection("b", "empty file")], run)
        store.finish_run(run, stored=0, duplicates=0, rejected=1)
        assert store.rejections(run) == [Rejection("b", "empty file")]


def test_db_location_from_environment(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("RECOUPE_DB", str(target))
    with Store() as store:
        store.add_batch([make_article(7)], [], None)
    assert target.exists()


def test_stores_opened_at_once_on_a_new_database_all_open(new_db: NewDb) -> None:
    # `serve --workers` opens the store in each worker at once: the schema is made once.
    db = new_db("s")

    def open_and_count(_: int) -> int:
        with Store(db) as store:
            return store.count_articles()

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]


def test_search_index_follows_sql_updates_and_deletes(new_db: NewDb) -> None:
    with Store(new_db("s")) as store:
        [first, second] = store.add_batch([make_article(1), make_article(2)], [], None)
        assert store.search("numéro").total == 2
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET title = 'Les barrages' WHERE id = :id"),
                         {"id": first.id})
            conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": second.id})
        assert [h.article.id for h in store.search("barrage").hits] == [first.id]
        assert store.search("numero").total == 1
        assert store.search("Titre").total == 0


def test_a_huge_body_of_distinct_words_is_stored_and_searchable(new_db: NewDb) -> None:
    # On PostgreSQL a tsvector holds at most 1 MB: only the start of a body is indexed.
    words = [f"mot{n:06d}x" for n in range(150_000)]
    huge = dataclasses.replace(make_article(1), body=" ".join(words), content_hash="huge")
    with Store(new_db("s")) as store:
        assert len(store.add_batch([huge], [], None)) == 1
        assert store.search(words[10]).total == 1
