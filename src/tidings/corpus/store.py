"""Writing records into the corpus: one transaction per batch, idempotent by document id.

`Store.write_batch(records, failures)` either commits every row of every record in the batch
(article, FTS entry, entities, mentions, times, statements, events, participants, claims, their
clusters and canonical entities) or, if the process dies or anything raises, none of them.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .canonical import Canonicalizer
from .cluster import ClaimClusterer, EventClusterer, date_span
from .schema import now


@dataclass
class BatchResult:
    new: int = 0
    reprocessed: int = 0
    present: int = 0
    failed: int = 0
    events: int = 0
    statements: int = 0
    claims: int = 0
    new_ids: list[str] = field(default_factory=list)


def publisher_key(publisher: str | None, url: str | None) -> str | None:
    """Who published an article, for counting distinct publishers: the name, else the web site."""
    if publisher and publisher.strip():
        return " ".join(publisher.lower().split())
    if url:
        host = urlparse(url).hostname or ""
        return host[4:] if host.startswith("www.") else (host or None)
    return None


def _json(value) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


class Store:
    """The write side of a corpus connection."""

    def __init__(self, conn: sqlite3.Connection, version: str):
        self.conn = conn
        self.version = version
        self.canon = Canonicalizer(conn)
        self.event_clusters = EventClusterer(conn)
        self.claim_clusters = ClaimClusterer(conn)

    # -- reading what is there ------------------------------------------------------------------

    def stored_version(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT pipeline_version FROM articles WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    # -- writing ----------------------------------------------------------------------------------

    def write_batch(self, records: list[tuple[dict, str | None]],
                    failures: list[tuple[str, str]] = ()) -> BatchResult:
        """Store `(record dict, origin)` pairs and `(origin, reason)` failures in one transaction."""
        result = BatchResult()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for rec, origin in records:
                doc_id = rec["document"]["id"]
                old = self.conn.execute("SELECT n, pipeline_version FROM articles WHERE id = ?", (doc_id,)).fetchone()
                if old is not None:
                    if old["pipeline_version"] == self.version:
                        result.present += 1
                        continue
                    self.delete_article(old["n"])
                    result.reprocessed += 1
                else:
                    result.new += 1
                    result.new_ids.append(doc_id)
                counts = self.write_article(rec, origin)
                result.events += counts[0]
                result.statements += counts[1]
                result.claims += counts[2]
            for origin, reason in failures:
                self.record_failure(origin, reason)
                result.failed += 1
            self.event_clusters.refresh()
            self.claim_clusters.refresh()
            self.conn.execute("COMMIT")
        except BaseException:
            self.canon.cache.clear()
            self.event_clusters.touched.clear()
            self.claim_clusters.touched.clear()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return result

    def record_failure(self, origin: str, reason: str) -> None:
        t = now()
        self.conn.execute(
            "INSERT INTO failures (origin, reason, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (origin, reason) DO UPDATE SET last_seen = excluded.last_seen, times = times + 1",
            (origin, reason, t, t))

    def write_article(self, rec: dict, origin: str | None) -> tuple[int, int, int]:
        """Insert one record's rows (inside the open transaction). Returns (events, statements, claims)."""
        c = self.conn
        d = rec["document"]
        stored = dict(rec)
        stored["document"] = {k: v for k, v in d.items() if k != "text"}
        n = c.execute(
            "INSERT INTO articles (id, source_id, title, publisher, publisher_key, url, language, published, "
            "published_basis, origin, text, pipeline_version, record, n_events, n_statements, n_claims, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d["id"], d.get("source_id"), d.get("title"), d.get("publisher"),
             publisher_key(d.get("publisher"), d.get("url")), d.get("url"), d.get("language"), d.get("published"),
             d.get("published_basis"), origin, d["text"], self.version, json.dumps(stored, ensure_ascii=False),
             len(rec.get("events") or []), len(rec.get("statements") or []), len(rec.get("claims") or []),
             now())).lastrowid
        c.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (n, d.get("title") or "", d["text"]))

        ents = {}
        entity_rows, mention_rows = [], []
        for e in rec.get("entities") or []:
            canonical = self.canon.resolve(e)
            ents[e["id"]] = (canonical, e)
            entity_rows.append((n, e["id"], e["name"], e["kind"], e.get("country"), e.get("sector"),
                                _json(e.get("sectors")), _json(e.get("titles")), _json(e.get("geo")),
                                len(e.get("mentions") or []), canonical))
            mention_rows += [(n, e["id"], m["start"], m["end"], m["text"]) for m in e.get("mentions") or []]
        c.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entity_rows)
        c.executemany('INSERT INTO mentions (article, entity, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                      mention_rows)
        self.canon.count(n, +1)

        c.executemany(
            'INSERT INTO times (article, tid, start, "end", text, type, value, granularity, anchor) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, t["id"], t["start"], t["end"], t["text"], t["type"], t["value"], t.get("granularity"),
              t.get("anchor")) for t in rec.get("times") or []])

        def canon_of(eid):
            return ents[eid][0] if eid in ents else None

        def name_of(eid):
            return ents[eid][1]["name"] if eid in ents else None

        c.executemany(
            "INSERT INTO statements (article, sid, speaker, speaker_canonical, speaker_name, speaker_country, "
            "speaker_text, cue, content, content_start, content_end, kind, within) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, s["id"], s.get("speaker"), canon_of(s.get("speaker")), name_of(s.get("speaker")),
              ents[s["speaker"]][1].get("country") if s.get("speaker") in ents else None,
              s.get("speaker_text"), s["cue"]["text"], s["content"]["text"], s["content"]["start"],
              s["content"]["end"], s["kind"], s.get("within")) for s in rec.get("statements") or []])

        text = d["text"]
        for v in rec.get("events") or []:
            self._write_event(n, v, text, canon_of, name_of)
        for cl in rec.get("claims") or []:
            self._write_claim(n, cl, canon_of, name_of)
        return len(rec.get("events") or []), len(rec.get("statements") or []), len(rec.get("claims") or [])

    def _write_event(self, n: int, v: dict, text: str, canon_of, name_of) -> None:
        span = date_span(v.get("date"))
        loc = v.get("event_loc") or {}
        ti = v.get("text_info") or {}
        actor_codes = ";".join(dict.fromkeys(p["code"] for p in v.get("actor") or [] if p.get("code")))
        recipient_codes = ";".join(dict.fromkeys(p["code"] for p in v.get("recipient") or [] if p.get("code")))
        row = {
            "event": v["event"], "status": v["status"], "actor_codes": actor_codes,
            "recipient_codes": recipient_codes, "place_country": loc.get("country_code"),
            "date_start": span[0].isoformat() if span else None, "date_end": span[1].isoformat() if span else None,
            "date_unit": span[2] if span else None,
        }
        eid = self.conn.execute(
            "INSERT INTO events (article, vid, event, mode, context, quad_code, actor_codes, actor_text, "
            "recipient_codes, recipient_text, date, date_granularity, date_basis, date_start, date_end, date_unit, "
            'place, place_country, geonameid, lat, lon, event_text, sentence, start, "end", status, source, '
            "source_name, statement, confidence) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (n, v["id"], v["event"], v.get("mode"), ",".join(v.get("context") or []), v.get("quad_code"),
             actor_codes, "; ".join(p["entity_text"] for p in v.get("actor") or []),
             recipient_codes, "; ".join(p["entity_text"] for p in v.get("recipient") or []),
             v.get("date"), v.get("date_granularity"), v.get("date_basis"), row["date_start"], row["date_end"],
             row["date_unit"], loc.get("resolved_place") or loc.get("extracted_place"), row["place_country"],
             loc.get("geonameid"), loc.get("lat"), loc.get("lon"), v["event_text"],
             text[ti.get("sentence_start", 0):ti.get("sentence_end", 0)] if ti else None,
             ti.get("start"), ti.get("end"), v["status"], v.get("source"), name_of(v.get("source")),
             v.get("statement"), v.get("confidence"))).lastrowid
        parts = [(eid, role, i, p.get("entity"), canon_of(p.get("entity")), p.get("code"), p.get("sector"),
                  p["entity_text"])
                 for role in ("actor", "recipient") for i, p in enumerate(v.get(role) or [])]
        self.conn.executemany("INSERT INTO event_participants VALUES (?, ?, ?, ?, ?, ?, ?, ?)", parts)
        self.event_clusters.assign(eid, row)

    def _write_claim(self, n: int, cl: dict, canon_of, name_of) -> None:
        claimants = cl.get("claimants") or []
        cid = self.conn.execute(
            "INSERT INTO claims (article, cid, text, status, claimant_names, events, statements) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (n, cl["id"], cl["text"], cl["status"], "; ".join(name_of(e) or e for e in claimants),
             ",".join(cl.get("events") or []), ",".join(cl.get("statements") or []))).lastrowid
        parties = []
        for stance, key in (("claimant", "claimants"), ("confirmed", "confirmed_by"), ("denied", "denied_by"),
                            ("neither", "neither_by")):
            parties += [(cid, stance, e, canon_of(e), name_of(e)) for e in cl.get(key) or []]
        self.conn.executemany("INSERT INTO claim_parties VALUES (?, ?, ?, ?, ?)", parties)
        self.claim_clusters.assign(cid, cl["text"], {c for c in map(canon_of, claimants) if c is not None})

    def delete_article(self, n: int) -> None:
        """Remove an article and everything derived from it (inside the open transaction)."""
        c = self.conn
        self.canon.count(n, -1)
        for row in c.execute("SELECT DISTINCT cluster FROM events WHERE article = ? AND cluster IS NOT NULL", (n,)):
            self.event_clusters.touched.add(row[0])
        for row in c.execute("SELECT DISTINCT cluster FROM claims WHERE article = ? AND cluster IS NOT NULL", (n,)):
            self.claim_clusters.touched.add(row[0])
        c.execute("DELETE FROM event_participants WHERE event IN (SELECT id FROM events WHERE article = ?)", (n,))
        c.execute("DELETE FROM claim_parties WHERE claim IN (SELECT id FROM claims WHERE article = ?)", (n,))
        for table in ("events", "claims", "statements", "times", "mentions", "entities"):
            c.execute(f"DELETE FROM {table} WHERE article = ?", (n,))
        old = c.execute("SELECT title, text FROM articles WHERE n = ?", (n,)).fetchone()
        c.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                  (n, old["title"] or "", old["text"]))
        c.execute("DELETE FROM articles WHERE n = ?", (n,))
