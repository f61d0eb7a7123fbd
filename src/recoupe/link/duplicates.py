"""Wire copies and near-duplicates: MinHash LSH over word shingles of the normalised body.

The same dispatch carried by three outlets, a republication or a lightly updated version of an
article share most of their 5-word shingles. datasketch's :class:`MinHashLSH` finds them in
constant time per article; the estimated Jaccard similarity is then checked against the
threshold to drop LSH false positives. The index is incremental and old signatures can be
retired after a time window so that memory stays bounded on an endless stream.

datasketch draws the permutations and chooses the LSH bands; the signatures and the band
tables are computed here with the same arithmetic (checked against datasketch in the tests),
because building a ``MinHash`` object and going through ``MinHashLSH``'s storage layer for
every article cost more than the rest of the duplicate stage.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from recoupe.link.text import shingle_hashes

_SCHEME = "affine32"  # fixed, so that saved signatures stay comparable across versions
#: MurmurHash3's 32-bit finaliser, which datasketch's "affine32" scheme applies to each input hash.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))


def minhash_signature(hashes: np.ndarray, permutations: np.ndarray) -> np.ndarray:
    """datasketch's "affine32" MinHash of 32-bit ``hashes`` (``MinHash.update_batch`` with the
    identity hash function), as a ``uint32`` array with one value per permutation."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32)
    hv = (hv ^ (hv >> s1)) * m1  # uint32 arithmetic wraps: that is the modulo 2**32 intended
    hv = (hv ^ (hv >> s2)) * m2
    hv = hv ^ (hv >> s3)
    a, b = permutations
    return (hv[:, None] * a + b).min(axis=0)


class BandIndex:
    """LSH over MinHash signatures: ``bands`` bands of ``rows`` values, one table per band.

    The same banding as datasketch's :class:`MinHashLSH` (which chooses ``bands`` and ``rows``),
    so a query returns the same candidates, without its per-key bookkeeping.
    """

    def __init__(self, bands: int, rows: int) -> None:
        self.bands = bands
        self.rows = rows
        self._tables: list[dict[bytes, set[str]]] = [{} for _ in range(bands)]

    def _keys(self, signature: np.ndarray) -> list[bytes]:
        raw = signature[: self.bands * self.rows].astype(np.uint32).tobytes()
        width = 4 * self.rows
        return [raw[i * width : (i + 1) * width] for i in range(self.bands)]

    def insert(self, key: str, signature: np.ndarray) -> None:
        """Index ``key`` under each band of ``signature``."""
        for table, band in zip(self._tables, self._keys(signature), strict=True):
            table.setdefault(band, set()).add(key)

    def query(self, signature: np.ndarray) -> set[str]:
        """Keys sharing at least one band with ``signature``."""
        found: set[str] = set()
        for table, band in zip(self._tables, self._keys(signature), strict=True):
            found.update(table.get(band, ()))
        return found

    def remove(self, key: str, signature: np.ndarray) -> None:
        """Take ``key`` (indexed with ``signature``) out of every band."""
        for table, band in zip(self._tables, self._keys(signature), strict=True):
            members = table.get(band)
            if members is not None:
                members.discard(key)
                if not members:
                    del table[band]


