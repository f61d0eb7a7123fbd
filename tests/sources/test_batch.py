"""The batch as a whole: good inputs come through whatever the bad ones do; no input crashes it."""

from __future__ import annotations

import gzip
import itertools
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe.model import RawDocument, Rejection
from recoupe.sources import read_inputs
from tests.sources.feeds_data import BILLION_LAUGHS
from tests.sources.helpers import (
    PHRASE,
    article,
    docs,
    jsonl_line,
    page,
    rejections,
    rss,
    run,
    warc_gz,
    warc_record,
)


def test_mixed_batch_good_inputs_come_through(tmp_path: Path) -> None:
    good = tmp_path / "bon"
    good.mkdir()
    (good / "a.txt").write_bytes(article(1).encode("cp1252"))
    (good / "b.html").write_text(page(2), encoding="utf-8")
    (good / "c.jsonl").write_bytes(jsonl_line(text=article(3)) + b"{oups\n")
    (good / "d.rss").write_bytes(rss([{"title": "t", "description": PHRASE}]))
    (good / "e.warc.gz").write_bytes(warc_gz([warc_record("uuid:e", page(5).encode())]))
    bad = tmp_path / "mauvais"
    bad.mkdir()
    (bad / "vide.txt").write_bytes(b"")
    (bad / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (bad / "lol.xml").write_bytes(BILLION_LAUGHS)
    (bad / "coupe.txt.gz").write_bytes(gzip.compress(article(9).encode() * 9)[:-20])
    os.symlink(bad, bad / "boucle")
    with (bad / "enorme.txt").open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)

    results = run([bad, tmp_path / "absent", good, "https://"])

    found = docs(results)
    assert [d.origin.removeprefix(str(good) + "/") for d in found] == [
        "a.txt",
        "b.html",
        "c.jsonl#line=1",
        "d.rss#entry=1",
        "e.warc.gz#record=<urn:uuid:e>",
    ]
    assert found[0].content == article(1)
    refused = {r.origin.removeprefix(str(tmp_path) + "/"): r.reason for r in rejections(results)}
    assert set(refused) == {
        "mauvais/boucle",
        "mauvais/coupe.txt.gz",
        "mauvais/enorme.txt",
        "mauvais/image.png",
        "mauvais/lol.xml",
        "mauvais/vide.txt",
        "absent",
        "bon/c.jsonl#line=2",
        "https://",
    }


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "une.txt"
    path.write_text(article(1), encoding="utf-8")
    endless = itertools.repeat(path)  # would never end if the inputs were read eagerly
    first_three = list(itertools.islice(read_inputs(endless), 3))
    assert [r.origin for r in first_three] == [str(path)] * 3


_NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.jsonl", "a.xml", "a.warc", "a.txt.gz", "a.warc.gz", "a.jsonl.gz", "a"]
)
_PREFIXES = st.sampled_from(
    [b"", b"WARC/1.1\r\n", b"<?xml version='1.0'?><rss>", b"<html>", b'{"text": "', b"\xef\xbb\xbf"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_NAMES, prefix=_PREFIXES, body=st.binary(max_size=2048), zipped=st.booleans())
def test_arbitrary_bytes_never_crash(name: str, prefix: bytes, body: bytes, zipped: bool) -> None:
    data = prefix + body
    if zipped:
        data = gzip.compress(data)[: max(1, len(body) // 2 + 10)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(read_inputs([path]))
    assert results
    for result in results:
        assert isinstance(result, RawDocument | Rejection)
        assert result.origin.startswith(str(path))
        if isinstance(result, Rejection):
            assert result.reason and "\n" not in result.reason
