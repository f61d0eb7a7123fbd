"""Machine-readable timestamps given by containers (JSON Lines, feeds, the store).

ISO 8601 and RFC 2822 are read with the standard library, which is exact and fast; anything
else goes to dateparser, offline, with French and English only.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_TIME = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}")


def parse_timestamp(value: str) -> dt.date | dt.datetime | None:
    """A day (``2016-09-28``) or a timestamp (ISO 8601, RFC 2822, plain words), else ``None``."""
    text = value.strip()
    if not text:
        return None
    if _DAY_ONLY.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    for parse in (_iso, _rfc2822, _words):
        found = parse(text)
        if found is not None:
            return found
    return None


def to_iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601 text of a day or timestamp, ``None`` stays ``None``."""
    return value.isoformat() if value is not None else None


def _iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _words(text: str) -> dt.date | dt.datetime | None:
    import dateparser

    if len(text) > 80:
        return None
    found = dateparser.parse(
        text, languages=["fr", "en"], settings={"RETURN_AS_TIMEZONE_AWARE": False}
    )
    if found is None:
        return None
    # dateparser fills a missing time with midnight: keep the day only, not a false precision.
    return found if _HAS_TIME.search(text) else found.date()
