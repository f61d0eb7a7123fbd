"""Screenshots of each page of ``recoupe serve``, over the demo corpus and over the seeds.

    .venv/bin/python docs/screenshots/take.py [--out docs/screenshots] [--stores DIR]

Builds two stores with the current code: ``examples/demo/corpus`` (saved as ``demo-*.png``)
and the five French articles of ``../shared/seeds`` on their own (``seeds-*.png``). Each store
is ingested, run through the later stages (entities, quotes, actions, events, stories,
narratives), served on 127.0.0.1 and photographed with Debian's chromium (Playwright never
downloads a browser here). ``--stores DIR`` keeps the stores in ``DIR`` and reuses them on the
next run (ingest and update are idempotent); without it they live in a temporary folder.
``--pages entity-person,entity-country`` re-takes only these pages and leaves the other PNGs.
Every page that was chosen is printed with its address, and the script fails if a page
answers with an error status. When ``pngquant`` is installed (``apt-get install pngquant``)
the PNGs are quantised to 256 colours, which makes them about three times smaller.
``docs/screenshots/README.md`` says what each PNG shows.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import FloatRect, Page, ViewportSize, sync_playwright

from recoupe.pipeline import ingest, update
from recoupe.store import Store
from recoupe.web import create_app

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = ViewportSize(width=1280, height=900)
PHONE = ViewportSize(width=390, height=844)
# Pages photographed at the height of the window only: the rest is more of the same.
ABOVE_THE_FOLD = {"home", "api-docs", "search", "search-filtered"}
# Longer pages are cut at this height (CSS pixels), to keep the PNGs small.
MAX_HEIGHT = 2000

Pages = dict[str, str]


@dataclass
class Corpus:
    """One store to build and the pages of it to photograph."""

    name: str
    inputs: list[Path]
    pick: Callable[[Store], Pages]
    phone: list[str] = field(default_factory=list)


def main() -> int:
    """Build each store, serve it, take its screenshots."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent,
                        help="folder for the PNGs (default: beside this script)")
    parser.add_argument("--stores", type=Path, default=None,
                        help="keep the stores in this folder and reuse them")
    parser.add_argument("--only", choices=["demo", "seeds"], default=None,
                        help="build and photograph one corpus only")
    parser.add_argument("--pages", type=lambda v: set(v.split(",")), default=None,
                        help="comma-separated page names (entity-country, home…) to re-take, "
                             "leaving the other PNGs as they are")
    args = parser.parse_args()
    corpora = [
        Corpus("demo", [DEMO], demo_pages, phone=["home", "article", "event"]),
        Corpus("seeds", [SEEDS], seeds_pages),
    ]
    missing = [str(p) for c in corpora for p in c.inputs if not p.exists()]
    if missing:
        print("missing inputs: " + ", ".join(missing), file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        stores = args.stores or Path(tmp)
        stores.mkdir(parents=True, exist_ok=True)
        for corpus in corpora:
            if args.only in (None, corpus.name):
                photograph(corpus, stores / f"{corpus.name}.db", args.out, args.pages)
    return 0


def photograph(corpus: Corpus, db: Path, out: Path, only: set[str] | None = None) -> None:
    """Build (or bring up to date) the store of ``corpus`` at ``db`` and photograph it.

    ``only`` names the pages to re-take; their PNGs alone are replaced (all by default).
    """
    started = time.monotonic()
    with Store(db) as store:
        ingest(corpus.inputs, store)
        update(store)
        print(f"{corpus.name}: store ready in {time.monotonic() - started:.0f} s ({db})")
        pages = {k: v for k, v in corpus.pick(store).items() if only is None or k in only}
        old = list(out.glob(f"{corpus.name}-*.png")) if only is None else []
        for png in old:
            png.unlink()
        with serving(store) as base:
            taken = shoot(base, corpus.name, pages, corpus.phone, out)
    shrink(taken)


def shrink(pngs: list[Path]) -> None:
    """Quantise ``pngs`` to 256 colours with pngquant, when it is installed (a third the size).

    Without pngquant (Debian package ``pngquant``) the PNGs are kept as chromium wrote them.
    """
    pngquant = shutil.which("pngquant")
    if pngquant is None:
        print("  pngquant is not installed: the PNGs are left as they are (about 3x larger)")
        return
    before = sum(p.stat().st_size for p in pngs)
    subprocess.run([pngquant, "--quality", "70-95", "--speed", "1", "--strip", "--force",
                    "--skip-if-larger", "--ext", ".png", *map(str, pngs)], check=False)
    after = sum(p.stat().st_size for p in pngs)
    print(f"  pngquant: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


@contextmanager
def serving(store: Store) -> Iterator[str]:
    """Serve ``store`` on a free port of 127.0.0.1 for as long as the block runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def shoot(base: str, prefix: str, pages: Pages, phone: list[str], out: Path) -> list[Path]:
    """One PNG per page at desktop width, plus the ``phone`` pages at phone width (returned)."""
    taken: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        desktop = browser.new_page(viewport=DESKTOP)
        for name, path in pages.items():
            taken.append(save(desktop, base + path, out / f"{prefix}-{name}.png",
                              full_page=name not in ABOVE_THE_FOLD))
        mobile = browser.new_page(viewport=PHONE, device_scale_factor=2)
        for name in phone:
            if name in pages:
                taken.append(save(mobile, base + pages[name],
                                  out / f"{prefix}-{name}-phone.png", full_page=False))
        browser.close()
    return taken


def save(page: Page, url: str, png: Path, full_page: bool) -> Path:
    """Open ``url`` and save it to ``png`` (returned); an error status stops the run.

    ``full_page`` photographs the page down to its end or to ``MAX_HEIGHT``, whichever
    comes first; otherwise only what the window shows.
    """
    response = page.goto(url, wait_until="networkidle")
    if response is None or response.status >= 400:
        status = response.status if response else "no response"
        raise RuntimeError(f"{url} answered {status}")
    if full_page:
        width, height = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        clip = FloatRect(x=0, y=0, width=width, height=min(height, MAX_HEIGHT))
        page.screenshot(path=str(png), full_page=True, clip=clip)
    else:
        page.screenshot(path=str(png))
    print(f"  {png.name:28} {url}")
    return png


def demo_pages(store: Store) -> Pages:
    """The demo corpus: the largest story and event, the article with most marks, and so on."""
    article = most_marked(store)
    raw = furnished(store) or article
    pages: Pages = {"home": "/"}
    stories = sorted(store.story_records(), key=lambda s: -len(s["event_ids"]))
    if stories:
        pages["story"] = f"/stories/{stories[0]['id']}"
    events = sorted(store.event_records(), key=lambda e: (-len(e["outlets"]), e["id"]))
    if events:
        pages["event"] = f"/events/{events[0]['id']}"
    pages["article"] = f"/articles/{article}"
    pages["raw"] = f"/articles/{raw}/raw"
    pages |= entity_pages(store, person=None)
    pages["search-filtered"] = "/search?q=crue&since=2025-10-13"
    pages["api-docs"] = "/api/docs"
    return pages


def seeds_pages(store: Store) -> Pages:
    """The seeds: the event with Sputnik Afrique and RT France on Kerry warning Lavrov."""
    outlets = {a.id: a.outlet or "" for a in store.iter_articles()}
    rt = next((i for i, o in outlets.items() if o.casefold().startswith("rt")), None)
    sputnik = {i for i, o in outlets.items() if "sputnik" in o.casefold()}
    events = store.event_records()
    both = [e for e in events if rt in e["article_ids"] and sputnik & set(e["article_ids"])]
    if not both:
        print("  warning: no event holds the RT France and a Sputnik article", file=sys.stderr)
    ranked = both or sorted(events, key=lambda e: -len(e["article_ids"]))
    event = ranked[0] if ranked else None
    pages: Pages = {"home": "/"}
    if event is not None:
        if event["story_id"] is not None:
            pages["story"] = f"/stories/{event['story_id']}"
        pages["event"] = f"/events/{event['id']}"
    article = rt if rt is not None else most_marked(store)
    pages["article"] = f"/articles/{article}"
    pages["raw"] = f"/articles/{article}/raw"
    pages |= entity_pages(store, person="Kerry")
    pages["search"] = "/search?q=Kerry"
    return pages


def entity_pages(store: Store, person: str | None) -> Pages:
    """The page of a person (``person`` or the most quoted one) and of a country."""
    pages: Pages = {}
    quotes = store.quote_records()
    named = store.entity_records(kind="PER", name=person) if person else []
    speakers = Counter(q["speaker_entity_id"] for q in quotes if q["speaker_entity_id"])
    if named:
        pages["entity-person"] = f"/entities/{named[0]['id']}"
    elif speakers:
        pages["entity-person"] = f"/entities/{speakers.most_common(1)[0][0]}"
    country = top_country(store)
    if country is not None:
        pages["entity-country"] = f"/entities/{country['id']}"
    return pages


def top_country(store: Store) -> dict[str, Any] | None:
    """The place entity of the country that acts most often in the coded actions."""
    codes = Counter(a["source"]["code"] for a in store.action_records()
                    if a["source"] and a["source"]["code"])
    places = [e for e in store.entity_records() if e["kind"] in ("LOC", "GPE") and e["country"]]
    for code, _n in codes.most_common():
        for entity in places:  # most mentioned first
            if entity["country"] == code:
                return entity
    return places[0] if places else None


def most_marked(store: Store) -> int:
    """The article with the most quotes and actions marked in its body."""
    marked = Counter(q["article_id"] for q in store.quote_records())
    marked.update(a["article_id"] for a in store.action_records())
    if marked:
        return int(marked.most_common(1)[0][0])
    return furnished(store) or 1


def furnished(store: Store) -> int | None:
    """A French article with removed furniture, so that the raw input shows what went."""
    for article in store.iter_articles():
        if article.language == "fr" and len(article.removed) >= 3 and article.id is not None:
            return article.id
    return None


if __name__ == "__main__":
    sys.exit(main())
