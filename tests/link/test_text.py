"""Text features: shingle hashes (unique, sorted, stable) and their bounded word-hash memo."""

from __future__ import annotations

import zlib

import numpy as np

from recoupe.link import text as T


def _reference(words: list[str], k: int) -> np.ndarray:
    h = np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint64)
    k = min(k, h.size)
    n = h.size - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc = acc * np.uint64(1_000_003) + h[j : j + n]
    return np.unique(acc & np.uint64(0xFFFFFFFF))


def test_shingle_hashes_match_the_reference() -> None:
    rng = np.random.default_rng(0)
    vocab = ["pont", "orbe", "élysée", "valcombe", "maire", "x"]
    for n in (1, 3, 5, 6, 40, 400):
        words = [str(w) for w in rng.choice(vocab, size=n)]
        got = T.shingle_hashes(words, 5)
        assert got.dtype == np.uint64
        assert np.array_equal(got, _reference(words, 5))
    assert T.shingle_hashes([]).size == 0


def test_word_hash_memo_is_bounded() -> None:
    memo = T._HashCache()
    memo.limit = 3
    values = [memo[w] for w in ("a", "b", "c", "d", "a")]
    assert values == [zlib.crc32(w.encode()) for w in ("a", "b", "c", "d", "a")]
    assert len(memo) <= 3


def test_tokens_and_stems() -> None:
    assert T.tokens("L'Élysée a dit, 3 fois") == ["l", "elysee", "a", "dit", "fois"]
    assert T.content_terms("Les effondrements du pont") == ["effondr", "pont"]
