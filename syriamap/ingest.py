"""Ingest a corpus into the store, in this process or on a Dask distributed cluster.

:func:`ingest` reads articles (files, folders, glob patterns, a list file or texts),
extracts their dated assertions and writes sources and assertions to a store. Workers
read and extract; only this process (the client) writes to the store.

Guarantees
----------
- **Same result everywhere.** Batches are written in input order, whatever order the
  workers finish them in, so one process, two workers or a cluster produce the same
  store.
- **All or nothing for bad input.** Without ``keep_going`` every input is read first
  (a cheap pass: reading is a few percent of extracting); one missing, unreadable,
  oversized or badly described file raises a :class:`~syriamap.errors.DataError` naming
  it, and nothing is written (a new store is not even created). With ``keep_going`` the
  bad files are listed in the summary and the rest is ingested.
- **Transactions.** Each batch (a few hundred KB of text) is written in one transaction:
  killing the process at any moment leaves a valid store that holds every batch before
  the current one, whole, and nothing of the current one.
- **Idempotent.** Sources are keyed by the SHA-256 of their bytes and assertions by their
  content, so ingesting the same article again (or running again after a kill) adds
  nothing twice. An article already stored keeps its id and metadata: only its empty
  fields are filled, a different value is reported (:class:`ExtractWarning`) and the
  stored publication date dates the claims.
- **Bounded memory.** Inputs are listed lazily and at most a few batches per worker are in
  flight or waiting to be written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._types import DateLike, PathLike, parse_optional_date
from .corpus import DEFAULT_BATCH_BYTES, Item, batches, iter_inputs
from .errors import DataError, StoreError, SyriamapError

if TYPE_CHECKING:
    from .assertions import Assertion, Source
    from .extract.document import Document
    from .store import Store

__all__ = ["IngestSummary", "ingest"]

PROGRESS_FROM = 5
"""Show a progress bar from this many files on."""

MIN_BATCH_BYTES = 16 * 1024
"""Smallest batch a small corpus is cut into on a cluster."""


@dataclass(frozen=True)
class IngestSummary:
    """What :func:`ingest` did.

    Attributes
    ----------
    files, bytes
        Inputs read (bad files included) and their total size.
    sources_added, sources_already_stored, sources_updated
        New sources; inputs whose content was already stored (or repeated in the input);
        stored sources whose empty metadata was filled in.
    assertions_added, assertions_already_stored
        New assertions; assertions found again.
    undated, files_undated
        Candidates left out for lack of a date; inputs without a publication date.
    problems
        One line per input that could not be ingested (``keep_going``), naming it.
    seconds
        Wall-clock time.
    workers
        Worker processes used (1: in this process).
    """

    files: int = 0
    bytes: int = 0
    sources_added: int = 0
    sources_already_stored: int = 0
    sources_updated: int = 0
    assertions_added: int = 0
    assertions_already_stored: int = 0
    undated: int = 0
    files_undated: int = 0
    problems: tuple[str, ...] = ()
    seconds: float = 0.0
    workers: int = 1

    def __str__(self) -> str:
        text = f"sources: {self.sources_added} added, {self.sources_already_stored} already stored"
        if self.sources_updated:
            text += f", {self.sources_updated} metadata updated"
        text += (
            f"; assertions: {self.assertions_added} added, "
            f"{self.assertions_already_stored} already stored"
        )
        if self.undated:
            if self.files_undated:
                text += (
                    f"; {self.undated} undated candidates not stored ({self.files_undated} "
                    f"{'file has' if self.files_undated == 1 else 'files have'} no "
                    "publication date: give --published D)"
                )
            else:
                text += f"; {self.undated} undated candidates not stored"
        if self.problems:
            n = len(self.problems)
            text += f"; {n} {'file' if n == 1 else 'files'} skipped"
        return text


# --------------------------------------------------------------------------- worker side


@dataclass
class _Problem:
    """A one-line problem with an input, picklable (exceptions with keywords are not)."""

    message: str
    path: str | None
    line: int | None = None

    @classmethod
    def of(cls, exc: SyriamapError, name: str) -> _Problem:
        if isinstance(exc, DataError) and exc.path is not None:
            return cls(exc.message, exc.path, exc.line)
        message = exc.message if isinstance(exc, DataError) else str(exc)
        return cls(message, name)

    def error(self) -> DataError:
        return DataError(self.message, path=self.path, line=self.line)

    def __str__(self) -> str:
        return str(self.error())


@dataclass
class _FileResult:
    """What a worker found in one input."""

    index: int
    name: str
    size: int
    source: Source | None = None
    assertions: list[Assertion] = field(default_factory=list)
    candidates: int = 0
    warnings: list[str] = field(default_factory=list)
    problem: _Problem | None = None


def _meta(published: dt.date | None, publisher: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if published is not None:
        meta["published"] = published.isoformat()
    if publisher:
        meta["publisher"] = publisher
    return meta


def _read(item: Item, meta: dict[str, Any]) -> tuple[Document, Source]:
    """Read one input and build its source; raise SyriamapError on a bad input."""
    from .assertions import Source
    from .extract.document import document_from_bytes, read_document

    if item.missing is not None:
        raise DataError(item.missing, path=item.name)
    if item.data is not None:
        doc = document_from_bytes(item.data, meta=dict(meta), name=item.name)
    else:
        doc = read_document(item.name, meta=meta)
    info = doc.meta
    date = info.get("published")
    source = Source(
        source_id=doc.source_id,
        publisher=str(info.get("publisher", "")),
        url=str(info.get("url", "")),
        title=str(info.get("title", "")),
        published=date if date not in (None, "") else None,
        content_hash=doc.content_hash,
        file=str(info.get("file", "")),
    )
    if source.published is None:
        source = dataclasses.replace(source, date_note="no publication date")
    return doc, source


def _caught(record: list[warnings.WarningMessage]) -> list[str]:
    from .extract.document import ExtractWarning

    return [str(w.message) for w in record if issubclass(w.category, ExtractWarning)]


def _check_batch(batch: list[Item], meta: dict[str, Any]) -> list[tuple[int, _Problem]]:
    """Read every input of a batch; return the problems (the first pass)."""
    problems = []
    for item in batch:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                _read(item, meta)
        except SyriamapError as exc:
            problems.append((item.index, _Problem.of(exc, item.name)))
    return problems


def _extract_one(
    item: Item,
    meta: dict[str, Any],
    published: dt.date | None = None,
    source_id: str | None = None,
    redate: bool = False,
) -> _FileResult:
    """Read and analyse one input (with the stored date and id when ``redate``)."""
    from .extract.document import ExtractWarning
    from .extract.pipeline import analyse

    result = _FileResult(item.index, item.name, item.size)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always", ExtractWarning)
        try:
            doc, source = _read(item, meta)
            result.source = source
            if redate:
                analysis = analyse(doc, published=published, source_id=source_id)
            else:
                analysis = analyse(doc, published=source.published, source_id=source.source_id)
            result.assertions = analysis.assertions()
            result.candidates = len(analysis.candidates)
        except SyriamapError as exc:
            result.problem = _Problem.of(exc, item.name)
    result.warnings = _caught(record)
    return result


def _extract_batch(batch: list[Item], meta: dict[str, Any]) -> list[_FileResult]:
    """Read and analyse every input of a batch (runs on a worker)."""
    return [_extract_one(item, meta) for item in batch]


# --------------------------------------------------------------------------- client side


def _show(value: Any) -> str:
    return repr(value.isoformat() if isinstance(value, dt.date) else value)


@dataclass
class _Tally:
    files: int = 0
    bytes: int = 0
    sources_added: int = 0
    sources_already_stored: int = 0
    sources_updated: int = 0
    assertions_added: int = 0
    assertions_already_stored: int = 0
    undated: int = 0
    files_undated: int = 0
    problems: list[str] = field(default_factory=list)
    batches_written: int = 0
    files_written: int = 0
    warned: set[tuple[str, str]] = field(default_factory=set)


def _warn(message: str) -> None:
    from .extract.document import ExtractWarning

    warnings.warn(message, ExtractWarning, stacklevel=4)


def _write_file(
    db: Store,
    r: _FileResult,
    tally: _Tally,
    runner: Any,
    item: Item,
    meta: dict[str, Any],
    begin: Callable[[], None],
) -> None:
    """Write one input's source and assertions; call ``begin`` before the first write."""
    from .store import merge_source_metadata

    read = r.source
    assert read is not None
    new = read
    known = db.source(content_hash=new.content_hash)
    if known is None:
        if db.source(new.source_id) is not None:
            raise DataError(
                f"source id {new.source_id!r} is already stored for other content", path=r.name
            )
        merged = new
    else:
        merged, conflicts = merge_source_metadata(known, new)
        for name in conflicts:
            if (new.content_hash, name) not in tally.warned:
                tally.warned.add((new.content_hash, name))
                _warn(
                    f"{r.name}: source {known.source_id} is stored with {name} "
                    f"{_show(getattr(known, name))}; keeping it "
                    f"(this input says {_show(getattr(new, name))})"
                )
        new = dataclasses.replace(new, source_id=known.source_id)
    messages = r.warnings
    assertions, candidates = r.assertions, r.candidates
    if merged.published != read.published or merged.source_id != read.source_id:
        # the stored date (or id) wins: extract again with it
        again = runner.call(_extract_one, item, meta, merged.published, merged.source_id, True)
        if again.problem is not None:
            raise again.problem.error()
        messages, assertions, candidates = again.warnings, again.assertions, again.candidates
    for message in messages:
        _warn(message)
    if db._all_stored([new], assertions, fill_empty=True):
        n = {"sources": 0, "sources_updated": 0, "assertions": 0}  # nothing to write
    else:
        begin()
        n = db.add([new], assertions, fill_empty=True)  # a savepoint: a refusal undoes it
    tally.sources_added += n["sources"]
    tally.sources_already_stored += 1 - n["sources"]
    tally.sources_updated += n["sources_updated"]
    tally.assertions_added += n["assertions"]
    tally.assertions_already_stored += len(assertions) - n["assertions"]
    tally.undated += candidates - len(assertions)
    tally.files_undated += merged.published is None


