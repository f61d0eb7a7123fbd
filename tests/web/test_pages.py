"""The HTML pages over plain HTTP: content, escaping, security headers, errors, pagination."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from recoupe.store import Store
from recoupe.web.pages import HOME_PAGE_SIZE
from recoupe.web.security import CSP
from tests.web.fictional import HOSTILE_BODY, HOSTILE_TITLE, Corpus, make_article

PAGES = ["/", "/search", "/search?q=greve", "/api/docs", "/articles/1", "/nowhere"]


class Tags(HTMLParser):
    """Every element of a page with its attributes, as a browser's parser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_nothing_active(html: str) -> None:
    """Only our own script, no handler, no inline style, no foreign or javascript: URL."""
    tags = Tags(html).tags
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    for tag, attrs in tags:
        assert tag not in {"iframe", "img", "object", "embed", "form", "meta", "base"} or (
            tag in {"form", "meta"} and _ours(tag, attrs)
        ), (tag, attrs)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)


def _ours(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag == "form":
        return attrs.get("action") == "/search"
    return "http-equiv" not in attrs


@pytest.mark.parametrize("path", [*PAGES, "/api/v1/articles", "/static/style.css"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                      "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
        assert directive in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", PAGES[:-1])
def test_pages_have_no_inline_script_or_handler(client: TestClient, path: str) -> None:
    assert_nothing_active(client.get(path).text)


def test_home_lists_articles_by_day_with_outlets(client: TestClient) -> None:
    html = client.get("/").text
    days = re.findall(r'<h2 class="day-label">([^<]+)</h2>', html)
    assert days == ["2024-03-05", "2024-03-04", "2024-03-02", "2024-02-27", "2024-02-20",
                    "undated"]
    assert "Le Courrier de Valmont" in html and "Channel Wire" in html


def test_home_filters_by_outlet(client: TestClient) -> None:
    html = client.get("/", params={"outlet": "La Gazette d'Essai"}).text
    assert "Crue de la Sarre" in html and "Fête du village" in html
    assert "Grève des dockers" not in html


def test_article_page_shows_body_metadata_removals_and_raw_link(
    client: TestClient, web_corpus: Corpus
) -> None:
    article_id = web_corpus.ids["Crue de la Sarre : les digues de Kerlouan ont tenu"]
    html = client.get(f"/articles/{article_id}").text
    assert "<p>Les habitants évacués de Kerlouan ont pu regagner leur domicile samedi.</p>" in html
    assert "La Gazette d&#39;Essai" in html
    assert "breadcrumb" in html and "Accueil &gt; Actualités" in html
    assert f'href="/articles/{article_id}/raw"' in html
    assert '<a href="https://example.org/1" rel="noreferrer noopener nofollow"' in html


def test_raw_input_is_plain_text_in_a_sandbox(client: TestClient, web_corpus: Corpus) -> None:
    response = client.get(f"/articles/{web_corpus.hostile_id}/raw")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<script>window.__pwnedRaw=1</script>" in response.text  # exactly as read


def test_hostile_article_is_escaped_everywhere(client: TestClient, web_corpus: Corpus) -> None:
    html = client.get(f"/articles/{web_corpus.hostile_id}").text
    assert_nothing_active(html)
    assert "<script>window" not in html and "<img" not in html and "<iframe" not in html
    assert "<meta http-equiv" not in html and "<form action=http" not in html
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html
    assert "javascript:" in html  # shown as text ...
    assert 'href="javascript:' not in html  # ... never as a link
    assert not re.search(r"<b onmouseover", html)
    assert HOSTILE_TITLE not in html and HOSTILE_BODY[:40] not in html


@pytest.mark.parametrize("path", ["/nowhere", "/articles/999999", "/articles/abc",
                                  "/articles/-1", "/articles/99999999999999999999999"])
def test_unknown_pages_get_the_html_404_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text and 'href="/"' in response.text


def test_bad_page_parameter_is_a_400_page(client: TestClient) -> None:
    response = client.get("/", params={"page": "0"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


def test_search_page_shows_marked_snippets_and_counts(client: TestClient) -> None:
    html = client.get("/search", params={"q": "negociation"}).text
    assert '<p class="summary" id="result-count">2 results for' in html
    assert "<mark>négociations</mark>" in html
    assert "<mark>négociateur</mark>" in html


def test_search_page_filters_and_reports_bad_dates(client: TestClient) -> None:
    html = client.get("/search", params={"q": "negociation", "since": "2024-03-01"}).text
    assert "1 result for" in html
    html = client.get("/search", params={"q": "negociation", "since": "mars"}).text
    assert "it was ignored" in html and "2 results for" in html


def test_search_query_is_reflected_escaped(client: TestClient) -> None:
    html = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert_nothing_active(html)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_home_paginates(tmp_path: pytest.TempPathFactory) -> None:
    from recoupe.web import create_app

    with Store(tmp_path / "many.db") as store:  # type: ignore[operator]
        batch = [make_article(f"Article numéro {n}", "La Source", None, "fr",
                              f"Texte fictif numéro {n}.", n) for n in range(HOME_PAGE_SIZE + 5)]
        store.add_batch(batch, [], None)
        client = TestClient(create_app(store))
        first = client.get("/").text
        second = client.get("/", params={"page": 2}).text
    assert first.count('class="article-item"') == HOME_PAGE_SIZE
    assert 'rel="next" href="/?page=2"' in first
    assert second.count('class="article-item"') == 5
    assert 'rel="prev"' in second and 'rel="next"' not in second
