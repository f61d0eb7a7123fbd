"""API documentation that works offline: the OpenAPI schema rendered as a plain page.

FastAPI's ``/docs`` loads Swagger UI from a CDN, which a self-hosted, offline tool cannot
rely on (and which the Content-Security-Policy forbids); this page needs no script at all.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()

_METHODS = ("get", "post", "put", "patch", "delete")


@router.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """Every route of the API with its parameters, body and responses."""
    schema = request.app.openapi()
    template = request.app.state.templates.get_template("api_docs.html")
    html = template.render(
        path=request.url.path,
        info=schema.get("info", {}),
        operations=operations(schema),
        schema_url=request.app.openapi_url,
    )
    return HTMLResponse(html)


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of an OpenAPI schema, flattened for the template."""
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in _METHODS:
            if method not in item:
                continue
            op = item[method]
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [_parameter(p) for p in op.get("parameters", [])],
                    "body": "requestBody" in op,
                    "responses": sorted(op.get("responses", {}).keys()),
                }
            )
    return found


def _parameter(param: dict[str, Any]) -> dict[str, Any]:
    schema = param.get("schema", {})
    kinds = [s.get("type") for s in schema.get("anyOf", [])] or [schema.get("type")]
    return {
        "name": param.get("name", ""),
        "where": param.get("in", ""),
        "required": bool(param.get("required")),
        "type": " or ".join(k for k in kinds if k) or "any",
        "description": param.get("description", "") or schema.get("description", ""),
    }
