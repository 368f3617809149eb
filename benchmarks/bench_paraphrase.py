"""Pass rates of the paraphrase robustness probe, per half (``tests/paraphrase_probe.py``).

Run ``python benchmarks/bench_paraphrase.py`` (``-v`` lists the failing rows with what was
extracted).  "exact" counts rows whose claims equal the expected set; "side" counts rows
with the right side at the right place (the same (place, side) pairs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from paraphrase_probe import claims, load_probe, passes_by_side, passes_exactly  # noqa: E402


def main() -> None:
    """Print the probe's pass rates per half (and the failures with ``-v``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list failing rows")
    parser.add_argument("--half", default="", help="only this half (A or B)")
    args = parser.parse_args()
    totals: dict[str, list[int]] = {}
    for row in load_probe():
        if args.half and row.half != args.half:
            continue
        got = claims(row.sentence, row.published)
        exact, side = passes_exactly(got, row.expected), passes_by_side(got, row.expected)
        t = totals.setdefault(row.half, [0, 0, 0])
        t[0] += 1
        t[1] += exact
        t[2] += side
        if args.verbose and not exact:
            print(f"{row.id} [{'side ok' if side else 'SIDE'}] {row.sentence}")
            print(f"    want {sorted(row.expected)}")
            print(f"    got  {sorted(got)}")
    for half, (n, exact, side) in sorted(totals.items()):
        print(
            f"half {half}: rows {n}  exact {exact} ({exact / n:.3f})  "
            f"right side at right place {side} ({side / n:.3f})"
        )


if __name__ == "__main__":
    main()
