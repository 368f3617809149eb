"""Candidate assertions of a corpus as a partitioned Parquet data set (for Dask, Spark...).

:func:`extract_parquet` runs the extractor over a corpus (the inputs of
:func:`syriamap.ingest`: files, folders, patterns, a list file, texts), in this process or
on a Dask cluster, and writes one row per candidate assertion, undated ones included:

- columns: ``file`` and the candidate's fields (``source_id, place_id, place_name, actor,
  side, relation, stance, claimant, claimant_side, event_date`` (a date, null when
  undated), ``date_precision, place_precision, quote, start, end, method, confidence,
  note``);
- Hive partitions on ``event_month`` (``event_month=2024-12/``; undated rows in
  ``event_month=__HIVE_DEFAULT_PARTITION__/``, read back as null);
- one file per batch and partition (``part-000042-0.parquet``), written in input order,
  so the data set is the same whatever the number of workers.

The data set is written into a temporary folder beside ``out`` and renamed when complete:
a bad input (reported by name) or an interruption leaves no partial data set.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._types import DateLike, PathLike, parse_optional_date
from .corpus import DEFAULT_BATCH_BYTES, Item, batches, iter_inputs
from .errors import OutputError, SyriamapError

__all__ = ["PARQUET_COLUMNS", "ParquetSummary", "extract_parquet"]

PARQUET_COLUMNS = (
    "file",
    "source_id",
    "place_id",
    "place_name",
    "actor",
    "side",
    "relation",
    "stance",
    "claimant",
    "claimant_side",
    "event_date",
    "date_precision",
    "place_precision",
    "quote",
    "start",
    "end",
    "method",
    "confidence",
    "note",
)
"""Columns of the data set, besides the ``event_month`` partition."""


@dataclass(frozen=True)
class ParquetSummary:
    """What :func:`extract_parquet` wrote: files read, rows, partitions, the folder."""

    files: int
    rows: int
    partitions: tuple[str, ...]
    out: Path
    seconds: float

    def __str__(self) -> str:
        return (
            f"wrote {self.rows} candidate assertions from {self.files} files to {self.out} "
            f"({len(self.partitions)} partitions)"
        )


@dataclass
class _Rows:
    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problem: Any = None


def _rows_batch(batch: list[Item], meta: dict[str, Any]) -> list[_Rows]:
    """Extract the candidate rows of every input of a batch (runs on a worker)."""
    from .extract.document import ExtractWarning
    from .extract.pipeline import analyse
    from .ingest import _caught, _Problem, _read

    out = []
    for item in batch:
        result = _Rows(item.name)
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always", ExtractWarning)
            try:
                doc, source = _read(item, meta)
                analysis = analyse(doc, published=source.published, source_id=source.source_id)
                file = item.name if item.data is None else ""
                for candidate in analysis.candidates:
                    row = {k: getattr(candidate, k) for k in PARQUET_COLUMNS if k != "file"}
                    row["file"] = file
                    result.rows.append(row)
            except SyriamapError as exc:
                result.problem = _Problem.of(exc, item.name)
        result.warnings = _caught(record)
        out.append(result)
    return out


def _schema() -> Any:
    import pyarrow as pa

    types = {"event_date": pa.date32(), "start": pa.int64(), "end": pa.int64()}
    types["confidence"] = pa.float64()
    return pa.schema(
        [(name, types.get(name, pa.string())) for name in PARQUET_COLUMNS]
        + [("event_month", pa.string())]
    )


def _target(out: PathLike) -> Path:
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OutputError(f"cannot write {target}: it exists and is not an empty folder")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {target}: folder {target.parent} does not exist")
    return target


def extract_parquet(
    paths_or_texts: PathLike | bytes | Iterable[PathLike | bytes],
    out: PathLike,
    *,
    published: DateLike | None = None,
    publisher: str | None = None,
    workers: int | None = None,
    scheduler: Any = None,
    progress: bool = True,
    from_list: PathLike | None = None,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
) -> ParquetSummary:
    """Write the candidate assertions of a corpus as a Hive-partitioned Parquet data set.

    Parameters
    ----------
    paths_or_texts, published, publisher, workers, scheduler, progress, from_list, batch_bytes
        As in :func:`syriamap.ingest`.
    out
        The data set's folder: must not exist, or be empty; its parent must exist.

    Returns
    -------
    ParquetSummary

    Raises
    ------
    DataError
        Naming the first input that cannot be read; nothing is written.
    OutputError
        If ``out`` exists and is not an empty folder, or cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib, pyarrow.dataset as ds
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "claims"
    >>> summary = extract_parquet(
    ...     [b"Rebels seized Hama on Thursday."], out, published="2024-12-06", progress=False
    ... )
    >>> table = ds.dataset(out, partitioning="hive").to_table()
    >>> table.column("place_name").to_pylist(), table.column("event_month").to_pylist()
    (['Hama'], ['2024-12'])
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    from .ingest import _meta, _open, _prepared, _Progress, _warn

    started = time.perf_counter()
    target = _target(out)
    meta = _meta(parse_optional_date(published, what="published"), publisher)
    args = _prepared(paths_or_texts)  # type: ignore[arg-type]
    schema = _schema()
    partitioning = ds.partitioning(pa.schema([("event_month", pa.string())]), flavor="hive")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    runner = None
    files = rows = 0
    try:
        runner = _open(workers, scheduler)
        total_files = total_bytes = 0
        for item in iter_inputs(args, from_list=from_list):
            total_files += 1
            total_bytes += item.size
        if runner.workers > 1:
            share = -(-total_bytes // (4 * runner.workers))
            batch_bytes = min(batch_bytes, max(16 * 1024, share))
        chunks = batches(iter_inputs(args, from_list=from_list), batch_bytes=batch_bytes)
        bar = _Progress(total_bytes, total_files, "extract", progress)
        try:
            for number, (chunk, results) in enumerate(runner.map(_rows_batch, chunks, meta)):
                table_rows: list[dict[str, Any]] = []
                for r in results:
                    for message in r.warnings:
                        _warn(message)
                    if r.problem is not None:
                        raise r.problem.error()
                    table_rows.extend(r.rows)
                files += len(chunk)
                bar.update(len(chunk), sum(i.size for i in chunk))
                if not table_rows:
                    continue
                for row in table_rows:
                    date = row["event_date"]
                    row["event_month"] = None if date is None else date.isoformat()[:7]
                rows += len(table_rows)
                ds.write_dataset(
                    pa.Table.from_pylist(table_rows, schema=schema),
                    tmp,
                    format="parquet",
                    partitioning=partitioning,
                    basename_template=f"part-{number:06d}-{{i}}.parquet",
                    existing_data_behavior="overwrite_or_ignore",
                )
        finally:
            bar.close()
        partitions = tuple(sorted(p.name for p in tmp.iterdir() if p.is_dir()))
        os.replace(tmp, target)  # onto a missing or empty folder
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    finally:
        if runner is not None:
            runner.close()
    return ParquetSummary(files, rows, partitions, target, time.perf_counter() - started)
