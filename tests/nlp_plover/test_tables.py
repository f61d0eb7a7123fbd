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
