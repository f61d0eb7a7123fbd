"""JSON Lines reader: one article per line, hints, bad lines rejected one by one."""

from __future__ import annotations

import gzip
from pathlib import Path

from recoupe.model import RawDocument, Rejection
from recoupe.sources import Limits
from tests.sources.helpers import article, docs, jsonl_line, page, rejections, run


def test_lines_become_documents_with_hints(tmp_path: Path) -> None:
    path = tmp_path / "depeches.jsonl"
    first = jsonl_line(
        url="https://valbrune.test/1",
        title="Le pont rouvre",
        published="2026-03-02T08:00:00+01:00",
        outlet="Le Courrier de Valbrune",
        language="fr",
        text=article(1),
    )
    second = jsonl_line(html=page(2))
    path.write_bytes(first + second)
    one, two = run([path])
    assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
    assert (one.origin, one.format, one.content) == (f"{path}#line=1", "text", article(1))
    assert one.url == "https://valbrune.test/1"
    assert one.title_hint == "Le pont rouvre"
    assert one.published_hint == "2026-03-02T08:00:00+01:00"
    assert one.outlet_hint == "Le Courrier de Valbrune"
    assert one.language_hint == "fr"
    assert one.raw == first.rstrip(b"\n")
    assert (two.origin, two.format, two.url) == (f"{path}#line=2", "html", None)


def test_malformed_line_is_rejected_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "melange.ndjson"
    path.write_bytes(
        jsonl_line(text="un")
        + b'{"text": "deux"\n'
        + b"\n"
        + b'["pas", "un objet"]\n'
        + jsonl_line(title="sans texte")
        + jsonl_line(text=42)
        + jsonl_line(text="sept")
    )
    results = run([path])
    assert [r.content for r in docs(results)] == ["un", "sept"]
    lines = {r.origin.rsplit("=", 1)[1]: r.reason for r in rejections(results)}
    assert set(lines) == {"2", "4", "5", "6"}
    assert lines["2"].startswith("malformed JSON line")
    assert "not an object" in lines["4"]
    assert "no 'text' or 'html'" in lines["5"]
    assert "must be a string" in lines["6"]


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(jsonl_line(text=article(n)) for n in range(3))))
    assert [d.content for d in docs(run([path]))] == [article(n) for n in range(3)]


def test_truncated_gzipped_jsonl_keeps_lines_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "coupe.jsonl.gz"
    data = b"".join(jsonl_line(text=article(n), n=n) for n in range(400))
    path.write_bytes(gzip.compress(data)[:-200])
    results = run([path])
    kept = docs(results)
    assert 0 < len(kept) < 400
    assert [d.content for d in kept] == [article(n) for n in range(len(kept))]
    assert results[-1] == Rejection(str(path), "truncated gzip")


def test_line_longer_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_bytes(jsonl_line(text="x" * 5000) + jsonl_line(text="court"))
    results = run([path], Limits(max_record_bytes=1000))
    assert results[0] == Rejection(f"{path}#line=1", "line larger than the limit (1000 bytes)")
    assert [d.content for d in docs(results)] == ["court"]


def test_record_count_limit(tmp_path: Path) -> None:
    path = tmp_path / "beaucoup.jsonl"
    path.write_bytes(b"".join(jsonl_line(text=f"n{n}") for n in range(10)))
    results = run([path], Limits(max_records=3))
    assert len(docs(results)) == 3
    assert "more than 3 lines" in rejections(results)[0].reason


def test_cp1252_line_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ancien.jsonl"
    path.write_bytes('{"text": "L’été à Valbrune coûte 5 €"}\n'.encode("cp1252"))
    [doc] = run([path])
    assert isinstance(doc, RawDocument)
    assert doc.content == "L’été à Valbrune coûte 5 €"
    assert doc.encoding == "cp1252"


def test_deeply_nested_line_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "profond.jsonl"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n" + jsonl_line(text="ok"))
    results = run([path])
    assert isinstance(results[0], Rejection)
    assert [d.content for d in docs(results)] == ["ok"]


def test_nul_escape_inside_json_string_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "echappe.jsonl"
    path.write_bytes(b'{"text": "a\\u0000b"}\n')
    assert run([path]) == [Rejection(f"{path}#line=1", "binary content (NUL bytes)")]
