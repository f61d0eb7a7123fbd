"""Folder walking: sorted, recursive, hidden files skipped, loops reported once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recoupe.model import RawDocument, Rejection
from tests.sources.helpers import article, docs, rejections, run


def _tree(root: Path) -> None:
    """A small fictional archive folder."""
    (root / "b" / "d").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "z.txt").write_text(article(26), encoding="utf-8")
    (root / "b" / "d" / "c.txt").write_text(article(3), encoding="utf-8")
    (root / "b" / "a.txt").write_text(article(1), encoding="utf-8")
    (root / "a" / "y.txt").write_text(article(25), encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / ".cache").mkdir()
    (root / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    (root / "Thumbs.db").write_bytes(b"\x00")


def test_recursive_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    _tree(tmp_path)
    origins = [r.origin for r in run([tmp_path])]
    expected = ["a/y.txt", "b/a.txt", "b/d/c.txt", "z.txt"]
    assert origins == [str(tmp_path / name) for name in expected]


def test_order_is_stable_across_runs(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert run([tmp_path]) == run([tmp_path])


def test_symlink_loop_reported_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(article(1), encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "boucle")
    results = run([tmp_path])
    assert [d.origin for d in docs(results)] == [str(tmp_path / "sub" / "a.txt")]
    [loop] = rejections(results)
    assert loop.origin == str(tmp_path / "sub" / "boucle")
    assert loop.reason.startswith("directory loop")


def test_second_link_to_a_folder_is_not_read_twice(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(article(1), encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "b")
    results = run([tmp_path])
    assert len(docs(results)) == 1
    assert [r.reason.split(" as ")[0] for r in rejections(results)] == ["directory already read"]


def test_self_referencing_symlink(tmp_path: Path) -> None:
    os.symlink(tmp_path / "moi", tmp_path / "moi")
    [rejection] = run([tmp_path])
    assert isinstance(rejection, Rejection)
    assert rejection.origin == str(tmp_path / "moi")


def test_depth_limit(tmp_path: Path) -> None:
    from recoupe.sources import Limits

    deep = tmp_path / "1" / "2" / "3"
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text(article(1), encoding="utf-8")
    results = run([tmp_path], Limits(max_depth=2))
    assert [r.reason for r in rejections(results)] == ["folder deeper than the limit (2 levels)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_folder(tmp_path: Path) -> None:
    locked = tmp_path / "ferme"
    locked.mkdir()
    (tmp_path / "ok.txt").write_text(article(1), encoding="utf-8")
    locked.chmod(0)
    try:
        results = run([tmp_path])
    finally:
        locked.chmod(0o700)
    assert Rejection(str(locked), "permission denied") in results
    assert any(isinstance(r, RawDocument) for r in results)
