"""What event clustering and story threading share: an indexed set of clusters with records.

Both stages keep the same things (thresholds, a :class:`ClusterIndex` of active centroids,
one record per cluster, active or retired) and do the same look-ups; a subclass says only how
its index is shaped and what its record is.
"""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar, Generic, Self, TypeVar

from recoupe.link.index import ClusterIndex, Scored, Vecs

R = TypeVar("R")


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
        self.index = ClusterIndex(
            weights=dict(weights or self.default_weights),
            index_terms=dict(self.index_terms),
            max_terms=dict(self.max_terms),
            tau_days=tau_days,
            window_days=window_days,
        )
        self.records: dict[int, R] = {}
        self.next_id = 0

    def ranked(self, vecs: Vecs, day: float | None) -> list[Scored]:
        """Active clusters scored against ``vecs`` (found through the index), best first."""
        cands = self.index.candidates(vecs, self.max_candidates)
        return sorted(self.index.score(vecs, cands, day), key=lambda s: (-s.score, s.cluster))

    def nearest(self, cid: int) -> Scored | None:
        """The active cluster whose centroid is most like cluster ``cid``'s, if it is active."""
        if cid not in self.index.centroids:
            return None
        scored = self.index.score_clusters(cid, self.max_candidates)
        return max(scored, key=lambda s: (s.score, -s.cluster), default=None)

    def new_id(self) -> int:
        """The internal number of the next cluster."""
        cid = self.next_id
        self.next_id += 1
        return cid

    def to_state(self) -> dict[str, Any]:
        """JSON-able clusters (parameters, records and active centroids)."""
        return {
            "params": {
                "threshold": self.threshold,
                "merge_threshold": self.merge_threshold,
                "tau_days": self.index.tau_days,
                "window_days": self.index.window_days,
                "max_candidates": self.max_candidates,
                "weights": self.index.weights,
                "max_fragment": self.max_fragment,
            },
            "next_id": self.next_id,
            "records": {str(c): vars(r) for c, r in self.records.items()},
            "index": self.index.to_state(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Self:
        """Rebuild from :meth:`to_state` data."""
        clusters = cls(**state["params"])
        clusters.next_id = state["next_id"]
        clusters.records = {int(c): cls.record_type(**r) for c, r in state["records"].items()}
        clusters.index.load_state(state["index"])
        return clusters
