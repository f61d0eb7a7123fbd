"""Prose dates: publication dates found in text lines, and relative French dates resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from recoupe.extract.prose_dates import (
    date_spans,
    find_date_hints,
    find_published,
    is_date_line,
    parse_prose_date,
    resolve_relative,
)

CET = dt.timezone(dt.timedelta(hours=1))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mis à jour le mercredi 16 septembre 2015 à 22h25", dt.datetime(2015, 9, 16, 22, 25)),
        ("Publié le 3 octobre 2016 à 18:02", dt.datetime(2016, 10, 3, 18, 2)),
        ("Publié le 1er mars 2021", dt.date(2021, 3, 1)),
        ("28/09/2016", dt.date(2016, 9, 28)),
        ("Le 12 mars 2024, le conseil municipal a voté le budget.", dt.date(2024, 3, 12)),
        # A clock time written before the date is not read: the day is.
        ("Published: 22:00 GMT, 26 September 2020", dt.date(2020, 9, 26)),
        ("Sept. 28, 2016", dt.date(2016, 9, 28)),
        ("31. Mai 2012", dt.date(2012, 5, 31)),
        (
            'Agence Borée <time datetime="2022-11-08T17:40:00+01:00">8 novembre</time>',
            dt.datetime(2022, 11, 8, 17, 40, tzinfo=CET),
        ),
    ],
)
def test_publication_date_of_a_line(line: str, expected: dt.date) -> None:
    found = find_published([line])
    assert found is not None
    assert found.value == expected
    assert found.evidence == " ".join(line.split())


@pytest.mark.parametrize(
    "line",
    [
        "© AFP 2023 YURI GRIPAS John Kerry",
        "© Agence Zéphyr 2021 Marc Dupin",
        "— Lémanique Info (@LemaniqueInfo) 3 mars 2021",
        "John Kirby a précisé que les ministres se sont entretenus ce mercredi.",
        "Le ministre s'était engagé le 9 septembre dernier.",
        "Saison 2023",
        "",
    ],
)
def test_no_publication_date(line: str) -> None:
    assert find_published([line]) is None


def test_publication_preferred_over_update() -> None:
    lines = ["Mis à jour le 4 octobre 2016 à 09:15", "Publié le 3 octobre 2016 à 18:02"]
    found = find_published(lines)
    assert found is not None and found.kind == "published"
    assert found.value == dt.datetime(2016, 10, 3, 18, 2)


def test_update_used_when_it_is_the_only_date() -> None:
    found = find_published(["Mis à jour le mercredi 16 septembre 2015 à 22h25"])
    assert found is not None and found.kind == "updated"


def test_tweet_date_is_a_hint_not_the_publication() -> None:
    line = "— Lémanique Info (@LemaniqueInfo) 3 mars 2021"
    assert find_published([line]) is None
    hints = find_date_hints([line])
    assert [(h.value, h.kind) for h in hints] == [(dt.date(2021, 3, 3), "tweet")]


def test_date_spans_need_day_month_and_year() -> None:
    assert date_spans("le 12 mars, puis en 2024") == []
    spans = date_spans("entre le 2 janvier 2020 et le 5 février 2021")
    assert [value for _, value in spans] == [dt.date(2020, 1, 2), dt.date(2021, 2, 5)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mis à jour le 16 septembre 2015", True),
        ("Par Claire Delorme, le 16 septembre 2015", True),
        ("Le Conseil a adopté le 16 septembre 2015 une résolution sur la pêche côtière.", False),
        ("Sans date", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


# Reference: Wednesday 28 September 2016.
REFERENCE = dt.date(2016, 9, 28)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("lundi", dt.date(2016, 9, 26)),
        ("mardi", dt.date(2016, 9, 27)),
        ("ce mercredi", dt.date(2016, 9, 28)),
        ("mercredi", dt.date(2016, 9, 28)),
        ("mercredi dernier", dt.date(2016, 9, 21)),
        ("vendredi dernier", dt.date(2016, 9, 23)),
        ("vendredi prochain", dt.date(2016, 9, 30)),
        ("hier", dt.date(2016, 9, 27)),
        ("avant-hier", dt.date(2016, 9, 26)),
        ("aujourd'hui", dt.date(2016, 9, 28)),
        ("demain", dt.date(2016, 9, 29)),
        ("il y a trois jours", dt.date(2016, 9, 25)),
        ("le 9 septembre dernier", dt.date(2016, 9, 9)),
        ("le 12 septembre", dt.date(2016, 9, 12)),
        ("le 27 février dernier", dt.date(2016, 2, 27)),
        ("le 3 octobre dernier", dt.date(2015, 10, 3)),
        ("le 9 septembre 2015", dt.date(2015, 9, 9)),
    ],
)
def test_resolve_relative_french(expression: str, expected: dt.date) -> None:
    assert resolve_relative(expression, REFERENCE) == expected


def test_resolve_relative_unknown() -> None:
    assert resolve_relative("la semaine des quatre jeudis", REFERENCE) is None


def test_parse_prose_date_prefers_a_complete_date() -> None:
    assert parse_prose_date("Publié le 3 octobre 2016") == dt.date(2016, 10, 3)
    assert parse_prose_date("hier", REFERENCE) == dt.date(2016, 9, 27)
    assert parse_prose_date("hier") is None
