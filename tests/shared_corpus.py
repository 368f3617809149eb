"""Where the shared real-news corpus lives, and a skip mark for tests that need it.

The corpus texts belong to their publishers and are never copied into this repository:
tests and benchmarks read them from the shared folder beside the clone, ``../shared`` from
the repository root, or from ``$SYRIAMAP_SHARED`` when it is set. Where it is absent the
tests that need it are skipped with a reason that says so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """Return the shared folder: ``$SYRIAMAP_SHARED``, else ``../shared`` from the repo root."""
    env = os.environ.get("SYRIAMAP_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


SHARED = shared_dir()
CORPUS = SHARED / "corpus"
ARTICLES = CORPUS / "articles"
HISTORY = CORPUS / "history.csv"

requires_corpus = pytest.mark.skipif(
    not (ARTICLES.is_dir() and HISTORY.is_file()),
    reason=f"the shared real-news corpus is not at {CORPUS} (set $SYRIAMAP_SHARED)",
)


def article_path(name: str) -> Path:
    """Return the path of a corpus article, e.g. ``article_path("017.txt")``."""
    return ARTICLES / name


def article_text(name: str) -> str:
    """Return a corpus article's full text (header block included), as offsets count it."""
    return article_path(name).read_bytes().decode("utf-8")
