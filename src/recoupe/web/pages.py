"""The HTML pages: home (stories, recent articles), one article, its raw input, search.

Every handler is a plain function (FastAPI runs it in a worker thread) because the store
is synchronous; each renders one template of ``templates/`` with plain values.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from starlette.exceptions import HTTPException

from recoupe.model import Article
from recoupe.store import ArticleFilter, Store
from recoupe.store.search import SearchUnavailable
from recoupe.web.queries import FacetCache, headlines
from recoupe.web.security import RAW_CSP
from recoupe.web.stages import article_marks

router = APIRouter()

#: Articles per page on the home page, results per page in search.
HOME_PAGE_SIZE = 50
#: Stories shown at the top of the home page.
HOME_STORIES = 12
SEARCH_PAGE_SIZE = 20
#: Deepest page offered, so that a crawler cannot ask for huge offsets.
MAX_PAGE = 1000

Text = Annotated[str | None, Query(max_length=200)]
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def get_store(request: Request) -> Store:
    """The application's store (set by :func:`recoupe.web.app.create_app`)."""
    store: Store = request.app.state.store
    return store


def get_facets(request: Request) -> FacetCache:
    """The application's facet cache."""
    cache: FacetCache = request.app.state.facets
    return cache


StoreDep = Annotated[Store, Depends(get_store)]
FacetsDep = Annotated[FacetCache, Depends(get_facets)]


@dataclass(frozen=True)
class Filters:
    """The filters of a listing as the user typed them, the filter they make, and any error."""

    outlet: str | None
    language: str | None
    since: str | None
    until: str | None
    where: ArticleFilter
    errors: tuple[str, ...]

    def query(self, **extra: Any) -> str:
        """A query string with these filters and ``extra`` (empty values left out)."""
        values = {"outlet": self.outlet, "language": self.language,
                  "since": self.since, "until": self.until, **extra}
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def read_filters(
    outlet: str | None, language: str | None, since: str | None, until: str | None
) -> Filters:
    """Filters from query parameters; a malformed date is reported, not fatal."""
    errors: list[str] = []
    since_day = _parse_day(since, "from", errors)
    until_day = _parse_day(until, "to", errors)
    where = ArticleFilter(
        outlet=outlet or None, language=language or None, since=since_day, until=until_day
    )
    return Filters(outlet or None, language or None, since or None, until or None, where,
                   tuple(errors))


def _parse_day(value: str | None, label: str, errors: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"The “{label}” date must look like 2016-09-30; it was ignored.")
        return None


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/name`` with ``context`` into an HTML response."""
    template = request.app.state.templates.get_template(name)
    html = template.render(path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(
    request: Request,
    store: StoreDep,
    facets: FacetsDep,
    outlet: Text = None,
    language: Text = None,
    page: PageNumber = 1,
) -> HTMLResponse:
    """The latest stories (by recency, then size), then recent articles grouped by day."""
    filters = read_filters(outlet, language, None, None)
    offset = (page - 1) * HOME_PAGE_SIZE
    rows = headlines(store, filters.where, limit=HOME_PAGE_SIZE + 1, offset=offset)
    return render(
        request,
        "home.html",
        days=by_day(rows[:HOME_PAGE_SIZE]),
        facets=facets.get(),
        filters=filters,
        page=page,
        has_next=len(rows) > HOME_PAGE_SIZE,
        stories=(store.recent_stories(HOME_STORIES)
                 if page == 1 and not (outlet or language) else []),
    )


def by_day(rows: list[Article]) -> list[tuple[str, list[Article]]]:
    """Articles grouped under their publication day (in the order given), undated last."""
    def key(article: Article) -> str:
        published = article.published_day
        return published.isoformat() if published else "undated"

    return [(label, list(group)) for label, group in itertools.groupby(rows, key=key)]


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    """One article: metadata, marked body, entities, quotes, actions, event, removals."""
    article = _article_or_404(store, article_id)
    return render(request, "article.html", article=article, raw_chars=len(raw_text(article)),
                  marks=article_marks(store, article))


@router.get("/articles/{article_id}/raw", include_in_schema=False)
def article_raw(store: StoreDep, article_id: str) -> PlainTextResponse:
    """The input exactly as read, as plain text in a sandbox (it may be hostile HTML)."""
    article = _article_or_404(store, article_id)
    return PlainTextResponse(
        raw_text(article),
        headers={
            "Content-Security-Policy": RAW_CSP,
            "X-Content-Type-Options": "nosniff",
            "Content-Disposition": f'inline; filename="article-{article.id}-raw.txt"',
        },
    )


def raw_text(article: Article) -> str:
    """The raw input decoded as it was read (undecodable bytes shown as U+FFFD)."""
    try:
        return article.raw.decode(article.raw_encoding, errors="replace")
    except LookupError:  # an encoding name this Python does not know
        return article.raw.decode("utf-8", errors="replace")


def _article_or_404(store: Store, article_id: str) -> Article:
    if not article_id.isdigit() or len(article_id) > 18:
        raise HTTPException(404, "No article has this id.")
    article = store.article(int(article_id))
    if article is None:
        raise HTTPException(404, f"No article has the id {int(article_id)}.")
    return article


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    request: Request,
    store: StoreDep,
    facets: FacetsDep,
    q: Annotated[str, Query(max_length=500)] = "",
    outlet: Text = None,
    language: Text = None,
    since: Text = None,
    until: Text = None,
    page: PageNumber = 1,
) -> HTMLResponse:
    """Search results with highlighted snippets, filtered by dates, outlet and language."""
    filters = read_filters(outlet, language, since, until)
    errors = list(filters.errors)
    results = None
    if q.strip():
        try:
            results = store.search(
                q, filters.where, limit=SEARCH_PAGE_SIZE, offset=(page - 1) * SEARCH_PAGE_SIZE
            )
        except SearchUnavailable as exc:
            errors.append(str(exc))
    return render(
        request,
        "search.html",
        q=q,
        results=results,
        facets=facets.get(),
        filters=filters,
        errors=errors,
        page=page,
        page_size=SEARCH_PAGE_SIZE,
    )
