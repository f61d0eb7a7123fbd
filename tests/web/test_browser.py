"""The pages in a real browser (Debian's chromium driven by Playwright) against a real server.

Every test records each request the page makes, each dialog and each console message, and
checks afterwards that nothing left the test server's origin and nothing ran that should not.
Skipped, with the reason, when ``/usr/bin/chromium`` or Playwright is missing.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn

from recoupe.pipeline import ingest
from recoupe.store import Store
from recoupe.web import create_app
from tests.web.fictional import (
    HOSTILE_MARKERS,
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    HOSTILE_URL,
    Corpus,
    free_port,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Dialog, Page, Route

#: Debian's chromium; RECOUPE_CHROMIUM names another build of Chromium to drive.
CHROMIUM = Path(os.environ.get("RECOUPE_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists() and os.environ.get("CI"):
    # .ci/run installs chromium: in CI its absence is a failure, not a reason to skip.
    pytest.fail(f"CI must provide Chromium at {CHROMIUM}", pytrace=False)
if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "demo" / "corpus"


@dataclass
class Watch:
    """What a page did: every request, the ones sent elsewhere, dialogs, console messages."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """Nothing left the origin, no dialog opened, no script error or CSP violation."""
        assert self.requests, "the page made no request at all"
        assert self.foreign == [], f"requests left the test server: {self.foreign}"
        assert all(url.startswith(self.origin + "/") for url in self.requests)
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.errors == [], f"page errors: {self.errors}"
        assert self.console == [], f"console messages: {self.console}"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One chromium for the session (Debian's; Playwright downloads nothing)."""
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


def watched_page(browser: Browser, origin: str) -> tuple[Page, Watch, BrowserContext]:
    """A fresh page whose every request, dialog and console line is recorded.

    Requests to any other origin are recorded and aborted, so that a test never touches the
    network even if a page tried to.
    """
    context = browser.new_context(java_script_enabled=True)
    watch = Watch(origin)

    def route(route: Route) -> None:
        url = route.request.url
        watch.requests.append(url)
        if url.startswith(origin + "/"):
            route.continue_()
        else:
            watch.foreign.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: watch.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return page, watch, context


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page on the fixture server; checks afterwards that it stayed clean."""
    tab, watch, context = watched_page(browser, server)
    yield tab, watch
    context.close()
    watch.assert_clean()


def test_home_to_article_to_raw(page: tuple[Page, Watch], server: str) -> None:
    tab, _ = page
    expect = sync_api.expect
    tab.goto(server + "/")
    expect(tab.locator("h1")).to_contain_text("Recent articles")
    day_labels = tab.locator("h2.day-label").all_inner_texts()
    assert day_labels[:2] == ["2024-03-05", "2024-03-04"]
    tab.get_by_role("link", name="Crue de la Sarre : les digues de Kerlouan ont tenu").click()
    expect(tab).to_have_url(re.compile(r"/articles/\d+$"))
    expect(tab.locator("article h1")).to_have_text(
        "Crue de la Sarre : les digues de Kerlouan ont tenu"
    )
    expect(tab.locator(".body p").first).to_contain_text("sans rompre les digues")
    expect(tab.locator("td.reason").first).to_have_text("breadcrumb")
    tab.locator("#raw-link").click()
    expect(tab).to_have_url(re.compile(r"/articles/\d+/raw$"))
    raw = tab.inner_text("body")
    assert raw.startswith("Accueil > Actualités\nCrue de la Sarre")
    assert "Partager sur Facebook" in raw


def test_search_to_result_to_article(page: tuple[Page, Watch], server: str) -> None:
    tab, _ = page
    expect = sync_api.expect
    tab.goto(server + "/search")
    tab.fill("#q", "negociation")
    tab.press("#q", "Enter")
    expect(tab.locator("#result-count")).to_contain_text("2 results")
    marks = tab.locator(".snippet mark").all_inner_texts()
    assert "négociations" in marks and "négociateur" in marks
    tab.locator(".result-title").first.click()
    expect(tab).to_have_url(re.compile(r"/articles/\d+$"))
    expect(tab.locator("article h1")).to_contain_text("négoci")


def test_filter_change_reruns_search_with_our_script(
    page: tuple[Page, Watch], server: str
) -> None:
    tab, _ = page
    expect = sync_api.expect
    tab.goto(server + "/search?q=negociation")
    expect(tab.locator("#result-count")).to_contain_text("2 results")
    tab.select_option("select[name=outlet]", "La Gazette d'Essai")
    expect(tab).to_have_url(re.compile(r"outlet=La\+Gazette"))
    expect(tab.locator("#result-count")).to_contain_text("0 results")


def test_slash_key_focuses_the_search_box(page: tuple[Page, Watch], server: str) -> None:
    tab, _ = page
    tab.goto(server + "/")
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.id") == "quick-q"


def test_not_found_page(page: tuple[Page, Watch], server: str) -> None:
    tab, watch = page
    response = tab.goto(server + "/articles/424242")
    assert response is not None and response.status == 404
    sync_api.expect(tab.locator("h1")).to_have_text("Not found")
    tab.get_by_role("link", name="Back to the recent articles").click()
    sync_api.expect(tab.locator("h1")).to_contain_text("Recent articles")
    # The browser asks for a favicon on its own; a 404 for it is the only console line allowed.
    watch.console = [line for line in watch.console if "404" not in line]


def _assert_inert(tab: Page) -> None:
    """None of the payload's markers exists, and only our one script is in the page."""
    for marker in HOSTILE_MARKERS:
        assert tab.evaluate(f"typeof window.{marker}") == "undefined", marker
    scripts = tab.evaluate("[...document.scripts].map(s => s.src)")
    assert len(scripts) <= 1 and all(s.endswith("/static/app.js") for s in scripts)
    assert tab.locator("img, iframe, object, embed, meta[http-equiv]").count() == 0


