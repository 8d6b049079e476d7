"""Linking across articles, on hand-written contract records stored in a real SQLite file: event
clusters (type, actor and recipient codes, dates by granularity, places, status), claims across
outlets, canonical entities. These do not depend on what the extraction finds today."""
from __future__ import annotations

import hashlib

import pytest

from tidings.corpus import Corpus
from tidings.corpus.canonical import norm
from tidings.corpus.cluster import date_span, similar_claims
from tidings.corpus.schema import connect
from tidings.corpus.store import Store


@pytest.mark.parametrize("value, expected", [
    ("2024-11-29", ("2024-11-29", "2024-11-29", "day")),
    ("2024-11-29T14:00", ("2024-11-29", "2024-11-29", "day")),
    ("2024-11", ("2024-11-01", "2024-11-30", "month")),
    ("2024-02", ("2024-02-01", "2024-02-29", "month")),
    ("2024-W48", ("2024-11-25", "2024-12-01", "week")),
    ("2024", ("2024-01-01", "2024-12-31", "year")),
    ("2024-SU", ("2024-06-01", "2024-08-31", "season")),
    ("2024-WI", ("2024-12-01", "2025-02-28", "season")),
    ("2024-Q2", ("2024-04-01", "2024-06-30", "quarter")),
    ("XXXX-08", None),
    ("P3D", None),
    ("PRESENT_REF", None),
    ("2024-13", None),
    (None, None),
])
def test_date_span(value, expected):
    span = date_span(value)
    assert (span and (span[0].isoformat(), span[1].isoformat(), span[2])) == (expected or None)


@pytest.mark.parametrize("a, b, same", [
    ("North Korea has sent about 12,000 troops to Russia", "North Korea has sent some 12,000 troops to Russia", True),
    ("North Korea has sent about 12,000 troops to Russia", "north korea sent about 12,000 troops to russia", True),
    ("North Korea has sent about 12,000 troops to Russia", "troops", False),
    ("North Korea has sent about 12,000 troops to Russia", "Iran supplied drones to Russia", False),
])
def test_similar_claims(a, b, same):
    assert similar_claims(a, b) is same


@pytest.mark.parametrize("name, expected", [
    ("Andrey Belousov", "andrey belousov"), ("Mr. Belousov", "belousov"), ("the DPRK", "dprk"),
    ("Müller", "muller"), ("WASHINGTON", "washington"), ("Russia's", "russia's"),
])
def test_norm(name, expected):
    assert norm(name) == expected


# ---------------------------------------------------------------------------------------------
# Hand-written records


def record(n: int, events: list[dict], *, publisher: str | None = "Wire", published="2014-03-17",
           entities: list[dict] | None = None, claims: list[dict] | None = None) -> dict:
    text = f"Report number {n}. " + "The United States imposed sanctions on Russia. " * 2
    return {
        "schema": "tidings.record/1",
        "document": {"id": hashlib.sha256(text.encode()).hexdigest(), "source_id": str(n), "title": None,
                     "publisher": publisher, "url": None, "language": "en", "published": published,
                     "published_basis": "given", "text": text},
        "entities": entities or [], "times": [], "statements": [], "events": events, "claims": claims or [],
    }


def event(vid="v1", type="SANCTION", actor=("USA",), recipient=("RUS",), date="2014-03-17", status="asserted",
          place=None) -> dict:
    def side(codes):
        return [{"entity": None, "code": c, "sector": None, "entity_text": c} for c in codes]
    return {"id": vid, "event": type, "mode": None, "context": [], "quad_code": 4, "actor": side(actor),
            "recipient": side(recipient), "date": date, "date_granularity": None, "date_basis": "text",
            "event_loc": {"extracted_place": place, "resolved_place": place, "country_code": place} if place else None,
            "event_text": "imposed sanctions",
            "text_info": {"start": 0, "end": 5, "sentence_start": 0, "sentence_end": 20},
            "status": status, "source": None, "statement": None, "confidence": 0.9}


def store_all(db, records) -> Corpus:
    conn = connect(db)
    store = Store(conn, "test")
    for rec in records:
        store.write_batch([(rec, f"r{rec['document']['source_id']}")])
    conn.close()
    return Corpus(db, readonly=True)


BASE = event()


