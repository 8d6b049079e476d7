"""The corpus: many articles in one SQLite file, with events linked across reports.

    >>> from tidings.corpus import Corpus
    >>> corpus = Corpus("tidings.db")
    >>> summary = corpus.ingest(["examples/"])
    >>> corpus.events(type="SANCTION", clustered=True)
"""
from .api import Corpus
from .errors import CorpusError
from .ingest import IngestSummary, ingest

__all__ = ["Corpus", "CorpusError", "IngestSummary", "ingest"]
