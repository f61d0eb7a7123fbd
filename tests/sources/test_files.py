"""Single-file readers: plain text, HTML, gzipped single articles, format sniffing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from recoupe.sources.errors import InputError
from recoupe.sources.sniff import sniff
from tests.sources.helpers import PHRASE, article, docs, only_doc, page, rejections, run


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_text_file_in_each_encoding(tmp_path: Path, codec: str) -> None:
    text = "Le maire de Valbrune a déclaré : « Ça suffit ! » Réunion à 18 h."
    path = tmp_path / f"note-{codec}.txt"
    path.write_bytes(text.encode(codec))
    doc = only_doc(run([path]))
    assert doc.format == "text"
    assert doc.content == text
    assert doc.raw == path.read_bytes()
    assert doc.origin == str(path)


def test_html_file_by_suffix_and_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "une.htm"
    path.write_bytes(page(3, charset="windows-1252").encode("cp1252"))
    doc = only_doc(run([path]))
    assert doc.format == "html"
    assert PHRASE in doc.content
    assert doc.encoding == "cp1252"


def test_html_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page_sans_extension"
    path.write_text(page(4), encoding="utf-8")
    doc = only_doc(run([path]))
    assert doc.format == "html"


def test_text_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "LISEZMOI"
    path.write_text(article(5), encoding="utf-8")
    doc = only_doc(run([path]))
    assert (doc.format, doc.content) == ("text", article(5))


@pytest.mark.parametrize(("name", "fmt"), [("a.txt.gz", "text"), ("b.html.gz", "html")])
def test_gzipped_single_article(tmp_path: Path, name: str, fmt: str) -> None:
    body = page(6) if fmt == "html" else article(6)
    path = tmp_path / name
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    doc = only_doc(run([path]))
    assert (doc.format, doc.content) == (fmt, body)
    assert doc.raw == body.encode("utf-8")


def test_truncated_gzip_single_article(tmp_path: Path) -> None:
    path = tmp_path / "coupe.txt.gz"
    path.write_bytes(gzip.compress((article(1) * 50).encode())[:-40])
    results = run([path])
    assert [str(r) for r in results] == [f"{path}: truncated gzip"]


def test_decompressed_size_is_capped(tmp_path: Path) -> None:
    from recoupe.sources import Limits

    path = tmp_path / "bombe.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 200_000))
    [rejection] = rejections(run([path], Limits(max_file_bytes=100_000)))
    assert "larger than the limit" in rejection.reason


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("x.warc", b"WARC/1.1\r\n", "warc"),
        ("x", b"WARC/1.0\r\n", "warc"),
        ("x.bin.gz", b"\x1f\x8b\x08", "gzip"),
        ("flux", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("flux", b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("x.jsonl", b"{}", "jsonl"),
        ("dump", b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("x.HTML", b"bonjour", "html"),
        ("x", b"  <!DOCTYPE html><html>", "html"),
        ("x", b"Bonjour", "text"),
    ],
)
def test_sniff(name: str, head: bytes, kind: str) -> None:
    assert sniff(name, head) == kind


@pytest.mark.parametrize(
    ("name", "head", "reason"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n", "binary content (PNG image)"),
        ("x", b"%PDF-1.7", "binary content (PDF document)"),
        ("feuille.csv", b"a,b\n1,2\n", "unsupported format (.csv file)"),
    ],
)
def test_sniff_refuses(name: str, head: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        sniff(name, head)
    assert caught.value.reason == reason


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "vide.txt"
    path.write_bytes(b"  \n\t\n")
    assert [str(r) for r in run([path])] == [f"{path}: no text (only white space)"]
    assert docs(run([path])) == []
