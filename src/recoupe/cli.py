"""The ``recoupe`` command line (typer + rich).

Exit codes: 0 everything went through, 1 some inputs were rejected (the rest stored),
2 usage errors (unknown command, bad option, unknown article id).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from recoupe.exports import article_record
from recoupe.model import Article
from recoupe.pipeline import ingest as run_ingest
from recoupe.store import ArticleFilter, Store

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


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, feeds, WARC archives, JSON Lines or feed URLs."),
    ],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read news in any common form, clean it and store it (running it twice changes nothing)."""
    counts = {"stored": 0, "duplicates": 0, "rejected": 0}
    with Store(db) as store, _progress(quiet) as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(kind: str, origin: str) -> None:
            counts["duplicates" if kind == "duplicate" else kind] += 1
            progress.update(task, advance=1, description=_progress_line(counts))

        report = run_ingest(inputs, store, jobs=jobs, progress=advance)
    for rejection in report.rejected:
        err.print(f"[red]rejected[/red] {escape(str(rejection))}")
    out.print(
        f"stored {len(report.stored)}, duplicates {report.duplicates}, "
        f"rejected {len(report.rejected)} (ingest run {report.run_id})"
    )
    raise typer.Exit(report.exit_code)


@app.command("articles")
def list_articles(
    db: DbOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="Rows to show.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Rows to skip.")] = 0,
) -> None:
    """A table of stored articles: id, date, outlet, language, title (newest first)."""
    where = _filter(outlet, language, since, until)
    with Store(db) as store:
        rows = store.articles(where, limit=limit, offset=offset)
        total = store.count_articles(where)
    table = Table("id", "date", "outlet", "lang", "title", title=f"{total} articles")
    for article in rows:
        table.add_row(
            str(article.id),
            _day(article),
            escape(article.outlet or "—"),
            article.language or "—",
            escape(article.title or "(no title)"),
        )
    out.print(table)
    if total > offset + len(rows):
        out.print(f"showing {offset + 1}–{offset + len(rows)} of {total}: use --offset for more")


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="The article's id (see `recoupe articles`).")],
    db: DbOption = None,
    raw: Annotated[bool, typer.Option(help="Print the raw input instead.")] = False,
) -> None:
    """One article: metadata, clean body, and what was removed and why."""
    with Store(db) as store:
        article = store.article(article_id)
    if article is None:
        err.print(f"no article with id {article_id}")
        raise typer.Exit(2)
    if raw:
        sys.stdout.write(article.raw.decode(article.raw_encoding, errors="replace"))
        return
    _print_article(article)


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
        err.print(f"[yellow]warning[/yellow] listening on {escape(host)}: anyone who can "
                  "reach it can read the store")
    with Store(db) as store:
        writing = "enabled" if token else f"disabled (set {escape(token_env)} to enable)"
        err.print(f"serving {escape(store.url)} on http://{escape(host)}:{port}/ — API "
                  f"writing {writing}")
        uvicorn.run(create_app(store, token=token), host=host, port=port, log_level="warning")


@export_app.command("articles")
def export_articles(
    db: DbOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Articles as JSON Lines: id, origin, url, outlet, title, published, language, body…"""
    where = _filter(outlet, language, since, until)
    with Store(db) as store:
        for article in store.iter_articles(where):
            sys.stdout.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")


def _print_article(article: Article) -> None:
    meta = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", str(article.id)),
        ("title", article.title or "(no title)"),
        ("outlet", article.outlet or "unknown"),
        ("published", article.published_iso or "unknown"),
        ("date from", article.published_evidence or "—"),
        ("language", article.language or "unknown"),
        ("origin", article.origin),
        ("url", article.url or "—"),
        ("input", f"{article.raw_format}, {len(article.raw)} bytes, {article.raw_encoding}"),
    ):
        meta.add_row(f"[bold]{label}[/bold]", escape(value))
    out.print(meta)
    out.rule("body")
    out.print(escape(article.body))
    out.rule(f"removed ({len(article.removed)})")
    for removal in article.removed:
        out.print(f"[dim]{escape(removal.reason):>20}[/dim]  {escape(_one_line(removal.text))}")


def _filter(
    outlet: str | None, language: str | None, since: dt.datetime | None, until: dt.datetime | None
) -> ArticleFilter:
    return ArticleFilter(
        outlet=outlet,
        language=language,
        since=since.date() if since else None,
        until=until.date() if until else None,
    )


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )


def _progress_line(counts: dict[str, int]) -> str:
    return "  ".join(f"{kind} {number}" for kind, number in counts.items())


def _day(article: Article) -> str:
    day = article.published_day
    return day.isoformat() if day else "—"


def _one_line(text: str, width: int = 110) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= width else folded[: width - 1] + "…"


def main() -> None:
    """Entry point for ``python -m recoupe``."""
    app()
