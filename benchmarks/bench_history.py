"""End to end on the shared real corpus: ingest the articles, then check the map against history.

Ingests every article of ``../shared/corpus/articles`` (or ``$SYRIAMAP_SHARED/corpus``)
into a temporary store with ``syriamap ingest``, then reads each row of
``corpus/history.csv`` (date, place, governorate, side) with
:func:`syriamap.control_state` and prints right / wrong / unknown, in both readings
(hindsight, and as reported by the row's date). A place shown ``contested`` with a
holder counts as that holder's.

    python benchmarks/bench_history.py [--store PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import syriamap
from syriamap.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    env = os.environ.get("SYRIAMAP_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def history_place(g: Gazetteer, name: str, governorate: str) -> str:
    """Return the row's place id: a capital by its name, else the best town."""
    caps = g.capitals()
    for place in caps.values():
        if place.name.casefold() == name.casefold():
            return place.place_id
    gov = next((p for p in g.governorates() if p.name.casefold() == governorate.casefold()), None)
    matches = g.resolve(name)
    towns = [m.place for m in matches if m.place.kind not in ("governorate", "district", "region")]
    if gov is not None:
        towns = [p for p in towns if p.admin1_iso == gov.admin1_iso] or towns
    if not towns:
        raise SystemExit(f"history.csv: cannot resolve {name!r} ({governorate})")
    return towns[0].place_id


def check(
    store: syriamap.Store, history: Path, *, verbose: bool = False
) -> dict[str, dict[str, int]]:
    g = Gazetteer.default()
    with history.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out: dict[str, dict[str, int]] = {}
    for reading in ("hindsight", "as_reported"):
        tally = {"right": 0, "wrong": 0, "unknown": 0}
        for r in rows:
            pid = history_place(g, r["place"], r["governorate"])
            state = syriamap.fusion.control_state(
                pid,
                r["date"],
                as_reported_by=r["date"] if reading == "as_reported" else None,
                store=store,
            )
            side = state.side
            verdict = "unknown" if not side else ("right" if side == r["side"] else "wrong")
            tally[verdict] += 1
            if verbose and verdict != "right":
                print(
                    f"  {reading:11} {r['date']} {r['place']:14} expected {r['side']:10} "
                    f"got {state.status} {side or '-'} {state.confidence:.2f}"
                )
        out[reading] = tally
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--store", help="an existing store (default: ingest the corpus into a temporary one)"
    )
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
            subprocess.run(
                [sys.executable, "-m", "syriamap", "ingest", "--store", path, *files],
                check=True,
                capture_output=True,
            )
            print(f"ingested {len(files)} articles in {time.perf_counter() - t0:.1f} s")
        store = syriamap.open_store(path)
        result = check(store, corpus / "history.csv", verbose=args.verbose)
    for reading, tally in result.items():
        n = sum(tally.values())
        print(
            f"{reading:11}  rows {n}  right {tally['right']}  wrong {tally['wrong']}  "
            f"unknown {tally['unknown']}"
        )


if __name__ == "__main__":
    main()
