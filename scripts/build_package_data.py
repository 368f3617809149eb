"""Copy the small reviewable data files from data/ into the package (syriamap/data/).

The files in data/ are the ones people review and edit; the package ships byte-identical
copies so that a non-editable ``pip install .`` works from any directory.
``tests/test_package_data.py`` fails when a copy is stale: run this script after editing.

The gazetteer and the boundaries are compiled by scripts/build_gazetteer.py instead.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data"
TARGET = ROOT / "syriamap" / "data"

# Patterns relative to data/, copied as they are.
COPIED = ("actors.csv", "assertions.csv", "aliases.csv", "outside_syria.csv", "lexicon/*.csv")
# seeds/sources.csv ships too: the bundled store needs the sources of the gold assertions.
EXTRA = {ROOT / "seeds" / "sources.csv": TARGET / "sources.csv"}


def planned() -> dict[Path, Path]:
    """Map every source file to its package copy."""
    plan: dict[Path, Path] = {}
    for pattern in COPIED:
        for src in sorted(SOURCE.glob(pattern)):
            plan[src] = TARGET / src.relative_to(SOURCE)
    for src, dst in EXTRA.items():
        if src.exists():
            plan[src] = dst
    return plan


def stale() -> list[Path]:
    """Return the sources whose package copy is missing or differs."""
    return [
        src
        for src, dst in planned().items()
        if not dst.exists() or dst.read_bytes() != src.read_bytes()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale copies")
    args = parser.parse_args(argv)
    todo = stale()
    if args.check:
        for src in todo:
            print(f"stale: {src.relative_to(ROOT)}")
        return 1 if todo else 0
    for src in todo:
        dst = planned()[src]
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        print(f"copied {src.relative_to(ROOT)} -> {dst.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
