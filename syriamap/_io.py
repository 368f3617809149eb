"""Atomic file output: a reader never sees a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ._types import PathLike
from .errors import OutputError

__all__ = ["atomic_path", "atomic_write", "describe_os_error", "out_of_space"]


_NO_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def describe_os_error(exc: OSError, name: object | None = None) -> str:
    """Describe an operating-system error in a few words, naming the file when known.

    ``name`` (default: the error's own file name) is the file to name.

    Examples
    --------
    >>> import errno
    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device", "map.html"))
    'map.html: no space left on device (disk full or over a size limit)'
    >>> describe_os_error(IsADirectoryError(errno.EISDIR, "Is a directory", "map.html"))
    'map.html: a folder of that name is in the way'
    """
    name = exc.filename if name is None else name
    if exc.errno in _NO_SPACE:
        what = "no space left on device (disk full or over a size limit)"
    elif exc.errno == errno.EISDIR or isinstance(exc, IsADirectoryError):
        what = "a folder of that name is in the way"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = f"not allowed to write ({(exc.strerror or '').lower() or 'permission denied'})"
    else:
        what = (exc.strerror or str(exc) or type(exc).__name__).splitlines()[0]
    return f"{name}: {what}" if name else what


def out_of_space(folder: PathLike) -> bool:
    """Whether a write in ``folder`` likely failed for want of space.

    For libraries that do not say why a write failed (GDAL, SQLite's "disk I/O error"):
    true when the file-size limit (``RLIMIT_FSIZE``) is set or the disk has less than
    1 MiB free.
    """
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
        if soft != resource.RLIM_INFINITY:
            return True
    except (ImportError, OSError, ValueError):  # pragma: no cover - not POSIX
        pass
    try:
        stat = os.statvfs(folder)
    except (AttributeError, OSError):  # pragma: no cover - not POSIX
        return False
    return stat.f_bavail * stat.f_frsize < 1024 * 1024


@contextlib.contextmanager
def atomic_path(path: PathLike, *, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it onto ``path``.

    On any exception the temporary file is removed and ``path`` is left untouched.

    Raises
    ------
    OutputError
        If the folder does not exist or is not writable, a folder named like ``path`` is in
        the way, or writing fails (a full disk); nothing is left behind.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: a folder of that name is in the way")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or ".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            # name the target: the temporary name means nothing to the user
            raise OutputError(f"cannot write {describe_os_error(exc, target)}") from exc
        raise


@contextlib.contextmanager
def atomic_write(
    path: PathLike, mode: str = "w", *, encoding: str | None = "utf-8", **kwargs: Any
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; rename it onto ``path`` on success.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_write(p) as fh:
    ...     _ = fh.write("hello")
    >>> p.read_text()
    'hello'
    """
    if "b" in mode:
        encoding = None
    with atomic_path(path) as tmp:
        newline = kwargs.pop("newline", "" if "b" not in mode else None)
        with open(tmp, mode, encoding=encoding, newline=newline, **kwargs) as fh:
            yield fh
