"""Custom attributes and span-group keys that tidings sets on spaCy objects, registered once."""
from __future__ import annotations

from spacy.tokens import Doc, Span

MENTIONS = "tidings_mentions"  # span group: every entity mention
TIMES = "tidings_times"  # span group: every time expression
QUOTES = "tidings_quotes"  # span group: quoted passages (quotation marks included)

_DOC_ATTRS = {
    "published": None,  # ISO date string or None
    "published_basis": "unknown",  # given | metadata | inferred | unknown
    "meta": None,  # dict: source_id, title, publisher, url
    "entities": None,  # list[model.Entity]
    "statements": None,  # list[model.Statement]
    "events": None,  # list[model.Event]
    "claims": None,  # list[model.Claim]
    "narrative": None,  # force narrative anchoring of times (True/False) or decide (None)
}
_SPAN_ATTRS = {
    "entity": None,  # mention span -> entity id
    "timex": None,  # time span -> model.Timex
}


def register() -> None:
    """Register the extensions (idempotent)."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
