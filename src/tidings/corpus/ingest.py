"""`ingest`: articles from files into the corpus, extracted on every core, stored in batches.

The parent process reads the inputs, skips what is already stored, hands chunks of articles to
worker processes (each loads the pipeline once with `tidings.load()`), and writes the records
that come back to SQLite, one transaction per batch. Killing it at any moment loses at most the
batch in flight, and running it again picks up where it stopped: an article is either wholly in
the database or not at all, and stored articles are skipped by their document id.
"""
from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError, TidingsError
from ..inputs import Article
from .errors import CorpusError
from .readers import estimate, find_sources, read_source
from .schema import connect
from .store import Store
from .version import pipeline_version

Progress = Callable[[int, int | None], None]  # (articles done since last call, new total or None)


@dataclass
class IngestSummary:
    """What one `ingest` did."""

    new: int = 0
    present: int = 0
    reprocessed: int = 0
    stale: int = 0  # already present, but extracted by another pipeline version (see --reprocess)
    events: int = 0
    statements: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)  # files of other types in folders, by suffix
    seconds: float = 0.0
    workers: int = 1

    @property
    def skipped(self) -> int:
        return len(self.failures)

    @property
    def articles(self) -> int:
        return self.new + self.present + self.reprocessed + self.skipped

    def as_dict(self) -> dict:
        return {"new": self.new, "present": self.present, "reprocessed": self.reprocessed, "stale": self.stale,
                "skipped": self.skipped, "events": self.events, "statements": self.statements,
                "claims": self.claims, "ignored": dict(self.ignored), "seconds": round(self.seconds, 2), "workers": self.workers,
                "failures": [{"origin": o, "reason": r} for o, r in self.failures]}


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _failure(exc: InputError) -> tuple[str, str]:
    return (exc.source or "<input>", str(exc.args[0]) if exc.args else str(exc))


# ---------------------------------------------------------------------------------------------
# Extraction, in a worker process or in this one

_NLP = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a process killed by SIGKILL stays a zombie until it is reaped
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _watch_parent(ingest_pid: int, parent: int) -> None:
    # If the ingest process dies, even by SIGKILL, exit: nothing else would end a worker blocked on its
    # queue (a fork server's workers even keep the server alive, so their parent never changes).
    while True:
        time.sleep(0.5)
        if os.getppid() != parent or not _alive(ingest_pid):
            os._exit(1)


def _init_worker(ingest_pid: int) -> None:
    global _NLP
    import tidings

    threading.Thread(target=_watch_parent, args=(ingest_pid, os.getppid()), daemon=True).start()
    _NLP = tidings.load()


def _work(chunk: list[Article]) -> list[tuple]:
    return extract_chunk(_NLP, chunk)


def extract_chunk(nlp, chunk: list[Article]) -> list[tuple]:
    """`("ok", record dict, origin)` or `("fail", origin, reason)` for each article of `chunk`, in order.

    One article that breaks the pipeline fails alone: the chunk is retried one article at a time.
    """
    from ..pipeline import extract_many

    def run(arts: list[Article]) -> list[tuple]:
        out = []
        for art, res in zip(arts, extract_many(arts, nlp=nlp, errors="return", batch_size=max(1, len(arts)))):
            if isinstance(res, InputError):
                out.append(("fail", *_failure(res if res.source else InputError(str(res), source=art.origin))))
            else:
                out.append(("ok", res.to_dict(), art.origin))
        return out

    try:
        return run(chunk)
    except Exception:
        out = []
        for art in chunk:
            try:
                out += run([art])
            except Exception as exc:  # a bug in a stage: record it, go on
                out.append(("fail", art.origin or "<input>",
                            f"the pipeline failed on this article ({type(exc).__name__}: {exc}); please report it"))
        return out


class _Extractor:
    """Runs chunks through the pipeline: in this process, or on a pool of worker processes."""

    def __init__(self, workers: int, window: int):
        self.workers = workers
        self.window = window
        self.pool: ProcessPoolExecutor | None = None
        self.nlp = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            import multiprocessing as mp

            # A fork server that has loaded the pipeline once forks the workers: they start at once and
            # share the model's memory. Where there is no fork server (not POSIX), spawn.
            if "forkserver" in mp.get_all_start_methods():
                ctx = mp.get_context("forkserver")
                ctx.set_forkserver_preload(["tidings.corpus._preload"])
            else:
                ctx = mp.get_context("spawn")
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
                                            initargs=(os.getpid(),))
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def run(self, chunks: Iterator[list[Article]]) -> Iterator[tuple]:
        if self.workers <= 1:
            import tidings

            self.nlp = self.nlp or tidings.load()
            for chunk in chunks:
                yield from extract_chunk(self.nlp, chunk)
            return
        retry: deque[tuple[list[Article], bool]] = deque()
        pending: deque = deque()  # (future, chunk, single), in submission order
        exhausted = False
        results_from_pool = 0  # results the current pool has given; a pool that gives none never worked
        dead_pools = 0
        while True:
            broken = False
            while len(pending) < self.window and (retry or not exhausted):
                if retry:
                    chunk, single = retry.popleft()
                else:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    single = False
                try:
                    pending.append((self._pool().submit(_work, chunk), chunk, single))
                except BrokenProcessPool:
                    retry.appendleft((chunk, single))
                    broken = True
                    break
            if not pending and not broken:
                return
            if not broken:
                future, chunk, single = pending[0]
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                else:
                    pending.popleft()
                    results_from_pool += 1
                    yield from results
                    continue
            # A worker died (crash, out of memory): restart the pool; retry the chunk that was first in
            # line one article at a time, and record an article that kills a worker on its own.
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            dead_pools = dead_pools + 1 if results_from_pool == 0 else 1
            results_from_pool = 0
            if dead_pools >= 3:
                raise TidingsError("the extraction worker processes keep dying before they give any result; "
                                   "run with --workers 1 to see why")
            if pending:
                _, chunk, single = pending.popleft()
                if single:
                    art = chunk[0]
                    yield ("fail", art.origin or "<input>",
                           "the pipeline crashed on this article (a worker process died); please report it")
                else:
                    retry.extend(([a], True) for a in chunk)
                retry.extend((c, s) for _, c, s in pending)
                pending.clear()


