from __future__ import annotations

import datetime as dt

from recoupe.model import Quote
from recoupe.narrate.compare import compare_articles

from .conftest import make

SHARED = "Les dockers du port de Kerlouan ont voté mardi la reconduction de la grève."


def test_shared_and_unique_claims_per_outlet() -> None:
    a = make(
        1,
        SHARED + " Le syndicat réclame une hausse des salaires de huit pour cent.",
        "Ouest Info",
        dt.datetime(2024, 4, 2, 18, 5),
    )
    b = make(
        2,
        "Mardi, les dockers du port de Kerlouan ont voté la reconduction de leur grève. "
        "Trois navires attendent au large depuis dimanche faute de déchargement.",
        "La Gazette",
        dt.datetime(2024, 4, 2, 19, 40),
    )
    quote = Quote("q1", 2, "Hélène Vasseur", None, "Nous tiendrons", "direct", "a dit", 0, 14)
    cmp = compare_articles([a, b], quotes=[quote])
    views = {v.outlet: v for v in cmp.outlets}
    assert [c.text for c in views["Ouest Info"].shared] == [SHARED]
    assert [c.text for c in views["Ouest Info"].unique] == [
        "Le syndicat réclame une hausse des salaires de huit pour cent."
    ]
    assert any("navires" in c.text for c in views["La Gazette"].unique)
    assert len(cmp.alignments) == 1
    assert cmp.first_outlet == "Ouest Info"
    assert views["La Gazette"].quotes == (quote,)
    assert views["Ouest Info"].quotes == ()
    for v in cmp.outlets:
        for c in (*v.shared, *v.unique):
            body = a.body if c.article_id == "1" else b.body
            assert body[c.start : c.end] == c.text


def test_same_outlet_does_not_confirm_itself() -> None:
    a = make(1, SHARED, "Ouest Info", None)
    b = make(2, SHARED + " Rien d'autre n'a été annoncé pour la suite.", "Ouest Info", None)
    cmp = compare_articles([a, b])
    assert cmp.alignments == ()
    assert cmp.first_outlet is None
