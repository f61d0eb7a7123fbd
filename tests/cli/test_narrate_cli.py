"""Story timelines, outlet comparison and the timeline export, on fictional French articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.pipeline import ingest, update
from recoupe.store import Store

runner = CliRunner()

HOSTILE = "Crue <script>alert(2)</script> de la Vézère"

#: Two dated events of one story (a flood, then the reopening of a bridge), two outlets each.
ARTICLES = [
    {
        "outlet": "La Gazette du Limousin",
        "published": "2031-03-04T08:00:00+01:00",
        "title": HOSTILE,
        "text": (
            "La Vézère est sortie de son lit lundi 3 mars 2031 à Uzerche, inondant le quartier "
            "de la gare et coupant le pont Turgot.\n\n"
            "Le maire d'Uzerche, Hélène Vaurette, a demandé l'évacuation de quarante familles "
            "riveraines de la Vézère.\n\n"
            "« Nous n'avions jamais vu la Vézère monter aussi vite », a déclaré Hélène Vaurette "
            "devant la mairie d'Uzerche.\n\n"
            "Un gymnase municipal d'Uzerche accueille les familles évacuées pour la nuit.\n"
        ),
    },
    {
        "outlet": "Le Courrier de Corrèze",
        "published": "2031-03-04T11:30:00+01:00",
        "title": "Uzerche : la Vézère déborde <script>alert(1)</script> quarante familles évacuées",
        "text": (
            "La Vézère a débordé lundi 3 mars 2031 à Uzerche, où le quartier de la gare a été "
            "inondé et le pont Turgot coupé.\n\n"
            "La maire Hélène Vaurette a fait évacuer quarante familles riveraines de la Vézère "
            "à Uzerche.\n\n"
            "« Nous n'avions jamais vu la Vézère monter aussi vite », "
            "a affirmé Hélène Vaurette.\n\n"
            "Les pompiers de Tulle ont dépêché trois bateaux pneumatiques vers le quartier de "
            "la gare d'Uzerche.\n"
        ),
    },
    {
        "outlet": "La Gazette du Limousin",
        "published": "2031-03-13T09:00:00+01:00",
        "title": "Uzerche : le pont Turgot rouvert après la crue de la Vézère",
        "text": (
            "Le pont Turgot d'Uzerche a rouvert mercredi 12 mars 2031, neuf jours après la crue "
            "de la Vézère.\n\n"
            "Hélène Vaurette, maire d'Uzerche, a inauguré le pont Turgot réparé en présence "
            "des riverains de la Vézère.\n\n"
            "« Le pont Turgot a tenu bon malgré la crue de la Vézère », a dit Hélène Vaurette.\n"
        ),
    },
    {
        "outlet": "Le Courrier de Corrèze",
        "published": "2031-03-13T10:00:00+01:00",
        "title": "La Vézère : réouverture du pont Turgot à Uzerche",
        "text": (
            "Mercredi 12 mars 2031, le pont Turgot d'Uzerche a rouvert à la circulation après "
            "la crue de la Vézère.\n\n"
            "La maire Hélène Vaurette a inauguré le pont Turgot réparé devant les riverains "
            "de la Vézère.\n\n"
            "« Le pont Turgot a tenu bon malgré la crue de la Vézère », a assuré Hélène Vaurette.\n"
        ),
    },
]

FLOOD_ONLY_COURRIER = "Les pompiers de Tulle ont dépêché trois bateaux pneumatiques"


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("news")
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = str(tmp_path_factory.mktemp("store") / "store.db")
    with Store(path) as store:
        ingest([str(folder)], store)
        update(store)
    return path


@pytest.fixture(scope="module")
def exported(db: str) -> dict:
    stories = [
        json.loads(line) for line in run("export", "stories", "--db", db).output.split("\n") if line
    ]
    assert len(stories) == 1, stories
    result = run("export", "timeline", str(stories[0]["id"]), "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_timeline_orders_events_by_the_day_they_happened(exported: dict) -> None:
    events = exported["events"]
    assert [e["date"] for e in events] == ["2031-03-03", "2031-03-12"]
    assert events[0]["article_ids"] == [1, 2]
    assert events[1]["article_ids"] == [3, 4]
    evidence = events[0]["date_evidence"]
    assert evidence["article_id"] in ("1", "2")
    assert "3 mars 2031" in evidence["text"]


def test_summaries_are_verbatim_sentences_of_the_articles(exported: dict) -> None:
    bodies = [a["text"] for a in ARTICLES]
    for event in exported["events"]:
        assert event["summary"]
        assert any(event["summary"] in body for body in bodies)
    assert exported["paragraph"]
    for sentence in exported["paragraph_sentences"]:
        assert sentence["text"] in ARTICLES[sentence["article_id"] - 1]["text"]


def test_export_fields(exported: dict) -> None:
    assert set(exported) == {"story", "paragraph", "paragraph_sentences", "events"}
    for event in exported["events"]:
        assert {"date", "date_evidence", "summary", "outlets", "actors", "quotes"} <= set(event)
        assert sorted(event["outlets"]) == ["La Gazette du Limousin", "Le Courrier de Corrèze"]
        assert "Hélène Vaurette" in [a["name"] for a in event["actors"]]
    quotes = [q["text"] for q in exported["events"][0]["quotes"]]
    assert "Nous n'avions jamais vu la Vézère monter aussi vite" in quotes
    assert exported["events"][0]["quotes"][0]["speaker"] == "Hélène Vaurette"


def test_timeline_shows_dates_summaries_and_quotes(db: str, exported: dict) -> None:
    result = run("timeline", str(exported["story"]["id"]), "--db", db)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("2031-03-03") < text.index("2031-03-12")
    assert exported["events"][1]["summary"][:40] in " ".join(text.split())
    assert "Hélène Vaurette" in text


def test_compare_shows_a_claim_only_one_outlet_carries(db: str, exported: dict) -> None:
    event_id = exported["events"][0]["id"]
    result = run("compare", str(event_id), "--db", db)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Le Courrier de Corrèze" in text and "La Gazette du Limousin" in text
    assert "reported first: La Gazette du Limousin" in text
    courrier = text[text.index("Le Courrier de Corrèze ─") :]
    only = courrier[courrier.index("only here") :]
    assert FLOOD_ONLY_COURRIER in only
    assert "[article 2," in only
    gazette = text[: text.index("Le Courrier de Corrèze ─")]
    assert FLOOD_ONLY_COURRIER not in gazette


def test_html_export_escapes_hostile_text(db: str, exported: dict, tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    result = run(
        "export", "timeline", str(exported["story"]["id"]), "--db", db, "--html", str(page)
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, "the story's hostile title"
    assert "default-src 'none'; style-src 'unsafe-inline'" in html
    assert "<style>" in html
    assert "http://" not in html and "https://" not in html
    assert "2031-03-03" in html and "Hélène Vaurette" in html


@pytest.mark.parametrize(
    "args", [("timeline", "99"), ("compare", "99"), ("export", "timeline", "99")]
)
def test_unknown_ids_exit_2(db: str, args: tuple[str, ...]) -> None:
    result = run(*args, "--db", db)
    assert result.exit_code == 2
    assert "99" in result.output
