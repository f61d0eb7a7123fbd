"""Running TF-IDF: the memoised hashed counts are exactly scikit-learn's, and state round-trips."""

from __future__ import annotations

import json

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from recoupe.link import vectors as V
from recoupe.link.vectors import RunningTfidf

WORDS = ["pont", "valcombe", "élysée", "日本", "PER:hélène tardivet", "", "a" * 300, "x\x00y"]


def _hashed(docs: list[list[str]], n_features: int) -> V.sparse.csr_matrix:
    hasher = HashingVectorizer(analyzer=lambda d: d, n_features=n_features,
                               alternate_sign=False, norm=None)
    return hasher.transform(docs).tocsr()


def test_counts_equal_hashing_vectorizer() -> None:
    rng = np.random.default_rng(2)
    vocab = WORDS + [f"mot{i}" for i in range(3000)]
    docs = [list(rng.choice(vocab, size=int(rng.integers(0, 80)))) for _ in range(50)]
    docs.append([])
    for n_features in (2**20, 1000):
        tfidf = RunningTfidf(["body"], n_features=n_features)
        for _ in range(2):  # the second time from the memo
            got, want = tfidf.counts(docs), _hashed(docs, n_features)
            assert got.shape == want.shape
            assert np.array_equal(got.indptr, want.indptr)
            assert np.array_equal(got.indices, want.indices)
            assert np.array_equal(got.data, want.data)


def test_feature_memo_is_bounded() -> None:
    tfidf = RunningTfidf(["body"])
    tfidf._features.limit = 10
    docs = [[f"w{i}" for i in range(25)]]
    assert np.array_equal(tfidf.counts(docs).indices, _hashed(docs, 2**20).indices)
    assert len(tfidf._features) <= 10


def test_transform_weights_and_state_round_trip() -> None:
    tfidf = RunningTfidf(["body", "title"])
    rows = {"body": tfidf.counts([["pont", "pont", "orbe"], ["foire"]]),
            "title": tfidf.counts([["pont"], []])}
    first = tfidf.transform(rows, 0)
    assert np.isclose(V.norm(first["body"]), 1.0)
    again = RunningTfidf.from_state(json.loads(json.dumps(tfidf.to_state())))
    assert again.n_docs == 1
    assert np.array_equal(again.idf("body", first["body"][0]), tfidf.idf("body", first["body"][0]))
    assert again.transform(rows, 1)["title"] is V.EMPTY
