"""An entity's quotes: the same words carried by a wire copy are listed once, with the copy.

The store is written by hand: an original article and its wire copy carry the same quote,
a third article (from a hostile outlet) carries another one by the same speaker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from recoupe.store import Store
from recoupe.store.schema import article_links, entities, quotes
from recoupe.web import create_app
from recoupe.web.stages import entity_quotes
from tests.web.fictional import HOSTILE_OUTLET, make_article

SAID = "Nous ne céderons pas sur le canal de Valmont"
BODY = f"« {SAID} », a déclaré Irène Vasseur."
OTHER_SAID = "Le port <script>window.__pwnedQuote=1</script> rouvrira lundi"
OTHER_BODY = f"« {OTHER_SAID} », a ajouté Irène Vasseur."
DAY = dt.date(2024, 5, 6)


def quote_row(article_id: int, body: str, text: str, n: int) -> dict[str, object]:
    start = body.index(text)
    return {"key": f"q-{n}", "article_id": article_id, "speaker": "Irène Vasseur",
            "speaker_key": "per:irene-vasseur", "text": text, "kind": "direct",
            "cue": "a déclaré", "start": start, "end": start + len(text)}


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    """The store, and ids: articles ``original``, ``copy``, ``other``; entity ``irene``."""
    folder: Path = tmp_path_factory.mktemp("entity-quotes")
    with Store(folder / "q.db") as store:
        added = store.add_batch([
            make_article("Le canal", "La Gazette d'Essai", DAY + dt.timedelta(days=1), "fr",
                         BODY, 1),
            make_article("Le canal", "Le Courrier de Valmont", DAY, "fr",
                         BODY + "\n\nLa séance est levée.", 2),
            make_article("Le port", HOSTILE_OUTLET, DAY, "fr", OTHER_BODY, 3),
        ], [], None)
        copy, original, other = (a.id or 0 for a in added)
        ids = {"original": original, "copy": copy, "other": other, "irene": 11}
        with store.engine.begin() as conn:
            conn.execute(insert(entities).values(
                id=ids["irene"], key="per:irene-vasseur", name="Irène Vasseur", kind="PER",
                country=None, aliases=["Irène Vasseur"], roles=[], articles=[copy, original],
            ))
            conn.execute(insert(article_links), [
                {"article_id": copy, "duplicate_of": original, "explanation": {}},
                {"article_id": original, "duplicate_of": None, "explanation": {}},
            ])
            conn.execute(insert(quotes), [
                quote_row(copy, BODY, SAID, 1),
                quote_row(original, BODY, SAID, 2),
                quote_row(other, OTHER_BODY, OTHER_SAID, 3),
            ])
        yield store, ids


def test_the_same_words_are_one_quote_shown_from_the_original(
    said: tuple[Store, dict[str, int]],
) -> None:
    store, ids = said
    groups = entity_quotes(store, ids["irene"])
    assert len(groups) == 2
    canal = next(g for g in groups if "canal" in g.first["text"])
    assert canal.first["article_id"] == ids["original"]  # not the copy, though listed first
    assert [o["article_id"] for o in canal.others] == [ids["copy"]]
    assert canal.others[0]["copy_of"] == ids["original"]
    assert canal.first["outlet"] == "Le Courrier de Valmont"


def test_entity_page_lists_the_copy_under_its_quote(said: tuple[Store, dict[str, int]]) -> None:
    _store, ids = said
    html = TestClient(create_app(said[0])).get(f"/entities/{ids['irene']}").text
    section = html[html.index('id="quotes-h"'):]
    assert "Quotes (2)</h2>" in section
    assert section.count("canal de Valmont") == 1
    assert f'href="/articles/{ids["copy"]}#q' in section and "(copy)" in section
    assert "<script>window.__pwnedQuote" not in html
    assert "&lt;script&gt;window.__pwnedQuote" in html