@pytest.mark.parametrize("other, linked", [
    (event(), True),
    (event(date="2014-03-18"), True),                        # a day later: within a day's tolerance
    (event(date="2014-03-19"), False),                       # two days later
    (event(date="2014-03"), True),                           # the month contains the day
    (event(date="2014-W12"), True),                          # ISO week 12 of 2014 starts on 17 March
    (event(date="2014-04"), False),
    (event(date="2014"), True),
    (event(date=None), False),                               # undated events stay alone
    (event(type="THREATEN"), False),
    (event(actor=("EUR", "USA")), True),                     # actor codes meet
    (event(actor=("EUR",)), False),
    (event(actor=()), False),                                # no actor code: nothing to link by
    (event(recipient=()), True),                             # recipient unknown on one side
    (event(recipient=("UKR",)), False),
    (event(status="attributed"), True),                      # reported, vouched for or not: it happened
    (event(status="denied"), True),
    (event(status="hypothetical"), False),                   # "could impose sanctions" is another thing
    (event(status="future"), False),
    (event(place="RUS"), True),                              # place known on one side only
])
def test_event_clusters(tmp_path, other, linked):
    corpus = store_all(tmp_path / "c.db", [record(1, [BASE], publisher="Reuters"),
                                           record(2, [other], publisher="AFP")])
    clusters = corpus.events(clustered=True)
    assert len(clusters) == (1 if linked else 2)
    if linked:
        assert (clusters[0]["reports"], clusters[0]["publishers"], clusters[0]["events"]) == (2, 2, 2)


def test_places_must_agree(tmp_path):
    corpus = store_all(tmp_path / "c.db", [record(1, [event(place="UKR")]), record(2, [event(place="RUS")]),
                                           record(3, [event(place="UKR")], publisher=None)])
    rows = corpus.events(clustered=True)
    assert sorted((r["place_country"], r["reports"], r["publishers"]) for r in rows) == [("RUS", 1, 1), ("UKR", 2, 1)]


def test_a_new_report_can_merge_two_clusters(tmp_path):
    # A (USA->RUS on the 17th) and B (USA,EUR->RUS on the 19th) do not meet; C (USA->RUS on the 18th) meets both.
    corpus = store_all(tmp_path / "c.db", [record(1, [event(date="2014-03-17")]),
                                           record(2, [event(date="2014-03-19", actor=("EUR", "USA"))])])
    assert len(corpus.events(clustered=True)) == 2
    corpus = store_all(tmp_path / "c.db", [record(3, [event(date="2014-03-18")])])
    [k] = corpus.events(clustered=True)
    assert (k["reports"], k["date"], k["actor"]) == (3, "2014-03-17", "EUR;USA")
    assert len({r["cluster"] for r in corpus.events()}) == 1


def test_clusters_count_reports_not_events_and_filter(tmp_path):
    a = record(1, [event("v1"), event("v2", date="2014-03")], publisher="Reuters")
    b = record(2, [event("v1")], publisher="Reuters", published="2014-03-18")
    c = record(3, [event("v1", type="PROTEST", actor=("UKR",), recipient=("RUS",))], publisher="AFP")
    corpus = store_all(tmp_path / "c.db", [a, b, c])
    rows = {r["event"]: r for r in corpus.events(clustered=True)}
    assert (rows["SANCTION"]["events"], rows["SANCTION"]["reports"], rows["SANCTION"]["publishers"]) == (3, 2, 1)
    assert (rows["SANCTION"]["first_published"], rows["SANCTION"]["last_published"]) == ("2014-03-17", "2014-03-18")
    assert [r["event"] for r in corpus.events(clustered=True, min_reports=2)] == ["SANCTION"]
    assert [r["event"] for r in corpus.events(clustered=True, actor="UKR")] == ["PROTEST"]
    assert corpus.count_events(clustered=True) == 2 and corpus.count_events() == 4


def test_claims_across_outlets_with_dated_positions(tmp_path):
    ents = [{"id": "e1", "name": "United States", "kind": "COUNTRY", "country": "USA", "mentions": []},
            {"id": "e2", "name": "Russia", "kind": "COUNTRY", "country": "RUS", "mentions": []},
            {"id": "e3", "name": "North Korea", "kind": "COUNTRY", "country": "PRK", "mentions": []}]

    def claim(text, status="unconfirmed", **parties):
        return {"id": "c1", "text": text, "claimants": ["e1"], "status": status, "confirmed_by": [],
                "denied_by": [], "neither_by": [], "events": [], "statements": [], **parties}

    recs = [
        record(1, [], publisher="Reuters", published="2024-11-01", entities=ents,
               claims=[claim("North Korea has sent about 12,000 troops to Russia", neither_by=["e2", "e3"])]),
        record(2, [], publisher="AP", published="2024-11-05", entities=ents,
               claims=[claim("North Korea has sent some 12,000 troops to Russia", "denied", denied_by=["e3"])]),
        record(3, [], publisher="AFP", published="2024-11-06", entities=ents,
               claims=[claim("Iran has supplied drones to Russia")]),
    ]
    corpus = store_all(tmp_path / "c.db", recs)
    rows = corpus.claims(clustered=True, history=True)
    assert len(rows) == 2
    troops = next(r for r in rows if "troops" in r["text"])
    assert (troops["reports"], troops["publishers"]) == (2, 2)
    assert troops["claimants"] == "United States"
    assert troops["denied_by"] == "North Korea (2024-11-05)"
    assert troops["neither_by"] == "Russia (2024-11-01); North Korea (2024-11-01)"
    dated = [(h["published"], h["party"], h["stance"]) for h in troops["history"]]
    assert dated == [("2024-11-01", "United States", "claimant"), ("2024-11-01", "Russia", "neither"),
                     ("2024-11-01", "North Korea", "neither"), ("2024-11-05", "United States", "claimant"),
                     ("2024-11-05", "North Korea", "denied")]
    assert troops["statuses"] == "unconfirmed; denied"
    assert "history" not in corpus.claims(clustered=True)[0]
    assert [r["status"] for r in corpus.claims(status="denied")] == ["denied"]
    assert len(corpus.claims(actor="USA")) == 3


