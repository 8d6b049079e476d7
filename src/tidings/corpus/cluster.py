"""One event, many reports; one claim, many outlets.

**Events.** Two events are reports of the same event when

- they have the same PLOVER type and the same kind of status (what happened: asserted, attributed,
  claimed or denied; what is planned: future; hypothetical; negated: each only with its own kind);
- their actor codes meet (at least one code in common; an event without an actor code stays alone),
  and so do their recipient codes when both events name one;
- their dates are compatible: the calendar spans their values stand for (a day, a week, a month, a
  season, a year) overlap, with a tolerance that follows granularity: two days may be one day apart
  (time zones, "on Monday" counted from another dateline); a day and a month, or two months, must
  overlap. An undated event stays alone;
- their places agree: the same country when both events have one.

Clusters are the connected groups of that relation (single link), kept up to date as articles come
in: a new event joins the cluster of every event it matches, merging them. Every event has a
cluster, alone if it matches nothing, so that counting clusters counts events, not reports.

**Claims.** Two claims are one claim across articles when their claimants share a canonical entity
(or both name none) and their texts are alike (rapidfuzz token set ratio >= `CLAIM_SIMILARITY`,
with lengths within a factor of two).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3

from rapidfuzz import fuzz

STATUS_GROUP = {"asserted": "occurred", "attributed": "occurred", "claimed": "occurred", "denied": "occurred",
                "future": "future", "hypothetical": "hypothetical", "negated": "negated"}
#: Tolerance in days between two dates, by unit; of two dates the smaller tolerance applies.
TOLERANCE = {"day": 1}
#: Units longer than a day, for the candidate search.
COARSE_UNITS = ("week", "month", "season", "quarter", "half", "year")
#: The longest span a date value can stand for (a year), bounding the candidate search.
MAX_SPAN_DAYS = 366
CLAIM_SIMILARITY = 85

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}


def date_span(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """The first and last day a TIMEX3 date value stands for, and its unit; None if it has no calendar span.

    >>> date_span("2024-11")
    (datetime.date(2024, 11, 1), datetime.date(2024, 11, 30), 'month')
    """
    if not value:
        return None
    v = value.strip()
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", v)
        if m:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        m = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", v)
        if m:
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + dt.timedelta(days=6), "week"
        m = re.fullmatch(r"(\d{4})-(\d{2})", v)
        if m:
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v)
        if m:
            y, (a, b) = int(m[1]), _SEASONS[m[2]]
            end_year = y + 1 if b < a else y
            return dt.date(y, a, 1), dt.date(end_year, b, calendar.monthrange(end_year, b)[1]), "season"
        m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if m:
            y, q = int(m[1]), int(m[2])
            return (dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter")
        m = re.fullmatch(r"(\d{4})(?:-H([12]))?", v)
        if m:
            y = int(m[1])
            if m[2] == "1":
                return dt.date(y, 1, 1), dt.date(y, 6, 30), "half"
            if m[2] == "2":
                return dt.date(y, 7, 1), dt.date(y, 12, 31), "half"
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    except ValueError:
        return None
    return None


def codes(value: str | None) -> set[str]:
    return {c for c in (value or "").split(";") if c}


def _meets(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


class EventClusterer:
    """Assigns each new event to a cluster, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.touched: set[int] = set()

    def assign(self, event_id: int, ev: dict) -> int:
        """`ev` holds event, status, date_start, date_end, date_unit, place_country, actor_codes, recipient_codes."""
        matches: set[int] = set()
        actors = codes(ev["actor_codes"])
        group = STATUS_GROUP.get(ev["status"], ev["status"])
        if actors and ev["date_start"]:
            widest = dt.timedelta(days=max(TOLERANCE.values()))
            start = dt.date.fromisoformat(ev["date_start"])
            end = dt.date.fromisoformat(ev["date_end"])
            lo, hi = (start - widest).isoformat(), (end + widest).isoformat()
            floor = (start - widest - dt.timedelta(days=MAX_SPAN_DAYS + 1)).isoformat()
            marks = ",".join("?" * len(actors))
            coarse = ",".join("?" * len(COARSE_UNITS))
            # Events that start within this one's span, and longer ones (a week, a month, a year) that
            # started before it and still run: two narrow index ranges instead of a year's worth of days.
            same = (f"SELECT e.id, e.cluster, e.status, e.date_start, e.date_end, e.date_unit, e.recipient_codes, "
                    f"e.place_country FROM events e WHERE e.event = ? AND {{range}} AND e.date_end >= ? AND e.id != ? "
                    f"AND e.cluster IS NOT NULL AND EXISTS (SELECT 1 FROM event_participants p "
                    f"WHERE p.event = e.id AND p.role = 'actor' AND p.code IN ({marks}))")
            rows = self.conn.execute(
                same.format(range="e.date_start >= ? AND e.date_start <= ?") + " UNION ALL " +
                same.format(range=f"e.date_unit IN ({coarse}) AND e.date_start >= ? AND e.date_start < ?"),
                (ev["event"], lo, hi, lo, event_id, *actors,
                 ev["event"], *COARSE_UNITS, floor, lo, lo, event_id, *actors))
            recipients = codes(ev["recipient_codes"])
            for r in rows:
                # The tolerance of the finer of the two dates: a day and a day may be one day apart,
                # a day and a month must overlap.
                tol = dt.timedelta(days=min(TOLERANCE.get(ev["date_unit"], 0), TOLERANCE.get(r["date_unit"], 0)))
                if (dt.date.fromisoformat(r["date_end"]) < start - tol
                        or dt.date.fromisoformat(r["date_start"]) > end + tol):
                    continue
                if STATUS_GROUP.get(r["status"], r["status"]) != group:
                    continue
                if not _meets(recipients, codes(r["recipient_codes"])):
                    continue
                if ev["place_country"] and r["place_country"] and ev["place_country"] != r["place_country"]:
                    continue
                matches.add(r["cluster"])
        if not matches:
            cluster = self.conn.execute(
                "INSERT INTO event_clusters (event, status_group) VALUES (?, ?)", (ev["event"], group)).lastrowid
        else:
            cluster = min(matches)
            others = sorted(matches - {cluster})
            if others:
                marks = ",".join("?" * len(others))
                self.conn.execute(f"UPDATE events SET cluster = ? WHERE cluster IN ({marks})", (cluster, *others))
                self.conn.execute(f"DELETE FROM event_clusters WHERE id IN ({marks})", others)
                self.conn.execute(f"DELETE FROM cluster_codes WHERE cluster IN ({marks})", others)
                self.touched.difference_update(others)
        self.conn.execute("UPDATE events SET cluster = ? WHERE id = ?", (cluster, event_id))
        self.touched.add(cluster)
        return cluster

    def refresh(self) -> None:
        """Recompute the summary of every cluster touched since the last refresh."""
        for cid in sorted(self.touched):
            refresh_event_cluster(self.conn, cid)
        self.touched.clear()


