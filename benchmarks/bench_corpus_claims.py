"""Extractor accuracy on hand-annotated sets of the shared real-news corpus.

Prints strict and relaxed claim precision, recall and F1 (and the mention and place levels)
for each corpus gold directory given, default ``tests/fixtures/corpus_dev`` (the dev set,
used for tuning). The same code scores the blind set at the end:

    python benchmarks/bench_corpus_claims.py tests/fixtures/corpus_dev tests/fixtures/corpus_blind

Strict: same article, place, side, relation and stance, event date within one day
(``syriamap.extract.evaluate``). Relaxed: same article, place and side only. The corpus is
read from ``$SYRIAMAP_SHARED/corpus`` or ``<repo>/../shared/corpus``
(``tests/shared_corpus.py``); the gold directory layout is described in
``tests/corpus_gold.py``. ``--per-article`` adds one line per article.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gold import analyse_set, load_gold, score_set, sources  # noqa: E402
from shared_corpus import ARTICLES  # noqa: E402


def report(gold_dir: Path, per_article: bool) -> None:
    t0 = time.perf_counter()
    analyses = analyse_set(gold_dir)
    seconds = time.perf_counter() - t0
    scores = score_set(gold_dir, analyses=analyses)
    n_articles = len(sources(gold_dir))
    print(
        f"\n{gold_dir} ({n_articles} articles, {len(load_gold(gold_dir))} gold claims, "
        f"extracted in {seconds:.1f} s)"
    )
    print(f"{'level':<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    names = {"claims": "claims strict", "relaxed": "claims relaxed"}
    for level in ("claims", "relaxed", "places", "mentions"):
        s = scores[level]
        print(
            f"{names.get(level, level):<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
            f"{s.tp:5d} {s.fp:5d} {s.fn:5d}"
        )
    print(f"national claims at Syria (the gold has none; not scored): {scores['national']}")
    wrong, placed = scores["wrong_side"]
    share = wrong / placed if placed else 0.0
    print(f"wrong side: {wrong} of {placed} predicted claims at a gold place ({share:.1%})")
    if per_article:
        gold = Counter(r["source_id"] for r in load_gold(gold_dir))
        pred = Counter(a.source_id for a in analyses for _ in a.candidates)
        print(f"{'article':<12} {'gold':>5} {'pred':>5} {'strict tp':>9}")
        for a in analyses:
            s = score_set(gold_dir, analyses=[a])["claims"]
            print(f"{a.source_id:<12} {gold[a.source_id]:5d} {pred[a.source_id]:5d} {s.tp:9d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold_dirs", nargs="*", type=Path, default=[ROOT / "tests" / "fixtures" / "corpus_dev"]
    )
    parser.add_argument("--per-article", action="store_true")
    args = parser.parse_args()
    if not ARTICLES.is_dir():
        sys.exit(f"the shared corpus is not at {ARTICLES} (set $SYRIAMAP_SHARED)")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"commit {commit or '?'}; corpus {ARTICLES}")
    for gold_dir in args.gold_dirs:
        report(gold_dir, args.per_article)


if __name__ == "__main__":
    main()
