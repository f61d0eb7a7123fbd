"""Ingest end to end: idempotence, bad inputs, and resuming after a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from recoupe.pipeline import ingest
from recoupe.store import Store
from tests.conftest import NewDb, write_articles


def test_second_ingest_changes_nothing(corpus: Path, new_db: NewDb) -> None:
    with Store(new_db("s")) as store:
        first = ingest([corpus], store)
        before = [(a.id, a.title, a.body) for a in store.iter_articles()]
        second = ingest([corpus], store)
        after = [(a.id, a.title, a.body) for a in store.iter_articles()]
    assert (len(first.stored), first.duplicates, first.exit_code) == (6, 0, 0)
    assert (len(second.stored), second.duplicates, second.exit_code) == (0, 6, 0)
    assert before == after


def test_bad_inputs_are_named_and_the_rest_is_stored(
    corpus: Path, tmp_path: Path, new_db: NewDb
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    missing = tmp_path / "nowhere.txt"
    with Store(new_db("s")) as store:
        report = ingest([corpus, missing], store)
        stored = store.count_articles()
    origins = {Path(r.origin).name for r in report.rejected}
    assert {"empty.txt", "image.txt", "nowhere.txt"} <= origins
    assert all(r.reason for r in report.rejected)
    assert stored == 6
    assert report.exit_code == 1


def test_articles_carry_clean_metadata(corpus: Path, new_db: NewDb) -> None:
    with Store(new_db("s")) as store:
        ingest([corpus], store)
        articles = list(store.iter_articles())
    first = articles[0]
    assert first.title == "À Valmont, la grève des dockers entre dans son 2e jour"
    assert first.language == "fr"
    assert "« Nous ne céderons rien sur les salaires »" in first.body
    assert first.raw.decode("utf-8").startswith("À Valmont")


def test_parallel_extraction_stores_the_same_articles(corpus: Path, new_db: NewDb) -> None:
    with Store(new_db("one")) as one, Store(new_db("two")) as two:
        ingest([corpus], one)
        ingest([corpus], two, jobs=2)
        assert [(a.title, a.body) for a in one.iter_articles()] == [
            (a.title, a.body) for a in two.iter_articles()
        ]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_killed_ingest_resumes_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    write_articles(folder, 400)
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "recoupe", "ingest", "--quiet", "--no-analyse"]
    command += ["--db", str(db), str(folder)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    victim = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) == 0 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    partial = _count(db)
    assert 0 < partial < 400, f"the kill should land mid-ingest, stored {partial}"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM articles"
        ).fetchone()
        origins = {Path(o).name for (o,) in conn.execute("SELECT origin FROM articles")}
    assert total == distinct == 400
    assert origins == {f"article_{n:05d}.txt" for n in range(400)}
    assert f"duplicates {partial}" in rerun.stdout
