"""The coder's tables: demonyms, names, lexicon senses and ontology (no spaCy model needed)."""

from __future__ import annotations

from recoupe.nlp.plover.actors import iso3, lookup_name
from recoupe.nlp.plover.demonyms import demonym_country
from recoupe.nlp.plover.lexicon import noun_senses, verb_senses
from recoupe.nlp.plover.ontology import CURRENT_LABELS, EVENT_TYPES, cameo_root, threat_mode


def test_demonyms_in_every_gender_and_number() -> None:
    assert [demonym_country(w) for w in ("russe", "Américaines", "ivoiriens", "turque")] == [
        "RUS", "USA", "CIV", "TUR"]
    assert demonym_country("nord-coréenne") == "PRK"
    assert demonym_country("table") is None


def test_names_capitals_seats_and_organisations() -> None:
    assert lookup_name("Moscou") == ("RUS", "GOV")
    assert lookup_name("la Maison-Blanche") == ("USA", "GOV")
    assert lookup_name("Pentagone") == ("USA", "MIL")
    assert lookup_name("Otan") == ("IGO", "")
    assert lookup_name("Hamas") == ("PSE", "REB")
    assert lookup_name("Valmont") is None


def test_historical_cldr_codes_are_replaced() -> None:
    assert lookup_name("Allemagne") == ("DEU", "")
    assert lookup_name("Yémen") == ("YEM", "")
    assert iso3("FRA") == "FRA"


def test_object_restricted_senses_come_first() -> None:
    senses = verb_senses()["expulser"]
    assert senses[0].event == "SANCTION" and senses[0].fits({"diplomate"})
    assert not senses[0].fits({"migrant"}) and senses[-1].fits({"migrant"})
    assert senses[-1].event == "COERCE"
    assert noun_senses()["sanction"][0].event == "SANCTION"


def test_every_lexicon_event_is_in_the_ontology() -> None:
    tables = (verb_senses(), noun_senses())
    events = {s.event for table in tables for senses in table.values() for s in senses}
    assert events - {"-"} <= set(EVENT_TYPES)


def test_ontology_roots_and_modes() -> None:
    assert cameo_root("SANCTION") == "16" and cameo_root("NONE") is None
    assert threat_mode("SANCTION", "discontinue") == "relations"
    assert CURRENT_LABELS["DEMAND"] == "REQUEST"
    assert "discontinue" in EVENT_TYPES["SANCTION"].modes


def test_organisations_groups_and_variant_country_names() -> None:
    assert lookup_name("Vietnam") == ("VNM", "")
    assert lookup_name("RDC") == ("COD", "")
    assert lookup_name("Conseil de l'Europe") == ("IGO", "")
    assert lookup_name("Médecins sans frontières") == ("NGO", "MED")
    assert lookup_name("Front Polisario") == ("ESH", "REB")


def test_known_leaders_by_surname() -> None:
    from recoupe.nlp.plover.leaders import leader_country

    assert leader_country("Poutine") == "RUS"
    assert leader_country("GUTERRES") == "IGO"
    assert leader_country("Hollande") is None  # a country name first
    assert leader_country("Dupont") is None


def test_new_senses_keep_object_restrictions() -> None:
    senses = verb_senses()
    assert [s.event for s in senses["suspendre"]] == ["COERCE", "CONCEDE", "RETREAT", "SANCTION"]
    assert senses["suspendre"][1].fits({"sanction"}) and not senses["suspendre"][1].fits({"aide"})
    assert senses["mettre en garde"][0].event == "THREATEN"
    assert not senses["affronter"][0].fits({"crise"})
    assert not noun_senses()["feu"][0].fits({"vert"})
