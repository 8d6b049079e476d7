"""`tidings_segmenter`: sentence boundaries the parser should respect.

Runs before spaCy's parser. A paragraph break always starts a sentence; so does the first word
after a dateline ("BRUSSELS, March 17 (AFP) -"), which the parser would otherwise take for the
subject of the first sentence; a closing quotation mark never starts one (spaCy's small model
often splits `."` from its sentence). Quotations are recorded in the `tidings_quotes` span group
for the statement stage.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import QUOTES
from .quotes import find_quotes


#: A dateline: a place (capitalised, at most five words), then a date after a comma and/or a news
#: agency in brackets, then a dash: "WASHINGTON, March 17, 2014 (Reuters) -", "Brussels, 17 March
#: 2014 (AFP) –", "KYIV (Reuters) -". An all-capitals place needs neither ("MOSCOW -").
DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][\w.'’]*(?:[ /-][A-Za-z][\w.'’]*){0,4})"
    r"(?P<date>,[^\n()–—]{1,30}?)?\s*(?P<agency>\([^()\n]{1,40}\))?\s*(?:--|-|–|—)\s+(?=\S)")


def dateline_end(text: str) -> int | None:
    """The character offset where the text after an opening dateline begins, or None."""
    m = _dateline(text)
    return m.end() if m is not None else None


def dateline_place(text: str) -> tuple[str, int, int] | None:
    """(place name, start, end) of an opening dateline's place ("BAB AL-HAWA, Syria, Feb. 9 -"
    gives "BAB AL-HAWA"), or None."""
    m = _dateline(text)
    return (m["place"], m.start("place"), m.end("place")) if m is not None else None


def doc_dateline(doc: Doc) -> tuple[str, int, int] | None:
    """`dateline_place` of a doc's text, computed once per doc (`Doc.text` is rebuilt from the
    tokens on every access)."""
    if "tidings_dateline" not in doc.user_data:
        doc.user_data["tidings_dateline"] = dateline_place(doc.text)
    return doc.user_data["tidings_dateline"]


def _dateline(text: str) -> re.Match | None:
    m = DATELINE.match(text)
    if m is None:
        return None
    date = (m["date"] or ",")[1:].strip()
    if date and not any(ch.isdigit() for ch in date) and not all(w[:1].isupper() for w in date.split()):
        return None  # "Russia, a big country - ...": a comma clause, not a date or a region
    if not (date or m["agency"] or m["place"].isupper()):
        return None
    return m


def mark_boundaries(doc: Doc) -> Doc:
    quotes = find_quotes(doc.text)
    closing = {b - 1 for _, b in quotes}
    spans = []
    for a, b in quotes:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[QUOTES] = spans
    after_break = False
    start = dateline_end(doc.text)
    lead = None  # the first word after the dateline
    for tok in doc:
        if start is not None and tok.idx == start and tok.i > 0:
            tok.is_sent_start = True
            lead = tok.i
            continue
        if lead is not None and tok.i == lead + 1 and not tok.is_space and not tok.is_punct:
            tok.is_sent_start = False  # no one-word sentence after a dateline ("... - Nigeria | fined")
            continue
        if tok.i == 0:
            after_break = "\n" in tok.text
            continue
        if after_break and not tok.is_space:
            tok.is_sent_start = True
        elif tok.is_space or tok.idx in closing:
            tok.is_sent_start = False
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
        else:
            after_break = False
    return doc


@Language.factory("tidings_segmenter", requires=["token.text"], assigns=["token.is_sent_start", "doc.spans"])
def make_segmenter(nlp: Language, name: str):
    return mark_boundaries
