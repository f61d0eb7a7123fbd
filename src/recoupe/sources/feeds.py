"""The RSS/Atom reader: one article per feed entry that carries text.

Feeds are checked by defusedxml before feedparser sees them: any DOCTYPE or ENTITY
declaration is refused (entity-expansion bombs such as "billion laughs", external
entities).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException

from recoupe.model import Format, RawDocument, Rejection
from recoupe.sources.encoding import check_text
from recoupe.sources.errors import InputError
from recoupe.sources.limits import Limits

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
#: A DTD or entity declaration (they may only appear in the prolog, before the root).
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
#: The start of the root element, which ends the prolog.
_FIRST_ELEMENT = re.compile(r"<[A-Za-z_:]")
_TAG = re.compile(r"<[^>]*>")


def read_feed(origin: str, data: bytes, limits: Limits) -> Iterator[RawDocument | Rejection]:
    """Yield one document per entry of the feed in ``data`` that has text.

    Entries without text give a Rejection each (``origin#entry=N``, 1-based); a feed with
    a DTD, or that is not a feed, gives one Rejection for the whole input.
    """
    try:
        refuse_declarations(data)
    except InputError as exc:
        yield Rejection(origin, exc.reason)
        return
    try:
        parsed = _parse(data)
    except Exception as exc:  # feedparser has crashes on hostile input (e.g. bad xmlns)
        yield Rejection(origin, f"unparsable feed (feedparser: {type(exc).__name__})")
        return
    if not parsed.entries:
        yield Rejection(origin, _why_empty(parsed))
        return
    feed = parsed.get("feed", {})
    slices = entry_slices(data)
    if len(slices) != len(parsed.entries):
        slices = []  # cannot pair them up: fall back to the entry's content as raw
    encoding = parsed.get("encoding") or "utf-8"
    for number, entry in enumerate(parsed.entries, start=1):
        if number > limits.max_records:
            yield Rejection(origin, f"more than {limits.max_records} entries; the rest skipped")
            return
        raw = slices[number - 1] if slices else None
        yield _entry_document(f"{origin}#entry={number}", entry, feed, (raw, encoding))


def _parse(data: bytes) -> Any:
    """feedparser on bytes (never a URL or a path: a string would make it fetch or open)."""
    # No sanitizing: the content is kept as published for extraction; nothing executes it.
    return feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)


def refuse_declarations(data: bytes) -> None:
    """Raise :class:`InputError` if the XML in ``data`` declares a DOCTYPE or entities.

    defusedxml parses with DTDs forbidden. When the XML is malformed (feedparser still
    reads such feeds leniently) the parse stops early, so the raw bytes are also scanned
    for a declaration; that scan is why a hand-written check sits next to defusedxml.
    """
    try:
        SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        reason = f"feed refused: XML declares a DTD or entities ({type(exc).__name__})"
        raise InputError(reason) from exc
    except (ParseError, ValueError, UnicodeError):
        pass  # malformed: feedparser may still read it; the scan below still applies
    if _DECLARATION.search(_prolog(data)):
        raise InputError("feed refused: XML declares a DTD or entities")


def _prolog(data: bytes) -> str:
    """The text before the root element, markup made readable for UTF-8/16/32 alike.

    Read as latin-1 with NUL bytes dropped, so ASCII markup shows in any of these encodings.
    """
    text = data.decode("latin-1").replace("\x00", "")
    root = _FIRST_ELEMENT.search(text)
    return text[: root.start()] if root else text


def entry_slices(data: bytes) -> list[bytes]:
    """The exact bytes of each top-level ``item``/``entry`` element, in document order.

    Uses expat directly because ElementTree (and so defusedxml) does not expose byte
    offsets. Only called after :func:`refuse_declarations`, and any DTD or entity
    declaration still aborts the parse. Returns ``[]`` for malformed XML or for UTF-16/32
    feeds (where a byte slice would not start on a character boundary).
    """
    if b"\x00" in data:
        return []
    parser = xml.parsers.expat.ParserCreate()
    bounds: list[tuple[int, int]] = []
    state = {"level": 0, "entry_level": -1, "start": 0}

    def start(name: str, _attrs: object) -> None:
        if state["entry_level"] < 0 and name.rsplit(":", 1)[-1] in ("item", "entry"):
            state["entry_level"], state["start"] = state["level"], parser.CurrentByteIndex
        state["level"] += 1

    def end(name: str) -> None:
        state["level"] -= 1
        if state["level"] == state["entry_level"]:
            here = parser.CurrentByteIndex
            # expat points at "</name" for a closing tag, past the tag for an empty one.
            closing = data.startswith(b"</" + name.encode("utf-8"), here)
            bounds.append((state["start"], data.find(b">", here) + 1 if closing else here))
            state["entry_level"] = -1

    def refuse(*_args: object) -> None:
        raise InputError("feed refused: XML declares a DTD or entities")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except (xml.parsers.expat.ExpatError, InputError):
        return []
    return [data[first:last] for first, last in bounds]


def _why_empty(parsed: Any) -> str:
    """Reason for a feed without entries: not a feed, malformed, or simply empty."""
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())[:160]})" if problem else ""
        return f"not an RSS/Atom feed{detail}"
    return "feed has no entries"


#: Separates an outlet's name from a section in feed titles ("Le Monde - À la une").
_SECTION_SEPARATOR = re.compile(r"\s+[-|–—:»]\s+")


def _entry_document(
    where: str, entry: Any, feed: Any, source: tuple[bytes | None, str]
) -> RawDocument | Rejection:
    """The document for one entry, or a Rejection when it has no text.

    ``source`` is the entry's exact bytes in the feed (when they could be found) and the
    feed's encoding.
    """
    picked = _entry_content(entry)
    if picked is None:
        return Rejection(where, "feed entry has no text (no content or summary)")
    fmt, content, language = picked
    try:
        check_text(content)
    except InputError as exc:
        return Rejection(where, exc.reason)
    return RawDocument(
        origin=where,
        format=fmt,
        content=content,
        raw=source[0] if source[0] is not None else content.encode("utf-8"),
        encoding=source[1] if source[0] is not None else "utf-8",
        url=_text(entry.get("link")),
        title_hint=_text(entry.get("title")),
        # dict.get: feedparser's own get() maps "updated" to "published" with a warning
        published_hint=_text(dict.get(entry, "published") or dict.get(entry, "updated")),
        outlet_hint=_outlet_name(_text(feed.get("title"))),
        language_hint=_text(language) or _text(feed.get("language")),
    )


def _entry_content(entry: Any) -> tuple[Format, str, str | None] | None:
    """The longest content block with text, else the summary; with format and language."""
    best: tuple[Format, str, str | None] | None = None
    for block in entry.get("content") or []:
        candidate = _block(block)
        if candidate and (best is None or len(candidate[1]) > len(best[1])):
            best = candidate
    if best is None and entry.get("summary_detail"):
        best = _block(entry["summary_detail"])
    return best


def _block(block: Any) -> tuple[Format, str, str | None] | None:
    """One feedparser content block as (format, value, language), or ``None`` if no text.

    The tag-stripping regular expression is only an emptiness test, not a cleaner.
    """
    value = block.get("value") or ""
    if not isinstance(value, str) or not _TAG.sub(" ", value).strip():
        return None
    # RSS calls every description HTML; one without any tag is plain text in practice.
    is_html = block.get("type") in _HTML_TYPES and _TAG.search(value) is not None
    fmt: Format = "html" if is_html else "text"
    return fmt, value, block.get("language")


def _outlet_name(feed_title: str | None) -> str | None:
    """The outlet in a feed title: "Le Monde - À la une" names the outlet before the section.

    An entry's author is a journalist, not an outlet, so it is never used here.
    """
    if feed_title is None:
        return None
    name = _SECTION_SEPARATOR.split(feed_title, maxsplit=1)[0].strip()
    return name or feed_title


def _text(value: Any) -> str | None:
    """A non-empty string hint, or ``None``."""
    return value.strip() or None if isinstance(value, str) else None
