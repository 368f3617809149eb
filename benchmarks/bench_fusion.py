"""Benchmark the store and the fusion on a synthetic store.

100,000 assertions over 10,000 places drawn from the real gazetteer, 200 sources from 12
publishers published over November 2024, events up to 3 days before publication.
Prints: CSV import time, store size on disk, control_at latency (cold = first call incl.
gazetteer load; after a write = the store's evidence is read and prepared again; warm =
the median of repeated calls, the target is < 300 ms; a new day of the same store; a
30-day timeline, the target is < 2 s), capitals / governorate_summary
latency, and peak memory (tracemalloc during one control_at, and the process's peak RSS).

    python benchmarks/bench_fusion.py [--assertions N] [--places N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from syriamap.assertions import Assertion, Relation, Source, Stance
from syriamap.fusion import capitals, control_at, governorate_summary
from syriamap.gazetteer import Gazetteer
from syriamap.store import Store

ACTORS = [
    "government",
    "opposition",
    "hts_coalition",
    "southern_factions",
    "sna",
    "sdf",
    "isis",
    "hezbollah",
    "druze_factions",
]
RELATIONS = [r.value for r in Relation]
STANCES = [s.value for s in Stance]
CLAIMANT_SIDES = ["", "", "neutral", "government", "opposition", "sdf"]
PRECISIONS = ["day", "day", "days", "week", "published"]


def generate(folder: Path, n_assertions: int, n_places: int, seed: int) -> None:
    rng = random.Random(seed)
    places = sorted(p.place_id for p in Gazetteer.default() if not p.outside_syria)
    places = rng.sample(places, min(n_places, len(places)))
    store = Store()
    sources = [
        Source(
            source_id=f"bench{i:04d}",
            publisher=f"publisher {i % 12}",
            published=f"2024-11-{1 + i % 30:02d}",
        )
        for i in range(200)
    ]
    store.add_sources(sources)
    quote = "synthetic claim, with a comma and “quotes”"
    claims = []
    for i in range(n_assertions):
        start = i * 64
        source = sources[i % len(sources)]
        published = source.published.day  # events happen up to 3 days before publication
        claims.append(
            Assertion(
                source_id=source.source_id,
                place_id=places[i % len(places)],
                actor=rng.choice(ACTORS),
                relation=rng.choice(RELATIONS),
                stance=rng.choices(STANCES, weights=[6, 3, 1, 1])[0],
                claimant_side=rng.choice(CLAIMANT_SIDES),
                event_date=f"2024-11-{max(1, published - rng.randint(0, 3)):02d}",
                date_precision=rng.choice(PRECISIONS),
                quote=quote,
                start=start,
                end=start + len(quote),
                confidence=round(rng.uniform(0.5, 1.0), 2),
            )
        )
    store.add_assertions(claims)
    store.export_csv(folder)


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assertions", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20241208)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        _, gen_s = timed(generate, tmpdir / "csv", args.assertions, args.places, args.seed)
        path = tmpdir / "bench.sqlite"
        store = Store(path)
        counts, import_s = timed(store.import_csv, tmpdir / "csv")
        _, reimport_s = timed(store.import_csv, tmpdir / "csv")  # idempotent: adds nothing
        size_mb = path.stat().st_size / 1e6

        date = "2024-11-30"
        frame, cold_s = timed(control_at, date, store=store)
        warm = [timed(control_at, date, store=store)[1] for _ in range(5)]
        # a day not asked for before: the fitted model is reused, the day's state is new
        fresh = [timed(control_at, f"2024-11-{d:02d}", store=store)[1] for d in (10, 20, 25)]
        days = [f"2024-11-{d:02d}" for d in range(1, 31)]
        _, timeline_s = timed(lambda: [control_at(d, store=store) for d in days])
        store.add_assertions(
            Assertion(
                source_id="bench0000",
                place_id=frame["place_id"][0],
                actor="sdf",
                relation="captured",
                stance="asserted",
                event_date="2024-11-01",
                quote="x",
                start=0,
                end=1,
            )
        )
        _, after_write_s = timed(control_at, date, store=store)
        reported = [
            timed(control_at, date, as_reported_by="2024-11-15", store=store)[1] for _ in range(3)
        ]
        _, caps_s = timed(capitals, date, store=store)
        governorate_summary(date, store=store)  # loads the boundaries once
        _, summary_s = timed(governorate_summary, date, store=store)

        tracemalloc.start()
        control_at(date, store=store)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rss_mb = rss / 1e6 if sys.platform == "darwin" else rss / 1e3
        store.close()

    median = statistics.median(warm)
    print(
        f"synthetic store     {counts['assertions']:,} assertions, {counts['sources']} "
        f"sources, {args.places:,} places (generated in {gen_s:.1f} s)"
    )
    print(
        f"import_csv          {import_s:.2f} s  ({counts['assertions'] / import_s:,.0f} "
        f"assertions/s); re-import (no-op) {reimport_s:.2f} s"
    )
    print(f"store size on disk  {size_mb:.1f} MB")
    print(
        f"control_at          cold {cold_s * 1e3:.0f} ms (incl. gazetteer load), warm "
        f"median {median * 1e3:.0f} ms (min {min(warm) * 1e3:.0f}); "
        f"{len(frame):,} places; target < 300 ms: {'met' if median < 0.3 else 'MISSED'}"
    )
    print(
        f"  a new day         median {statistics.median(fresh) * 1e3:.0f} ms "
        "(same fitted model, the day's state computed)"
    )
    print(
        f"  30-day timeline   {timeline_s:.2f} s (one control_at per day); target < 2 s: "
        f"{'met' if timeline_s < 2 else 'MISSED'}"
    )
    print(f"  after a write     {after_write_s * 1e3:.0f} ms (evidence re-read, model fitted)")
    print(f"  as_reported_by    median {statistics.median(reported) * 1e3:.0f} ms")
    print(f"capitals            {caps_s * 1e3:.0f} ms")
    print(f"governorate_summary {summary_s * 1e3:.0f} ms")
    print(
        f"peak memory         {peak / 1e6:.0f} MB traced in one control_at; "
        f"process peak RSS {rss_mb:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
