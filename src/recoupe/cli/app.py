"""The typer application, its consoles, and the options every command shares."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from typing import Annotated, Any

import typer
from rich.console import Console

app = typer.Typer(
    name="recoupe",
    help="Turn raw news into clean articles, events, stories and who said and did what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(
    help="Write records as JSON Lines on standard output.", no_args_is_help=True
)
app.add_typer(export_app, name="export")

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="RECOUPE_DB", help="Store path or SQLAlchemy URL [default: recoupe.db]."
    ),
]
OutletOption = Annotated[str | None, typer.Option(help="Only this outlet.")]
LanguageOption = Annotated[str | None, typer.Option(help="Only this language (ISO 639-1).")]
SinceOption = Annotated[
    dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Published on or after.")
]
UntilOption = Annotated[
    dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Published on or before.")
]


def write_jsonl(records: Iterable[dict[str, Any]]) -> None:
    """Write ``records`` to standard output, one JSON object per line."""
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def one_line(text: str, width: int = 110) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    folded = " ".join(text.split())
    return folded if len(folded) <= width else folded[: width - 1] + "…"
