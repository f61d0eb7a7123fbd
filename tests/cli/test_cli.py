"""The command line as a user runs it: ingest, articles, show, export, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from recoupe.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_ingest_list_show_export(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = run("ingest", "--no-analyse", "--db", db, str(corpus))
    assert result.exit_code == 0, result.output
    assert "stored 6, duplicates 0, rejected 0" in result.output

    again = run("ingest", "--no-analyse", "--db", db, str(corpus))
    assert again.exit_code == 0
    assert "stored 0, duplicates 6, rejected 0" in again.output

    table = run("articles", "--db", db)
    assert table.exit_code == 0
    assert "6 articles" in table.output
    assert "Valmont" in table.output

    shown = run("show", "1", "--db", db)
    assert shown.exit_code == 0
    assert "Hélène Vasseur" in shown.output
    assert "removed (" in shown.output

    raw = run("show", "1", "--raw", "--db", db)
    assert raw.output.startswith("À Valmont")

    exported = run("export", "articles", "--db", db)
    records = [json.loads(line) for line in exported.output.splitlines()]
    assert len(records) == 6
    for field in ("id", "origin", "outlet", "title", "published", "language", "body"):
        assert field in records[0]
    assert records[0]["origin"].endswith("article_00000.txt")
    assert records[0]["language"] == "fr"


def test_rejected_input_exits_1_and_names_it(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    result = run("ingest", "--no-analyse", "--db", str(tmp_path / "cli.db"), str(corpus))
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "stored 6, duplicates 0, rejected 1" in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    assert run("show", "42", "--db", db).exit_code == 2
    assert run("ingest", "--db", db, "--no-such-option", "x").exit_code == 2
    assert run("no-such-command").exit_code == 2
    assert run("update", "--db", db, "--pipeline", "no-equals-sign").exit_code == 2


def test_db_from_environment(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "env.db"))
    assert run("ingest", "--no-analyse", str(corpus)).exit_code == 0
    assert (tmp_path / "env.db").exists()
