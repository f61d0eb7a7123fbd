"""ROUGE-N recall, precision and F1 over snowball-stemmed French words (Lin, 2004).

Hand-written because the maintained ``rouge-score`` package tokenises for English only (its
stemmer is Porter's and its tokenizer drops accented letters), which would under-count every
French match. This is the textbook definition: clipped n-gram overlap between a candidate and
one reference; with several references the scores are averaged per reference (the usual
multi-reference ROUGE), and :func:`rouge_n_max` gives the max variant for comparison.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from recoupe.narrate.text import stem_tokens

__all__ = ["RougeScore", "rouge_n", "rouge_n_max"]


@dataclass(frozen=True)
class RougeScore:
    """Precision, recall and F1 of one ROUGE-N comparison."""

    precision: float
    recall: float
    f1: float


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _score(candidate: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]) -> RougeScore:
    overlap = sum((candidate & reference).values())
    p = overlap / max(1, sum(candidate.values()))
    r = overlap / max(1, sum(reference.values()))
    f = 2 * p * r / (p + r) if p + r else 0.0
    return RougeScore(p, r, f)


def rouge_n(
    candidate: str, references: Sequence[str], n: int = 1, language: str = "fr"
) -> RougeScore:
    """ROUGE-N of ``candidate`` against ``references``, averaged over the references."""
    cand = _ngrams(stem_tokens(candidate, language), n)
    scores = [_score(cand, _ngrams(stem_tokens(ref, language), n)) for ref in references]
    if not scores:
        return RougeScore(0.0, 0.0, 0.0)
    k = len(scores)
    return RougeScore(
        sum(s.precision for s in scores) / k,
        sum(s.recall for s in scores) / k,
        sum(s.f1 for s in scores) / k,
    )


def rouge_n_max(
    candidate: str, references: Sequence[str], n: int = 1, language: str = "fr"
) -> RougeScore:
    """ROUGE-N against the best-matching reference (by F1)."""
    cand = _ngrams(stem_tokens(candidate, language), n)
    scores = [_score(cand, _ngrams(stem_tokens(ref, language), n)) for ref in references]
    return max(scores, key=lambda s: s.f1, default=RougeScore(0.0, 0.0, 0.0))
