"""Full-text search over articles: SQLite FTS5 with accent folding and French stemming.

FTS5 has no French stemmer, so the index ``articles_fts`` holds each title and body twice:
as written (matched with accents folded by ``unicode61 remove_diacritics 2``) and as a
second column of Snowball French stems, one stem per word in the order of the words. A
query is stemmed the same way and matches either form; results are ranked by ``bm25``.

The index follows the ``articles`` table through SQLite triggers that call
``recoupe_stem()``, a function registered on every connection the store opens. Writing to
``articles`` from a connection without that function (the ``sqlite3`` shell, say) fails
with "no such function": write through :class:`recoupe.store.Store`.

Highlights are made safe by construction: the stem column holds only letters, digits and
spaces, so the private-use markers that ``highlight()`` puts in it cannot be forged by
article text; they only say *which* words matched. The snippet is then rebuilt from the
original text, escaping every piece before wrapping the matched words in ``<mark>``.

On PostgreSQL, :mod:`recoupe.store.pgsearch` holds the index (a generated ``tsvector``
column, a French configuration, ``ts_rank``); this module still makes the highlights.
Any other database falls back to a case-insensitive ``ILIKE`` on title and body, by date.
"""

from __future__ import annotations

import html
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

import snowballstemmer
from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    event,
    func,
    literal_column,
    or_,
    select,
    text,
)

from recoupe.model import Article
from recoupe.store import pgsearch
from recoupe.store.articles import ArticleFilter, from_row
from recoupe.store.schema import articles

log = logging.getLogger(__name__)

#: Name of the FTS5 table and of the SQL function the triggers call.
FTS_TABLE = "articles_fts"
STEM_FUNCTION = "recoupe_stem"

#: bm25 weights of (title, body, title_stem, body_stem): a word in the title counts more,
#: and an exact (accent-folded) form more than a stem-only match.
BM25_WEIGHTS = (6.0, 1.5, 4.0, 1.0)

#: Words shown around the matches in a snippet.
SNIPPET_WORDS = 36
#: Words of context kept before the first match of the snippet.
SNIPPET_LEAD = 8

#: A word for stemming and highlighting: letters and digits (FTS5's unicode61 splits the
#: stem column, which holds nothing else, into exactly these words).
WORD = re.compile(r"[^\W_]+")

# Private-use characters: they are not letters or digits, so no stem can contain them.
_OPEN, _CLOSE = "\ue000", "\ue001"

# Snowball stemmers keep their working state on the object: one per thread, since the
# web server stems queries (and the triggers stem articles) in several threads at once.
_local = threading.local()

_SCHEMA = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, body, title_stem, body_stem,
        tokenize = "unicode61 remove_diacritics 2"
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, body, title_stem, body_stem)
        VALUES (new.id, new.title, new.body,
                {STEM_FUNCTION}(new.title), {STEM_FUNCTION}(new.body));
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, body
    ON articles BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
        INSERT INTO {FTS_TABLE}(rowid, title, body, title_stem, body_stem)
        VALUES (new.id, new.title, new.body,
                {STEM_FUNCTION}(new.title), {STEM_FUNCTION}(new.body));
    END""",
]


class SearchUnavailable(RuntimeError):
    """Raised when the database cannot run a full-text search (SQLite built without FTS5)."""


@dataclass(frozen=True)
class SearchHit:
    """One result: the article, its rank score and escaped HTML with ``<mark>`` highlights."""

    article: Article
    score: float
    title_html: str
    snippet_html: str


@dataclass(frozen=True)
class SearchResults:
    """A page of results, best first, with how many articles match in all."""

    query: str
    hits: list[SearchHit]
    total: int


# ---------------------------------------------------------------- stemming


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """The Snowball French stem of one word, lower-cased (cached: news vocabulary repeats)."""
    lowered = word.lower()
    return _stemmer().stemWord(lowered) or lowered


def _stemmer() -> Any:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


def words(text: str) -> list[re.Match[str]]:
    """The words of ``text`` with their positions, split as the stem column is."""
    return list(WORD.finditer(text))


def stem_text(text: str | None) -> str:
    """The stem column of ``text``: one stem per word, in order, separated by spaces."""
    if not text:
        return ""
    return " ".join(stem_word(m.group()) for m in WORD.finditer(text))


# ---------------------------------------------------------------- schema


def install(engine: Engine) -> bool:
    """Create the full-text index (FTS5 on SQLite, ``tsvector`` on PostgreSQL); ``False``
    when the database has none.

    Registers ``recoupe_stem()`` on every new connection (and drops the pooled ones, opened
    before the function existed). When the index is new, it is filled from the articles
    already stored (a store made before search existed); from then on the triggers keep it
    in step, so opening a store costs no scan.
    """
    if engine.dialect.name == "postgresql":
        return pgsearch.install(engine)
    if engine.dialect.name != "sqlite":
        return False
    event.listen(engine, "connect", _register_function)
    engine.dispose()
    with engine.begin() as conn:
        if not _has_fts5(conn):
            log.warning("this SQLite has no FTS5: full-text search is disabled")
            return False
        new = not has_index(conn)
        for statement in _SCHEMA:
            conn.exec_driver_sql(statement)
        if new:
            rebuild(conn)
    return True


def rebuild(conn: Connection) -> None:
    """Index every article again (inside the caller's transaction)."""
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(rowid, title, body, title_stem, body_stem) "
        f"SELECT id, title, body, {STEM_FUNCTION}(title), {STEM_FUNCTION}(body) FROM articles"
    )


