"""The ``recoupe`` command line (typer + rich).

Exit codes: 0 everything went through, 1 some inputs were rejected (the rest stored),
2 usage errors (unknown command, bad option, unknown id).
"""

from recoupe.cli import analysis, articles, narrate, serve, stories
from recoupe.cli.app import app

__all__ = ["analysis", "app", "articles", "main", "narrate", "serve", "stories"]


def main() -> None:
    """Entry point for ``python -m recoupe``."""
    app()
