"""RSS/Atom reader: entries with text become documents; DTDs and entity bombs are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.model import RawDocument, Rejection
from recoupe.sources import Limits
from tests.sources.feeds_data import BILLION_LAUGHS
from tests.sources.helpers import PHRASE, docs, page, rejections, rss, run

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>La Gazette de Kerbrune - À la une</title>
  <entry>
    <title>Le port s’agrandit</title>
    <link href="https://kerbrune.test/port"/>
    <id>urn:uuid:1</id>
    <published>2026-04-01T09:30:00Z</published>
    <updated>2026-04-01T10:00:00Z</updated>
    <author><name>Anne Morvan</name></author>
    <content type="html">&lt;p&gt;{phrase}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Brève</title>
    <id>urn:uuid:2</id>
    <updated>2026-04-02T10:00:00Z</updated>
    <summary type="text">Le marché est reporté à samedi.</summary>
  </entry>
</feed>
"""


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "flux.xml"
    path.write_bytes(
        rss(
            [
                {
                    "title": "Le pont rouvre",
                    "link": "https://valbrune.test/pont",
                    "pubDate": "Mon, 02 Mar 2026 08:00:00 +0100",
                    "description": "Résumé court.",
                    "html": page(1),
                },
                {"title": "Brève", "link": "https://valbrune.test/b", "description": PHRASE},
                {"title": "Titre seul", "link": "https://valbrune.test/t"},
            ]
        )
    )
    results = run([path])
    first, second, third = results
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.origin == f"{path}#entry=1"
    assert (first.format, first.url, first.title_hint) == (
        "html",
        "https://valbrune.test/pont",
        "Le pont rouvre",
    )
    assert PHRASE in first.content  # the full content wins over the short description
    assert first.published_hint == "Mon, 02 Mar 2026 08:00:00 +0100"
    assert first.outlet_hint == "Le Courrier de Valbrune"
    assert first.language_hint == "fr"
    assert (second.format, second.content) == ("text", PHRASE)
    # raw is the entry's own bytes in the feed
    assert first.raw.startswith(b"<item><title>Le pont rouvre</title>")
    assert first.raw.endswith(b"</item>") and first.raw in path.read_bytes()
    assert second.raw.decode("utf-8").count("<item>") == 1 and PHRASE.encode() in second.raw
    assert third == Rejection(f"{path}#entry=3", "feed entry has no text (no content or summary)")


def test_atom_entries(tmp_path: Path) -> None:
    path = tmp_path / "gazette.atom"
    path.write_text(ATOM.format(phrase=PHRASE), encoding="utf-8")
    one, two = run([path])
    assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
    assert one.format == "html" and PHRASE in one.content
    assert (one.url, one.title_hint) == ("https://kerbrune.test/port", "Le port s’agrandit")
    assert one.published_hint == "2026-04-01T09:30:00Z"
    assert one.outlet_hint == "La Gazette de Kerbrune"
    assert (two.format, two.content) == ("text", "Le marché est reporté à samedi.")
    assert two.published_hint == "2026-04-02T10:00:00Z"
    assert one.raw.startswith(b"<entry>") and one.raw.endswith(b"</entry>")
    assert b"urn:uuid:2" in two.raw and b"urn:uuid:1" not in two.raw


def test_malformed_but_readable_feed_keeps_content_as_raw(tmp_path: Path) -> None:
    path = tmp_path / "bancal.rss"
    path.write_bytes(
        b'<rss version="2.0"><channel><title>T</title><item><title>A & B</title>'
        b"<description>Texte de la br\xc3\xa8ve.</description></item></channel></rss>"
    )
    [doc] = run([path])
    assert isinstance(doc, RawDocument)
    assert doc.content == "Texte de la brève."
    assert doc.raw == "Texte de la brève.".encode()


def test_billion_laughs_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bombe.rss"
    path.write_bytes(BILLION_LAUGHS)
    [rejection] = run([path])
    assert isinstance(rejection, Rejection)
    assert rejection.origin == str(path)
    assert rejection.reason.startswith("feed refused: XML declares a DTD or entities")


@pytest.mark.parametrize(
    "feed",
    [
        # external entity
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><item><description>&x;</description></item></channel></rss>',
        # malformed XML (mismatched tag) still carrying a DTD: defusedxml stops early
        b"<?xml version='1.0'?>\n<!doctype rss [<!entity a 'aaaa'>]><rss><channel></rss>",
        # UTF-16 encoded bomb
        BILLION_LAUGHS.decode()
        .replace('version="1.0"', 'version="1.0" encoding="utf-16"')
        .encode("utf-16"),
    ],
)
def test_other_dtd_feeds_are_refused(tmp_path: Path, feed: bytes) -> None:
    path = tmp_path / "dtd.xml"
    path.write_bytes(feed)
    [rejection] = run([path])
    assert isinstance(rejection, Rejection)
    assert "DTD or entities" in rejection.reason


def test_doctype_inside_entry_content_is_not_a_dtd(tmp_path: Path) -> None:
    path = tmp_path / "cdata.xml"
    path.write_bytes(rss([{"title": "Page", "html": page(9)}]))
    [doc] = run([path])
    assert isinstance(doc, RawDocument) and doc.content.startswith("<!DOCTYPE html>")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_bytes(b'<?xml version="1.0"?><configuration><a>1</a></configuration>')
    [rejection] = run([path])
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("not an RSS/Atom feed")


def test_feed_larger_than_record_limit(tmp_path: Path) -> None:
    path = tmp_path / "gros.xml"
    path.write_bytes(rss([{"title": "t", "description": "x" * 5000}]))
    results = run([path], Limits(max_record_bytes=1000))
    assert [r.reason for r in rejections(results)] == ["feed larger than the limit (1000 bytes)"]
    assert docs(results) == []
