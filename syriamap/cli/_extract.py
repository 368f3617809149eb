"""``syriamap extract|ingest|evaluate``: from article files to candidate assertions.

The extractor is imported inside the commands, so that ``syriamap --help`` stays fast.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import DataError, StoreError
from ._common import DATE, echo_table, store_option

__all__ = ["COMMANDS", "evaluate", "extract", "ingest"]

_FORMATS = ("csv", "jsonl", "table")
_PROGRESS_FROM = 5  # show a progress bar from this many files on


def _meta(published: dt.date | None, publisher: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if published is not None:
        meta["published"] = published.isoformat()
    if publisher:
        meta["publisher"] = publisher
    return meta


def _analyses(
    files: Sequence[str], published: dt.date | None, publisher: str | None, *, progress: bool
) -> Any:
    from ..extract.document import ExtractWarning, read_document
    from ..extract.pipeline import analyse

    iterator: Any = files
    if progress and len(files) >= _PROGRESS_FROM:
        from tqdm import tqdm

        iterator = tqdm(files, unit="file", file=sys.stderr, leave=False)
    for name in iterator:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ExtractWarning)
            document = read_document(name, meta=_meta(published, publisher))
            result = analyse(document)
        for w in caught:
            if issubclass(w.category, ExtractWarning):
                click.echo(f"syriamap: warning: {w.message}", err=True)
        yield name, result


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--published",
    type=DATE,
    default=None,
    help="Publication date (else the file's header, sidecar or HTML metadata).",
)
@click.option("--publisher", default=None, help="Publisher of the articles.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default="csv",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--checks",
    is_flag=True,
    help="List the distance statements checked against the gazetteer instead.",
)
def extract(
    files: tuple[str, ...], published: dt.date | None, publisher: str | None, fmt: str, checks: bool
) -> None:
    """Print candidate assertions found in article FILES (text or HTML).

    CSV columns: source_id, place_id, place_name, actor, side, relation, stance, claimant,
    event_date, quote, start, end, method, confidence. Metadata comes from the flags, a
    sidecar FILE.meta.json or a header block (key: value lines, then a blank line). Files
    above 8 MiB are refused.
    """
    from ..extract.pipeline import CSV_COLUMNS

    rows: list[dict[str, Any]] = []
    for name, result in _analyses(files, published, publisher, progress=True):
        if checks:
            for check in result.checks:
                row = check.to_row()
                row = {"source_id": result.source_id, "file": name, **row}
                rows.append(row)
        else:
            rows.extend(c.to_row() for c in result.candidates)
    if checks:
        columns: Sequence[str] = (
            "source_id",
            "phrase",
            "claimed_km",
            "claimed_direction",
            "landmark_name",
            "subject_name",
            "computed_km",
            "computed_direction",
            "consistent",
        )
    else:
        columns = CSV_COLUMNS
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False))
    elif fmt == "table":
        if rows:
            echo_table(rows, [(c, c, 40) for c in columns])
        else:
            click.echo("(nothing found)")
    else:
        out = io.StringIO()
        writer = csv.DictWriter(
            out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        click.echo(out.getvalue(), nl=False)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--published", type=DATE, default=None, help="Publication date of the articles.")
@click.option("--publisher", default=None, help="Publisher of the articles.")
@store_option
def ingest(
    files: tuple[str, ...], published: dt.date | None, publisher: str | None, store: str | None
) -> None:
    """Add article FILES and their dated assertions to the store (idempotent)."""
    from ..assertions import Source
    from ..extract.pipeline import analyse
    from ..store import open_store

    if not store:
        raise StoreError("ingest needs a store: give --store PATH or set $SYRIAMAP_STORE")
    totals = {
        "sources": 0,
        "sources_skipped": 0,
        "assertions": 0,
        "assertions_skipped": 0,
        "undated": 0,
    }
    with open_store(store) as db:
        for _name, result in _analyses(files, published, publisher, progress=True):
            doc = result.document
            source = Source(
                source_id=result.source_id,
                publisher=str(doc.meta.get("publisher", "")),
                url=str(doc.meta.get("url", "")),
                title=str(doc.meta.get("title", "")),
                published=result.published,
                content_hash=doc.content_hash,
                file=str(doc.meta.get("file", "")),
                date_note="" if result.published else "no publication date",
            )
            added = db.add_sources(source)
            totals["sources"] += added
            totals["sources_skipped"] += 1 - added
            if not added:
                # already stored, maybe under another id (the seeds use their file stem)
                stored = next((s for s in db.sources() if s.content_hash == doc.content_hash), None)
                if stored is not None and stored.source_id != result.source_id:
                    result = analyse(doc, source_id=stored.source_id)
            assertions = result.assertions()
            totals["undated"] += len(result.candidates) - len(assertions)
            if assertions:
                n = db.add_assertions(assertions)
                totals["assertions"] += n
                totals["assertions_skipped"] += len(assertions) - n
    click.echo(
        f"sources: {totals['sources']} added, {totals['sources_skipped']} already stored; "
        f"assertions: {totals['assertions']} added, {totals['assertions_skipped']} already "
        f"stored"
        + (f"; {totals['undated']} undated candidates not stored" if totals["undated"] else "")
    )


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--gold",
    "gold",
    type=click.Path(dir_okay=False),
    default=None,
    help="Gold assertions CSV (default: data/assertions.csv, else the package copy).",
)
@click.option(
    "--sources",
    "sources",
    type=click.Path(dir_okay=False),
    default=None,
    help="sources.csv giving publication dates and ids by file name.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def evaluate(files: tuple[str, ...], gold: str | None, sources: str | None, as_json: bool) -> None:
    """Score the extractor against gold assertions (default: the seed articles).

    Prints precision, recall and F1 for place mentions, resolved places and claims.
    """
    from ..extract.evaluate import evaluate_files, format_report

    gold_path = Path(gold) if gold else Path("data/assertions.csv")
    if not gold_path.exists():
        raise DataError("no gold file: give --gold PATH", path=gold_path)
    if not files and not (gold_path.resolve().parent.parent / "seeds").is_dir():
        raise DataError("no FILES given and no seeds/ folder beside the gold file")
    scores, _ = evaluate_files(gold_path, list(files), sources_path=sources)
    if as_json:
        click.echo(json.dumps({k: v.to_dict() for k, v in scores.items()}, indent=2))
    else:
        click.echo(format_report(scores))


COMMANDS: list[click.Command] = [extract, ingest, evaluate]
