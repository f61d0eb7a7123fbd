from __future__ import annotations

import datetime as dt

from recoupe.model import Event, Removal
from recoupe.narrate.event_dates import date_event, date_events, day_expressions

from .conftest import make

LEAD = "Le conseil municipal de Valmont a voté {when} la fermeture de la piscine des Tilleuls."


def test_weekday_resolved_against_publication_date() -> None:
    # 14 March 2024 is a Thursday: "mardi" is the 12th.
    body = LEAD.format(when="mardi") + " La décision a surpris les usagers."
    art = make(1, body, "Le Courrier de Valmont", dt.date(2024, 3, 14))
    ev = date_event("e1", [art])
    assert ev.iso == "2024-03-12"
    assert ev.method == "text"
    assert ev.evidence is not None
    assert body[ev.evidence.start : ev.evidence.end] == "mardi"


def test_hier_against_aware_datetime() -> None:
    published = dt.datetime(2024, 3, 14, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    art = make(1, LEAD.format(when="hier soir"), "Valmont Infos", published)
    assert date_event("e1", [art]).iso == "2024-03-13"


def test_undated_article_borrows_its_siblings_reference() -> None:
    # 13 March 2024 is a Wednesday.
    dated = make(1, LEAD.format(when="dans la soirée"), "Valmont Infos", dt.date(2024, 3, 13))
    undated = make(2, "Les élus se sont réunis ce mercredi à huis clos.", "La Gazette", None)
    ev = date_event("e1", [undated, dated])
    reading = {r.article_id: r for r in ev.articles}
    assert reading["2"].date == dt.date(2024, 3, 13)
    assert reading["2"].method == "text-sibling"
    assert ev.iso == "2024-03-13"


def test_no_year_no_sibling_stays_undated() -> None:
    body = (
        "Le préfet a annoncé lundi le report du marché de Noël. "
        "L'arrêté avait été signé le 9 septembre dernier."
    )
    ev = date_event("e1", [make(1, body, "La Gazette", None)])
    assert ev.date is None
    assert ev.not_before is None
    assert ev.method == "none"


def test_tweet_attribution_bounds_an_undated_article() -> None:
    line = "— Mairie de Valmont (@mairievalmont) 28 septembre 2023"
    raw = "Titre\nLa piscine ferme ses portes.\n" + line + "\n"
    art = make(
        1,
        "La piscine ferme ses portes, a annoncé la mairie dans un message.",
        "La Gazette",
        None,
        removed=[Removal(line, "tweet-embed")],
        raw=raw,
    )
    ev = date_event("e1", [art])
    assert ev.not_before == dt.date(2023, 9, 28)
    assert ev.method == "embedded"
    assert ev.evidence is not None and ev.evidence.where == "raw"
    assert raw[ev.evidence.start : ev.evidence.end] == line


def test_background_day_month_does_not_date_the_event() -> None:
    body = (
        "La grève des éboueurs de Kerlouan a pris fin, a annoncé le syndicat. "
        "Le mouvement avait commencé le 2 mars."
    )
    ev = date_event("e1", [make(1, body, "Ouest Info", dt.date(2024, 3, 20))])
    assert ev.iso == "2024-03-20"
    assert ev.method == "published"


def test_full_date_masks_its_weekday() -> None:
    spans = day_expressions("Le mercredi 16 septembre 2015, puis jeudi, le maire a parlé.")
    kinds = [(s[2], s[3]) for s in spans]
    assert kinds[0] == ("mercredi 16 septembre 2015", "full")
    assert ("jeudi", "deictic") in kinds
    assert all(k[0] != "mercredi" for k in kinds)


def test_date_events_maps_event_ids() -> None:
    art = make(7, LEAD.format(when="vendredi"), "Valmont Infos", dt.date(2024, 3, 16))
    event = Event("ev", "st", "Piscine", ("7",), ("Valmont Infos",), None, None)
    assert date_events([event], {"7": art})["ev"].iso == "2024-03-15"


def test_span_and_planned_days_do_not_date_the_event() -> None:
    # 20 March 2024 is a Wednesday.
    body = (
        "Depuis lundi, les bennes restent au dépôt de Kerlouan. La reprise, prévue jeudi, "
        "dépendra du vote. Les éboueurs reprendront le travail vendredi si l'accord tient."
    )
    ev = date_event("e1", [make(1, body, "Ouest Info", dt.date(2024, 3, 20))])
    assert ev.iso == "2024-03-20"
    assert ev.method == "published"


def test_a_night_belongs_to_its_second_day() -> None:
    # 11 March 2024 is a Monday: the night of Saturday to Sunday ends on the 10th.
    body = "La digue de Kerlouan a cédé dans la nuit de samedi à dimanche, selon la préfecture."
    ev = date_event("e1", [make(1, body, "Ouest Info", dt.date(2024, 3, 11))])
    assert ev.iso == "2024-03-10"
    assert ev.evidence is not None and body[ev.evidence.start : ev.evidence.end] == "dimanche"


def test_each_article_votes_once_and_the_majority_dates_the_event() -> None:
    # Two reports on Monday 18 March 2024 date the verdict that day; a follow-up published the
    # next day dates its own, later, letter ("mardi") and is outvoted.
    verdict = "VALMONT, 18 mars 2024 (AFPX) - Le maire a été condamné à deux ans de prison."
    letter = "Le maire condamné s'est adressé mardi aux habitants dans une lettre."
    arts = [
        make(1, verdict, "AFPX", dt.date(2024, 3, 18)),
        make(2, verdict.replace("condamné", "reconnu coupable et condamné"), "Le Courrier",
             dt.date(2024, 3, 18)),
        make(3, letter, "La Gazette", dt.date(2024, 3, 19)),
    ]
    ev = date_event("e1", arts)
    assert ev.iso == "2024-03-18"
    assert {r.article_id: r.date for r in ev.articles}["3"] == dt.date(2024, 3, 19)