def refresh_event_cluster(conn: sqlite3.Connection, cid: int) -> None:
    agg = conn.execute(
        "SELECT count(*) AS n, count(DISTINCT e.article) AS reports, count(DISTINCT a.publisher_key) AS pubs, "
        "min(a.published) AS first, max(a.published) AS last FROM events e JOIN articles a ON a.n = e.article "
        "WHERE e.cluster = ?", (cid,)).fetchone()
    conn.execute("DELETE FROM cluster_codes WHERE cluster = ?", (cid,))
    if not agg["n"]:
        conn.execute("DELETE FROM event_clusters WHERE id = ?", (cid,))
        return
    rows = conn.execute(
        "SELECT event, status, actor_codes, recipient_codes, date, date_start, date_end, place_country "
        "FROM events WHERE cluster = ? ORDER BY id", (cid,)).fetchall()
    dated = [r for r in rows if r["date_start"]]
    best = min(dated, key=lambda r: (r["date_end"] > r["date_start"],
                                     dt.date.fromisoformat(r["date_end"]) - dt.date.fromisoformat(r["date_start"]))
               ) if dated else rows[0]
    actor = sorted(set().union(*(codes(r["actor_codes"]) for r in rows)))
    recipient = sorted(set().union(*(codes(r["recipient_codes"]) for r in rows)))
    place = next((r["place_country"] for r in rows if r["place_country"]), None)
    conn.executemany("INSERT INTO cluster_codes (role, code, cluster) VALUES (?, ?, ?)",
                     [("actor", c, cid) for c in actor] + [("recipient", c, cid) for c in recipient])
    conn.execute(
        "UPDATE event_clusters SET event = ?, status_group = ?, actor_codes = ?, recipient_codes = ?, date = ?, "
        "date_start = ?, date_end = ?, place_country = ?, n_events = ?, n_reports = ?, n_publishers = ?, "
        "first_published = ?, last_published = ? WHERE id = ?",
        (best["event"], STATUS_GROUP.get(best["status"], best["status"]), ";".join(actor), ";".join(recipient),
         best["date"], best["date_start"], best["date_end"], place, agg["n"], agg["reports"], agg["pubs"],
         agg["first"], agg["last"], cid))