def _write_batch(
    db: Store,
    batch: list[Item],
    results: list[_FileResult],
    tally: _Tally,
    runner: Any,
    meta: dict[str, Any],
    keep_going: bool,
) -> None:
    """Write one batch in one transaction, opened at its first write.

    A batch that changes nothing (a re-run) opens no write transaction at all.
    """
    with contextlib.ExitStack() as stack:
        opened: list[bool] = []

        def begin() -> None:
            if not opened:
                stack.enter_context(db.transaction())
                opened.append(True)

        for item, r in zip(batch, results, strict=True):
            tally.files += 1
            tally.bytes += item.size
            if r.problem is not None:
                if not keep_going:
                    raise r.problem.error()
                for message in r.warnings:
                    _warn(message)
                tally.problems.append(str(r.problem))
                continue
            try:
                _write_file(db, r, tally, runner, item, meta, begin)
            except DataError as exc:
                if not keep_going:
                    raise
                tally.problems.append(str(exc))
    tally.batches_written += 1
    tally.files_written += len(batch)


class _Progress:
    """A progress bar over bytes, with files per second, on stderr."""

    def __init__(self, total_bytes: int, total_files: int, desc: str, show: bool) -> None:
        self.bar: Any = None
        self.files = 0
        self.total_files = total_files
        self.start = time.perf_counter()
        if show and total_files >= PROGRESS_FROM:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total_bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc=desc,
                file=sys.stderr,
                leave=False,
                dynamic_ncols=True,
            )

    def update(self, files: int, size: int) -> None:
        self.files += files
        if self.bar is not None:
            rate = self.files / max(time.perf_counter() - self.start, 1e-9)
            self.bar.set_postfix_str(
                f"{self.files}/{self.total_files} files, {rate:.0f} files/s", refresh=False
            )
            self.bar.update(size)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _prepared(items: list[PathLike | bytes]) -> list[PathLike | bytes]:
    if isinstance(items, (str, bytes)) or hasattr(items, "__fspath__"):
        return [items]  # type: ignore[list-item]
    return list(items)


