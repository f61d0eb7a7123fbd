"""The store's tables, in SQLAlchemy Core so that SQLite and PostgreSQL share one definition."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

#: One row per clean article; ``raw`` keeps the exact input bytes beside it (nothing is lost).
articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(255), index=True),
    Column("published", String(40)),
    Column("published_day", Date, index=True),
    Column("published_evidence", Text),
    Column("language", String(16), index=True),
    Column("body", Text, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("raw_format", String(8), nullable=False),
    Column("raw_encoding", String(40), nullable=False),
    Column("ingest_run_id", Integer, ForeignKey("ingest_runs.id")),
)

#: One row per ``recoupe ingest`` call, so a user can see what each batch did.
ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", JSON, nullable=False),
    Column("stored", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
)

#: Inputs an ingest could not use, with the reason shown to the user.
rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ingest_run_id", Integer, ForeignKey("ingest_runs.id"), nullable=False),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
)
