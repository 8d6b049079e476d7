"""`tidings_times`: PLACEHOLDER time stage (to be replaced by the full TIMEX3 normaliser).

Interface kept by the real stage:
- sets `doc.spans["tidings_times"]`, each span with `span._.timex` (model.Timex);
- sets `doc._.published` / `doc._.published_basis` ("inferred") when no date was given;
- `event_date(doc, trigger) -> (value, granularity, basis)` for the events stage.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import TIMES
from .model import Timex

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}


def _normalise(text: str, pub: dt.date | None) -> tuple[str, str] | None:
    low = text.lower().strip()
    m = re.fullmatch(r"(?:on )?(\w+) (\d{1,2})(?:, (\d{4}))?", low)
    if m and m.group(1) in MONTHS:
        year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
        if year is None:
            return f"XXXX-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}", "day"
        return f"{year}-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}", "day"
    m = re.fullmatch(r"(\w+) (\d{4})", low)
    if m and m.group(1) in MONTHS:
        return f"{m.group(2)}-{MONTHS[m.group(1)]:02d}", "month"
    if low in MONTHS:
        if pub is None:
            return f"XXXX-{MONTHS[low]:02d}", "month"
        year = pub.year if MONTHS[low] <= pub.month else pub.year - 1
        return f"{year}-{MONTHS[low]:02d}", "month"
    if re.fullmatch(r"\d{4}", low):
        return low, "year"
    if pub is not None and low == "this year":
        return str(pub.year), "year"
    if pub is not None and low in ("this month", "earlier this month", "later this month"):
        return f"{pub.year}-{pub.month:02d}", "month"
    return None


def _infer_published(doc: Doc) -> dt.date | None:
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", doc.text)]
    if not years:
        return None
    year = max(years)
    best = None
    for ent in doc.ents:
        if ent.label_ == "DATE":
            norm = _normalise(ent.text, dt.date(year, 12, 31))
            if norm and norm[1] == "day" and not norm[0].startswith("X"):
                d = dt.date.fromisoformat(norm[0])
                best = d if best is None or d > best else best
    return best or dt.date(year, 12, 31)


def find_times(doc: Doc) -> Doc:
    pub = dt.date.fromisoformat(doc._.published) if doc._.published else None
    anchor = "published"
    if pub is None:
        pub = _infer_published(doc)
        if pub is not None:
            doc._.published, doc._.published_basis = pub.isoformat(), "inferred"
            anchor = "inferred"
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        norm = _normalise(ent.text, pub)
        if norm is None:
            continue
        span = Span(doc, ent.start, ent.end)
        absolute = bool(re.search(r"\d{4}", ent.text))
        span._.timex = Timex("DATE", norm[0], norm[1], "absolute" if absolute else anchor)
        spans.append(span)
    doc.spans[TIMES] = spans
    return doc


def event_date(doc: Doc, trigger: Span) -> tuple[str | None, str | None, str]:
    """The date of the event named by `trigger`: a time attached to it, else the publication date."""
    times = list(doc.spans[TIMES]) if TIMES in doc.spans else []
    head = trigger.root
    clause = head
    while clause.dep_ not in ("ROOT", "ccomp", "relcl", "advcl", "xcomp", "conj") and clause.head is not clause:
        clause = clause.head
    for scope in (head.subtree, clause.subtree):
        idx = {t.i for t in scope}
        for span in times:
            if span.root.i in idx and not span._.timex.value.startswith("P"):
                # prefer the nearest attachment: the time's head chain reaches the trigger
                return span._.timex.value, span._.timex.granularity, "text"
    if doc._.published:
        return doc._.published, "day", "published"
    return None, None, "unknown"


@Language.factory("tidings_times", assigns=["doc.spans", "doc._.published"], requires=["doc.ents"])
def make_times(nlp: Language, name: str):
    return find_times
