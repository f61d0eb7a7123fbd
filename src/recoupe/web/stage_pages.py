"""The pages of the later stages: a story's timeline, an event by outlet, an entity."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from recoupe.web.charts import counted_bars, svg_chart
from recoupe.web.pages import StoreDep, render
from recoupe.web.stages import (
    entity_articles,
    entity_quotes,
    found,
    interactions,
    lead,
    outlet_columns,
    parse_id,
)

router = APIRouter()


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    """A story: its events in date order as a timeline, with article counts and outlets."""
    story = found(store.story_record(parse_id(story_id, "story")), story_id, "story")
    events = store.event_records(story["id"])
    return render(request, "story.html", story=story, events=events)


@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
def event_page(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    """An event: its articles side by side by outlet, who reported first, quotes by outlet."""
    event = found(store.event_record(parse_id(event_id, "event")), event_id, "event")
    columns = outlet_columns(store, event["article_ids"])
    story = store.story_record(event["story_id"]) if event["story_id"] is not None else None
    return render(request, "event.html", event=event, story=story, columns=columns, lead=lead)


@router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    """An entity: kind, country, aliases, roles, mentions over time, quotes, interactions."""
    entity = found(store.entity_record(parse_id(entity_id, "entity")), entity_id, "entity")
    days = store.mention_days(entity["id"])  # counted in SQL, not one row per mention
    chart_data = counted_bars(days)
    chart = svg_chart(chart_data, f"Mentions of {entity['name']} over time")
    return render(
        request,
        "entity.html",
        entity=entity,
        mention_count=sum(days.values()),
        chart=chart,
        chart_data=chart_data,
        quotes=entity_quotes(store, entity["id"]),
        actions=interactions(store, entity["country"]),
        articles=entity_articles(store, entity["articles"]),
    )
