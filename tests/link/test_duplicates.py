"""Wire copies: signatures and LSH bands computed here agree with datasketch's."""

from __future__ import annotations

import json

import numpy as np
from datasketch import MinHash, MinHashLSH

from recoupe.link.duplicates import BandIndex, DuplicateDetector, minhash_signature

PERM = MinHash(num_perm=64, scheme="affine32").permutations


def _datasketch(hashes: np.ndarray) -> MinHash:
    mh = MinHash(num_perm=64, hashfunc=int, scheme="affine32", permutations=PERM)
    mh.update_batch(hashes.tolist())
    return mh


def test_signature_equals_datasketch_update_batch() -> None:
    rng = np.random.default_rng(4)
    for size in (1, 20, 333):
        hashes = np.unique(rng.integers(0, 2**32, size=size, dtype=np.uint64))
        got = minhash_signature(hashes, PERM)
        want = _datasketch(hashes).hashvalues
        assert got.dtype == want.dtype
        assert np.array_equal(got, want)


def test_band_index_finds_what_minhash_lsh_finds() -> None:
    rng = np.random.default_rng(6)
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    bands = BandIndex(lsh.b, lsh.r)
    base = [np.unique(rng.integers(0, 2**32, size=150, dtype=np.uint64)) for _ in range(40)]
    sets = base + [np.unique(np.concatenate([b[:100], rng.integers(0, 2**32, 60, np.uint64)]))
                   for b in base[:20]]
    for i, hashes in enumerate(sets):
        mh = _datasketch(hashes)
        assert sorted(bands.query(mh.hashvalues)) == sorted(lsh.query(mh))
        lsh.insert(f"k{i}", mh)
        bands.insert(f"k{i}", mh.hashvalues)
    for i in range(0, len(sets), 3):
        sig = _datasketch(sets[i]).hashvalues
        lsh.remove(f"k{i}")
        bands.remove(f"k{i}", sig)
    for hashes in sets:
        mh = _datasketch(hashes)
        assert sorted(bands.query(mh.hashvalues)) == sorted(lsh.query(mh))


def _words(rng: np.random.Generator, n: int) -> list[str]:
    return [f"w{int(x)}" for x in rng.integers(0, 5000, size=n)]


def test_copies_found_retired_and_resumed() -> None:
    rng = np.random.default_rng(9)
    det = DuplicateDetector(window_days=5.0)
    text = _words(rng, 200)
    copy = list(text)
    copy[50] = "changed"
    assert det.add("a", text, 1.0, 1.0) is None
    assert det.add("b", copy, 2.0, 2.0) == "a"
    again = DuplicateDetector.from_state(json.loads(json.dumps(det.to_state())))
    assert again.add("c", text, 3.0, 3.0) == "a"
    assert again.add("d", _words(rng, 200), 20.0, 20.0) is None  # "a" and "b" retired now
    assert again.add("e", text, 21.0, 21.0) is None
    assert again.original_of("c") == "a"
