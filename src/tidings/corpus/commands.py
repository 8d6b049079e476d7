"""CLI commands over the corpus database (`tidings ingest`, `tidings events`, ...).

Each command mirrors a `tidings.corpus.Corpus` method with the same option names; errors print one
line `Error: ...` on standard error and exit 1.
"""
from __future__ import annotations

import functools
import sys
import time
from collections import deque
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

from ..errors import InputError, TidingsError

DB_HELP = "The corpus database (SQLite). Default: tidings.db, or $TIDINGS_DB."
SEARCH = "Words that must all occur in the article (full-text search)."
PUBLISHER = "Publisher name or web site."


class Format(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportFormat(str, Enum):
    plover = "plover"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _errors(fn: Callable) -> Callable:
    """Turn tidings errors into one line `Error: ...` and exit status 1."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TidingsError as exc:
            from ..cli import fail  # here, not at the top: cli.py imports this module to add the commands
            fail(str(exc))
            raise typer.Exit(1)
    return wrapper


# Shared options, with the same names as the Python API's keyword arguments.
def _db() -> Path:
    return typer.Option("tidings.db", "--db", envvar="TIDINGS_DB", help=DB_HELP)


def _fmt():
    return typer.Option(Format.table, "--format", "-f", help="Output format (parquet needs pyarrow).")


def _text(name: str, help: str):
    """An optional text filter `--name`."""
    return typer.Option(None, f"--{name}", help=help)


def _since(help: str = "Articles published on or after this date."):
    return _text("since", help)


def _until(help: str = "Articles published up to this date."):
    return _text("until", help)


def _publisher():
    return _text("publisher", PUBLISHER)


def _search(help: str = SEARCH):
    return _text("search", help)


def _clustered(help: str):
    return typer.Option(False, "--clustered", help=help)


def _min_reports(help: str):
    return typer.Option(None, "--min-reports", min=1, help=help)


def _output():
    return typer.Option(None, "--output", "-o", help="Write to this file instead of standard output.")


def _limit():
    return typer.Option(None, "--limit", help="At most this many rows (default: 50 for a table, all otherwise; "
                                              "0 for all).")


def _show(rows_fn: Callable[[Optional[int]], list], count_fn: Callable[[], int] | None, fmt: Format,
          output: Optional[Path], limit: Optional[int], kind: str) -> None:
    from .output import write_rows

    if fmt is Format.parquet:
        from .output import need_pyarrow
        need_pyarrow()
    if limit is None:
        limit = 50 if fmt is Format.table else 0
    rows = rows_fn(limit or None)
    total = None
    if fmt is Format.table and limit and len(rows) == limit and count_fn is not None:
        total = count_fn()
    write_rows(rows, fmt.value, str(output) if output else None, kind=kind, total=total)


def _corpus(db: Path):
    from .api import Corpus
    return Corpus(db, readonly=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the `tidings` app."""

    @app.command()
    @_errors
    def ingest(
        paths: List[str] = typer.Argument(None, help="Files and folders (searched recursively): .txt, .html, "
                                                     ".jsonl, RSS/Atom feeds (.rss, .atom, .xml), WARC (.warc, .warc.gz)."),
        db: Path = _db(),
        reprocess: bool = typer.Option(False, "--reprocess", help="Re-extract articles stored by another pipeline "
                                       "version (those under PATHS, and all others in the database)."),
        workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                              help="Extraction processes (default: one per core)."),
        batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles written per transaction."),
    ) -> None:
        """Extract every article under PATHS and store it in the corpus database."""
        from .api import Corpus

        if not paths and not reprocess:
            raise InputError("give the files or folders to ingest, e.g. `tidings ingest articles/`")
        try:
            summary = _run_with_progress(Corpus(db), paths or [], reprocess, workers, batch_size)
        except KeyboardInterrupt:
            typer.echo("Interrupted: every batch committed so far is stored; run the same command again to "
                       "go on", err=True)
            raise typer.Exit(130)
        _print_summary(db, summary)

    @app.command()
    @_errors
    def events(
        db: Path = _db(),
        actor: Optional[str] = _text("actor", "Actor code(s), e.g. RUS or RUS,PRK."),
        recipient: Optional[str] = _text("recipient", "Recipient code(s), e.g. UKR."),
        type: Optional[str] = _text("type", "PLOVER event type(s), e.g. ASSAULT or SANCTION,THREATEN."),
        status: Optional[str] = _text("status", "asserted, attributed, claimed, denied, negated, hypothetical or "
                                      "future (comma-separated for several)."),
        since: Optional[str] = _since("Events that happened on or after this date: YYYY, YYYY-MM or YYYY-MM-DD."),
        until: Optional[str] = _until("Events that happened up to this date."),
        place: Optional[str] = _text("place", "Country code (SYR) or part of a place name."),
        publisher: Optional[str] = _publisher(), search: Optional[str] = _search(),
        clustered: bool = _clustered("One row per event across reports, with the number of reports and of "
                                     "distinct publishers."),
        min_reports: Optional[int] = _min_reports("Only events reported by at least this many articles."),
        fmt: Format = _fmt(), output: Optional[Path] = _output(), limit: Optional[int] = _limit(),
    ) -> None:
        """Events: who did what to whom, when, where, who says so."""
        filters = dict(actor=actor, recipient=recipient, type=type, status=status, since=since, until=until,
                       place=place, publisher=publisher, search=search, clustered=clustered, min_reports=min_reports)
        c = _corpus(db)
        _show(lambda lim: c.events(limit=lim, **filters), lambda: c.count_events(**filters), fmt, output, limit,
              "clusters" if clustered else "events")

    @app.command()
    @_errors
    def statements(
        db: Path = _db(),
        actor: Optional[str] = _text("actor", "Speaker's country code(s)."),
        speaker: Optional[str] = _text("speaker", "Part of the speaker's name."),
        since: Optional[str] = _since(), until: Optional[str] = _until(),
        publisher: Optional[str] = _publisher(), search: Optional[str] = _search(),
        fmt: Format = _fmt(), output: Optional[Path] = _output(), limit: Optional[int] = _limit(),
    ) -> None:
        """Statements: who said what, in which article."""
        c = _corpus(db)
        _show(lambda lim: c.statements(actor=actor, speaker=speaker, since=since, until=until, publisher=publisher,
                                       search=search, limit=lim), None, fmt, output, limit, "statements")

    @app.command()
    @_errors
    def claims(
        db: Path = _db(),
        actor: Optional[str] = _text("actor", "Claimant's country code(s)."),
        status: Optional[str] = _text("status", "unconfirmed, confirmed, denied, disputed or asserted "
                                      "(comma-separated for several)."),
        since: Optional[str] = _since(), until: Optional[str] = _until(),
        publisher: Optional[str] = _publisher(), search: Optional[str] = _search(),
        clustered: bool = _clustered("One row per claim across articles, with the dated list of who confirmed, "
                                     "denied or declined to."),
        min_reports: Optional[int] = _min_reports("Only claims repeated by at least this many articles."),
        history: bool = typer.Option(False, "--history", help="With --clustered: add the full dated list, one "
                                     "entry per article and party (a JSON column)."),
        fmt: Format = _fmt(), output: Optional[Path] = _output(), limit: Optional[int] = _limit(),
    ) -> None:
        """Claims: contested propositions, who makes them, who confirms or denies them."""
        c = _corpus(db)
        _show(lambda lim: c.claims(actor=actor, status=status, since=since, until=until, publisher=publisher,
                                   search=search, clustered=clustered, min_reports=min_reports, history=history,
                                   limit=lim),
              None, fmt, output, limit, "claim_clusters" if clustered else "claims")

    @app.command()
    @_errors
    def entities(
        db: Path = _db(),
        actor: Optional[str] = _text("actor", "Country code(s) of the entity."),
        kind: Optional[str] = _text("kind", "PERSON, ORG, COUNTRY, LOCATION, GROUP, TREATY, OTHER."),
        search: Optional[str] = _search("Part of a name or alias."),
        since: Optional[str] = _since("Named in articles published on or after this date."),
        until: Optional[str] = _until("Named in articles published up to this date."),
        publisher: Optional[str] = _publisher(),
        fmt: Format = _fmt(), output: Optional[Path] = _output(), limit: Optional[int] = _limit(),
    ) -> None:
        """Entities merged across articles (by name, aliases and country), most reported first."""
        c = _corpus(db)
        _show(lambda lim: c.entities(actor=actor, kind=kind, search=search, since=since, until=until,
                                     publisher=publisher, limit=lim), None, fmt, output, limit, "entities")

    @app.command()
    @_errors
    def articles(
        db: Path = _db(),
        actor: Optional[str] = _text("actor", "Articles with an event by this actor code."),
        type: Optional[str] = _text("type", "Articles with an event of this PLOVER type."),
        since: Optional[str] = _since("Published on or after this date."),
        until: Optional[str] = _until("Published up to this date."),
        publisher: Optional[str] = _publisher(), search: Optional[str] = _search(),
        fmt: Format = _fmt(), output: Optional[Path] = _output(), limit: Optional[int] = _limit(),
    ) -> None:
        """Articles in the corpus, with how many events, statements and claims each gave."""
        c = _corpus(db)
        _show(lambda lim: c.articles(actor=actor, type=type, since=since, until=until, publisher=publisher,
                                     search=search, limit=lim), None, fmt, output, limit, "articles")

    @app.command()
    @_errors
    def failures(db: Path = _db(), fmt: Format = _fmt(), output: Optional[Path] = _output(),
                 limit: Optional[int] = _limit()) -> None:
        """Inputs that could not be ingested, with the reason."""
        c = _corpus(db)
        _show(lambda lim: c.failures(limit=lim), None, fmt, output, limit, "failures")

    @app.command()
    @_errors
    def export(
        db: Path = _db(),
        fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="plover: PLOVER JSON Lines, one "
                                         "event a line; jsonl: one record a line; csv, parquet: one event a row."),
        output: Optional[Path] = _output(),
    ) -> None:
        """Write the whole corpus for other tools."""
        n = _corpus(db).export(str(output) if output else None, fmt.value)
        if output:
            typer.echo(f"wrote {n} rows to {output}", err=True)


