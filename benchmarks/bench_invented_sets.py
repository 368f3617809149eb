"""Extractor accuracy on the invented blind sets, and their map against history.

For each set named (default ``blind2 blind5``; folders under ``tests/fixtures/``, each an
invented set with ``gold.csv`` holding quotes and ``sources.csv``), prints the mention,
place and strict claim scores of :func:`syriamap.extract.evaluate.evaluate_files`, the
relaxed claim score (article, place and side only) and the wrong-side count of
``tests/corpus_gold.py``. With ``--history``, the set's articles are also ingested into a
fresh store and the governorate capitals and towns of ``<shared>/corpus/history.csv`` are
judged on the map (right / wrong / unknown, with hindsight and as reported), as
``bench_history.py`` does for the real corpus: only sets whose events fall in the corpus
period (27 Nov - 14 Dec 2024) make sense there.

A blind set is measured once, when nobody has read its errors: see each set's README.

    python benchmarks/bench_invented_sets.py blind5 [--history] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_history import judge, shared_dir  # noqa: E402
from corpus_gold import match_relaxed, wrong_sides  # noqa: E402


def articles(folder: Path) -> list[str]:
    """The set's article files, as its ``sources.csv`` lists them."""
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as fh:
        return [str(ROOT / row["file"]) for row in csv.DictReader(fh)]


def score(folder: Path) -> None:
    from syriamap.extract.evaluate import Score, evaluate_files, national_unscored
    from syriamap.gazetteer import Gazetteer

    files = articles(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores, analyses = evaluate_files(
            folder / "gold.csv", files, sources_path=folder / "sources.csv"
        )
    with (folder / "gold.csv").open(encoding="utf-8", newline="") as fh:
        gold = list(csv.DictReader(fh))
    rows = [c.to_row() for a in analyses for c in a.candidates]
    predicted = national_unscored(rows, gold, Gazetteer.default())
    tp = match_relaxed(predicted, gold)
    relaxed = Score(tp, len(predicted) - tp, len(gold) - tp)
    wrong, placed = wrong_sides(predicted, gold)
    print(f"\n{folder.name}: {len(files)} articles, {len(gold)} gold claims")
    print(f"{'level':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, s in (
        ("mentions", scores["mentions"]),
        ("places", scores["places"]),
        ("claims strict", scores["claims"]),
        ("claims relaxed", relaxed),
    ):
        print(
            f"{name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            f"{s.tp:5d} {s.fp:5d} {s.fn:5d}"
        )
    share = wrong / placed if placed else 0.0
    print(f"wrong side: {wrong} of {placed} predicted claims at a gold place ({share:.1%})")
    print(f"national claims at Syria (not scored): {len(rows) - len(predicted)}")


def history(folder: Path, verbose: bool) -> None:
    import syriamap
    from syriamap.cli import main as cli

    table_path = shared_dir() / "corpus" / "history.csv"
    if not table_path.is_file():
        print(f"no history table at {table_path} (set $SYRIAMAP_SHARED): end to end skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        store_path = str(Path(tmp) / "set.sqlite")
        code = cli(["ingest", "--store", store_path, *articles(folder)])
        if code:
            raise SystemExit(code)
        judge(
            syriamap.open_store(store_path), table_path, verbose=verbose, prefix="map vs history, "
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=["blind2", "blind5"])
    ap.add_argument("--history", action="store_true", help="also judge the map on history.csv")
    ap.add_argument("--verbose", action="store_true", help="list the history rows not right")
    args = ap.parse_args()
    for name in args.sets:
        folder = ROOT / "tests" / "fixtures" / name
        if not (folder / "gold.csv").is_file():
            raise SystemExit(f"{folder}: no gold.csv")
        score(folder)
        if args.history:
            history(folder, args.verbose)


if __name__ == "__main__":
    main()
