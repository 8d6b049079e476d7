"""`to_record(doc)`: the one place where a processed `Doc` becomes the contract's record."""
from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span

from . import record as R
from .extensions import TIMES
from .plover import QUAD


def _span(span: Span | None) -> R.TextSpan | None:
    if span is None:
        return None
    return R.TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def to_record(doc: Doc) -> R.Record:
    """The record of `design/contract.md` for a doc that went through the tidings pipeline."""
    meta = doc._.meta or {}
    document = R.Document(
        id=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(), source_id=meta.get("source_id"),
        title=meta.get("title"), publisher=meta.get("publisher"), url=meta.get("url"),
        published=doc._.published, published_basis=doc._.published_basis if doc._.published else "unknown",
        text=doc.text)
    entities = []
    for e in doc._.entities or []:
        mentions = sorted(e.mentions, key=lambda s: s.start_char)
        entities.append(R.Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector,
                                 sectors=list(e.sectors), titles=list(e.titles), geo=e.geo,
                                 mentions=[_span(m) for m in mentions]))
    entities.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    times = []
    for n, span in enumerate(sorted(doc.spans[TIMES] if TIMES in doc.spans else [],
                                    key=lambda s: s.start_char), 1):
        tx = span._.timex
        times.append(R.Time(id=f"t{n}", start=span.start_char, end=span.end_char, text=span.text,
                            type=tx.type, value=tx.value, granularity=tx.granularity, anchor=tx.anchor))
    statements = [
        R.Statement(id=s.id, speaker=s.speaker, speaker_text=s.speaker_span.text if s.speaker_span else None,
                    speaker_span=_span(s.speaker_span), cue=_span(s.cue), content=_span(s.content),
                    kind=s.kind, within=s.within, cue_class=s.cue_class)
        for s in doc._.statements or []]
    events = []
    for v in doc._.events or []:
        sent = v.trigger.sent
        events.append(R.Event(
            id=v.id, event=v.event, mode=v.mode, context=v.context, quad_code=QUAD[v.event],
            actor=[R.Participant(entity=p.entity, code=p.code, sector=p.sector, entity_text=p.text)
                   for p in v.actor],
            recipient=[R.Participant(entity=p.entity, code=p.code, sector=p.sector, entity_text=p.text)
                       for p in v.recipient],
            date=v.date, date_granularity=v.date_granularity, date_basis=v.date_basis,
            event_loc=R.Place(**v.event_loc) if v.event_loc else None, event_text=v.trigger.text,
            text_info=R.TextInfo(start=v.trigger.start_char, end=v.trigger.end_char,
                                 sentence_start=sent.start_char, sentence_end=sent.end_char),
            status=v.status, source=v.source, statement=v.statement, confidence=round(v.confidence, 2),
            rule=v.rule))
    claims = [
        R.Claim(id=c.id, text=c.text.text, start=c.text.start_char, end=c.text.end_char,
                claimants=c.claimants, status=c.status, confirmed_by=c.confirmed_by, denied_by=c.denied_by,
                neither_by=c.neither_by, events=c.events, statements=c.statements)
        for c in doc._.claims or []]
    return R.Record(document=document, entities=entities, times=times, statements=statements,
                    events=events, claims=claims)
