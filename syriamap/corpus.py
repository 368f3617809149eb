"""A corpus of articles: files, folders, glob patterns, list files or texts, in batches.

Inputs are enumerated lazily, in a stable order, so that a corpus of millions of files
never has to be listed in memory (a glob pattern is the exception: its matches are sorted
in memory; give a folder or a list file for the largest corpora).

Rules
-----
- A folder stands for every article file below it (suffixes :data:`ARTICLE_SUFFIXES`),
  recursively, in name order; hidden files and folders (``.name``) and metadata sidecars
  (``*.meta.json``) are skipped.
- A path that does not exist but contains ``*``, ``?`` or ``[`` is a glob pattern
  (``**`` spans folders); its matches are taken in sorted order (folders are expanded as
  above, sidecars skipped). A pattern that matches nothing is an input problem.
- A list file holds one path (or folder, or pattern) per line; blank lines and lines
  starting with ``#`` are skipped; relative paths are relative to the current folder.
- ``bytes`` are the content of an article (no file, no sidecar).
- Anything else that does not exist stays a file: reading it reports the problem by name.

Batches group consecutive inputs until they hold :data:`DEFAULT_BATCH_BYTES` of text (or
:data:`MAX_BATCH_FILES` files), so that one task is worth sending to a worker.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ._types import PathLike
from .errors import DataError

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_BATCH_BYTES",
    "MAX_BATCH_FILES",
    "Item",
    "batches",
    "iter_inputs",
    "read_list",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".md"})
"""File suffixes taken from a folder (case-insensitive)."""

DEFAULT_BATCH_BYTES = 256 * 1024
"""Text per batch (one task): a few hundred KB, so that scheduling costs little."""

MAX_BATCH_FILES = 500
"""Most files in one batch, however small they are."""

_SIDECAR = ".meta.json"


@dataclass(frozen=True, slots=True)
class Item:
    """One input of a corpus.

    Attributes
    ----------
    index
        Its position in the corpus (0-based), the order results are written in.
    name
        The file path (or pattern), or ``<text N>`` for an article given as bytes.
    size
        Its size in bytes (0 when unknown).
    data
        The article's content when it was given as bytes, else ``None`` (read ``name``).
    missing
        A one-line problem found while listing (a pattern that matches nothing).
    """

    index: int
    name: str
    size: int
    data: bytes | None = None
    missing: str | None = None


def _is_article(name: str) -> bool:
    return (
        not name.startswith(".")
        and not name.endswith(_SIDECAR)
        and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
    )


def _walk(folder: str) -> Iterator[tuple[str, int]]:
    """Yield ``(path, size)`` of the article files below ``folder``, in name order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from _walk(entry.path)
            elif _is_article(entry.name):
                yield entry.path, entry.stat().st_size
        except OSError:
            yield entry.path, 0


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _expand(arg: str) -> Iterator[tuple[str, int, str | None]]:
    """Yield ``(path, size, problem)`` for one path, folder or pattern."""
    if os.path.isdir(arg):
        for path, size in _walk(arg):
            yield path, size, None
    elif not os.path.lexists(arg) and glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield arg, 0, "no file matches this pattern"
        for match in matches:
            if os.path.isdir(match):
                for path, size in _walk(match):
                    yield path, size, None
            elif not match.endswith(_SIDECAR):
                yield match, _size(match), None
    else:
        yield arg, _size(arg), None


def read_list(path: PathLike) -> Iterator[str]:
    """Yield the entries of a list file: one path a line, ``#`` comments and blanks skipped.

    Raises
    ------
    DataError
        If the list file cannot be read.
    """
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    with fh:
        try:
            for line in fh:
                entry = line.strip()
                if entry and not entry.startswith("#"):
                    yield entry
        except UnicodeDecodeError as exc:
            raise DataError(f"list of paths is not UTF-8: {exc}", path=path) from exc


def iter_inputs(
    paths_or_texts: Iterable[PathLike | bytes], *, from_list: PathLike | None = None
) -> Iterator[Item]:
    """Enumerate a corpus lazily, in a stable order.

    Parameters
    ----------
    paths_or_texts
        Files, folders, glob patterns (``str`` or path objects) and article texts
        (``bytes``), in any mix.
    from_list
        A list file of further paths (see the module docstring), read after
        ``paths_or_texts``.

    Yields
    ------
    Item
        One per article, numbered from 0.

    Examples
    --------
    >>> [(i.index, i.name, i.size) for i in iter_inputs([b"Rebels took Hama."])]
    [(0, '<text 0>', 17)]
    """
    index = 0

    def args() -> Iterator[PathLike | bytes]:
        yield from paths_or_texts
        if from_list is not None:
            yield from read_list(from_list)

    for arg in args():
        if isinstance(arg, (bytes, bytearray, memoryview)):
            data = bytes(arg)
            yield Item(index, f"<text {index}>", len(data), data=data)
            index += 1
            continue
        for path, size, problem in _expand(os.fspath(arg)):
            yield Item(index, path, size, missing=problem)
            index += 1


def batches(
    items: Iterable[Item],
    *,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    max_files: int = MAX_BATCH_FILES,
) -> Iterator[list[Item]]:
    """Group consecutive items into batches of about ``batch_bytes`` of text.

    A batch closes once it holds ``batch_bytes`` or ``max_files`` files, so a large file
    makes a batch of its own.

    Examples
    --------
    >>> items = [Item(i, f"f{i}", 100) for i in range(5)]
    >>> [[i.index for i in b] for b in batches(items, batch_bytes=250)]
    [[0, 1, 2], [3, 4]]
    """
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += item.size
        if size >= batch_bytes or len(batch) >= max_files:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
