"""The `tidings` command line. It mirrors the Python API: `tidings extract` is `tidings.extract`."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import List, Optional

import typer

from .about import __version__
from .errors import InputError, TidingsError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News reports in, sourced and dated event data out.")


class ExtractFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    plover = "plover"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tidings {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """News reports in, sourced and dated event data out."""


def fail(message: str) -> None:
    """Print one line `Error: ...` on standard error (every command reports its errors so)."""
    typer.echo(f"Error: {message}", err=True)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Articles: .txt, .html, .jsonl files, or - for JSON Lines on stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for "
                                            "articles that do not carry one; otherwise it is inferred."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="Output format."),
) -> None:
    """Extract the record of each article and print it, in input order."""
    from .inputs import parse_date, read_path

    try:
        pub = parse_date(published, what="--published date")
    except InputError as exc:
        fail(str(exc).replace("the --published date", "--published"))
        raise typer.Exit(1)
    items = (item for path in paths for item in read_path(path, pub))
    from .pipeline import extract_many
    from .render import render

    failed = 0
    records = []
    try:
        for result in extract_many(items, errors="return"):
            if isinstance(result, InputError):
                failed += 1
                fail(str(result))
                continue
            if fmt is ExtractFormat.json:
                records.append(result.to_dict())
            else:
                render(result, fmt.value, sys.stdout)
    except TidingsError as exc:
        fail(str(exc))
        raise typer.Exit(1)
    if fmt is ExtractFormat.json:
        out = records[0] if len(records) == 1 and failed == 0 and len(paths) == 1 and paths[0] != "-" else records
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if failed:
        raise typer.Exit(1)


from .corpus.commands import register as _register_corpus  # noqa: E402

_register_corpus(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
