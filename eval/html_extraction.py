"""Bar 2: main-text extraction of ``recoupe.extract.html`` on trafilatura's benchmark.

Scores :func:`recoupe.extract.html.extract_html` (the page decoded with
:func:`recoupe.extract.html.decode_html`, as recoupe reads it) against trafilatura alone
(default ``extract()`` on the raw bytes, the baseline), overall, on the French subset and on
the two halves used to fit :data:`recoupe.extract.html.RECALL_FALLBACK_RATIO` (``dev`` = even
positions in evaldata order, where it was chosen; ``test`` = odd positions, held out).

Run from the repository root: ``.venv/bin/python eval/html_extraction.py``. Progress goes to
stderr, the figures to stdout as one JSON line. Skips cleanly when the data is absent.

``--ablation`` also scores each step of the pipeline on its own (trafilatura run on the
decoded page with recoupe's settings): ``precision`` (favor_precision alone), ``default-nc``
(default, no comments), ``precision+fallback`` (the recall fallback), ``+furniture`` (the
furniture-line filter), and ``fallback@r`` for a sweep of the fallback ratio.
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


SWEEP = (0.1, 0.2, 0.3, 0.5, 0.7, 0.9)


def _ablation(case: Case) -> dict[str, str]:
    """The output of each pipeline step on one page (see the module docstring)."""
    from recoupe.extract.html import _drop_furniture, _run_trafilatura, decode_html

    text = decode_html(case.html)
    precise = _run_trafilatura(text, case.url, favor_precision=True)
    default = _run_trafilatura(text, case.url, favor_precision=False)

    def lines(body: str) -> list[str]:
        return [" ".join(line.split()) for line in body.splitlines() if line.strip()]

    def chosen(ratio: float) -> str:
        return precise if len(precise) >= ratio * len(default) else default

    steps = {"precision": precise, "default-nc": default, "precision+fallback": chosen(0.3)}
    steps["precision+fallback+furniture"] = "\n".join(_drop_furniture(lines(chosen(0.3)))[0])
    steps["default-nc+furniture"] = "\n".join(_drop_furniture(lines(default))[0])
    for ratio in SWEEP:
        steps[f"fallback@{ratio}+furniture"] = "\n".join(_drop_furniture(lines(chosen(ratio)))[0])
    return steps


def _run_ablation(case: Case) -> tuple[str, dict[str, str]]:
    """(url, outputs of each step) for one page."""
    return case.url, _ablation(case)


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
    if "--ablation" in sys.argv:
        result["ablation"] = _ablation_scores(cases, subsets)
    print(json.dumps(result))


def _ablation_scores(cases: list[Case], subsets: dict[str, list[Case]]) -> dict[str, object]:
    """F1 of each pipeline step on each subset."""
    steps: dict[str, dict[str, str | None]] = {}
    with ProcessPoolExecutor(WORKERS) as pool:
        for i, (url, outputs) in enumerate(pool.map(_run_ablation, cases, chunksize=8), 1):
            for step, text in outputs.items():
                steps.setdefault(step, {})[url] = text
            if i % 200 == 0:
                print(f"ablation {i}/{len(cases)} pages", file=sys.stderr)
    return {
        step: {key: round(score(sub, outputs).f1, 4) for key, sub in subsets.items()}
        for step, outputs in steps.items()
    }


if __name__ == "__main__":
    main()
