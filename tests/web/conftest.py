"""Fixtures for the web tests: a store of fictional articles, a test client, a real server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi.testclient import TestClient

from recoupe.store import Store
from recoupe.web import create_app
from tests.conftest import Databases, NewDb
from tests.web.fictional import HOSTILE_TITLE, TOKEN, Corpus, fill_store, free_port
from tests.web.storyline import build_story_store, make_hostile


@pytest.fixture(scope="session")
def web_corpus(session_dbs: Databases) -> Corpus:
    """A store holding the fictional articles (shared by the read-only tests)."""
    db = session_dbs.new("web")
    with Store(db) as store:
        ids = fill_store(store)
    return Corpus(db=db, ids=ids, hostile_id=ids[HOSTILE_TITLE])


@pytest.fixture(scope="session")
def read_store(web_corpus: Corpus) -> Iterator[Store]:
    """The shared store, opened once for the session."""
    with Store(web_corpus.db) as store:
        yield store


@pytest.fixture
def client(read_store: Store) -> TestClient:
    """A test client over the shared store, with writing disabled."""
    return TestClient(create_app(read_store))


@pytest.fixture(scope="session")
def story_store(
    tmp_path_factory: pytest.TempPathFactory, session_dbs: Databases
) -> Iterator[Store]:
    """The fictional storyline through the real pipeline, then made hostile (see storyline)."""
    folder = tmp_path_factory.mktemp("story")
    with Store(session_dbs.new("story")) as store:
        build_story_store(store, folder)
        make_hostile(store)
        yield store


@pytest.fixture
def story_client(story_store: Store) -> TestClient:
    """A test client over the storyline store."""
    return TestClient(create_app(story_store))


@pytest.fixture
def writable(new_db: NewDb) -> Iterator[TestClient]:
    """A test client over a fresh store of its own, with the write token set."""
    with Store(new_db("w")) as store:
        fill_store(store)
        yield TestClient(create_app(store, token=TOKEN))


@pytest.fixture(scope="session")
def server(read_store: Store) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 over the shared store; yields its base URL."""
    yield from serve(read_store)


@pytest.fixture(scope="session")
def story_server(story_store: Store) -> Iterator[str]:
    """A real server over the storyline store; yields its base URL."""
    yield from serve(story_store)


def serve(store: Store) -> Iterator[str]:
    """Run the application over ``store`` on a free port until the generator is closed."""
    port = free_port()
    config = uvicorn.Config(
        create_app(store), host="127.0.0.1", port=port, log_level="warning"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)
