"""Bar 3: the plain-text cleaner on trafilatura's benchmark pages rendered to full plain text.

Each page is rendered with every line kept, furniture included
(``resiliparse.extract.html2text.extract_plain_text(tree, main_content=False)``), then cleaned
by :func:`recoupe.extract.plaintext.extract_text`; the output scored is the title and the body.
Scoring is the published one (see ``eval/trafilatura_bench.py``): per snippet, TP = a "with"
snippet found, FN = missing, FP = a "without" snippet found; micro P/R/F1.

Reported: all pages, the French subset, the uncleaned rendering (baseline), and two halves of
the pages — "dev" (even positions in evaldata order, the half looked at while writing rules)
and "held-out" (odd positions, never looked at). Prints one JSON line to stdout; skips with a
message when the benchmark is absent.

Usage, from the repository root::

    .venv/bin/python eval/plaintext_extraction.py [--jobs 2] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.trafilatura_bench import Case, load_cases, score, skip_if_absent


def render(html: bytes) -> str:
    """The page as plain text with every visible line kept (no main-content selection)."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse_from_bytes(html, detect_encoding(html) or "utf-8")
    return str(extract_plain_text(tree, main_content=False))


def clean(html: bytes) -> tuple[str, str]:
    """(uncleaned rendering, title + cleaned body) for one page."""
    from recoupe.extract.plaintext import extract_text

    text = render(html)
    found = extract_text(text)
    return text, "\n\n".join(part for part in (found.title, found.body) if part)


def run(cases: list[Case], jobs: int) -> tuple[dict[str, str], dict[str, str]]:
    """Render and clean every case, ``jobs`` processes at a time."""
    with Pool(jobs) as pool:
        results = pool.map(clean, [case.html for case in cases], chunksize=8)
    raw = {case.url: r[0] for case, r in zip(cases, results, strict=True)}
    cleaned = {case.url: r[1] for case, r in zip(cases, results, strict=True)}
    return raw, cleaned


def main() -> None:
    """Score the cleaner and the baseline; one JSON line on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = parser.parse_args()
    skip_if_absent()
    start = time.monotonic()
    cases = load_cases()[: args.limit]
    french = {case.url for case in load_cases(french_only=True)}
    raw, cleaned = run(cases, args.jobs)
    dev, held_out = cases[0::2], cases[1::2]
    fr_cases = [case for case in cases if case.url in french]
    result = {
        "eval": "plaintext_extraction",
        "pages": len(cases),
        "cleaned": score(cases, cleaned).as_dict(),
        "cleaned_dev_half": score(dev, cleaned).as_dict(),
        "cleaned_held_out_half": score(held_out, cleaned).as_dict(),
        "cleaned_french": score(fr_cases, cleaned).as_dict(),
        "baseline_uncleaned": score(cases, raw).as_dict(),
        "baseline_uncleaned_french": score(fr_cases, raw).as_dict(),
        "seconds": round(time.monotonic() - start, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