def test_hostile_article_shows_as_text_and_runs_nothing(
    page: tuple[Page, Watch], server: str, web_corpus: Corpus
) -> None:
    tab, _ = page
    url = f"{server}/articles/{web_corpus.hostile_id}"
    tab.goto(url)
    sync_api.expect(tab.locator("article h1")).to_have_text(HOSTILE_TITLE)
    body = tab.inner_text(".body")
    assert "<script>window.__pwned=1;alert(1)</script>" in body
    assert '<img src="http://evil.invalid/pixel.png"' in body
    assert tab.inner_text(".facts .url") == HOSTILE_URL
    assert tab.locator(".facts .url a").count() == 0
    assert tab.locator("a[href^='javascript']").count() == 0
    assert HOSTILE_OUTLET in tab.inner_text(".facts")
    tab.hover("article h1")
    tab.wait_for_timeout(600)  # a meta refresh of 0 s would fire
    assert tab.url == url
    _assert_inert(tab)


def test_hostile_article_in_search_and_home_runs_nothing(
    page: tuple[Page, Watch], server: str
) -> None:
    tab, _ = page
    tab.goto(server + "/search?q=s%C3%A9curit%C3%A9")
    sync_api.expect(tab.locator("#result-count")).to_contain_text("1 result")
    assert "<script>" in tab.inner_text(".snippet")
    _assert_inert(tab)
    tab.goto(server + "/")
    sync_api.expect(tab.get_by_text(HOSTILE_TITLE)).to_be_visible()
    _assert_inert(tab)


def test_hostile_raw_input_is_inert_text(
    page: tuple[Page, Watch], server: str, web_corpus: Corpus
) -> None:
    tab, _ = page
    tab.goto(f"{server}/articles/{web_corpus.hostile_id}/raw")
    assert "<script>window.__pwnedRaw=1</script>" in tab.inner_text("body")
    assert tab.evaluate("typeof window.__pwnedRaw") == "undefined"
    _assert_inert(tab)


