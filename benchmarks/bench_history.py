"""End to end on the shared real corpus: ingest the articles, then check the map against history.

Ingests every article of ``../shared/corpus/articles`` (or ``$SYRIAMAP_SHARED/corpus``)
into a temporary store with ``syriamap ingest``, then judges each row of
``corpus/history.csv`` with :func:`syriamap.history.compare_with_history` and prints right /
wrong / unknown in both readings (with hindsight, and as reported on each row's date).

    python benchmarks/bench_history.py [--store PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import syriamap
from syriamap.cli import main as cli
from syriamap.history import compare_with_history

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    env = os.environ.get("SYRIAMAP_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="an existing store (default: ingest the corpus afresh)")
    ap.add_argument("--verbose", action="store_true", help="list the rows that are not right")
    args = ap.parse_args()
    corpus = shared_dir() / "corpus"
    if not (corpus / "history.csv").is_file():
        raise SystemExit(f"no corpus at {corpus} (set $SYRIAMAP_SHARED)")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or str(Path(tmp) / "corpus.sqlite")
        if not args.store:
            files = sorted(str(p) for p in (corpus / "articles").glob("*.txt"))
            t0 = time.perf_counter()
            code = cli(["ingest", "--store", path, *files])
            if code:
                raise SystemExit(code)
            print(f"ingested {len(files)} articles in {time.perf_counter() - t0:.1f} s")
        judge(syriamap.open_store(path), corpus / "history.csv", verbose=args.verbose)


def judge(store: object, history: Path, *, verbose: bool = False, prefix: str = "") -> None:
    """Print right / wrong / unknown of the store's map on ``history``, in both readings.

    ``verbose`` lists the rows that are not right.
    """
    for reading, as_reported in (("hindsight", False), ("as_reported", True)):
        table = compare_with_history(history, store=store, as_reported=as_reported)
        counts = table["verdict"].value_counts()
        print(
            f"{prefix}{reading:11}  rows {len(table)}  right {counts.get('right', 0)}  "
            f"wrong {counts.get('wrong', 0)}  unknown {counts.get('unknown', 0)}"
        )
        if verbose:
            bad = table[table["verdict"] != "right"]
            print(bad.drop(columns=["governorate", "place_id"]).to_string(index=False))


if __name__ == "__main__":
    main()
