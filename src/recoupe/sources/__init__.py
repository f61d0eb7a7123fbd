"""Readers: turn the user's inputs into :class:`~recoupe.model.RawDocument` records.

:func:`read_inputs` takes paths (files, folders) and ``http(s)://`` URLs and yields one
``RawDocument`` per article found, or one :class:`~recoupe.model.Rejection` per input (or
per bad record inside a container) that cannot be read. It never raises for bad input
and always goes on with the rest of the batch. Everything is read lazily and with size
caps (:class:`Limits`), so memory stays flat on big containers.
"""

from __future__ import annotations

import io
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from recoupe.model import RawDocument, Rejection
from recoupe.sources.encoding import decode
from recoupe.sources.errors import InputError, os_reason, short
from recoupe.sources.feeds import read_feed
from recoupe.sources.fetch import is_url, read_url
from recoupe.sources.files import read_document
from recoupe.sources.jsonl import read_jsonl
from recoupe.sources.limits import Limits
from recoupe.sources.sniff import HEAD_BYTES, Kind, sniff
from recoupe.sources.streams import open_gunzip, read_capped
from recoupe.sources.walk import walk
from recoupe.sources.warc import read_warc

__all__ = ["InputError", "Limits", "decode", "read_file", "read_inputs"]

Result = RawDocument | Rejection


def read_inputs(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[Result]:
    """Yield the articles of every input in ``paths``, or a Rejection for what cannot be read.

    Inputs are files, folders (walked recursively in sorted order) and ``http(s)://``
    URLs (fetched once, with a timeout and a size cap).
    """
    limits = limits or Limits()
    for item in paths:
        name = str(item)
        if isinstance(item, str) and is_url(name):
            yield from _guarded(name, read_url(name, limits))
        else:
            yield from _read_path(Path(item), limits)


def _read_path(path: Path, limits: Limits) -> Iterator[Result]:
    """A file, or every file of a folder."""
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except OSError as exc:
        yield Rejection(str(path), os_reason(exc))
        return
    if not is_dir:
        yield from read_file(path, limits)
        return
    for found in walk(path, limits.max_depth):
        if isinstance(found, Rejection):
            yield found
        else:
            yield from read_file(found, limits)


def read_file(path: Path, limits: Limits | None = None) -> Iterator[Result]:
    """Yield the articles of one file, whatever its format; never raises for bad input."""
    yield from _guarded(str(path), _read_file(path, limits or Limits()))


def _guarded(origin: str, results: Iterator[Result]) -> Iterator[Result]:
    """Pass ``results`` through, turning any failure into one Rejection for ``origin``.

    The broad ``except`` clauses are deliberate: a reader bug or a library failure on
    one hostile input must not stop the batch; the Rejection names the error.
    """
    try:
        yield from results
    except InputError as exc:
        yield Rejection(origin, exc.reason)
    except OSError as exc:
        yield Rejection(origin, os_reason(exc))
    except Exception as exc:
        yield Rejection(origin, f"unreadable ({type(exc).__name__}: {short(exc)})")
    except BaseException as exc:
        # fastwarc is Rust: a panic reaches Python as pyo3's PanicException, which
        # derives from BaseException. Contain it like any other failure on this input.
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        yield Rejection(origin, f"reader crashed ({type(exc).__name__}: {short(exc)})")


def _read_file(path: Path, limits: Limits) -> Iterator[Result]:
    """Check the file's size and kind before reading it, then dispatch to its reader."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")
    if info.st_size == 0:
        raise InputError("empty file")
    if info.st_size > limits.max_file_bytes:
        raise InputError(
            f"file too large ({info.st_size} bytes; limit {limits.max_file_bytes} bytes)"
        )
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
        stream.seek(0)
        kind = sniff(path.name, head)
        yield from _read_kind(str(path), path.name, kind, stream, limits)


def _read_kind(
    origin: str, name: str, kind: Kind, stream: BinaryIO, limits: Limits
) -> Iterator[Result]:
    """Run the reader for ``kind`` on ``stream``."""
    if kind == "gzip":
        yield from _read_gzip(origin, name, stream, limits)
    elif kind == "warc":
        yield from read_warc(origin, stream, limits)
    elif kind == "jsonl":
        yield from read_jsonl(origin, stream, limits)
    elif kind == "feed":
        yield from read_feed(origin, read_capped(stream, limits.max_record_bytes, "feed"), limits)
    else:
        data = read_capped(stream, limits.max_file_bytes, "file")
        yield read_document(origin, data, kind)


def _read_gzip(origin: str, name: str, raw: BinaryIO, limits: Limits) -> Iterator[Result]:
    """A gzipped WARC, JSON Lines file or single article, decompressed as a stream."""
    stream, gunzip = open_gunzip(raw, limits.max_decompressed_bytes)
    inner_name = name[:-3] if name.lower().endswith(".gz") else name
    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]
    if not head:
        raise InputError(gunzip.problem() or "empty file (empty gzip)")
    kind = sniff(inner_name, head)
    if kind == "gzip":
        raise InputError("unsupported format (gzip inside gzip)")
    if kind == "warc":
        yield from read_warc(origin, stream, limits, gunzip)
        return
    if kind == "jsonl":
        yield from read_jsonl(origin, stream, limits)
    else:
        cap = limits.max_record_bytes if kind == "feed" else limits.max_file_bytes
        data = read_capped(stream, cap, "decompressed file")
        if gunzip.problem() is None:  # a cut or corrupt article is not used
            yield from _read_kind(origin, inner_name, kind, _bytes_stream(data), limits)
    problem = gunzip.problem()
    if problem:
        yield Rejection(origin, problem)


def _bytes_stream(data: bytes) -> BinaryIO:
    """An in-memory stream over already-read bytes."""
    return io.BytesIO(data)
