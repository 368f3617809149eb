"""Inter-annotator agreement on five corpus_dev articles, next to the extractor's scores.

Two people annotated corpus_dev articles 001 011 024 046 061 following ``data/ANNOTATION.md``:
the first annotator's rows are in ``tests/fixtures/corpus_dev/gold.csv``, the second's, made
blind to them, in ``tests/fixtures/agreement/second_annotator.csv``. Treating the first as
the reference, this prints strict and relaxed P/R/F1 between the two (F1 is the agreement:
it is symmetric), the fields on which relaxed matches disagree strictly, and the
extractor's strict and relaxed P/R against each annotator on the same articles::

    python benchmarks/bench_agreement.py

Strict and relaxed are the extractor's metric (``syriamap.extract.evaluate`` and
``tests/corpus_gold.py``): strict = same article, place (a site as its town), side,
relation and stance, event date within one day; relaxed = same article, place and side;
both a one-to-one maximum matching. The corpus is read from ``$SYRIAMAP_SHARED/corpus``
or ``<repo>/../shared/corpus``; without it the script exits with a message.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gold import analyse_set, article_list, load_gold, match_relaxed  # noqa: E402
from shared_corpus import ARTICLES  # noqa: E402

from syriamap.actors import actors  # noqa: E402
from syriamap.extract.evaluate import (  # noqa: E402
    Score,
    claim_side,
    match_claims_one_to_one,
    maximum_matching,
    national_unscored,
)
from syriamap.gazetteer import Gazetteer  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "corpus_dev"
SECOND = ROOT / "tests" / "fixtures" / "agreement" / "second_annotator.csv"
SOURCES = tuple(f"corpus_{n}" for n in "001 011 024 046 061".split())

Row = Mapping[str, Any]


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def first_annotator() -> list[dict[str, str]]:
    """Return the corpus_dev gold rows of the five articles (the reference)."""
    return [r for r in load_gold(DEV) if r["source_id"] in SOURCES]


def second_annotator() -> list[dict[str, str]]:
    """Return the second annotator's rows (all of them are on the five articles)."""
    return [r for r in read_rows(SECOND) if r["source_id"] in SOURCES]


def scores(predicted: Sequence[Row], reference: Sequence[Row]) -> tuple[Score, Score]:
    """Return the (strict, relaxed) scores of ``predicted`` against ``reference``."""
    strict = len(match_claims_one_to_one(predicted, reference))
    relaxed = match_relaxed(predicted, reference)
    n, m = len(predicted), len(reference)
    return Score(strict, n - strict, m - strict), Score(relaxed, n - relaxed, m - relaxed)


def _date(row: Row) -> dt.date | None:
    value = row.get("event_date")
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if value else None


def differing_fields(a: Row, b: Row) -> tuple[str, ...]:
    """Return the strict fields on which two claims of one place and side differ."""
    out = [f for f in ("relation", "stance") if a[f] != b[f]]
    da, db = _date(a), _date(b)
    if da is None or db is None or abs((da - db).days) > 1:
        out.append("date")
    return tuple(out)


def disagreements(second: Sequence[Row], first: Sequence[Row]) -> tuple[Counter, int]:
    """Count, among relaxed matches that are not strict ones, which fields differ.

    The strict matching is taken first; the rows it leaves on either side are then paired
    by article, place and side (the relaxed key, as ``match_relaxed`` has it), and each
    pair is classified by the strict fields that differ (relation, stance, date). Returns
    the counter of field combinations and the number of such pairs.
    """
    gaz, table = Gazetteer.default(), actors()
    pairs = match_claims_one_to_one(second, first, gazetteer=gaz)
    left = [p for i, p in enumerate(second) if i not in {i for i, _ in pairs}]
    right = [g for j, g in enumerate(first) if j not in {j for _, j in pairs}]

    def key(r: Row) -> tuple[str, str, str]:
        return (r["source_id"], r["place_id"], claim_side(r, table))

    edges = [[j for j, g in enumerate(right) if key(g) == key(p)] for p in left]
    kinds: Counter = Counter()
    for i, j in maximum_matching(edges):
        fields = differing_fields(left[i], right[j])
        kinds[" + ".join(fields) or "site vs town only"] += 1
    return kinds, sum(kinds.values())


