"""Loading of the data files in `tidings/data/`.

Every lexicon is a UTF-8 TSV file. Lines starting with `#` are comments (each file's header
says what a row means); the first non-comment line names the columns. List-valued cells are
separated by `|`. Files are read once per process.
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import Iterator


def split(cell: str | None) -> list[str]:
    """Split a `|`-separated cell into its non-empty items."""
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _lines(name: str) -> Iterator[str]:
    text = resources.files("tidings").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


@functools.lru_cache(maxsize=None)
def table(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Rows of `data/<name>` as dicts keyed by `columns`.

    A first line that repeats the column names (a header row) is skipped.
    """
    header = list(columns)
    rows = []
    for line in _lines(name):
        if [c.strip().lower() for c in line.split("\t")] == header:
            continue
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append({h.strip(): c.strip() for h, c in zip(header, cells)})
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-column word list (`data/<name>`), lower-cased."""
    return frozenset(line.strip().lower() for line in _lines(name))
