"""The REST API: records shared with the exports, cursor pages, search, token rules for writing."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from recoupe.exports import article_record
from recoupe.store import Store
from tests.web.fictional import FICTION, HOSTILE_TITLE, TOKEN

EXPORT_FIELDS = {
    "id", "origin", "url", "outlet", "title", "published", "published_evidence", "language",
    "content_hash", "body", "event_id", "story_id", "duplicate_of",
}
#: What an article the link stage has not placed yet answers for its link fields.
UNPLACED = {"event_id": None, "story_id": None, "duplicate_of": None}

POSTED = {
    "text": "Le conseil municipal de Saint-Aubrac a voté mardi soir la rénovation du pont.\n\n"
            "Les travaux commenceront au printemps et dureront huit mois, selon l'adjointe "
            "chargée de la voirie, qui a promis une passerelle provisoire pour les piétons.",
    "title": "Saint-Aubrac vote la rénovation du pont",
    "outlet": "L'Écho d'Aubrac",
    "published": "2024-03-06",
    "url": "https://example.org/pont",
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_article_has_exactly_the_export_fields(client: TestClient, read_store: Store) -> None:
    article = next(read_store.iter_articles())
    response = client.get(f"/api/v1/articles/{article.id}")
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(article_record(article) | UNPLACED))
    assert set(response.json()) == EXPORT_FIELDS


def test_unknown_article_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/articles/999999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "999999" in response.json()["detail"]


def test_listing_pages_with_a_cursor_until_next_is_null(client: TestClient) -> None:
    seen: list[int] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/v1/articles", params=params).json()
        pages += 1
        seen.extend(item["id"] for item in body["items"])
        assert len(body["items"]) <= 2
        cursor = body["next"]
        if cursor is None:
            break
    assert pages == 3  # six articles, two per page
    assert seen == sorted(seen) and len(set(seen)) == len(FICTION) + 1


def test_listing_filters(client: TestClient) -> None:
    items = client.get("/api/v1/articles", params={"language": "en"}).json()["items"]
    assert [i["title"] for i in items] == ["Orvilliers harbour strike enters second week"]
    items = client.get(
        "/api/v1/articles", params={"since": "2024-03-01", "until": "2024-03-04"}
    ).json()["items"]
    assert {i["published"] for i in items} == {"2024-03-02", "2024-03-04"}


def test_bad_parameters_are_422(client: TestClient) -> None:
    assert client.get("/api/v1/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/v1/articles", params={"limit": 10_000}).status_code == 422
    assert client.get("/api/v1/articles", params={"cursor": "abc"}).status_code == 422
    assert client.get("/api/v1/articles", params={"since": "hier"}).status_code == 422
    assert client.get("/api/v1/search").status_code == 422


def test_search_returns_records_with_score_and_escaped_snippet(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "négociation", "limit": 1}).json()
    assert body["total"] == 2
    assert body["next"] == "1"
    [item] = body["items"]
    assert set(item) >= EXPORT_FIELDS
    assert item["score"] > 0
    assert "<mark>" in item["snippet_html"]
    rest = client.get("/api/v1/search", params={"q": "négociation", "cursor": "1"}).json()
    assert rest["next"] is None
    assert rest["items"][0]["id"] != item["id"]


def test_search_snippet_of_hostile_article_is_escaped(client: TestClient) -> None:
    [item] = client.get("/api/v1/search", params={"q": "sécurité"}).json()["items"]
    assert item["title"] == HOSTILE_TITLE
    assert "<script" not in item["snippet_html"] + item["title_html"]


def test_openapi_schema_is_served_and_docs_need_no_cdn(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/search"} <= set(
        schema["paths"]
    )
    assert "post" in schema["paths"]["/api/v1/articles"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "/api/v1/search" in docs.text
    assert "cdn" not in docs.text.lower() and "<script src=\"http" not in docs.text
    assert client.get("/docs").status_code == 404


def test_writing_is_off_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/v1/articles", json=POSTED, headers=bearer("anything"))
    assert response.status_code == 403


def test_writing_needs_the_right_token(writable: TestClient) -> None:
    assert writable.post("/api/v1/articles", json=POSTED).status_code == 401
    wrong = writable.post("/api/v1/articles", json=POSTED, headers=bearer("nope"))
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    basic = writable.post(
        "/api/v1/articles", json=POSTED, headers={"Authorization": f"Basic {TOKEN}"}
    )
    assert basic.status_code == 401


def test_posted_article_is_ingested_searchable_and_idempotent(writable: TestClient) -> None:
    created = writable.post("/api/v1/articles", json=POSTED, headers=bearer(TOKEN))
    assert created.status_code == 201, created.text
    record = created.json()["article"]
    assert created.json()["status"] == "stored"
    assert record["title"] == POSTED["title"]
    assert record["outlet"] == POSTED["outlet"]
    assert record["published"] == "2024-03-06"
    assert "passerelle provisoire" in record["body"]
    fetched = writable.get(f"/api/v1/articles/{record['id']}").json()
    assert fetched == record
    found = writable.get("/api/v1/search", params={"q": "passerelle"}).json()
    assert [i["id"] for i in found["items"]] == [record["id"]]
    again = writable.post("/api/v1/articles", json=POSTED, headers=bearer(TOKEN))
    assert again.status_code == 200
    assert again.json() == {"status": "duplicate", "article": record}


def test_posted_garbage_is_rejected_with_a_reason(writable: TestClient) -> None:
    for body in (b"{not json", b"[1, 2]", b'{"title": "sans texte"}', b'{"text": 12}'):
        response = writable.post(
            "/api/v1/articles", content=body,
            headers={**bearer(TOKEN), "Content-Type": "application/json"},
        )
        assert response.status_code == 422, body
        assert response.json()["detail"]


def test_oversized_body_is_refused_before_reading(writable: TestClient) -> None:
    response = writable.post(
        "/api/v1/articles", content=b"x",
        headers={**bearer(TOKEN), "Content-Length": str(11 * 1024 * 1024)},
    )
    assert response.status_code == 413
