"""Writing records for people (a Rich table summary) and for PLOVER tools (JSON Lines)."""
from __future__ import annotations

import json
from typing import IO

from .record import Record


def plover_rows(rec: Record) -> list[dict]:
    """One PLOVER JSON object per event, with the manual's field names."""
    doc = rec.document
    ents = {e.id: e for e in rec.entities}
    rows = []
    for v in rec.events:
        def side(parts):
            return [{"actor_text": p.entity_text, "code": p.code, "sector_code": p.sector,
                     "identifier_id": None, "entity_id": p.entity} for p in parts]
        rows.append({
            "id": f"{doc.id[:16]}-{v.id}", "date": v.date, "event": v.event, "mode": v.mode or "",
            "context": ",".join(v.context), "actor": side(v.actor), "recipient": side(v.recipient),
            "event_text": v.event_text, "eventLoc": v.event_loc.model_dump() if v.event_loc else {},
            "text": doc.text[v.text_info.sentence_start:v.text_info.sentence_end],
            "text_info": {"start": v.text_info.start, "end": v.text_info.end, "publisher": doc.publisher,
                          "url": doc.url, "published": doc.published, "doc_id": doc.id},
            "quad_code": v.quad_code, "status": v.status,
            "source": ents[v.source].name if v.source in ents else None,
        })
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
