"""Which reviewable data files the package ships, and where their one copy lives.

Standalone (standard library only): ``setup.py`` loads this file at build time, before
syriamap's dependencies exist, to copy the files into the wheel; at run time
:func:`syriamap.data.path` uses it to find them in a source checkout.

Every ``data/*.csv`` and ``data/lexicon/*.csv`` ships, under the same name, except the
gazetteer's build inputs and outputs (compiled into ``gazetteer.json.gz`` instead), so a
new ``data/<name>.csv`` ships without further ado. ``seeds/sources.csv`` ships as
``sources.csv``: the bundled store needs the sources of the gold assertions.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["NOT_SHIPPED", "PATTERNS", "RENAMED", "shipped", "source"]

PATTERNS = ("*.csv", "lexicon/*.csv")
"""Glob patterns, relative to ``data/``, of the files that ship."""

NOT_SHIPPED = frozenset({"gazetteer.csv", "regions.csv"})
"""Build inputs and outputs of ``scripts/build_gazetteer.py``: compiled, not shipped."""

RENAMED = {"sources.csv": ("seeds", "sources.csv")}
"""Package name -> path (relative to the repository) of files that live outside data/."""


def shipped(root: Path) -> dict[str, Path]:
    """Map each shipped file's name in the package (``lexicon/relations.csv``) to its source.

    ``root`` is the repository root (the folder holding ``data/`` and ``seeds/``).
    """
    files: dict[str, Path] = {}
    data = root / "data"
    for pattern in PATTERNS:
        for src in sorted(data.glob(pattern)):
            name = src.relative_to(data).as_posix()
            if src.is_file() and name not in NOT_SHIPPED:
                files[name] = src
    for name, parts in RENAMED.items():
        src = root.joinpath(*parts)
        if src.is_file():
            files[name] = src
    return files


def source(name: str, root: Path) -> Path | None:
    """Where the one copy of the package file ``name`` lives in a source checkout."""
    if name in RENAMED:
        return root.joinpath(*RENAMED[name])
    if name in NOT_SHIPPED:
        return None
    return root / "data" / name
