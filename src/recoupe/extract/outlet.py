"""The outlet of an article from its URL.

The full host minus a ``www.``/``m.``/``amp.`` prefix is kept, not the registered domain,
so that language editions (``francais.rt.com`` and ``rt.com``) stay distinct outlets; the
standard library's ``urlsplit`` is all this needs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

_MOBILE_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to, as its host without ``www.``; ``None`` if there is no host."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for prefix in _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host or None
