"""The embedded store: sources and assertions in one SQLite file.

Where the store lives
    ``open_store(path)`` opens (and creates) the SQLite file at ``path``. Without a path it
    uses ``$SYRIAMAP_STORE``; without that, the bundled seed data (the package copies of
    ``seeds/sources.csv`` and ``data/assertions.csv``) loaded into a fresh in-memory store,
    so that ``syriamap`` works right after installation. ``open_store(path,
    read_only=True)`` (what the read commands use) never creates, migrates or writes the
    file: a missing path, an empty file or a file that is not a syriamap store is a
    :class:`~syriamap.errors.StoreError`; an older schema is migrated in memory only.

Guarantees
    * Every write (``add``, ``add_sources``, ``add_assertions``, ``import_csv``,
      ``import_jsonl``) is one transaction: an error half-way leaves the store exactly as
      it was. ``with store.transaction():`` groups several writes into one transaction
      (nested blocks become savepoints), and ``store.add(sources, assertions)`` writes
      sources and their assertions together.
    * Adds are idempotent: sources are de-duplicated on ``content_hash`` (and
      ``source_id``), assertions on ``assertion_id``; adding the same thing twice changes
      nothing. ``replace=True`` overwrites assertions with the same id instead.
      ``fill_empty=True`` completes a stored source: its empty ``published``,
      ``publisher``, ``url`` and ``title`` are filled from the new input; a non-empty
      stored value is never overwritten (see :func:`merge_source_metadata`).
    * Export/import as a CSV folder (``sources.csv`` + ``assertions.csv``, the columns of
      ``docs/ARCHITECTURE.md``) or as JSON Lines is lossless.
    * A damaged file (SQLite reports it corrupt) raises a one-line
      :class:`~syriamap.errors.StoreError` that suggests ``PRAGMA integrity_check`` or a
      backup, whenever the damage is met: on open or on a later read.
    * An add that would change nothing (everything already stored) does not write, so it
      succeeds on a read-only file too.
    * The schema carries a version (table ``schema_version``). Older stores are migrated
      on open, one step at a time, each step in a transaction; a store written by a newer
      syriamap raises :class:`~syriamap.errors.SchemaVersionError`.

Schema history
    1. ``sources`` (without ``date_note``), ``assertions`` (without ``place_precision``).
    2. adds ``sources.date_note``, ``assertions.place_precision``, a unique index on
       non-empty ``content_hash`` and the ``(place_id, event_date)`` / ``source_id`` indexes.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import importlib.resources
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._io import atomic_write, out_of_space
from ._types import DateLike, PathLike, parse_optional_date
from .assertions import ASSERTION_FIELDS, SOURCE_FIELDS, Assertion, Source
from .errors import DataError, SchemaVersionError, StoreError, SyriamapError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ENV_VAR",
    "FILLABLE_FIELDS",
    "SCHEMA_VERSION",
    "Store",
    "merge_source_metadata",
    "open_store",
]

ENV_VAR = "SYRIAMAP_STORE"

# One entry per schema version: the statements that bring version N-1 to version N.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE schema_version (version INTEGER NOT NULL)""",
        """INSERT INTO schema_version (version) VALUES (0)""",
        """CREATE TABLE sources (
            source_id    TEXT PRIMARY KEY,
            publisher    TEXT NOT NULL DEFAULT '',
            url          TEXT NOT NULL DEFAULT '',
            title        TEXT NOT NULL DEFAULT '',
            published    TEXT,
            content_hash TEXT NOT NULL DEFAULT '',
            file         TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE assertions (
            assertion_id   TEXT PRIMARY KEY,
            source_id      TEXT NOT NULL REFERENCES sources (source_id),
            place_id       TEXT NOT NULL,
            place_name     TEXT NOT NULL DEFAULT '',
            actor          TEXT NOT NULL,
            relation       TEXT NOT NULL,
            stance         TEXT NOT NULL,
            claimant       TEXT NOT NULL DEFAULT '',
            claimant_side  TEXT NOT NULL DEFAULT '',
            event_date     TEXT NOT NULL,
            date_precision TEXT NOT NULL DEFAULT 'day',
            quote          TEXT NOT NULL,
            start          INTEGER NOT NULL,
            "end"          INTEGER NOT NULL,
            method         TEXT NOT NULL DEFAULT 'manual',
            confidence     REAL NOT NULL DEFAULT 1.0,
            note           TEXT NOT NULL DEFAULT ''
        )""",
    ),
    (
        """ALTER TABLE sources ADD COLUMN date_note TEXT NOT NULL DEFAULT ''""",
        """ALTER TABLE assertions ADD COLUMN place_precision TEXT NOT NULL DEFAULT 'place'""",
        """CREATE UNIQUE INDEX sources_content_hash ON sources (content_hash)
           WHERE content_hash != ''""",
        """CREATE INDEX assertions_place_date ON assertions (place_id, event_date)""",
        """CREATE INDEX assertions_source ON assertions (source_id)""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_SOURCE_COLS = ", ".join(SOURCE_FIELDS)
_ASSERTION_COLS = ", ".join(f'"{c}"' for c in ASSERTION_FIELDS)
_INSERT_SOURCE = (
    f"INSERT INTO sources ({_SOURCE_COLS}) VALUES ({', '.join('?' * len(SOURCE_FIELDS))})"
)
_INSERT_ASSERTION = (
    f"INSERT INTO assertions ({_ASSERTION_COLS}) "
    f"VALUES ({', '.join('?' * len(ASSERTION_FIELDS))}) "
    "ON CONFLICT (assertion_id) DO NOTHING"
)
_REPLACE_ASSERTION = (
    f"INSERT OR REPLACE INTO assertions ({_ASSERTION_COLS}) "
    f"VALUES ({', '.join('?' * len(ASSERTION_FIELDS))})"
)

FILLABLE_FIELDS: tuple[str, ...] = ("published", "publisher", "url", "title")
"""Source metadata that a later add may fill in when it is empty in the store."""

_UPDATE_SOURCE = (
    "UPDATE sources SET published = ?, publisher = ?, url = ?, title = ?, date_note = ? "
    "WHERE source_id = ?"
)


_REPORTED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR})
"""SQLite failures a write turns into a StoreError (damage, a full disk)."""


def _primary(exc: BaseException) -> int:
    """Return the primary SQLite result code of an error (the low byte of an extended one)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def _roll_back_interrupted_write(path: Path) -> None:
    """Let SQLite undo a write that was interrupted (a killed ingest) before reading.

    A journal left beside the file by a writer that died mid-transaction must be played
    back before the file is valid, and that needs write access: a read-only connection
    fails with "attempt to write a readonly database". A connection with write access
    rolls it back on its first read (and does nothing while a live writer holds it), so
    the store opens as it was after its last commit.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(
            f"store {path} was left by an interrupted write (journal {path}-journal) and "
            f"cannot be rolled back without write access ({exc}): open it once writable, "
            "e.g. run syriamap ingest on it again"
        ) from exc


def _empty(value: Any) -> bool:
    return value is None or value == ""


def merge_source_metadata(stored: Source, new: Source) -> tuple[Source, list[str]]:
    """Complete ``stored`` with ``new``'s metadata, never overwriting a stored value.

    Each of :data:`FILLABLE_FIELDS` that is empty in ``stored`` takes ``new``'s value.
    When ``published`` is filled, ``date_note`` (how the date was established) is taken
    from ``new`` too. Identity (``source_id``, ``content_hash``) and ``file`` stay as
    stored.

    Returns
    -------
    tuple
        The merged source (``stored`` itself when nothing changed) and the names of the
        fields where both are non-empty and differ (the stored value was kept).

    Examples
    --------
    >>> old = Source(source_id="s", publisher="CNN")
    >>> merged, conflicts = merge_source_metadata(
    ...     old, Source(source_id="s", publisher="BBC", published="2024-12-07")
    ... )
    >>> merged.publisher, merged.published, conflicts
    ('CNN', datetime.date(2024, 12, 7), ['publisher'])
    """
    changes: dict[str, Any] = {}
    conflicts: list[str] = []
    for name in FILLABLE_FIELDS:
        mine, theirs = getattr(stored, name), getattr(new, name)
        if _empty(theirs) or mine == theirs:
            continue
        if _empty(mine):
            changes[name] = theirs
        else:
            conflicts.append(name)
    if "published" in changes:
        changes["date_note"] = new.date_note
    if not changes:
        return stored, conflicts
    return dataclasses.replace(stored, **changes), conflicts


def _assertion_values(a: Assertion) -> tuple[Any, ...]:
    return (
        a.assertion_id,
        a.source_id,
        a.place_id,
        a.place_name,
        a.actor,
        a.relation.value,
        a.stance.value,
        a.claimant,
        a.claimant_side,
        a.event_date.isoformat(),
        a.date_precision.value,
        a.place_precision.value,
        a.quote,
        a.start,
        a.end,
        a.method,
        a.confidence,
        a.note,
    )


def _source_values(s: Source) -> tuple[Any, ...]:
    return (
        s.source_id,
        s.publisher,
        s.url,
        s.title,
        None if s.published is None else s.published.isoformat(),
        s.content_hash,
        s.file,
        s.date_note,
    )


class Store:
    """An embedded SQLite store of sources and assertions.

    Parameters
    ----------
    path
        The SQLite file (created when missing), or ``None`` / ``":memory:"`` for a store
        in memory.
    read_only
        Open the file for reading only: never create, migrate or write it (an older
        schema is migrated in a copy in memory).

    Raises
    ------
    StoreError
        If the file cannot be opened, is damaged or is not a syriamap store (with
        ``read_only``: also if it is missing or empty).
    SchemaVersionError
        If the store was written by a newer syriamap.

    Examples
    --------
    >>> store = Store()
    >>> store.counts()
    {'sources': 0, 'assertions': 0}
    """

    def __init__(self, path: PathLike | None = None, *, read_only: bool = False) -> None:
        memory = path is None or str(path) == ":memory:"
        self.path: Path | None = None if memory else Path(path)  # type: ignore[arg-type]
        self.read_only = False  # set after opening (an older schema is migrated in memory)
        self._lock = threading.RLock()
        self._depth = 0  # open transaction() blocks (the lock makes this per thread)
        created = self.path is not None and not read_only and not self.path.exists()
        try:
            if self.path is not None and not self.path.parent.is_dir():
                raise StoreError(f"cannot open store {self.path}: folder does not exist")
            if self.path is not None and self.path.is_dir():
                raise StoreError(f"cannot open store {self.path}: it is a folder")
            if read_only and not memory:
                self._conn = self._connect_read_only()
                self.read_only = True
            else:
                self._conn = sqlite3.connect(
                    ":memory:" if memory else str(self.path),
                    isolation_level=None,
                    check_same_thread=False,
                )
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._migrate()
        except BaseException as exc:
            if created and self.path is not None:  # a store that could not be set up
                with contextlib.suppress(Exception):  # (a full disk) leaves no file
                    self._conn.close()
                for leftover in (self.path, Path(f"{self.path}-journal")):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._error(exc, "cannot open") from exc
            raise

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open the file without ever writing it; migrate an older schema in memory."""
        assert self.path is not None
        if not self.path.exists():
            raise StoreError(f"no store at {self.path} (create one with syriamap ingest)")
        if self.path.stat().st_size == 0:
            raise StoreError(f"{self.path} is an empty file, not a syriamap store")
        journal = Path(f"{self.path}-journal")
        if journal.is_file() and journal.stat().st_size > 0:
            _roll_back_interrupted_write(self.path)
        uri = self.path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._conn = conn
        version = self._version()
        if version == 0:
            conn.close()
            raise StoreError(f"{self.path} is not a syriamap store (no tables)")
        if version > SCHEMA_VERSION:
            self._migrate()  # raises SchemaVersionError
        if version < SCHEMA_VERSION:
            # never convert the file: migrate a copy in memory
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.backup(memory)
            conn.close()
            self._conn = memory
            self._migrate()
        return self._conn

    def _error(self, exc: sqlite3.Error, doing: str, after: str = "") -> StoreError:
        """Turn an SQLite error into a one-line StoreError (a damaged file says so)."""
        where = self.path or ":memory:"
        code = _primary(exc)
        if code == sqlite3.SQLITE_FULL or (
            code == sqlite3.SQLITE_IOERR
            and self.path is not None
            and out_of_space(self.path.parent)
        ):
            return StoreError(
                f"{doing} store {where}: no space left on device (disk full or over a size "
                f"limit; SQLite says: {exc}){after}"
            )
        if code == sqlite3.SQLITE_CORRUPT:
            return StoreError(
                f"store {where} is damaged ({exc}): check it with "
                f"`sqlite3 {where} 'PRAGMA integrity_check'` or restore a backup{after}"
            )
        if code == sqlite3.SQLITE_NOTADB:
            return StoreError(f"{doing} store {where}: not an SQLite file ({exc}){after}")
        return StoreError(f"{doing} store {where}: {exc}{after}")

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = self.counts()
        where = str(self.path) if self.path else ":memory:"
        return f"<Store {where} sources={counts['sources']} assertions={counts['assertions']}>"

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        """Run a block in one transaction: commit on success, roll back on any error.

        Blocks nest: every write method (``add``, ``add_sources``, ``add_assertions``,
        the imports) called inside the block joins the outer transaction, so the whole
        block is committed or rolled back as one. A nested block is a savepoint: an error
        caught inside the outer block undoes only the nested block's writes.

        Examples
        --------
        >>> store = Store()
        >>> with store.transaction():
        ...     store.add_sources(Source(source_id="s1", content_hash="a" * 64))
        1
        """
        with self._lock:
            cur = self._conn.cursor()
            depth = self._depth
            undo: tuple[str, ...]
            if depth == 0:
                begin, undo, done = "BEGIN IMMEDIATE", ("ROLLBACK",), "COMMIT"
            else:
                name = f"syriamap_{depth}"
                begin = f"SAVEPOINT {name}"
                undo = (f"ROLLBACK TO {name}", f"RELEASE {name}")
                done = f"RELEASE {name}"
            if self.read_only:
                raise StoreError(f"store {self.path} was opened read-only")
            cur.execute(begin)
            self._depth = depth + 1
            try:
                yield cur
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    for statement in undo:
                        cur.execute(statement)
                if isinstance(exc, sqlite3.DatabaseError) and _primary(exc) in _REPORTED:
                    raise self._error(exc, "cannot write to", "; nothing was written") from exc
                raise
            else:
                cur.execute(done)
            finally:
                self._depth = depth

    @property
    def revision(self) -> tuple[int, int]:
        """A token that changes whenever the store's content may have changed.

        Combines this connection's write count with SQLite's ``data_version`` (which
        changes when another connection commits); used to cache derived frames.
        """
        with self._lock:
            version = self._query("PRAGMA data_version")[0][0]
            return (self._conn.total_changes, int(version))

    @property
    def schema_version(self) -> int:
        """The schema version of the open store."""
        with self._lock:
            return self._version()

    def _version(self) -> int:
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not exists:
            tables = self._conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                raise StoreError(
                    f"{self.path or ':memory:'} is an SQLite file but not a syriamap store"
                )
            return 0
        row = self._conn.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self._lock:
            version = self._version()
            if version > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"store {self.path or ':memory:'} has schema version {version}; this "
                    f"syriamap understands up to {SCHEMA_VERSION}: upgrade syriamap"
                )
            for target in range(version + 1, SCHEMA_VERSION + 1):
                with self.transaction() as cur:
                    for statement in MIGRATIONS[target - 1]:
                        cur.execute(statement)
                    cur.execute("UPDATE schema_version SET version = ?", (target,))

    # -- writing ---------------------------------------------------------------------

    def add(
        self,
        sources: Source | Iterable[Source] = (),
        assertions: Assertion | Iterable[Assertion] = (),
        *,
        replace: bool = False,
        fill_empty: bool = False,
    ) -> dict[str, int]:
        """Add sources, then assertions, all in one transaction.

        An error anywhere (a conflicting source, an assertion naming an unknown source, a
        failing disk) leaves the store exactly as it was.

        Parameters
        ----------
        sources
            Sources to add (skipped when already stored, as in :meth:`add_sources`).
        assertions
            Assertions whose sources are stored or among ``sources``.
        replace
            Overwrite stored assertions with the same id instead of skipping them.
        fill_empty
            Complete an already stored source (same ``content_hash`` or ``source_id``)
            with the new source's metadata where the stored field is empty
            (:func:`merge_source_metadata`); stored values are never overwritten.

        Returns
        -------
        dict
            ``sources`` (new), ``sources_updated`` (stored sources whose empty metadata was
            filled) and ``assertions`` (new or replaced).

        Examples
        --------
        >>> store = Store()
        >>> src = Source.from_text(b"Rebels took Hama.", published="2024-12-05")
        >>> store.add(src, [])
        {'sources': 1, 'sources_updated': 0, 'assertions': 0}
        """
        src = [sources] if isinstance(sources, Source) else list(sources)
        asr = [assertions] if isinstance(assertions, Assertion) else list(assertions)
        if not replace and self._all_stored(src, asr, fill_empty=fill_empty):
            return {"sources": 0, "sources_updated": 0, "assertions": 0}
        with self.transaction() as cur:
            added, updated = self._add_sources(cur, ((None, s) for s in src), fill_empty=fill_empty)
            n_asr = self._add_assertions(cur, ((None, a) for a in asr), replace=replace)
        return {"sources": added, "sources_updated": updated, "assertions": n_asr}

    def _all_stored(
        self, sources: Sequence[Source], assertions: Sequence[Assertion], *, fill_empty: bool
    ) -> bool:
        """Whether adding these would change nothing (so no write access is needed)."""
        for source in sources:
            stored = self.source(source.source_id) or self.source(content_hash=source.content_hash)
            if stored is None or stored.content_hash != source.content_hash:
                return False
            if fill_empty and merge_source_metadata(stored, source)[0] is not stored:
                return False
        ids = [a.assertion_id for a in assertions]
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self._query(
                f"SELECT assertion_id FROM assertions WHERE assertion_id IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            )
            found.update(r[0] for r in rows)
        return found.issuperset(ids)

    def add_sources(self, sources: Source | Iterable[Source], *, fill_empty: bool = False) -> int:
        """Add sources in one transaction; return how many were new.

        A source whose ``content_hash`` or ``source_id`` is already stored is skipped
        (with ``fill_empty=True`` its empty metadata is filled in first, see :meth:`add`).

        Raises
        ------
        DataError
            If a ``source_id`` is already stored with a different ``content_hash``.
        """
        items = [sources] if isinstance(sources, Source) else sources
        with self.transaction() as cur:
            return self._add_sources(cur, ((None, s) for s in items), fill_empty=fill_empty)[0]

    def add_assertions(
        self, assertions: Assertion | Iterable[Assertion], *, replace: bool = False
    ) -> int:
        """Add assertions in one transaction; return how many were new (or replaced).

        Parameters
        ----------
        assertions
            Assertions whose sources are already in the store.
        replace
            Overwrite a stored assertion with the same id instead of skipping it.

        Raises
        ------
        DataError
            If an assertion names a source that is not in the store.
        """
        items = [assertions] if isinstance(assertions, Assertion) else assertions
        with self.transaction() as cur:
            return self._add_assertions(cur, ((None, a) for a in items), replace=replace)

    def _add_sources(
        self,
        cur: sqlite3.Cursor,
        items: Iterable[tuple[Any, Source]],
        *,
        fill_empty: bool = False,
    ) -> tuple[int, int]:
        """Insert new sources; return ``(added, metadata updated)``."""
        added = updated = 0
        for where, source in items:
            by_id = cur.execute(
                "SELECT content_hash FROM sources WHERE source_id = ?", (source.source_id,)
            ).fetchone()
            if by_id is not None:
                if by_id[0] and source.content_hash and by_id[0] != source.content_hash:
                    raise _with_where(
                        DataError(
                            f"source {source.source_id!r} is already stored with a different "
                            "content_hash",
                            value=source.content_hash,
                        ),
                        where,
                    )
                if fill_empty:
                    updated += self._fill_source(cur, source, "source_id", source.source_id)
                continue
            if (
                source.content_hash
                and cur.execute(
                    "SELECT 1 FROM sources WHERE content_hash = ?", (source.content_hash,)
                ).fetchone()
            ):
                if fill_empty:
                    updated += self._fill_source(cur, source, "content_hash", source.content_hash)
                continue
            self._insert_source(cur, source)
            added += 1
        return added, updated

    def _fill_source(self, cur: sqlite3.Cursor, new: Source, key: str, value: str) -> int:
        row = cur.execute(
            f"SELECT {_SOURCE_COLS} FROM sources WHERE {key} = ?", (value,)
        ).fetchone()
        stored = Source(**dict(zip(SOURCE_FIELDS, row, strict=True)))
        merged, _ = merge_source_metadata(stored, new)
        if merged is stored:
            return 0
        self._update_source(cur, merged)
        return 1

    def _add_assertions(
        self, cur: sqlite3.Cursor, items: Iterable[tuple[Any, Assertion]], *, replace: bool
    ) -> int:
        sql = _REPLACE_ASSERTION if replace else _INSERT_ASSERTION
        known: set[str] = set()
        before = self._conn.total_changes
        for where, assertion in items:
            if assertion.source_id not in known:
                if not cur.execute(
                    "SELECT 1 FROM sources WHERE source_id = ?", (assertion.source_id,)
                ).fetchone():
                    raise _with_where(
                        DataError(
                            f"assertion {assertion.assertion_id} names unknown source_id "
                            f"{assertion.source_id!r} (add the source first)",
                            value=assertion.source_id,
                        ),
                        where,
                    )
                known.add(assertion.source_id)
            self._insert_assertion(cur, sql, assertion)
        return self._conn.total_changes - before

    # Single points where rows are written (tests inject failures here).
    def _insert_source(self, cur: sqlite3.Cursor, source: Source) -> None:
        cur.execute(_INSERT_SOURCE, _source_values(source))

    def _insert_assertion(self, cur: sqlite3.Cursor, sql: str, assertion: Assertion) -> None:
        cur.execute(sql, _assertion_values(assertion))

    def _update_source(self, cur: sqlite3.Cursor, source: Source) -> None:
        cur.execute(
            _UPDATE_SOURCE,
            (
                None if source.published is None else source.published.isoformat(),
                source.publisher,
                source.url,
                source.title,
                source.date_note,
                source.source_id,
            ),
        )

    # -- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Return the number of stored sources and assertions."""
        return {
            "sources": self._query("SELECT count(*) FROM sources")[0][0],
            "assertions": self._query("SELECT count(*) FROM assertions")[0][0],
        }

    def sources(self) -> list[Source]:
        """Return every stored source, sorted by id."""
        rows = self._query(f"SELECT {_SOURCE_COLS} FROM sources ORDER BY source_id")
        return [Source(**dict(zip(SOURCE_FIELDS, r, strict=True))) for r in rows]

    def source(
        self, source_id: str | None = None, *, content_hash: str | None = None
    ) -> Source | None:
        """Return the stored source with this id or content hash, or ``None``.

        Give exactly one of ``source_id`` and ``content_hash``.
        """
        if (source_id is None) == (content_hash is None):
            raise TypeError("give exactly one of source_id and content_hash")
        key, value = (
            ("source_id", source_id) if source_id is not None else ("content_hash", content_hash)
        )
        if not value:
            return None
        rows = self._query(f"SELECT {_SOURCE_COLS} FROM sources WHERE {key} = ?", (value,))
        return Source(**dict(zip(SOURCE_FIELDS, rows[0], strict=True))) if rows else None

    def assertions(
        self,
        place_id: str | Sequence[str] | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        source_id: str | None = None,
        actor: str | None = None,
    ) -> list[Assertion]:
        """Return stored assertions as value objects (filters as :meth:`assertions_frame`)."""
        sql, params = self._assertion_query(place_id, start, end, source_id, actor)
        return [
            Assertion(**dict(zip(ASSERTION_FIELDS, r, strict=True)))
            for r in self._query(sql, params)
        ]

    def sources_frame(self) -> pd.DataFrame:
        """Return the sources as a DataFrame with the columns of ``seeds/sources.csv``.

        ``published`` is a ``datetime64`` column (``NaT`` when unknown).
        """
        import pandas as pd

        rows = self._query(f"SELECT {_SOURCE_COLS} FROM sources ORDER BY source_id")
        frame = pd.DataFrame.from_records(rows, columns=list(SOURCE_FIELDS))
        frame["published"] = pd.to_datetime(frame["published"], format="%Y-%m-%d")
        return frame

    def assertions_frame(
        self,
        place_id: str | Sequence[str] | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        source_id: str | None = None,
        actor: str | None = None,
    ) -> pd.DataFrame:
        """Return assertions as a DataFrame with the columns of ``data/assertions.csv``.

        Parameters
        ----------
        place_id
            Only these places (one id or several).
        start, end
            Only events dated within ``[start, end]`` (either may be omitted).
        source_id, actor
            Only this source / this actor id.

        Returns
        -------
        pandas.DataFrame
            Sorted by event date, place and id; ``event_date`` is ``datetime64``.

        Raises
        ------
        InvalidDateError
            If ``start`` or ``end`` is not a date, or ``start`` is after ``end``.
        """
        import pandas as pd

        sql, params = self._assertion_query(place_id, start, end, source_id, actor)
        frame = pd.DataFrame.from_records(self._query(sql, params), columns=list(ASSERTION_FIELDS))
        frame["event_date"] = pd.to_datetime(frame["event_date"], format="%Y-%m-%d")
        frame["start"] = frame["start"].astype("int64")
        frame["end"] = frame["end"].astype("int64")
        frame["confidence"] = frame["confidence"].astype("float64")
        return frame

    def evidence_frame(
        self,
        date: DateLike | None = None,
        *,
        as_reported_by: DateLike | None = None,
        columns: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """Return the assertions usable as evidence, joined with their source.

        One SQL query: assertions with ``event_date <= date`` and, when
        ``as_reported_by`` is given, from sources published on or before it (sources
        without a publication date are then left out). Adds the columns ``publisher``
        and ``published``; dates stay ISO strings (this is the input of
        :mod:`syriamap.fusion`). ``columns`` selects a subset of the assertion columns
        (the fusion does not need the quotes).
        """
        import pandas as pd

        day = parse_optional_date(date, what="date")
        reported = parse_optional_date(as_reported_by, what="as_reported_by")
        wanted = list(ASSERTION_FIELDS if columns is None else columns)
        unknown = [c for c in wanted if c not in ASSERTION_FIELDS]
        if unknown:
            raise DataError(f"unknown assertion columns: {', '.join(unknown)}", value=unknown)
        sql = (
            f"SELECT {', '.join(f'a.{chr(34)}{c}{chr(34)}' for c in wanted)}, "
            "s.publisher, s.published FROM assertions a JOIN sources s USING (source_id)"
        )
        clauses: list[str] = []
        params: list[Any] = []
        if day is not None:
            clauses.append("a.event_date <= ?")
            params.append(day.isoformat())
        if reported is not None:
            clauses.append("s.published IS NOT NULL AND s.published <= ?")
            params.append(reported.isoformat())
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return pd.DataFrame.from_records(
            self._query(sql, params), columns=[*wanted, "publisher", "published"]
        )

    def _assertion_query(
        self,
        place_id: str | Sequence[str] | None,
        start: DateLike | None,
        end: DateLike | None,
        source_id: str | None,
        actor: str | None,
    ) -> tuple[str, list[Any]]:
        from .errors import InvalidDateError

        lo = parse_optional_date(start, what="start")
        hi = parse_optional_date(end, what="end")
        if lo and hi and lo > hi:
            raise InvalidDateError(f"start {lo} is after end {hi}", value=(lo, hi))
        clauses: list[str] = []
        params: list[Any] = []
        if place_id is not None:
            ids = [place_id] if isinstance(place_id, str) else list(place_id)
            clauses.append(f"place_id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        if lo is not None:
            clauses.append("event_date >= ?")
            params.append(lo.isoformat())
        if hi is not None:
            clauses.append("event_date <= ?")
            params.append(hi.isoformat())
        if source_id is not None:
            clauses.append("source_id = ?")
            params.append(source_id)
        if actor is not None:
            clauses.append("actor = ?")
            params.append(actor)
        sql = f"SELECT {_ASSERTION_COLS} FROM assertions"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return sql + " ORDER BY event_date, place_id, assertion_id", params

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise self._error(exc, "cannot read") from exc

    # -- export / import -------------------------------------------------------------

    def export_csv(self, folder: PathLike) -> Path:
        """Write ``sources.csv`` and ``assertions.csv`` into ``folder`` (created if needed).

        Each file is written atomically. Returns the folder.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        _write_csv(out / "sources.csv", SOURCE_FIELDS, (s.to_row() for s in self.sources()))
        _write_csv(
            out / "assertions.csv", ASSERTION_FIELDS, (a.to_row() for a in self.assertions())
        )
        return out

    def import_csv(self, folder: PathLike, *, replace: bool = False) -> dict[str, int]:
        """Import ``sources.csv`` and/or ``assertions.csv`` from ``folder``, in one transaction.

        Returns
        -------
        dict
            How many sources and assertions were new.

        Raises
        ------
        DataError
            Naming the file, line and value of the first bad row; nothing is imported.
        """
        base = Path(folder)
        src, asr = base / "sources.csv", base / "assertions.csv"
        if not src.exists() and not asr.exists():
            raise DataError("no sources.csv or assertions.csv in this folder", path=base)
        with self.transaction() as cur:
            n_src = (
                self._add_sources(cur, _read_csv(src, SOURCE_FIELDS, Source.from_row))[0]
                if src.exists()
                else 0
            )
            n_asr = (
                self._add_assertions(
                    cur, _read_csv(asr, ASSERTION_FIELDS, Assertion.from_row), replace=replace
                )
                if asr.exists()
                else 0
            )
        return {"sources": n_src, "assertions": n_asr}

    def export_jsonl(self, path: PathLike) -> Path:
        """Write every source, then every assertion, as JSON Lines (``"kind"`` tags each)."""
        target = Path(path)
        with atomic_write(target) as fh:
            for s in self.sources():
                fh.write(json.dumps({"kind": "source", **s.to_row()}, ensure_ascii=False))
                fh.write("\n")
            for a in self.assertions():
                fh.write(json.dumps({"kind": "assertion", **a.to_row()}, ensure_ascii=False))
                fh.write("\n")
        return target

    def import_jsonl(self, path: PathLike, *, replace: bool = False) -> dict[str, int]:
        """Import a JSON Lines file written by :meth:`export_jsonl`, in one transaction.

        Raises
        ------
        DataError
            Naming the file, line and value of the first bad line; nothing is imported.
        """
        file = Path(path)
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read: {exc}", path=file) from exc
        sources: list[tuple[Any, Source]] = []
        assertions: list[tuple[Any, Assertion]] = []
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            where = (file, number)
            try:
                obj = json.loads(text)
                if not isinstance(obj, dict):
                    raise DataError("expected a JSON object", value=text[:80])
                kind = obj.get("kind")
                if kind == "source":
                    sources.append((where, Source.from_row(obj)))
                elif kind == "assertion":
                    assertions.append((where, Assertion.from_row(obj)))
                else:
                    raise DataError("'kind' must be 'source' or 'assertion'", value=kind)
            except json.JSONDecodeError as exc:
                raise DataError(
                    f"invalid JSON: {exc.msg}", path=file, line=number, value=text[:80]
                ) from exc
            except SyriamapError as exc:
                raise _with_where(exc, where) from exc
        with self.transaction() as cur:
            n_src = self._add_sources(cur, sources)[0]
            n_asr = self._add_assertions(cur, assertions, replace=replace)
        return {"sources": n_src, "assertions": n_asr}


def _with_where(exc: SyriamapError, where: Any) -> DataError:
    """Re-raise a validation error as a DataError naming file and line."""
    if where is None:
        return exc if isinstance(exc, DataError) else DataError(str(exc))
    path, line = where
    message = exc.message if isinstance(exc, DataError) else str(exc)
    value = getattr(exc, "value", None)
    return DataError(message, path=path, line=line, value=value)


def _write_csv(path: Path, fields: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    with atomic_write(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=list(fields), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def _read_csv(
    path: Path, fields: Sequence[str], build: Callable[[Mapping[str, Any]], Any]
) -> Iterator[tuple[Any, Any]]:
    """Yield ``((path, line), value)`` for each row; bad rows raise DataError lazily."""
    try:
        fh = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    with fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DataError(f"cannot parse CSV header: {exc}", path=path, line=1) from exc
        missing = [f for f in fields if f not in header]
        if missing:
            raise DataError(
                f"missing columns: {', '.join(missing)}", path=path, line=1, value=header
            )
        last = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                raise DataError(f"cannot parse CSV: {exc}", path=path, line=last + 1) from exc
            line, last = last + 1, reader.line_num  # a quoted cell may span lines
            if None in row:
                raise DataError("more cells than columns", path=path, line=line, value=row[None])
            try:
                value = build(row)
            except SyriamapError as exc:
                raise _with_where(exc, (path, line)) from exc
            yield (path, line), value


def _bundled_store() -> Store:
    store = Store()
    from .data import path

    src, asr = path("sources.csv"), path("assertions.csv")
    with importlib.resources.as_file(src) as src_path, importlib.resources.as_file(asr) as asr_path:
        with store.transaction() as cur:
            if src_path.exists():
                store._add_sources(cur, _read_csv(src_path, SOURCE_FIELDS, Source.from_row))
            if asr_path.exists():
                store._add_assertions(
                    cur, _read_csv(asr_path, ASSERTION_FIELDS, Assertion.from_row), replace=False
                )
    return store


def open_store(path: PathLike | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``path``, else ``$SYRIAMAP_STORE``, else the bundled seed data.

    Parameters
    ----------
    path
        An SQLite file (created when missing, unless ``read_only``).
    read_only
        Never create, migrate or write the file: a missing path, an empty file or a file
        that is not a syriamap store raises :class:`~syriamap.errors.StoreError`.

    Returns
    -------
    Store
        Without a path or environment variable: a new in-memory store holding the bundled
        seed sources and gold assertions.

    Raises
    ------
    StoreError, SchemaVersionError, DataError

    Examples
    --------
    >>> store = open_store()
    >>> store.path is None
    True
    """
    if path is None or str(path) == "":
        path = os.environ.get(ENV_VAR) or None
    if path is None:
        return _bundled_store()
    return Store(path, read_only=read_only)
