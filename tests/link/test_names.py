"""Names as language-independent keys, and reports in two languages linked by them."""

from __future__ import annotations

import datetime as dt

from recoupe.link import Linker
from recoupe.link.names import entity_names, name_keys
from recoupe.model import LinkInput

DAY = dt.date(2031, 5, 6)

# Fictional reports of one happening, in French and in English, and an unrelated French one.
FR = (
    "La digue de Port-Kerval a cédé dans la nuit sous la pression de la tempête Ondine. "
    "Le maire Yvon Quéré a fait évacuer trois cents habitants vers le gymnase municipal. "
    "La préfète Aline Marchetti a déclenché le plan d'urgence et demandé des renforts. "
    "Les pompiers de Port-Kerval pompent l'eau des caves depuis l'aube."
)
FR_BIS = (
    "À Port-Kerval, la rupture de la digue a inondé le quartier du port. Yvon Quéré, maire de "
    "la commune, a ouvert le gymnase aux sinistrés et Aline Marchetti, préfète, a mobilisé "
    "des renforts. La tempête Ondine a soufflé à plus de cent trente kilomètres par heure."
)
EN = (
    "A sea wall gave way overnight in Port-Kerval as storm Ondine battered the coast. Mayor "
    "Yvon Quéré ordered three hundred residents to leave their homes, and the prefect, "
    "Aline Marchetti, triggered the emergency plan. Firefighters were pumping out cellars."
)
OTHER = (
    "Le festival de jazz de Sauveterre a ouvert ses portes avec un concert de la pianiste "
    "Lise Dorval. Les organisateurs attendent douze mille spectateurs sur trois jours. "
    "La programmation mêle des quartettes locaux et des orchestres venus de toute l'Europe."
)


def test_name_keys_fold_accents_drop_openers_and_titles() -> None:
    keys = name_keys("The mayor, Mr Yvon Quéré, met Aline Marchetti in Port-Kerval.")
    assert keys == ["yvon-quere", "aline-marchetti", "port-kerval"]
    # A capitalised word the text also writes in lower case opens a sentence: not a name.
    assert name_keys("Rescuers came. The rescuers left.") == []
    assert name_keys("Lundi, Ondine a frappé en octobre.") == ["ondine"]


def test_country_names_become_their_code_as_in_the_entity_layer() -> None:
    assert "fra" in name_keys("Talks between France and Spain")
    assert "esp" in name_keys("Talks between France and Spain")


def test_entity_keys_lose_their_type_and_gain_the_surname() -> None:
    assert entity_names(("PER:yvon quere", "LOC:port kerval"), "") == [
        "yvon-quere", "quere", "port-kerval", "kerval"]
    assert entity_names(None, "Mr Quéré said so.") == ["quere"]


def _item(aid: str, body: str, language: str, minutes: int) -> LinkInput:
    when = dt.datetime.combine(DAY, dt.time(8)) + dt.timedelta(minutes=minutes)
    return LinkInput(aid, body.split(".")[0], body, when, language=language)


def test_a_report_in_english_joins_the_french_event_by_its_names() -> None:
    out = Linker().partial_fit([
        _item("fr1", FR, "fr", 0), _item("x", OTHER, "fr", 5),
        _item("en1", EN, "en", 30), _item("fr2", FR_BIS, "fr", 60),
    ])
    event = {a.article_id: a.event_id for a in out}
    assert event["en1"] == event["fr1"] == event["fr2"] != event["x"]
    english = next(a for a in out if a.article_id == "en1").explanation.candidates[0]
    # Compared by names alone: the words of two languages are not compared.
    assert set(english.components) == {"names"} and english.components["names"] > 0.3


def test_a_foreign_report_adds_only_its_names_to_the_event() -> None:
    linker = Linker()
    linker.partial_fit([_item("fr1", FR, "fr", 0), _item("en1", EN, "en", 30)])
    cid = linker.article_event["en1"]
    assert linker.events.languages[cid] == "fr"
    alone = Linker()
    alone.partial_fit([_item("fr1", FR, "fr", 0)])
    mixed = linker.events.index.centroids[cid]
    french = alone.events.index.centroids[alone.article_event["fr1"]]
    assert mixed["body"][0].size == french["body"][0].size
    assert mixed["names"][0].size > french["names"][0].size
