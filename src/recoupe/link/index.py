"""Active clusters (events or stories) with centroids, an inverted index, a decay and retirement.

This is the machinery shared by the event and story stages of the streaming clusterer, after
Miranda et al. (2018): each cluster keeps one TF-IDF centroid per field; candidates for a new
item are the clusters that share one of its heaviest terms in an inverted index (no comparison
with every cluster); the similarity is a weighted sum of per-field cosines times a time decay;
clusters idle for longer than a window are retired from the index so that the cost per item
stays flat however long the stream runs. Hand-written because no library offers an incremental
cluster index with retirement; the vector algebra itself is NumPy.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np

from recoupe.link import vectors as V
from recoupe.link.vectors import SparseVec

Vecs = dict[str, V.SparseVec]
#: IDF of features of a field, with the current document counts.
IdfFn = Callable[[str, np.ndarray], np.ndarray]
#: IDF of features of several fields, each given as ``slot * n_features + feature``.
PackedIdfFn = Callable[[np.ndarray], np.ndarray]
#: A centroid's weighted fields end to end: packed features, values, entries per field.
_Packed = tuple[np.ndarray, np.ndarray, list[int]]


def _flat_idf(field: str, idx: np.ndarray) -> np.ndarray:
    return np.ones(idx.size)


@dataclass
class Span:
    """First and last known dates of a cluster (days, float), ``None`` while all are undated."""

    lo: float | None = None
    hi: float | None = None

    def extend(self, day: float | None) -> None:
        """Include ``day`` in the span."""
        if day is None:
            return
        self.lo = day if self.lo is None else min(self.lo, day)
        self.hi = day if self.hi is None else max(self.hi, day)

    def gap(self, day: float | None) -> float | None:
        """Days between ``day`` and the span (0 inside it), ``None`` if either is unknown."""
        if day is None or self.lo is None or self.hi is None:
            return None
        return max(0.0, self.lo - day, day - self.hi)


@dataclass
class Scored:
    """One candidate's per-field cosines, its time decay and the combined score."""

    cluster: int
    components: dict[str, float]
    decay: float
    score: float


