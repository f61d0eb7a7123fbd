"""Ingest throughput: plain-text articles/s and HTML pages/s on this machine, and peak memory.

Inputs are the trafilatura benchmark pages from ``../shared`` (real news and blog pages):
as HTML files, and as the plain text a scraper keeps (every line of the page, furniture
included, rendered by resiliparse). Each run is a fresh ``recoupe ingest`` process into a
fresh store, so the figures include reading, cleaning, language identification and storage
(not the later stages: ``bench/nlp.py`` and ``bench/clustering.py`` measure those).

    python bench/ingest.py [--pages 400] [--jobs 1 2]

Prints one JSON line per run on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.trafilatura_bench import load_cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=400, help="Pages of each kind.")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    cases = load_cases()
    if not cases:
        print("skipped: ../shared/eval/extraction/trafilatura is absent", file=sys.stderr)
        return 0
    cases = cases[: args.pages]
    with tempfile.TemporaryDirectory() as tmp:
        folders = _write_inputs(cases, Path(tmp))
        for kind, folder in folders.items():
            for jobs in args.jobs:
                print(json.dumps(_run(kind, folder, jobs, Path(tmp))), flush=True)
    return 0


def _write_inputs(cases: list, tmp: Path) -> dict[str, Path]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    html_dir, text_dir = tmp / "html", tmp / "text"
    html_dir.mkdir()
    text_dir.mkdir()
    for n, case in enumerate(cases):
        (html_dir / f"{n:04d}.html").write_bytes(case.html)
        tree = HTMLTree.parse_from_bytes(case.html)
        text = extract_plain_text(tree, main_content=False)
        (text_dir / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    return {"text": text_dir, "html": html_dir}


def _run(kind: str, folder: Path, jobs: int, tmp: Path) -> dict[str, object]:
    db = tmp / f"{kind}-{jobs}.db"
    command = [sys.executable, "-m", "recoupe", "ingest", "--quiet", "--no-analyse"]
    command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    with subprocess.Popen(
        [*command, "--db", str(db), str(folder)], stdout=subprocess.PIPE, text=True
    ) as child:
        # wait4 gives this child's own peak memory (its largest process), not the whole bench's.
        _pid, _status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(_status)
        summary = child.stdout.read().strip() if child.stdout else ""
    elapsed = time.perf_counter() - started
    inputs = len(list(folder.iterdir()))
    return {
        "bench": "ingest",
        "kind": kind,
        "jobs": jobs,
        "inputs": inputs,
        "seconds": round(elapsed, 2),
        "per_second": round(inputs / elapsed, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "summary": summary.splitlines()[-1] if summary else "",
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d"),
    }


def machine() -> str:
    """What the figures were measured on."""
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
