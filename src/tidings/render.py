"""Writing records for people (a Rich table summary) and for PLOVER tools (JSON Lines)."""
from __future__ import annotations

import json
from typing import IO

from .about import __version__
from .times import date_range
from .record import Record


def plover_rows(rec: Record) -> list[dict]:
    """One PLOVER JSON object per event, with the field names of the PLOVER manual's "Data
    Fields" chapter (`id`, `date`/`enddate`, `actor`/`recipient` entity objects, lists for
    `event`, `mode`, `context` and `event_text`, `event_loc`, `text`, `text_info`,
    `cite_info`), plus tidings' own `status`, `source`, `date_granularity` and `confidence`."""
    doc = rec.document
    ents = {e.id: e for e in rec.entities}
    cite = {"url": doc.url, "title": doc.title, "publication": doc.publisher, "language": doc.language,
            "citation": doc.source_id, "coder": f"tidings {__version__}", "codebook": "PLOVER"}
    cite = {k: v for k, v in cite.items() if v is not None}
    rows = []
    for v in rec.events:
        def side(parts):
            out = []
            for p in parts:
                ent = ents.get(p.entity) if p.entity else None
                item = {"code": p.code, "sector": p.sector, "entity_text": p.entity_text}
                if ent is not None:
                    item["identifier_text"] = ent.name
                    if ent.identifier_id:
                        item["identifier_id"] = ent.identifier_id
                    if ent.titles:
                        item["office"] = ent.titles[0]
                out.append(item)
            return out
        date, enddate = date_range(v.date)
        loc = None
        if v.event_loc is not None:
            loc = {k: val for k, val in v.event_loc.model_dump().items() if val is not None}
        row = {
            "id": f"{doc.id[:16]}-{v.id}", "date": date, "enddate": enddate,
            "actor": side(v.actor), "recipient": side(v.recipient), "event": [v.event],
            "event_loc": loc, "event_text": [v.event_text], "quad_code": v.quad_code,
            "mode": [v.mode] if v.mode else [], "context": list(v.context),
            "text": doc.text[v.text_info.sentence_start:v.text_info.sentence_end],
            "text_info": {"start": v.text_info.sentence_start, "end": v.text_info.sentence_end},
            "cite_info": cite,
            "status": v.status, "source": ents[v.source].name if v.source in ents else None,
            "date_granularity": v.date_granularity, "confidence": v.confidence,
        }
        rows.append(row)
    return rows


def render(rec: Record, fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "plover":
        for row in plover_rows(rec):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "table":
        table_summary(rec, out)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose json, jsonl, table or plover")


def table_summary(rec: Record, out: IO[str]) -> None:
    """A readable summary: entities, times, statements and events with their status."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=120, force_terminal=False)
    d = rec.document
    head = d.title or d.source_id or d.text[:70].replace("\n", " ") + "..."
    console.print(f"[bold]{head}[/bold]  published {d.published or 'unknown'} ({d.published_basis})")
    names = {e.id: e.name for e in rec.entities}
    t = Table("entity", "kind", "country", "sector", "mentions", title="Entities", title_justify="left")
    for e in rec.entities:
        t.add_row(e.name, e.kind, e.country or "", ",".join(e.sectors), str(len(e.mentions)))
    console.print(t)
    t = Table("text", "type", "value", "anchor", title="Times", title_justify="left")
    for x in rec.times:
        t.add_row(x.text, x.type, x.value, x.anchor)
    console.print(t)
    t = Table("speaker", "kind", "content", title="Statements", title_justify="left")
    for s in rec.statements:
        content = s.content.text if len(s.content.text) < 90 else s.content.text[:87] + "..."
        t.add_row(names.get(s.speaker) or s.speaker_text or "?", s.kind, content)
    console.print(t)
    t = Table("event", "actor", "recipient", "date", "status", "source", "words", title="Events",
              title_justify="left")
    for v in rec.events:
        t.add_row(v.event, ",".join(p.code or "?" for p in v.actor), ",".join(p.code or "?" for p in v.recipient),
                  v.date or "", v.status, names.get(v.source, "") if v.source else "", v.event_text)
    console.print(t)
    if rec.claims:
        t = Table("claim", "by", "status", "neither", "denied", title="Claims", title_justify="left")
        for c in rec.claims:
            t.add_row(c.text[:80], ",".join(names.get(x, x) for x in c.claimants), c.status,
                      ",".join(names.get(x, x) for x in c.neither_by), ",".join(names.get(x, x) for x in c.denied_by))
        console.print(t)
    console.print()