@dataclass
class ClusterIndex:
    """Centroids of the active clusters, with candidate lookup, scoring and retirement."""

    weights: dict[str, float]
    index_terms: dict[str, int]
    max_terms: dict[str, int]
    tau_days: float | None  # None: no decay, the idle window alone bounds the cluster in time
    window_days: float
    n_features: int = 2**20
    max_posting: int = 200
    centroids: dict[int, Vecs] = field(default_factory=dict)
    spans: dict[int, Span] = field(default_factory=dict)
    activity: dict[int, float] = field(default_factory=dict)
    updates: dict[int, int] = field(default_factory=dict)
    _postings: dict[int, set[int]] = field(default_factory=dict)
    _keys: dict[int, list[int]] = field(default_factory=dict)
    _heap: list[tuple[float, int]] = field(default_factory=list)
    _scratch: np.ndarray = field(default_factory=lambda: np.zeros(0))
    idf: IdfFn = _flat_idf
    #: Field -> slot of the packed feature space of ``packed_idf`` (see :meth:`pack_fields`).
    slots: dict[str, int] = field(default_factory=dict)
    packed_idf: PackedIdfFn | None = None
    _packed: dict[int, _Packed] = field(default_factory=dict)

    def pack_fields(self, fields: Sequence[str], packed_idf: PackedIdfFn,
                    n_features: int) -> None:
        """Score with one IDF call for all fields: field ``fields[i]``'s features at
        ``i * n_features`` (as :meth:`recoupe.link.vectors.RunningTfidf.packed_idf` wants)."""
        if n_features == self.n_features and set(self.weights) <= set(fields):
            self.slots = {name: i for i, name in enumerate(fields)}
            self.packed_idf = packed_idf
            self._packed.clear()

    # ------------------------------------------------------------------ updates

    def add(self, cid: int, vecs: Vecs, day: float | None, clock: float | None) -> None:
        """Add ``vecs`` to cluster ``cid`` (creating it), extend its span and re-index it."""
        cent = self.centroids.setdefault(cid, {})
        for name, limit in self.max_terms.items():
            summed = V.add(cent.get(name, V.EMPTY), vecs.get(name, V.EMPTY))
            if summed[0].size > limit * 3 // 2:  # truncate in steps: amortised cost
                summed = V.truncate(summed, limit, self.idf(name, summed[0]))
            cent[name] = summed
        self._packed.pop(cid, None)
        self.spans.setdefault(cid, Span()).extend(day)
        self._touch(cid, clock)
        count = self.updates[cid] = self.updates.get(cid, 0) + 1
        if count <= 4 or count % 8 == 0:  # top terms settle quickly: re-index now and then
            self._reindex(cid)

    def absorb(self, dst: int, src: int, clock: float | None) -> None:
        """Merge cluster ``src`` into ``dst`` (centroids summed, spans joined); ``src`` leaves."""
        if src in self.centroids:
            span = self.spans[src]
            self.add(dst, self.centroids[src], span.lo, clock)
            self.spans[dst].extend(span.hi)
        self.remove(src)
        if dst in self.centroids:
            self._reindex(dst)

    def move(self, src: int, dst: int, vecs: Vecs, clock: float | None) -> None:
        """Move ``vecs`` (a part of cluster ``src``) to cluster ``dst``."""
        if src in self.centroids:
            cent = self.centroids[src]
            for name in self.max_terms:
                cent[name] = _drop_zeros(V.add(cent.get(name, V.EMPTY),
                                               vecs.get(name, V.EMPTY), -1.0))
            self._packed.pop(src, None)
            self._reindex(src)
        self.add(dst, vecs, None, clock)

    def remove(self, cid: int) -> None:
        """Take cluster ``cid`` out of the active index (its record stays with the caller)."""
        for key in self._keys.pop(cid, []):
            posting = self._postings.get(key)
            if posting is not None:
                posting.discard(cid)
                if not posting:
                    del self._postings[key]
        self.centroids.pop(cid, None)
        self._packed.pop(cid, None)
        self.spans.pop(cid, None)
        self.activity.pop(cid, None)
        self.updates.pop(cid, None)

    def retire(self, clock: float | None) -> list[int]:
        """Remove the clusters idle since before ``clock - window_days``; return their ids."""
        if clock is None:
            return []
        gone = []
        while self._heap and self._heap[0][0] < clock - self.window_days:
            when, cid = heapq.heappop(self._heap)
            if self.activity.get(cid) == when:  # else a stale entry: the cluster moved on
                self.remove(cid)
                gone.append(cid)
        return gone

    def _touch(self, cid: int, clock: float | None) -> None:
        when = clock if clock is not None else -math.inf
        if self.activity.get(cid) != when:
            self.activity[cid] = when
            if clock is not None:  # clusters made before any date are retired on their next touch
                heapq.heappush(self._heap, (when, cid))

    def _reindex(self, cid: int) -> None:
        keys = self._query_keys(self.centroids[cid])
        old = self._keys.get(cid, [])
        for key in set(old) - set(keys):
            posting = self._postings.get(key)
            if posting is not None:
                posting.discard(cid)
        for key in keys:
            self._postings.setdefault(key, set()).add(cid)
        self._keys[cid] = keys

    def _query_keys(self, vecs: Vecs) -> list[int]:
        keys: list[int] = []
        for slot, (name, k) in enumerate(self.index_terms.items()):
            vec = vecs.get(name, V.EMPTY)
            top = V.top_indices(vec, k, self.idf(name, vec[0]))
            keys.extend((top + slot * self.n_features).tolist())
        return keys

    # ------------------------------------------------------------------ look-ups

    def candidates(self, vecs: Vecs, limit: int, exclude: int | None = None) -> list[int]:
        """Active clusters sharing the most index terms with ``vecs`` (at most ``limit``)."""
        postings = map(self._postings.get, self._query_keys(vecs))
        # a term everywhere says nothing; one Counter over all postings (same counts)
        hits = Counter(chain.from_iterable(
            p for p in postings if p and len(p) <= self.max_posting))
        if exclude is not None:
            hits.pop(exclude, None)
        # ties broken by id, not by set order, so that a reloaded index decides the same way:
        # sorted by id, then by count with a stable sort (C-level keys, no lambda per hit)
        ranked = sorted(hits)
        ranked.sort(key=hits.__getitem__, reverse=True)  # reverse=True keeps ties in order
        return ranked[:limit]

    def score(self, vecs: Vecs, cids: Iterable[int], day: float | None,
              weights: dict[str, float] | None = None) -> list[Scored]:
        """Weighted TF-IDF cosine of ``vecs`` with each cluster's centroid, times the decay.

        Both sides are weighted with the IDF of now (vectors and centroids hold TF only).
        ``weights`` replaces the index's own field weights for this call (e.g. to compare
        reports in two languages by their names alone).
        """
        cids = list(cids)
        if not cids:
            return []
        weights = self.weights if weights is None else weights
        return self._combine(vecs, cids, self._cosines(vecs, cids, weights), day, weights)

    def _cosines(self, vecs: Vecs, cids: list[int],
                 weights: dict[str, float]) -> dict[str, list[float]]:
        """Per field, the IDF-weighted cosine of ``vecs`` with each centroid (6 decimals)."""
        if self.packed_idf is not None and weights is self.weights:
            return self._packed_cosines(vecs, cids)
        return self._field_cosines(vecs, cids, weights)

    def score_clusters(self, cid: int, limit: int, at_least: float | None = None) -> list[Scored]:
        """Score cluster ``cid``'s own centroid against its candidate clusters (merge pass).

        With ``at_least``, nothing is returned when no candidate can score that much
        (:meth:`_bounds`): a caller that wants only such a candidate is spared the scoring.
        """
        query = self.centroids[cid]
        cands = self.candidates(query, limit, exclude=cid)
        if not cands:
            return []
        if (at_least is not None and self.packed_idf is not None
                and max(self._bounds(query, cands)) + 1e-6 < at_least):  # margin: rounding
            return []
        span = self.spans[cid]
        cosines = self._cosines(query, cands, self.weights)  # not day-dependent: once
        scored = self._combine(query, cands, cosines, span.lo, self.weights)
        if self.tau_days and span.hi is not None and span.hi != span.lo:
            # decay by the nearer end of the span (with no decay, both ends score the same)
            later = self._combine(query, cands, cosines, span.hi, self.weights)
            scored = [max(s, t, key=lambda x: x.score) for s, t in zip(scored, later, strict=True)]
        return scored

    def _packed_cosines(self, vecs: Vecs, cids: list[int]) -> dict[str, list[float]]:
        """:meth:`_field_cosines` with the index's own weights, from packed centroids.

        Each centroid's weighted fields are kept end to end (:meth:`_pack`, rebuilt when it
        changes), so that the candidates' features are gathered with two concatenations and
        weighted with one IDF call. Each (candidate, field) is still summed on its own, in
        index order, with ``bincount``: the same sums, so the same cosines.
        """
        names = list(self.weights)
        out = {name: [0.0] * len(cids) for name in names}  # a field the query lacks: 0
        present = [name for name in names if vecs.get(name, V.EMPTY)[0].size]
        if not present or not cids:
            return out
        assert self.packed_idf is not None
        packs = [self._pack(cid) for cid in cids]
        keys = np.concatenate([p[0] for p in packs])
        c_w = np.concatenate([p[1] for p in packs]) * self.packed_idf(keys)
        sizes = [n for p in packs for n in p[2]]  # owner: candidate * len(names) + field
        owner = np.repeat(np.arange(len(sizes)), sizes)
        buf = self._buffer(max(self.slots.values()) + 1)
        touched = [self._put_query(buf, self.slots[name], name, vecs[name]) for name in present]
        dots = np.bincount(owner, weights=buf[keys] * c_w, minlength=len(sizes))
        for pos in touched:
            buf[pos] = 0.0
        norms = np.sqrt(np.bincount(owner, weights=c_w * c_w, minlength=len(sizes)))
        cos = np.divide(dots, norms, out=np.zeros(len(sizes)), where=norms > 0)
        columns = cos.reshape(len(cids), len(names)).T.tolist()
        for name in present:
            out[name] = [round(c, 6) for c in columns[names.index(name)]]
        return out

    def _bounds(self, vecs: Vecs, cids: list[int]) -> list[float]:
        """Upper bounds of the scores of ``vecs`` against each cluster, without their IDF.

        By Cauchy-Schwarz a field's cosine is at most the norm of the unit query restricted to
        the features the centroid shares: that needs the centroid's features, not its weighted
        norm (the costly part of a cosine, an IDF per entry). The decay is at most 1.
        """
        names = list(self.weights)
        present = [(k, self.weights[n]) for k, n in enumerate(names)
                   if vecs.get(n, V.EMPTY)[0].size]
        if not present or not cids:
            return [0.0] * len(cids)
        packs = [self._pack(cid) for cid in cids]
        keys = np.concatenate([p[0] for p in packs])
        sizes = [n for p in packs for n in p[2]]
        owner = np.repeat(np.arange(len(sizes)), sizes)
        buf = self._buffer(max(self.slots.values()) + 1)
        touched = [self._put_query(buf, self.slots[names[k]], names[k], vecs[names[k]])
                   for k, _ in present]
        shared = buf[keys]
        for pos in touched:
            buf[pos] = 0.0
        mass = np.bincount(owner, weights=shared * shared, minlength=len(sizes))
        per_field = np.minimum(np.sqrt(mass), 1.0).reshape(len(cids), len(names))
        weights = np.zeros(len(names))
        for k, w in present:
            weights[k] = w
        return (per_field @ weights / (sum(w for _, w in present) or 1.0)).tolist()

    def _pack(self, cid: int) -> _Packed:
        """Cluster ``cid``'s fields of ``weights`` end to end, features offset by their slot."""
        packed = self._packed.get(cid)
        if packed is None:
            cent = self.centroids[cid]
            parts = [(self.slots[name], cent.get(name, V.EMPTY)) for name in self.weights]
            packed = self._packed[cid] = (
                np.concatenate([p[0] + slot * self.n_features for slot, p in parts]),
                np.concatenate([p[1] for _, p in parts]),
                [p[0].size for _, p in parts],
            )
        return packed

    def _field_cosines(self, vecs: Vecs, cids: list[int],
                       weights: dict[str, float]) -> dict[str, list[float]]:
        """Per field, the IDF-weighted cosine of ``vecs`` with each centroid (6 decimals).

        All candidates and fields at once: the centroids are concatenated (field ``slot``'s
        features offset by ``slot * n_features``), weighted with one IDF call per field and
        summed per (field, candidate) with ``bincount``. A loop over candidates spent its time
        in NumPy call overhead on arrays of a few hundred entries.
        """
        out = {name: [0.0] * len(cids) for name in weights}  # a field the query lacks: 0
        names = [name for name in weights if vecs.get(name, V.EMPTY)[0].size]
        if not names or not cids:
            return out
        cents = [self.centroids[cid] for cid in cids]
        buf = self._buffer(len(names))
        idx_parts: list[np.ndarray] = []
        w_parts: list[np.ndarray] = []
        touched: list[np.ndarray] = []
        sizes: list[int] = []
        for slot, name in enumerate(names):
            parts = [cent.get(name, V.EMPTY) for cent in cents]
            c_idx = np.concatenate([p[0] for p in parts])
            w_parts.append(np.concatenate([p[1] for p in parts]) * self.idf(name, c_idx))
            idx_parts.append(c_idx + slot * self.n_features)
            sizes.extend(p[0].size for p in parts)
            touched.append(self._put_query(buf, slot, name, vecs[name]))
        c_w = np.concatenate(w_parts)
        idx = np.concatenate(idx_parts)
        owner = np.repeat(np.arange(len(sizes)), sizes)  # slot * len(cids) + candidate
        dots = np.bincount(owner, weights=buf[idx] * c_w, minlength=len(sizes))
        for pos in touched:
            buf[pos] = 0.0
        norms = np.sqrt(np.bincount(owner, weights=c_w * c_w, minlength=len(sizes)))
        cos = np.divide(dots, norms, out=np.zeros(len(sizes)), where=norms > 0)
        for slot, row in enumerate(cos.reshape(len(names), len(cids)).tolist()):
            out[names[slot]] = [round(c, 6) for c in row]
        return out

    def _put_query(self, buf: np.ndarray, slot: int, name: str, vec: SparseVec) -> np.ndarray:
        """Write the unit IDF-weighted query field into its slot of ``buf``; return positions."""
        q_idx, q_val = vec
        q_w = q_val * self.idf(name, q_idx)
        q_norm = float(np.sqrt(np.dot(q_w, q_w)))
        pos = q_idx + slot * self.n_features
        buf[pos] = q_w / q_norm if q_norm else 0.0
        return pos

    def _combine(self, vecs: Vecs, cids: list[int], cosines: dict[str, list[float]],
                 day: float | None, weights: dict[str, float]) -> list[Scored]:
        """Weighted sum of the cosines of the fields ``vecs`` has, times each decay."""
        names = list(weights)
        present = [(k, w) for k, (n, w) in enumerate(weights.items())
                   if vecs.get(n, V.EMPTY)[0].size]
        total_w = sum(w for _, w in present) or 1.0
        out = []
        columns = [cosines[n] for n in names]
        for cid, row in zip(cids, zip(*columns, strict=True), strict=True):
            gap = self.spans[cid].gap(day)
            decay = 1.0 if gap is None or not self.tau_days else math.exp(-gap / self.tau_days)
            base = sum([w * row[k] for k, w in present]) / total_w
            out.append(Scored(cid, dict(zip(names, row, strict=True)), round(decay, 6),
                              base * decay))
        return out

    def _buffer(self, slots: int) -> np.ndarray:
        """A zeroed dense vector with at least ``slots`` field slots of ``n_features`` (kept,
        reused; callers zero what they wrote)."""
        size = max(slots, len(self.weights)) * self.n_features
        if self._scratch.size < size:
            self._scratch = np.zeros(size, dtype=np.float64)
        return self._scratch

    # ------------------------------------------------------------------ state

    def to_state(self) -> dict[str, Any]:
        """JSON-able active clusters (centroids, spans, activity, index keys)."""
        return {
            "centroids": {str(c): {n: V.to_plain(v) for n, v in vs.items()}
                          for c, vs in self.centroids.items()},
            "spans": {str(c): [s.lo, s.hi] for c, s in self.spans.items()},
            "activity": {str(c): (None if a == -math.inf else a)
                         for c, a in self.activity.items()},
            "heap": [[w, c] for w, c in self._heap],
            "keys": {str(c): k for c, k in self._keys.items()},
            "updates": {str(c): n for c, n in self.updates.items()},
        }

    def load_state(self, state: dict[str, Any]) -> None:
        """Restore :meth:`to_state` data into this (freshly configured) index."""
        for c, vs in state["centroids"].items():
            self.centroids[int(c)] = {n: V.from_plain(v) for n, v in vs.items()}
        for c, (lo, hi) in state["spans"].items():
            self.spans[int(c)] = Span(lo, hi)
        for c, a in state["activity"].items():
            self.activity[int(c)] = -math.inf if a is None else a
        self._heap = [(w, c) for w, c in state["heap"]]
        heapq.heapify(self._heap)
        self.updates = {int(c): n for c, n in state["updates"].items()}
        for c, keys in state["keys"].items():  # saved, not recomputed: IDF has moved since
            self._keys[int(c)] = list(keys)
            for key in keys:
                self._postings.setdefault(key, set()).add(int(c))


def _drop_zeros(v: SparseVec) -> SparseVec:
    keep = v[1] > 1e-9
    return v[0][keep], v[1][keep]


def unit(vecs: Vecs) -> Vecs:
    """Every field of ``vecs`` scaled to unit length."""
    return {n: V.normalised(v) for n, v in vecs.items()}


__all__ = ["ClusterIndex", "Scored", "Span", "SparseVec", "Vecs", "unit"]
