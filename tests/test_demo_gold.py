"""The bundled demo corpus, ingested end to end, matches its gold metadata article by article."""

from __future__ import annotations

import datetime as dt

import pytest

from recoupe.extract.dates import parse_timestamp
from recoupe.model import Article
from recoupe.store import Store
from tests.conftest import DEMO_GOLD as GOLD
from tests.conftest import demo_key


@pytest.fixture(scope="module")
def demo_articles(demo_store: Store) -> dict[str, Article]:
    """The demo corpus's articles, keyed like the gold file."""
    return {demo_key(a.origin): a for a in demo_store.iter_articles()}


def _folded(text: str) -> str:
    return " ".join(text.split())


def _same_time(gold: str | None, found: dt.date | dt.datetime | None) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    expected = parse_timestamp(gold)
    if isinstance(expected, dt.datetime) and isinstance(found, dt.datetime):
        if (expected.tzinfo is None) != (found.tzinfo is None):
            return expected.replace(tzinfo=None) == found.replace(tzinfo=None)
        return expected == found
    day = found.date() if isinstance(found, dt.datetime) else found
    gold_day = expected.date() if isinstance(expected, dt.datetime) else expected
    return day == gold_day


def test_every_gold_article_is_stored_once(demo_articles: dict[str, Article]) -> None:
    assert set(demo_articles) == set(GOLD["articles"])


@pytest.mark.parametrize("field", ["title", "outlet", "language"])
def test_metadata_field(demo_articles: dict[str, Article], field: str) -> None:
    wrong = {
        key: (getattr(demo_articles[key], field), gold[field])
        for key, gold in GOLD["articles"].items()
        if key in demo_articles and getattr(demo_articles[key], field) != gold[field]
    }
    assert wrong == {}


def test_publication_dates(demo_articles: dict[str, Article]) -> None:
    wrong = {
        key: (str(demo_articles[key].published), gold["published"])
        for key, gold in GOLD["articles"].items()
        if key in demo_articles and not _same_time(gold["published"], demo_articles[key].published)
    }
    assert wrong == {}


def test_article_sentences_kept_and_furniture_removed(demo_articles: dict[str, Article]) -> None:
    problems = []
    for key, gold in GOLD["articles"].items():
        body = _folded(demo_articles[key].body)
        problems += [(key, "lost", s) for s in gold["sentences_kept"] if _folded(s) not in body]
        problems += [(key, "left", f) for f in gold["furniture"] if _folded(f) in body]
    assert problems == []
