"""Gazetteer benchmark: load time, alias and fuzzy lookups per second, peak memory.

Run: python benchmarks/bench_resolve.py   (targets: load < 0.5 s, >= 50,000 alias
lookups/s, >= 2,000 fuzzy lookups/s, on one core)
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import tracemalloc

LOAD_CODE = """
import resource, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
from syriamap.gazetteer import Gazetteer
g = Gazetteer.default()
elapsed = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(elapsed, (after - before) * 1024, after * 1024)
"""


def cold_load() -> tuple[float, int, int]:
    """Load in a fresh interpreter; return seconds, RSS growth and peak RSS in bytes."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_CODE], capture_output=True, text=True, check=True
        ).stdout.split()
        runs.append((float(out[0]), int(out[1]), int(out[2])))
    return min(runs)


def rate(func, queries, seconds: float = 1.0) -> float:
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for q in queries:
            func(q)
        n += len(queries)
    return n / (time.perf_counter() - start)


def typo(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + rng.choice("aeiouxq") + name[i + 1 :]


def main() -> int:
    load_s, load_growth, load_rss = cold_load()
    from syriamap._normalize import fold, skeleton
    from syriamap.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    rng = random.Random(42)
    places = [p for p in gaz if not p.outside_syria]
    aliases = [a for p in rng.sample(places, 2000) for a in (p.name, *p.aliases[:3])]
    rng.shuffle(aliases)
    aliases = aliases[:5000]
    # fuzzy queries: misspelled names that no key matches exactly
    fuzzy = []
    for p in rng.sample(places, 3000):
        q = typo(rng, p.name) if len(p.name) > 5 else ""
        if q and not gaz._lookup_exact(fold(q)) and len(skeleton(q)) >= 4:
            fuzzy.append(q)
    fuzzy = fuzzy[:1000]

    fold.cache_clear()
    skeleton.cache_clear()
    start = time.perf_counter()
    for q in aliases:  # one pass with cold normalisation caches
        gaz.resolve(q, limit=1)
    cold_alias = len(aliases) / (time.perf_counter() - start)
    alias = rate(lambda q: gaz.resolve(q, limit=1), aliases)
    fold.cache_clear()
    skeleton.cache_clear()
    fuzzy_rate = rate(lambda q: gaz.resolve(q, limit=1), fuzzy)
    hits = sum(bool(gaz.resolve(q, limit=1)) for q in fuzzy)

    tracemalloc.start()
    Gazetteer._load_package()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    print(f"places: {len(gaz):,}; keys: {len(gaz._fold):,} folded, {len(gaz._skel):,} skeleton")
    print(
        f"load (cold interpreter, import + Gazetteer.default()): {load_s * 1000:.0f} ms "
        f"(target < 500 ms); peak RSS {load_rss / 2**20:.0f} MiB, "
        f"of which the load {load_growth / 2**20:.0f} MiB"
    )
    print(
        f"alias lookups (resolve, warm): {alias:,.0f}/s (target >= 50,000); "
        f"cold caches {cold_alias:,.0f}/s"
    )
    print(
        f"fuzzy lookups (misspelled, resolve): {fuzzy_rate:,.0f}/s (target >= 2,000); "
        f"{hits}/{len(fuzzy)} found a candidate"
    )
    print(f"peak Python allocations of one gazetteer load (tracemalloc): {peak / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
