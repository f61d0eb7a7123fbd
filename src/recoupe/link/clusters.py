"""What event clustering and story threading share: an indexed set of clusters with records.

Both stages keep the same things (thresholds, a :class:`ClusterIndex` of active centroids,
one record per cluster, active or retired) and do the same look-ups; a subclass says only how
its index is shaped and what its record is.
"""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar, Generic, Self, TypeVar

from recoupe.link.index import ClusterIndex, Scored, Vecs
from recoupe.link.vectors import SparseVec

R = TypeVar("R")

#: The field that holds an article's names: the only one compared across languages.
NAMES = "names"


def stable_id(prefix: str, seed: str) -> str:
    """An identifier derived from a founding member, so that rebuilding gives the same ids."""
    return f"{prefix}-{hashlib.sha1(seed.encode('utf-8')).hexdigest()[:12]}"


class ClusterSet(Generic[R]):
    """Clusters of a stream: thresholds, the active-centroid index, and a record per cluster.

    ``threshold`` is the score needed to join a cluster; ``merge_threshold`` (by default the
    same) the centroid similarity at which two clusters merge; clusters of at most
    ``max_fragment`` members count as fragments when merging.
    """

    record_type: ClassVar[type]
    index_type: ClassVar[type[ClusterIndex]] = ClusterIndex
    default_weights: ClassVar[dict[str, float]]
    index_terms: ClassVar[dict[str, int]]
    max_terms: ClassVar[dict[str, int]]

    def __init__(
        self,
        threshold: float,
        merge_threshold: float | None,
        tau_days: float | None,
        window_days: float,
        max_candidates: int = 20,
        weights: dict[str, float] | None = None,
        max_fragment: int = 3,
    ) -> None:
        self.threshold = threshold
        self.max_fragment = max_fragment
        self.merge_threshold = threshold if merge_threshold is None else merge_threshold
        self.max_candidates = max_candidates
        self.index = self.index_type(
            weights=dict(weights or self.default_weights),
            index_terms=dict(self.index_terms),
            max_terms=dict(self.max_terms),
            tau_days=tau_days,
            window_days=window_days,
        )
        self.records: dict[int, R] = {}
        self.next_id = 0
        #: The language each cluster was founded in: a report in another language is compared
        #: by the names it shares (entity keys), its words being in another tongue.
        self.languages: dict[int, str] = {}

    def ranked(self, vecs: Vecs, day: float | None, language: str | None = None) -> list[Scored]:
        """Active clusters scored against ``vecs`` (found through the index), best first.

        A cluster founded in another language than ``language`` is scored on the shared names
        alone (the ``names`` field, :meth:`names_scores`): body words, title, lemmas and entity
        types of two languages do not compare.
        """
        return self.rank_in(self.index, vecs, day, language)

    def rank_in(self, index: ClusterIndex, vecs: Vecs, day: float | None,
                language: str | None) -> list[Scored]:
        """:meth:`ranked`, over the clusters of ``index``."""
        words = {f: v for f, v in vecs.items() if f != NAMES}
        cands = index.candidates(words, self.max_candidates)
        own = [c for c in cands if self.speaks(c, language)]
        scored = index.score(vecs, own, day)
        if language is not None and NAMES in vecs:
            found = index.candidates({NAMES: vecs[NAMES]}, self.max_candidates)
            foreign = [c for c in dict.fromkeys(cands + found) if not self.speaks(c, language)]
            scored += names_scores(index, vecs[NAMES], foreign, day)
        return sorted(scored, key=lambda s: (-s.score, s.cluster))

    def speaks(self, cid: int, language: str | None) -> bool:
        """Whether cluster ``cid`` was founded in ``language`` (an unknown one matches any)."""
        known = self.languages.get(cid)
        return language is None or known is None or known == language

    def in_language(self, cid: int, vecs: Vecs, language: str | None) -> Vecs:
        """What an article in ``language`` adds to cluster ``cid``: everything, or its names.

        A report in another language adds only its names, so that the cluster's words stay
        comparable with the next report in its own language. The first report sets the language.
        """
        if language is not None:
            self.languages.setdefault(cid, language)
        if self.speaks(cid, language):
            return vecs
        return {NAMES: vecs[NAMES]} if NAMES in vecs else {}

    def merge_languages(self, dst: int, src: int) -> None:
        """Cluster ``dst`` took over ``src``: it keeps its own language (or takes ``src``'s)."""
        language = self.languages.pop(src, None)
        if language is not None:
            self.languages.setdefault(dst, language)

    def nearest(self, cid: int, at_least: float | None = None) -> Scored | None:
        """The active cluster whose centroid is most like cluster ``cid``'s, if it is active.

        With ``at_least``, ``None`` may also mean that none can score that much (see
        :meth:`ClusterIndex.score_clusters`): for callers that want only such a cluster.
        """
        if cid not in self.index.centroids:
            return None
        scored = self.index.score_clusters(cid, self.max_candidates, at_least)
        return max(scored, key=lambda s: (s.score, -s.cluster), default=None)

    def new_id(self) -> int:
        """The internal number of the next cluster."""
        cid = self.next_id
        self.next_id += 1
        return cid

    def params(self) -> dict[str, Any]:
        """Constructor arguments, as saved in the state."""
        return {
            "threshold": self.threshold,
            "merge_threshold": self.merge_threshold,
            "tau_days": self.index.tau_days,
            "window_days": self.index.window_days,
            "max_candidates": self.max_candidates,
            "weights": self.index.weights,
            "max_fragment": self.max_fragment,
        }

    def to_state(self) -> dict[str, Any]:
        """JSON-able clusters (parameters, records and active centroids)."""
        return {
            "params": self.params(),
            "next_id": self.next_id,
            "records": {str(c): vars(r) for c, r in self.records.items()},
            "languages": {str(c): langs for c, langs in self.languages.items()},
            "index": self.index.to_state(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Self:
        """Rebuild from :meth:`to_state` data."""
        clusters = cls(**state["params"])
        clusters.next_id = state["next_id"]
        clusters.records = {int(c): cls.record_type(**r) for c, r in state["records"].items()}
        clusters.languages = {int(c): v for c, v in state.get("languages", {}).items()}
        clusters.index.load_state(state["index"])
        return clusters


def names_scores(index: ClusterIndex, names: SparseVec, cids: list[int],
                 day: float | None) -> list[Scored]:
    """IDF-weighted cosine of an article's names with each cluster's, times the time decay.

    The ``names`` field has no weight in the index's own score, which compares articles in one
    language; this is the comparison across languages.
    """
    return index.score({NAMES: names}, cids, day, weights={NAMES: 1.0})
