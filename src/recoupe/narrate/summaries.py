"""Extractive summaries: one sentence per event, a short paragraph per story.

Every summary sentence is a verbatim span of an article body and keeps its provenance
(article id, start, end); nothing is generated. Sentences are scored over TF-IDF vectors of
stemmed French content words (scikit-learn) by two classic unsupervised criteria, summed
after scaling each to [0, 1]:

* LexRank (Erkan & Radev, 2004): stationary distribution of a random walk on the graph of
  sentences whose cosine similarity passes a threshold, i.e. how central a sentence is to
  what all outlets say;
* centroid similarity (Radev et al., 2004): cosine to the event's mean TF-IDF vector;

plus a lead bonus, because news copy states its event in its first sentences (the "lead"
baseline is hard to beat for that reason). Near-identical sentences from wire copies are
collapsed before ranking (they count once, with every copy kept as provenance), and
selection is greedy with a redundancy cut (maximal marginal relevance, Carbonell &
Goldstein, 1998) so that the same fact is not said twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from recoupe.model import Article
from recoupe.narrate.event_dates import article_key
from recoupe.narrate.text import (
    claim_similarity,
    content_tokens,
    name_tokens,
    sentence_spans,
    words,
)

__all__ = [
    "Candidate",
    "Provenance",
    "SentenceRanker",
    "Summary",
    "SummarySentence",
    "candidates",
    "event_sentence",
    "story_paragraph",
    "summarise",
]

#: Cosine above which two sentences are copies of one another (wire copy reused by outlets).
DUPLICATE_COSINE = 0.7
#: Similarity above which a candidate repeats an already selected sentence and is skipped:
#: TF-IDF cosine blended with the overlap of the names both sentences cite (see
#: :func:`recoupe.narrate.text.claim_similarity`), so that paraphrases of one wire story
#: ("a menacé de geler" / "a averti qu'il s'apprête à suspendre") count as one claim.
REDUNDANT = 0.4


@dataclass(frozen=True)
class Provenance:
    """Where a sentence was read: ``article.body[start:end]`` is the sentence."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """A sentence of an article, with its position and any copies in other articles."""

    text: str
    source: Provenance
    position: int
    copies: tuple[Provenance, ...] = ()
    language: str = "fr"


@dataclass(frozen=True)
class SummarySentence:
    """One selected sentence, its score, and where it (and its copies) come from."""

    text: str
    article_id: str
    start: int
    end: int
    score: float
    copies: tuple[Provenance, ...] = ()


@dataclass(frozen=True)
class Summary:
    """Selected sentences in reading order; ``text`` joins them."""

    sentences: tuple[SummarySentence, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        """The summary as one paragraph."""
        return " ".join(s.text for s in self.sentences)

    @property
    def n_words(self) -> int:
        """Words in the summary."""
        return len(words(self.text))


def _usable(text: str) -> bool:
    n = len(words(text))
    # Too short to state a fact, or a run-on paragraph the splitter could not cut; questions
    # and colon-ended lines introduce rather than state.
    return 6 <= n <= 80 and not text.endswith((":", "?"))


def candidates(articles: Sequence[Article]) -> list[Candidate]:
    """The usable sentences of ``articles``, one per text (copies folded, first seen kept).

    Articles are read in the given order (pass them oldest first to keep the original wire
    copy as the source); exact copies across articles fold at once, near copies fold in
    :meth:`SentenceRanker.fit`.
    """
    seen: dict[str, int] = {}
    out: list[Candidate] = []
    for article in articles:
        aid = article_key(article)
        lang = article.language or "fr"
        position = 0
        for start, end in sentence_spans(article.body):
            text = article.body[start:end]
            if not _usable(text):
                continue
            prov = Provenance(aid, start, end)
            key = " ".join(text.lower().split())
            if key in seen:
                i = seen[key]
                c = out[i]
                out[i] = Candidate(c.text, c.source, c.position, (*c.copies, prov), c.language)
            else:
                seen[key] = len(out)
                out.append(Candidate(text, prov, position, (), lang))
            position += 1
    return out


class SentenceRanker:
    """Rank candidate sentences by LexRank + centroid similarity + a lead bonus.

    ``lead_weight`` is the bonus of an article's first sentence (decaying as 1/(1+position));
    ``threshold`` is LexRank's cosine threshold. Scikit-learn style: ``fit`` on the
    candidates of one event or story, then read ``scores_`` or call :meth:`select`.
    """

    def __init__(
        self, lead_weight: float = 1.0, threshold: float = 0.1, damping: float = 0.85
    ) -> None:
        """Set the lead bonus, LexRank's edge threshold and its damping factor.

        The defaults were fixed before any evaluation (0.1 and 0.85 are the usual LexRank
        values; a lead bonus of 1 weighs an article's first sentence like one of the two
        centrality scores); ``eval/summaries.py --tune`` shows leave-one-theme-out tuning.
        """
        self.lead_weight = lead_weight
        self.threshold = threshold
        self.damping = damping

    def fit(self, items: Sequence[Candidate]) -> SentenceRanker:
        """Vectorise, fold near copies, and score ``items``."""
        self.items_ = list(items)
        if not self.items_:
            self.vectors_ = sparse.csr_matrix((0, 0))
            self.scores_ = np.zeros(0)
            return self
        lang = Counter(c.language for c in self.items_).most_common(1)[0][0]
        vec = TfidfVectorizer(analyzer=partial(content_tokens, language=lang), sublinear_tf=True)
        try:
            x = vec.fit_transform([c.text for c in self.items_])
        except ValueError:  # every sentence is stop words only
            x = sparse.csr_matrix(np.ones((len(self.items_), 1)))
        x = normalize(x)
        sim = (x @ x.T).toarray()
        self._fold_copies(sim)
        keep = [i for i in range(len(self.items_)) if i not in self._folded]
        self.items_ = [self.items_[i] for i in keep]
        x = x[keep]
        sim = sim[np.ix_(keep, keep)]
        self.vectors_ = x
        self.similarity_ = sim
        self.redundancy_ = claim_similarity(sim, [name_tokens(c.text) for c in self.items_])
        lex = self._lexrank(sim)
        centroid = normalize(np.asarray(x.mean(axis=0)))
        cen = np.asarray(x @ centroid.T).ravel()
        lead = np.array([1.0 / (1.0 + c.position) for c in self.items_])
        # Copies reported by several outlets are, by that fact, more central.
        support = np.array([1.0 + len(c.copies) for c in self.items_])
        self.scores_ = (_scale(lex) + _scale(cen)) * np.sqrt(support) + self.lead_weight * lead
        return self

    def _fold_copies(self, sim: np.ndarray) -> None:
        # Near-identical sentences (wire copy, light edits) become one candidate: the first
        # one read keeps the text, the others become its copies.
        self._folded: set[int] = set()
        for i in range(len(self.items_)):
            if i in self._folded:
                continue
            for j in range(i + 1, len(self.items_)):
                if j in self._folded or sim[i, j] < DUPLICATE_COSINE:
                    continue
                if self.items_[j].source.article_id == self.items_[i].source.article_id:
                    continue
                a, b = self.items_[i], self.items_[j]
                self.items_[i] = Candidate(
                    a.text,
                    a.source,
                    min(a.position, b.position),
                    (*a.copies, b.source, *b.copies),
                    a.language,
                )
                self._folded.add(j)

    def _lexrank(self, sim: np.ndarray) -> np.ndarray:
        n = sim.shape[0]
        adj = (sim >= self.threshold).astype(float)
        deg = adj.sum(axis=1, keepdims=True)
        trans = adj / np.where(deg == 0, 1, deg)
        p = np.full(n, 1.0 / n)
        for _ in range(100):
            nxt = (1 - self.damping) / n + self.damping * trans.T @ p
            if np.abs(nxt - p).sum() < 1e-8:
                return nxt
            p = nxt
        return p

    def select(self, max_words: int | None = None, max_sentences: int | None = None) -> Summary:
        """Best sentences, skipping near repeats, up to a word or sentence budget.

        The last sentence may take the summary past ``max_words`` (sentences are never cut);
        the result is in reading order (by source article, then position).
        """
        order = np.argsort(-self.scores_, kind="stable")
        chosen: list[int] = []
        n_words = 0
        for i in order:
            if max_sentences is not None and len(chosen) >= max_sentences:
                break
            if max_words is not None and n_words >= max_words:
                break
            if any(self.redundancy_[i, j] >= REDUNDANT for j in chosen):
                continue
            chosen.append(int(i))
            n_words += len(words(self.items_[i].text))
        sentences = [
            SummarySentence(
                c.text,
                c.source.article_id,
                c.source.start,
                c.source.end,
                float(self.scores_[i]),
                c.copies,
            )
            for i in chosen
            for c in [self.items_[i]]
        ]
        rank = {
            aid: k for k, aid in enumerate(dict.fromkeys(c.source.article_id for c in self.items_))
        }
        sentences.sort(key=lambda s: (rank[s.article_id], s.start))
        return Summary(tuple(sentences))


def _scale(v: np.ndarray) -> np.ndarray:
    lo, hi = float(v.min()), float(v.max())
    return (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)


def summarise(
    articles: Sequence[Article],
    max_words: int | None = 100,
    max_sentences: int | None = None,
    ranker: SentenceRanker | None = None,
) -> Summary:
    """Extractive summary of the articles of one event (oldest first is best).

    The summary is written in the event's main language (that of most of its articles):
    sentences of articles in other languages are left out rather than mixed in.
    """
    langs = Counter(a.language or "fr" for a in articles)
    main = langs.most_common(1)[0][0] if langs else "fr"
    items = [c for c in candidates(articles) if c.language == main]
    r = (ranker or SentenceRanker()).fit(items)
    return r.select(max_words=max_words, max_sentences=max_sentences)


def event_sentence(
    articles: Sequence[Article], ranker: SentenceRanker | None = None
) -> SummarySentence | None:
    """The one sentence that best says what happened in an event, or ``None`` (no text)."""
    s = summarise(articles, max_words=None, max_sentences=1, ranker=ranker)
    return s.sentences[0] if s.sentences else None


def story_paragraph(
    events: Sequence[Sequence[Article]],
    max_sentences: int = 4,
    ranker: SentenceRanker | None = None,
) -> Summary:
    """A short paragraph for a story: the best sentence of each of its most central events.

    ``events`` is the story's events in chronological order, each as its articles. Each
    event contributes its best sentence; when there are more events than ``max_sentences``,
    the events whose sentence is most central to the whole story are kept. Sentences stay in
    event order.
    """
    per_event = [event_sentence(arts, ranker) for arts in events]
    picked = [(k, s) for k, s in enumerate(per_event) if s is not None]
    if len(picked) > max_sentences:
        items = [Candidate(s.text, Provenance(s.article_id, s.start, s.end), 0) for _, s in picked]
        r = SentenceRanker(lead_weight=0.0).fit(items)
        score = {c.source: float(r.scores_[i]) for i, c in enumerate(r.items_)}
        best = sorted(
            picked,
            key=lambda ks: -score.get(Provenance(ks[1].article_id, ks[1].start, ks[1].end), 0.0),
        )[:max_sentences]
        picked = sorted(best)
    return Summary(tuple(s for _, s in picked))
