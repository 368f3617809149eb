"""Helpers for the hand-made gold annotation (data/assertions.csv, seeds/sources.csv).

The gold file is edited by hand; this script keeps the mechanical columns honest:

    python scripts/annotate_helpers.py check           # verify offsets, ids, sort order
    python scripts/annotate_helpers.py fill            # recompute start/end and assertion_id
    python scripts/annotate_helpers.py locate FILE "quote" [OCCURRENCE]

``fill`` keeps a row's start when ``text[start:end] == quote`` already; otherwise it takes the
occurrence of the quote nearest to the old start (the first one when start is empty), so that
a quote repeated in an article (seed 003 repeats its lead) stays on the occurrence chosen.
It rewrites the file sorted by (source_id, start) with the columns of ARCHITECTURE.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ASSERTIONS = ROOT / "data" / "assertions.csv"
SOURCES = SEEDS / "sources.csv"

COLUMNS = (
    "assertion_id,source_id,place_id,place_name,actor,relation,stance,claimant,"
    "claimant_side,event_date,date_precision,place_precision,quote,start,end,method,"
    "confidence,note"
).split(",")
SOURCE_COLUMNS = "source_id,publisher,url,title,published,content_hash,file,date_note".split(",")


def source_text(source_id: str) -> str:
    """The seed's text, decoded as UTF-8 exactly as the offsets assume."""
    return (SEEDS / f"{source_id}.txt").read_bytes().decode("utf-8")


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_id(
    source_id: str, start: int, end: int, place_id: str, actor: str, relation: str, stance: str
) -> str:
    """``a`` + sha1("{source_id}|{start}|{end}|{place_id}|{actor}|{relation}|{stance}")[:12]."""
    key = f"{source_id}|{start}|{end}|{place_id}|{actor}|{relation}|{stance}"
    return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def occurrences(text: str, quote: str) -> list[int]:
    found, i = [], text.find(quote)
    while i >= 0:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def locate(text: str, quote: str, occurrence: int = 0) -> tuple[int, int]:
    """(start, end) of the n-th occurrence of quote in text; ValueError when absent."""
    found = occurrences(text, quote)
    if not found:
        raise ValueError(f"quote not found: {quote[:60]!r}")
    if occurrence >= len(found):
        raise ValueError(f"quote occurs {len(found)} times, not {occurrence + 1}: {quote[:60]!r}")
    start = found[occurrence]
    return start, start + len(quote)


def read_rows(path: Path = ASSERTIONS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def sort_key(row: dict[str, str]) -> tuple[str, int, int, str, str, str, str]:
    """The order of gold rows: source, offsets, place, actor, relation, stance."""
    return (
        row["source_id"],
        int(row["start"]),
        int(row["end"]),
        row["place_id"],
        row["actor"],
        row["relation"],
        row["stance"],
    )


def write_rows(rows: list[dict[str, str]], path: Path = ASSERTIONS) -> None:
    rows = sorted(rows, key=sort_key)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in COLUMNS})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)


def fill(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Recompute start/end (keeping the chosen occurrence) and assertion_id."""
    texts: dict[str, str] = {}
    for row in rows:
        text = texts.setdefault(row["source_id"], source_text(row["source_id"]))
        quote = row["quote"]
        start = int(row["start"]) if row.get("start") not in (None, "") else None
        if start is None or text[start : start + len(quote)] != quote:
            found = occurrences(text, quote)
            if not found:
                raise ValueError(f"{row['source_id']}: quote not found: {quote[:60]!r}")
            start = found[0] if start is None else min(found, key=lambda i: abs(i - start))
        row["start"], row["end"] = str(start), str(start + len(quote))
        row["assertion_id"] = make_id(
            row["source_id"],
            int(row["start"]),
            int(row["end"]),
            row["place_id"],
            row["actor"],
            row["relation"],
            row["stance"],
        )
    return rows


def check(rows: list[dict[str, str]]) -> list[str]:
    problems, seen = [], set()
    for n, row in enumerate(rows, 2):
        text = source_text(row["source_id"])
        s, e = int(row["start"]), int(row["end"])
        if text[s:e] != row["quote"]:
            problems.append(f"line {n}: quote not at {s}:{e}")
        expected = make_id(
            row["source_id"], s, e, row["place_id"], row["actor"], row["relation"], row["stance"]
        )
        if row["assertion_id"] != expected:
            problems.append(f"line {n}: assertion_id {row['assertion_id']} != {expected}")
        if row["assertion_id"] in seen:
            problems.append(f"line {n}: duplicate id {row['assertion_id']}")
        seen.add(row["assertion_id"])
    return problems


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"check", "fill", "locate"}:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "locate":
        text = source_text(Path(argv[1]).stem)
        print(*locate(text, argv[2], int(argv[3]) if len(argv) > 3 else 0))
        return 0
    rows = read_rows()
    if argv[0] == "fill":
        write_rows(fill(rows))
        rows = read_rows()
    problems = check(rows)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(rows)} rows, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
