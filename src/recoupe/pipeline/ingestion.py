"""Ingest: read inputs, extract articles, and store them batch by batch.

``ingest`` reads inputs, skips what is stored already (by content hash), extracts the rest,
and commits each batch of articles and rejections in one transaction: a kill at any moment
leaves a consistent store, and running the same command again resumes without duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from recoupe.extract import ExtractionError, extract_article
from recoupe.model import Article, RawDocument, Rejection
from recoupe.sources import read_inputs
from recoupe.sources.limits import Limits
from recoupe.store import Store

#: Called once per input item with its outcome ("stored", "duplicate", "rejected") and origin.
ProgressHook = Callable[[str, str], None]

#: Articles extracted and committed together; small enough that a crash loses little work.
DEFAULT_BATCH = 64


@dataclass
class IngestReport:
    """What one ingest did: ids stored, how many inputs were already there, what was rejected."""

    run_id: int
    stored: list[int] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every input was stored (or already there), 1 when some were rejected."""
        return 1 if self.rejected else 0


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    store: Store,
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH,
    limits: Limits | None = None,
    progress: ProgressHook | None = None,
) -> IngestReport:
    """Ingest files, folders, feeds, archives or URLs into ``store``; never raises on bad input."""
    names = [str(p) for p in paths]
    report = IngestReport(run_id=store.start_run(names))
    notify = progress or (lambda _kind, _origin: None)
    with _executor(jobs) as pool:
        for chunk in _chunks(read_inputs([_as_input(p) for p in names], limits), batch_size):
            _ingest_chunk(chunk, store, pool, report, notify)
    store.finish_run(report.run_id, len(report.stored), report.duplicates, len(report.rejected))
    return report


def _ingest_chunk(
    chunk: list[RawDocument | Rejection],
    store: Store,
    pool: Executor | None,
    report: IngestReport,
    notify: ProgressHook,
) -> None:
    rejected = [item for item in chunk if isinstance(item, Rejection)]
    docs = [item for item in chunk if isinstance(item, RawDocument)]
    fresh = _fresh(docs, store, report, notify)
    extracted = pool.map(extract_or_reject, fresh) if pool else map(extract_or_reject, fresh)
    new_articles: list[Article] = []
    for outcome in extracted:
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        else:
            new_articles.append(outcome)
    added = store.add_batch(new_articles, rejected, report.run_id)
    report.duplicates += len(new_articles) - len(added)
    report.stored.extend(a.id for a in added if a.id is not None)
    report.rejected.extend(rejected)
    for article in added:
        notify("stored", article.origin)
    for rejection in rejected:
        notify("rejected", rejection.origin)


def _fresh(
    docs: list[RawDocument], store: Store, report: IngestReport, notify: ProgressHook
) -> list[RawDocument]:
    """The documents whose content is not stored yet (nor met earlier in this chunk)."""
    known = store.known_hashes(d.content_hash for d in docs)
    fresh: list[RawDocument] = []
    for doc in docs:
        if doc.content_hash in known:
            report.duplicates += 1
            notify("duplicate", doc.origin)
            continue
        known.add(doc.content_hash)
        fresh.append(doc)
    return fresh


def extract_or_reject(doc: RawDocument) -> Article | Rejection:
    """Extract one document; any failure becomes a :class:`Rejection` naming it and the reason."""
    try:
        return extract_article(doc)
    except ExtractionError as exc:
        return Rejection(doc.origin, str(exc))
    except Exception as exc:
        return Rejection(doc.origin, f"extraction failed ({type(exc).__name__}: {exc})")


def _executor(jobs: int) -> _NullContext | ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else _NullContext()


class _NullContext:
    """Stands in for a process pool when extraction runs in this process."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


def _chunks(
    items: Iterable[RawDocument | Rejection], size: int
) -> Iterator[list[RawDocument | Rejection]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _as_input(name: str) -> str | Path:
    return name if "://" in name else Path(name)
