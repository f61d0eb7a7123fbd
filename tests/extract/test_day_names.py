"""Which day a news text names for its happening (fictional sentences written for these tests)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from recoupe.extract.day_names import DEICTIC, deictic_spans, happening_weekday, names_a_past_day


def test_the_first_weekday_of_a_past_happening_is_read():
    text = "Le conseil municipal de Brévanne a voté jeudi la fermeture de la piscine."
    assert happening_weekday(text) == 3
    assert happening_weekday("La grève a commencé ce lundi dans les dépôts.") == 0


def test_spans_and_plans_are_not_the_day_of_the_happening():
    text = ("Depuis lundi, les dockers bloquent le port. La reprise, prévue jeudi, a été "
            "repoussée. Le préfet a reçu les syndicats mercredi soir.")
    assert happening_weekday(text) == 2
    assert happening_weekday("Les salariés reprendront le travail vendredi.") is None


def test_a_relative_day_has_no_weekday_of_its_own():
    # "hier" comes first: its weekday depends on a publication date the text does not give.
    assert happening_weekday("Le maire a démissionné hier ; le conseil se réunit lundi.") is None
    assert happening_weekday("Aucun jour n'est nommé ici.") is None


def test_a_weekday_inside_a_complete_date_is_not_deictic():
    text = "Publié le mercredi 16 septembre 2037, mis à jour plus tard."
    assert [s for _, _, s in deictic_spans(text)] == []
    assert happening_weekday(text) is None


def test_a_night_is_dated_by_its_second_day():
    text = "Dans la nuit de samedi à dimanche, un incendie a détruit l'entrepôt."
    spans = deictic_spans(text)
    assert [s for _, _, s in spans] == ["samedi", "dimanche"]
    assert not names_a_past_day(text, spans[0][0], spans[0][1])
    assert happening_weekday(text) == 6


PIECES = ["lundi", "          ", "Mardi", "ce ", "cette ", "samedi à dimanche", "hier",
          "avant-hier", "aujourd'hui", "ce matin", "ce soir", "cet après-midi", " dernier",
          " prochain", "16 septembre", " ", ", ", ". ", "\n", "depuis ", "sur-lundi",
          "mercredis", "a", "é"]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
@example(["cette ", "          ", "\n", "lundi"])
@example(["la nuit de ", "samedi à dimanche"])
def test_keyword_scan_finds_what_the_full_regex_finds(parts):
    text = "".join(parts)
    assert deictic_spans(text) == [(m.start(), m.end(), m.group(0))
                                   for m in DEICTIC.finditer(text)]
