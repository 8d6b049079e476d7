"""tidings: news reports in, sourced and dated event data out.

    >>> import tidings
    >>> record = tidings.extract(text, published="2024-11-29")
    >>> [(e.event, e.status) for e in record.events]
"""
from .about import __version__
from .errors import InputError, TidingsError
from .inputs import Article
from .pipeline import build, extract, extract_many, load
from .record import Record

__all__ = ["__version__", "extract", "extract_many", "load", "build", "Record", "Article",
           "TidingsError", "InputError"]
