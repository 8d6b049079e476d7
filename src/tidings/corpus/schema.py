"""The corpus database: every table in one place, created and upgraded by numbered migrations.

A corpus is one SQLite file that any tool can open. Each migration runs in its own transaction
and is recorded in `migrations` (and in `PRAGMA user_version`), so a database is always at a
known version and opening it again applies only what is missing.

Tables (article-level rows point at `articles.n`, the integer row id; `articles.id` is the
document's sha256):

- `articles`: one row per document, with its text, metadata, the pipeline version that analysed
  it and its record (the contract JSON, without `document.text`, which is the `text` column).
- `articles_fts`: FTS5 index over title and text.
- `entities` (per article), `mentions`, `canonical_entities` and `canonical_aliases` (across articles).
- `times`, `statements`.
- `events` with `event_participants` (actor and recipient rows), grouped into `event_clusters`
  (with `cluster_codes`, the actor and recipient codes of each cluster's reports together).
- `claims` with `claim_parties` (claimants, confirmers, deniers, neither), grouped into `claim_clusters`.
- `failures`: inputs that could not be analysed, with the reason.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

MIGRATIONS: list[tuple[str, str]] = [
    ("tables", """
CREATE TABLE articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_id TEXT,
    title TEXT,
    publisher TEXT,
    publisher_key TEXT,
    url TEXT,
    language TEXT,
    published TEXT,
    published_basis TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    record TEXT NOT NULL,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_statements INTEGER NOT NULL DEFAULT 0,
    n_claims INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='n');

CREATE TABLE canonical_entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE canonical_aliases (
    alias TEXT NOT NULL,
    kind TEXT NOT NULL,
    canonical INTEGER NOT NULL REFERENCES canonical_entities(id),
    PRIMARY KEY (alias, kind, canonical)
) WITHOUT ROWID;

CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(n),
    eid TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    sectors TEXT,
    titles TEXT,
    geo TEXT,
    n_mentions INTEGER NOT NULL,
    canonical INTEGER REFERENCES canonical_entities(id),
    PRIMARY KEY (article, eid)
) WITHOUT ROWID;
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(n),
    entity TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles(n),
    tid TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    granularity TEXT,
    anchor TEXT
);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(n),
    sid TEXT NOT NULL,
    speaker TEXT,
    speaker_canonical INTEGER,
    speaker_name TEXT,
    speaker_country TEXT,
    speaker_text TEXT,
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    within TEXT
);

CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL,
    status_group TEXT NOT NULL,
    actor_codes TEXT,
    recipient_codes TEXT,
    date TEXT,
    date_start TEXT,
    date_end TEXT,
    place_country TEXT,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_publishers INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published TEXT
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(n),
    vid TEXT NOT NULL,
    event TEXT NOT NULL,
    mode TEXT,
    context TEXT,
    quad_code INTEGER,
    actor_codes TEXT,
    actor_text TEXT,
    recipient_codes TEXT,
    recipient_text TEXT,
    date TEXT,
    date_granularity TEXT,
    date_basis TEXT,
    date_start TEXT,
    date_end TEXT,
    date_unit TEXT,
    place TEXT,
    place_country TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    event_text TEXT NOT NULL,
    sentence TEXT,
    start INTEGER,
    "end" INTEGER,
    status TEXT NOT NULL,
    source TEXT,
    source_name TEXT,
    statement TEXT,
    confidence REAL,
    cluster INTEGER REFERENCES event_clusters(id)
);
CREATE TABLE event_participants (
    event INTEGER NOT NULL REFERENCES events(id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    entity TEXT,
    canonical INTEGER,
    code TEXT,
    sector TEXT,
    text TEXT NOT NULL
);

CREATE TABLE claim_clusters (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    claimant_key TEXT NOT NULL,
    n_claims INTEGER NOT NULL DEFAULT 0,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_publishers INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published TEXT
);
CREATE TABLE claim_cluster_claimants (
    cluster INTEGER NOT NULL REFERENCES claim_clusters(id),
    canonical INTEGER NOT NULL,
    PRIMARY KEY (canonical, cluster)
) WITHOUT ROWID;
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(n),
    cid TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    claimant_names TEXT,
    events TEXT,
    statements TEXT,
    cluster INTEGER REFERENCES claim_clusters(id)
);
CREATE TABLE claim_parties (
    claim INTEGER NOT NULL REFERENCES claims(id),
    stance TEXT NOT NULL,
    entity TEXT NOT NULL,
    canonical INTEGER,
    name TEXT
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    times INTEGER NOT NULL DEFAULT 1,
    UNIQUE (origin, reason)
);
"""),
    ("indexes", """
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_publisher ON articles(publisher_key);
CREATE INDEX articles_version ON articles(pipeline_version);
CREATE INDEX canonical_by_name ON canonical_entities(name COLLATE NOCASE);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX times_article ON times(article);
CREATE INDEX statements_article ON statements(article);
CREATE INDEX statements_speaker ON statements(speaker_canonical);
CREATE INDEX statements_country ON statements(speaker_country);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_type_date ON events(event, date_start);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_status ON events(status, date_start);
CREATE INDEX events_place ON events(place_country);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX participants_event ON event_participants(event);
CREATE INDEX participants_code ON event_participants(role, code, event);
CREATE INDEX participants_canonical ON event_participants(canonical);
CREATE INDEX clusters_type_date ON event_clusters(event, date_start);
CREATE INDEX clusters_reports ON event_clusters(n_reports);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_cluster ON claims(cluster);
CREATE INDEX claim_parties_claim ON claim_parties(claim);
CREATE INDEX claim_parties_canonical ON claim_parties(canonical, stance);
CREATE INDEX claim_clusters_key ON claim_clusters(claimant_key);
CREATE INDEX claim_cluster_claimants_cluster ON claim_cluster_claimants(cluster);
"""),
    ("events by type, date unit and start, for finding reports of the same event", """