def _run_with_progress(corpus, paths, reprocess, workers, batch_size):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("articles, {task.fields[rate]};"), TimeRemainingColumn(), TextColumn("left,"),
               TimeElapsedColumn(), TextColumn("elapsed"))
    with Progress(*columns, console=console, transient=False, disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=None, rate="-/s")
        recent: deque = deque()  # (time, articles done): the rate over the last 20 seconds
        done = 0

        def tick(n: int, total: int | None) -> None:
            nonlocal done
            done += n
            now = time.perf_counter()
            if n:  # the model's start-up is not part of the rate
                recent.append((now, done))
            if not recent:
                if total is not None:
                    bar.update(task, total=total)
                return
            while len(recent) > 2 and now - recent[0][0] > 20:
                recent.popleft()
            t0, d0 = recent[0]
            rate = f"{(done - d0) / (now - t0):.1f}/s" if now > t0 and done > d0 else "-/s"
            if total is not None:
                bar.update(task, total=total, advance=n, rate=rate)
            else:
                bar.update(task, advance=n, rate=rate)

        return corpus.ingest(paths, reprocess=reprocess, workers=workers, batch_size=batch_size, progress=tick)


def _print_summary(db: Path, s) -> None:
    from .api import Corpus

    rate = (s.new + s.reprocessed) / s.seconds if s.seconds else 0
    typer.echo(f"{db}: {s.new} articles new, {s.present} already present, {s.reprocessed} reprocessed, "
               f"{s.skipped} skipped ({s.seconds:.1f} s, {rate:.1f} articles/s, {s.workers} worker(s))")
    typer.echo(f"added {s.events} events, {s.statements} statements, {s.claims} claims")
    with Corpus(db, readonly=True) as c:
        st = c.stats()
    typer.echo(f"the corpus holds {st['articles']} articles, {st['events']} events in {st['event_clusters']} "
               f"clusters ({st['multi_report_clusters']} reported more than once), {st['statements']} statements, "
               f"{st['claims']} claims, {st['entities']} entities")
    if s.ignored:
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(s.ignored.items()))
        typer.echo(f"ignored {sum(s.ignored.values())} files of other types in folders ({kinds})")
    if s.stale:
        typer.echo(f"{s.stale} of the articles already present were extracted by another pipeline version: "
                   "run again with --reprocess to update them")
    if s.failures:
        typer.echo("skipped:")
        for origin, reason in s.failures:
            typer.echo(f"  {origin}: {reason}")
        typer.echo(f"Warning: {s.skipped} input(s) could not be ingested; the reasons are above and in the "
                   f"failures table (`tidings failures --db {db}`)", err=True)
    sys.stdout.flush()
