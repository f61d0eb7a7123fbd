"""REST API, version 1: articles and search to read (open), one route to write (token).

Records have the fields of ``recoupe export articles`` (:func:`recoupe.exports.article_record`
and where the link stage placed the article: ``event_id``, ``story_id``, ``duplicate_of``).
Lists are pages ``{"items": [...], "next": cursor}``; pass ``cursor=next`` for the next page
until ``next`` is ``null``.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from recoupe.exports import article_record
from recoupe.model import Article, Rejection
from recoupe.pipeline import extract_or_reject
from recoupe.sources.jsonl import parse_line
from recoupe.store import ArticleFilter, Store
from recoupe.store.search import SearchUnavailable
from recoupe.web.queries import FacetCache, after_id, id_of_hash

router = APIRouter(prefix="/api/v1", tags=["articles"])

MAX_LIMIT = 200
#: Deepest search offset served, so that a client cannot make the database rank everything.
MAX_SEARCH_OFFSET = 10_000


class ArticleRecord(BaseModel):
    """An article as exported by ``recoupe export articles``."""

    id: int
    origin: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None = Field(description="ISO 8601 day or timestamp, or null if unknown")
    published_evidence: str | None = Field(description="What the date was read from")
    language: str | None
    content_hash: str
    body: str
    event_id: int | None = Field(None, description="The article's event, once linked")
    story_id: int | None = Field(None, description="The article's story, once linked")
    duplicate_of: int | None = Field(None, description="The article this one repeats, if any")


class ArticlePage(BaseModel):
    """A page of articles in id order; ``next`` is the cursor of the next page, or null."""

    items: list[ArticleRecord]
    next: str | None


class SearchRecord(ArticleRecord):
    """A search result: the article, its rank score, and escaped HTML with ``<mark>`` tags."""

    score: float
    title_html: str
    snippet_html: str


class SearchPage(BaseModel):
    """A page of search results, best first, with the number of matches."""

    items: list[SearchRecord]
    total: int
    next: str | None


class ArticleInput(BaseModel):
    """One article to ingest, like a line of a JSON Lines input (``text`` or ``html``)."""

    model_config = ConfigDict(extra="allow")

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


class IngestResult(BaseModel):
    """What a write did: ``stored`` (201) or ``duplicate`` (200), with the article."""

    status: str
    article: ArticleRecord


def get_store(request: Request) -> Store:
    """The application's store."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]

#: The link columns of an article the link stage has not placed.
UNPLACED: dict[str, int | None] = {"event_id": None, "story_id": None, "duplicate_of": None}


def placed_record(store: Store, article: Article) -> dict[str, Any]:
    """An article's export record with its ``event_id``, ``story_id`` and ``duplicate_of``."""
    links = store.article_links(article.id) if article.id is not None else None
    placed = {k: links[k] for k in UNPLACED} if links else UNPLACED
    return article_record(article) | placed

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]


def article_filter(
    outlet: Text = None, language: Text = None, since: Day = None, until: Day = None
) -> ArticleFilter:
    """The listing filter from query parameters."""
    return ArticleFilter(outlet=outlet, language=language, since=since, until=until)


FilterDep = Annotated[ArticleFilter, Depends(article_filter)]


@router.get("/articles", response_model=ArticlePage)
def list_articles(
    store: StoreDep,
    where: FilterDep,
    limit: Limit = 50,
    cursor: Annotated[str | None, Query(pattern=r"^\d{1,18}$")] = None,
) -> dict[str, Any]:
    """Articles in the order they were stored, optionally filtered."""
    rows = after_id(store, where, int(cursor or 0), limit + 1)
    page = rows[:limit]
    # One row more than asked tells whether another page exists.
    next_cursor = str(page[-1].id) if len(rows) > limit else None
    return {"items": [placed_record(store, a) for a in page], "next": next_cursor}


@router.get("/articles/{article_id}", response_model=ArticleRecord,
            responses={404: {"description": "No article has this id"}})
def get_article(store: StoreDep, article_id: int) -> dict[str, Any]:
    """One article by id."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return placed_record(store, article)


@router.get("/search", response_model=SearchPage)
def search(
    store: StoreDep,
    where: FilterDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Limit = 20,
    cursor: Annotated[str | None, Query(pattern=r"^\d{1,5}$")] = None,
) -> dict[str, Any]:
    """Full-text search (accents folded, French stems), best first; the cursor is an offset."""
    offset = int(cursor or 0)
    if offset > MAX_SEARCH_OFFSET:
        raise HTTPException(400, f"cursor beyond {MAX_SEARCH_OFFSET}: narrow the query")
    try:
        results = store.search(q, where, limit=limit, offset=offset)
    except SearchUnavailable as exc:
        raise HTTPException(501, str(exc)) from exc
    items = [
        {**article_record(hit.article), "score": hit.score,
         "title_html": hit.title_html, "snippet_html": hit.snippet_html}
        for hit in results.hits
    ]
    end = offset + len(items)
    return {"items": items, "total": results.total,
            "next": str(end) if end < results.total else None}


def require_token(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> None:
    """Writing needs ``Authorization: Bearer <token>``; with no token configured it is off."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writing is disabled: the operator has set no API token")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


_INPUT_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": ArticleInput.model_json_schema()}},
    }
}


@router.post(
    "/articles",
    status_code=201,
    response_model=IngestResult,
    dependencies=[Depends(require_token)],
    openapi_extra=_INPUT_SCHEMA,
    responses={200: {"description": "Already stored"}, 401: {}, 403: {}, 422: {}},
)
async def add_article(request: Request, store: StoreDep) -> JSONResponse:
    """Ingest one article (a JSON object like a JSON Lines record); needs the bearer token.

    The body is read only after the token is checked, and it is parsed by the JSON Lines
    reader, so that the API accepts exactly what ``recoupe ingest file.jsonl`` accepts.
    """
    body = await request.body()
    return await run_in_threadpool(_ingest_one, request, store, body)


def _ingest_one(request: Request, store: Store, body: bytes) -> JSONResponse:
    """Extract and store one posted article, as the pipeline does for each JSON line."""
    run_id = store.start_run(["api:POST /api/v1/articles"])
    parsed = parse_line(f"api#run={run_id}", body.replace(b"\n", b" "))
    outcome: Article | Rejection = (
        parsed if isinstance(parsed, Rejection) else extract_or_reject(parsed)
    )
    if isinstance(outcome, Rejection):
        store.add_batch([], [outcome], run_id)
        store.finish_run(run_id, 0, 0, 1)
        return JSONResponse({"detail": outcome.reason}, status_code=422)
    added = store.add_batch([outcome], [], run_id)
    store.finish_run(run_id, len(added), 1 - len(added), 0)
    facets: FacetCache = request.app.state.facets
    facets.clear()
    if added:
        return JSONResponse({"status": "stored", "article": placed_record(store, added[0])}, 201)
    existing = id_of_hash(store, outcome.content_hash)
    stored = store.article(existing) if existing is not None else None
    record = placed_record(store, stored if stored is not None else outcome)
    return JSONResponse({"status": "duplicate", "article": record}, 200)