# ---------------------------------------------------------------------------------------------
# The ingest loop


def ingest(db: str | Path, paths: Iterable[str | Path], *, reprocess: bool = False, workers: int | None = None,
           batch_size: int = 32, chunk_size: int = 4, progress: Progress | None = None) -> IngestSummary:
    """Extract every article under `paths` and store it in the corpus at `db`.

    Articles already stored (same document id) are skipped; with `reprocess`, those stored by
    another pipeline version are extracted again, including stored articles not among `paths`.
    Inputs that cannot be analysed are recorded in the `failures` table and the summary.
    """
    t0 = time.perf_counter()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    workers = default_workers() if not workers or workers < 1 else workers
    version = pipeline_version()
    conn = connect(db)
    store = Store(conn, version)
    summary = IngestSummary(workers=workers)
    sources = list(find_sources(paths))
    total = estimate(sources)
    if reprocess:
        total += conn.execute("SELECT count(*) FROM articles WHERE pipeline_version != ?", (version,)).fetchone()[0]
    tick = progress or (lambda done, total: None)
    tick(0, total)

    seen: set[str] = set()
    failures: list[tuple[str, str]] = []  # waiting for the next batch

    def to_extract() -> Iterator[Article]:
        for source in sources:
            if source.kind == "ignored":
                suffix = "".join(source.path.suffixes[-1:]).lower() or "(no suffix)"
                summary.ignored[suffix] = summary.ignored.get(suffix, 0) + 1
                continue
            for item in read_source(source):
                if isinstance(item, InputError):
                    failures.append(_failure(item))
                    summary.failures.append(failures[-1])
                    tick(1, None)
                    continue
                doc_id = item.id
                if doc_id in seen:
                    summary.present += 1
                    tick(1, None)
                    continue
                seen.add(doc_id)
                stored = store.stored_version(doc_id)
                if stored is not None and (stored == version or not reprocess):
                    summary.present += 1
                    summary.stale += stored != version
                    tick(1, None)
                    continue
                yield item
        if reprocess:
            yield from _stale_articles(conn, version, seen)

    def chunks() -> Iterator[list[Article]]:
        chunk: list[Article] = []
        for art in to_extract():
            chunk.append(art)
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    extractor = _Extractor(workers, window=2 * workers + 1)
    batch: list[tuple[dict, str | None]] = []

    def flush() -> None:
        if not batch and not failures:
            return
        try:
            res = store.write_batch(batch, failures)
        except sqlite3.OperationalError as exc:
            hint = ("another process is writing to it; wait for it to finish" if "locked" in str(exc)
                    else "check the disk and the file's permissions")
            raise CorpusError(f"cannot write to {db} ({exc}): {hint}") from None
        summary.new += res.new
        summary.reprocessed += res.reprocessed
        summary.present += res.present
        summary.events += res.events
        summary.statements += res.statements
        summary.claims += res.claims
        batch.clear()
        failures.clear()

    try:
        for result in extractor.run(chunks()):
            if result[0] == "ok":
                batch.append((result[1], result[2]))
                tick(1, None)
            else:
                failures.append((result[1], result[2]))
                summary.failures.append(failures[-1])
                tick(1, None)
            if len(batch) >= batch_size:
                flush()
        flush()
        conn.execute("PRAGMA optimize")
    finally:
        extractor.close()
        conn.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def _stale_articles(conn, version: str, seen: set[str]) -> Iterator[Article]:
    """Stored articles extracted by another pipeline version, rebuilt from their stored text."""
    ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE pipeline_version != ? ORDER BY n", (version,))]
    for doc_id in ids:
        if doc_id in seen:
            continue
        row = conn.execute("SELECT * FROM articles WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            continue
        basis = row["published_basis"]
        keep_date = basis in ("given", "metadata")
        yield Article(text=row["text"], source_id=row["source_id"], title=row["title"], url=row["url"],
                      publisher=row["publisher"], published=row["published"] if keep_date else None,
                      published_basis=basis if keep_date else "unknown", origin=row["origin"])


if __name__ == "__main__":  # pragma: no cover - `python -m tidings.corpus.ingest DB PATH...`
    print(ingest(sys.argv[1], sys.argv[2:]).as_dict())
