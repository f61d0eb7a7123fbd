"""Event summaries on RPM2 (dev split) against the human references, versus the lead baseline.

Usage: ``.venv/bin/python eval/summaries.py [--tune]``. Reads
``../shared/eval/clustering/rpm2-dev`` (or ``$RECOUPE_SHARED/eval/clustering/rpm2-dev``);
skips with a message (exit 0) when absent.

Each gold event (``event_label`` in labels.tsv: a theme and time cluster, 10 articles) is
summarised by :func:`recoupe.narrate.summaries.summarise` to a budget of N words, N being the
average word count of all the reference summaries (one global figure, not per event, so no
reference content or length leaks into a given event). Both the system summary and the lead
baseline (the first sentences of the event's most central article: highest TF-IDF cosine to
the event's mean article vector) are cut to exactly N words, as ROUGE's ``-l`` does.

ROUGE-1 and ROUGE-2 F1 over snowball-stemmed French words (:mod:`recoupe.narrate.rouge`),
averaged over the 4 references of each event (the usual multi-reference ROUGE), then over
events. ``--tune`` additionally picks ``lead_weight`` by leave-one-theme-out (each theme is
scored with the weight that did best on the other themes) and reports that figure too.
Exit 1 when the (untuned) system's ROUGE-2 is not at least 10% above the lead baseline.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from recoupe.model import Article
from recoupe.narrate.rouge import rouge_n
from recoupe.narrate.summaries import SentenceRanker, summarise
from recoupe.narrate.text import content_tokens, sentence_spans, words

ROOT = (
    Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
    / "eval/clustering/rpm2-dev"
)
WEIGHTS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


def load() -> tuple[dict[str, list[Article]], dict[str, list[str]]]:
    """Articles per gold event (document order) and the reference summaries per event."""
    events: dict[str, list[Article]] = defaultdict(list)
    with open(ROOT / "labels.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text = (ROOT / row["file"]).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            title, _, body = text.partition("\n")
            events[row["event_label"]].append(
                Article(
                    origin=row["file"],
                    content_hash=row["doc_id"],
                    body=body.strip(),
                    title=title.strip(),
                    outlet=None,
                    published=None,
                    language="fr",
                )
            )
    refs: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "references").glob("*.txt")):
        theme, cluster, _ = path.stem.split("_")
        refs[f"{theme}_{cluster}"].append(path.read_text(encoding="utf-8-sig"))
    return dict(events), dict(refs)


def cut(text: str, n: int) -> str:
    """The first ``n`` words of ``text`` (ROUGE's length limit)."""
    return " ".join(words(text)[:n])


def lead(articles: list[Article], n: int) -> str:
    """The lead baseline: the opening of the event's most central article."""
    vec = TfidfVectorizer(analyzer=content_tokens, sublinear_tf=True)
    x = normalize(vec.fit_transform([a.body for a in articles]))
    centroid = normalize(np.asarray(x.mean(axis=0)))
    best = articles[int(np.argmax(np.asarray(x @ centroid.T).ravel()))]
    return cut(" ".join(best.body[s:e] for s, e in sentence_spans(best.body)), n)


def score(text: str, refs: list[str]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1, averaged over the references."""
    return rouge_n(text, refs, 1).f1, rouge_n(text, refs, 2).f1


def main() -> int:
    """Print per-theme and mean ROUGE; 1 when the system misses the +10% ROUGE-2 bar."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--tune", action="store_true", help="also report leave-one-theme-out tuning")
    args = ap.parse_args()
    if not ROOT.is_dir():
        print(f"SKIP: {ROOT} not found")
        return 0
    events, refs = load()
    ids = sorted(e for e in events if e in refs)
    budget = round(float(np.mean([len(words(r)) for e in ids for r in refs[e]])))
    print(f"{len(ids)} events, {sum(len(refs[e]) for e in ids)} references, budget {budget} words")
    base = {e: score(lead(events[e], budget), refs[e]) for e in ids}
    weights = WEIGHTS if args.tune else (1.0,)
    system = {
        w: {
            e: score(
                cut(
                    summarise(events[e], budget, ranker=SentenceRanker(lead_weight=w)).text, budget
                ),
                refs[e],
            )
            for e in ids
        }
        for w in weights
    }
    default = system[1.0]
    print(f"{'event':10} {'lead R1':>8} {'lead R2':>8} {'sys R1':>8} {'sys R2':>8}")
    for e in ids:
        print(
            f"{e:10} {base[e][0]:8.4f} {base[e][1]:8.4f} {default[e][0]:8.4f} {default[e][1]:8.4f}"
        )

    def mean(d: dict[str, tuple[float, float]], k: int, keys: list[str] = ids) -> float:
        return float(np.mean([d[e][k] for e in keys]))

    b1, b2, s1, s2 = mean(base, 0), mean(base, 1), mean(default, 0), mean(default, 1)
    print(f"lead baseline: ROUGE-1 F1 {b1:.4f}  ROUGE-2 F1 {b2:.4f}")
    print(
        f"system (lead_weight=1.0, untuned): ROUGE-1 F1 {s1:.4f}  ROUGE-2 F1 {s2:.4f}"
        f"  (ROUGE-2 {100 * (s2 / b2 - 1):+.1f}% vs lead)"
    )
    if args.tune:
        for w in weights:
            print(f"  lead_weight={w}: R1 {mean(system[w], 0):.4f} R2 {mean(system[w], 1):.4f}")
        themes = sorted({e.split("_")[0] for e in ids})
        lot: dict[str, tuple[float, float]] = {}
        for t in themes:
            train = [e for e in ids if not e.startswith(t)]
            w_best = max(weights, key=lambda w: mean(system[w], 1, train))
            for e in ids:
                if e.startswith(t):
                    lot[e] = system[w_best][e]
            print(f"  {t}: weight chosen on other themes = {w_best}")
        t2 = mean(lot, 1)
        print(
            f"system (leave-one-theme-out tuned): ROUGE-1 F1 {mean(lot, 0):.4f}  "
            f"ROUGE-2 F1 {t2:.4f}  (ROUGE-2 {100 * (t2 / b2 - 1):+.1f}% vs lead)"
        )
    ok = s2 >= 1.10 * b2
    print(("PASS" if ok else "FAIL"), "ROUGE-2 at least 10% above the lead baseline")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
