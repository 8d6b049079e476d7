"""Shared fixtures: the real pipeline, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    import tidings

    return tidings.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """`tidings.extract` bound to the session's pipeline."""
    import tidings

    def run(text, published=None, **kw):
        return tidings.extract(text, published=published, nlp=nlp, **kw)

    return run


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test is skipped with a clear message when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not here: the gold data lives in ../shared beside the project")
    return p
