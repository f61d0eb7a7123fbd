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
) -> None:
    """Browse, search and query the store in a web browser and over a REST API (/api/v1)."""
    # Imported here so that the other commands do not pay for loading the web stack.
    import os

    import uvicorn

    from recoupe.web import create_app

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
        uvicorn.run(create_app(store, token=token), host=host, port=port, log_level="warning")
