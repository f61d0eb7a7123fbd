"""The plain-text and HTML readers: one file (or one fetched page) is one article."""

from __future__ import annotations

from recoupe.model import Format, RawDocument, Rejection
from recoupe.sources.encoding import decode
from recoupe.sources.errors import InputError


def read_document(
    origin: str,
    data: bytes,
    fmt: Format,
    *,
    declared_charset: str | None = None,
    url: str | None = None,
) -> RawDocument | Rejection:
    """Decode ``data`` into one :class:`RawDocument` of format ``fmt``, or say why not.

    ``declared_charset`` is a charset from outside the bytes (an HTTP header); HTML pages
    are also searched for a ``<meta charset>``.
    """
    if not data.strip():
        return Rejection(origin, "empty file" if not data else "no text (only white space)")
    try:
        content, encoding = decode(data, declared_charset, html=fmt == "html")
    except InputError as exc:
        return Rejection(origin, exc.reason)
    if not content.strip():
        return Rejection(origin, "no text (only white space)")
    return RawDocument(
        origin=origin, format=fmt, content=content, raw=data, encoding=encoding, url=url
    )
