"""The cluster index's vectorised scoring against a per-candidate reference, and its state."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from recoupe.link import vectors as V
from recoupe.link.index import ClusterIndex, Scored, Vecs

FIELDS = {"body": 0.5, "title": 0.2, "entities": 0.3}
N = 5000


def _vec(rng: np.random.Generator, size: int) -> V.SparseVec:
    idx = np.sort(rng.choice(N, size=size, replace=False)).astype(np.int64)
    return idx, rng.random(size) + 0.01


def _vecs(rng: np.random.Generator, empty: str | None = None) -> Vecs:
    return {f: V.EMPTY if f == empty else _vec(rng, int(rng.integers(5, 60))) for f in FIELDS}


def _idf(field: str, idx: np.ndarray) -> np.ndarray:
    return 1.0 + (idx % 7) / 3.0  # any positive weights: the reference uses the same


def _index() -> ClusterIndex:
    return ClusterIndex(weights=dict(FIELDS), index_terms={"body": 8, "entities": 4},
                        max_terms={f: 40 for f in FIELDS}, tau_days=3.0, window_days=10.0,
                        n_features=N, idf=_idf)


def _reference(index: ClusterIndex, vecs: Vecs, cids: list[int], day: float | None) -> list[Scored]:
    """The scoring as it was written before it was vectorised: one dot product per candidate."""
    present = {n: w for n, w in index.weights.items() if vecs.get(n, V.EMPTY)[0].size}
    total_w = sum(present.values()) or 1.0
    out = []
    for cid in cids:
        comps = {}
        for name in index.weights:
            q_idx, q_val = vecs.get(name, V.EMPTY)
            q = np.zeros(N)
            q_w = q_val * _idf(name, q_idx)
            q_norm = float(np.sqrt(np.dot(q_w, q_w)))
            q[q_idx] = q_w / q_norm if q_norm else 0.0
            c_idx, c_val = index.centroids[cid][name]
            c_w = c_val * _idf(name, c_idx)
            c_norm = float(np.sqrt(np.dot(c_w, c_w)))
            comps[name] = round(float(np.dot(q[c_idx], c_w)) / c_norm if c_norm else 0.0, 6)
        gap = index.spans[cid].gap(day)
        decay = 1.0 if gap is None else math.exp(-gap / 3.0)
        base = sum(w * comps[n] for n, w in present.items()) / total_w
        out.append(Scored(cid, comps, round(decay, 6), base * decay))
    return out


@pytest.fixture()
def filled() -> ClusterIndex:
    rng = np.random.default_rng(11)
    index = _index()
    for i in range(60):
        index.add(i % 25, _vecs(rng, empty="title" if i % 9 == 0 else None), i / 10, i / 10)
    return index


def test_vectorised_score_matches_the_per_candidate_reference(filled: ClusterIndex) -> None:
    rng = np.random.default_rng(5)
    for trial in range(30):
        vecs = _vecs(rng, empty="entities" if trial % 4 == 0 else None)
        cids = filled.candidates(vecs, 20)
        day = None if trial % 5 == 0 else float(trial % 7)
        got = filled.score(vecs, cids, day)
        want = _reference(filled, vecs, cids, day)
        assert [(s.cluster, s.components, s.decay) for s in got] == \
               [(s.cluster, s.components, s.decay) for s in want]
        assert [s.score for s in got] == pytest.approx([s.score for s in want], abs=1e-12)


def test_score_of_nothing_and_of_an_empty_query(filled: ClusterIndex) -> None:
    assert filled.score(_vecs(np.random.default_rng(1)), [], 1.0) == []
    empty = {f: V.EMPTY for f in FIELDS}
    assert all(s.score == 0.0 for s in filled.score(empty, [0, 1], 1.0))


def test_candidates_rank_by_shared_terms_then_id() -> None:
    index = _index()
    shared = (np.arange(8, dtype=np.int64), np.linspace(1.0, 2.0, 8))
    for cid in (3, 1, 2):
        index.add(cid, {"body": shared}, 0.0, 0.0)
    index.add(0, {"body": (shared[0][:2], shared[1][:2])}, 0.0, 0.0)
    assert index.candidates({"body": shared}, 10) == [1, 2, 3, 0]
    assert index.candidates({"body": shared}, 2, exclude=1) == [2, 3]


def test_score_clusters_takes_the_nearer_end_of_the_span(filled: ClusterIndex) -> None:
    cid = 4
    span = filled.spans[cid]
    assert span.lo != span.hi
    cands = filled.candidates(filled.centroids[cid], 20, exclude=cid)
    lo = filled.score(filled.centroids[cid], cands, span.lo)
    hi = filled.score(filled.centroids[cid], cands, span.hi)
    want = [max(a, b, key=lambda s: s.score) for a, b in zip(lo, hi, strict=True)]
    assert filled.score_clusters(cid, 20) == want


def test_state_round_trip_scores_the_same(filled: ClusterIndex) -> None:
    again = _index()
    again.load_state(json.loads(json.dumps(filled.to_state())))
    vecs = _vecs(np.random.default_rng(8))
    cids = filled.candidates(vecs, 20)
    assert again.candidates(vecs, 20) == cids
    assert again.score(vecs, cids, 2.0) == filled.score(vecs, cids, 2.0)


def _packed(index: ClusterIndex) -> ClusterIndex:
    """A copy of ``index`` that scores from packed centroids (one IDF call for all fields)."""
    again = _index()
    again.load_state(json.loads(json.dumps(index.to_state())))
    again.pack_fields(["names", *FIELDS], lambda keys: _idf("", keys % N), N)
    return again


def test_packed_scoring_is_the_field_by_field_scoring(filled: ClusterIndex) -> None:
    packed = _packed(filled)
    rng = np.random.default_rng(9)
    for trial in range(20):
        vecs = _vecs(rng, empty="body" if trial % 3 == 0 else None)
        cids = filled.candidates(vecs, 20)
        assert packed.score(vecs, cids, 1.5) == filled.score(vecs, cids, 1.5)
        if trial == 10:  # centroids that change are packed again
            for index in (filled, packed):
                index.move(2, 3, index.centroids[1], 2.0)
                index.absorb(5, 6, 2.0)
    assert [packed.score_clusters(c, 20) for c in range(8) if c in packed.centroids] == \
           [filled.score_clusters(c, 20) for c in range(8) if c in filled.centroids]


def test_bounds_are_never_below_the_scores(filled: ClusterIndex) -> None:
    packed = _packed(filled)
    rng = np.random.default_rng(3)
    for _ in range(20):
        vecs = _vecs(rng)
        cids = packed.candidates(vecs, 20)
        bounds = packed._bounds(vecs, cids)
        scores = [s.score for s in packed.score(vecs, cids, None)]
        assert all(b + 1e-9 >= s for b, s in zip(bounds, scores, strict=True))
    for cid in list(packed.centroids):
        best = max((s.score for s in packed.score_clusters(cid, 20)), default=0.0)
        for bar in (0.05, 0.2, 0.4, 0.8):
            kept = packed.score_clusters(cid, 20, at_least=bar)
            assert kept or best < bar
