"""Every record keeps the contract: all fields present, every span points at its text."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES

ARTICLES = sorted(EXAMPLES.glob("*.txt"))

DOCUMENT_FIELDS = {"id", "source_id", "title", "publisher", "url", "language", "published", "published_basis", "text"}
ENTITY_FIELDS = {"id", "name", "kind", "country", "sector", "sectors", "titles", "identifier_id", "geo", "mentions"}
TIME_FIELDS = {"id", "start", "end", "text", "type", "value", "granularity", "anchor"}
STATEMENT_FIELDS = {"id", "speaker", "speaker_text", "speaker_span", "cue", "content", "kind", "within"}
EVENT_FIELDS = {"id", "event", "mode", "context", "quad_code", "actor", "recipient", "date", "date_granularity",
                "date_basis", "event_loc", "event_text", "text_info", "status", "source", "statement", "confidence"}
CLAIM_FIELDS = {"id", "text", "claimants", "status", "confirmed_by", "denied_by", "neither_by", "events", "statements"}
PARTICIPANT_FIELDS = {"entity", "code", "sector", "entity_text"}


@pytest.fixture(scope="module")
def records(nlp):
    import tidings

    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    return [r.to_dict() for r in tidings.extract_many(texts, nlp=nlp)]


def _spans(rec):
    for e in rec["entities"]:
        yield from e["mentions"]
    yield from rec["times"]
    for s in rec["statements"]:
        yield s["cue"]
        yield s["content"]
        if s["speaker_span"]:
            yield s["speaker_span"]


def test_there_are_enough_examples():
    assert len(ARTICLES) >= 9


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[p.stem for p in ARTICLES])
def test_record_has_every_contract_field(records, i):
    rec = records[i]
    assert rec["schema"] == "tidings.record/1"
    assert DOCUMENT_FIELDS <= rec["document"].keys()
    for key, fields in (("entities", ENTITY_FIELDS), ("times", TIME_FIELDS), ("statements", STATEMENT_FIELDS),
                        ("events", EVENT_FIELDS), ("claims", CLAIM_FIELDS)):
        assert key in rec
        for item in rec[key]:
            assert fields <= item.keys(), (key, fields - item.keys())
    for ev in rec["events"]:
        for p in ev["actor"] + ev["recipient"]:
            assert PARTICIPANT_FIELDS <= p.keys()
    assert rec["entities"] and rec["events"], "every example names actors and events"


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[p.stem for p in ARTICLES])
def test_every_span_points_at_its_text(records, i):
    rec = records[i]
    text = rec["document"]["text"]
    assert text == ARTICLES[i].read_text(encoding="utf-8")
    for span in _spans(rec):
        assert text[span["start"]:span["end"]] == span["text"]
    for ev in rec["events"]:
        ti = ev["text_info"]
        assert text[ti["start"]:ti["end"]] == ev["event_text"]
        assert ti["sentence_start"] <= ti["start"] < ti["end"] <= ti["sentence_end"]
    for c in rec["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize("i", range(len(ARTICLES)), ids=[p.stem for p in ARTICLES])
def test_ids_refer_to_things_in_the_record(records, i):
    rec = records[i]
    ents = {e["id"] for e in rec["entities"]}
    stmts = {s["id"] for s in rec["statements"]}
    evs = {v["id"] for v in rec["events"]}
    for s in rec["statements"]:
        assert s["speaker"] is None or s["speaker"] in ents
        assert s["within"] is None or s["within"] in stmts
    for v in rec["events"]:
        assert v["source"] is None or v["source"] in ents
        assert v["statement"] is None or v["statement"] in stmts
        for p in v["actor"] + v["recipient"]:
            assert p["entity"] is None or p["entity"] in ents
    for c in rec["claims"]:
        assert set(c["claimants"] + c["confirmed_by"] + c["denied_by"] + c["neither_by"]) <= ents
        assert set(c["events"]) <= evs and set(c["statements"]) <= stmts


def test_record_round_trips(records):
    from tidings import Record

    for rec in records:
        assert Record.from_dict(rec).to_dict() == rec
