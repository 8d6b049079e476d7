"""The corpus's own exception: the CLI prints it as one line `Error: ...`."""
from __future__ import annotations

from ..errors import TidingsError


class CorpusError(TidingsError):
    """The database, a filter or an output option cannot be used; the message says how to fix it."""
