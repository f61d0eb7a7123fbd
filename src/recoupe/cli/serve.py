"""``recoupe serve``: the web UI and REST API over a store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from recoupe.cli.app import DbOption, app, err
from recoupe.store import Store


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (keep it local).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token_env: Annotated[
        str, typer.Option(help="Environment variable holding the API's write token.")
    ] = "RECOUPE_TOKEN",
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (about one per core).")
    ] = 1,
    cache: Annotated[
        int,
        typer.Option(
            min=0, help="Pages kept in memory per process while the store is unchanged (0: off)."
        ),
    ] = 512,
) -> None:
    """Browse, search and query the store in a web browser and over a REST API (/api/v1)."""
    # Imported here so that the other commands do not pay for loading the web stack.
    import os

    import uvicorn

    from recoupe.web import create_app
    from recoupe.web.server import PROTOCOL

    token = os.environ.get(token_env) or None
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(
            f"[yellow]warning[/yellow] listening on {escape(host)}: anyone who can "
            "reach it can read the store"
        )
    with Store(db) as store:
        writing = "enabled" if token else f"disabled (set {escape(token_env)} to enable)"
        err.print(
            f"serving {escape(store.url)} on http://{escape(host)}:{port}/ — API writing {writing}"
        )
        if workers == 1:
            application = create_app(store, token=token, cache_entries=cache)
            uvicorn.run(application, host=host, port=port, log_level="warning", http=PROTOCOL)
            return
        # Several processes: uvicorn starts each from an import string, and each worker
        # opens the store itself from what these variables say.
        os.environ.update(
            RECOUPE_DB=store.url, RECOUPE_SERVE_TOKEN_ENV=token_env, RECOUPE_SERVE_CACHE=str(cache)
        )
    uvicorn.run(
        "recoupe.web.app:app_from_environment", factory=True, workers=workers,
        host=host, port=port, log_level="warning", http=PROTOCOL,
    )
