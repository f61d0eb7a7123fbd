"""PLOVER coding throughput: articles/s for parsing (the NLP stage) and for event coding on top.

Inputs are the 200 French press articles of RPM2-dev from ``../shared`` (plus the five seeds),
repeated ``--rounds`` times. The French pipeline (``recoupe.nlp.load_french``) parses them in
batches with ``nlp.pipe`` (``--processes`` workers; keep it at 1 or 2 on a two-core machine),
then :class:`recoupe.nlp.plover.PloverCoder` codes the parsed documents. Prints one JSON line:
parse and coding rates, the combined rate, and the number of actions coded.

    .venv/bin/python bench/plover.py [--rounds 1] [--processes 1]

Skips with a message when the shared data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
DOCS = SHARED / "eval/clustering/rpm2-dev/documents"
SEEDS = SHARED / "seeds"


def corpus() -> list[str]:
    """The benchmark article texts (RPM2-dev documents, then the seeds)."""
    docs = sorted(DOCS.glob("*.txt"))
    texts = [p.read_bytes().decode("utf-8-sig").replace("\r\n", "\n") for p in docs]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def main() -> int:
    """Time parsing and coding separately and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    if not DOCS.is_dir():
        print(f"skip: {DOCS} not found (benchmark articles are not available)")
        return 0
    from recoupe.nlp.packs import load_french
    from recoupe.nlp.plover import PloverCoder

    texts = corpus() * args.rounds
    nlp = load_french()
    coder = PloverCoder(nlp)
    coder.code("Le Kremlin a condamné la décision de Varsovie.")  # load the gazetteer tables
    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32, n_process=args.processes))
    parse_s, parse_cpu = time.perf_counter() - t0, time.process_time() - c0
    t1, c1 = time.perf_counter(), time.process_time()
    actions = sum(len(coder.code(doc, n)) for n, doc in enumerate(docs))
    code_s, code_cpu = time.perf_counter() - t1, time.process_time() - c1
    n = len(texts)
    # Wall-clock rates depend on what else runs on the shared machine; CPU-time rates
    # (this process only, so meaningful for --processes 1) do not.
    print(
        json.dumps(
            {
                "articles": n,
                "chars": sum(map(len, texts)),
                "processes": args.processes,
                "parse_articles_per_s": round(n / parse_s, 1),
                "coding_articles_per_s": round(n / code_s, 1),
                "combined_articles_per_s": round(n / (parse_s + code_s), 1),
                "parse_articles_per_cpu_s": round(n / parse_cpu, 1),
                "coding_articles_per_cpu_s": round(n / code_cpu, 1),
                "actions": actions,
                "cpus": os.cpu_count(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
