"""Bar 4: publication-day accuracy of recoupe's HTML date extraction on htmldate's benchmark.

Data: ``../shared/eval/dates/htmldate`` (third-party, read in place): ``tests/eval_default.json``
and ``tests/eval_mediacloud_2020.json`` map a URL to ``{file, date}``; pages are gzipped under
``tests/eval``, ``tests/cache`` or ``tests/test_set``; ``french_subset.json`` lists 41 French
pages. Accuracy = correct days / all pages (a missing date is wrong), as htmldate reports it.

Systems: ``recoupe`` = :func:`recoupe.extract.html.extract_html` on the decoded page with its
URL (as recoupe runs it); ``htmldate`` = ``find_date(original_date=True, extensive_search=True)``
without the URL (htmldate's published setting); ``htmldate+url`` = the same given the URL.

Run from the repository root: ``.venv/bin/python eval/dates.py``. Progress on stderr, the
figures on stdout as one JSON line. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

DATA = Path(
    os.environ.get(
        "RECOUPE_HTMLDATE_BENCH",
        str(Path(__file__).resolve().parents[2] / "shared/eval/dates/htmldate"),
    )
)
SETS = ("eval_default.json", "eval_mediacloud_2020.json")
WORKERS = 2


@dataclass(frozen=True)
class DateCase:
    """One benchmark page: URL, gold day (ISO), raw bytes, source set, French or not."""

    url: str
    gold: str
    html: bytes
    set_name: str
    french: bool


def _read(file: str) -> bytes | None:
    """Raw bytes of a page, wherever the benchmark keeps it."""
    for folder in ("eval", "cache", "test_set"):
        for path in (DATA / "tests" / folder / (file + ".gz"), DATA / "tests" / folder / file):
            if path.is_file():
                data = path.read_bytes()
                return gzip.decompress(data) if path.suffix == ".gz" else data
    return None


def load_date_cases() -> list[DateCase]:
    """All pages of both sets whose HTML is present."""
    french_lists = json.loads((DATA / "french_subset.json").read_text(encoding="utf-8"))
    french = {(name, e["url"]) for name, entries in french_lists.items() for e in entries}
    cases = []
    for name in SETS:
        gold = json.loads((DATA / "tests" / name).read_text(encoding="utf-8"))
        for url, item in gold.items():
            html = _read(item["file"])
            if html is None:
                print(f"warning: no HTML for {url} ({item['file']})", file=sys.stderr)
                continue
            cases.append(DateCase(url, item["date"], html, name, (name, url) in french))
    return cases


def _run(case: DateCase) -> dict[str, str | None]:
    """The day each system finds for one page (None when it finds none or crashes)."""
    from htmldate import find_date

    from recoupe.extract.html import decode_html, extract_html

    text = decode_html(case.html)
    found: dict[str, str | None] = {}
    try:
        day = extract_html(text, case.url).published
        found["recoupe"] = day.isoformat()[:10] if day is not None else None
    except Exception as err:
        print(f"recoupe failed on {case.url}: {err!r}", file=sys.stderr)
        found["recoupe"] = None
    for name, url in (("htmldate", None), ("htmldate+url", case.url)):
        try:
            found[name] = find_date(text, original_date=True, extensive_search=True, url=url)
        except Exception:
            found[name] = None
    return found


def _accuracy(cases: list[DateCase], answers: list[dict[str, str | None]], system: str) -> dict:
    """Correct / total and the counts for one system on some pages."""
    correct = sum(1 for c, a in zip(cases, answers, strict=True) if a[system] == c.gold)
    returned = sum(1 for a in answers if a[system] is not None)
    total = len(cases)
    return {
        "accuracy": round(correct / total, 4) if total else 0.0,
        "correct": correct,
        "returned": returned,
        "total": total,
    }


def main() -> None:
    """Run the three systems on every page and print the accuracies as one JSON line."""
    if not (DATA / "tests" / SETS[0]).is_file():
        print(f"skipped: htmldate benchmark not found in {DATA}", file=sys.stderr)
        return
    cases = load_date_cases()
    answers: list[dict[str, str | None]] = []
    start = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        for i, found in enumerate(pool.map(_run, cases, chunksize=8), 1):
            answers.append(found)
            if i % 100 == 0:
                elapsed = time.perf_counter() - start
                print(f"{i}/{len(cases)} pages, {elapsed:.0f}s", file=sys.stderr)
    subsets = {
        "all": [i for i, _ in enumerate(cases)],
        "french": [i for i, c in enumerate(cases) if c.french],
        **{name: [i for i, c in enumerate(cases) if c.set_name == name] for name in SETS},
        # halves by position: a rule that helps on both is not fitted to a few pages
        "even": list(range(0, len(cases), 2)),
        "odd": list(range(1, len(cases), 2)),
    }
    result: dict[str, object] = {"pages": len(cases), "seconds": round(time.perf_counter() - start)}
    for system in ("recoupe", "htmldate", "htmldate+url"):
        result[system] = {
            key: _accuracy([cases[i] for i in idx], [answers[i] for i in idx], system)
            for key, idx in subsets.items()
        }
    if os.environ.get("RECOUPE_DATES_ERRORS"):
        for case, found in zip(cases, answers, strict=True):
            if found["recoupe"] != case.gold:
                print(f"MISS {case.url} gold={case.gold} {found}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
