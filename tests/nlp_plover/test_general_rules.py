"""General coding rules (locutions, actors without nationality, parse repairs), each checked on
fictional French sentences written for these tests."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from recoupe.model import Action  # noqa: E402
from recoupe.nlp.plover import PloverCoder  # noqa: E402


@pytest.fixture(scope="module")
def coder() -> PloverCoder:
    """One French pipeline for the whole module (loading it is slow)."""
    from recoupe.nlp.packs import load_french

    return PloverCoder(load_french())


def triples(actions: list[Action]) -> set[tuple[str, str, str]]:
    """Non-negated actions as (source code, event, target code), "-" for a missing side."""
    return {
        (s.code if s else "-", a.event, t.code if t else "-")
        for a in actions
        if not a.negated
        for s in (a.source or (None,))
        for t in (a.target or (None,))
    }


def code(coder: PloverCoder, text: str) -> set[tuple[str, str, str]]:
    """The triples of one sentence."""
    return triples(coder.code(text))


# Trigger lexicon: locutions made of a verb and its complement.


def test_locution_with_preposition(coder: PloverCoder) -> None:
    assert code(coder, "Le Japon a mis en garde la Chine mardi.") == {("JPN", "THREATEN", "CHN")}


def test_locution_with_possessive_object(coder: PloverCoder) -> None:
    text = "La Chine a opposé son veto au projet présenté par la Norvège."
    assert ("CHN", "REJECT", "NOR") in code(coder, text)


def test_complaint_is_disapproval(coder: PloverCoder) -> None:
    text = "Le Chili a porté plainte contre la Bolivie devant la Cour internationale de justice."
    assert ("CHL", "DISAPPROVE", "BOL") in code(coder, text)


def test_causative_parsed_as_dependent(coder: PloverCoder) -> None:
    found = code(coder, "Un kamikaze s'est fait exploser à Kaboul.")
    assert {(s, e) for s, e, _ in found} == {("AFG", "ASSAULT")}


def test_declining_to_comment_is_no_event(coder: PloverCoder) -> None:
    text = "Le ministre autrichien a refusé de commenter cet article du journal."
    assert code(coder, text) == set()


def test_green_light_is_no_fire(coder: PloverCoder) -> None:
    found = code(coder, "Le Parlement hongrois a donné son feu vert à l'adhésion de la Finlande.")
    assert all(e != "FIGHT" for _, e, _ in found)


def test_manoeuvres_in_either_spelling(coder: PloverCoder) -> None:
    found = code(coder, "Le Japon et l'Australie mèneront des manoeuvres conjointes en mai.")
    assert found == {("JPN", "AGREE", "-"), ("AUS", "AGREE", "-")}


def test_tear_gas_on_a_crowd_is_assault(coder: PloverCoder) -> None:
    text = "La police a tiré des gaz lacrymogènes pour disperser les manifestants à Dakar."
    assert {e for _, e, _ in code(coder, text)} == {"ASSAULT"}


def test_rioting_crowd_protests(coder: PloverCoder) -> None:
    found = code(coder, "Des manifestants serbes ont incendié des voitures de police.")
    assert {(s, e) for s, e, _ in found} == {("SRB", "PROTEST")}


# Which words are events of their own.


def test_participle_used_as_adjective_is_no_trigger(coder: PloverCoder) -> None:
    found = code(coder, "Des hommes armés ont enlevé un ingénieur français au Niger.")
    assert {e for _, e, _ in found} == {"ASSAULT"}


def test_amounts_are_not_events(coder: PloverCoder) -> None:
    text = "L'agence malienne disposait encore de millions de dollars de dons inutilisés."
    assert code(coder, text) == set()


def test_event_noun_in_a_purpose_clause_is_not_coded(coder: PloverCoder) -> None:
    text = "Le Pérou a lancé un ultimatum à la Bolivie pour qu'elle cesse ses attaques."
    found = code(coder, text)
    assert ("PER", "THREATEN", "BOL") in found
    assert all(e != "ASSAULT" for _, e, _ in found)


def test_ordered_measure_is_the_measure(coder: PloverCoder) -> None:
    text = "Le ministre israélien de la Défense a ordonné le bouclage de la Cisjordanie."
    assert code(coder, text) == {("ISR", "COERCE", "PSE")}


def test_resolution_adopted_condemning(coder: PloverCoder) -> None:
    text = "Le Parlement européen a adopté une résolution condamnant la répression en Biélorussie."
    assert code(coder, text) == {("IGO", "DISAPPROVE", "BLR")}


def test_vetoed_resolution_is_not_the_vetoer_condemning(coder: PloverCoder) -> None:
    text = "La Russie a opposé son veto à une résolution condamnant l'annexion de la Crimée."
    assert {e for _, e, _ in code(coder, text)} == {"REJECT"}


def test_subject_noun_of_an_ordinary_verb_has_no_actor(coder: PloverCoder) -> None:
    assert code(coder, "Le sommet de l'Union africaine s'ouvrira dimanche à Addis-Abeba.") == set()


def test_visit_after_pour(coder: PloverCoder) -> None:
    text = "Le ministre français des Affaires étrangères est arrivé à Beyrouth pour une visite."
    assert code(coder, text) == {("FRA", "CONSULT", "LBN")}


def test_state_of_alert(coder: PloverCoder) -> None:
    found = code(coder, "Les troupes sud-coréennes restent en état d'alerte.")
    assert {(s, e) for s, e, _ in found} == {("KOR", "MOBILIZE")}


# Actors: people, groups and roles without a stated nationality; places.


def test_well_known_leader_named_alone(coder: PloverCoder) -> None:
    assert code(coder, "Emmanuel Macron a condamné l'attaque.") == {("FRA", "DISAPPROVE", "-")}


def test_domestic_group_belongs_to_the_state_it_addresses(coder: PloverCoder) -> None:
    text = "Les manifestants exigent la démission du Premier ministre arménien."
    assert code(coder, text) == {("ARM", "DEMAND", "ARM")}


def test_role_without_nationality_takes_the_only_state_named(coder: PloverCoder) -> None:
    text = "Le vice-président a refusé de démissionner malgré les pressions de la justice kényane."
    assert ("KEN", "REJECT") in {(s, e) for s, e, _ in code(coder, text)}


def test_no_sole_state_guess_against_a_foreign_official(coder: PloverCoder) -> None:
    assert code(coder, "Le président a reçu jeudi le Premier ministre japonais.") == set()


def test_state_attack_is_fighting(coder: PloverCoder) -> None:
    assert code(coder, "L'Ukraine a été attaquée par la Russie.") == {("RUS", "FIGHT", "UKR")}


def test_capital_as_meeting_place_is_not_the_target(coder: PloverCoder) -> None:
    text = "Les ministres des Affaires étrangères du G7 se sont réunis à Tokyo."
    assert code(coder, text) == {("IGO", "CONSULT", "-")}


def test_capital_as_destination_of_a_visit_is_the_target(coder: PloverCoder) -> None:
    found = code(coder, "Le Premier ministre turc s'est rendu à Bagdad.")
    assert found == {("TUR", "CONSULT", "IRQ")}


def test_second_complement_hung_on_the_verb(coder: PloverCoder) -> None:
    text = (
        "Le président libérien a demandé aux Etats-Unis et à la Grande-Bretagne "
        "d'envoyer des troupes."
    )
    assert code(coder, text) == {("LBR", "DEMAND", "USA"), ("LBR", "DEMAND", "GBR")}


# Parse repairs.


def test_destination_hung_on_a_date(coder: PloverCoder) -> None:
    text = "Le président américain se rendra la semaine prochaine en Inde."
    assert code(coder, text) == {("USA", "AGREE", "IND")}


def test_participle_tagged_as_adjective(coder: PloverCoder) -> None:
    text = "Les Etats-Unis ont gelé les avoirs de plusieurs dirigeants vénézuéliens."
    assert code(coder, text) == {("USA", "SANCTION", "VEN")}


def test_accusation_content_gives_no_target(coder: PloverCoder) -> None:
    text = "La Serbie a accusé son voisin de soutenir des dissidents serbes."
    assert all(t != "SRB" for _, _, t in code(coder, text))


def test_allowing_entry_is_access(coder: PloverCoder) -> None:
    text = "Le gouvernement zaïrois a autorisé les observateurs de l'ONU à entrer dans la province."
    assert code(coder, text) == {("COD", "RETREAT", "IGO")}


def test_money_offered_is_aid(coder: PloverCoder) -> None:
    text = "Le Koweït a offert 5 millions de dollars aux sinistrés du Pakistan."
    assert {(s, e) for s, e, _ in code(coder, text)} == {("KWT", "AID")}


def test_recognising_a_state_is_support(coder: PloverCoder) -> None:
    found = code(coder, "L'Allemagne a reconnu la Croatie et la Slovénie.")
    assert found == {("DEU", "SUPPORT", "HRV"), ("DEU", "SUPPORT", "SVN")}


def test_march_on_the_capital_is_a_protest(coder: PloverCoder) -> None:
    found = code(coder, "Des milliers de mineurs roumains ont marché sur Bucarest.")
    assert {(s, e) for s, e, _ in found} == {("ROU", "PROTEST")}


def test_unknown_attackers_give_no_source(coder: PloverCoder) -> None:
    found = code(coder, "Des inconnus ont assassiné un journaliste mexicain à Tijuana.")
    assert found == {("-", "ASSAULT", "MEX")}


def test_foreign_victim_does_not_lend_its_nationality(coder: PloverCoder) -> None:
    found = code(coder, "Des islamistes ont décapité un otage japonais.")
    assert ("JPN", "ASSAULT", "JPN") not in found


def test_phone_talks_with_are_reciprocal(coder: PloverCoder) -> None:
    text = "Le roi du Maroc s'est entretenu au téléphone avec le président sénégalais."
    assert code(coder, text) == {("MAR", "CONSULT", "-"), ("SEN", "CONSULT", "-")}


def test_group_adjective_names_its_country(coder: PloverCoder) -> None:
    found = code(coder, "Des rebelles houthis ont lancé un missile contre un navire britannique.")
    assert found == {("YEM", "FIGHT", "GBR")}


def test_language_adjective_is_no_actor(coder: PloverCoder) -> None:
    text = "Le Parlement estonien a levé les restrictions à l'usage de la langue russe."
    assert {t for _, _, t in code(coder, text)} == {"-"}


def test_territory_as_place_of_a_meeting_is_not_the_target(coder: PloverCoder) -> None:
    text = "Les ministres arabes se réuniront lundi pour discuter de la situation à Gaza."
    assert all(t != "PSE" for _, _, t in code(coder, text))


def test_country_without_article_after_a_is_still_the_target(coder: PloverCoder) -> None:
    found = code(coder, "La Turquie a demandé à Israël de rouvrir le poste-frontière.")
    assert ("TUR", "DEMAND", "ISR") in found


def test_idioms_of_firing_and_occupying_are_no_events(coder: PloverCoder) -> None:
    assert code(coder, "Le gouvernement roumain a tiré les leçons de la crise.") == set()
    assert code(coder, "Le diplomate malien occupe le poste depuis deux ans.") == set()


def test_stopping_the_fighting_is_a_ceasefire(coder: PloverCoder) -> None:
    found = code(coder, "L'armée soudanaise a arrêté les combats dans la région.")
    assert {(s, e) for s, e, _ in found} == {("SDN", "RETREAT")}


def test_opening_the_border_is_access(coder: PloverCoder) -> None:
    found = code(coder, "Le Bangladesh a ouvert sa frontière aux réfugiés birmans.")
    assert {(s, e) for s, e, _ in found} == {("BGD", "RETREAT")}
