"""The later stages from the command line: entities, quotes, actions, events, stories, explain."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from recoupe.cli import app

runner = CliRunner()

ARTICLES = {
    "a.txt": (
        "Pêche : Paris menace de fermer ses ports aux chalutiers de Norvège\n\n"
        "Le ministre français des Affaires étrangères, Paul Delorme, a menacé lundi la "
        "Norvège de fermer les ports français si aucun accord n'était trouvé.\n\n"
        "« Nous ne laisserons pas nos pêcheurs sans licences », a déclaré M. Delorme "
        "devant la presse à Boulogne-sur-Mer.\n"
    ),
    "b.txt": (
        "Licences de pêche : la France hausse le ton face à la Norvège\n\n"
        "Paul Delorme a averti lundi la Norvège que les ports français pourraient fermer "
        "aux chalutiers norvégiens faute d'accord sur les licences de pêche.\n\n"
        "« Nous ne laisserons pas nos pêcheurs sans licences », a insisté le ministre, "
        "selon qui les négociations doivent reprendre à Boulogne-sur-Mer.\n"
    ),
}


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("news")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(tmp_path_factory.mktemp("store") / "store.db")
    result = run("ingest", "--db", path, str(folder))
    assert result.exit_code == 0, result.output
    assert "analysed 2, placed in events 2" in result.output
    return path


def jsonl(*args: str) -> list[dict]:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_entities_fold_variants(db: str) -> None:
    records = jsonl("export", "entities", "--db", db)
    delorme = [e for e in records if e["name"] == "Paul Delorme"]
    assert len(delorme) == 1
    assert delorme[0]["kind"] == "PER"
    assert sorted(delorme[0]["articles"]) == [1, 2]
    norway = [e for e in records if e["country"] == "NOR"]
    assert norway and norway[0]["kind"] == "GPE"
    assert "Paul Delorme" in run("entities", "--db", db, "--name", "delorme").output


def test_quotes_by_speaker(db: str) -> None:
    records = jsonl("export", "quotes", "--db", db, "--speaker", "Delorme")
    texts = {q["text"] for q in records}
    assert "Nous ne laisserons pas nos pêcheurs sans licences" in texts
    for record in records:
        assert set(record) == {
            "id",
            "article_id",
            "speaker",
            "speaker_entity_id",
            "text",
            "kind",
            "cue",
            "start",
            "end",
        }
        assert record["speaker"] == "Paul Delorme"
    table = run("quotes", "--db", db, "--speaker", "Delorme")
    assert "Paul Delorme" in table.output


def test_articles_gain_their_event_and_story(db: str) -> None:
    articles = jsonl("export", "articles", "--db", db)
    events = jsonl("export", "events", "--db", db)
    stories = jsonl("export", "stories", "--db", db)
    assert len(events) == 1, "two reports of the same warning are one event"
    assert len(stories) == 1
    assert {a["event_id"] for a in articles} == {events[0]["id"]}
    assert {a["story_id"] for a in articles} == {stories[0]["id"]}
    assert sorted(events[0]["article_ids"]) == [1, 2]
    assert stories[0]["event_ids"] == [events[0]["id"]]
    bodies = [a["body"] for a in articles]
    assert any(events[0]["summary"] in body for body in bodies), "summaries are extractive"
    assert events[0]["date"] is None, "no article gives a date: none is invented"


def test_explain_shows_the_scores(db: str) -> None:
    result = run("explain", "2", "--db", db)
    assert result.exit_code == 0
    assert "threshold" in result.output
    assert run("explain", "99", "--db", db).exit_code == 2


def test_actions_are_coded_from_french(db: str) -> None:
    records = jsonl("export", "actions", "--db", db, "--source", "FRA", "--target", "NOR")
    assert [r["event"] for r in records] == ["THREATEN"]
    assert records[0]["source"]["code"] == "FRA"
    assert "a menacé lundi la Norvège" in records[0]["sentence"]
    listed = run("actions", "--db", db, "--source", "FRA")
    assert "THREATEN" in listed.output
    table = run("export", "actions", "--tsv", "--db", db, "--source", "FRA").output.splitlines()
    header, first = table[0].split("\t"), table[1].split("\t")
    assert len(table) == 1 + len(records)
    assert dict(zip(header, first, strict=True))["PloverEvent"] == "THREATEN"
    assert dict(zip(header, first, strict=True))["Actor2Code"] == "NOR"


def test_update_twice_changes_nothing(db: str) -> None:
    before = jsonl("export", "events", "--db", db)
    result = run("update", "--db", db)
    assert "analysed 0, placed in events 0" in result.output
    assert jsonl("export", "events", "--db", db) == before


def test_explain_names_events_by_number_and_says_why_one_was_ruled_out(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("weekdays")
    (folder / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    later = ARTICLES["b.txt"].replace("lundi", "jeudi")  # undated, another day of the week
    (folder / "b.txt").write_text(later, encoding="utf-8")
    path = str(tmp_path_factory.mktemp("store") / "store.db")
    assert run("ingest", "--db", path, str(folder)).exit_code == 0
    events = jsonl("export", "events", "--db", path)
    assert len(events) == 2
    result = runner.invoke(app, ["explain", "2", "--db", path], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "new → event 2" in result.output
    assert "│ 1 " in result.output  # the candidate, by the number `recoupe events` shows
    assert "names jeudi" in result.output and "lundi" in result.output
