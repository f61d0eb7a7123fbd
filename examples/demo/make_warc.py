#!/usr/bin/env python3
"""Build ``corpus/crawl/demo-crawl.warc.gz`` from the HTML sources in ``warc_src/``.

Standard library only, and deterministic: record ids are UUID5 of the target
URI, dates come from ``warc_src/manifest.json`` and every gzip member has a
zero mtime, so re-running the script reproduces the committed file byte for
byte.  Each record is its own gzip member, as crawlers write them.

    python examples/demo/make_warc.py
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "warc_src"
OUT = HERE / "corpus" / "crawl" / "demo-crawl.warc.gz"


def record_id(uri: str) -> str:
    """The WARC-Record-ID used for a target URI (angle brackets included)."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    raw = head.encode("utf-8") + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=9, mtime=0)


def _http_response(body: bytes, content_type: str) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Server: demo\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


def build(out_path: Path = OUT) -> Path:
    manifest = json.loads((SRC / "manifest.json").read_text(encoding="utf-8"))
    out = bytearray()
    info = (
        b"software: recoupe examples/demo/make_warc.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: fictional demo crawl written for recoupe\r\n"
    )
    out += _record(
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", record_id("urn:demo:warcinfo")),
            ("WARC-Date", manifest["warcinfo_date"]),
            ("WARC-Filename", OUT.name),
            ("Content-Type", "application/warc-fields"),
        ],
        info,
    )
    for rec in manifest["records"]:
        body = (SRC / rec["file"]).read_bytes()
        block = _http_response(body, rec.get("content_type", "text/html; charset=utf-8"))
        out += _record(
            [
                ("WARC-Type", "response"),
                ("WARC-Record-ID", record_id(rec["url"])),
                ("WARC-Date", rec["date"]),
                ("WARC-Target-URI", rec["url"]),
                ("Content-Type", "application/http; msgtype=response"),
                ("WARC-Block-Digest", _digest(block)),
                ("WARC-Payload-Digest", _digest(body)),
            ],
            block,
        )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(bytes(out))
    return out_path


if __name__ == "__main__":
    path = build()
    print(f"wrote {path.relative_to(HERE)}")