# ---------------------------------------------------------------- the demo corpus


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a store of the demo corpus (which ships with the repository)."""
    store = Store(tmp_path_factory.mktemp("demo") / "demo.db")
    ingest([DEMO_CORPUS], store)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def test_demo_corpus_pages_open(browser: Browser, demo_server: str) -> None:
    tab, watch, context = watched_page(browser, demo_server)
    tab.goto(demo_server + "/")
    links = tab.locator("a.article-link")
    assert links.count() > 5
    links.first.click()
    sync_api.expect(tab).to_have_url(re.compile(r"/articles/\d+$"))
    assert tab.locator(".body p").count() > 0
    tab.locator("#raw-link").click()
    assert len(tab.inner_text("body")) > 100
    tab.goto(demo_server + "/search?q=maire")
    assert tab.locator(".result").count() > 0
    assert tab.locator(".snippet mark").count() > 0
    context.close()
    watch.assert_clean()


# ---------------------------------------------------------------- stories, events, entities


@pytest.fixture
def story_page(browser: Browser, story_server: str) -> Iterator[tuple[Page, Watch]]:
    """A watched page on the storyline server; checks afterwards that it stayed clean."""
    tab, watch, context = watched_page(browser, story_server)
    yield tab, watch
    context.close()
    watch.assert_clean()


def test_home_story_event_article_entity(
    story_page: tuple[Page, Watch], story_server: str
) -> None:
    tab, _ = story_page
    expect = sync_api.expect
    tab.goto(story_server + "/")
    canal = "Canal du Rhin : la France et l'Allemagne signent un accord à Valmont"
    expect(tab.locator("a.story-link")).to_have_count(2)
    tab.locator("a.story-link", has_text=canal).click()
    expect(tab).to_have_url(re.compile(r"/stories/\d+$"))
    expect(tab.locator(".timeline-date").first).to_have_text("2024-05-06 → 2024-05-09")
    tab.locator("a.event-link").first.click()
    expect(tab).to_have_url(re.compile(r"/events/\d+$"))
    expect(tab.locator(".outlet-column h2")).to_have_text(
        ["Le Courrier de Valmont first", "La Gazette d'Essai"]
    )
    tab.get_by_role("link", name="« Nous voulons un accord avant l'été »").click()
    expect(tab).to_have_url(re.compile(r"/articles/2#q\d+$"))
    target = tab.locator("mark.quote:target")
    expect(target).to_have_text("Nous voulons un accord avant l'été")
    assert target.get_attribute("data-speaker") == "Friedrich Oberholz"
    tab.locator(".body a.mention", has_text="Friedrich Oberholz").first.click()
    expect(tab).to_have_url(re.compile(r"/entities/\d+$"))
    expect(tab.locator("article h1")).to_have_text("Friedrich Oberholz")
    expect(tab.locator("svg.chart rect.bar")).to_have_count(2)
    assert tab.locator(".quote-item").count() == 2
    tab.locator(".article-link").first.click()
    expect(tab).to_have_url(re.compile(r"/articles/\d+$"))
    tab.locator("#event-link").click()
    expect(tab).to_have_url(re.compile(r"/events/\d+$"))


def test_action_evidence_link_highlights_its_sentence(
    story_page: tuple[Page, Watch], story_server: str
) -> None:
    tab, _ = story_page
    tab.goto(story_server + "/articles/1")
    tab.locator("a.evidence").first.click()
    target = tab.locator("mark.action:target")
    sync_api.expect(target).to_contain_text("La France a proposé à l'Allemagne")
    assert target.locator("a.mention").count() == 2


def test_interaction_shows_more_evidence_on_demand(
    story_page: tuple[Page, Watch], story_server: str, story_store: Store
) -> None:
    tab, _ = story_page
    expect = sync_api.expect
    france = next(e["id"] for e in story_store.entity_records() if e["name"] == "France")
    tab.goto(f"{story_server}/entities/{france}")
    agree = tab.locator("li.interaction", has=tab.locator(".action-what", has_text="AGREE"))
    expect(agree).to_have_count(1)
    second = agree.locator(".evidence-list a.evidence")
    expect(second).to_be_hidden()
    agree.locator("summary", has_text="and 1 more sentence").click()
    expect(second).to_contain_text("La France a proposé à l'Allemagne de partager le coût")
    second.click()
    expect(tab.locator("mark.action:target")).to_contain_text("de partager le coût du canal")


def test_hostile_quote_and_entity_run_nothing(
    story_page: tuple[Page, Watch], story_server: str, story_store: Store
) -> None:
    tab, _ = story_page
    odile = next(e["id"] for e in story_store.entity_records() if "Odile" in e["name"])
    event = next(e["id"] for e in story_store.event_records() if len(e["article_ids"]) == 4)
    for path in (f"/entities/{odile}", f"/events/{event}", "/articles/4"):
        tab.goto(story_server + path)
        for marker in ("__pwnedQuote", "__pwnedEntity"):
            assert tab.evaluate(f"typeof window.{marker}") == "undefined", (path, marker)
        _assert_inert(tab)
    tab.goto(f"{story_server}/entities/{odile}")
    sync_api.expect(tab.locator("article h1")).to_contain_text('<img src=x onerror="window')
