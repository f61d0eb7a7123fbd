from __future__ import annotations

import datetime as dt

from recoupe.narrate import narrate_event, narrate_story

from .conftest import make


def test_story_timeline_orders_events_by_the_day_they_happened() -> None:
    # Published on Monday 10 June 2024 about Friday 7 June.
    early = [
        make(
            1,
            "La préfecture de Belcastel a fermé vendredi la route des gorges après un éboulement. "
            "Aucun blessé n'est à déplorer selon les pompiers.",
            "Le Courrier",
            dt.date(2024, 6, 10),
        )
    ]
    late = [
        make(
            2,
            "La route des gorges de Belcastel a rouvert jeudi après trois semaines de travaux. "
            "Les commerçants de la vallée saluent une bonne nouvelle.",
            "Radio Sud",
            dt.date(2024, 6, 27),
        )
    ]
    undated = [
        make(
            3,
            "Les habitants de Belcastel réclament un contournement de la route des gorges lundi.",
            "La Gazette",
            None,
        )
    ]
    narratives = [
        narrate_event("late", late),
        narrate_event("undated", undated),
        narrate_event("early", early),
    ]
    assert narratives[2].date.iso == "2024-06-07"
    assert narratives[1].date.date is None
    assert narratives[0].sentence is not None and "rouvert" in narratives[0].sentence.text
    story = narrate_story(
        "s1", narratives, {"early": early, "late": late, "undated": undated}, max_sentences=3
    )
    assert story.timeline == ("early", "late", "undated")
    assert [s.article_id for s in story.paragraph.sentences] == ["1", "2", "3"]
