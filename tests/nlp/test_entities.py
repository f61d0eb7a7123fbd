"""Entity fixes for news copy: metonymy, honorifics, countries with ISO codes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from recoupe.nlp import entities, gazetteer


def ents(nlp: Language, text: str) -> dict[str, tuple[str, str | None]]:
    doc = nlp(text)
    return {e.text: (e.label_, e._.country) for e in doc.ents}


def test_capitals_and_seats_of_power_as_actors(nlp: Language) -> None:
    found = ents(nlp, "Hier, Moscou a répondu sèchement et le Kremlin a convoqué l'ambassadeur.")
    assert found["Moscou"] == ("GPE", "RUS")
    assert found["Kremlin"] == ("GPE", "RUS")


def test_pentagone_is_the_us_defence_department(nlp: Language) -> None:
    doc = nlp("Le porte-parole du Pentagone, Marc Lanvin, a démenti l'information.")
    pentagone = next(e for e in doc.ents if e.text == "Pentagone")
    assert (pentagone.label_, pentagone._.country) == ("ORG", "USA")
    assert "Défense" in pentagone._.canonical


def test_capital_after_a_place_preposition_stays_a_place(nlp: Language) -> None:
    doc = nlp("La délégation est arrivée à Moscou dans la soirée.")
    moscou = next(e for e in doc.ents if e.text == "Moscou")
    assert moscou.label_ == "LOC"
    assert moscou._.country == "RUS"


def test_city_tagged_as_person_becomes_the_state(nlp: Language) -> None:
    doc = nlp.make_doc("Washington a prévenu ses alliés.")
    doc.ents = [Span(doc, 0, 1, label="PER")]
    doc = entities.places(doc)
    assert (doc.ents[0].label_, doc.ents[0]._.country) == ("GPE", "USA")


def test_honorific_is_left_out_of_the_person(nlp: Language) -> None:
    doc = nlp("M. Delaunay a quitté la salle, suivi de Mme Ferrand et de M.Rocher.")
    persons = {e.text for e in doc.ents if e.label_ == "PER"}
    assert {"Delaunay", "Ferrand", "Rocher"} <= persons
    assert not any(p.startswith(("M.", "Mme")) for p in persons)


def test_role_noun_is_cut_off_the_name(nlp: Language) -> None:
    doc = nlp.make_doc("Le général Arnaud Vidal est arrivé.")
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    for i, tok in enumerate(doc):
        tok.pos_ = ["DET", "NOUN", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"][i]
    doc = entities.role_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Arnaud Vidal", "PER")]


def test_countries_carry_alpha3_from_cldr() -> None:
    assert gazetteer.country("la Syrie").country == "SYR"  # type: ignore[union-attr]
    assert gazetteer.country("Etats-Unis").country == "USA"  # type: ignore[union-attr]
    assert gazetteer.country("Union européenne") is None
    assert gazetteer.capital("Damas").country == "SYR"  # type: ignore[union-attr]


def test_the_state_of_a_compound_noun_is_no_place(nlp: Language) -> None:
    found = ents(nlp, "Le secrétaire d'État Marc Olier a reçu le chef d'État valdurien à Lisbonne.")
    assert not [t for t in found if t.split()[0] in ("État", "Etat")]
    assert found["Marc Olier"][0] == "PER"
