"""``syriamap extract|ingest|evaluate``: from article files to candidate assertions.

The extractor is imported inside the commands, so that ``syriamap --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import DataError, StoreError, SyriamapError
from ._common import DATE, echo_table, progress_option, show_progress, write_store_option

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
@progress_option
def extract(
    files: tuple[str, ...],
    published: dt.date | None,
    publisher: str | None,
    fmt: str,
    checks: bool,
    progress: bool | None,
) -> None:
    """Print candidate assertions found in article FILES (text or HTML).

    CSV columns: source_id, place_id, place_name, actor, side, relation, stance, claimant,
    event_date, quote, start, end, method, confidence. Metadata comes from the flags, a
    sidecar FILE.meta.json or a header block (key: value lines, then a blank line). Files
    above 8 MiB are refused.
    """
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
        out = io.StringIO()
        writer = csv.DictWriter(
            out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        # color=True: click would otherwise strip ANSI sequences when piped, and quotes
        # must stay verbatim (source_text[start:end]); the table format is the safe view.
        click.echo(out.getvalue(), nl=False, color=True)


@contextlib.contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Print the extractor's warnings raised in the block as ``syriamap: warning:`` lines."""
    from ..extract.document import ExtractWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExtractWarning)
        yield
    for w in caught:
        if issubclass(w.category, ExtractWarning):
            click.echo(f"syriamap: warning: {w.message}", err=True)


def _naming(exc: SyriamapError, name: str) -> DataError:
    """Return the error as a one-line DataError that names the file."""
    if isinstance(exc, DataError) and exc.path is not None:
        return exc
    message = exc.message if isinstance(exc, DataError) else str(exc)
    return DataError(message, path=name, value=getattr(exc, "value", None))


def _read_inputs(
    files: Sequence[str], published: dt.date | None, publisher: str | None
) -> list[tuple[str, Any, Any]]:
    """Read every file and its metadata; return ``(name, document, source)`` triples.

    Nothing is written: the first unreadable, oversized or badly described file (bad
    sidecar, bad ``published:`` value) raises a DataError naming it.
    """
    from ..assertions import Source
    from ..extract.document import read_document

    inputs = []
    for name in files:
        try:
            with _warnings_to_stderr():
                doc = read_document(name, meta=_meta(published, publisher))
            meta = doc.meta
            date = meta.get("published")
            source = Source(
                source_id=doc.source_id,
                publisher=str(meta.get("publisher", "")),
                url=str(meta.get("url", "")),
                title=str(meta.get("title", "")),
                published=date if date not in (None, "") else None,
                content_hash=doc.content_hash,
                file=str(meta.get("file", "")),
            )
        except SyriamapError as exc:
            raise _naming(exc, name) from exc
        if source.published is None:
            source = dataclasses.replace(source, date_note="no publication date")
        inputs.append((name, doc, source))
    return inputs


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--published", type=DATE, default=None, help="Publication date of the articles.")
@click.option("--publisher", default=None, help="Publisher of the articles.")
@write_store_option
@progress_option
def ingest(
    files: tuple[str, ...],
    published: dt.date | None,
    publisher: str | None,
    store: str | None,
    progress: bool | None,
) -> None:
    """Add article FILES and their dated assertions to the store (idempotent).

    All or nothing: every file is read and analysed first, and one bad file (missing,
    unreadable, too large, bad sidecar) stops the command before anything is written;
    then all sources and assertions are written in one transaction. An article already
    stored (same content) keeps its id and its metadata: only empty fields (published,
    publisher, url, title) are filled in, a different value is reported and ignored, and
    the stored publication date is the one used to date the claims.
    """
    import sqlite3

    from ..extract.pipeline import analyse
    from ..store import merge_source_metadata, open_store

    if not store:
        raise StoreError("ingest needs a store: give --store PATH or set $SYRIAMAP_STORE")
    inputs = _read_inputs(files, published, publisher)
    sources: list[Any] = []
    assertions: list[Any] = []
    undated = files_undated = 0
    with open_store(store) as db:
        planned: dict[str, Any] = {}  # content_hash -> the source as it will be stored
        warned: set[tuple[str, str]] = set()
        iterator: Any = inputs
        if show_progress(progress) and len(inputs) >= _PROGRESS_FROM:
            from tqdm import tqdm

            iterator = tqdm(inputs, unit="file", file=sys.stderr, leave=False)
        for name, doc, new in iterator:
            known = planned.get(doc.content_hash) or db.source(content_hash=doc.content_hash)
            if known is None:
                other = db.source(new.source_id) or next(
                    (s for s in planned.values() if s.source_id == new.source_id), None
                )
                if other is not None:
                    raise DataError(
                        f"source id {new.source_id!r} is already stored for other content",
                        path=name,
                    )
                merged = new
            else:
                merged, conflicts = merge_source_metadata(known, new)
                for field in conflicts:
                    if (doc.content_hash, field) not in warned:
                        warned.add((doc.content_hash, field))
                        click.echo(
                            f"syriamap: warning: {name}: source {known.source_id} is stored "
                            f"with {field} {_show(getattr(known, field))}; keeping it "
                            f"(this input says {_show(getattr(new, field))})",
                            err=True,
                        )
                new = dataclasses.replace(new, source_id=known.source_id)
            planned[doc.content_hash] = merged
            sources.append(new)
            try:
                with _warnings_to_stderr():
                    result = analyse(doc, published=merged.published, source_id=merged.source_id)
            except SyriamapError as exc:
                raise _naming(exc, name) from exc
            dated = result.assertions()
            assertions.extend(dated)
            undated += len(result.candidates) - len(dated)
            files_undated += merged.published is None
        try:
            n = db.add(sources, assertions, fill_empty=True)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {store}: {exc}; nothing was written") from exc
    summary = f"sources: {n['sources']} added, {len(sources) - n['sources']} already stored"
    if n["sources_updated"]:
        summary += f", {n['sources_updated']} metadata updated"
    summary += (
        f"; assertions: {n['assertions']} added, {len(assertions) - n['assertions']} already stored"
    )
    if undated:
        summary += (
            f"; {undated} undated candidates not stored ({files_undated} "
            f"{'file has' if files_undated == 1 else 'files have'} no publication date: "
            "give --published D)"
            if files_undated
            else f"; {undated} undated candidates not stored"
        )
    click.echo(summary)


def _show(value: Any) -> str:
    return repr(value.isoformat() if isinstance(value, dt.date) else value)


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
