"""Extraction time of one very long, dense article: seconds per MB for 1, 2, 4 and 8 MB.

Every extraction stage should be linear in the length of the text, so seconds per MB
should stay flat as the file grows (issue 12: before, 1 MB took 23 s and 8 MB did not
finish in 10 minutes). The dense files are built from the seed articles by repetition,
each copy with other place names, weekdays, day numbers and numbers, so that no cache
helps; they are written to a temporary folder and read back as files (``read_document`` +
``analyse``, what ``syriamap extract`` and ``ingest`` do). The 8 MB file must take under
30 s. Wall-clock and CPU seconds are both printed: on a shared, busy machine the wall
clock overstates the cost. The per-document budgets (:data:`syriamap.extract.pipeline.MAX_WORK`,
:data:`~syriamap.extract.pipeline.MAX_SECONDS`) are reported too.

Usage: python benchmarks/bench_dense.py [--sizes 1,2,4,8] [--profile]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000

PLACES = (
    "Hama Homs Aleppo Daraa Deraa Idlib Raqqa Manbij Saraqib Tadmur Palmyra Latakia Tartus "
    "Quneitra Sweida Douma Harasta Qusayr Talbiseh Rastan Kafr Nabl Maarat al-Numan Khan "
    "Shaykhun Morek Suqaylabiyah Salamiyah Jableh Baniyas Qardaha Nubl Zahraa Tal Rifaat "
    "Azaz Afrin Jarablus Kobani Hasakah Qamishli Mayadin Bukamal Deir ez-Zor Sanamayn Nawa "
    "Busra al-Harir Inkhil Jasim Tafas Muzayrib Dael Sheikh Maskin Kanaker Saasaa Qatana "
    "Zabadani Madaya Yabroud Nabek Qalamoun Dumayr Jayrud Ruhaibeh"
).split()
SEED_PLACES = re.compile(
    r"\b(?:Damascus|Homs|Hama|Aleppo|Daraa|Deraa|Idlib|Sweida|Suwayda|Quneitra|Latakia|"
    r"Tartus|Raqqa|Kanaker|Saasaa|Sanamayn|Palmyra|Manbij|Jableh|Qardaha)\b"
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
DAY = re.compile(r"\b(December|November|May) (\d{1,2})\b")
NUMBER = re.compile(r"\b\d{2,3}\b")


def seed_paragraphs() -> list[str]:
    """The body paragraphs of the seed articles (no header block, no page furniture)."""
    from syriamap.extract.document import read_document

    paragraphs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = read_document(path)
        paragraphs += [doc.text[a:b] for a, b in doc.body if len(doc.text[a:b].split()) >= 8]
    return paragraphs


def dense_text(size: int, seed: int = 0) -> str:
    """A dense news text of about ``size`` bytes: seed paragraphs, each copy varied."""
    rnd = random.Random(seed)
    paragraphs = seed_paragraphs()
    parts = ["published: 2024-12-07\npublisher: bench\n\n"]
    total = len(parts[0])
    copy = 0
    while total < size:
        copy += 1
        para = paragraphs[copy % len(paragraphs)]
        para = SEED_PLACES.sub(lambda m: rnd.choice(PLACES), para)
        para = WEEKDAY.sub(lambda m: rnd.choice(WEEKDAYS), para)
        para = DAY.sub(lambda m: f"{m.group(1)} {rnd.randint(1, 28)}", para)
        para = NUMBER.sub(lambda m: str(rnd.randint(10, 300)), para)
        chunk = f"{para}\n\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
    text = "".join(parts)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def run(sizes: list[int], profile: bool = False) -> None:
    from syriamap.extract.document import read_document
    from syriamap.extract.pipeline import MAX_SECONDS, MAX_WORK, analyse
    from syriamap.gazetteer import Gazetteer

    Gazetteer.default()
    analyse(read_document(ROOT / "seeds" / "000_24d4a9f86796abdb.txt"), published="2024-12-07")
    print(f"per-document budget: {MAX_WORK:,} work units, {MAX_SECONDS:g} CPU seconds")
    print(
        f"{'size':>6}  {'wall s':>7}  {'wall s/MB':>9}  {'CPU s':>6}  {'CPU s/MB':>8}  "
        f"{'sentences':>9}  {'candidates':>10}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for mb in sizes:
            path = Path(folder) / f"dense-{mb}mb.txt"
            path.write_text(dense_text(mb * MB, seed=mb), encoding="utf-8")
            start, cpu = time.perf_counter(), time.thread_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if profile:
                    import cProfile
                    import pstats

                    prof = cProfile.Profile()
                    result = prof.runcall(analyse, read_document(path))
                    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
                else:
                    result = analyse(read_document(path))
            elapsed, used = time.perf_counter() - start, time.thread_time() - cpu
            print(
                f"{mb:>4}MB  {elapsed:>7.1f}  {elapsed / mb:>9.2f}  {used:>6.1f}  "
                f"{used / mb:>8.2f}  {len(result.sentences):>9,}  {len(result.candidates):>10,}",
                flush=True,
            )
            if mb == 8 and elapsed > 30:
                print(f"  8 MB took {elapsed:.0f} s: over the 30 s target (a busy machine?)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="sizes in MB, comma-separated")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], profile=args.profile)


if __name__ == "__main__":
    main()
