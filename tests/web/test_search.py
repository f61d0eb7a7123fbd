"""Full-text search in the store: accents, French stems, phrases, filters, safe highlights."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from recoupe.store import ArticleFilter, Store
from recoupe.store import search as search_index
from recoupe.store.search import mark_html, match_expression, parse_query, stem_text, words
from tests.web.fictional import HOSTILE_TITLE, fill_store, make_article


def titles(store: Store, query: str, **filters: object) -> list[str]:
    results = store.search(query, ArticleFilter(**filters))  # type: ignore[arg-type]
    return [hit.article.title or "" for hit in results.hits]


def test_accents_and_case_are_folded(read_store: Store) -> None:
    assert titles(read_store, "GREVE") == titles(read_store, "grève")
    assert "Grève des dockers à Valmont : les négociations reprennent" in titles(
        read_store, "greve"
    )


def test_french_stemming_matches_other_forms_of_a_word(read_store: Store) -> None:
    found = titles(read_store, "négociation")
    # "négociations" (plural) and "négociateur" share the stem of "négociation".
    assert "Grève des dockers à Valmont : les négociations reprennent" in found
    assert "Procès du maire de Belcastel : le négociateur du marché témoigne" in found
    assert "Crue de la Sarre : les digues de Kerlouan ont tenu" not in found


def test_every_word_must_match(read_store: Store) -> None:
    assert titles(read_store, "digues Kerlouan") == [
        "Crue de la Sarre : les digues de Kerlouan ont tenu"
    ]
    assert titles(read_store, "digues Valmont") == []


def test_quoted_phrase_keeps_words_together(read_store: Store) -> None:
    assert titles(read_store, '"marché public"') == [
        "Procès du maire de Belcastel : le négociateur du marché témoigne"
    ]
    assert titles(read_store, '"public marché"') == []


def test_title_match_ranks_above_body_match(read_store: Store) -> None:
    # "dockers" is in the first article's title and body, nowhere else but the English one.
    found = titles(read_store, "valmont")
    assert found[0] == "Grève des dockers à Valmont : les négociations reprennent"


def test_filters_narrow_results(read_store: Store) -> None:
    assert titles(read_store, "négociation", outlet="La Gazette d'Essai") == []
    assert titles(read_store, "négociation", since=dt.date(2024, 3, 1)) == [
        "Grève des dockers à Valmont : les négociations reprennent"
    ]
    assert titles(read_store, "strike", language="en") == [
        "Orvilliers harbour strike enters second week"
    ]
    assert titles(read_store, "strike", language="fr") == []


def test_total_and_paging(read_store: Store) -> None:
    first = read_store.search("de", limit=2)
    second = read_store.search("de", limit=2, offset=2)
    assert first.total == second.total >= 4
    assert len(first.hits) == 2
    assert not {h.article.id for h in first.hits} & {h.article.id for h in second.hits}


@pytest.mark.parametrize(
    "query", ['"', "AND", "OR NOT (", "title:x", "*", "NEAR(a b)", "^", "{title}", "\x00", ""]
)
def test_query_syntax_from_users_never_breaks_search(read_store: Store, query: str) -> None:
    results = read_store.search(query)
    assert results.total == len(results.hits) or results.total > len(results.hits)


def test_parse_query_keeps_only_words() -> None:
    assert parse_query('"la grève" dockers OR x*') == [["la", "grève"], ["dockers"], ["OR"], ["x"]]
    # Every user word ends up inside double quotes, where FTS5 reads it as a plain word.
    assert match_expression(parse_query('x" OR grèves')) == (
        '{title_stem body_stem} : "x" AND {title_stem body_stem} : "or" AND '
        '({title body} : "grèves" OR {title_stem body_stem} : "grev")'
    )


def test_stem_column_has_one_stem_per_word() -> None:
    text = "Les négociations d’État reprennent, 1 200 dockers"
    assert len(stem_text(text).split(" ")) == len(words(text))
    assert stem_text("négociations") == stem_text("négocier")


def test_highlights_are_escaped_then_marked(read_store: Store) -> None:
    [hit] = read_store.search("sécurité").hits
    assert hit.article.title == HOSTILE_TITLE
    assert "<mark>sécurité</mark>" in hit.snippet_html
    assert "<script" not in hit.snippet_html and "&lt;script&gt;" in hit.snippet_html
    assert "<script" not in hit.title_html


def test_mark_html_escapes_every_piece() -> None:
    source = "<b>un</b> & deux"
    tokens = words(source)
    marked = {i for i, t in enumerate(tokens) if t.group() == "un"}
    assert mark_html(source, tokens, marked, 0, None) == (
        "&lt;b&gt;<mark>un</mark>&lt;/b&gt; &amp; deux"
    )


def test_index_follows_deletes_and_updates(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        ids = fill_store(store)
        target = ids["Crue de la Sarre : les digues de Kerlouan ont tenu"]
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE articles SET title = 'Les barrages' WHERE id = ?",
                                 (target,))
        assert titles(store, "barrage") == ["Les barrages"]
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM articles WHERE id = ?", (target,))
        assert titles(store, "barrage") == []
        assert titles(store, "Kerlouan") == []


def test_store_created_before_search_is_indexed_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.add_batch([make_article("Vieux titre", "Ancien", None, "fr", "Corps ancien.", 1)],
                        [], None)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # as if the index had never existed
        for name in ("articles_fts_insert", "articles_fts_update", "articles_fts_delete"):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql("DROP TABLE articles_fts")
    engine.dispose()
    with Store(db) as store:
        assert titles(store, "vieux") == ["Vieux titre"]


def test_like_fallback_used_off_sqlite_finds_and_marks(read_store: Store) -> None:
    # The PostgreSQL path, run here on SQLite: plain substring match, no stemming.
    with read_store.engine.connect() as conn:
        results = search_index._search_like(
            conn, "digues", [["digues"]], ArticleFilter(), limit=10, offset=0
        )
    assert [h.article.title for h in results.hits] == [
        "Crue de la Sarre : les digues de Kerlouan ont tenu"
    ]
    assert "<mark>digues</mark>" in results.hits[0].snippet_html


def test_marked_positions_cover_phrases_and_separate_words() -> None:
    o, c = "\ue000", "\ue001"
    assert search_index._marked(f"le {o}port{c} de {o}la gare{c} et {o}port{c}") == {1, 3, 4, 6}
    assert search_index._marked("aucun mot") == set()
    assert search_index._marked(None) == set()


def test_snippet_centres_on_matches_deep_in_a_long_body() -> None:
    body = " ".join(f"mot{n}" for n in range(500)) + " cible " + "fin " * 100
    marked = {500}
    snippet = search_index.snippet_html(body, marked)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>cible</mark>" in snippet
    assert len(snippet) < 400


def test_stemming_in_many_threads_gives_the_same_stems() -> None:
    from concurrent.futures import ThreadPoolExecutor

    vocabulary = [f"{root}{ending}" for root in ("négoci", "manifest", "inond", "condamn")
                  for ending in ("ations", "er", "ait", "ées", "ement", "ons")]
    expected = [search_index._stemmer().stemWord(w) for w in vocabulary]

    def stem_all(_: int) -> list[str]:
        return [search_index._stemmer().stemWord(w) for w in vocabulary * 20]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(result == expected * 20 for result in pool.map(stem_all, range(32)))
