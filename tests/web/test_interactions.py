"""An entity's interactions: each who-did-what-to-whom once, with its support and evidence.

The store is written by hand (articles, one country entity, coded actions, a wire copy), so
that every count below is known: one article codes the same triple in two sentences, a wire
copy of it repeats both, and a third article (from a hostile outlet) codes it once more.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from recoupe.store import Store
from recoupe.store.schema import actions, article_links, entities, mentions
from recoupe.web import create_app
from recoupe.web.stages import interactions
from tests.web.fictional import HOSTILE_OUTLET, make_article

FIRST = "La France sanctionne la Russie pour le blocage du canal."
SECOND = "Paris a gelé les avoirs russes à Valmont, a confirmé le ministère."
HOSTILE = "La France <script>window.__pwnedAction=1</script> sanctionne encore la Russie."
DEMAND = "La Russie exige de la France la levée des sanctions."
NEGATED = "La France ne sanctionnera pas la Russie une troisième fois."
BODY = f"{FIRST}\n\n{SECOND}"
OTHER_BODY = f"{HOSTILE}\n\n{DEMAND}\n\n{NEGATED}"
DAY = dt.date(2024, 5, 6)


def actor(name: str, code: str, sector: str = "") -> list[dict[str, str]]:
    """One side of an action as the nlp stage stores it."""
    return [{"name": name, "code": code, "sector": sector}]


def action_row(article_id: int, body: str, sentence: str, n: int, **fields: Any) -> dict[str, Any]:
    """An action row coded from ``sentence`` of ``body``: FRA SANCTION RUS unless overridden."""
    start = body.index(sentence)
    row: dict[str, Any] = {
        "key": f"action-{n}", "article_id": article_id, "date": DAY,
        "source": actor("La France", "FRA"), "source_code": "FRA", "event": "SANCTION",
        "mode": "discontinue", "cameo": None, "target": actor("la Russie", "RUS"),
        "target_code": "RUS", "trigger": "sanctionne", "negated": False, "reported_by": None,
        "sentence": sentence, "start": start, "end": start + len(sentence),
    }
    return row | fields


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    """The store, and ids: articles ``original``, ``copy``, ``other``; entity ``russia``."""
    folder: Path = tmp_path_factory.mktemp("interactions")
    with Store(folder / "i.db") as store:
        added = store.add_batch([
            make_article("Sanctions", "Le Courrier de Valmont", DAY, "fr", BODY, 1),
            make_article("Sanctions (dépêche)", "La Gazette d'Essai", DAY, "fr", BODY, 2),
            make_article("Encore des sanctions", HOSTILE_OUTLET, DAY, "fr", OTHER_BODY, 3),
        ], [], None)
        original, copy, other = (a.id or 0 for a in added)
        ids = {"original": original, "copy": copy, "other": other, "russia": 7}
        with store.engine.begin() as conn:
            conn.execute(insert(entities).values(
                id=ids["russia"], key="gpe:russie", name="Russie", kind="GPE", country="RUS",
                aliases=["Russie"], roles=[], articles=[original, copy, other],
            ))
            conn.execute(insert(article_links), [
                {"article_id": copy, "duplicate_of": original, "explanation": {}},
                {"article_id": original, "duplicate_of": None, "explanation": {}},
            ])
            conn.execute(insert(actions), [
                action_row(original, BODY, FIRST, 1),
                action_row(original, BODY, SECOND, 2, source=actor("Paris", "FRA", "GOV"),
                           mode="freeze", trigger="a gelé"),
                action_row(copy, BODY, FIRST, 3),
                action_row(copy, BODY, SECOND, 4, source=actor("Paris", "FRA", "GOV")),
                action_row(other, OTHER_BODY, HOSTILE, 5),
                action_row(other, OTHER_BODY, DEMAND, 6, source=actor("La Russie", "RUS"),
                           source_code="RUS", event="DEMAND", mode=None,
                           target=actor("la France", "FRA"), target_code="FRA", trigger="exige"),
                action_row(other, OTHER_BODY, NEGATED, 7, negated=True, trigger="sanctionnera"),
            ])
        yield store, ids


@pytest.fixture
def coded_client(coded: tuple[Store, dict[str, int]]) -> TestClient:
    """A test client over the hand-coded store."""
    return TestClient(create_app(coded[0]))


def interactions_html(client: TestClient, entity: int) -> str:
    """The interactions section of an entity's page."""
    html = client.get(f"/entities/{entity}").text
    return html[html.index('id="actions-h"'):html.index('id="articles-h"')]


