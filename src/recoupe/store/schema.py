"""The store's tables, in SQLAlchemy Core so that SQLite and PostgreSQL share one definition."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    event,
)
from sqlalchemy.engine import Connection

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

# --------------------------------------------------------------------------- nlp

#: Which articles the nlp stage has read, in which language, and the lemmas linking reuses.
article_nlp = Table(
    "article_nlp",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("language", String(16)),
    Column("note", Text),
    Column("lemmas", JSON),
)

#: Canonical entities; ``key`` is the resolver's stable id, ``id`` the short one users type.
entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(255), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(8), nullable=False, index=True),
    Column("country", String(8)),
    Column("aliases", JSON, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("articles", JSON, nullable=False),
)

#: Every naming of an entity in an article body (``body[start:end] == text``).
mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_key", String(255), index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("country", String(8)),
    Column("role", Text),
)

#: Who said what, with offsets into the article body.
quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("speaker", Text),
    Column("speaker_key", String(255), index=True),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("cue", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

#: Who did what to whom (PLOVER), with the sentence it was read from.
actions = Table(
    "actions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("date", Date, index=True),
    Column("source", JSON, nullable=False),
    Column("source_code", String(8), index=True),
    Column("event", String(32), nullable=False, index=True),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("target", JSON, nullable=False),
    Column("target_code", String(8), index=True),
    Column("trigger", Text, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("reported_by", Text),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

# --------------------------------------------------------------------------- link

#: Stories; ``key`` is the linker's stable id, ``id`` the short one users type.
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("start", Date),
    Column("end", Date),
)

#: Events, each in one story.
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("story_key", String(64), index=True),
    Column("title", Text, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
)

#: Where the link stage placed each article, and why.
article_links = Table(
    "article_links",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("event_key", String(64), index=True),
    Column("story_key", String(64), index=True),
    Column("duplicate_of", Integer),
    Column("explanation", JSON, nullable=False),
)

#: Serialised state of incremental stages (the entity resolver, the linker), by name.
stage_state = Table(
    "stage_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# --------------------------------------------------------------------------- narrate

#: What the narrate stage says about an event, for the member articles it was computed from.
event_narratives = Table(
    "event_narratives",
    metadata,
    Column("event_key", String(64), primary_key=True),
    Column("article_ids", JSON, nullable=False),
    Column("date", Date),
    Column("date_evidence", JSON),
    Column("not_before", Date),
    Column("sentence", JSON),
    Column("summary", JSON, nullable=False),
    Column("comparison", JSON, nullable=False),
)

#: A story's timeline (event keys, dated ones by day) and paragraph, for the members it was
#: computed from (``members``: each event key with its article ids).
story_narratives = Table(
    "story_narratives",
    metadata,
    Column("story_key", String(64), primary_key=True),
    Column("members", JSON, nullable=False),
    Column("timeline", JSON, nullable=False),
    Column("paragraph", JSON, nullable=False),
)

# --------------------------------------------------------------------------- read indexes

#: Indexes the read paths (pages, API) rely on, beyond those declared with the columns.
#: ``create_all`` makes a table's indexes only with the table, so stores created before
#: these existed get them from :func:`_add_read_indexes`, which runs on every open.
READ_INDEXES = [
    # The home page's latest stories: the order is by end day.
    Index("ix_stories_end", stories.c.end),
    # Members of an event or a story, read from the index alone (no table lookups).
    Index("ix_article_links_event_article", article_links.c.event_key, article_links.c.article_id),
    Index("ix_article_links_story_article", article_links.c.story_key, article_links.c.article_id),
]


@event.listens_for(metadata, "after_create")
def _add_read_indexes(_target: MetaData, connection: Connection, **_kw: object) -> None:
    """Create the read indexes a store opened by ``create_all`` lacks (``IF NOT EXISTS``)."""
    for index in READ_INDEXES:
        index.create(connection, checkfirst=True)
