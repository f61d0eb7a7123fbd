"""Bounded reading: capped reads and a gzip stream that reports truncation instead of failing.

Every reader goes through these so that no input is read past its limit.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

from recoupe.sources.errors import InputError, short

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


def read_capped(stream: BinaryIO, cap: int, what: str = "input") -> bytes:
    """Read all of ``stream`` but never more than ``cap`` bytes.

    Reads one byte past the cap to tell "exactly at the limit" from "too large", and
    raises :class:`InputError` in the second case without reading the rest.
    """
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"{what} larger than the limit ({cap} bytes)")
    return data


class SafeGunzip(io.RawIOBase):
    """A gzip decompressing reader that ends cleanly at a truncation and caps its output.

    Built on :class:`gzip.GzipFile` (multi-member streams, CRC checks). GzipFile raises
    ``EOFError`` on a truncated stream; here that becomes a normal end of stream with
    :attr:`truncated` set, so that consumers that buffer ahead (fastwarc, line readers)
    keep every byte decompressed before the cut, and the caller reports the truncation.
    """

    def __init__(self, raw: BinaryIO, max_bytes: int) -> None:
        super().__init__()
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._max_bytes = max_bytes
        self._produced = 0
        self.truncated = False
        self.corrupt: str | None = None

    def readable(self) -> bool:
        """This stream is read-only."""
        return True

    def tell(self) -> int:
        """Decompressed bytes produced so far (fastwarc asks for the start position)."""
        return self._produced

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Only "where am I" (``seek(0, SEEK_CUR)``) is supported: a gzip stream is one-way."""
        if offset == 0 and whence == io.SEEK_CUR:
            return self._produced
        raise io.UnsupportedOperation("gzip stream is read once, forward only")

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        """Fill ``buffer`` with decompressed bytes; 0 at the end, the cut or corruption."""
        if self.truncated or self.corrupt:
            return 0
        try:
            data = self._gz.read1(min(len(buffer), _CHUNK))  # read1: keep bytes before a cut
        except EOFError:
            self.truncated = True
            return 0
        except (gzip.BadGzipFile, zlib.error, OSError) as exc:
            self.corrupt = short(exc)
            return 0
        self._produced += len(data)
        if self._produced > self._max_bytes:
            raise InputError(f"gzip expands past the limit ({self._max_bytes} bytes)")
        buffer[: len(data)] = data
        return len(data)

    def problem(self) -> str | None:
        """The reason to report once the stream is consumed: truncation or corruption."""
        if self.truncated:
            return "truncated gzip"
        if self.corrupt:
            return f"corrupt gzip ({self.corrupt})"
        return None


def open_gunzip(raw: BinaryIO, max_bytes: int) -> tuple[io.BufferedReader, SafeGunzip]:
    """A buffered reader over the decompressed ``raw`` stream, and the stream itself."""
    inner = SafeGunzip(raw, max_bytes)
    return io.BufferedReader(inner, buffer_size=_CHUNK), inner
