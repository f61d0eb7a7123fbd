"""Each bad input gives exactly one clear Rejection naming it, and nothing crashes."""

from __future__ import annotations

import gzip
import os
import random
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from recoupe.model import Rejection
from recoupe.sources import Limits
from tests.sources.feeds_data import BILLION_LAUGHS
from tests.sources.helpers import article, jsonl_line, run

MIB = 1024 * 1024


def _only_rejection(path: Path, limits: Limits | None = None) -> Rejection:
    """The single result for ``path``, which must be a Rejection naming it."""
    results = run([path], limits)
    assert len(results) == 1, results
    [rejection] = results
    assert isinstance(rejection, Rejection)
    assert rejection.origin == str(path)
    assert str(rejection).startswith(f"{path}: ")
    assert "\n" not in str(rejection)
    return rejection


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("vide.txt", b"", "empty file"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (PNG image)"),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary content (JPEG image)"),
        ("nul.txt", b"Bonjour\x00\x00monde", "binary content (NUL bytes)"),
        ("inconnu.dat", b"\x01\x02\x03\x04\x05\x06" * 100, "binary content (control characters)"),
        ("document.docx", b"PK\x03\x04\x14\x00", "binary content (ZIP archive)"),
        ("tableur.csv", b"a;b\n1;2\n", "unsupported format (.csv file)"),
        ("vide.txt.gz", gzip.compress(b""), "empty file (empty gzip)"),
        (
            "double.txt.gz",
            gzip.compress(gzip.compress(b"x")),
            "unsupported format (gzip inside gzip)",
        ),
    ],
)
def test_bad_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _only_rejection(path).reason == reason


def test_invalid_utf8_that_is_no_sensible_encoding(tmp_path: Path) -> None:
    path = tmp_path / "bruit.txt"
    rng = random.Random(7)  # noise: invalid UTF-8, and no code page makes text of it
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(600)))
    reason = _only_rejection(path).reason
    assert reason in {
        "undecodable text (not UTF-8 and no plausible encoding)",
        "binary content (control characters)",
    }


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "coupe.html.gz"
    path.write_bytes(gzip.compress(article(1).encode() * 20)[:-25])
    assert _only_rejection(path).reason == "truncated gzip"


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "abime.txt.gz"
    good = gzip.compress(article(1).encode() * 20)
    path.write_bytes(good[:20] + bytes(b ^ 0x55 for b in good[20:]))
    assert _only_rejection(path).reason.startswith(("corrupt gzip", "truncated gzip"))


def test_malformed_json_line(tmp_path: Path) -> None:
    path = tmp_path / "casse.jsonl"
    path.write_bytes(b'{"text": "oups",}\n')
    [rejection] = run([path])
    assert isinstance(rejection, Rejection)
    assert rejection.origin == f"{path}#line=1"
    assert rejection.reason.startswith("malformed JSON line")


def test_billion_laughs(tmp_path: Path) -> None:
    path = tmp_path / "lol.xml"
    path.write_bytes(BILLION_LAUGHS)
    assert "DTD or entities" in _only_rejection(path).reason


def test_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * MIB)  # sparse: no disk used
    tracemalloc.start()
    try:
        reason = _only_rejection(path).reason
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == f"file too large ({100 * MIB} bytes; limit {50 * MIB} bytes)"
    assert peak < 5 * MIB


def test_custom_file_limit(tmp_path: Path) -> None:
    path = tmp_path / "moyen.txt"
    path.write_text(article(1) * 10, encoding="utf-8")
    assert _only_rejection(path, Limits(max_file_bytes=100)).reason.startswith("file too large")


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    assert _only_rejection(path).reason == "no such file or directory"


def test_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(article(1), encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert _only_rejection(path).reason == "permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_error_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(article(1), encoding="utf-8")
    path.chmod(0)
    assert _only_rejection(path).reason == "permission denied"


def test_fifo_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "tube.txt"
    os.mkfifo(path)
    assert _only_rejection(path).reason == "not a regular file"


def test_directory_loop_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    os.symlink(tmp_path / "a", tmp_path / "a" / "encore")
    results = run([tmp_path])
    assert len(results) == 1
    assert isinstance(results[0], Rejection) and "directory loop" in results[0].reason


def test_json_lines_without_any_record(tmp_path: Path) -> None:
    path = tmp_path / "blancs.jsonl"
    path.write_bytes(b"\n\n   \n")
    assert _only_rejection(path).reason == "no JSON lines found"


def test_jsonl_line_with_binary(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b'{"text": "a\x00b"}\n' + jsonl_line(text="ok"))
    first, second = run([path])
    assert first == Rejection(f"{path}#line=1", "binary content (NUL bytes)")
    assert not isinstance(second, Rejection)
