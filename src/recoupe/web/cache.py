"""A small cache of whole GET responses, keyed by the address and the store's data version.

A page is kept only as long as the store is unchanged: every lookup first asks SQLite for
its ``data_version``, which changes whenever any other connection (an ingest in another
process, a write through the API) commits. A response is stored under the version read
*before* the page was computed, so what it holds is never older than that version; a
commit afterwards changes the version and the entry is never served again.

PostgreSQL has no such counter, so the version is made from ``pg_current_snapshot()``:
the snapshot lists the transactions still running and the next transaction id, so any
write committed since the last reading (by this server or anyone else) changes it, while
reads never do. A commit elsewhere in the same cluster also changes it: that costs a cache
miss, never a stale page. Each new snapshot text bumps a counter, the version served.

On other databases :class:`DataVersion` returns ``None`` and nothing is cached.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import MutableMapping
from dataclasses import dataclass
from threading import Lock
from typing import Any

from sqlalchemy import Engine, create_engine

from recoupe.store import Store
from recoupe.web.security import ASGIApp, Message, Receive, Scope, Send

#: Entries kept by default (least recently used go first).
DEFAULT_ENTRIES = 512
#: Largest response body kept, so that a few huge pages cannot fill the memory.
MAX_BODY_BYTES = 512 * 1024
#: Paths never cached: static files answer conditional requests of their own.
UNCACHED_PREFIXES = ("/static/",)


class DataVersion:
    """The store's data version: it changes whenever another connection commits.

    Reads ``PRAGMA data_version`` (SQLite) or the snapshot (PostgreSQL) on a connection of
    its own that never writes, so that every commit made through the store's pool, or by
    another process, counts.
    """

    def __init__(self, store: Store) -> None:
        self._lock = Lock()
        self._conn: sqlite3.Connection | None = None
        self._postgres: Engine | None = None
        self._snapshot: str | None = None
        self._snapshots_seen = 0
        database = store.engine.url.database
        if store.engine.dialect.name == "sqlite" and database and database != ":memory:":
            self._conn = sqlite3.connect(database, check_same_thread=False, timeout=30)
        elif store.engine.dialect.name == "postgresql":
            # Autocommit: every reading takes a fresh snapshot and never holds one open.
            self._postgres = create_engine(
                store.engine.url, pool_size=1, max_overflow=0, pool_pre_ping=True,
                isolation_level="AUTOCOMMIT",
            )

    @property
    def available(self) -> bool:
        """Whether this store has a data version at all (SQLite on a file, PostgreSQL)."""
        return self._conn is not None or self._postgres is not None

    def current(self) -> int | None:
        """The current data version, or ``None`` when the store has none."""
        with self._lock:
            if self._postgres is not None:
                return self._postgres_version(self._postgres)
            if self._conn is None:
                return None
            row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def _postgres_version(self, engine: Engine) -> int:
        """How many different snapshots were seen: a new one means something committed."""
        with engine.connect() as conn:
            snapshot = conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar()
        if snapshot != self._snapshot:
            self._snapshot, self._snapshots_seen = snapshot, self._snapshots_seen + 1
        return self._snapshots_seen

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if self._postgres is not None:
                self._postgres.dispose()
                self._postgres = None


@dataclass(frozen=True)
class Cached:
    """A recorded response: status, headers and body, with the data version it was made at."""

    version: int
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """ASGI middleware: answers repeated GETs from memory while the store is unchanged.

    Only complete ``200`` responses to plain GETs (no ``Authorization`` header) are kept.
    ``entries=0`` turns the cache off.
    """

    def __init__(self, app: ASGIApp, version: DataVersion, entries: int = DEFAULT_ENTRIES):
        self.app = app
        self.version = version
        self.entries = entries
        self._store: OrderedDict[str, Cached] = OrderedDict()
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve from the cache, or pass the request on and keep what it answers."""
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        version = self.version.current()
        if version is None:
            await self.app(scope, receive, send)
            return
        key = _key(scope)
        found = self._store.get(key)
        if found is not None and found.version == version:
            self._store.move_to_end(key)
            self.hits += 1
            await _replay(found, send)
            return
        self.misses += 1
        recorder = _Recorder(send)
        await self.app(scope, receive, recorder)
        if recorder.complete and recorder.status == 200 and len(recorder.body) <= MAX_BODY_BYTES:
            self._keep(key, Cached(version, 200, recorder.headers, bytes(recorder.body)))

    def _cacheable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET" or self.entries <= 0:
            return False
        if str(scope["path"]).startswith(UNCACHED_PREFIXES):
            return False
        return not any(name == b"authorization" for name, _ in scope.get("headers", ()))

    def _keep(self, key: str, entry: Cached) -> None:
        self._store[key] = entry
        self._store.move_to_end(key)
        while len(self._store) > self.entries:
            self._store.popitem(last=False)


def _key(scope: Scope) -> str:
    """The path and the raw query string: the only inputs a GET page depends on."""
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    return f"{scope['path']}?{query}"


async def _replay(entry: Cached, send: Send) -> None:
    await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.body, "more_body": False})


class _Recorder:
    """Passes messages on to ``send`` and keeps a copy of the response."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()
        self.complete = False
        self.too_big = False

    async def __call__(self, message: Message) -> None:
        self._record(message)
        await self.send(message)

    def _record(self, message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", ())]
        elif message["type"] == "http.response.body" and not self.too_big:
            self.body += message.get("body", b"")
            self.too_big = len(self.body) > MAX_BODY_BYTES
            self.complete = not message.get("more_body", False) and not self.too_big
