"""Clustering scores for the link evaluation: BCubed and pairwise P/R/F1 over a subset of items.

Scores are computed for the items in ``scored`` only, but clusters are the full predicted and gold
clusters (so a held-out article wrongly merged with another theme's articles is penalised).
Hand-written: scikit-learn has no BCubed, and its pair-confusion matrix cannot restrict the pairs
to those that involve a held-out item.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed_sums(
    pred: Mapping[str, str], gold: Mapping[str, str], scored: Iterable[str]
) -> tuple[float, float, int]:
    """Sums of per-item BCubed precision and recall over ``scored``, and their count."""
    pred_size = Counter(pred.values())
    gold_size = Counter(gold.values())
    both = Counter((pred[i], gold[i]) for i in pred)
    p_sum = r_sum = 0.0
    n = 0
    for item in scored:
        inter = both[(pred[item], gold[item])]
        p_sum += inter / pred_size[pred[item]]
        r_sum += inter / gold_size[gold[item]]
        n += 1
    return p_sum, r_sum, n


def pair_counts(
    pred: Mapping[str, str], gold: Mapping[str, str], scored: Iterable[str]
) -> tuple[int, int, int]:
    """TP, FP, FN over unordered pairs with at least one item in ``scored``."""
    scored_set = set(scored)
    items = sorted(pred)
    tp = fp = fn = 0
    for a_i, a in enumerate(items):
        for b in items[a_i + 1 :]:
            if a not in scored_set and b not in scored_set:
                continue
            same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_p and same_g
            fp += same_p and not same_g
            fn += same_g and not same_p
    return tp, fp, fn


class Pooled:
    """Accumulates BCubed sums, pair counts and cluster counts over folds."""

    def __init__(self) -> None:
        self.p_sum = self.r_sum = 0.0
        self.n = self.tp = self.fp = self.fn = 0
        self.n_pred = self.n_gold = 0

    def add(self, pred: Mapping[str, str], gold: Mapping[str, str], scored: list[str]) -> None:
        """Score one fold's held-out items."""
        p, r, n = bcubed_sums(pred, gold, scored)
        self.p_sum, self.r_sum, self.n = self.p_sum + p, self.r_sum + r, self.n + n
        tp, fp, fn = pair_counts(pred, gold, scored)
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn
        self.n_pred += len({pred[i] for i in scored})
        self.n_gold += len({gold[i] for i in scored})

    def figures(self) -> dict[str, float]:
        """BCubed P/R/F1, pairwise P/R/F1 and the predicted/gold cluster ratio."""
        bp, br = self.p_sum / max(self.n, 1), self.r_sum / max(self.n, 1)
        pp = self.tp / max(self.tp + self.fp, 1)
        pr = self.tp / max(self.tp + self.fn, 1)
        return {
            "bcubed_p": round(bp, 4),
            "bcubed_r": round(br, 4),
            "bcubed_f1": round(_f1(bp, br), 4),
            "pair_p": round(pp, 4),
            "pair_r": round(pr, 4),
            "pair_f1": round(_f1(pp, pr), 4),
            "cluster_ratio": round(self.n_pred / max(self.n_gold, 1), 3),
        }


def bcubed_f1(pred: Mapping[str, str], gold: Mapping[str, str], scored: list[str]) -> float:
    """BCubed F1 over ``scored`` (used for tuning)."""
    p, r, n = bcubed_sums(pred, gold, scored)
    return _f1(p / max(n, 1), r / max(n, 1))
