"""Commands over what the link stage built: stories, events, explanations, and exports."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from recoupe.cli.app import DbOption, app, err, export_app, one_line, out, write_jsonl
from recoupe.store import Store

StoryOption = Annotated[int | None, typer.Option("--story", help="Only the events of this story.")]


@app.command()
def stories(db: DbOption = None) -> None:
    """Stories with their span of dates, number of events, articles and outlets."""
    with Store(db) as store:
        rows = store.story_records()
    table = Table(
        "id", "from", "to", "events", "articles", "outlets", "title", title=f"{len(rows)} stories"
    )
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["start"] or "—",
            row["end"] or "—",
            str(len(row["event_ids"])),
            str(row["articles"]),
            str(len(row["outlets"])),
            escape(one_line(row["title"], 80)),
        )
    out.print(table)


@app.command()
def events(db: DbOption = None, story: StoryOption = None) -> None:
    """Events in date order, with their articles and outlets (``--story N`` for one story)."""
    with Store(db) as store:
        rows = store.event_records(story)
    table = Table("id", "story", "first seen", "last seen", "articles", "outlets", "title")
    for row in rows:
        table.add_row(
            str(row["id"]),
            str(row["story_id"]),
            row["first_seen"] or "—",
            row["last_seen"] or "—",
            str(len(row["article_ids"])),
            escape(one_line(", ".join(row["outlets"]), 40)),
            escape(one_line(row["title"], 70)),
        )
    out.print(table)


@app.command()
def explain(
    article_id: Annotated[int, typer.Argument(help="The article's id.")], db: DbOption = None
) -> None:
    """Why an article joined its event: the candidate events, each score, the threshold."""
    with Store(db) as store:
        placed = store.article_links(article_id)
    if placed is None:
        err.print(f"article {article_id} is not placed in an event (run `recoupe update`)")
        raise typer.Exit(2)
    why = placed["explanation"]
    out.print(
        f"article {article_id}: {why['decision']} → event {placed['event_id']}, "
        f"story {placed['story_id']}"
        + (f", copy of article {placed['duplicate_of']}" if placed["duplicate_of"] else "")
    )
    out.print(f"threshold to join an event: {why['threshold']:.3f}")
    table = Table("candidate event", "score", "time decay", "components", "note")
    for candidate in why["candidates"]:
        number = candidate.get("event_number")
        table.add_row(
            str(number) if number is not None else escape(candidate["event_id"]),
            f"{candidate['score']:.3f}",
            f"{candidate['time_decay']:.3f}",
            escape(json.dumps({k: round(v, 3) for k, v in candidate["components"].items()})),
            escape(candidate.get("note") or ""),
        )
    out.print(table)
    if why.get("story_decision"):
        out.print(f"story: {escape(why['story_decision'])}")


@export_app.command("events")
def export_events(db: DbOption = None, story: StoryOption = None) -> None:
    """Events as JSON Lines: id, story_id, title, article_ids, outlets, first_seen, last_seen."""
    with Store(db) as store:
        write_jsonl(store.event_records(story))


@export_app.command("stories")
def export_stories(db: DbOption = None) -> None:
    """Stories as JSON Lines: id, title, event_ids, start, end."""
    with Store(db) as store:
        write_jsonl(
            {k: row[k] for k in ("id", "title", "event_ids", "start", "end")}
            for row in store.story_records()
        )
