"""Security headers on every response, and a cap on request bodies.

Article text is hostile: the pages escape it, and the Content-Security-Policy makes sure
that even a slip would run nothing (no inline script, no plug-in, no framing, no foreign
resource). A route may set a stricter policy of its own (the raw view is sandboxed).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

#: The policy of every page: only this origin's own static files, nothing inline.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

#: The policy of plain-text views of raw input: a sandbox where nothing may load or run.
RAW_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"

#: Largest request body accepted (one article as JSON), checked before it is read.
MAX_BODY_BYTES = 10 * 1024 * 1024

_HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
    b"cross-origin-resource-policy": b"same-origin",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware: adds the headers above unless the route set them, caps bodies.

    Written as plain ASGI rather than ``BaseHTTPMiddleware`` because it runs on every
    request, and the latter costs a task and a stream copy per response.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI call."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refuse(scope)
        if refusal is not None:
            await _plain(send, *refusal)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _HEADERS.items() if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refuse(self, scope: Scope) -> tuple[int, str] | None:
        """A (status, reason) when a request with a body is too large or of unknown size."""
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            return None
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is None:
            return 411, "a Content-Length header is required"
        if not length.isdigit() or int(length) > self.max_body:
            return 413, f"request body larger than {self.max_body} bytes"
        return None


async def _plain(send: Send, status: int, reason: str) -> None:
    body = (reason + "\n").encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *_HEADERS.items(),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
