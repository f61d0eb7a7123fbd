"""The application factory: pages, REST API, static files, error pages, security headers."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from recoupe import api
from recoupe.store import Store
from recoupe.web import pages, stage_pages
from recoupe.web.cache import DEFAULT_ENTRIES, DataVersion, ResponseCache
from recoupe.web.queries import FacetCache
from recoupe.web.security import SecurityHeaders
from recoupe.web.templating import environment

STATIC = Path(__file__).parent / "static"

#: Handlers running at once in worker threads. The store's connection pool keeps five
#: connections: more threads than that only queue for the GIL and the pool, open and close
#: extra connections, and make the slowest requests much slower.
WORKER_THREADS = 5


def create_app(
    store: Store, token: str | None = None, cache_entries: int = DEFAULT_ENTRIES
) -> FastAPI:
    """The recoupe web application over ``store``.

    ``token`` is the bearer token that writing through the API requires; ``None`` (or an
    empty string) disables writing. Reading is open to whoever can reach the server, which
    binds to 127.0.0.1 unless told otherwise. ``cache_entries`` bounds the cache of whole
    GET responses (see :mod:`recoupe.web.cache`); 0 turns it off.
    """
    version = DataVersion(store)
    app = FastAPI(
        lifespan=_lifespan,
        title="recoupe",
        summary="Clean news articles, searchable, with their raw input.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.store = store
    app.state.token = token or None
    app.state.templates = environment()
    app.state.facets = FacetCache(store, version=version.current)
    app.state.data_version = version
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    app.include_router(stage_pages.router)
    app.include_router(api.router)
    app.include_router(api.stages_router)
    app.include_router(api.docs_router)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(SecurityHeaders)
    # Outermost, so that a cached response carries the security headers it was sent with.
    app.add_middleware(ResponseCache, version=version, entries=cache_entries)
    return app


def app_from_environment() -> FastAPI:
    """The application ``recoupe serve --workers N`` starts in each worker process.

    Each worker opens the store itself: ``RECOUPE_DB`` names it, ``RECOUPE_SERVE_TOKEN_ENV``
    the variable holding the write token, ``RECOUPE_SERVE_CACHE`` the cache size.
    """
    token = os.environ.get(os.environ.get("RECOUPE_SERVE_TOKEN_ENV", "RECOUPE_TOKEN"), "")
    entries = int(os.environ.get("RECOUPE_SERVE_CACHE", str(DEFAULT_ENTRIES)))
    return create_app(Store(), token=token or None, cache_entries=entries)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """At start-up: cap the worker threads (measured: p99 of search 1.1 s instead of 3.2 s)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield
    app.state.data_version.close()


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, exc: Exception) -> Response:
    """JSON errors under ``/api``, an HTML page elsewhere (404s, mostly)."""
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    if _is_api(request):
        return JSONResponse({"detail": exc.detail}, exc.status_code, headers=headers)
    message = exc.detail if exc.status_code == 404 and exc.detail != "Not Found" else None
    return pages.render(
        request, "error.html", status=exc.status_code, status_code=exc.status_code,
        message=message,
    )


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """A bad parameter: the validation details under ``/api``, a short page elsewhere."""
    assert isinstance(exc, RequestValidationError)
    if _is_api(request):
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, 422)
    return pages.render(
        request, "error.html", status=400, status_code=400,
        message="A parameter of this address is not valid.",
    )
