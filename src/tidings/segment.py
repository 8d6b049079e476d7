"""`tidings_segmenter`: sentence boundaries the parser should respect.

Runs before spaCy's parser. A paragraph break always starts a sentence; a closing quotation
mark never does (spaCy's small model often splits `."` from its sentence); quotations are
recorded in the `tidings_quotes` span group for the statement stage.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import QUOTES
from .quotes import find_quotes


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
    for tok in doc:
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
