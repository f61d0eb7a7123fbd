"""The response cache: repeated GETs come from memory, and never outlive a change to the store."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from recoupe.model import Article, content_hash
from recoupe.store import Store
from recoupe.web import create_app
from recoupe.web.cache import DataVersion, ResponseCache
from recoupe.web.security import CSP
from tests.conftest import NewDb
from tests.web.fictional import fill_store


def fresh(title: str) -> Article:
    """A new article that no other test stores."""
    body = f"{title}. Les habitants de Valmont ont appris la nouvelle mardi."
    return Article(
        origin=f"cache/{title}.txt", content_hash=content_hash(body), body=body, title=title,
        outlet="Le Veilleur de Cache", published=dt.date(2030, 1, 1), language="fr",
        raw=body.encode(),
    )


@pytest.fixture
def store(new_db: NewDb) -> Iterator[Store]:
    """A store of its own, which the tests write to."""
    with Store(new_db("c")) as opened:
        fill_store(opened)
        yield opened


def cache_of(client: TestClient) -> ResponseCache:
    """The cache middleware of the client's application."""
    client.get("/")  # the middleware stack is built on the first request
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def test_repeated_page_is_served_from_the_cache_with_its_headers(store: Store) -> None:
    client = TestClient(create_app(store))
    cache = cache_of(client)
    first = client.get("/search?q=digues")
    hits = cache.hits
    again = client.get("/search?q=digues")
    assert cache.hits == hits + 1
    assert again.text == first.text and "digues" in again.text
    assert again.headers["content-security-policy"] == CSP


def test_a_write_from_another_connection_is_shown_at_once(store: Store) -> None:
    client = TestClient(create_app(store))
    assert "Zéphyrine inédite" not in client.get("/").text
    assert "Le Veilleur de Cache" not in client.get("/").text
    assert "<mark>Zéphyrine</mark>" not in client.get("/search?q=zephyrine").text
    with Store(store.url) as other:
        other.add_batch([fresh("Zéphyrine inédite")], [], None)
    page = client.get("/").text
    assert "Zéphyrine inédite" in page
    assert "Le Veilleur de Cache" in page  # the outlet menu (facets) is not stale either
    assert "<mark>Zéphyrine</mark> inédite" in client.get("/search?q=zephyrine").text


def test_a_write_from_another_process_changes_the_data_version(store: Store) -> None:
    version = DataVersion(store)
    before = version.current()
    script = (
        "import sys; from recoupe.store import Store; "
        "from tests.web.test_cache import fresh; "
        "Store(sys.argv[1]).add_batch([fresh('Autre processus')], [], None)"
    )
    subprocess.run([sys.executable, "-c", script, store.url], check=True, cwd=Path.cwd())
    assert version.current() != before
    version.close()


def test_errors_static_files_and_authorised_requests_are_not_cached(store: Store) -> None:
    client = TestClient(create_app(store))
    cache = cache_of(client)
    misses = cache.misses
    client.get("/articles/999999")
    client.get("/articles/999999")
    assert cache.misses == misses + 2
    hits = cache.hits
    client.get("/static/style.css")
    client.get("/static/style.css")
    client.get("/api/v1/articles", headers={"Authorization": "Bearer x"})
    client.get("/api/v1/articles", headers={"Authorization": "Bearer x"})
    assert cache.hits == hits


def test_cache_can_be_turned_off(store: Store) -> None:
    client = TestClient(create_app(store, cache_entries=0))
    cache = cache_of(client)
    client.get("/")
    client.get("/")
    assert cache.hits == 0


def test_cache_keeps_a_bounded_number_of_pages(store: Store) -> None:
    client = TestClient(create_app(store, cache_entries=2))
    cache = cache_of(client)
    for query in ("digues", "grève", "maire", "digues"):
        client.get(f"/search?q={query}")
    assert len(cache._store) == 2