CREATE INDEX events_type_unit_date ON events(event, date_unit, date_start);
"""),
    ("the actor and recipient codes of each event cluster, for filtering clusters by them", """
CREATE TABLE cluster_codes (
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    cluster INTEGER NOT NULL REFERENCES event_clusters(id),
    PRIMARY KEY (role, code, cluster)
) WITHOUT ROWID;
CREATE INDEX cluster_codes_cluster ON cluster_codes(cluster);
INSERT OR IGNORE INTO cluster_codes (role, code, cluster)
    SELECT p.role, p.code, e.cluster FROM event_participants p JOIN events e ON e.id = p.event
    WHERE p.code IS NOT NULL AND e.cluster IS NOT NULL;
"""),
]

SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or upgrade, unless `readonly`) the corpus database at `path`.

    The connection is in autocommit mode: writers open their own `BEGIN IMMEDIATE` transactions,
    so a batch either commits whole or leaves no trace.
    """
    path = Path(path)
    from .errors import CorpusError

    if readonly and not path.exists():
        raise CorpusError(f"no database at {path}: create one with `tidings ingest PATH --db {path}`")
    if not path.parent.is_dir():
        raise CorpusError(f"the folder {path.parent} does not exist: create it or give another --db path")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA temp_store=MEMORY")
        if readonly:
            check_version(conn, path)
        else:
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise CorpusError(f"cannot open {path} as a tidings corpus ({exc}): give the path of a corpus "
                          "database, or a new file") from None
    return conn


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_version(conn: sqlite3.Connection, path: Path) -> None:
    from .errors import CorpusError

    v = version(conn)
    if v == 0:
        raise CorpusError(f"{path} is not a tidings corpus: create one with `tidings ingest PATH --db NEW.db`")
    if v > SCHEMA_VERSION:
        raise CorpusError(f"{path} was written by a newer tidings (schema {v}, this one knows {SCHEMA_VERSION}): "
                          "upgrade tidings")


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this database lacks, each in one transaction. Returns the version."""
    from .errors import CorpusError

    current = version(conn)
    if current > SCHEMA_VERSION:
        raise CorpusError(f"the database was written by a newer tidings (schema {current}, this one "
                          f"knows {SCHEMA_VERSION}): upgrade tidings")
    if current == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables:
            raise CorpusError("this SQLite file already holds other tables and is not a tidings corpus: "
                              "give a new --db path")
    for number in range(current + 1, SCHEMA_VERSION + 1):
        name, sql = MIGRATIONS[number - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) >= number:  # another process got there first
                conn.execute("ROLLBACK")
                continue
            if number == 1:
                conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (number, name, now()))
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version(conn)


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]
