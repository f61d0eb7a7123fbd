"""The JSON Lines reader: one article per line, ``text`` or ``html`` plus optional hints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from recoupe.model import Format, RawDocument, Rejection
from recoupe.sources.encoding import check_text, decode
from recoupe.sources.errors import InputError, short
from recoupe.sources.limits import Limits

#: JSON field -> RawDocument hint field.
_HINTS = {
    "url": "url",
    "title": "title_hint",
    "published": "published_hint",
    "outlet": "outlet_hint",
    "language": "language_hint",
}


def read_jsonl(origin: str, stream: BinaryIO, limits: Limits) -> Iterator[RawDocument | Rejection]:
    """Yield one document per non-blank line of ``stream``, or a Rejection for that line.

    Lines are read one at a time with a cap (``limits.max_record_bytes``), so memory stays
    flat; an over-long line is skipped up to its end and reported.
    """
    found = 0
    for number, line in enumerate(_lines(stream, limits.max_record_bytes), start=1):
        where = f"{origin}#line={number}"
        if number > limits.max_records:
            yield Rejection(origin, f"more than {limits.max_records} lines; the rest skipped")
            return
        if line is None:
            yield Rejection(where, f"line larger than the limit ({limits.max_record_bytes} bytes)")
            continue
        if not line.strip():
            continue
        found += 1
        yield parse_line(where, line)
    if found == 0:
        yield Rejection(origin, "no JSON lines found")


def _lines(stream: BinaryIO, cap: int) -> Iterator[bytes | None]:
    """Each line without its terminator, or ``None`` for a line longer than ``cap``."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            _skip_to_newline(stream, cap)
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _skip_to_newline(stream: BinaryIO, chunk: int) -> None:
    """Discard the rest of an over-long line, reading at most ``chunk`` bytes at a time."""
    while True:
        rest = stream.readline(chunk)
        if not rest or rest.endswith(b"\n"):
            return


def parse_line(where: str, line: bytes) -> RawDocument | Rejection:
    """Turn one JSON line into a document; a malformed line gives a one-line Rejection."""
    try:
        text, encoding = decode(line.removeprefix(b"\xef\xbb\xbf"))
        record = json.loads(text)
        return _document(where, record, line, encoding)
    except InputError as exc:
        return Rejection(where, exc.reason)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        return Rejection(where, f"malformed JSON line ({short(exc)})")


def _document(where: str, record: Any, line: bytes, encoding: str) -> RawDocument:
    """Build the document from a parsed JSON value, checking its fields."""
    if not isinstance(record, dict):
        raise InputError(f"JSON line is a {type(record).__name__}, not an object")
    fmt, content = _content(record)
    check_text(content)
    hints = {attr: _hint(record, key) for key, attr in _HINTS.items()}
    return RawDocument(
        origin=where, format=fmt, content=content, raw=line, encoding=encoding, **hints
    )


def _content(record: dict[str, Any]) -> tuple[Format, str]:
    """The article from the ``html`` or ``text`` field (``html`` wins when both are set)."""
    for key, fmt in (("html", "html"), ("text", "text")):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return fmt, value  # type: ignore[return-value]
        if value is not None and not isinstance(value, str):
            raise InputError(f"field {key!r} must be a string")
    raise InputError("no 'text' or 'html' field with text")


def _hint(record: dict[str, Any], key: str) -> str | None:
    """An optional string field; numbers are kept as text, other types refused."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"field {key!r} must be a string")
