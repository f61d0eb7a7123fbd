"""The API of the later stages: export fields, pages with ``limit``, filters, JSON 404s."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from recoupe.store import Store
from tests.web.storyline import HOSTILE_ENTITY, HOSTILE_QUOTE


def as_json(value: Any) -> Any:
    """``value`` as it looks once through JSON."""
    return json.loads(json.dumps(value))


def all_pages(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a listing, following ``next`` two at a time."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=query).json()
        assert set(body) == {"items", "next"} and len(body["items"]) <= 2
        items.extend(body["items"])
        cursor = body["next"]
        if cursor is None:
            return items


def test_entities_page_through_with_the_export_fields(
    story_client: TestClient, story_store: Store
) -> None:
    assert all_pages(story_client, "/api/v1/entities") == as_json(story_store.entity_records())
    people = story_client.get("/api/v1/entities", params={"kind": "per"}).json()["items"]
    assert {p["kind"] for p in people} == {"PER"} and len(people) == 3
    wanted = story_store.entity_records()[0]
    assert story_client.get(f"/api/v1/entities/{wanted['id']}").json() == as_json(wanted)


def test_hostile_names_come_back_as_plain_json_strings(
    story_client: TestClient, story_store: Store
) -> None:
    odile = next(e for e in story_store.entity_records() if e["name"] == HOSTILE_ENTITY)
    record = story_client.get(f"/api/v1/entities/{odile['id']}")
    assert record.headers["content-type"] == "application/json"
    assert record.json()["name"] == HOSTILE_ENTITY
    texts = [q["text"] for q in story_client.get("/api/v1/quotes").json()["items"]]
    assert HOSTILE_QUOTE in texts


def test_quotes_by_speaker_have_the_export_fields(
    story_client: TestClient, story_store: Store
) -> None:
    items = story_client.get("/api/v1/quotes", params={"speaker": "oberholz"}).json()["items"]
    expected = [{k: v for k, v in q.items() if k != "published"}
                for q in story_store.quote_records("oberholz")]
    assert items == as_json(expected) and len(items) == 2
    assert set(items[0]) == {"id", "article_id", "speaker", "speaker_entity_id", "text", "kind",
                             "cue", "start", "end"}
    assert {q["speaker"] for q in items} == {"Friedrich Oberholz"}


def test_events_of_a_story_and_one_event(story_client: TestClient, story_store: Store) -> None:
    canal = next(s for s in story_store.story_records() if s["articles"] == 4)
    events = story_client.get("/api/v1/events", params={"story": canal["id"]}).json()
    assert events["items"] == as_json(story_store.event_records(canal["id"]))
    assert events["next"] is None
    event = events["items"][0]
    assert event["article_ids"] == [1, 2, 3, 4] and event["story_id"] == canal["id"]
    assert story_client.get(f"/api/v1/events/{event['id']}").json() == event
    assert all_pages(story_client, "/api/v1/events") == as_json(story_store.event_records())


def test_stories_and_one_story(story_client: TestClient, story_store: Store) -> None:
    stories = all_pages(story_client, "/api/v1/stories")
    assert stories == as_json(story_store.story_records())
    assert [s["start"] for s in stories] == ["2024-05-20", "2024-05-06"]
    one = story_client.get(f"/api/v1/stories/{stories[1]['id']}").json()
    assert one == stories[1] and one["articles"] == 4
    assert one["outlets"] == ["La Gazette d'Essai", "Le Courrier de Valmont"]


def test_actions_between_a_source_and_a_target(
    story_client: TestClient, story_store: Store
) -> None:
    items = story_client.get(
        "/api/v1/actions", params={"source": "fra", "target": "DEU"}
    ).json()["items"]
    assert items == as_json(story_store.action_records("FRA", "DEU")) and items
    assert {(a["source"]["code"], a["target"]["code"]) for a in items} == {("FRA", "DEU")}
    assert all(a["sentence"] and a["end"] > a["start"] for a in items)


def test_articles_carry_their_event_story_and_duplicate(
    story_client: TestClient, story_store: Store
) -> None:
    placed = story_store.link_columns()
    article = story_client.get("/api/v1/articles/1").json()
    assert {k: article[k] for k in ("event_id", "story_id", "duplicate_of")} == placed[1]
    assert article["event_id"] is not None
    listing = story_client.get("/api/v1/articles", params={"limit": 5}).json()["items"]
    assert [a["story_id"] for a in listing] == [placed[a["id"]]["story_id"] for a in listing]


@pytest.mark.parametrize("path", ["/api/v1/entities/999", "/api/v1/events/999",
                                  "/api/v1/stories/999"])
def test_unknown_ids_are_json_404s(story_client: TestClient, path: str) -> None:
    response = story_client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "999" in response.json()["detail"]


def test_bad_limits_and_cursors_are_refused(story_client: TestClient) -> None:
    assert story_client.get("/api/v1/entities", params={"limit": 0}).status_code == 422
    assert story_client.get("/api/v1/stories", params={"limit": 500}).status_code == 422
    assert story_client.get("/api/v1/quotes", params={"cursor": "-3"}).status_code == 422


def test_new_routes_are_in_the_api_page(story_client: TestClient) -> None:
    html = story_client.get("/api/docs").text
    for path in ("/api/v1/entities/{entity_id}", "/api/v1/quotes", "/api/v1/events/{event_id}",
                 "/api/v1/stories/{story_id}", "/api/v1/actions"):
        assert f"<code>{path}</code>" in html
