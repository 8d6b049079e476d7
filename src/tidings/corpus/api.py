"""`Corpus`: the Python API over a corpus database; the `tidings` corpus commands mirror it.

    >>> from tidings.corpus import Corpus
    >>> corpus = Corpus("tidings.db")
    >>> corpus.ingest(["examples/"], workers=1)
    >>> corpus.events(actor="RUS", type="SANCTION", clustered=True)
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..record import Record
from . import query
from .ingest import IngestSummary, Progress, ingest
from .schema import connect


class Corpus:
    """A corpus database at `path` (created on first write).

    Query methods take the filters documented in `tidings.corpus.query` and return one dict per row.
    """

    def __init__(self, path: str | Path = "tidings.db", *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.path, readonly=self.readonly)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], *, reprocess: bool = False, workers: int | None = None,
               batch_size: int = 32, progress: Progress | None = None) -> IngestSummary:
        """Extract and store every article under `paths` (see `tidings.corpus.ingest.ingest`)."""
        self.close()  # the ingest opens its own connection; ours would see a stale snapshot
        return ingest(self.path, paths, reprocess=reprocess, workers=workers, batch_size=batch_size,
                      progress=progress)

    # -- reading ----------------------------------------------------------------------------------

    def events(self, **filters) -> list[dict]:
        return query.events(self.conn, **filters)

    def count_events(self, **filters) -> int:
        return query.count_events(self.conn, **filters)

    def statements(self, **filters) -> list[dict]:
        return query.statements(self.conn, **filters)

    def claims(self, **filters) -> list[dict]:
        return query.claims(self.conn, **filters)

    def claim_history(self, claim: int) -> list[dict]:
        return query.claim_history(self.conn, claim)

    def entities(self, **filters) -> list[dict]:
        return query.entities(self.conn, **filters)

    def articles(self, **filters) -> list[dict]:
        return query.articles(self.conn, **filters)

    def failures(self, **filters) -> list[dict]:
        return query.failures(self.conn, **filters)

    def stats(self) -> dict[str, int]:
        """How many rows each main table holds."""
        c = self.conn
        out = {}
        for name, table in (("articles", "articles"), ("events", "events"), ("event_clusters", "event_clusters"),
                            ("statements", "statements"), ("claims", "claims"), ("claim_clusters", "claim_clusters"),
                            ("entities", "canonical_entities"), ("failures", "failures")):
            out[name] = c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["multi_report_clusters"] = c.execute(
            "SELECT count(*) FROM event_clusters WHERE n_reports > 1").fetchone()[0]
        return out

    def record(self, doc_id: str) -> Record:
        """The stored record of one article (its document id, or a unique prefix of it)."""
        from .errors import CorpusError

        rows = self.conn.execute("SELECT record, text FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                                 (doc_id, doc_id + "\uffff")).fetchall()
        if len(rows) != 1:
            raise CorpusError(f"{'no' if not rows else 'more than one'} article with id {doc_id!r}")
        return Record.from_dict(_with_text(rows[0]))

    def record_dicts(self) -> Iterator[dict]:
        """Every stored record, as the contract's JSON objects, in ingest order."""
        for row in self.conn.execute("SELECT record, text FROM articles ORDER BY n"):
            yield _with_text(row)

    def export(self, out: IO | str | Path, format: str = "jsonl") -> int:
        """Write the whole corpus: `plover` (PLOVER JSON Lines, one event a line), `jsonl` (one record a
        line), `csv` or `parquet` (one event a row). Returns the number of rows written."""
        from .output import export

        return export(self, out, format)


def _with_text(row) -> dict:
    rec = json.loads(row["record"])
    rec["document"]["text"] = row["text"]
    return rec
