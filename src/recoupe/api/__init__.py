"""recoupe.api: the REST API under ``/api/v1`` (JSON records shared with the exports)."""

from __future__ import annotations

from recoupe.api.docs import router as docs_router
from recoupe.api.routes import router
from recoupe.api.stages import router as stages_router

__all__ = ["docs_router", "router", "stages_router"]
