"""Stance and claimant accuracy of the extractor on the annotated sets.

For each set, predicted and gold claims are matched one to one on everything *but* the
stance (same source, place, side, relation, dates at most one day apart); the stance
confusion matrix (gold rows, predicted columns) and the stance accuracy on those matched
claims are printed, with the claimant-side accuracy on matched attributed claims and the
strict claims precision/recall (stance included). Sets: the seeds (``data/assertions.csv``),
the dev set (``tests/fixtures/dev/``), and the real-article tuning set
(``tests/fixtures/corpus_dev/gold.csv`` over the shared corpus) when both are present.
The held-out and blind sets are left out on purpose: they are measured only at the end.

With ``--relaxed`` the pairs need only the same place and side (relation and date may
differ), which scores the stance of more claims.

Usage: python benchmarks/bench_stance.py [--set seeds|dev|corpus_dev] [--errors] [--relaxed]
"""

from __future__ import annotations

import argparse
import os
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STANCES = ("asserted", "attributed", "denied", "unverified")


def _shared() -> Path:
    env = os.environ.get("SYRIAMAP_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def _sets() -> dict[str, tuple[Path, list[Path], Path | None]]:
    dev = ROOT / "tests" / "fixtures" / "dev"
    out: dict[str, tuple[Path, list[Path], Path | None]] = {
        "seeds": (ROOT / "data" / "assertions.csv", sorted((ROOT / "seeds").glob("*.txt")), None),
        "dev": (
            dev / "dev_gold.csv",
            sorted(p for p in dev.iterdir() if p.name.startswith("dev") and p.suffix != ".csv"),
            dev / "dev_sources.csv",
        ),
    }
    corpus = ROOT / "tests" / "fixtures" / "corpus_dev"
    articles = _shared() / "corpus" / "articles"
    if (corpus / "gold.csv").is_file() and articles.is_dir():
        import csv

        with open(corpus / "articles.csv", newline="", encoding="utf-8") as fh:
            files = [articles / row["file"] for row in csv.DictReader(fh)]
        out["corpus_dev"] = (corpus / "gold.csv", files, corpus / "articles.csv")
    return out


def stance_report(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]], *, relaxed: bool = False
) -> tuple[Counter[tuple[str, str]], list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Match ignoring stance; return the (gold, predicted) stance counts and the pairs.

    Claims quoting the same sentence are paired first, so that a headline is not paired
    with the body sentence that repeats it.
    """
    from syriamap.extract.evaluate import match_claims_one_to_one

    def keyed(rows: Sequence[dict[str, Any]], same_quote: bool) -> list[dict[str, Any]]:
        out = [{**r, "stance": str(r["start"]) if same_quote else ""} for r in rows]
        if relaxed:  # place and side only: relation and date may differ
            out = [{**r, "relation": "", "event_date": "2000-01-01"} for r in out]
        return out

    pairs = match_claims_one_to_one(keyed(predicted, True), keyed(gold, True))
    left_p = [i for i in range(len(predicted)) if i not in {i for i, _ in pairs}]
    left_g = [j for j in range(len(gold)) if j not in {j for _, j in pairs}]
    more = match_claims_one_to_one(
        keyed([predicted[i] for i in left_p], False), keyed([gold[j] for j in left_g], False)
    )
    pairs += [(left_p[i], left_g[j]) for i, j in more]
    counts: Counter[tuple[str, str]] = Counter()
    matched = []
    for i, j in sorted(pairs):
        counts[(str(gold[j]["stance"]), str(predicted[i]["stance"]))] += 1
        matched.append((gold[j], predicted[i]))
    return counts, matched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets")
    parser.add_argument("--errors", action="store_true", help="list the stance errors")
    parser.add_argument(
        "--relaxed", action="store_true", help="match on place and side only (more pairs)"
    )
    args = parser.parse_args()

    import csv

    from syriamap.extract.document import ExtractWarning
    from syriamap.extract.evaluate import evaluate_files

    for name, (gold_path, files, sources) in _sets().items():
        if args.sets and name not in args.sets:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExtractWarning)
            scores, analyses = evaluate_files(gold_path, files, sources_path=sources)
        with open(gold_path, newline="", encoding="utf-8") as fh:
            ids = {a.source_id for a in analyses}
            gold = [r for r in csv.DictReader(fh) if r["source_id"] in ids]
        predicted = [c.to_row() for a in analyses for c in a.candidates]
        counts, matched = stance_report(gold, predicted, relaxed=args.relaxed)
        total = sum(counts.values())
        right = sum(v for (g, p), v in counts.items() if g == p)
        claims = scores["claims"]
        print(f"== {name}: {len(files)} articles, {len(gold)} gold, {len(predicted)} predicted")
        print(
            f"strict claims P {claims.precision:.3f} R {claims.recall:.3f} "
            f"F1 {claims.f1:.3f} (tp {claims.tp} fp {claims.fp} fn {claims.fn})"
        )
        print(f"stance accuracy on {total} matched claims: {right / max(total, 1):.3f}")
        print("gold \\ pred  " + " ".join(f"{s[:6]:>6}" for s in STANCES))
        for g in STANCES:
            print(f"{g:<12} " + " ".join(f"{counts[(g, p)]:6d}" for p in STANCES))
        attributed = [(g, p) for g, p in matched if g["stance"] == p["stance"] != "asserted"]
        sides = sum(1 for g, p in attributed if g.get("claimant_side", "") == p["claimant_side"])
        print(f"claimant side right on {sides}/{len(attributed)} matched non-asserted claims")
        if args.errors:
            for g, p in matched:
                if g["stance"] != p["stance"] or (
                    g["stance"] != "asserted" and g.get("claimant_side", "") != p["claimant_side"]
                ):
                    print(
                        f"  {g['source_id']} {g['place_name']!r} {g['relation']}: gold "
                        f"{g['stance']}/{g.get('claimant', '')!r}/{g.get('claimant_side', '')}"
                        f" pred {p['stance']}/{p['claimant']!r}/{p['claimant_side']}"
                        f" @{p['start']}: {p['quote'][:150]!r}"
                    )
        print()


if __name__ == "__main__":
    main()