class DuplicateDetector:
    """Groups copies of the same text; ``duplicate_of`` is the earliest member already seen.

    ``window_days`` retires signatures whose stream clock is older than the window (``None``
    keeps all). A copy's pointer is never rewritten: if a later-arriving copy carries an earlier
    date it becomes the group's original for copies that arrive after it.
    """

    def __init__(
        self,
        threshold: float = 0.5,
        num_perm: int = 64,
        shingle_size: int = 5,
        min_shingles: int = 20,
        window_days: float | None = 30.0,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.min_shingles = min_shingles
        self.window_days = window_days
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)  # its choice of bands only
        self._lsh = BandIndex(lsh.b, lsh.r)
        self._signatures: dict[str, np.ndarray] = {}
        self._root: dict[str, str] = {}  # article id -> original of its group
        self._date: dict[str, float] = {}  # group original -> its date (inf when unknown)
        self._queue: deque[tuple[float, str]] = deque()  # (clock at insertion, id), for retirement
        # permutations drawn once (datasketch draws them for every new MinHash otherwise)
        self._perm = MinHash(num_perm=num_perm, scheme=_SCHEME).permutations

    def _minhash(self, words: Sequence[str]) -> np.ndarray | None:
        hashes = shingle_hashes(words, self.shingle_size)
        if hashes.size < self.min_shingles:
            return None  # too short to tell a copy from a shared formula
        return minhash_signature(hashes, self._perm)

    def add(
        self, article_id: str, words: Sequence[str], date: float | None, clock: float | None
    ) -> str | None:
        """Index one article (its normalised body tokens, :func:`recoupe.link.text.tokens`)
        and return the id of the original it copies, or ``None``."""
        if article_id in self._root:
            root = self._root[article_id]
            return None if root == article_id else root
        mh = self._minhash(words)
        original = self._find_original(mh) if mh is not None else None
        own_date = date if date is not None else float("inf")
        if original is not None and own_date >= self._date[original]:
            self._root[article_id] = original
        else:
            self._root[article_id] = article_id
            self._date[article_id] = own_date
            if original is not None:
                self._root[original] = article_id  # later copies now point to the earlier one
            original = None
        if mh is not None:
            self._insert(article_id, mh, clock)
        return original

    def original_of(self, article_id: str) -> str | None:
        """The earliest known member of the article's group, or ``None`` if it is the original."""
        if article_id not in self._root:
            return None
        root = self._resolve(article_id)
        return None if root == article_id else root

    def _find_original(self, mh: np.ndarray) -> str | None:
        best: tuple[float, str] | None = None
        for key in self._lsh.query(mh):
            # the estimated Jaccard similarity, as MinHash.jaccard computes it
            if float(np.mean(mh == self._signatures[key])) < self.threshold:
                continue
            root = self._resolve(key)
            cand = (self._date[root], root)
            if best is None or cand < best:
                best = cand
        return best[1] if best else None

    def _resolve(self, article_id: str) -> str:
        root = self._root[article_id]
        while self._root[root] != root:
            root = self._root[root]
        return root

    def _insert(self, article_id: str, mh: np.ndarray, clock: float | None) -> None:
        self._lsh.insert(article_id, mh)
        self._signatures[article_id] = mh
        self._queue.append((clock if clock is not None else float("-inf"), article_id))
        self._retire(clock)

    def _retire(self, clock: float | None) -> None:
        if self.window_days is None or clock is None:
            return
        while self._queue and self._queue[0][0] < clock - self.window_days:
            _, old = self._queue.popleft()
            self._lsh.remove(old, self._signatures.pop(old))

    def to_state(self) -> dict[str, Any]:
        """Plain JSON-able data from which :meth:`from_state` rebuilds the same detector."""
        return {
            "params": {
                "threshold": self.threshold,
                "num_perm": self.num_perm,
                "shingle_size": self.shingle_size,
                "min_shingles": self.min_shingles,
                "window_days": self.window_days,
            },
            "root": dict(self._root),
            "date": {k: (None if v == float("inf") else v) for k, v in self._date.items()},
            "queue": [[c if c != float("-inf") else None, k] for c, k in self._queue],
            "signatures": {k: [int(x) for x in v] for k, v in self._signatures.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> DuplicateDetector:
        """Rebuild a detector (and its LSH index) from :meth:`to_state` data."""
        det = cls(**state["params"])
        det._root = dict(state["root"])
        det._date = {k: (float("inf") if v is None else v) for k, v in state["date"].items()}
        for clock, key in state["queue"]:
            det._queue.append((float("-inf") if clock is None else clock, key))
        for key, values in state["signatures"].items():
            det._signatures[key] = signature = np.asarray(values, dtype=np.uint32)
            det._lsh.insert(key, signature)
        return det
