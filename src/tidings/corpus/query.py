"""Reading the corpus: events, event clusters, statements, claims, entities, articles, failures.

Every query takes the same filters (those that make sense for it) and returns plain dicts, one per
row, so the Python API, the CLI and the exporters print the same thing. Filters are checked here
and a bad value raises `CorpusError` listing the valid choices.

Filters:
    actor, recipient   country or PLOVER actor codes ("RUS", "RUS,PRK"); for statements the
                       speaker's country, for claims a claimant's, for entities the entity's
    type               PLOVER event type(s) ("ASSAULT", "SANCTION,THREATEN")
    status             event status(es) for events, claim status(es) for claims
    since, until       YYYY, YYYY-MM or YYYY-MM-DD: events by when they happened (their date's
                       span overlaps), everything else by publication date
    place              an event place: a country code ("SYR") or part of a place name ("Donetsk")
    publisher          publisher name or web site, case-insensitive
    search             words that must all occur in the article (SQLite FTS5)
    clustered          one row per event (or claim) across reports instead of one per report; a
                       cluster matches when its reports, taken together, match the filters
    min_reports        with clustered: only clusters reported by at least this many articles
    limit, offset      paging
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Any

from ..plover import EVENT_TYPES
from .cluster import MAX_SPAN_DAYS, STATUS_GROUP, date_span
from .errors import CorpusError
from .store import publisher_key

EVENT_STATUSES = tuple(STATUS_GROUP)
CLAIM_STATUSES = ("unconfirmed", "confirmed", "denied", "disputed", "asserted")
ENTITY_KINDS = ("PERSON", "ORG", "COUNTRY", "LOCATION", "GROUP", "TREATY", "OTHER")


def _list(value, what: str, choices: tuple[str, ...] | None = None, upper: bool = True) -> list[str]:
    if value is None or value == "" or value == []:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in items:
        for part in str(item).split(","):
            part = part.strip()
            if not part:
                continue
            part = part.upper() if upper else part.lower()
            if choices is not None and part not in choices:
                raise CorpusError(f"unknown {what} {part!r}: choose from {', '.join(choices)}")
            out.append(part)
    return out


def _codes(value, what: str) -> list[str]:
    codes = _list(value, what)
    for c in codes:
        if not re.fullmatch(r"[A-Z]{3}", c):
            raise CorpusError(f"{what} {c!r} is not a code: give a three-letter country or PLOVER actor code "
                              "such as RUS, USA, EUR, UNO")
    return codes


def _day(value, what: str, end: bool) -> str | None:
    if value is None or value == "":
        return None
    span = date_span(str(value))
    if span is None:
        raise CorpusError(f"{what} must be a date like 2024, 2024-11 or 2024-11-29, not {value!r}")
    return (span[1] if end else span[0]).isoformat()


def fts_query(text: str) -> str:
    """User words to an FTS5 query: every word must occur (punctuation is ignored)."""
    words = re.findall(r"\w+", text, re.UNICODE)
    if not words:
        raise CorpusError(f"--search {text!r} has no words to look for")
    return " ".join(f'"{w}"' for w in words)


def _in(column: str, values: list) -> tuple[str, list]:
    return f"{column} IN ({','.join('?' * len(values))})", list(values)


class Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, params=()) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _article_filters(w: Where, col: str, *, since=None, until=None, publisher=None, search=None,
                     dated_by_article: bool = True) -> None:
    """Filters on the article a row comes from (`col` is the article's `n`)."""
    if dated_by_article:
        lo, hi = _day(since, "--since", False), _day(until, "--until", True)
        if lo:
            w.add(f"{col} IN (SELECT n FROM articles WHERE published >= ?)", [lo])
        if hi:
            w.add(f"{col} IN (SELECT n FROM articles WHERE published <= ?)", [hi])
    if publisher:
        w.add(f"{col} IN (SELECT n FROM articles WHERE publisher_key = ?)", [publisher_key(publisher, None)])
    if search:
        w.add(f"{col} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [fts_query(search)])


def _page(limit, offset) -> tuple[str, list]:
    if limit is None or limit <= 0:
        return ("", []) if not offset else (" LIMIT -1 OFFSET ?", [int(offset)])
    return " LIMIT ? OFFSET ?", [int(limit), int(offset or 0)]


def _rows(conn: sqlite3.Connection, sql: str, params: list) -> list[dict]:
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    except sqlite3.OperationalError as exc:
        raise CorpusError(f"the query failed ({exc})") from None


# ---------------------------------------------------------------------------------------------
# Events

EVENT_COLUMNS = """e.id AS id, substr(a.id, 1, 16) || '-' || e.vid AS event_id, a.id AS article,
 a.published, a.publisher, e.event, e.mode, e.context, e.quad_code, e.actor_codes AS actor, e.actor_text,
 e.recipient_codes AS recipient, e.recipient_text, e.date, e.date_granularity, e.date_basis, e.place,
 e.place_country, e.status, e.source_name AS source, e.event_text, e.sentence, e.confidence, e.cluster,
 k.n_reports AS reports, k.n_publishers AS publishers"""

CLUSTER_COLUMNS = """k.id AS cluster, k.event, k.status_group AS status, k.actor_codes AS actor,
 k.recipient_codes AS recipient, k.date, k.place_country, k.n_reports AS reports, k.n_publishers AS publishers,
 k.n_events AS events, k.first_published, k.last_published,
 (SELECT e2.sentence FROM events e2 WHERE e2.cluster = k.id ORDER BY e2.id LIMIT 1) AS example"""


def _role_filters(w: Where, subquery: str, actor=None, recipient=None) -> None:
    """Actor and recipient codes: `subquery` (with {role} and {clause} to fill in) picks the matching rows."""
    for role, value in (("actor", actor), ("recipient", recipient)):
        codes = _codes(value, f"--{role}")
        if codes:
            clause, params = _in("code", codes)
            w.add(subquery.format(role=role, clause=clause), params)


def _event_where(actor=None, recipient=None, type=None, status=None, since=None, until=None, place=None,
                 publisher=None, search=None) -> Where:
    w = Where()
    _role_filters(w, "e.id IN (SELECT event FROM event_participants WHERE role = '{role}' AND {clause})",
                  actor, recipient)
    types = _list(type, "event type", EVENT_TYPES)
    if types:
        clause, params = _in("e.event", types)
        w.add(clause, params)
    statuses = _list(status, "event status", EVENT_STATUSES, upper=False)
    if statuses:
        clause, params = _in("e.status", statuses)
        w.add(clause, params)
    lo, hi = _day(since, "--since", False), _day(until, "--until", True)
    if lo:
        # No date value spans more than MAX_SPAN_DAYS, which bounds the index range on date_start.
        floor = dt.date.fromisoformat(lo) - dt.timedelta(days=MAX_SPAN_DAYS + 1)
        w.add("e.date_end >= ? AND e.date_start >= ?", [lo, floor.isoformat()])
    if hi:
        w.add("e.date_start <= ?", [hi])
    if place:
        if re.fullmatch(r"[A-Za-z]{3}", place) and place.isupper():
            w.add("e.place_country = ?", [place])
        else:
            w.add("e.place LIKE ?", [f"%{place}%"])
    _article_filters(w, "e.article", publisher=publisher, search=search, dated_by_article=False)
    return w


def _cluster_where(min_reports=None, *, actor=None, recipient=None, **filters) -> Where:
    """Filters on clusters: a cluster matches when its reports, taken together, match them."""
    kw = Where()
    _role_filters(kw, "k.id IN (SELECT cluster FROM cluster_codes WHERE role = '{role}' AND {clause})",
                  actor, recipient)
    w = _event_where(**filters)
    if w.clauses:
        kw.add(f"k.id IN (SELECT e.cluster FROM events e{w.sql()})", w.params)
    if min_reports:
        kw.add("k.n_reports >= ?", [int(min_reports)])
    return kw


def events(conn: sqlite3.Connection, *, clustered: bool = False, min_reports: int | None = None,
           limit: int | None = None, offset: int = 0, **filters) -> list[dict]:
    """Events, one row per report; with `clustered`, one row per event across reports."""
    page, pp = _page(limit, offset)
    if clustered:
        kw = _cluster_where(min_reports, **filters)
        return _rows(conn, f"SELECT {CLUSTER_COLUMNS} FROM event_clusters k{kw.sql()} ORDER BY k.id{page}",
                     kw.params + pp)
    w = _event_where(**filters)
    if min_reports:
        w.add("e.cluster IN (SELECT id FROM event_clusters WHERE n_reports >= ?)", [int(min_reports)])
    # Page over the narrow ids first, then fetch the wide rows of that page only.
    return _rows(conn, f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.n = e.article "
                       f"LEFT JOIN event_clusters k ON k.id = e.cluster WHERE e.id IN "
                       f"(SELECT e.id FROM events e{w.sql()} ORDER BY e.id{page}) ORDER BY e.id",
                 w.params + pp)


def count_events(conn: sqlite3.Connection, *, clustered: bool = False, min_reports: int | None = None,
                 **filters) -> int:
    if clustered:
        kw = _cluster_where(min_reports, **filters)
        return conn.execute(f"SELECT count(*) FROM event_clusters k{kw.sql()}", kw.params).fetchone()[0]
    w = _event_where(**filters)
    if min_reports:
        w.add("e.cluster IN (SELECT id FROM event_clusters WHERE n_reports >= ?)", [int(min_reports)])
    return conn.execute(f"SELECT count(*) FROM events e{w.sql()}", w.params).fetchone()[0]


# ---------------------------------------------------------------------------------------------
# Statements, claims, entities, articles, failures


def statements(conn: sqlite3.Connection, *, actor=None, since=None, until=None, publisher=None, search=None,
               speaker: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Who said what: one row per statement, speaker resolved to an entity where the text allows."""
    w = Where()
    codes = _codes(actor, "--actor")
    if codes:
        clause, params = _in("s.speaker_country", codes)
        w.add(clause, params)
    if speaker:
        w.add("(s.speaker_name LIKE ? OR s.speaker_text LIKE ?)", [f"%{speaker}%", f"%{speaker}%"])
    _article_filters(w, "s.article", since=since, until=until, publisher=publisher, search=search)
    page, pp = _page(limit, offset)
    return _rows(conn, "SELECT s.id, a.id AS article, a.published, a.publisher, s.sid AS statement, "
                       "coalesce(s.speaker_name, s.speaker_text) AS speaker, s.speaker_country, s.speaker_text, "
                       "s.kind, s.cue, s.content, s.within FROM statements s JOIN articles a ON a.n = s.article"
                       f"{w.sql()} ORDER BY s.id{page}", w.params + pp)


def _claim_where(actor, status, since, until, publisher, search) -> Where:
    w = Where()
    codes = _codes(actor, "--actor")
    if codes:
        clause, params = _in("ce.country", codes)
        w.add("c.id IN (SELECT p.claim FROM claim_parties p JOIN canonical_entities ce ON ce.id = p.canonical "
              f"WHERE p.stance = 'claimant' AND {clause})", params)
    statuses = _list(status, "claim status", CLAIM_STATUSES, upper=False)
    if statuses:
        clause, params = _in("c.status", statuses)
        w.add(clause, params)
    _article_filters(w, "c.article", since=since, until=until, publisher=publisher, search=search)
    return w


def claims(conn: sqlite3.Connection, *, actor=None, status=None, since=None, until=None, publisher=None,
           search=None, clustered: bool = False, min_reports: int | None = None, history: bool = False,
           limit: int | None = None, offset: int = 0) -> list[dict]:
    """Claims, one row per article; with `clustered`, one row per claim across articles, with who made,
    confirmed, denied or declined to confirm it and the first date each was reported doing so, and
    with `history` also the full dated list (one entry per article and party)."""
    w = _claim_where(actor, status, since, until, publisher, search)
    page, pp = _page(limit, offset)
    if not clustered:
        if min_reports:
            w.add("c.cluster IN (SELECT id FROM claim_clusters WHERE n_reports >= ?)", [int(min_reports)])
        rows = _rows(conn, "SELECT c.id, a.id AS article, a.published, a.publisher, c.text, c.status, "
                           "c.claimant_names AS claimants, c.cluster, k.n_reports AS reports "
                           "FROM claims c JOIN articles a ON a.n = c.article "
                           f"LEFT JOIN claim_clusters k ON k.id = c.cluster{w.sql()} ORDER BY c.id{page}",
                     w.params + pp)
        for r in rows:
            for stance in ("confirmed", "denied", "neither"):
                r[f"{stance}_by"] = "; ".join(
                    x[0] or "" for x in conn.execute(
                        "SELECT name FROM claim_parties WHERE claim = ? AND stance = ?", (r["id"], stance)))
        return rows
    kw = Where()
    if w.clauses:
        kw.add(f"k.id IN (SELECT c.cluster FROM claims c{w.sql()})", w.params)
    if min_reports:
        kw.add("k.n_reports >= ?", [int(min_reports)])
    rows = _rows(conn, "SELECT k.id AS claim, k.text, k.n_reports AS reports, k.n_publishers AS publishers, "
                       "k.first_published, k.last_published FROM claim_clusters k"
                       f"{kw.sql()} ORDER BY k.id{page}", kw.params + pp)
    if not rows:
        return rows
    by_id = {r["claim"]: r for r in rows}
    for r in rows:
        r.update(claimants="", statuses="", confirmed_by="", denied_by="", neither_by="")
    ids = list(by_id)
    marks = ",".join("?" * len(ids))
    # Each party once per stance, with the first publication date it was reported on.
    parties: dict[tuple[int, str], list[str]] = {}
    for cluster, stance, party, first in conn.execute(
            "SELECT c.cluster, p.stance, coalesce(ce.name, p.name), min(a.published) FROM claims c "
            "JOIN articles a ON a.n = c.article JOIN claim_parties p ON p.claim = c.id "
            f"LEFT JOIN canonical_entities ce ON ce.id = p.canonical WHERE c.cluster IN ({marks}) "
            "GROUP BY c.cluster, p.stance, coalesce(p.canonical, p.name) ORDER BY min(a.published), min(p.rowid)", ids):
        label = party if stance == "claimant" else f"{party} ({first or 'undated'})"
        parties.setdefault((cluster, stance), []).append(label)
    for (cluster, stance), names in parties.items():
        key = "claimants" if stance == "claimant" else f"{stance}_by"
        by_id[cluster][key] = "; ".join(names)
    for cluster, statuses in conn.execute(
            f"SELECT cluster, group_concat(DISTINCT status) FROM claims WHERE cluster IN ({marks}) GROUP BY cluster",
            ids):
        by_id[cluster]["statuses"] = statuses.replace(",", "; ")
    if history:
        for r in rows:
            r["history"] = claim_history(conn, r["claim"])
    return rows


def claim_history(conn: sqlite3.Connection, cluster: int) -> list[dict]:
    """Who made, confirmed, denied or declined to confirm one cross-article claim, by publication date."""
    return _rows(conn, "SELECT a.published, a.publisher, a.id AS article, coalesce(ce.name, p.name) AS party, "
                       "p.stance, c.status AS claim_status, c.text FROM claims c JOIN articles a ON a.n = c.article "
                       "JOIN claim_parties p ON p.claim = c.id LEFT JOIN canonical_entities ce ON ce.id = p.canonical "
                       "WHERE c.cluster = ? ORDER BY a.published IS NULL, a.published, c.id, "
                       "CASE p.stance WHEN 'claimant' THEN 0 ELSE 1 END", [cluster])


def entities(conn: sqlite3.Connection, *, actor=None, kind=None, search=None, since=None, until=None,
             publisher=None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Canonical entities (merged across articles), most reported first; `search` matches names."""
    w = Where()
    codes = _codes(actor, "--actor")
    if codes:
        clause, params = _in("ce.country", codes)
        w.add(clause, params)
    kinds = _list(kind, "entity kind", ENTITY_KINDS)
    if kinds:
        clause, params = _in("ce.kind", kinds)
        w.add(clause, params)
    if search:
        w.add("ce.id IN (SELECT canonical FROM canonical_aliases WHERE alias LIKE ?)",
              [f"%{search.lower()}%"])
    inner = Where()
    _article_filters(inner, "en.article", since=since, until=until, publisher=publisher)
    if inner.clauses:
        w.add(f"ce.id IN (SELECT en.canonical FROM entities en{inner.sql()})", inner.params)
    page, pp = _page(limit, offset)
    return _rows(conn, "SELECT ce.id, ce.name, ce.kind, ce.country, ce.n_articles AS articles, "
                       "ce.n_mentions AS mentions, (SELECT group_concat(alias, '; ') FROM canonical_aliases "
                       "WHERE canonical = ce.id AND alias NOT LIKE '=%') AS aliases FROM canonical_entities ce"
                       f"{w.sql()} ORDER BY ce.n_articles DESC, ce.n_mentions DESC, ce.id{page}", w.params + pp)


def articles(conn: sqlite3.Connection, *, actor=None, type=None, since=None, until=None, publisher=None,
             search=None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Articles with their counts; `actor` and `type` keep articles with such an event."""
    w = Where()
    _article_filters(w, "a.n", since=since, until=until, publisher=publisher, search=search)
    ev = _event_where(actor=actor, type=type)
    if ev.clauses:
        w.add(f"a.n IN (SELECT e.article FROM events e{ev.sql()})", ev.params)
    page, pp = _page(limit, offset)
    return _rows(conn, "SELECT a.n, a.id, a.published, a.published_basis, a.publisher, a.title, a.url, a.origin, "
                       "a.n_events AS events, a.n_statements AS statements, a.n_claims AS claims, "
                       f"a.pipeline_version, a.ingested_at FROM articles a{w.sql()} ORDER BY a.n{page}",
                 w.params + pp)


def failures(conn: sqlite3.Connection, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Inputs that could not be analysed, with the reason."""
    page, pp = _page(limit, offset)
    return _rows(conn, f"SELECT origin, reason, first_seen, last_seen, times FROM failures ORDER BY id{page}", pp)
