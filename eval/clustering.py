"""Evaluate event and story clustering on RPM2-dev (leave-themes-out) and on the seeds.

Usage: ``.venv/bin/python eval/clustering.py [--no-spacy] [--folds 5]``. Prints one JSON line.
Reads ``../shared/eval/clustering/rpm2-dev`` (or ``$RECOUPE_SHARED``); skips with a message
when absent. Articles are streamed in pseudo-date order (C1 = day 0, C2 = day 30, shuffled within
a day with a fixed seed). Thresholds are tuned on 8 themes and scored on the other 2 (5 folds):
each fold runs the full stream with its thresholds and scores only its held-out articles, so
every article is scored once, with thresholds never tuned on its theme.

Undated articles: the same stream with the dates of 30% of the articles hidden (a fixed random
draw; they are streamed last, as in production) gives ``undated_all_*`` (every held-out
article) and ``undated_only_*`` (the held-out undated ones); the undated join threshold is tuned
on the training themes of that stream, after the other thresholds.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from clustering_metrics import Pooled, bcubed_f1
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from recoupe.link import Linker, SpacyAnnotator
from recoupe.link.linker import stream_order
from recoupe.link.text import content_terms
from recoupe.model import LinkInput

SHARED = Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
DATA = SHARED / "eval/clustering/rpm2-dev"
BASE = dt.date(2008, 7, 1)
EVENT_GRID = [round(x, 3) for x in np.arange(0.10, 0.301, 0.025)]
STORY_GRID = [round(x, 3) for x in np.arange(0.10, 0.251, 0.025)]
STORY_MERGE_GRID = [round(x, 3) for x in np.arange(0.20, 0.401, 0.05)]
BASELINE_GRID = [round(x, 2) for x in np.arange(0.30, 1.0, 0.025)]
UNDATED_GRID = [round(x, 3) for x in np.arange(0.15, 0.301, 0.025)]
#: Share of articles whose date is hidden in the undated variant (they are streamed last).
UNDATED_SHARE = 0.3


@dataclass(frozen=True)
class Doc:
    """One evaluation article with its gold labels."""

    item: LinkInput
    theme: str
    story: str
    event: str


def load(data: Path = DATA, seed: int = 0) -> list[Doc]:
    """The RPM2-dev articles in stream order (by pseudo-date, shuffled within a day)."""
    docs = []
    with (data / "labels.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text = (data / row["file"]).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            title, _, body = text.strip().partition("\n")
            day = BASE + dt.timedelta(days=0 if row["time_cluster"] == "C1" else 30)
            item = LinkInput(row["doc_id"], title.strip(), body.strip(), day)
            docs.append(Doc(item, row["theme"], row["story_label"], row["event_label"]))
    rng = random.Random(seed)
    rng.shuffle(docs)
    return sorted(docs, key=lambda d: d.item.published or BASE)


def run_linker(docs: list[Doc], params: dict[str, Any]) -> tuple[dict, dict]:
    """Stream ``docs`` through a fresh linker; return predicted event and story per article."""
    linker = Linker(**params)
    out = linker.partial_fit(d.item for d in docs)
    return ({a.article_id: a.event_id for a in out}, {a.article_id: a.story_id for a in out})


def _pick(options: list[Any], scores: list[float]) -> Any:
    """The best option; among ties, the middle one (a plateau's centre is the safest choice)."""
    best = max(scores)
    tied = [o for o, s in zip(options, scores, strict=True) if s >= best - 1e-9]
    return tied[len(tied) // 2]


def tune_linker(train: list[Doc]) -> dict[str, Any]:
    """Event threshold maximising event + story BCubed F1, then story thresholds for story F1."""
    ids = [d.item.id for d in train]
    gold_e = {d.item.id: d.event for d in train}
    gold_s = {d.item.id: d.story for d in train}
    scores = []
    for t in EVENT_GRID:  # events first, with the stories they lead to (default story settings)
        pred_e, pred_s = run_linker(train, {"event_threshold": t})
        scores.append(bcubed_f1(pred_e, gold_e, ids) + bcubed_f1(pred_s, gold_s, ids))
    event_t = _pick(EVENT_GRID, scores)
    pairs = [(s, m) for s in STORY_GRID for m in STORY_MERGE_GRID]
    params = [
        {"event_threshold": event_t, "story_threshold": s, "story_merge_threshold": m}
        for s, m in pairs
    ]
    scores = [bcubed_f1(run_linker(train, p)[1], gold_s, ids) for p in params]
    best = max(scores)
    tied = [p for p, sc in zip(params, scores, strict=True) if sc >= best - 1e-9]
    # Merging two established stories cannot be undone by later articles: when the training
    # themes cannot tell merge thresholds apart, take the most cautious one.
    cautious = max(p["story_merge_threshold"] for p in tied)
    return _pick(tied, [float(p["story_merge_threshold"] == cautious) for p in tied])


def hide_dates(docs: list[Doc], share: float = UNDATED_SHARE, seed: int = 0) -> list[Doc]:
    """``docs`` with the dates of a random ``share`` removed, in stream order (undated last)."""
    rng = random.Random(seed)
    hidden = set(rng.sample([d.item.id for d in docs], round(share * len(docs))))
    by_id = {
        d.item.id: Doc(replace(d.item, published=None), d.theme, d.story, d.event)
        if d.item.id in hidden else d
        for d in docs
    }
    return [by_id[i.id] for i in stream_order(d.item for d in by_id.values())]


def tune_undated(train: list[Doc], params: dict[str, Any]) -> float:
    """The undated join threshold maximising event + story BCubed F1 of ``train`` (dates hidden)."""
    ids = [d.item.id for d in train]
    gold_e = {d.item.id: d.event for d in train}
    gold_s = {d.item.id: d.story for d in train}
    scores = []
    for t in UNDATED_GRID:
        pred_e, pred_s = run_linker(train, {**params, "event_undated_threshold": t})
        scores.append(bcubed_f1(pred_e, gold_e, ids) + bcubed_f1(pred_s, gold_s, ids))
    return float(_pick(UNDATED_GRID, scores))


def baseline_labels(docs: list[Doc], threshold: float) -> dict[str, str]:
    """TF-IDF (stems, sublinear) + average-link agglomerative clustering, cut at ``threshold``."""
    vec = TfidfVectorizer(analyzer=lambda d: content_terms(d), sublinear_tf=True)
    x = vec.fit_transform([f"{d.item.title}\n{d.item.body}" for d in docs]).toarray()
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    )
    labels = model.fit_predict(x)
    return {d.item.id: str(lab) for d, lab in zip(docs, labels, strict=True)}


def folds(themes: list[str], k: int) -> list[list[str]]:
    """``k`` groups of held-out themes (consecutive themes, in sorted order)."""
    size = len(themes) // k
    return [themes[i * size : (i + 1) * size] for i in range(k)]


def evaluate(docs: list[Doc], k: int) -> dict:
    """Leave-themes-out figures for the linker and the baseline, at event and story level."""
    gold = {
        "event": {d.item.id: d.event for d in docs},
        "story": {d.item.id: d.story for d in docs},
    }
    methods = ("linker", "baseline", "undated_all", "undated_only")
    pooled = {(m, lvl): Pooled() for m in methods for lvl in ("event", "story")}
    mixed = hide_dates(docs)
    chosen = []
    for held in folds(sorted({d.theme for d in docs}), k):
        train = [d for d in docs if d.theme not in held]
        scored = [d.item.id for d in docs if d.theme in held]
        params = tune_linker(train)
        pred_e, pred_s = run_linker(docs, params)
        pooled["linker", "event"].add(pred_e, gold["event"], scored)
        pooled["linker", "story"].add(pred_s, gold["story"], scored)
        params["event_undated_threshold"] = tune_undated(
            [d for d in mixed if d.theme not in held], params
        )
        pred = dict(zip(("event", "story"), run_linker(mixed, params), strict=True))
        undated = [d.item.id for d in mixed if d.theme in held and d.item.published is None]
        for lvl in ("event", "story"):
            pooled["undated_all", lvl].add(pred[lvl], gold[lvl], scored)
            pooled["undated_only", lvl].add(pred[lvl], gold[lvl], undated)
        fold: dict = {"held_out": held, **params}
        for lvl in ("event", "story"):
            train_gold = {d.item.id: gold[lvl][d.item.id] for d in train}
            ids = list(train_gold)
            scores = [bcubed_f1(baseline_labels(train, t), train_gold, ids) for t in BASELINE_GRID]
            cut = _pick(BASELINE_GRID, scores)
            pooled["baseline", lvl].add(baseline_labels(docs, cut), gold[lvl], scored)
            fold[f"baseline_{lvl}_cut"] = cut
        chosen.append(fold)
        print(json.dumps(fold), file=sys.stderr)
    result: dict[str, Any] = {f"{m}_{lvl}": p.figures() for (m, lvl), p in pooled.items()}
    result["folds"] = chosen
    return result


def main() -> None:
    """Run the evaluation and print one JSON line of figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-spacy", action="store_true", help="no lemmas/entities: stems only")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return
    docs = load()
    if not args.no_spacy:
        annotated = SpacyAnnotator().transform(d.item for d in docs)
        docs = [Doc(a, d.theme, d.story, d.event) for a, d in zip(annotated, docs, strict=True)]
    result = {
        "dataset": "rpm2-dev",
        "n_articles": len(docs),
        "spacy": not args.no_spacy,
        **evaluate(docs, args.folds),
    }
    try:
        from clustering_seeds import check_seeds

        result["seeds"] = check_seeds()
    except FileNotFoundError as exc:
        result["seeds"] = {"skipped": str(exc)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