def ingest(
    paths_or_texts: PathLike | bytes | Iterable[PathLike | bytes],
    *,
    store: Store | PathLike | None,
    published: DateLike | None = None,
    publisher: str | None = None,
    workers: int | None = None,
    scheduler: Any = None,
    progress: bool = True,
    keep_going: bool = False,
    from_list: PathLike | None = None,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
) -> IngestSummary:
    """Add articles and their dated assertions to a store, in parallel if asked.

    Parameters
    ----------
    paths_or_texts
        Article files (text or HTML, any encoding, with an optional ``FILE.meta.json``),
        folders (every ``.txt``/``.html``/``.htm``/``.md`` file below), glob patterns
        (``"news/**/*.html"``) and article texts given as ``bytes``; one or several.
    store
        A :class:`~syriamap.store.Store` or the path of an SQLite store (created when
        missing); ``None`` means ``$SYRIAMAP_STORE``.
    published, publisher
        Metadata for every article (they win over sidecars, headers and HTML metadata).
    workers
        Worker processes of a ``LocalCluster`` started for this call; ``1`` runs in this
        process without starting a cluster. Default: ``$SYRIAMAP_SCHEDULER`` if set,
        else 1.
    scheduler
        An existing Dask cluster: its scheduler address (``"tcp://host:8786"``) or a
        ``distributed.Client``. The files must be readable at the same paths on the
        workers.
    progress
        Show a progress bar (files, MB/s) on stderr.
    keep_going
        Skip inputs that cannot be read and ingest the rest; they are listed in
        ``problems``. Without it one bad input stops everything before anything is written.
    from_list
        A text file of further paths, one a line (for corpora too large for a command line).
    batch_bytes
        Most text per task (and per store transaction). On a cluster a small corpus is cut
        finer, into at least four batches per worker, so that every worker has work.

    Returns
    -------
    IngestSummary
        Counts; ``str(summary)`` is the one-line summary the command line prints.

    Raises
    ------
    DataError
        Naming the first input that cannot be read (without ``keep_going``); nothing
        was written. An input that fails only while it is extracted (too complex for the
        per-document budget) stops the run at its batch: the batches before it are kept.
    StoreError
        If the store cannot be opened or written (the batches written before are kept,
        whole, and a new run completes the job).
    SyriamapError
        For a bad ``workers``/``scheduler``.

    Warns
    -----
    ExtractWarning
        Per input repaired or undated, and for stored metadata that differs.

    Examples
    --------
    >>> import syriamap
    >>> summary = syriamap.ingest(
    ...     [b"Rebels seized Hama on Thursday."], store=syriamap.Store(), published="2024-12-06"
    ... )
    >>> print(summary)
    sources: 1 added, 0 already stored; assertions: 1 added, 0 already stored
    """
    from .store import Store, open_store

    started = time.perf_counter()
    pub = parse_optional_date(published, what="published")
    meta = _meta(pub, publisher)
    if store is None or (not isinstance(store, Store) and str(store) == ""):
        import os

        from .store import ENV_VAR

        store = os.environ.get(ENV_VAR) or None
        if store is None:
            raise StoreError("ingest needs a store: give --store PATH or set $SYRIAMAP_STORE")
    args = _prepared(paths_or_texts)  # type: ignore[arg-type]

    def corpus() -> Iterator[Item]:
        return iter_inputs(args, from_list=from_list)

    runner = None
    try:
        runner = _open(workers, scheduler)
        total_files = total_bytes = 0
        for item in corpus():
            total_files += 1
            total_bytes += item.size
        if runner.workers > 1:
            share = -(-total_bytes // (4 * runner.workers))
            batch_bytes = min(batch_bytes, max(MIN_BATCH_BYTES, share))
        if not keep_going:
            # First pass: read everything, write nothing if an input is bad.
            bar = _Progress(total_bytes, total_files, "reading", progress)
            checks = runner.map(_check_batch, _chunks(corpus(), batch_bytes), meta)
            try:
                for chunk, problems in checks:
                    if problems:
                        raise problems[0][1].error()
                    bar.update(len(chunk), sum(i.size for i in chunk))
            finally:
                checks.close()  # cancels what is still in flight
                bar.close()
        tally = _Tally()
        db = store if isinstance(store, Store) else open_store(store)
        bar = _Progress(total_bytes, total_files, "ingest", progress)
        stream = runner.map(_extract_batch, _chunks(corpus(), batch_bytes), meta)
        try:
            for chunk, results in stream:
                try:
                    _write_batch(db, chunk, results, tally, runner, meta, keep_going)
                except (sqlite3.Error, StoreError) as exc:
                    where = store if not isinstance(store, Store) else (store.path or ":memory:")
                    if isinstance(exc, StoreError):  # already one line, naming the store
                        message = str(exc).removesuffix("; nothing was written")
                    else:
                        message = f"cannot write to store {where}: {exc}"
                    if tally.batches_written == 0:
                        kept = "nothing was written"
                    else:
                        kept = (
                            f"this batch was not written; the {tally.files_written} files "
                            "written before are kept: run again to finish"
                        )
                    raise StoreError(f"{message}; {kept}") from exc
                bar.update(len(chunk), sum(i.size for i in chunk))
        finally:
            stream.close()
            bar.close()
            if db is not store:
                db.close()
    finally:
        if runner is not None:
            runner.close()
    return IngestSummary(
        files=tally.files,
        bytes=tally.bytes,
        sources_added=tally.sources_added,
        sources_already_stored=tally.sources_already_stored,
        sources_updated=tally.sources_updated,
        assertions_added=tally.assertions_added,
        assertions_already_stored=tally.assertions_already_stored,
        undated=tally.undated,
        files_undated=tally.files_undated,
        problems=tuple(tally.problems),
        seconds=time.perf_counter() - started,
        workers=runner.workers,
    )


def _chunks(items: Iterable[Item], batch_bytes: int) -> Iterator[list[Item]]:
    return batches(items, batch_bytes=batch_bytes)


def _open(workers: int | None, scheduler: Any) -> Any:
    from ._runner import open_runner

    return open_runner(workers, scheduler)
