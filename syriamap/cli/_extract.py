"""``syriamap extract|ingest|evaluate``: from article files to candidate assertions.

The extractor is imported inside the commands, so that ``syriamap --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from ..corpus import DEFAULT_BATCH_BYTES
from ..errors import DataError, StoreError
from ._common import DATE, echo_table, progress_option, show_progress, write_store_option

__all__ = ["COMMANDS", "evaluate", "extract", "ingest"]

_FORMATS = ("csv", "jsonl", "table", "parquet")
_PROGRESS_FROM = 5  # show a progress bar from this many files on


def _meta(published: dt.date | None, publisher: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if published is not None:
        meta["published"] = published.isoformat()
    if publisher:
        meta["publisher"] = publisher
    return meta


def _expand(paths: Sequence[str]) -> tuple[str, ...]:
    """Files, folders and glob patterns, as the files they name."""
    from ..corpus import iter_inputs

    names = []
    for item in iter_inputs(paths):
        if item.missing is not None:
            raise DataError(item.missing, path=item.name)
        names.append(item.name)
    return tuple(names)


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
@click.argument("files", nargs=-1, required=True, type=click.Path())
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
    help="Output format (parquet: a partitioned data set in --out DIR).",
)
@click.option(
    "--checks",
    is_flag=True,
    help="List the distance statements checked against the gazetteer instead.",
)
@click.option(
    "--out",
    type=click.Path(),
    default=None,
    help="Folder of the Parquet data set (new or empty; with --format parquet).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="With --format parquet: extract in N worker processes (a local Dask cluster).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --format parquet: use an existing Dask cluster (default: $SYRIAMAP_SCHEDULER).",
)
@progress_option
def extract(
    files: tuple[str, ...],
    published: dt.date | None,
    publisher: str | None,
    fmt: str,
    checks: bool,
    out: str | None,
    workers: int | None,
    scheduler: str | None,
    progress: bool | None,
) -> None:
    """Print candidate assertions found in article FILES (text or HTML).

    CSV columns: source_id, place_id, place_name, actor, side, relation, stance, claimant,
    event_date, quote, start, end, method, confidence. Metadata comes from the flags, a
    sidecar FILE.meta.json or a header block (key: value lines, then a blank line). Files
    above 8 MiB are refused. FILES may also be folders and glob patterns. With --format
    parquet --out DIR, every candidate (all columns, undated ones too, plus the input
    file) goes into a Parquet data set partitioned by event_month, for Dask, Spark or
    pandas; --workers N or --scheduler spread the work.
    """
    if fmt == "parquet":
        if not out:
            raise click.UsageError("--format parquet needs --out DIR")
        if checks:
            raise click.UsageError("--checks cannot be written as parquet")
        if workers is not None and scheduler:
            raise click.UsageError("give --workers or --scheduler, not both")
        from ..parquet import extract_parquet

        with _warnings_to_stderr():
            summary = extract_parquet(
                list(files),
                out,
                published=published,
                publisher=publisher,
                workers=workers,
                scheduler=scheduler or None,
                progress=show_progress(progress),
            )
        click.echo(str(summary), err=True)
        return
    if out or workers is not None or scheduler:
        raise click.UsageError("--out, --workers and --scheduler go with --format parquet")
    files = _expand(files)
    from ..extract.pipeline import CSV_COLUMNS

    rows: list[dict[str, Any]] = []
    for name, result in _analyses(files, published, publisher, progress=show_progress(progress)):
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
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        # color=True: click would otherwise strip ANSI sequences when piped, and quotes
        # must stay verbatim (source_text[start:end]); the table format is the safe view.
        click.echo(buffer.getvalue(), nl=False, color=True)


@contextlib.contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Print the extractor's warnings as ``syriamap: warning:`` lines as they come."""
    from ..extract.document import ExtractWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", ExtractWarning)
        default = warnings.showwarning

        def show(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
            if issubclass(category, ExtractWarning):
                click.echo(f"syriamap: warning: {message}", err=True)
            else:
                default(message, category, *args, **kwargs)

        warnings.showwarning = show
        yield


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--published", type=DATE, default=None, help="Publication date of the articles.")
@click.option("--publisher", default=None, help="Publisher of the articles.")
@write_store_option
@click.option(
    "--from-list",
    "from_list",
    type=click.Path(dir_okay=False),
    default=None,
    help="A text file of further paths, one a line (for very large corpora).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Extract in N worker processes (a local Dask cluster); 1: in this process.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Use an existing Dask cluster (tcp://host:8786); default: $SYRIAMAP_SCHEDULER.",
)
@click.option(
    "--keep-going",
    "keep_going",
    is_flag=True,
    help="Skip files that cannot be read (listed at the end) and ingest the rest.",
)
@click.option(
    "--batch-kb",
    "batch_kb",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_BYTES // 1024,
    show_default=True,
    help="Text per task and per store transaction, in KiB.",
)
@progress_option
def ingest(
    paths: tuple[str, ...],
    published: dt.date | None,
    publisher: str | None,
    store: str | None,
    from_list: str | None,
    workers: int | None,
    scheduler: str | None,
    keep_going: bool,
    batch_kb: int,
    progress: bool | None,
) -> None:
    """Add articles and their dated assertions to the store (idempotent).

    PATHS are article files (text or HTML), folders (every .txt, .html, .htm, .md file
    below) or glob patterns ('news/**/*.html'). Every file is read first, and one bad
    file (missing, unreadable, too large, bad sidecar) stops the command before anything
    is written, unless --keep-going is given. Then the articles are extracted, in
    --workers processes or on a --scheduler's cluster, and written in batches, each in
    one transaction: an interrupted run leaves a valid store, and running the same command
    again completes it without duplicates. An article already stored (same content) keeps
    its id and its metadata: only empty fields (published, publisher, url, title) are
    filled in, a different value is reported and ignored, and the stored publication date
    is the one used to date the claims.
    """
    from ..ingest import ingest as run_ingest

    if not store:
        raise StoreError("ingest needs a store: give --store PATH or set $SYRIAMAP_STORE")
    if not paths and not from_list:
        raise click.UsageError("give PATHS or --from-list FILE")
    if workers is not None and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both")
    with _warnings_to_stderr():
        summary = run_ingest(
            list(paths),
            store=store,
            published=published,
            publisher=publisher,
            workers=workers,
            scheduler=scheduler or None,
            keep_going=keep_going,
            from_list=from_list,
            batch_bytes=batch_kb * 1024,
            progress=show_progress(progress),
        )
    for problem in summary.problems:
        click.echo(f"syriamap: skipped {problem}", err=True)
    click.echo(str(summary))
    if summary.problems:
        n = len(summary.problems)
        raise DataError(
            f"{n} {'file' if n == 1 else 'files'} could not be ingested (listed above); "
            "the rest was ingested"
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
