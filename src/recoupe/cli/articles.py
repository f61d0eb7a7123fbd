"""Commands over articles: ingest, update, articles, show, export articles."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from recoupe.cli.app import (
    DbOption,
    LanguageOption,
    OutletOption,
    SinceOption,
    UntilOption,
    app,
    err,
    export_app,
    one_line,
    out,
    write_jsonl,
)
from recoupe.exports import article_record
from recoupe.model import Article
from recoupe.pipeline.ingestion import ingest as run_ingest
from recoupe.store import ArticleFilter, Store

if TYPE_CHECKING:
    from recoupe.nlp import NlpConfig

PipelineOption = Annotated[
    list[str] | None,
    typer.Option(
        "--pipeline",
        help="A spaCy pipeline for another language, as LANG=NAME (e.g. en=en_core_web_sm); "
        "repeatable. Articles in a language with no pipeline are stored but not analysed.",
    ),
]


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, feeds, WARC archives, JSON Lines or feed URLs."),
    ],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
    analyse: Annotated[
        bool,
        typer.Option(help="Then find entities, quotes, actions, events and stories (`update`)."),
    ] = True,
    pipeline: PipelineOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read news in any common form, clean it and store it (running it twice changes nothing)."""
    counts = {"stored": 0, "duplicates": 0, "rejected": 0}
    with Store(db) as store:
        with _progress(quiet) as progress:
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
        if analyse:
            _update(store, quiet, _nlp_config(pipeline))
    raise typer.Exit(report.exit_code)


@app.command("update")
def update_stages(
    db: DbOption = None,
    pipeline: PipelineOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run entities, quotes, actions, events and stories on articles not analysed yet."""
    config = _nlp_config(pipeline)
    with Store(db) as store:
        _update(store, quiet, config)


def _nlp_config(pipelines: list[str] | None) -> NlpConfig:
    """French by default, plus any ``LANG=PIPELINE`` the user names (a usage error if malformed)."""
    from recoupe.nlp import NlpConfig  # spaCy loads in seconds: only when analysis runs

    config = NlpConfig()
    for item in pipelines or []:
        language, sep, name = item.partition("=")
        if not sep or not language.strip() or not name.strip():
            raise typer.BadParameter(
                f"expected LANG=PIPELINE, got {item!r}", param_hint="--pipeline"
            )
        config.pipelines[language.strip().lower()] = name.strip()
    return config


def _update(store: Store, quiet: bool, config: NlpConfig) -> None:
    from recoupe.pipeline.stages import update as run_update

    with _progress(quiet) as progress:
        nlp = progress.add_task("entities, quotes, actions", total=None)
        link = progress.add_task("events and stories", total=None)
        report = run_update(
            store,
            config,
            on_annotated=lambda n: progress.update(nlp, advance=n),
            on_linked=lambda n: progress.update(link, advance=n),
        )
    out.print(f"analysed {report.annotated}, placed in events {report.linked}")


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
        placed = store.link_columns()
        unplaced = {"event_id": None, "story_id": None, "duplicate_of": None}
        write_jsonl(
            article_record(article) | placed.get(article.id or 0, unplaced)
            for article in store.iter_articles(where)
        )


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
        out.print(f"[dim]{escape(removal.reason):>20}[/dim]  {escape(one_line(removal.text))}")


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
        TextColumn("[dim]{task.completed:.0f} done[/dim]"),
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
