"""Throughput of the ``nlp`` stage (entities, variants, quotes) in articles per second.

Articles are built from the rpm2-dev documents when ../shared is present (cut or
repeated to about 500 words each), else from recoupe's own synthetic French sentences.
The model is loaded and warmed up before timing. With ``--n-process 1`` the CPU time of
the process is reported too (articles per CPU-second), a figure that does not depend on
what else runs on a shared machine.

Usage: .venv/bin/python bench/nlp.py [--articles 200] [--n-process 2] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "shared/eval/clustering/rpm2-dev/documents"
WORDS = 500
_SYNTHETIC = (
    "La ministre de l'Économie Claire Vasseur a déclaré mardi à Lyon que le plan serait prêt. "
    "« Nous tiendrons nos engagements », a-t-elle ajouté devant les syndicats. "
    "Selon le porte-parole du groupe Novéa, Marc Delorme, les discussions reprendront lundi. "
    "Paris et Berlin ont salué l'accord, tandis que Moscou a dénoncé « une provocation ». "
)


def texts(n: int) -> list[str]:
    """``n`` article bodies of about 500 words."""
    if DOCS.exists():
        sources = [
            p.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
            for p in sorted(DOCS.glob("*.txt"))
        ]
    else:
        print("note: ../shared absent, using synthetic text")
        sources = [_SYNTHETIC]
    out = []
    for src in itertools.islice(itertools.cycle(sources), n):
        words = src.split(" ")
        while len(words) < WORDS:
            words += src.split(" ")
        out.append(" ".join(words[:WORDS]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    from recoupe.model import Article, content_hash
    from recoupe.nlp import Annotator, NlpConfig

    bodies = texts(args.articles)
    arts = [
        Article(
            origin=f"bench-{i}",
            content_hash=content_hash(b),
            body=b,
            title=None,
            outlet=None,
            published=None,
            language="fr",
            id=i,
        )
        for i, b in enumerate(bodies)
    ]
    annotator = Annotator(NlpConfig(n_process=args.n_process, batch_size=args.batch_size))
    annotator.annotate(arts[:2])  # load the model before timing
    t0, c0 = time.perf_counter(), time.process_time()
    anns = annotator.annotate(arts)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    words = sum(len(b.split()) for b in bodies)
    quotes = sum(len(a.quotes) for a in anns)
    mentions = sum(len(a.mentions) for a in anns)
    print(
        f"{len(arts)} articles ({words / len(arts):.0f} words each), n_process={args.n_process}, "
        f"batch_size={args.batch_size}: {dt:.1f}s → {len(arts) / dt:.1f} articles/s "
        f"({mentions} mentions, {quotes} quotes, {len(annotator.entities)} entities)"
    )
    if args.n_process == 1:
        # On a shared machine wall time depends on the neighbours; CPU time does not.
        print(f"CPU time: {cpu:.1f}s → {len(arts) / cpu:.1f} articles per CPU-second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
