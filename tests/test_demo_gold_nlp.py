"""The demo corpus's gold entities and quotes, on its French articles (English ones have no
pipeline configured and are skipped by design)."""

from __future__ import annotations

import unicodedata

import pytest

from recoupe.store import Record, Store
from tests.conftest import DEMO_GOLD as GOLD
from tests.conftest import demo_key

FRENCH = {key for key, gold in GOLD["articles"].items() if gold["language"] == "fr"}


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def overlap(a: str, b: str) -> float:
    left, right = set(fold(a).split()), set(fold(b).split())
    return len(left & right) / max(1, len(left | right))


@pytest.fixture(scope="module")
def quotes_by_article(demo_store: Store) -> dict[str, list[Record]]:
    keys = {a.id: demo_key(a.origin) for a in demo_store.iter_articles()}
    found: dict[str, list[Record]] = {}
    for quote in demo_store.quote_records():
        found.setdefault(keys[quote["article_id"]], []).append(quote)
    return found


def best_match(gold: dict, found: dict[str, list[Record]]) -> Record | None:
    scored = [(overlap(gold["text"], q["text"]), q) for q in found.get(gold["article"], [])]
    score, quote = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return quote if score >= 0.3 else None


def test_quotes_are_found_with_their_speakers(quotes_by_article: dict[str, list[Record]]) -> None:
    gold = [q for q in GOLD["quotes"] if q["article"] in FRENCH]
    matches = [(g, best_match(g, quotes_by_article)) for g in gold]
    found = [(g, q) for g, q in matches if q is not None]
    predicted = sum(len(v) for k, v in quotes_by_article.items() if k in FRENCH)
    recall = len(found) / len(gold)
    precision = len({q["id"] for _, q in found}) / predicted
    f1 = 2 * precision * recall / (precision + recall)
    spoken = [(g, q) for g, q in found if g["speaker"]]
    right = [
        g
        for g, q in spoken
        if fold(g["speaker"]) in fold(q["speaker"] or "")
        or (q["speaker"] and fold(q["speaker"]) in fold(g["speaker"]))
    ]
    # Measured 2026-11-21: F1 0.825, speaker accuracy 0.80 (docs/benchmarks.md).
    assert f1 >= 0.80, f"quote F1 {f1:.3f}"
    assert len(right) / len(spoken) >= 0.78, f"speaker accuracy {len(right) / len(spoken):.3f}"


def test_each_person_is_one_entity(demo_store: Store) -> None:
    entities = demo_store.entity_records(kind="PER")
    french_text = " ".join(
        fold(a.body) for a in demo_store.iter_articles() if demo_key(a.origin) in FRENCH
    )
    holders = {}
    for person in (e for e in GOLD["entities"] if e["kind"] == "PER"):
        if fold(person["name"]) in french_text:
            aliases = {fold(a) for a in person["aliases"]}
            holders[person["name"]] = {
                e["id"] for e in entities if aliases & {fold(a) for a in e["aliases"]}
            }
    split = {name: ids for name, ids in holders.items() if len(ids) > 1}
    missed = [name for name, ids in holders.items() if not ids]
    assert split == {}, "every variant of a person's name folds into one entity"
    assert len(missed) <= len(holders) // 10, missed


def test_countries_carry_their_iso_code(demo_store: Store) -> None:
    countries = {e["name"]: e["country"] for e in demo_store.entity_records(kind="GPE")}
    for gold in (e for e in GOLD["entities"] if e["kind"] == "GPE" and e.get("iso3")):
        assert countries.get(gold["name"]) == gold["iso3"], gold["name"]
