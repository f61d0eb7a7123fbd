"""The seeds through the whole pipeline, as a user runs it: events, story timeline, comparison.

Usage: ``.venv/bin/python eval/seeds_pipeline.py [--db PATH]``. Ingests ``../shared/seeds`` (or
``$RECOUPE_SHARED/seeds``) into a fresh store (a temporary one unless ``--db`` is given), runs
every stage with no date supplied from outside the text, and prints one JSON line:

* ``events``: the seed prefixes grouped by the event recoupe formed, and whether that is the
  gold grouping (001+002 one event; 000, 003, 004 alone) and one story;
* ``timeline``: the story's events in order with their dates and the evidence of each date;
  checks that 003's event is dated 2015-09-16, the event of 001+002 2016-09-28, and that 000
  and 004 get no date their text does not support (their text gives no year);
* ``comparison``: for the event holding 001 and 002, the claims only each outlet carries.

Skips with a message (exit 0) when the seeds are absent; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from recoupe.pipeline import ingest, update
from recoupe.store import Store

SEEDS = (
    Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
    / "seeds"
)
GOLD_EVENTS = [["000"], ["001", "002"], ["003"], ["004"]]
GOLD_DATES = {"003": "2015-09-16", "001": "2016-09-28", "002": "2016-09-28"}
UNDATED = ("000", "004")


def run(db: Path) -> dict[str, Any]:
    """Ingest and analyse the seeds into ``db``; return the figures and checks."""
    with Store(db) as store:
        ingest([SEEDS], store)
        update(store)
        prefix = {a.id: Path(a.origin).name[:3] for a in store.iter_articles()}
        columns = store.link_columns()
        groups: dict[int | None, list[str]] = {}
        for aid, row in columns.items():
            groups.setdefault(row["event_id"], []).append(prefix[aid])
        events = sorted(sorted(g) for g in groups.values())
        stories = {row["story_id"] for row in columns.values()}
        timeline = _timeline(store, stories.pop() if len(stories) == 1 else None, prefix)
        pair = {columns[a]["event_id"] for a, p in prefix.items() if p in ("001", "002")}
        comparison = _comparison(store, pair.pop(), prefix) if len(pair) == 1 else None
    dates = {p: e["date"] for e in timeline for p in e["seeds"]}
    checks = {
        "events_as_gold": events == GOLD_EVENTS,
        "one_story": len({row["story_id"] for row in columns.values()}) == 1,
        **{f"date_{p}": dates.get(p) == d for p, d in GOLD_DATES.items()},
        **{f"no_invented_date_{p}": dates.get(p) is None for p in UNDATED},
        "timeline_in_order": [d for d in (e["date"] for e in timeline) if d] == sorted(
            d for d in (e["date"] for e in timeline) if d),
    }
    return {"events": events, "timeline": timeline, "comparison": comparison, "checks": checks}


def _timeline(store: Store, story_id: int | None, prefix: dict[int, str]) -> list[dict]:
    told = store.story_timeline(story_id) if story_id is not None else None
    if told is None:
        return []
    return [
        {
            "seeds": sorted(prefix[a] for a in e["article_ids"]),
            "date": e["date"],
            "not_before": e.get("not_before"),
            "evidence": (e.get("date_evidence") or {}).get("text"),
        }
        for e in told["events"]
    ]


def _comparison(store: Store, event_id: int, prefix: dict[int, str]) -> dict[str, list[str]]:
    compared = store.event_comparison(event_id) or {"outlets": []}
    return {
        outlet["outlet"]: [c["text"] for c in outlet.get("unique", [])]
        for outlet in compared["outlets"]
    }


def main() -> int:
    """Run the check and print one JSON line; 1 when a check fails."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temporary one)")
    args = parser.parse_args()
    if not SEEDS.is_dir():
        print(f"skipped: {SEEDS} is absent", file=sys.stderr)
        return 0
    if args.db:
        result = run(args.db)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(Path(tmp) / "seeds.db")
    print(json.dumps(result, ensure_ascii=False))
    return 0 if all(result["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
