"""CLI commands over the corpus database (`tidings ingest`, `tidings events`, ...)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the `tidings` app."""
