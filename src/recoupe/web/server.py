"""The HTTP protocol ``recoupe serve`` runs: uvicorn's, with Nagle's algorithm turned off.

With ``--workers``, uvicorn binds the listening socket itself without naming the protocol
(``IPPROTO_TCP``), so asyncio does not set ``TCP_NODELAY`` on the connections it accepts.
A response written in two pieces (headers, then body) then waits for the client's delayed
acknowledgement: measured, every request took 40 ms more than its work.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol

#: The import string uvicorn's ``http=`` option takes (workers import it themselves).
PROTOCOL = "recoupe.web.server:NoDelayProtocol"


class NoDelayProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    """uvicorn's HTTP protocol, which sends each write at once (``TCP_NODELAY``)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Turn Nagle's algorithm off on the new connection, then handle it as uvicorn does."""
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
