"""Throughput, memory and accuracy of the extractor.

Prints articles per second and MB/s on one core for ~5 KB articles (built from the seed
texts, each made unique so no cache helps), the time of one 1 MB single-paragraph text,
the peak memory of the run (tracemalloc), and the evaluation figures on the seeds
(``data/assertions.csv``) and on the dev set (``tests/fixtures/dev/``). Times are CPU
seconds of the process (``time.process_time``), the figure to compare on a shared, busy
machine, and wall-clock seconds; the targets (issue 8) are >= 1 MB/s per core and <= 3 s
for the 1 MB paragraph.

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
    start, cpu = time.perf_counter(), time.process_time()
    n_claims = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts:
            n_claims += len(extract(text, published="2024-12-07"))
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu

    tracemalloc.start()
    for text in texts[:50]:
        extract(text, published="2024-12-07")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    big = " ".join(texts[:200]).replace("\n", " ")  # ~1 MB, one paragraph
    gc.collect()
    t1, c1 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract(big, published="2024-12-07")
    big_time, big_cpu = time.perf_counter() - t1, time.process_time() - c1
    # the memory in a second run: tracing slows the extraction down a lot
    tracemalloc.start()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract(big, published="2024-12-07")
    _, big_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"start-up (gazetteer + automata): {warm:.2f} s")
    print(f"articles: {len(texts)} x ~{total_bytes // len(texts)} B, {n_claims} assertions")
    print(
        f"throughput per core: {total_bytes / used / 1e6:.2f} MB/s CPU "
        f"({len(texts) / used:.1f} articles per CPU second; target >= 1 MB/s), "
        f"{total_bytes / elapsed / 1e6:.2f} MB/s wall"
    )
    print(f"peak traced memory while extracting 5 KB articles: {peak / 1e6:.2f} MB")
    print(
        f"one {len(big) / 1e6:.1f} MB single-paragraph text: {big_cpu:.1f} s CPU "
        f"(target <= 3 s), {big_time:.1f} s wall; peak traced memory {big_peak / 1e6:.0f} MB"
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
