"""Commands over what the nlp stage found: entities, quotes, actions, and their exports."""

from __future__ import annotations

import csv
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from recoupe.cli.app import DbOption, app, export_app, one_line, out, write_jsonl
from recoupe.store import Record, Store

KindOption = Annotated[str | None, typer.Option(help="Only this kind: PER, ORG, GPE, LOC, MISC.")]
NameOption = Annotated[str | None, typer.Option(help="Only names or aliases containing this.")]
SpeakerOption = Annotated[
    str | None, typer.Option(help="Only this speaker (any of their names, accents ignored).")
]
SourceOption = Annotated[str | None, typer.Option(help="Source country code (ISO alpha-3).")]
TargetOption = Annotated[str | None, typer.Option(help="Target country code (ISO alpha-3).")]
LimitOption = Annotated[int, typer.Option(min=1, help="Rows to show.")]


@app.command()
def entities(
    db: DbOption = None, kind: KindOption = None, name: NameOption = None, limit: LimitOption = 50
) -> None:
    """Canonical people, organisations and places, with their aliases and article counts."""
    with Store(db) as store:
        rows = store.entity_records(kind, name)
    table = Table(
        "id", "name", "kind", "country", "articles", "aliases", title=f"{len(rows)} entities"
    )
    for row in rows[:limit]:
        others = [a for a in row["aliases"] if a != row["name"]]
        table.add_row(
            str(row["id"]),
            escape(row["name"]),
            row["kind"],
            row["country"] or "",
            str(len(row["articles"])),
            escape(one_line("; ".join(others), 60)),
        )
    out.print(table)


@app.command()
def quotes(db: DbOption = None, speaker: SpeakerOption = None, limit: LimitOption = 50) -> None:
    """Who said what: quotes with their speaker, article, date and kind."""
    with Store(db) as store:
        rows = store.quote_records(speaker)
    table = Table("id", "article", "date", "speaker", "kind", "quote", title=f"{len(rows)} quotes")
    for row in rows[:limit]:
        table.add_row(
            str(row["id"]),
            str(row["article_id"]),
            (row["published"] or "")[:10],
            escape(row["speaker"] or "?"),
            row["kind"],
            escape(one_line(row["text"], 90)),
        )
    out.print(table)


@app.command()
def actions(
    db: DbOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    limit: LimitOption = 50,
) -> None:
    """Who did what to whom (PLOVER), dated, with the sentence each record comes from."""
    with Store(db) as store:
        rows = store.action_records(source, target)
    table = Table(
        "date", "source", "event", "target", "article", "evidence", title=f"{len(rows)} actions"
    )
    for row in rows[:limit]:
        table.add_row(
            row["date"] or "",
            escape(_actor(row["source"])),
            row["event"] + (f" ({row['mode']})" if row["mode"] else ""),
            escape(_actor(row["target"])),
            str(row["article_id"]),
            escape(one_line(row["sentence"], 80)),
        )
    out.print(table)


@export_app.command("entities")
def export_entities(db: DbOption = None) -> None:
    """Entities as JSON Lines: id, name, kind, country, aliases, articles."""
    with Store(db) as store:
        write_jsonl(store.entity_records())


@export_app.command("quotes")
def export_quotes(db: DbOption = None, speaker: SpeakerOption = None) -> None:
    """Quotes as JSON Lines: id, article_id, speaker, speaker_entity_id, text, kind, cue…"""
    with Store(db) as store:
        write_jsonl(
            {k: v for k, v in row.items() if k != "published"}
            for row in store.quote_records(speaker)
        )


#: Columns of the GDELT-style table: GDELT's actor/event layout with PLOVER's event and mode.
TSV_COLUMNS = (
    "GlobalEventID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1Sector",
    "EventRootCode",
    "PloverEvent",
    "PloverMode",
    "Actor2Code",
    "Actor2Name",
    "Actor2Sector",
    "ArticleID",
    "Trigger",
    "ReportedBy",
    "Sentence",
)


@export_app.command("actions")
def export_actions(
    db: DbOption = None,
    source: SourceOption = None,
    target: TargetOption = None,
    tsv: Annotated[bool, typer.Option("--tsv", help="A GDELT-style tab-separated table.")] = False,
) -> None:
    """Actions as JSON Lines: id, article_id, date, source, event, mode, target, sentence…"""
    with Store(db) as store:
        rows = store.action_records(source, target)
    if not tsv:
        write_jsonl(rows)
        return
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(TSV_COLUMNS)
    writer.writerows(_tsv_row(row) for row in rows)


def _tsv_row(row: Record) -> list[str]:
    """One action as a GDELT-style row; tabs and newlines inside text become spaces."""
    source, target = row["source"] or {}, row["target"] or {}
    cells = [
        row["id"],
        (row["date"] or "").replace("-", ""),
        source.get("code", ""),
        source.get("name", ""),
        source.get("sector", ""),
        row["cameo"] or "",
        row["event"],
        row["mode"] or "",
        target.get("code", ""),
        target.get("name", ""),
        target.get("sector", ""),
        row["article_id"],
        row["trigger"],
        row["reported_by"] or "",
        row["sentence"],
    ]
    return [" ".join(str(cell).split()) for cell in cells]


def _actor(actor: dict[str, str] | None) -> str:
    if not actor:
        return "—"
    code = " ".join(part for part in (actor["code"], actor["sector"]) if part)
    return f"{actor['name']} ({code})" if code else actor["name"]