def test_canonical_entities_merge_by_name_alias_and_country(tmp_path):
    def ent(eid, name, kind, country=None, mentions=()):
        return {"id": eid, "name": name, "kind": kind, "country": country,
                "mentions": [{"start": 0, "end": len(m), "text": m} for m in mentions]}

    recs = [
        record(1, [], entities=[ent("e1", "Andrey Belousov", "PERSON", "RUS", ["Andrey Belousov", "Belousov"]),
                                ent("e2", "Russia", "COUNTRY", "RUS", ["Russia", "Moscow"]),
                                ent("e3", "officials", "GROUP", "RUS", ["officials"])]),
        record(2, [], entities=[ent("e1", "Belousov", "PERSON", None, ["Belousov"]),
                                ent("e2", "Russian Federation", "COUNTRY", "RUS", ["Russian Federation"]),
                                ent("e3", "officials", "GROUP", "USA", ["officials"])]),
        record(3, [], entities=[ent("e1", "Belousov", "PERSON", "UKR", ["Belousov"])]),  # another Belousov
    ]
    corpus = store_all(tmp_path / "c.db", recs)
    rows = {(r["name"], r["country"]): r for r in corpus.entities()}
    assert rows[("Andrey Belousov", "RUS")]["articles"] == 2
    assert rows[("Russia", "RUS")]["articles"] == 2 and rows[("Russia", "RUS")]["mentions"] == 3
    assert rows[("Belousov", "UKR")]["articles"] == 1
    assert rows[("officials", "RUS")]["articles"] == 1 and rows[("officials", "USA")]["articles"] == 1
    assert [r["name"] for r in corpus.entities(search="moscow")] == ["Russia"]


def test_reprocessing_an_article_updates_its_clusters(tmp_path):
    db = tmp_path / "c.db"
    a, b = record(1, [event()], publisher="Reuters"), record(2, [event()], publisher="AFP")
    store_all(db, [a, b])
    conn = connect(db)
    store = Store(conn, "test-2")  # a new pipeline version finds no event in article 2 any more
    b2 = dict(b, events=[])
    store.write_batch([(b2, "r2")])
    conn.close()
    corpus = Corpus(db, readonly=True)
    [k] = corpus.events(clustered=True)
    assert (k["reports"], k["publishers"]) == (1, 1)
    assert corpus.stats()["articles"] == 2


def test_migrations_upgrade_an_older_database(tmp_path):
    """A corpus written at schema version 2 (rows made by hand) is upgraded in place when opened for
    writing, and the new cluster_codes table is filled from the rows already there."""
    import sqlite3

    from tidings.corpus.schema import MIGRATIONS, SCHEMA_VERSION, _statements

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for number, (name, sql) in enumerate(MIGRATIONS[:2], 1):
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, ?, '2026-01-01')", (number, name))
    conn.execute("INSERT INTO event_clusters (id, event, status_group, n_reports) VALUES (7, 'SANCTION', 'occurred', 1)")
    conn.execute("INSERT INTO events (id, article, vid, event, event_text, status, cluster) "
                 "VALUES (1, 1, 'v1', 'SANCTION', 'imposed', 'asserted', 7)")
    conn.execute("INSERT INTO event_participants VALUES (1, 'actor', 0, NULL, NULL, 'USA', NULL, 'USA')")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    conn = connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [tuple(r) for r in conn.execute("SELECT role, code, cluster FROM cluster_codes")] == [("actor", "USA", 7)]
    assert [r["version"] for r in conn.execute("SELECT version FROM migrations")] == list(range(1, SCHEMA_VERSION + 1))
    conn.close()
    assert Corpus(db, readonly=True).events(clustered=True, actor="USA")[0]["cluster"] == 7
