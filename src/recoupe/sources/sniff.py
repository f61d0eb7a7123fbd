"""Decide what reader an input needs, from its name and its first bytes.

Hand-written rather than libmagic/filetype: the project needs only a handful of
signatures (gzip, WARC, feeds, HTML, a few binary formats to refuse with a clear reason)
and the decision also depends on file-name suffixes that those libraries do not know.
"""

from __future__ import annotations

import codecs
from typing import Literal

from recoupe.sources.errors import InputError
from recoupe.sources.streams import GZIP_MAGIC

Kind = Literal["text", "html", "jsonl", "feed", "warc", "gzip"]

#: How many leading bytes :func:`sniff` looks at.
HEAD_BYTES = 8192

_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".gz": "gzip",
}

#: Signatures of binary formats that are certainly not articles.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"\x7fELF", "executable"),
    (b"OggS", "Ogg media"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)

#: Suffixes of files that are not articles even when their bytes are text.
NOT_ARTICLES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".bmp",
        ".tif",
        ".tiff",
        ".ico",
        ".svg",
        ".heic",
        ".avif",
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".xls",
        ".xlsx",
        ".ods",
        ".ppt",
        ".pptx",
        ".epub",
        ".zip",
        ".tar",
        ".tgz",
        ".bz2",
        ".xz",
        ".zst",
        ".7z",
        ".rar",
        ".mp3",
        ".mp4",
        ".m4a",
        ".wav",
        ".ogg",
        ".webm",
        ".mov",
        ".avi",
        ".mkv",
        ".flac",
        ".exe",
        ".dll",
        ".so",
        ".dylib",
        ".bin",
        ".iso",
        ".dmg",
        ".db",
        ".sqlite",
        ".pyc",
        ".class",
        ".jar",
        ".css",
        ".js",
        ".py",
        ".csv",
        ".tsv",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
    }
)


def suffixes(name: str) -> tuple[str, str]:
    """The last suffix of ``name`` and, for ``x.y.gz``, the one before it (lower case)."""
    parts = name.lower().rsplit("/", 1)[-1].split(".")
    last = "." + parts[-1] if len(parts) > 1 else ""
    inner = "." + parts[-2] if len(parts) > 2 else ""
    return last, inner


def sniff(name: str, head: bytes) -> Kind:
    """The kind of input named ``name`` whose first bytes are ``head``.

    Content signatures win over suffixes for containers and binary formats; the suffix
    decides between text-like kinds; content sniffing decides when the suffix says
    nothing. Raises :class:`InputError` for binary or unsupported inputs.
    """
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    _refuse_binary(head)
    if head.startswith(b"WARC/"):
        return "warc"
    last, _ = suffixes(name)
    if last in NOT_ARTICLES:
        raise InputError(f"unsupported format ({last} file)")
    if last in _BY_SUFFIX and last != ".gz":
        return _BY_SUFFIX[last]
    return sniff_text(head)


def _refuse_binary(head: bytes) -> None:
    """Raise for a known binary signature."""
    for magic, label in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"binary content ({label})")


def sniff_text(head: bytes) -> Kind:
    """Tell a feed, an HTML page, JSON Lines and plain text apart by their first bytes."""
    start = _as_ascii(head).lstrip().lower()
    if not start:
        return "text"
    window = start[:2048]
    xml_like = start.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf"))
    if xml_like and any(tag in window for tag in ("<rss", "<feed", "<rdf:rdf", "<channel")):
        return "feed"
    if start.startswith(("<!doctype html", "<html")) or "<html" in window:
        return "html"
    first_line = start.split("\n", 1)[0].rstrip()
    if first_line.startswith("{") and first_line.endswith("}"):
        return "jsonl"
    return "text"


def _as_ascii(head: bytes) -> str:
    """``head`` as text good enough for sniffing markup (UTF-16 by BOM, else latin-1)."""
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            return head.decode("utf-16", errors="ignore")
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
