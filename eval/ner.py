"""French NER on WikiNEuRal (silver, CoNLL IOB2): the bare spaCy model vs recoupe's pipeline.

Strict span F1 (exact boundaries and type), overall and per type, for
``fr_core_news_md`` alone and with recoupe's entity components. recoupe's GPE (states, and
capitals used as actors) are mapped back to LOC for scoring, as the gold has no GPE. Both
runs share one pass: the bare entities are captured right after spaCy's ``ner``. Tokens are
the gold tokens (no re-tokenisation), and the parser is disabled (NER does not use it).

Usage: .venv/bin/python eval/ner.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "shared/eval/ner/wikineural-fr/test.conllu"
TYPES = ("PER", "LOC", "ORG", "MISC")
Spans = set[tuple[int, int, int, str]]


def read_conll(path: Path, limit: int | None) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, IOB2 tags)."""
    sents, words, tags = [], [], []
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            if words:
                sents.append((words, tags))
                words, tags = [], []
            if limit and len(sents) >= limit:
                break
            continue
        words.append(parts[1])
        tags.append(parts[2])
    if words and not (limit and len(sents) >= limit):
        sents.append((words, tags))
    return sents


def gold_spans(n: int, tags: list[str]) -> Spans:
    out, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            out.add((n, start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return out


def score(gold: Spans, pred: Spans, label: str | None = None) -> tuple[float, float, float]:
    if label:
        gold = {s for s in gold if s[3] == label}
        pred = {s for s in pred if s[3] == label}
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    args = ap.parse_args()
    if not GOLD.exists():
        print(f"SKIP: {GOLD} not found")
        return 0
    from spacy.language import Language
    from spacy.tokens import Doc

    from recoupe.nlp import load_french

    @Language.component("eval_capture_bare")
    def capture(doc: Doc) -> Doc:
        doc.user_data["bare"] = [(e.start, e.end, e.label_) for e in doc.ents]
        return doc

    nlp = load_french()
    nlp.add_pipe("eval_capture_bare", after="ner")
    sents = read_conll(GOLD, args.limit)
    gold: Spans = set()
    bare: Spans = set()
    ours: Spans = set()
    moved: Counter[str] = Counter()
    t0 = time.time()
    docs = (Doc(nlp.vocab, words=w) for w, _ in sents)
    with nlp.select_pipes(disable=["parser", "recoupe_paragraphs"]):
        for n, doc in enumerate(nlp.pipe(docs, batch_size=256)):
            gold |= gold_spans(n, sents[n][1])
            bare |= {(n, s, e, lab) for s, e, lab in doc.user_data["bare"]}
            for ent in doc.ents:
                lab = "LOC" if ent.label_ == "GPE" else ent.label_
                ours.add((n, ent.start, ent.end, lab))
            moved.update(
                f"{lab}->{e.label_}"
                for s, end, lab in doc.user_data["bare"]
                for e in doc.ents
                if (e.start, e.end) == (s, end) and e.label_ != lab
            )
    print(
        f"WikiNEuRal fr test: {len(sents)} sentences, {len(gold)} gold entities, "
        f"{time.time() - t0:.0f}s"
    )
    for name, pred in (("bare fr_core_news_md", bare), ("recoupe (GPE→LOC)", ours)):
        p, r, f = score(gold, pred)
        per = "  ".join(f"{t} {score(gold, pred, t)[2]:.3f}" for t in TYPES)
        print(f"  {name:<22} P={p:.3f} R={r:.3f} F1={f:.4f} | {per}")
    print(f"  relabelled by recoupe: {dict(moved.most_common(8))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
