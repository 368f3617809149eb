"""Ingest throughput on 1, 2 (and more) workers, the client's memory and the store size.

Writes a generated corpus (``tests/generated_corpus.py``: seed variants and invented
articles, no shared-corpus text) to a temporary folder, then ingests it into a fresh store
once per configuration, each in a fresh interpreter:

- ``1``: ``workers=1``, in this process (no cluster);
- ``N``: a ``LocalCluster`` of N worker processes, one thread each. Its start-up (with
  the workers' gazetteer load; for ``1`` the gazetteer load) is timed apart ("start"),
  and "total" is what a user of ``--workers N`` waits for;
- ``--keep-going`` variants skip the first reading pass (which makes a bad file stop
  everything before anything is written) and show what that pass costs.

Prints MB/s and articles/s (over the ingest call, and over the total), the speed-up over
one worker, the CPU time of the client and of each worker during the ingest (it shows what
distributing costs, whatever else runs on the machine) and from it the speed-up that idle
cores would allow (the run can be no shorter than its CPU time spread over the cores, nor
than its busiest process), the client's peak resident memory (``ru_maxrss`` of the client
process: for a cluster, the workers are other processes), the store size and the load
average after the run (other users of the machine slow every figure down); checks that
every run produced the same store. Each configuration runs ``--repeat`` times,
interleaved, and the fastest run is shown.

Usage: python benchmarks/bench_ingest.py [--files N] [--workers 1,2] [--repeat R]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    """CPU seconds of this process so far (run on each worker too)."""
    return time.process_time()


def child(args: argparse.Namespace) -> None:
    import warnings

    import syriamap
    from syriamap._runner import _warm
    from syriamap.extract import ExtractWarning

    warnings.simplefilter("ignore", ExtractWarning)
    scheduler = None
    cluster = client = None
    t0 = time.perf_counter()
    if args.workers > 1:
        import logging

        import distributed

        cluster = distributed.LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = distributed.Client(cluster)
        client.run(_warm)  # what ingest --workers N does before the first batch
        scheduler = client
        before = client.run(_cpu)
    else:
        _warm()  # the gazetteer and automata, loaded on the first article anyway
    start = time.perf_counter() - t0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    summary = syriamap.ingest(
        [args.corpus],
        store=args.store,
        scheduler=scheduler,
        workers=None if scheduler is not None else 1,
        keep_going=args.keep_going,
        progress=False,
    )
    seconds = time.perf_counter() - t0
    cpu_client = time.process_time() - cpu0
    cpu_workers: list[float] = []
    if client is not None:
        after = client.run(_cpu)
        cpu_workers = [after[w] - before[w] for w in after if w in before]
        client.close()
        cluster.close()
    print(
        json.dumps(
            {
                "files": summary.files,
                "bytes": summary.bytes,
                "assertions": summary.assertions_added,
                "seconds": seconds,
                "start": start,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "cpu_client": cpu_client,
                "cpu_workers": cpu_workers,
            }
        )
    )


def fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table, key in (("sources", "source_id"), ("assertions", "assertion_id")):
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY {key}"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--workers", default=None, help="comma-separated (default: 1,2[,cores])")
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs per configuration, interleaved; best kept"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--keep-going", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker-count", type=int, dest="workers_n", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.workers = args.workers_n
        child(args)
        return

    sys.path.insert(0, str(ROOT / "tests"))
    from generated_corpus import write_corpus

    cores = os.cpu_count() or 1
    counts = [1, 2] + ([cores] if cores > 2 else [])
    if args.workers:
        counts = sorted({1, *(int(w) for w in args.workers.split(","))})  # 1: the baseline
    configs = [(w, False) for w in counts] + [(1, True), (max(counts), True)]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = write_corpus(corpus, args.files)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} files, {size / 1e6:.2f} MB ({size / len(files):.0f} B each)")
        print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.1f} at start")
        best: dict[tuple[int, bool], dict] = {}
        for attempt in range(args.repeat):
            for workers, keep_going in configs:
                store = Path(tmp) / f"store-{workers}-{int(keep_going)}-{attempt}.sqlite"
                command = [
                    sys.executable,
                    __file__,
                    "--child",
                    "--corpus",
                    str(corpus),
                    "--store",
                    str(store),
                    "--worker-count",
                    str(workers),
                ] + (["--keep-going"] if keep_going else [])
                out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
                result = json.loads(out.strip().splitlines()[-1])
                result.update(
                    workers=workers,
                    keep_going=keep_going,
                    store_mb=store.stat().st_size / 1e6,
                    fingerprint=fingerprint(store),
                    load=os.getloadavg()[0],
                )
                key = (workers, keep_going)
                if key not in best or result["seconds"] < best[key]["seconds"]:
                    best[key] = result
        rows = [best[key] for key in configs]
    base = rows[0]["seconds"]
    print()
    cores = os.cpu_count() or 1
    print(
        "| workers | ingest s | MB/s | articles/s | speed-up | start s | total MB/s "
        "| CPU s client / workers | bound on idle cores | client peak RSS | store | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        label = f"{r['workers']}{' --keep-going' if r['keep_going'] else ''}"
        total = r["seconds"] + r["start"]
        one = next(x for x in rows if x["workers"] == 1 and x["keep_going"] == r["keep_going"])
        work = r["cpu_client"] + sum(r["cpu_workers"])
        # idle cores: wall >= total CPU / cores, and >= the busiest process's CPU
        floor = max(work / min(cores, r["workers"] + 1), r["cpu_client"], *r["cpu_workers"])
        workers_cpu = " + ".join(f"{c:.1f}" for c in r["cpu_workers"]) or "-"
        print(
            f"| {label} | {r['seconds']:.1f} | {r['bytes'] / r['seconds'] / 1e6:.2f} "
            f"| {r['files'] / r['seconds']:.0f} | {base / r['seconds']:.2f}x "
            f"| {r['start']:.1f} | {r['bytes'] / total / 1e6:.2f} "
            f"| {r['cpu_client']:.1f} / {workers_cpu} | {one['cpu_client'] / floor:.2f}x "
            f"| {r['peak_mb']:.0f} MB | {r['store_mb']:.1f} MB | {r['load']:.1f} |"
        )
    same = {r["fingerprint"] for r in rows}
    print(f"\nsame store in every run: {'yes' if len(same) == 1 else 'NO: ' + ', '.join(same)}")
    print(f"assertions: {rows[0]['assertions']}; load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
