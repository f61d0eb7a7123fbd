from __future__ import annotations

import datetime as dt

from recoupe.model import Article
from recoupe.narrate.rouge import rouge_n
from recoupe.narrate.summaries import event_sentence, story_paragraph, summarise
from recoupe.narrate.text import sentence_spans

from .conftest import make

WIRE = (
    "Le tribunal de Montferrier a condamné mardi l'ancien maire Paul Régnier à deux ans de "
    "prison avec sursis pour favoritisme dans l'attribution des marchés publics."
)


def _event() -> list[Article]:
    a = make(
        1,
        WIRE + " Le parquet avait requis trois ans. L'avocat de M. Régnier a annoncé qu'il "
        "ferait appel de la décision. La salle d'audience était comble.",
        "Agence Valmont",
        dt.date(2024, 5, 14),
    )
    # The same wire sentence, lightly edited, in another outlet.
    b = make(
        2,
        WIRE.replace("mardi", "ce mardi")
        + " Les marchés publics en cause portaient sur la rénovation de la piscine municipale. "
        "L'avocat de M. Régnier a annoncé qu'il ferait appel.",
        "Le Courrier",
        dt.date(2024, 5, 14),
    )
    c = make(
        3,
        "L'ancien maire Paul Régnier a été condamné à deux ans de prison avec sursis pour "
        "favoritisme. Il était poursuivi pour des marchés publics attribués entre 2015 et 2019. "
        "Son successeur n'a pas souhaité commenter le jugement du tribunal.",
        "Radio Sud",
        dt.date(2024, 5, 15),
    )
    return [a, b, c]


def test_sentences_are_verbatim_with_offsets() -> None:
    arts = _event()
    bodies = {str(a.id): a.body for a in arts}
    summary = summarise(arts, max_words=60)
    assert summary.sentences
    for s in summary.sentences:
        assert bodies[s.article_id][s.start : s.end] == s.text
        for p in s.copies:
            assert bodies[p.article_id][p.start : p.end]


def test_wire_duplicates_collapse() -> None:
    summary = summarise(_event(), max_words=200)
    wire = [
        s for s in summary.sentences if "deux ans de prison avec sursis pour favoritisme" in s.text
    ]
    assert len(wire) == 1
    assert {p.article_id for p in wire[0].copies} >= {"2"}
    appeals = [s for s in summary.sentences if "ferait appel" in s.text]
    assert len(appeals) == 1


def test_event_sentence_states_the_event() -> None:
    s = event_sentence(_event())
    assert s is not None
    assert "condamné" in s.text and s.article_id == "1"


def test_story_paragraph_one_sentence_per_event_in_order() -> None:
    later = make(
        9,
        "La cour d'appel de Montferrier a confirmé jeudi la condamnation de l'ancien maire "
        "Paul Régnier pour favoritisme. Sa défense envisage un pourvoi en cassation.",
        "Agence Valmont",
        dt.date(2024, 11, 7),
    )
    para = story_paragraph([_event(), [later]], max_sentences=2)
    assert [s.article_id for s in para.sentences][-1] == "9"
    assert len(para.sentences) == 2


def test_empty_input() -> None:
    assert summarise([]).sentences == ()
    assert event_sentence([make(1, "Trop court.")]) is None


def test_sentence_spans_keep_closing_quotes_and_abbreviations() -> None:
    text = "« Nous ferons appel. » M. Régnier est sorti libre. Il a souri."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "« Nous ferons appel. »",
        "M. Régnier est sorti libre.",
        "Il a souri.",
    ]


def test_rouge_stems_french() -> None:
    assert rouge_n("les manifestants défilaient", ["le manifestant défile"], 1).f1 == 1.0
    assert rouge_n("le maire condamné", ["le maire condamné"], 2).f1 == 1.0
    assert rouge_n("piscine", ["tribunal"], 1).f1 == 0.0


def test_summary_stays_in_the_events_main_language() -> None:
    arts = _event()
    english = make(
        4,
        "Former mayor Paul Régnier was given a two-year suspended sentence for favouritism.",
        "Valmont Daily",
        dt.date(2024, 5, 14),
    )
    english.language = "en"
    summary = summarise([*arts, english], max_words=300)
    assert summary.sentences
    assert all(s.article_id != "4" for s in summary.sentences)