def test_one_interaction_per_triple_with_its_support(
    coded: tuple[Store, dict[str, int]],
) -> None:
    store, ids = coded
    rows = interactions(store, "RUS")
    assert [(r.event, r.negated, r.source and r.source["code"]) for r in rows] == [
        ("SANCTION", False, "FRA"), ("DEMAND", False, "RUS"), ("SANCTION", True, "FRA"),
    ]
    sanction = rows[0]
    assert sanction.articles == 2  # the wire copy counts with its original
    assert sanction.copies == 1
    assert sanction.outlets == ["Le Courrier de Valmont", HOSTILE_OUTLET, "La Gazette d'Essai"]
    assert sanction.modes == ["discontinue", "freeze"]
    assert [a["id"] for a in sanction.evidence] == [1, 2, 5, 3, 4]  # originals first
    assert sanction.first["article_id"] == ids["original"]
    assert [[a["id"] for a in s] for s in sanction.sentences] == [[1, 3], [2, 4], [5]]
    assert sanction.evidence[3]["copy_of"] == ids["original"]


def test_entity_page_lists_an_interaction_once_with_its_counts(
    coded_client: TestClient, coded: tuple[Store, dict[str, int]]
) -> None:
    _store, ids = coded
    section = interactions_html(coded_client, ids["russia"])
    assert "Interactions (3)</h2>" in section
    assert section.count('<li class="action-item interaction">') == 3
    assert section.count(">SANCTION (discontinue, freeze)<") == 1
    assert section.count(">not SANCTION (discontinue)<") == 1
    sanction = section[:section.index(">DEMAND")]
    support = re.search(r'<span class="support">([^<]*)</span>', sanction)
    assert support is not None
    assert support.group(1).startswith("2 articles + 1 wire copy · 3 outlets (")
    assert "3 sentences · 2024-05-06" in support.group(1)


def test_every_interaction_links_to_all_its_evidence(
    coded_client: TestClient, coded: tuple[Store, dict[str, int]]
) -> None:
    _store, ids = coded
    section = interactions_html(coded_client, ids["russia"])
    sanction = section[:section.index(">DEMAND")]
    original, copy, other = ids["original"], ids["copy"], ids["other"]
    first = sanction.index(f'<a class="evidence" href="/articles/{original}#a1">{FIRST}</a>')
    more = sanction.index('<details class="more-evidence"><summary>and 2 more sentences</summary>')
    assert first < more
    for link in (f"/articles/{original}#a2", f"/articles/{other}#a5"):
        assert sanction.count(f'<a class="evidence" href="{link}">') == 1, link
    # The copy's sentences are the original's: listed once, the copy reachable beside them.
    for link in (f"/articles/{copy}#a3", f"/articles/{copy}#a4"):
        assert f'<a class="also-in" href="{link}">La Gazette d&#39;Essai (copy)</a>' in sanction
    assert f'copy of <a href="/articles/{original}">article {original}</a>' not in sanction[:more]


def test_interaction_evidence_and_outlets_are_escaped(
    coded_client: TestClient, coded: tuple[Store, dict[str, int]]
) -> None:
    _store, ids = coded
    html = coded_client.get(f"/entities/{ids['russia']}").text
    assert "<script>window.__pwnedAction" not in html
    assert "&lt;script&gt;window.__pwnedAction=1&lt;/script&gt;" in html
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=&#34;window.__pwnedOutlet=1&#34;&gt;Le Pirate&lt;/b&gt;" in html


def test_actions_api_still_lists_every_coded_action(coded_client: TestClient) -> None:
    """The REST API's actions are the raw records (one per sentence), as before."""
    items = coded_client.get("/api/v1/actions", params={"target": "RUS"}).json()["items"]
    assert [a["id"] for a in items] == [1, 2, 3, 4, 5, 7]


# ---------------------------------------------------------------- mentions over time


def test_mention_days_counts_in_sql_what_the_mentions_hold(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        dated = make_article("Daté", "Le Courrier de Valmont", DAY, "fr", "Russie " * 30, 1)
        undated = make_article("Sans date", "La Gazette d'Essai", None, "fr", "Russie Russie", 2)
        first, second = (a.id for a in store.add_batch([dated, undated], [], None))
        entity = 7
        with store.engine.begin() as conn:
            conn.execute(insert(entities).values(
                id=entity, key="gpe:russie", name="Russie", kind="GPE", country="RUS",
                aliases=["Russie"], roles=[], articles=[first, second]))
            conn.execute(insert(mentions), [
                {"article_id": article, "entity_key": "gpe:russie", "start": 7 * n,
                 "end": 7 * n + 6, "text": "Russie", "kind": "GPE"}
                for article, count in ((first, 30), (second, 2)) for n in range(count)
            ])
        days = store.mention_days(entity)
        assert days == {"2024-05-06": 30, None: 2}
        assert days == Counter(m["day"] for m in store.mention_records(entity_id=entity))
        assert store.mention_days(entity + 1) == {}


def test_entity_page_does_not_read_every_mention(
    coded: tuple[Store, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, ids = coded

    def every_mention(*_args: object, **_kwargs: object) -> list[dict[str, Any]]:
        raise AssertionError("the entity page read every mention of its entity")

    monkeypatch.setattr(store, "mention_records", every_mention)
    response = TestClient(create_app(store)).get(f"/entities/{ids['russia']}")
    assert response.status_code == 200
