"""Names outlets use for one entity: listed only when an outlet uses one another never does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import insert

from recoupe.store import Store
from recoupe.store.records import designations
from recoupe.store.schema import entities, mentions
from tests.web.fictional import make_article

DAY = dt.date(2024, 5, 6)


def test_only_names_one_outlet_alone_uses_are_a_difference(tmp_path: Path) -> None:
    bodies = ["Moscou a répondu ; la Russie et Damas", "La Russie et Moscou ; la Syrie aussi"]
    with Store(tmp_path / "d.db") as store:
        added = store.add_batch(
            [make_article("A", outlet, DAY, "fr", body, n)
             for n, (outlet, body) in enumerate(zip(["Le Courrier", "La Gazette"], bodies,
                                                      strict=True))], [], None)
        first, second = (a.id or 0 for a in added)
        named = [(first, "gpe:russie", "Moscou"), (first, "gpe:russie", "Russie"),
                 (first, "gpe:syrie", "Damas"), (second, "gpe:russie", "Russie"),
                 (second, "gpe:russie", "moscou"), (second, "gpe:syrie", "Syrie")]
        with store.engine.begin() as conn:
            conn.execute(insert(entities), [
                {"id": 1, "key": "gpe:russie", "name": "Russie", "kind": "GPE", "country": "RUS",
                 "aliases": [], "roles": [], "articles": [first, second]},
                {"id": 2, "key": "gpe:syrie", "name": "Syrie", "kind": "GPE", "country": "SYR",
                 "aliases": [], "roles": [], "articles": [first, second]},
            ])
            conn.execute(insert(mentions), [
                {"article_id": a, "entity_key": key, "start": 0, "end": len(text), "text": text,
                 "kind": "GPE"} for a, key, text in named
            ])
            found = designations(conn, [first, second])
    assert [d["name"] for d in found] == ["Syrie"]
    assert found[0]["by_outlet"] == {"Le Courrier": ["Damas"], "La Gazette": ["Syrie"]}
