"""Throughput, memory and accuracy of the extractor.

Prints articles per second and MB/s on one core for ~5 KB articles (built from the seed
texts, each made unique so no cache helps), the peak memory of the run (tracemalloc), and
the evaluation figures on the seeds (``data/assertions.csv``) and on the dev set
(``tests/fixtures/dev/``).

Usage: python benchmarks/bench_extract.py [--articles N]
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def articles(n: int, size: int = 5000) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out = []
    for i in range(n):
        text = seeds[i % len(seeds)]
        while len(text) < size:
            text += "\n\n" + seeds[(i + 1) % len(seeds)]
        out.append(f"Report number {i}.\n\n" + text[:size])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()

    from syriamap.extract import extract
    from syriamap.extract.evaluate import evaluate_files, format_report
    from syriamap.gazetteer import Gazetteer

    t0 = time.perf_counter()
    Gazetteer.default()
    extract("Rebels seized Hama on Thursday.", published="2024-12-06")  # build the automata
    warm = time.perf_counter() - t0

    texts = articles(args.articles)
    total_bytes = sum(len(t.encode("utf-8")) for t in texts)
    gc.collect()
    start = time.perf_counter()
    n_claims = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts:
            n_claims += len(extract(text, published="2024-12-07"))
    elapsed = time.perf_counter() - start

    tracemalloc.start()
    for text in texts[:50]:
        extract(text, published="2024-12-07")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    big = " ".join(texts[:200]).replace("\n", " ")  # ~1 MB, one paragraph
    tracemalloc.start()
    t1 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract(big, published="2024-12-07")
    big_time = time.perf_counter() - t1
    _, big_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"start-up (gazetteer + automata): {warm:.2f} s")
    print(f"articles: {len(texts)} x ~{total_bytes // len(texts)} B, {n_claims} assertions")
    print(
        f"throughput: {len(texts) / elapsed:.1f} articles/s, "
        f"{total_bytes / elapsed / 1e6:.2f} MB/s (one core)"
    )
    print(f"peak traced memory while extracting 5 KB articles: {peak / 1e6:.2f} MB")
    print(
        f"one {len(big) / 1e6:.1f} MB single-paragraph text: {big_time:.1f} s, "
        f"peak traced memory {big_peak / 1e6:.0f} MB"
    )
    try:
        import resource

        print(
            "max RSS of the process: "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
    except ImportError:  # pragma: no cover - not on Windows
        pass
    gold = ROOT / "data" / "assertions.csv"
    if gold.exists():
        scores, _ = evaluate_files(gold)
        print("\nevaluation on the seeds (data/assertions.csv):")
        print(format_report(scores))
    dev = ROOT / "tests" / "fixtures" / "dev"
    if (dev / "dev_gold.csv").exists():
        files = sorted(
            p for p in dev.iterdir() if p.name.startswith("dev") and p.suffix in (".txt", ".html")
        )
        scores, _ = evaluate_files(
            dev / "dev_gold.csv", files, sources_path=dev / "dev_sources.csv"
        )
        print("\nevaluation on the dev set, used for tuning (tests/fixtures/dev/dev_gold.csv):")
        print(format_report(scores))


if __name__ == "__main__":
    main()
