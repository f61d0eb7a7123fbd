"""Fixture builders for the reader tests: fictional French articles, feeds and WARC files."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

from recoupe.model import RawDocument, Rejection
from recoupe.sources import Limits, read_inputs

#: A fictional French paragraph with the characters that break naive decoders.
PHRASE = "À Valbrune, l’économie « va mieux » : les œufs coûtent 3 € et l’été s’annonce doux."


def article(n: int) -> str:
    """A small fictional article numbered ``n``."""
    return f"Article {n}. {PHRASE} Le conseil municipal se réunit le {n + 1} mars.\n"


def page(n: int, charset: str | None = "utf-8") -> str:
    """A fictional HTML page numbered ``n``, with a meta charset when given."""
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>Titre {n}</title></head>"
        f"<body><article><h1>Titre {n}</h1><p>{PHRASE}</p></article></body></html>"
    )


def run(paths: Iterable[str | Path], limits: Limits | None = None) -> list[RawDocument | Rejection]:
    """All results of :func:`read_inputs` as a list."""
    return list(read_inputs(paths, limits))


def only_doc(results: list[RawDocument | Rejection]) -> RawDocument:
    """The one result, which must be a document."""
    assert len(results) == 1, results
    [doc] = results
    assert isinstance(doc, RawDocument), doc
    return doc


def docs(results: list[RawDocument | Rejection]) -> list[RawDocument]:
    """Only the documents."""
    return [r for r in results if isinstance(r, RawDocument)]


def rejections(results: list[RawDocument | Rejection]) -> list[Rejection]:
    """Only the rejections."""
    return [r for r in results if isinstance(r, Rejection)]


def jsonl_line(**fields: object) -> bytes:
    """One JSON Lines record."""
    return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def rss(items: list[dict[str, str]], title: str = "Le Courrier de Valbrune") -> bytes:
    """An RSS 2.0 feed with the given items (keys: title, link, description, pubDate, html)."""
    parts = []
    for item in items:
        body = f"<description>{item['description']}</description>" if "description" in item else ""
        if "html" in item:
            body += f"<content:encoded><![CDATA[{item['html']}]]></content:encoded>"
        parts.append(
            f"<item><title>{item.get('title', '')}</title><link>{item.get('link', '')}</link>"
            f"<pubDate>{item.get('pubDate', '')}</pubDate>{body}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>https://valbrune.test/</link>"
        f"<language>fr</language>{''.join(parts)}</channel></rss>"
    ).encode()


def warc_record(
    record_id: str,
    body: bytes,
    *,
    uri: str = "https://valbrune.test/a",
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    record_type: WarcRecordType = WarcRecordType.response,
    extra_headers: str = "",
) -> bytes:
    """One WARC response record holding an HTTP message, written with fastwarc."""
    record = WarcRecord()
    record.init_headers(record_type=record_type, record_urn=record_id.encode())
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=response"
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra_headers}\r\n"
    record.set_bytes_content(http.encode("latin-1") + body)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def warc_gz(records: list[bytes]) -> bytes:
    """A .warc.gz: one gzip member per record, as crawlers write them."""
    return b"".join(gzip.compress(r) for r in records)
