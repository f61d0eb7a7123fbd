"""Bar 2: main-text extraction of ``recoupe.extract.html`` on trafilatura's benchmark.

Scores :func:`recoupe.extract.html.extract_html` (the page decoded with
:func:`recoupe.extract.html.decode_html`, as recoupe reads it) against trafilatura alone
(default ``extract()`` on the raw bytes, the baseline), overall, on the French subset and on
the two halves used to fit :data:`recoupe.extract.html.RECALL_FALLBACK_RATIO` (``dev`` = even
positions in evaldata order, where it was chosen; ``test`` = odd positions, held out).

Run from the repository root: ``.venv/bin/python eval/html_extraction.py``. Progress goes to
stderr, the figures to stdout as one JSON line. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.trafilatura_bench import Case, load_cases, score, skip_if_absent

WORKERS = 2


def _run(case: Case) -> tuple[str, str | None, str | None]:
    """(url, recoupe body, trafilatura default output) for one page; crashes give None."""
    import trafilatura

    from recoupe.extract.html import decode_html, extract_html

    try:
        ours: str | None = extract_html(decode_html(case.html), case.url).body
    except Exception as err:  # a crash is a full miss, as in trafilatura's evaluation
        print(f"recoupe failed on {case.file}: {err!r}", file=sys.stderr)
        ours = None
    try:
        baseline = trafilatura.extract(case.html)
    except Exception:
        baseline = None
    return case.url, ours, baseline


def main() -> None:
    """Extract every page with both systems and print the scores as one JSON line."""
    skip_if_absent()
    cases = load_cases()
    french = {c.url for c in load_cases(french_only=True)}
    ours: dict[str, str | None] = {}
    base: dict[str, str | None] = {}
    start = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        for i, (url, mine, theirs) in enumerate(pool.map(_run, cases, chunksize=8), 1):
            ours[url], base[url] = mine, theirs
            if i % 100 == 0:
                elapsed = time.perf_counter() - start
                print(f"{i}/{len(cases)} pages, {elapsed:.0f}s", file=sys.stderr)
    subsets = {
        "all": cases,
        "french": [c for c in cases if c.url in french],
        "dev": cases[0::2],
        "test": cases[1::2],
    }
    result: dict[str, object] = {"pages": len(cases), "seconds": round(time.perf_counter() - start)}
    for name, outputs in (("recoupe", ours), ("trafilatura", base)):
        result[name] = {key: score(sub, outputs).as_dict() for key, sub in subsets.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
