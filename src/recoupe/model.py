"""The one data model every stage reads and writes.

The flow is one-way: ``sources`` yield :class:`RawDocument` (or :class:`Rejection`),
``extract`` turns a raw document into an :class:`Extraction` and then an :class:`Article`,
later stages (``nlp``, ``link``, ``narrate``) add their own records that point back to an
article and a character span of its body, so that every fact can be traced to its sentence.

Stages add their own dataclasses here, each in its own section below, and never import a
later stage.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

#: What a reader found inside an input: a page of HTML or a piece of plain text.
Format = Literal["text", "html"]


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    ``origin`` names where it came from so that a user can find it again: a file path,
    a URL, or a path with a fragment for containers (``dump.jsonl#line=12``,
    ``feed.xml#entry=3``, ``crawl.warc.gz#record=<WARC-Record-ID>``).
    ``raw`` is the exact bytes read for this article (the file, the JSON line, the feed
    entry, the WARC payload); ``content`` is its decoded text or HTML.
    The ``*_hint`` fields carry metadata that the container gave explicitly (JSON Lines
    fields, feed entry fields, WARC target URI); extraction prefers them to guesses.
    """

    origin: str
    format: Format
    content: str
    raw: bytes
    encoding: str = "utf-8"
    url: str | None = None
    title_hint: str | None = None
    published_hint: str | None = None
    outlet_hint: str | None = None
    language_hint: str | None = None

    @property
    def content_hash(self) -> str:
        """Identity of this input for idempotent ingest: SHA-256 of its whitespace-folded content."""
        return content_hash(self.content)


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read or turned into an article, and why (one clear line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def content_hash(text: str) -> str:
    """SHA-256 of ``text`` with runs of white space folded, so that re-saved copies match."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- extract


#: Why a line or block was removed from an article body.
RemovalReason = Literal[
    "breadcrumb",
    "cookie-notice",
    "subscription-prompt",
    "follow-prompt",
    "comments",
    "caption",
    "credit",
    "tweet-embed",
    "related-links",
    "tags",
    "html-markup",
    "other-language",
    "title-repeat",
    "dateline",
    "share-counter",
    "navigation",
    "boilerplate",
    "not-main-content",
]


@dataclass(frozen=True)
class Removal:
    """A piece of the input left out of the clean body, with the rule that removed it."""

    text: str
    reason: str


@dataclass
class Extraction:
    """What an extractor (HTML or plain text) found in one raw document.

    ``published`` is a timezone-aware or naive :class:`datetime.datetime` when the time is
    known, a :class:`datetime.date` when only the day is, and ``None`` when the input does
    not say (an unknown date stays unknown). ``published_evidence`` quotes what the date was
    read from (an HTML attribute, a line of text) so that it can be checked.
    """

    body: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | dt.datetime | None = None
    published_evidence: str | None = None
    removed: list[Removal] = field(default_factory=list)


@dataclass
class Article:
    """A clean article: body, metadata, and the raw input it came from (nothing is lost)."""

    origin: str
    content_hash: str
    body: str
    title: str | None
    outlet: str | None
    published: dt.date | dt.datetime | None
    language: str | None
    url: str | None = None
    published_evidence: str | None = None
    removed: list[Removal] = field(default_factory=list)
    raw: bytes = b""
    raw_format: Format = "text"
    raw_encoding: str = "utf-8"
    id: int | None = None

    @property
    def published_iso(self) -> str | None:
        """The publication date as ISO 8601 (a day or a full timestamp), or ``None``."""
        return self.published.isoformat() if self.published is not None else None

    @property
    def published_day(self) -> dt.date | None:
        """The calendar day of publication, whatever the precision."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published
