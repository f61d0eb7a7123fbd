"""Screenshots of each page of ``recoupe serve`` over the demo corpus and the shared seeds.

    .venv/bin/python docs/screenshots/take.py [--out docs/screenshots]

Ingests ``examples/demo/corpus`` (when present) and ``../shared/seeds`` into a temporary
store, serves it on 127.0.0.1, and saves one PNG per page with Debian's chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from recoupe.pipeline import ingest
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
        browser.close()


def pick_article(store: Store) -> int:
    """A French article with removed furniture, so that every part of the page shows."""
    for article in store.iter_articles():
        if article.language == "fr" and len(article.removed) >= 3 and article.id is not None:
            return article.id
    return 1


if __name__ == "__main__":
    sys.exit(main())
