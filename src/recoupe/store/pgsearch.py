"""Full-text search on PostgreSQL: a ``tsvector`` column and a French configuration.

The column ``articles.search`` is *generated* from the title (weight A) and the body
(weight B), so PostgreSQL keeps it in step with every insert, update and delete, however
the row was written; a GIN index answers ``@@``. Text is accent-folded first by
``recoupe_fold()``, a plain ``translate()`` (no ``unaccent`` extension to install), then
stemmed by PostgreSQL's own Snowball French stemmer in the configuration
``recoupe_french``: the built-in ``french`` one without its stop-word list, so that, as on
SQLite, ``de`` or ``"la grève"`` find what they say. A query goes through the same steps,
phrase by phrase (``phraseto_tsquery``); results are ranked by ``ts_rank``.

Only the first :data:`BODY_CHARS` characters of a body are indexed: a ``tsvector`` holds
at most 1 MB (an insert of a longer one fails, and its whole batch with it) and word
positions stop at 16,383 anyway. That is some 15,000 words, more than nearly any news
article. Highlights are made in Python, by stem, in :mod:`recoupe.store.search`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, literal_column, select, text

from recoupe.store.articles import ArticleFilter
from recoupe.store.database import lock_schema
from recoupe.store.schema import articles

#: The text search configuration (made by :func:`install` in the store's schema).
CONFIG = "recoupe_french"
#: The generated column and its index.
COLUMN = "search"
INDEX = "ix_articles_search"
#: Characters of a body that are indexed: even made of three-letter words all different,
#: their ``tsvector`` stays well under PostgreSQL's limit of 1 MB.
BODY_CHARS = 100_000
#: Accented letters ``recoupe_fold()`` maps to plain ones (one to one, for ``translate``);
#: upper case too, so that folding never depends on the server's locale.
ACCENTED = "àâäáãåçéèêëîïíìôöóòõùûüúÿýñÀÂÄÁÃÅÇÉÈÊËÎÏÍÌÔÖÓÒÕÙÛÜÚŸÝÑ"
PLAIN = "aaaaaaceeeeiiiiooooouuuuyynaaaaaaceeeeiiiiooooouuuuyyn"

_FOLD_SQL = (
    f"replace(replace(replace(replace(translate(value, '{ACCENTED}', '{PLAIN}'), "
    "'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae')"
)

_SCHEMA = [
    f"""CREATE TEXT SEARCH DICTIONARY {CONFIG}_stem
        (TEMPLATE = pg_catalog.snowball, Language = french)""",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.french)",
    f"""ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR
        asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH {CONFIG}_stem""",
    f"""CREATE OR REPLACE FUNCTION recoupe_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT {_FOLD_SQL} $$""",
    f"""ALTER TABLE articles ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{CONFIG}'::regconfig, recoupe_fold(coalesce(title, ''))), 'A')
        || setweight(
            to_tsvector('{CONFIG}'::regconfig, recoupe_fold(left(body, {BODY_CHARS}))), 'B'
        )
    ) STORED""",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles USING gin ({COLUMN})",
]


def install(engine: Engine) -> bool:
    """Add the search column, its index, configuration and ``recoupe_fold()`` if missing.

    Existing rows are indexed by ``ADD COLUMN`` itself (a store made before search existed).
    Made under the schema lock, so that processes opening a new store at once never race.
    """
    with engine.connect() as conn:
        if has_index(conn):
            return True
    with engine.begin() as conn:
        lock_schema(conn)  # then look again: another process may have just made it
        if not has_index(conn):
            for statement in _SCHEMA:
                conn.exec_driver_sql(statement)
    return True


def has_index(conn: Connection) -> bool:
    """Whether the ``articles`` table (in the current schema) has the search column."""
    found = conn.execute(
        text(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'articles' AND column_name = :column"
        ),
        {"column": COLUMN},
    ).first()
    return found is not None


def fold(word: str) -> str:
    """``word`` without accents, lower-cased: the Python twin of ``recoupe_fold()``."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ts_query(phrases: Sequence[Sequence[str]]) -> Any:
    """The ``tsquery`` requiring every phrase (each one bound, never spliced into SQL)."""
    config: Any = literal_column(f"'{CONFIG}'::regconfig")
    query: Any = None
    for i, phrase in enumerate(phrases):
        words: Any = bindparam(f"phrase_{i}", " ".join(phrase))
        part = func.phraseto_tsquery(config, func.recoupe_fold(words))
        query = part if query is None else query.op("&&")(part)
    return query


def ranked_ids(
    conn: Connection,
    phrases: Sequence[Sequence[str]],
    where: ArticleFilter,
    limit: int,
    offset: int,
) -> tuple[list[tuple[int, float]], int]:
    """A page of ``(id, score)`` best first, and how many articles match in all."""
    query = ts_query(phrases)
    column: Any = literal_column(f"articles.{COLUMN}")
    matching = column.op("@@")(query)
    counted = where.apply(select(func.count()).select_from(articles).where(matching))
    total = int(conn.execute(counted).scalar() or 0)
    score = func.ts_rank(column, query).label("score")
    ranked = where.apply(select(articles.c.id, score).where(matching))
    page = conn.execute(
        ranked.order_by(score.desc(), articles.c.id).limit(limit).offset(offset)
    ).all()
    return [(int(row.id), float(row.score)) for row in page], total
