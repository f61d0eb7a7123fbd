"""The bundled demo corpus against its gold, end to end: links, event dates, outlet claims.

Usage: ``.venv/bin/python eval/demo_gold.py``. Ingests ``examples/demo/corpus`` into a
temporary store, runs every stage, and prints one JSON line: BCubed and pairwise figures for
events (all articles, dated ones, undated ones) and stories, wire copies found, whether each
report in English joined the event of the French reports of the same happening, the event
dates that match the gold day, and the gold unique and shared claims found as such. The demo
corpus is fictional and written for recoupe; it was used while developing the linker (the
event threshold was chosen within the range RPM2 leaves open, see docs/benchmarks.md), so
these figures are not an independent test.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from clustering_metrics import Pooled

from recoupe.pipeline import ingest, update
from recoupe.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def key_of(origin: str) -> str:
    """The gold key of an article origin: its path under the corpus, plus any fragment."""
    path, _, fragment = origin.partition("#")
    relative = Path(path).resolve().relative_to((DEMO / "corpus").resolve()).as_posix()
    return f"{relative}#{fragment}" if fragment else relative


def evaluate(store: Store, gold: dict) -> dict:
    """Figures of the linked store against the gold file."""
    arts = {key_of(a.origin): a for a in store.iter_articles()}
    cols = store.link_columns()
    found = {k: cols[a.id] for k, a in arts.items() if a.id is not None}
    keys = sorted(found)
    gold_art = gold["articles"]
    out: dict = {"articles": len(keys)}
    subsets = {
        "all": keys,
        "dated": [k for k in keys if arts[k].published is not None],
        "undated": [k for k in keys if arts[k].published is None],
    }
    for name, subset in subsets.items():
        pooled = Pooled()
        pooled.add({k: str(found[k]["event_id"]) for k in keys},
                   {k: gold_art[k]["event"] for k in keys}, subset)
        out[f"events_{name}"] = pooled.figures()
    stories = Pooled()
    stories.add({k: str(found[k]["story_id"]) for k in keys},
                {k: gold_art[k]["story"] for k in keys}, keys)
    out["stories"] = stories.figures()
    out["wire_copies"] = _wire(found, arts, gold)
    out["english_with_french"] = _cross_lingual(found, arts, gold_art)
    event_of = _event_of_gold(found, gold_art)
    out["event_dates"] = _dates(store, event_of, gold)
    out["claims"] = _claims(store, event_of, gold)
    return out


def _event_of_gold(found: dict, gold_art: dict) -> dict[str, int]:
    votes: dict[str, Counter[int]] = {}
    for key, row in found.items():
        votes.setdefault(gold_art[key]["event"], Counter())[row["event_id"]] += 1
    return {g: c.most_common(1)[0][0] for g, c in votes.items()}


def _dates(store: Store, event_of: dict[str, int], gold: dict) -> dict:
    wrong = {}
    for key, event in gold["events"].items():
        found = (store.event_record(event_of[key]) or {}).get("date")
        if found != event["date"]:
            wrong[key] = {"found": found, "gold": event["date"]}
    return {"right": len(gold["events"]) - len(wrong), "of": len(gold["events"]), "wrong": wrong}


def _claims(store: Store, event_of: dict[str, int], gold: dict) -> dict:
    right = total = 0
    for key, event in gold["events"].items():
        if "unique_claims" not in event:
            continue
        outlets = {o["outlet"]: o for o in store.event_comparison(event_of[key])["outlets"]}
        for outlet, claims in event["unique_claims"].items():
            for claim in claims:
                total += 1
                right += any(claim in c["text"] for c in outlets[outlet]["unique"])
        for claim in event["shared_claims"]:
            total += 1
            right += sum(any(claim in c["text"] for c in o["shared"])
                         for o in outlets.values()) >= 2
    return {"right": right, "of": total}


def _wire(found: dict, arts: dict, gold: dict) -> dict:
    key_by_id = {a.id: k for k, a in arts.items()}
    group = {k: g for g, members in gold["wire_groups"].items() for k in members}
    copies = [k for k, g in gold["articles"].items() if g["duplicate_of"]]
    right = sum(
        1 for k in copies
        if found[k]["duplicate_of"] and group.get(key_by_id[found[k]["duplicate_of"]]) == group[k]
    )
    false = sum(1 for k, g in gold["articles"].items()
                if not g["duplicate_of"] and found[k]["duplicate_of"])
    return {"gold_copies": len(copies), "found": right, "false_copies": false}


def _cross_lingual(found: dict, arts: dict, gold_art: dict) -> str:
    english = [k for k, a in arts.items() if a.language == "en"]
    joined = 0
    for k in english:
        french = [f for f, a in arts.items()
                  if a.language == "fr" and gold_art[f]["event"] == gold_art[k]["event"]]
        joined += bool(french) and {found[f]["event_id"] for f in french} == {found[k]["event_id"]}
    return f"{joined}/{len(english)}"


def main() -> int:
    """Ingest, link and score the demo corpus; print one JSON line."""
    gold = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "demo.db") as store:
        ingest([DEMO / "corpus"], store)
        update(store)
        print(json.dumps(evaluate(store, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