class ClaimClusterer:
    """Joins each new claim to the cross-article claim it repeats, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.touched: set[int] = set()

    def assign(self, claim_id: int, text: str, claimants: set[int]) -> int:
        key = ",".join(str(c) for c in sorted(claimants))
        if claimants:
            marks = ",".join("?" * len(claimants))
            rows = self.conn.execute(
                f"SELECT DISTINCT k.id, k.text FROM claim_cluster_claimants cc JOIN claim_clusters k "
                f"ON k.id = cc.cluster WHERE cc.canonical IN ({marks})", tuple(sorted(claimants))).fetchall()
        else:
            rows = self.conn.execute("SELECT id, text FROM claim_clusters WHERE claimant_key = ''").fetchall()
        best, best_score = None, 0.0
        for r in rows:
            if similar_claims(text, r["text"]):
                score = fuzz.token_set_ratio(text.lower(), r["text"].lower())
                if score > best_score:
                    best, best_score = r["id"], score
        if best is None:
            best = self.conn.execute("INSERT INTO claim_clusters (text, claimant_key) VALUES (?, ?)",
                                     (text, key)).lastrowid
        self.conn.executemany("INSERT OR IGNORE INTO claim_cluster_claimants (cluster, canonical) VALUES (?, ?)",
                              [(best, c) for c in claimants])
        self.conn.execute("UPDATE claims SET cluster = ? WHERE id = ?", (best, claim_id))
        self.touched.add(best)
        return best

    def refresh(self) -> None:
        for cid in sorted(self.touched):
            agg = self.conn.execute(
                "SELECT count(*) AS n, count(DISTINCT c.article) AS reports, count(DISTINCT a.publisher_key) AS pubs, "
                "min(a.published) AS first, max(a.published) AS last FROM claims c JOIN articles a ON a.n = c.article "
                "WHERE c.cluster = ?", (cid,)).fetchone()
            if not agg["n"]:
                self.conn.execute("DELETE FROM claim_cluster_claimants WHERE cluster = ?", (cid,))
                self.conn.execute("DELETE FROM claim_clusters WHERE id = ?", (cid,))
                continue
            self.conn.execute(
                "UPDATE claim_clusters SET n_claims = ?, n_reports = ?, n_publishers = ?, first_published = ?, "
                "last_published = ? WHERE id = ?", (agg["n"], agg["reports"], agg["pubs"], agg["first"], agg["last"], cid))
        self.touched.clear()


def similar_claims(a: str, b: str) -> bool:
    """Whether two claim texts say the same thing, by fuzzy token overlap."""
    a, b = a.lower().strip(), b.lower().strip()
    if not a or not b or min(len(a), len(b)) * 2 < max(len(a), len(b)):
        return False
    return fuzz.token_set_ratio(a, b) >= CLAIM_SIMILARITY
