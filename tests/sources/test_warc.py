"""WARC reader: HTML 200 responses become documents; other records are skipped; cuts reported."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecordType

from recoupe.model import RawDocument, Rejection
from recoupe.sources import Limits
from tests.sources.helpers import PHRASE, docs, page, rejections, run, warc_gz, warc_record


def _crawl() -> list[bytes]:
    """A small fictional crawl: two articles among records that are not articles."""
    return [
        warc_record("uuid:a1", page(1).encode("utf-8"), uri="https://valbrune.test/1"),
        warc_record("uuid:img", b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        warc_record("uuid:404", page(2).encode(), status="404 Not Found"),
        warc_record("uuid:req", b"", record_type=WarcRecordType.request),
        warc_record(
            "uuid:a2",
            page(3, charset=None).encode("cp1252"),
            uri="https://valbrune.test/3",
            content_type="text/html; charset=windows-1252",
        ),
    ]


@pytest.mark.parametrize("compressed", [False, True])
def test_html_responses_become_documents(tmp_path: Path, compressed: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    records = _crawl()
    path.write_bytes(warc_gz(records) if compressed else b"".join(records))
    results = run([path])
    assert all(isinstance(r, RawDocument) for r in results)
    one, two = results
    assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
    assert one.origin == f"{path}#record=<urn:uuid:a1>"
    assert (one.format, one.url, one.encoding) == ("html", "https://valbrune.test/1", "utf-8")
    assert one.raw == page(1).encode("utf-8")
    assert PHRASE in two.content  # decoded with the HTTP header charset
    assert (two.url, two.encoding) == ("https://valbrune.test/3", "cp1252")


def test_charset_detected_when_headers_say_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sans_charset.warc"
    body = page(4, charset=None).encode("cp1252")
    path.write_bytes(warc_record("uuid:x", body, content_type="text/html"))
    [doc] = run([path])
    assert isinstance(doc, RawDocument) and PHRASE in doc.content


def test_gzip_content_encoding_and_chunking_are_undone(tmp_path: Path) -> None:
    path = tmp_path / "encode.warc"
    body = page(5).encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    path.write_bytes(
        warc_record("uuid:gz", gzip.compress(body), extra_headers="Content-Encoding: gzip\r\n")
        + warc_record("uuid:ch", chunked, extra_headers="Transfer-Encoding: chunked\r\n")
    )
    assert [d.content for d in docs(run([path]))] == [page(5), page(5)]


def test_truncated_warc_gz_keeps_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "coupe.warc.gz"
    records = [warc_record(f"uuid:{n}", page(n).encode()) for n in range(5)]
    path.write_bytes(warc_gz(records)[:-30])
    results = run([path])
    assert [d.origin for d in docs(results)] == [f"{path}#record=<urn:uuid:{n}>" for n in range(4)]
    [rejection] = rejections(results)
    assert rejection.origin == str(path)
    assert rejection.reason.startswith("truncated gzip")


def test_truncated_plain_warc_names_the_record(tmp_path: Path) -> None:
    path = tmp_path / "coupe.warc"
    data = warc_record("uuid:1", page(1).encode()) + warc_record("uuid:2", page(2).encode())
    path.write_bytes(data[:-60])
    results = run([path])
    assert len(docs(results)) == 1
    assert rejections(results) == [
        Rejection(f"{path}#record=<urn:uuid:2>", "truncated WARC record (the file ends inside it)")
    ]


def test_garbage_after_good_records(tmp_path: Path) -> None:
    path = tmp_path / "abime.warc"
    path.write_bytes(warc_record("uuid:1", page(1).encode()) + b"ceci n'est pas du WARC\r\n\r\n")
    results = run([path])
    assert len(docs(results)) == 1
    [rejection] = rejections(results)
    assert rejection.origin == str(path)
    assert rejection.reason.startswith("broken WARC after 1 records")


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "faux.warc"
    path.write_bytes(b"Bonjour, ceci est un texte.\n")
    [rejection] = run([path])
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("broken WARC")


def test_warc_without_articles(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    path.write_bytes(warc_record("uuid:i", b"\x89PNG", content_type="image/png"))
    assert [r.reason for r in rejections(run([path]))] == [
        "no HTML response records (1 records, 1 skipped)"
    ]


def test_payload_larger_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "gros.warc"
    path.write_bytes(
        warc_record("uuid:big", b"<html>" + b"x" * 5000 + b"</html>")
        + warc_record("uuid:ok", page(1).encode())
    )
    results = run([path], Limits(max_record_bytes=2000))
    assert results[0] == Rejection(
        f"{path}#record=<urn:uuid:big>", "WARC payload larger than the limit (2000 bytes)"
    )
    assert len(docs(results)) == 1
