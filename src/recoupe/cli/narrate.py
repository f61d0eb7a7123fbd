"""Commands over what the narrate stage wrote: story timelines, outlet comparison, exports.

The commands only read the store (the orchestrator computed every narrative); article text
is hostile, so everything shown goes through rich's markup escape or Jinja2's autoescape.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from jinja2 import Environment, PackageLoader, StrictUndefined
from rich.markup import escape

from recoupe.cli.app import DbOption, app, err, export_app, one_line, out
from recoupe.store import Store

StoryArgument = Annotated[int, typer.Argument(help="The story's id (see `recoupe stories`).")]
EventArgument = Annotated[int, typer.Argument(help="The event's id (see `recoupe events`).")]
HtmlOption = Annotated[
    Path | None,
    typer.Option("--html", help="Write a self-contained HTML page to this file instead."),
]

#: The standalone page's template, shipped with the web templates (package data).
TEMPLATE = "timeline_export.html"


@app.command()
def timeline(story_id: StoryArgument, db: DbOption = None) -> None:
    """A story's events by the day they happened: date, evidence, summary, actors, quotes."""
    record = _timeline(story_id, db)
    story = record["story"]
    out.print(f"[bold]story {story['id']}: {escape(story['title'])}[/bold]")
    if record["paragraph"]:
        out.print(escape(record["paragraph"]))
    for event in record["events"]:
        out.print()
        _print_event(event)


@app.command()
def compare(event_id: EventArgument, db: DbOption = None) -> None:
    """One event outlet by outlet: articles, shared and unique claims, quotes, who was first."""
    with Store(db) as store:
        record = store.event_comparison(event_id)
    if record is None:
        err.print(f"no event {event_id} (see `recoupe events`)")
        raise typer.Exit(2)
    event = record["event"]
    out.print(f"[bold]event {event['id']}: {escape(event['title'])}[/bold]")
    if not record["narrated"]:
        out.print("not compared yet (run `recoupe update`)")
        return
    if record["first_outlet"]:
        out.print(
            f"reported first: {escape(record['first_outlet'])} "
            f"({escape(record['first_evidence'] or '')})"
        )
    for view in record["outlets"]:
        _print_outlet(view)
    _print_designations(record["designations"])


@export_app.command("timeline")
def export_timeline(story_id: StoryArgument, db: DbOption = None, html: HtmlOption = None) -> None:
    """A story's timeline as one JSON object, or ``--html FILE``: a page to send to someone."""
    record = _timeline(story_id, db)
    if html is None:
        sys.stdout.write(json.dumps(export_record(record), ensure_ascii=False, indent=2) + "\n")
        return
    html.write_text(render_html(record), encoding="utf-8")
    err.print(f"wrote {escape(str(html))}")


def export_record(record: dict[str, Any]) -> dict[str, Any]:
    """The exported fields of a timeline: story, paragraph and each event's narrative."""
    fields = (
        "id",
        "title",
        "date",
        "date_evidence",
        "not_before",
        "summary",
        "outlets",
        "article_ids",
        "actors",
        "quotes",
    )
    return {
        "story": record["story"],
        "paragraph": record["paragraph"],
        "paragraph_sentences": record["paragraph_sentences"],
        "events": [{k: e[k] for k in fields} for e in record["events"]],
    }


def render_html(record: dict[str, Any]) -> str:
    """A standalone HTML page of a timeline: inline CSS, strict CSP, no script, all escaped."""
    env = Environment(
        loader=PackageLoader("recoupe", "web/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE).render(timeline=export_record(record))


def _timeline(story_id: int, db: str | None) -> dict[str, Any]:
    with Store(db) as store:
        record = store.story_timeline(story_id)
    if record is None:
        err.print(f"no story {story_id} (see `recoupe stories`)")
        raise typer.Exit(2)
    return record


def _print_event(event: dict[str, Any]) -> None:
    when = event["date"] or "undated"
    if event["date"] is None and event["not_before"]:
        when += f", not before {event['not_before']}"
    out.print(f"[bold]{when}[/bold]  event {event['id']}: {escape(one_line(event['title'], 90))}")
    evidence = event["date_evidence"]
    if evidence:
        out.print(
            f"  date from article {escape(str(evidence['article_id']))}: "
            f"“{escape(one_line(evidence['text'], 100))}”"
        )
    if event["summary"]:
        out.print(f"  {escape(event['summary'])}")
    out.print(f"  outlets: {escape(', '.join(event['outlets']))}")
    if event["actors"]:
        names = ", ".join(f"{a['name']} ({a['mentions']})" for a in event["actors"])
        out.print(f"  actors: {escape(names)}")
    for quote in event["quotes"]:
        out.print(
            f"  « {escape(one_line(quote['text'], 100))} » — {escape(quote['speaker'])} "
            f"(article {quote['article_id']})"
        )


def _print_outlet(view: dict[str, Any]) -> None:
    out.rule(escape(view["outlet"]))
    for article in view["articles"]:
        out.print(
            f"article {article['id']} ({escape(article['published'] or 'undated')}): "
            f"{escape(one_line(article['title'] or '', 90))}"
        )
    out.print(f"[bold]shares with others ({len(view['shared'])})[/bold]")
    for claim in view["shared"]:
        out.print(f"  {escape(one_line(claim['text'], 110))}")
    out.print(f"[bold]only here ({len(view['unique'])})[/bold]")
    for claim in view["unique"]:
        out.print(
            escape(f"  [article {claim['article_id']}, {claim['start']}–{claim['end']}] ")
            + escape(one_line(claim["text"], 100))
        )
    if view["quotes"]:
        out.print(f"[bold]quotes ({len(view['quotes'])})[/bold]")
    for quote in view["quotes"]:
        out.print(
            f"  « {escape(one_line(quote['text'], 100))} » — "
            f"{escape(quote['speaker'] or 'unattributed')} (article {quote['article_id']})"
        )


def _print_designations(found: list[dict[str, Any]]) -> None:
    if not found:
        return
    out.rule("named differently")
    for entity in found:
        names = "; ".join(f"{o}: {', '.join(t)}" for o, t in entity["by_outlet"].items())
        out.print(f"{escape(entity['name'])} — {escape(names)}")