UNSCORED = ("claimant", "claimant_side", "date_precision", "place_precision", "confidence")


def unscored_differences(second: Sequence[Row], first: Sequence[Row]) -> Counter:
    """Count, among rows both annotators wrote alike, the ignored fields that differ.

    Rows are paired by ``assertion_id`` (same span, place, actor, relation and stance), so
    that a difference is not an artefact of which of several equivalent rows the strict
    matching pairs. Returns a counter over :data:`UNSCORED` fields, plus ``identical row``,
    the number of such pairs.
    """
    by_id = {r["assertion_id"]: r for r in first}
    out: Counter = Counter()
    for r in second:
        g = by_id.get(r["assertion_id"])
        if g is not None:
            out["identical row"] += 1
            out.update(f for f in UNSCORED if r[f] != g[f])
    return out


def unmatched(second: Sequence[Row], first: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """Return the rows of each annotator that no relaxed match pairs with the other's."""
    table = actors()

    def key(r: Row) -> tuple[str, str, str]:
        return (r["source_id"], r["place_id"], claim_side(r, table))

    edges = [[j for j, g in enumerate(first) if key(g) == key(p)] for p in second]
    pairs = maximum_matching(edges)
    done_l, done_r = {i for i, _ in pairs}, {j for _, j in pairs}
    return (
        [p for i, p in enumerate(second) if i not in done_l],
        [g for j, g in enumerate(first) if j not in done_r],
    )


def extractor_rows(reference: Sequence[Row]) -> list[Row]:
    """Run the extractor on the five articles; return its scored claim rows."""
    with tempfile.TemporaryDirectory() as tmp:
        sub = Path(tmp)
        rows = [r for r in article_list(DEV) if r["source_id"] in SOURCES]
        with (sub / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, ["source_id", "file", "content_hash"], lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        analyses = analyse_set(sub)
    predicted = [c.to_row() for a in analyses for c in a.candidates]
    return list(national_unscored(predicted, reference, Gazetteer.default()))


def line(name: str, s: Score) -> str:
    """Format one score line."""
    return (
        f"{name:<34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}"
    )


def describe(r: Row) -> str:
    """Return a short description of a claim row (no quote)."""
    return (
        f"{r['source_id']} {r['place_name'] or r['place_id']!r} {r['actor']} "
        f"{r['relation']} {r['stance']}"
    )


def main() -> int:
    if not ARTICLES.is_dir():
        print(f"the shared corpus is not at {ARTICLES} (set $SYRIAMAP_SHARED)")
        return 1
    first, second = first_annotator(), second_annotator()
    print(f"articles: {' '.join(SOURCES)}")
    print(f"first annotator (corpus_dev gold): {len(first)} claims")
    print(f"second annotator (blind): {len(second)} claims\n")
    header = f"{'':<34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    print("annotator vs annotator (second scored against first)")
    print(header)
    strict, relaxed = scores(second, first)
    print(line("strict", strict))
    print(line("relaxed (place + side)", relaxed))

    kinds, n = disagreements(second, first)
    print(f"\nrelaxed matches that are not strict: {n}, by differing field")
    for kind, count in kinds.most_common():
        print(f"  {kind:<30} {count:3d}")
    same = unscored_differences(second, first)
    print(
        f"\nrows with the same assertion_id (span, place, actor, relation, stance): "
        f"{same.pop('identical row')}"
    )
    print("of which differing on a field the metric ignores:")
    for f in UNSCORED:
        print(f"  {f:<30} {same[f]:3d}")
    only_second, only_first = unmatched(second, first)
    print(f"\nno relaxed match: {len(only_second)} second-only, {len(only_first)} first-only")
    for title, group in (("second only", only_second), ("first only", only_first)):
        for r in group:
            print(f"  {title}: {describe(r)}")

    predicted = extractor_rows(first)
    print(f"\nextractor (main's code) on the same articles: {len(predicted)} claims")
    print(header)
    for name, ref in (("first annotator", first), ("second annotator", second)):
        s, r = scores(predicted, ref)
        print(line(f"vs {name}, strict", s))
        print(line(f"vs {name}, relaxed", r))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