def _register_function(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.create_function(STEM_FUNCTION, 1, stem_text, deterministic=True)


def _has_fts5(conn: Connection) -> bool:
    options = {row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")}
    if "ENABLE_FTS5" in options:
        return True
    modules = conn.exec_driver_sql("SELECT name FROM pragma_module_list").scalars()
    return "fts5" in set(modules)


def has_index(conn: Connection) -> bool:
    """Whether this database holds the full-text index (FTS5, or PostgreSQL's column)."""
    if conn.dialect.name == "postgresql":
        return pgsearch.has_index(conn)
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).first()
    return found is not None


# ---------------------------------------------------------------- queries


def parse_query(query: str) -> list[list[str]]:
    """The query as phrases of words: ``"la grève" dockers`` → ``[["la", "grève"], ["dockers"]]``.

    Only words survive: FTS5 operators and punctuation typed by the user are never passed to
    ``MATCH``, so no input can make a query fail or mean something else.
    """
    phrases: list[list[str]] = []
    for quoted, bare in re.findall(r'"([^"]*)"|(\S+)', query):
        found = [m.group() for m in WORD.finditer(quoted or bare)]
        if found:
            phrases.append(found)
    return phrases


def match_expression(phrases: Sequence[Sequence[str]]) -> str:
    """The FTS5 ``MATCH`` text: every phrase, as written or stemmed, must occur."""
    clauses = []
    for phrase in phrases:
        exact = " ".join(w.lower() for w in phrase)
        stems = " ".join(stem_word(w) for w in phrase)
        if stems == exact:
            # The stem column holds a stem for every word, so it already finds the exact
            # form: a second phrase would only double the ranking work.
            clauses.append(f'{{title_stem body_stem}} : "{stems}"')
        else:
            clauses.append(f'({{title body}} : "{exact}" OR {{title_stem body_stem}} : "{stems}")')
    return " AND ".join(clauses)


def search(
    conn: Connection,
    query: str,
    where: ArticleFilter | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Articles matching ``query`` (all its words or phrases), best first."""
    phrases = parse_query(query)
    if not phrases:
        return SearchResults(query, [], 0)
    where = where or ArticleFilter()
    if conn.dialect.name == "postgresql":
        return _search_pg(conn, query, phrases, where, limit, offset)
    if conn.dialect.name != "sqlite":
        return _search_like(conn, query, phrases, where, limit, offset)
    if not has_index(conn):
        raise SearchUnavailable("this store has no full-text index (SQLite without FTS5?)")
    return _search_fts(conn, query, match_expression(phrases), where, limit, offset)


def _search_fts(
    conn: Connection, query: str, match: str, where: ArticleFilter, limit: int, offset: int
) -> SearchResults:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    score = text(f"bm25({FTS_TABLE}, {weights}) AS score")
    fts_id: Any = literal_column(f"{FTS_TABLE}.rowid").label("id")
    matching = text(f"{FTS_TABLE} MATCH :match")
    if where == ArticleFilter():
        # Without a filter the index alone answers: joining the articles table would read
        # every matching row (a large one, raw input included) just to count and rank it.
        counted = select(func.count()).select_from(text(FTS_TABLE)).where(matching)
        ranked = select(fts_id, score).select_from(text(FTS_TABLE)).where(matching)
    else:
        joined = articles.join(text(FTS_TABLE), text(f"{FTS_TABLE}.rowid = articles.id"))
        counted = where.apply(select(func.count()).select_from(joined).where(matching))
        ranked = where.apply(select(articles.c.id, score).select_from(joined).where(matching))
    total = int(conn.execute(counted, {"match": match}).scalar() or 0)
    page = conn.execute(
        ranked.order_by(text("score"), text("id")).limit(limit).offset(offset),
        {"match": match},
    ).all()
    marks = _highlights(conn, match, [row.id for row in page])
    found = _articles_by_id(conn, [row.id for row in page])
    hits = []
    for row in page:
        article = found[row.id]
        title_marks, body_marks = marks.get(row.id, (set(), set()))
        hits.append(_hit(article, -float(row.score), title_marks, body_marks))
    return SearchResults(query, hits, total)


def _highlights(
    conn: Connection, match: str, ids: list[int]
) -> dict[int, tuple[set[int], set[int]]]:
    """Which words of the title and body matched, per article (indexes into :func:`words`).

    Asked only for the page shown: ``highlight()`` over every match would be slow.
    """
    if not ids:
        return {}
    rows = conn.execute(
        text(
            f"SELECT rowid, highlight({FTS_TABLE}, 2, :open, :close) AS title, "
            f"highlight({FTS_TABLE}, 3, :open, :close) AS body FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH :match AND rowid IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"open": _OPEN, "close": _CLOSE, "match": match, "ids": ids},
    )
    return {row.rowid: (_marked(row.title), _marked(row.body)) for row in rows}


def _marked(highlighted: str | None) -> set[int]:
    """Positions of the stems that ``highlight()`` wrapped in markers (phrases span several).

    The stem column is words joined by single spaces, so a word's position is the number of
    spaces before it; only the few marked stretches are looked at.
    """
    marked: set[int] = set()
    value = highlighted or ""
    words_before, counted_to = 0, 0
    start = value.find(_OPEN)
    while start != -1:
        end = value.find(_CLOSE, start)
        end = len(value) if end == -1 else end
        words_before += value.count(" ", counted_to, start)
        inside = value.count(" ", start, end)
        marked.update(range(words_before, words_before + inside + 1))
        words_before, counted_to = words_before + inside, end
        start = value.find(_OPEN, end)
    return marked


def _articles_by_id(conn: Connection, ids: list[int]) -> dict[int, Article]:
    if not ids:
        return {}
    rows = conn.execute(select(articles).where(articles.c.id.in_(ids)))
    return {row.id: from_row(row) for row in rows}


def _hit(article: Article, score: float, title_marks: set[int], body_marks: set[int]) -> SearchHit:
    title = article.title or ""
    return SearchHit(
        article=article,
        score=score,
        title_html=mark_html(title, words(title), title_marks, 0, None),
        snippet_html=snippet_html(article.body, body_marks),
    )


# ---------------------------------------------------------------- PostgreSQL


def _search_pg(
    conn: Connection,
    query: str,
    phrases: list[list[str]],
    where: ArticleFilter,
    limit: int,
    offset: int,
) -> SearchResults:
    """Ranked by PostgreSQL (see :mod:`recoupe.store.pgsearch`), marked here by stem."""
    page, total = pgsearch.ranked_ids(conn, phrases, where, limit, offset)
    found = _articles_by_id(conn, [article_id for article_id, _ in page])
    stems = {_folded_stem(w) for phrase in phrases for w in phrase}
    hits = []
    for article_id, score in page:
        article = found[article_id]
        title = article.title or ""
        title_marks = _marked_by_stem(title, stems, _folded_stem)
        body_marks = _marked_by_stem(article.body, stems, _folded_stem)
        hits.append(_hit(article, score, title_marks, body_marks))
    return SearchResults(query, hits, total)


def _folded_stem(word: str) -> str:
    """The stem of ``word`` without accents, as PostgreSQL's index sees it (near enough)."""
    return stem_word(pgsearch.fold(word))


# ---------------------------------------------------------------- other databases


def _search_like(
    conn: Connection,
    query: str,
    phrases: list[list[str]],
    where: ArticleFilter,
    limit: int,
    offset: int,
) -> SearchResults:
    """Every phrase somewhere in title or body (``ILIKE``), newest first; no stemming."""
    conditions = []
    for phrase in phrases:
        pattern = "%" + _like_escape(" ".join(phrase)) + "%"
        conditions.append(
            or_(
                articles.c.title.ilike(pattern, escape="\\"),
                articles.c.body.ilike(pattern, escape="\\"),
            )
        )
    base = where.apply(select(articles).where(and_(*conditions)))
    total = int(conn.execute(select(text("count(*)")).select_from(base.subquery())).scalar() or 0)
    ordered = base.order_by(articles.c.published_day.desc(), articles.c.id)
    rows = conn.execute(ordered.limit(limit).offset(offset))
    stems = {stem_word(w) for phrase in phrases for w in phrase}
    hits = []
    for row in rows:
        article = from_row(row)
        title = article.title or ""
        hits.append(
            _hit(article, 0.0, _marked_by_stem(title, stems), _marked_by_stem(article.body, stems))
        )
    return SearchResults(query, hits, total)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _marked_by_stem(
    text_: str, stems: set[str], stem: Callable[[str], str] = stem_word
) -> set[int]:
    return {i for i, m in enumerate(WORD.finditer(text_)) if stem(m.group()) in stems}


# ---------------------------------------------------------------- safe highlighting


def snippet_html(body: str, marked: set[int], size: int = SNIPPET_WORDS) -> str:
    """Escaped HTML of the part of ``body`` with the most matched words, each in ``<mark>``."""
    start = _best_window(marked, size)
    # Words past the window are never looked at; one more tells whether the text goes on.
    tokens = list(islice(WORD.finditer(body), start + size + 1))
    start = min(start, max(0, len(tokens) - 1))
    return mark_html(body, tokens, marked, start, min(len(tokens), start + size))


def _best_window(marked: set[int], size: int) -> int:
    """First word of the window of ``size`` words holding the most matches."""
    if not marked:
        return 0
    positions = sorted(marked)
    best, best_count = 0, -1
    for first in positions:
        start = max(0, first - SNIPPET_LEAD)
        count = sum(1 for p in positions if start <= p < start + size)
        if count > best_count:
            best, best_count = start, count
    return best


def mark_html(
    source: str,
    tokens: Sequence[re.Match[str]],
    marked: set[int],
    start: int,
    end: int | None,
) -> str:
    """``source`` from word ``start`` to word ``end`` (all when ``None``), escaped, marked.

    Every piece of article text goes through :func:`html.escape`; the only markup added is
    ``<mark>`` and ``</mark>``, around whole words.
    """
    if not tokens:
        return html.escape(source if end is None else source[:200])
    stop = len(tokens) if end is None else end
    begin = 0 if start == 0 else tokens[start].start()
    finish = len(source) if stop >= len(tokens) else tokens[stop - 1].end()
    parts = ["…" if begin else ""]
    cursor = begin
    for first, last in _runs(tokens, marked, start, stop):
        span_start, span_end = tokens[first].start(), tokens[last].end()
        parts.append(html.escape(source[cursor:span_start]))
        parts.append(f"<mark>{html.escape(source[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(html.escape(source[cursor:finish]))
    parts.append("…" if finish < len(source.rstrip()) else "")
    return "".join(parts)


def _runs(
    tokens: Sequence[re.Match[str]], marked: set[int], start: int, stop: int
) -> list[tuple[int, int]]:
    """Runs of consecutive matched words, so that ``d’État`` is one highlight, not three.

    Two matched words join when only a short gap without a line break lies between them.
    """
    runs: list[tuple[int, int]] = []
    for index in range(start, stop):
        if index not in marked:
            continue
        if runs and runs[-1][1] == index - 1 and _joinable(tokens[index - 1], tokens[index]):
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _joinable(left: re.Match[str], right: re.Match[str]) -> bool:
    gap = left.string[left.end() : right.start()]
    return len(gap) <= 2 and "\n" not in gap
