"""The pages of the later stages over the fictional storyline run through the real pipeline."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from recoupe.store import Store
from tests.web.storyline import HOSTILE_ENTITY

CANAL = "Canal du Rhin : la France et l&#39;Allemagne signent un accord à Valmont"
CRUE = "Crue de la Sarre : les digues de Kerlouan ont tenu"


def entity_id(store: Store, name: str) -> int:
    """The id of the entity called ``name`` in the storyline store."""
    return next(e["id"] for e in store.entity_records() if e["name"] == name)


def canal_event(store: Store) -> dict[str, object]:
    """The event of the canal summit (the one with four articles)."""
    return next(e for e in store.event_records() if len(e["article_ids"]) == 4)


def main_html(html: str) -> str:
    """The ``<main>`` of a page."""
    return html[html.index("<main"):html.index("</main>")]


def test_home_lists_stories_newest_first_with_their_size(story_client: TestClient) -> None:
    html = story_client.get("/").text
    titles = re.findall(r'<a class="story-link" href="/stories/\d+">([^<]+)</a>', html)
    assert titles == [CRUE, CANAL]
    canal = html[html.index(CANAL):]
    assert "2024-05-06 → 2024-05-09" in canal[:600]
    assert "4 articles" in canal[:800] and "2 outlets" in canal[:800]
    assert "Recent articles" in html


def test_story_page_is_a_timeline_of_its_events(
    story_client: TestClient, story_store: Store
) -> None:
    story = next(s for s in story_store.story_records() if s["articles"] == 4)
    response = story_client.get(f"/stories/{story['id']}")
    assert response.status_code == 200
    html = main_html(response.text)
    assert f"<h1>{CANAL}</h1>" in html
    event = canal_event(story_store)
    item = html[html.index('<li class="timeline-item">'):]
    assert '<time class="timeline-date">2024-05-06 → 2024-05-09</time>' in item
    assert f'<a class="event-link" href="/events/{event["id"]}">' in item
    assert "4 articles" in item and "La Gazette d&#39;Essai, Le Courrier de Valmont" in item


@pytest.mark.parametrize("path", ["/stories/999", "/stories/x1", "/events/999", "/entities/999",
                                  "/events/-1", "/entities/1e3"])
def test_unknown_story_event_or_entity_is_a_404_page(story_client: TestClient, path: str) -> None:
    response = story_client.get(path)
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text


def test_event_page_puts_outlets_side_by_side_first_reporter_leading(
    story_client: TestClient, story_store: Store
) -> None:
    event = canal_event(story_store)
    html = main_html(story_client.get(f"/events/{event['id']}").text)
    columns = re.findall(r'<section class="outlet-column" aria-label="([^"]+)">', html)
    assert columns == ["Le Courrier de Valmont", "La Gazette d&#39;Essai"]
    assert ('<strong class="first-reporter">Le Courrier de Valmont</strong> reported first, '
            "on <time>2024-05-06</time>") in html
    assert html.count('<span class="badge">first</span>') == 1
    assert "Sommet de Valmont : la France et l&#39;Allemagne discutent du canal" in html
    assert '<p class="lead">Le président français Aurélien Marchetti a reçu lundi' in html
    gazette = html[html.index('aria-label="La Gazette'):]
    quote = next(q for q in story_store.quote_records("Oberholz") if q["cue"] == "a affirmé")
    assert f'href="/articles/{quote["article_id"]}#q{quote["id"]}"' in gazette
    assert "« Nous voulons un accord avant l&#39;été »" in gazette
    assert '<a id="story-link" href="/stories/' in html


def test_article_page_marks_mentions_quotes_and_actions(
    story_client: TestClient, story_store: Store
) -> None:
    marchetti = entity_id(story_store, "Aurélien Marchetti")
    quote = story_store.quote_records(article_id=1)[0]
    action = next(a for a in story_store.action_records("FRA", "DEU") if a["article_id"] == 1)
    html = main_html(story_client.get("/articles/1").text)
    body = html[html.index('<div class="body"'):html.index("</div>")]
    link = f'<a class="mention kind-per" href="/entities/{marchetti}">Aurélien Marchetti</a>'
    assert link in body
    assert (f'« <mark class="quote" id="q{quote["id"]}" title="Aurélien Marchetti" '
            'data-speaker="Aurélien Marchetti">Ce canal est une chance pour nos deux pays</mark> »'
            ) in body
    assert f'<mark class="action" id="a{action["id"]}" title="AGREE: a proposé">La ' in body
    assert f'<a class="evidence" href="/articles/1#a{action["id"]}">' in html
    assert f'href="/articles/1#q{quote["id"]}"' in html
    event = canal_event(story_store)
    assert f'<a id="event-link" href="/events/{event["id"]}">' in html
    assert f'<a id="story-link" href="/stories/{event["story_id"]}">' in html
    assert re.search(r'href="/entities/\d+">Valmont</a> <span class="count">LOC · 1</span>', html)


def test_entity_page_of_a_country_shows_chart_and_interactions(
    story_client: TestClient, story_store: Store
) -> None:
    france = entity_id(story_store, "France")
    html = main_html(story_client.get(f"/entities/{france}").text)
    assert "<h1>France</h1>" in html and '<span class="country">FRA</span>' in html
    chart = html[html.index("<svg"):html.index("</svg>")]
    assert chart.count("<rect") == 2  # 2024-05-06 and 2024-05-09
    assert "<title>2024-05-06: " in chart and "style=" not in chart
    interactions = html[html.index('id="actions-h"'):html.index('id="articles-h"')]
    assert "AGREE" in interactions and "Allemagne" in interactions
    # Both outlets coded "France AGREE Allemagne": one row, with two articles behind it.
    assert interactions.count(">AGREE<") == 1
    agree = interactions[interactions.index(">AGREE<"):]
    assert '<span class="support">2 articles · 2 outlets (' in agree
    assert "and 1 more sentence</summary>" in agree
    assert re.search(r'href="/articles/\d+#a\d+"', interactions)
    assert html.count('class="article-link"') == 4


def test_entity_page_of_a_person_shows_roles_and_quotes(
    story_client: TestClient, story_store: Store
) -> None:
    oberholz = entity_id(story_store, "Friedrich Oberholz")
    html = main_html(story_client.get(f"/entities/{oberholz}").text)
    assert "<li>chancelier allemand</li>" in html
    assert "« Nous voulons un accord avant l&#39;été »" in html
    assert "no country code" in html


def test_hostile_quote_and_entity_name_are_escaped(
    story_client: TestClient, story_store: Store
) -> None:
    event = canal_event(story_store)
    oberholz = entity_id(story_store, "Friedrich Oberholz")
    odile = entity_id(story_store, HOSTILE_ENTITY)
    for path in (f"/events/{event['id']}", f"/entities/{oberholz}", "/articles/4"):
        html = story_client.get(path).text
        assert "<script>window.__pwnedQuote" not in html, path
        assert "&lt;script&gt;window.__pwnedQuote=1&lt;/script&gt;" in html, path
    html = story_client.get(f"/entities/{odile}").text
    assert "<img" not in html
    name = "Odile &lt;img src=x onerror=&#34;window.__pwnedEntity=1&#34;&gt;Ferrand"
    assert f"<h1>{name}</h1>" in html
    csp = story_client.get(f"/entities/{odile}").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
