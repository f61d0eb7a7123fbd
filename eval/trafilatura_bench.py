"""Loader and scorer for trafilatura's main-text extraction benchmark.

The benchmark lives in ``../shared/eval/extraction/trafilatura`` (third-party data, never
copied into the repository): ``tests/evaldata.json`` maps a URL to ``{file, with, without}``,
the HTML pages are gzipped under ``tests/eval/`` or ``tests/cache/`` and ``french_subset.json``
lists the French pages.

Scoring follows trafilatura's own ``tests/eval_common.py`` (``norm`` and ``count_item``): both
the snippet and the output are whitespace-normalised (``re.sub(r"\\s+", " ", s).strip()``), a
"with" snippet found is a TP, missing an FN, a "without" snippet found is an FP, absent a TN;
counts are summed over all snippets (micro average). A missing output counts as a full miss.

Usage from the repository root::

    from eval.trafilatura_bench import load_cases, score
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: Where the benchmark is read from; override with ``RECOUPE_TRAFILATURA_BENCH``.
BENCH_DIR = Path(
    os.environ.get(
        "RECOUPE_TRAFILATURA_BENCH",
        str(Path(__file__).resolve().parents[2] / "shared/eval/extraction/trafilatura"),
    )
)


@dataclass(frozen=True)
class Case:
    """One benchmark page: its URL, file name, raw HTML bytes and gold snippets."""

    url: str
    file: str
    html: bytes
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """Micro-averaged confusion counts and scores over all snippets."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    tp: int
    fp: int
    fn: int
    tn: int

    def as_dict(self) -> dict[str, float | int]:
        """The scores as a JSON-friendly dict, rounded to 4 decimals."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }


def available(bench_dir: Path = BENCH_DIR) -> bool:
    """Whether the benchmark data is present (eval scripts skip cleanly when it is not)."""
    return (bench_dir / "tests" / "evaldata.json").is_file()


def skip_if_absent(bench_dir: Path = BENCH_DIR) -> None:
    """Exit with a message (status 0) when the benchmark data is absent."""
    if not available(bench_dir):
        print(f"skipped: trafilatura benchmark not found in {bench_dir}", file=sys.stderr)
        raise SystemExit(0)


def norm(text: str) -> str:
    """Whitespace normalisation exactly as trafilatura's ``tests/eval_common.norm``."""
    return re.sub(r"\s+", " ", text).strip()


def _read_html(bench_dir: Path, file: str) -> bytes | None:
    """Raw bytes of one page (``cache/`` first, then ``eval/``, as trafilatura resolves them)."""
    for subdir in ("cache", "eval"):
        folder = bench_dir / "tests" / subdir
        for path in (folder / (file + ".gz"), folder / file):
            if path.is_file():
                data = path.read_bytes()
                return gzip.decompress(data) if path.suffix == ".gz" else data
    return None


def _french_urls(bench_dir: Path) -> set[str]:
    """URLs listed in ``french_subset.json``."""
    entries = json.loads((bench_dir / "french_subset.json").read_text(encoding="utf-8"))
    return {entry["url"] for entry in entries}


def load_cases(french_only: bool = False, bench_dir: Path = BENCH_DIR) -> list[Case]:
    """All benchmark pages whose HTML is present, in evaldata order (or only the French ones)."""
    gold = json.loads((bench_dir / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    keep = _french_urls(bench_dir) if french_only else None
    cases = []
    for url, item in gold.items():
        if keep is not None and url not in keep:
            continue
        html = _read_html(bench_dir, item["file"])
        if html is None:
            print(f"warning: missing HTML for {url} ({item['file']})", file=sys.stderr)
            continue
        cases.append(Case(url, item["file"], html, tuple(item["with"]), tuple(item["without"])))
    return cases


def count_case(case: Case, output: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) for one page, as trafilatura's ``count_item``."""
    if output is None:
        return 0, 0, len(case.with_), len(case.without)
    text = norm(output)
    tp = sum(1 for snippet in case.with_ if norm(snippet) in text)
    fp = sum(1 for snippet in case.without if norm(snippet) in text)
    return tp, fp, len(case.with_) - tp, len(case.without) - fp


def score(cases: list[Case], outputs: Mapping[str, str | None]) -> Scores:
    """Micro-averaged P/R/F1/accuracy of ``outputs`` (url -> extracted text) over ``cases``."""
    tp = fp = fn = tn = 0
    for case in cases:
        c_tp, c_fp, c_fn, c_tn = count_case(case, outputs.get(case.url))
        tp, fp, fn, tn = tp + c_tp, fp + c_fp, fn + c_fn, tn + c_tn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    total = tp + fp + fn + tn
    accuracy = (tp + tn) / total if total else 0.0
    return Scores(precision, recall, f1, accuracy, tp, fp, fn, tn)


if __name__ == "__main__":
    skip_if_absent()
    everything = load_cases()
    french = load_cases(french_only=True)
    print(json.dumps({"cases": len(everything), "french": len(french)}))
