"""recoupe.extract: from a raw document to a clean article with its metadata.

The HTML path uses trafilatura and htmldate (:mod:`recoupe.extract.html`); the plain-text
path uses recoupe's own furniture cleaner (:mod:`recoupe.extract.plaintext`). Metadata that
the container states explicitly (JSON Lines fields, feed entries) wins over guesses.
"""

from __future__ import annotations

import datetime as dt

from recoupe.extract.dates import parse_timestamp
from recoupe.extract.language import detect_language
from recoupe.extract.outlet import outlet_from_url
from recoupe.model import Article, Extraction, RawDocument

__all__ = ["ExtractionError", "extract_article"]

#: A body shorter than this many letters is not an article (a stub, an error page, a menu).
MIN_BODY_LETTERS = 40


class ExtractionError(ValueError):
    """The document holds no article we can keep; the message is the reason, for the user."""


def extract_article(doc: RawDocument) -> Article:
    """Turn one raw document into a clean :class:`Article`, or raise :class:`ExtractionError`."""
    found = _extract(doc)
    if sum(ch.isalpha() for ch in found.body) < MIN_BODY_LETTERS:
        raise ExtractionError("no article text found (the cleaned body is empty or too short)")
    published, evidence = _published(doc, found)
    return Article(
        origin=doc.origin,
        content_hash=doc.content_hash,
        body=found.body,
        title=_clean_title(doc.title_hint) or found.title,
        outlet=_outlet(doc, found),
        published=published,
        published_evidence=evidence,
        language=doc.language_hint or detect_language(found.body),
        url=doc.url,
        removed=found.removed,
        raw=doc.raw,
        raw_format=doc.format,
        raw_encoding=doc.encoding,
    )


def _extract(doc: RawDocument) -> Extraction:
    # Imported here so that a process that only reads text never loads trafilatura.
    if doc.format == "html":
        from recoupe.extract.html import extract_html

        return extract_html(doc.content, doc.url)
    from recoupe.extract.plaintext import extract_text

    return extract_text(doc.content)


def _outlet(doc: RawDocument, found: Extraction) -> str | None:
    """Explicit hint, then the page's own site name, then the URL's host, then text credits."""
    if doc.outlet_hint:
        return doc.outlet_hint.strip()
    if doc.format == "html" and found.outlet:
        return found.outlet
    return outlet_from_url(doc.url) or found.outlet


def _published(
    doc: RawDocument, found: Extraction
) -> tuple[dt.date | dt.datetime | None, str | None]:
    if doc.published_hint:
        hinted = parse_timestamp(doc.published_hint)
        if hinted is not None:
            return hinted, f"given by the input: {doc.published_hint.strip()}"
    return found.published, found.published_evidence


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    folded = " ".join(title.split())
    return folded or None
