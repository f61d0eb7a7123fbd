"""URL inputs, with urllib replaced by a local fake: no network in the tests."""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from email.message import Message
from typing import Any

import pytest

from recoupe.model import RawDocument, Rejection
from recoupe.sources import Limits
from tests.sources.helpers import PHRASE, page, rss, run


class _Response(io.BytesIO):
    """What urlopen returns: a readable body with headers."""

    def __init__(self, body: bytes, content_type: str) -> None:
        super().__init__(body)
        self.headers = Message()
        self.headers["Content-Type"] = content_type


def _serve(monkeypatch: pytest.MonkeyPatch, body: bytes, content_type: str) -> list[Any]:
    """Make urlopen return ``body``; the list records the requests and timeouts."""
    calls: list[Any] = []

    def fake_urlopen(request: urllib.request.Request, timeout: float) -> _Response:
        calls.append((request.full_url, timeout))
        return _Response(body, content_type)

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    return calls


def test_url_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _serve(monkeypatch, rss([{"title": "t", "description": PHRASE}]), "application/rss+xml")
    [doc] = run(["https://valbrune.test/flux"], Limits(fetch_timeout=3.0))
    assert isinstance(doc, RawDocument)
    assert doc.origin == "https://valbrune.test/flux#entry=1"
    assert calls == [("https://valbrune.test/flux", 3.0)]


def test_url_page_uses_http_charset(monkeypatch: pytest.MonkeyPatch) -> None:
    body = page(1, charset=None).encode("cp1252")
    _serve(monkeypatch, body, "text/html; charset=windows-1252")
    [doc] = run(["http://valbrune.test/1"])
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.url, doc.encoding) == ("html", "http://valbrune.test/1", "cp1252")
    assert PHRASE in doc.content


def test_url_download_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    _serve(monkeypatch, b"x" * 5000, "text/plain")
    [rejection] = run(["https://valbrune.test/gros"], Limits(max_record_bytes=1000))
    assert rejection == Rejection(
        "https://valbrune.test/gros", "download larger than the limit (1000 bytes)"
    )


def test_url_error_is_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(request: urllib.request.Request, timeout: float) -> None:
        raise urllib.error.URLError("timed out")

    monkeypatch.setattr(urllib.request, "urlopen", fail)
    assert run(["https://valbrune.test/x"]) == [
        Rejection("https://valbrune.test/x", "cannot fetch (timed out)")
    ]
