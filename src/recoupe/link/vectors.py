"""Online TF-IDF vectors: hashed term counts with document frequencies that evolve with the stream.

Terms are hashed to feature indices as scikit-learn's
:class:`~sklearn.feature_extraction.text.HashingVectorizer` hashes them (its MurmurHash3, no
vocabulary, so nothing has to be refitted when new words appear), with the index of each term
memoised because the same terms come back in article after article. The IDF
is computed from running document-frequency counts kept here (scikit-learn's ``TfidfTransformer``
needs a fit on the whole corpus, which a stream never has). Vectors are kept as small
``(indices, values)`` pairs because event centroids are truncated and summed one article at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.utils import murmurhash3_32

#: A sparse vector: sorted feature indices and their weights.
SparseVec = tuple[np.ndarray, np.ndarray]

EMPTY: SparseVec = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class _FeatureCache(dict[str, int]):
    """Term -> hashed feature index, exactly as :class:`HashingVectorizer` (``alternate_sign``
    off) computes it, memoised: the same terms come back in article after article.

    Emptied when it reaches ``limit`` entries, so that an endless stream cannot grow it forever.
    """

    limit = 1_000_000

    def __init__(self, n_features: int) -> None:
        super().__init__()
        self.n_features = n_features

    def __missing__(self, term: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        h = murmurhash3_32(term, seed=0)
        # sklearn's _hashing_fast: abs() of the signed 32-bit hash, with -2**31 special-cased
        n = self.n_features
        value = self[term] = (2**31 - 1 - (n - 1)) % n if h == -(2**31) else abs(h) % n
        return value


class RunningTfidf:
    """Sublinear TF-IDF over hashed terms, with document frequencies counted as documents arrive.

    ``transform`` updates the counts with each document *before* weighting it (so a document's
    own terms are known) and never revisits earlier vectors: weights are those of their time.
    """

    def __init__(self, fields: Sequence[str], n_features: int = 2**20) -> None:
        self.fields = tuple(fields)
        self.n_features = n_features
        self.n_docs = 0
        #: One array for all fields (field ``i`` at ``i * n_features``), so that the features of
        #: several fields are weighted in one call (:meth:`packed_idf`); ``df`` holds its views.
        self._df = np.zeros(len(self.fields) * n_features, dtype=np.int32)
        self.df = {f: self._df[i * n_features : (i + 1) * n_features]
                   for i, f in enumerate(self.fields)}
        self._features = _FeatureCache(n_features)

    def counts(self, terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Hashed term counts of a batch of term lists (one row per document).

        The same matrix as ``HashingVectorizer.transform`` (sorted indices, summed duplicates),
        built from memoised feature indices with one ``np.unique`` over the whole batch.
        """
        n = self.n_features
        sizes = [len(doc) for doc in terms]
        flat = np.fromiter(map(self._features.__getitem__, chain.from_iterable(terms)),
                           dtype=np.int64, count=sum(sizes))
        rows = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        keys, counts = np.unique(rows * n + flat, return_counts=True)  # sorted by row, feature
        row_of = keys // n
        indptr = np.zeros(len(sizes) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row_of, minlength=len(sizes)), out=indptr[1:])
        return sparse.csr_matrix(
            (counts.astype(np.float64), (keys - row_of * n).astype(np.int32), indptr),
            shape=(len(sizes), n),
        )

    def transform(self, rows: dict[str, sparse.csr_matrix], i: int) -> dict[str, SparseVec]:
        """Count row ``i`` of each field's batch in the DF; return its unit sublinear-TF vectors.

        The IDF is applied at comparison time (:meth:`idf`), with the counts of that time, so
        that vectors and centroids made while the counts were still few are not stuck with the
        poor weights of a cold start.
        """
        self.n_docs += 1
        out: dict[str, SparseVec] = {}
        for field, matrix in rows.items():
            lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
            idx = matrix.indices[lo:hi].astype(np.int64)
            if idx.size == 0:
                out[field] = EMPTY
                continue
            self.df[field][idx] += 1
            tf = 1.0 + np.log(matrix.data[lo:hi])
            order = np.argsort(idx)
            out[field] = (idx[order], tf[order] / np.linalg.norm(tf))
        return out

    def idf(self, field: str, idx: np.ndarray) -> np.ndarray:
        """Smoothed IDF of features ``idx`` of ``field`` with the current counts."""
        return np.log((1.0 + self.n_docs) / (1.0 + self.df[field][idx])) + 1.0

    def packed_idf(self, keys: np.ndarray) -> np.ndarray:
        """:meth:`idf` of features of several fields, each as ``i * n_features + feature``
        (``i``: the field's position in ``fields``): the same values, in one call."""
        return np.log((1.0 + self.n_docs) / (1.0 + self._df[keys])) + 1.0

    def to_state(self) -> dict[str, Any]:
        """JSON-able counts (non-zero entries only)."""
        df = {}
        for field, arr in self.df.items():
            nz = np.flatnonzero(arr)
            df[field] = [nz.tolist(), arr[nz].tolist()]
        return {"fields": list(self.fields), "n_features": self.n_features,
                "n_docs": self.n_docs, "df": df}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> RunningTfidf:
        """Rebuild from :meth:`to_state` data."""
        tfidf = cls(state["fields"], state["n_features"])
        tfidf.n_docs = state["n_docs"]
        for field, (idx, cnt) in state["df"].items():
            tfidf.df[field][np.asarray(idx, dtype=np.int64)] = cnt
        return tfidf


def add(a: SparseVec, b: SparseVec, scale: float = 1.0) -> SparseVec:
    """``a + scale * b`` for sorted sparse vectors (a stable sort and ``reduceat``)."""
    if a[0].size == 0:
        return (b[0].copy(), b[1] * scale)
    if b[0].size == 0:
        return a
    idx = np.concatenate([a[0], b[0]])
    val = np.concatenate([a[1], b[1] * scale])
    order = np.argsort(idx, kind="stable")  # two sorted runs: a merge
    idx, val = idx[order], val[order]
    starts = np.flatnonzero(np.concatenate(([True], idx[1:] != idx[:-1])))
    return idx[starts], np.add.reduceat(val, starts)


def truncate(v: SparseVec, k: int, weights: np.ndarray | None = None) -> SparseVec:
    """The ``k`` heaviest entries of ``v``, by ``v`` times ``weights`` if given.

    Centroids are truncated to bound memory and time.
    """
    if v[0].size <= k:
        return v
    score = v[1] if weights is None else v[1] * weights
    keep = np.sort(np.argpartition(score, -k)[-k:])
    return v[0][keep], v[1][keep]


def top_indices(v: SparseVec, k: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Feature indices of the ``k`` heaviest entries of ``v`` (times ``weights`` if given)."""
    if v[0].size <= k:
        return v[0]
    score = v[1] if weights is None else v[1] * weights
    return v[0][np.argpartition(score, -k)[-k:]]


def norm(v: SparseVec) -> float:
    """Euclidean norm of ``v``."""
    return float(np.sqrt(np.dot(v[1], v[1])))


def normalised(v: SparseVec) -> SparseVec:
    """``v`` scaled to unit length (unchanged if empty)."""
    n = norm(v)
    return v if n == 0.0 else (v[0], v[1] / n)


def to_plain(v: SparseVec) -> list[list[Any]]:
    """JSON-able form of a sparse vector."""
    return [v[0].tolist(), v[1].tolist()]


def from_plain(data: list[list[Any]]) -> SparseVec:
    """Inverse of :func:`to_plain`."""
    return np.asarray(data[0], dtype=np.int64), np.asarray(data[1], dtype=np.float64)
