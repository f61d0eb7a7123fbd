"""The store keeps articles with their raw input, skips known content, and filters listings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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


def test_round_trip_keeps_metadata_raw_input_and_removals(tmp_path: Path) -> None:
    published = dt.datetime(2015, 9, 16, 22, 25, 2, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with Store(tmp_path / "s.db") as store:
        [added] = store.add_batch([make_article(1, published)], [], None)
        assert added.id is not None
        back = store.article(added.id)
    assert back is not None
    assert back.published == published
    assert back.published_iso == "2015-09-16T22:25:02+02:00"
    assert back.raw.decode(back.raw_encoding).startswith("S'abonner")
    assert back.removed == [Removal("S'abonner", "subscription-prompt")]
    assert (back.title, back.outlet, back.language) == ("Titre 1", "Le Courrier de Test", "fr")


def test_same_content_hash_is_stored_once_across_batches(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.add_batch([make_article(1), make_article(2)], [], None)
        again = store.add_batch([make_article(2), make_article(3)], [], None)
        assert [a.title for a in first] == ["Titre 1", "Titre 2"]
        assert [a.title for a in again] == ["Titre 3"]
        assert store.count_articles() == 3
        assert store.known_hashes([make_article(2).content_hash, "nope"]) == {
            make_article(2).content_hash
        }


def test_filters_and_order_newest_first_undated_last(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
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


def test_runs_record_rejections(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
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
