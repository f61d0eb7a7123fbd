"""Screenshots of each page of ``recoupe serve`` over the demo corpus and the shared seeds.

    .venv/bin/python docs/screenshots/take.py [--out docs/screenshots]

Ingests ``examples/demo/corpus`` (when present) and ``../shared/seeds`` into a temporary
store, runs the later stages (entities, quotes, actions, events, stories), serves it on
127.0.0.1, and saves one PNG per page with Debian's chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from recoupe.pipeline import ingest, update
from recoupe.store import Store
from recoupe.web import create_app

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [ROOT / "examples" / "demo" / "corpus", ROOT.parent / "shared" / "seeds"]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main() -> int:
    """Build the store, serve it, take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    inputs = [p for p in INPUTS if p.exists()]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "shots.db") as store:
        ingest(inputs, store)
        update(store)
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=8799,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            shoot("http://127.0.0.1:8799", store, args.out)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    return 0


def shoot(base: str, store: Store, out: Path) -> None:
    """One PNG per page, desktop width, plus the home page at phone width."""
    article = pick_article(store)
    pages = {
        "home": "/",
        "article": f"/articles/{article}",
        "raw": f"/articles/{article}/raw",
        "search": "/search?q=maire+condamn%C3%A9",
        "search-filtered": "/search?q=crue&since=2025-10-13",
        "api-docs": "/api/docs",
        "not-found": "/articles/999999",
        **stage_pages(store),
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        desktop = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in pages.items():
            desktop.goto(base + path)
            desktop.screenshot(path=str(out / f"{name}.png"), full_page=name != "home")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(base + "/")
        phone.screenshot(path=str(out / "home-phone.png"))
        phone.goto(base + pages["article"])
        phone.screenshot(path=str(out / "article-phone.png"))
        if "event" in pages:
            phone.goto(base + pages["event"])
            phone.screenshot(path=str(out / "event-phone.png"), full_page=True)
        browser.close()


def stage_pages(store: Store) -> dict[str, str]:
    """The largest story and event, the article with most marks, a person, a country."""
    pages: dict[str, str] = {}
    stories = sorted(store.story_records(), key=lambda s: -len(s["event_ids"]))
    if stories:
        pages["story"] = f"/stories/{stories[0]['id']}"
    events = sorted(store.event_records(), key=lambda e: -len(e["outlets"]))
    if events:
        pages["event"] = f"/events/{events[0]['id']}"
    quotes = store.quote_records()
    actions = store.action_records()
    marked = Counter(q["article_id"] for q in quotes) + Counter(a["article_id"] for a in actions)
    if marked:
        pages["article-marks"] = f"/articles/{marked.most_common(1)[0][0]}"
    speakers = Counter(q["speaker_entity_id"] for q in quotes if q["speaker_entity_id"])
    if speakers:
        pages["entity-person"] = f"/entities/{speakers.most_common(1)[0][0]}"
    codes = Counter(a["source"]["code"] for a in actions if a["source"] and a["source"]["code"])
    country = next((e for code, _n in codes.most_common() for e in store.entity_records()
                    if e["country"] == code), None)
    if country:
        pages["entity-country"] = f"/entities/{country['id']}"
    return pages


def pick_article(store: Store) -> int:
    """A French article with removed furniture, so that every part of the page shows."""
    for article in store.iter_articles():
        if article.language == "fr" and len(article.removed) >= 3 and article.id is not None:
            return article.id
    return 1


if __name__ == "__main__":
    sys.exit(main())
