"""The Jinja2 environment of the pages: autoescaping always on, and filters for articles.

Article text reaches templates only as plain strings, which autoescaping turns into text.
The one exception is search highlighting, which :mod:`recoupe.store.search` builds by
escaping first and marking after; it is wrapped in :class:`~markupsafe.Markup` here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from recoupe.model import Article

TEMPLATES = Path(__file__).parent / "templates"

#: Schemes rendered as links; anything else (``javascript:``, ``data:``…) stays text.
LINK_SCHEMES = frozenset({"http", "https"})


def environment() -> Environment:
    """The page templates' environment (autoescape on for every template, whatever its name)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = day
    env.filters["when"] = when
    env.filters["link"] = safe_link
    env.filters["paragraphs"] = paragraphs
    env.filters["highlighted"] = highlighted
    env.filters["size"] = human_size
    return env


def day(article: Article) -> str:
    """The article's day as ``YYYY-MM-DD``, or an em dash when unknown."""
    published = article.published_day
    return published.isoformat() if isinstance(published, dt.date) else "—"


def when(iso: str | None) -> str:
    """An ISO day or timestamp for people: ``2025-09-08`` or ``2025-09-08 11:42``."""
    if not iso:
        return "undated"
    day_part, _, time_part = iso.partition("T")
    return f"{day_part} {time_part[:5]}" if time_part else day_part


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL that may be linked to, else ``None``."""
    if not url:
        return None
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    # Control characters or spaces in a URL are a sign of smuggling: show it as text.
    if re.search(r"[\x00-\x20\x7f]", cleaned):
        return None
    return cleaned


def paragraphs(body: str) -> list[str]:
    """The body split into paragraphs at line breaks (blank lines or not), empty ones dropped."""
    return [line.strip() for line in body.splitlines() if line.strip()]


def highlighted(escaped_html: str) -> Markup:
    """Mark a search highlight as safe: it was escaped piece by piece when it was built."""
    return Markup(escaped_html)


def human_size(count: int) -> str:
    """A byte count for people: ``812 B``, ``14.2 kB``, ``3.1 MB``."""
    size = float(count)
    for unit in ("B", "kB", "MB"):
        if size < 1000 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} MB"
