"""The WARC reader (fastwarc): one article per HTTP 200 ``text/html`` response record.

Other records (requests, metadata, redirects, images...) are skipped silently and only
counted; a broken or truncated record gives a Rejection naming its WARC-Record-ID.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecordType

from recoupe.model import RawDocument, Rejection
from recoupe.sources.encoding import decode
from recoupe.sources.errors import InputError, short
from recoupe.sources.limits import Limits
from recoupe.sources.streams import SafeGunzip, read_capped

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_MAX_HEADER_BYTES = 64 * 1024


@dataclass
class _Tally:
    """What one WARC file gave, for the end-of-file summary."""

    records: int = 0
    skipped: int = 0
    found: int = 0


def read_warc(
    origin: str, stream: BinaryIO, limits: Limits, gunzip: SafeGunzip | None = None
) -> Iterator[RawDocument | Rejection]:
    """Yield the HTML articles of the WARC in ``stream`` (already decompressed if gzipped).

    ``gunzip`` is the decompressing stream when the file was gzipped, so that a
    truncation is reported once, after the records read before the cut.
    """
    tally = _Tally()
    held: Rejection | None = None  # a truncated last record is reported as the gzip cut
    try:
        for record in _records(stream):
            if held is not None:
                yield held
                held = None
            tally.records += 1
            if tally.records > limits.max_records:
                yield Rejection(origin, f"more than {limits.max_records} records; rest skipped")
                return
            result = _read_record(origin, record, limits)
            if result is None:
                tally.skipped += 1
            elif isinstance(result, Rejection) and result.reason.startswith("truncated"):
                held = result
            else:
                tally.found += isinstance(result, RawDocument)
                yield result
    except OSError as exc:
        yield Rejection(origin, f"broken WARC after {tally.records} records ({short(exc)})")
        return
    yield from _finish(origin, tally, held, gunzip)


def _records(stream: BinaryIO) -> Iterator[Any]:
    """fastwarc's records, HTTP headers parsed but payload left encoded (lengths checkable)."""
    return iter(
        ArchiveIterator(
            stream,
            parse_http=True,
            auto_decode="none",
            max_header_len=_MAX_HEADER_BYTES,
            stream_detect=False,
            fsspec_args=False,
        )
    )


def _finish(
    origin: str, tally: _Tally, held: Rejection | None, gunzip: SafeGunzip | None
) -> Iterator[Rejection]:
    """The end-of-file rejections: a gzip cut, a truncated last record, or nothing found."""
    problem = gunzip.problem() if gunzip is not None else None
    if problem:
        yield Rejection(origin, f"{problem} ({tally.found} articles read before the cut)")
    elif held is not None:
        yield held
    elif tally.found == 0:
        yield Rejection(
            origin, f"no HTML response records ({tally.records} records, {tally.skipped} skipped)"
        )


def _read_record(origin: str, record: Any, limits: Limits) -> RawDocument | Rejection | None:
    """One record as a document, a Rejection, or ``None`` when it is not an article."""
    if record.record_type != WarcRecordType.response or not _is_http(record):
        return None
    where = f"{origin}#record={record.record_id}"
    http = record.http_headers
    if http is None:
        return Rejection(where, "broken WARC record (unreadable HTTP headers)")
    if http.status_code != 200 or (record.http_content_type or "").lower() not in _HTML_TYPES:
        return None
    try:
        payload = _payload(record, limits.max_record_bytes)
        content, encoding = decode(payload, record.http_charset, html=True)
    except InputError as exc:
        return Rejection(where, exc.reason)
    target = record.headers.get("WARC-Target-URI")
    return RawDocument(
        origin=where,
        format="html",
        content=content,
        raw=payload,
        encoding=encoding,
        url=target or None,
    )


def _is_http(record: Any) -> bool:
    """Whether the record claims to hold an HTTP message (dns: and other records do not)."""
    return "application/http" in (record.headers.get("Content-Type") or "").lower()


def _payload(record: Any, cap: int) -> bytes:
    """The record's HTTP body, checked complete, de-chunked and decompressed, capped."""
    expected = record.content_length
    raw = record.reader.read(cap + 1)
    if len(raw) > cap:
        raise InputError(f"WARC payload larger than the limit ({cap} bytes)")
    if record.headers.get("Content-Length") is None or len(raw) < expected:
        raise InputError("truncated WARC record (the file ends inside it)")
    return _decode_transfer(raw, record.http_headers, cap)


def _decode_transfer(raw: bytes, http: Any, cap: int) -> bytes:
    """Undo HTTP chunking and content encoding with fastwarc's stream readers, capped."""
    chunked = "chunked" in (http.get("Transfer-Encoding") or "").lower()
    coding = (http.get("Content-Encoding") or "identity").strip().lower()
    if not chunked and coding in ("identity", ""):
        return raw
    stream: Any = io.BytesIO(raw)
    if chunked:
        stream = ChunkedReader(stream, fsspec_args=False)
    if coding in ("gzip", "x-gzip", "deflate"):
        stream = GzipReader(stream, zlib=coding == "deflate", fsspec_args=False)
    elif coding == "br":
        stream = BrotliReader(stream, fsspec_args=False)
    elif coding not in ("identity", ""):
        raise InputError(f"unsupported HTTP content encoding ({coding[:40]})")
    try:
        return read_capped(stream, cap, "decoded WARC payload")
    except OSError as exc:
        raise InputError(f"broken {coding} payload ({short(exc)})") from exc
