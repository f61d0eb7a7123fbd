"""recoupe.web: the local web application (``recoupe serve``): pages, REST API, static files.

Pages are rendered on the server with Jinja2; the little JavaScript there is lives in
``static/``. Nothing is fetched from elsewhere, so the application works offline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from recoupe.store import Store

__all__ = ["create_app"]


def create_app(store: Store, token: str | None = None, cache_entries: int = 512) -> FastAPI:
    """The web application over ``store``; see :func:`recoupe.web.app.create_app`."""
    # Imported here so that ``recoupe.api`` can use ``recoupe.web`` helpers without a cycle.
    from recoupe.web.app import create_app as factory

    return factory(store, token, cache_entries)
