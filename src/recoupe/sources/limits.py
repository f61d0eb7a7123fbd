"""Size, count and time limits applied to everything the readers read.

Input is hostile: every read is capped so that one bad file cannot exhaust memory, disk
or time, and the batch goes on with the next input.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps for the readers; every field can be overridden (``Limits(max_file_bytes=...)``).

    ``max_file_bytes`` caps a file on disk (checked with ``stat`` before it is opened) and
    the decompressed size of a gzipped single article. ``max_record_bytes`` caps one record
    inside a container: a JSON line, a WARC payload, a whole feed, a fetched URL.
    ``max_records`` caps the records read from one container. ``max_decompressed_bytes``
    caps the total output of one gzip stream (a defence against decompression bombs).
    ``fetch_timeout`` is the socket timeout, in seconds, for ``http(s)://`` inputs.
    ``max_depth`` caps how deep a folder walk goes.
    """

    max_file_bytes: int = 50 * MIB
    max_record_bytes: int = 10 * MIB
    max_records: int = 1_000_000
    max_decompressed_bytes: int = 2048 * MIB
    fetch_timeout: float = 30.0
    max_depth: int = 64
