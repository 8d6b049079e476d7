"""The pipeline version stored with every article, so that `--reprocess` knows what is stale.

It is the package version, the spaCy model, and a short digest of the code and data files that
decide what a record says (the stage modules and lexicons; not the CLI, the renderers or the
corpus itself). Any change to a rule or a lexicon row gives a new version; articles stored under
another version are re-extracted by `tidings ingest --reprocess`.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import tidings
from ..about import MODEL, __version__

#: Modules that do not change what a record contains.
_NOT_PIPELINE = {"cli.py", "render.py", "__init__.py", "about.py"}


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    about = __import__("tidings.about", fromlist=["PIPELINE_VERSION"])
    explicit = getattr(about, "PIPELINE_VERSION", None)
    if explicit:
        return str(explicit)
    root = Path(tidings.__file__).resolve().parent
    digest = hashlib.sha256()
    files = [p for p in root.glob("*.py") if p.name not in _NOT_PIPELINE]
    files += [p for p in (root / "data").glob("*") if p.is_file()]
    for p in sorted(files):
        digest.update(p.name.encode())
        digest.update(p.read_bytes())
    return f"{__version__}+{MODEL}.{digest.hexdigest()[:10]}"
