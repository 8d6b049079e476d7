"""Writing query results and exports: a Rich table, CSV, JSON Lines, Parquet, PLOVER JSON Lines."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import IO, Iterable

from .errors import CorpusError

FORMATS = ("table", "csv", "jsonl", "parquet")
EXPORT_FORMATS = ("plover", "jsonl", "csv", "parquet")

#: The columns a table shows for each kind of row (csv, jsonl and parquet carry every column).
TABLE_COLUMNS = {
    "events": ["date", "event", "actor", "recipient", "status", "place", "source", "event_text", "reports",
               "publisher"],
    "clusters": ["cluster", "date", "event", "actor", "recipient", "status", "place_country", "reports",
                 "publishers", "example"],
    "statements": ["published", "speaker", "kind", "content"],
    "claims": ["published", "text", "status", "claimants", "confirmed_by", "denied_by", "neither_by", "reports"],
    "claim_clusters": ["claim", "text", "claimants", "reports", "publishers", "confirmed_by", "denied_by",
                       "neither_by"],
    "entities": ["name", "kind", "country", "articles", "mentions"],
    "articles": ["id", "published", "publisher", "title", "origin", "events", "statements", "claims"],
    "failures": ["origin", "reason", "times"],
}
_WIDE = {"event_text": 40, "content": 70, "text": 60, "example": 60, "title": 40, "reason": 80, "origin": 40,
         "id": 16}

PARQUET_HINT = ("--format parquet needs pyarrow, which is not installed: "
                "pip install 'tidings[parquet]' (or pip install pyarrow)")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _flat(row: dict) -> dict:
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in row.items()}


def need_pyarrow():
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise CorpusError(PARQUET_HINT) from None
    return pyarrow


def write_rows(rows: list[dict], fmt: str, out: IO | str | Path | None = None, *, kind: str = "events",
               total: int | None = None) -> None:
    """Write query rows in `fmt` to `out` (a path, a text stream, or standard output)."""
    if fmt not in FORMATS:
        raise CorpusError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        write_parquet(rows, out)
        return
    if out is None or out == "-":
        _write_text(rows, fmt, sys.stdout, kind, total)
    elif isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            _write_text(rows, fmt, f, kind, total)
    else:
        _write_text(rows, fmt, out, kind, total)


def _write_text(rows: list[dict], fmt: str, out: IO[str], kind: str, total: int | None) -> None:
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv(rows, out)
    else:
        write_table(rows, out, kind, total)


def write_csv(rows: Iterable[dict], out: IO[str]) -> int:
    writer = None
    n = 0
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(r), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in r.items()})
        n += 1
    return n


def write_table(rows: list[dict], out: IO[str], kind: str, total: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    terminal = out is sys.stdout and sys.stdout.isatty()
    console = Console(file=out, width=None if terminal else 160, force_terminal=False)
    columns = TABLE_COLUMNS.get(kind) or (list(rows[0]) if rows else [])
    table = Table(*columns, title=kind.replace("_", " "), title_justify="left")
    for r in rows:
        cells = []
        for c in columns:
            text = _cell(r.get(c)).replace("\n", " ")
            width = _WIDE.get(c)
            if width and len(text) > width:
                text = text[:width - 3] + "..."
            cells.append(text)
        table.add_row(*cells)
    console.print(table)
    if total is not None and total > len(rows):
        console.print(f"{len(rows)} of {total} rows shown; --limit 0 shows all, --format csv|jsonl|parquet "
                      "writes them for other tools")
    elif not rows:
        console.print("no rows match")


def write_parquet(rows: list[dict], out: IO | str | Path | None) -> None:
    pa = need_pyarrow()
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([_flat(r) for r in rows]) if rows else pa.table({})
    if out is None or out == "-":
        if sys.stdout.isatty():
            raise CorpusError("Parquet is binary: give --output FILE.parquet or redirect standard output to a file")
        buf = io.BytesIO()
        pq.write_table(table, buf)
        sys.stdout.flush()
        sys.stdout.buffer.write(buf.getvalue())
        sys.stdout.buffer.flush()
    elif isinstance(out, (str, Path)):
        pq.write_table(table, str(out))
    else:
        pq.write_table(table, out)


def export(corpus, out: IO | str | Path | None, fmt: str) -> int:
    """The whole corpus in `fmt`; see `Corpus.export`."""
    from ..record import Record
    from ..render import plover_rows
    from . import query

    if fmt not in EXPORT_FORMATS:
        raise CorpusError(f"unknown export format {fmt!r}: choose from {', '.join(EXPORT_FORMATS)}")
    if fmt in ("csv", "parquet"):
        if fmt == "parquet":
            need_pyarrow()
        rows = query.events(corpus.conn)
        write_rows(rows, fmt, out, kind="events")
        return len(rows)

    def lines() -> Iterable[str]:
        for rec in corpus.record_dicts():
            if fmt == "jsonl":
                yield json.dumps(rec, ensure_ascii=False)
            else:
                for row in plover_rows(Record.from_dict(rec)):
                    yield json.dumps(row, ensure_ascii=False)

    n = 0
    own = isinstance(out, (str, Path)) and out != "-"
    stream = open(out, "w", encoding="utf-8") if own else (sys.stdout if out in (None, "-") else out)
    try:
        for line in lines():
            stream.write(line + "\n")
            n += 1
    finally:
        if own:
            stream.close()
    return n
