"""The only network use: an ``http(s)://`` input named by the user is fetched once.

The body is read with a size cap and a timeout, then handed to the feed reader or
treated as one HTML or text page, by its bytes and Content-Type.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

from recoupe.model import Format, RawDocument, Rejection
from recoupe.sources.errors import InputError
from recoupe.sources.feeds import read_feed
from recoupe.sources.files import read_document
from recoupe.sources.limits import Limits
from recoupe.sources.sniff import sniff_text
from recoupe.sources.streams import read_capped

_USER_AGENT = "recoupe/0.1 (+self-hosted news reader)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


def is_url(name: str) -> bool:
    """Whether an input names a web address rather than a local path."""
    return name.lower().startswith(("http://", "https://"))


def read_url(url: str, limits: Limits) -> Iterator[RawDocument | Rejection]:
    """Fetch ``url`` and yield its articles (a feed's entries, or the page itself)."""
    try:
        data, content_type, charset = _fetch(url, limits)
    except InputError as exc:
        yield Rejection(url, exc.reason)
        return
    kind = sniff_text(data[:8192])
    if kind == "feed" or content_type in _FEED_TYPES:
        yield from read_feed(url, data, limits)
    else:
        is_html = kind == "html" or content_type in _HTML_TYPES
        fmt: Format = "html" if is_html else "text"
        yield read_document(url, data, fmt, declared_charset=charset, url=url)


def _fetch(url: str, limits: Limits) -> tuple[bytes, str, str | None]:
    """The body, bare content type and charset of ``url``; failures raise InputError."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=limits.fetch_timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limits.max_record_bytes:
                cap = limits.max_record_bytes
                raise InputError(f"download larger than the limit ({cap} bytes)")
            data = read_capped(response, limits.max_record_bytes, "download")
            return data, response.headers.get_content_type(), response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP error {exc.code}") from exc
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch ({exc.reason})") from exc
    except (TimeoutError, OSError, ValueError) as exc:
        raise InputError(f"cannot fetch ({type(exc).__name__}: {exc})") from exc
