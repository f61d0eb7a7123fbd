"""Tests of recoupe.extract.html on small fictional French news pages (written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from recoupe.extract.html import _parse as parse_page
from recoupe.extract.html import decode_html, extract_html
from recoupe.extract.html_dates import headline_date, metadata_dates
from recoupe.model import Removal

PARAGRAPHS = (
    "Les habitants de Villebrune ont découvert mardi matin que le pont de pierre qui enjambe "
    "la Sorne depuis deux siècles avait été fermé à la circulation pendant la nuit.",
    "Selon la mairie, une fissure longue de plusieurs mètres est apparue sous la deuxième "
    "arche après les pluies abondantes de la semaine dernière, inquiétant les ingénieurs.",
    "Les commerçants du centre craignent de perdre une partie de leur clientèle, car le "
    "détour imposé aux automobilistes rallonge le trajet de près de vingt minutes.",
)


def page(
    head: str = "",
    before: str = "",
    after: str = "",
    title: str = "Le pont de Villebrune fermé - La Gazette de la Sorne",
) -> str:
    """A fictional article page with optional extra markup around the article text."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="La Gazette de la Sorne">{head}</head>
<body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/region">Région</a></li></ul></nav>
<article><h1>Le pont de Villebrune fermé</h1>{before}
{paragraphs}
{after}</article>
<footer><p>Mentions légales de la Gazette</p></footer>
</body></html>"""


def test_body_keeps_paragraphs_separated_and_drops_navigation() -> None:
    found = extract_html(page(), "https://gazette-sorne.example/region/pont.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in found.body
    assert "\n\n" in found.body
    assert "Mentions légales" not in found.body
    assert "Accueil" not in found.body


def test_title_without_site_suffix_and_outlet_from_page() -> None:
    found = extract_html(page(), "https://gazette-sorne.example/region/pont.html")
    assert found.title == "Le pont de Villebrune fermé"
    assert found.outlet == "La Gazette de la Sorne"


def test_outlet_is_none_when_page_does_not_name_it() -> None:
    html = page().replace('<meta property="og:site_name" content="La Gazette de la Sorne">', "")
    html = html.replace(" - La Gazette de la Sorne", "")
    found = extract_html(html, "https://gazette-sorne.example/region/pont.html")
    assert found.outlet is None


def test_removed_lists_left_out_blocks() -> None:
    found = extract_html(page(), "https://gazette-sorne.example/region/pont.html")
    removed = {r.text: r.reason for r in found.removed}
    assert removed.get("Mentions légales de la Gazette") == "not-main-content"
    assert all(r.text not in found.body for r in found.removed)


def test_furniture_lines_inside_article_are_removed_with_reason() -> None:
    after = "<p>Lire aussi</p><p>Crédit photo : Studio Imaginaire</p>"
    found = extract_html(page(after=after), "https://gazette-sorne.example/region/pont.html")
    assert "Lire aussi" not in found.body
    assert "Studio Imaginaire" not in found.body
    reasons = {r.text: r.reason for r in found.removed}
    assert reasons.get("Crédit photo : Studio Imaginaire") == "credit"


def test_script_and_event_handlers_never_reach_the_body() -> None:
    hostile = (
        "<script>document.write('piège exécuté');</script>"
        '<img src="x" onerror="alert(\'piège onerror\')">'
        "<style>p { color: red }</style>"
    )
    found = extract_html(page(before=hostile, after=hostile), None)
    assert PARAGRAPHS[0] in found.body
    for leak in ("piège", "document.write", "alert", "color: red"):
        assert leak not in found.body
        assert all(leak not in r.text for r in found.removed)


def test_publication_date_not_update_with_time() -> None:
    head = (
        '<meta property="article:published_time" content="2015-09-16T08:30:00+02:00">'
        '<meta property="article:modified_time" content="2015-09-18T22:25:00+02:00">'
    )
    found = extract_html(page(head=head), "https://gazette-sorne.example/region/pont.html")
    assert isinstance(found.published, dt.datetime)
    assert found.published.date() == dt.date(2015, 9, 16)
    assert (found.published.hour, found.published.minute) == (8, 30)
    assert found.published_evidence is not None
    assert "published_time" in found.published_evidence


def test_time_element_only() -> None:
    before = (
        '<p class="byline">Par Jeanne Fictive, '
        '<time datetime="2016-03-04T17:05">4 mars 2016</time></p>'
    )
    found = extract_html(page(before=before), "https://gazette-sorne.example/region/pont.html")
    assert found.published is not None
    assert isinstance(found.published, dt.datetime)
    assert found.published.date() == dt.date(2016, 3, 4)
    assert found.published_evidence is not None
    assert "2016-03-04" in found.published_evidence


def test_no_date_stays_none() -> None:
    found = extract_html(page(), "https://gazette-sorne.example/region/pont.html")
    assert found.published is None
    assert found.published_evidence is None


def test_date_printed_under_headline() -> None:
    before = "<p>Publié le 12 mars 2024</p>"
    found = extract_html(page(before=before), "https://gazette-sorne.example/region/pont.html")
    assert found.published is not None
    day = found.published.date() if isinstance(found.published, dt.datetime) else found.published
    assert day == dt.date(2024, 3, 12)


def test_metadata_dates_read_json_ld() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2019-05-02T10:00:00Z", "dateModified": "2019-05-03T09:00:00Z"}</script>'
    )
    tree = parse_page(page(head=head))
    assert tree is not None
    values = [c.value for c in metadata_dates(tree)]
    assert dt.datetime(2019, 5, 2, 10, 0, tzinfo=dt.UTC) in values
    assert all(v.day != 3 for v in values)
    assert headline_date(tree) is None


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "pas du tout du HTML",
        "<html></html>",
        "<html><head><title>Vide</title></head></html>",
        '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Déclaration</p></body></html>',
        "<html><body>" + "<div>" * 5000 + "profond" + "</div>" * 5000 + "</body></html>",
        '<html><head><script type="application/ld+json">{"datePublished": [[[[</script>'
        "</head></html>",
    ],
)
def test_odd_pages_never_raise(html: str) -> None:
    found = extract_html(html)
    assert isinstance(found.body, str)
    assert "datePublished" not in found.body


def test_huge_page_is_cut_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    import recoupe.extract.html as html_module

    monkeypatch.setattr(html_module, "MAX_HTML_CHARS", 20_000)
    filler = "<p>" + "Paragraphe de remplissage sans intérêt particulier. " * 30 + "</p>"
    tail = "<p>Cette phrase arrive bien après la limite de taille et doit disparaître.</p>"
    html = page(after=filler * 40 + tail)
    assert len(html) > 40_000
    found = extract_html(html)
    assert PARAGRAPHS[0] in found.body
    assert "doit disparaître" not in found.body
    assert len(found.removed) <= html_module.MAX_REMOVED_BLOCKS + 20


def test_decode_html_honours_declared_charset_and_utf8() -> None:
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Été à Genève</p></body></html>'
    assert "Été à Genève" in decode_html(latin.encode("latin-1"))
    utf8_lie = latin.encode("utf-8")  # a UTF-8 page that declares ISO-8859-1
    assert "Été à Genève" in decode_html(utf8_lie)
    assert isinstance(decode_html(b"\xff\xfe\x00garbage\x81\x8d"), str)


def test_headline_repeated_in_body_is_removed_as_title_repeat() -> None:
    found = extract_html(page(), "https://gazette-sorne.example/region/pont.html")
    assert not found.body.startswith("Le pont de Villebrune fermé")
    assert Removal("Le pont de Villebrune fermé", "title-repeat") in found.removed


def test_byline_with_update_gives_the_publication() -> None:
    before = "<p>Publié le 16 septembre 2015 à 8h30 - Mis à jour le 18 septembre 2015 à 22h25</p>"
    found = extract_html(page(before=before), "https://gazette-sorne.example/region/pont.html")
    assert found.published == dt.datetime(2015, 9, 16, 8, 30)
    assert found.published_evidence is not None
    assert "Publié le 16 septembre 2015" in found.published_evidence


def test_update_notice_alone_is_not_a_publication_date() -> None:
    before = "<p>Mis à jour le 18 septembre 2015</p>"
    tree = parse_page(page(before=before))
    assert tree is not None
    assert headline_date(tree) is None


def test_teaser_and_follow_prompt_lines_are_furniture() -> None:
    after = (
        "<p>À lire aussi : Le marché couvert de Villebrune rouvre ses portes</p>"
        "<p>Suivez-nous sur les réseaux sociaux</p>"
    )
    found = extract_html(page(after=after), "https://gazette-sorne.example/region/pont.html")
    assert "marché couvert" not in found.body
    assert "Suivez-nous" not in found.body
    reasons = {r.reason for r in found.removed}
    assert {"related-links", "follow-prompt"} <= reasons
    assert PARAGRAPHS[2] in found.body


def test_bogus_declared_charset_falls_back() -> None:
    html = '<html><head><meta charset="x-pas-un-charset"></head><body><p>Déjà vu</p></body></html>'
    assert "Déjà vu" in decode_html(html.encode("cp1252"))
    assert "Déjà vu" in decode_html(html.encode("utf-8"))


def test_extraction_never_opens_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    head = '<link rel="canonical" href="https://gazette-sorne.example/pont.html">'
    before = '<img src="https://images.example/pont.jpg"><iframe src="https://video.example/"></iframe>'
    found = extract_html(page(head=head, before=before), "https://gazette-sorne.example/pont.html")
    assert PARAGRAPHS[1] in found.body


def test_xml_entities_are_not_expanded() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "rire rire rire rire rire">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    html = laughs + page(after="<p>&c;</p>")[len("<!DOCTYPE html>") :]
    found = extract_html(html)
    assert "rire rire" not in found.body
    assert PARAGRAPHS[0] in found.body
