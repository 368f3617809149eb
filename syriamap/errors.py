"""Errors raised by syriamap.

Every error the library raises on purpose derives from :class:`SyriamapError`, and each
leaf also inherits the builtin exception a caller would naturally catch::

    SyriamapError
    ├── DataError (ValueError)            bad input data: file, line, value
    │   ├── InvalidDateError (ValueError) a date that cannot be parsed or is out of range
    │   └── TooComplexError (ValueError)  a document over the extractor's work budget
    ├── VocabularyError (ValueError)      a value outside a closed vocabulary
    ├── UnknownPlaceError (LookupError)   a place name or id that resolves to nothing
    ├── UnknownActorError (LookupError)   an actor name or id that is not in the lexicon
    ├── StoreError                        the on-disk store cannot be opened or written
    │   └── SchemaVersionError            the store was written by a newer syriamap
    └── OutputError (OSError)             an output file cannot be written

The command-line interface turns each of them into a one-line message and a non-zero
exit status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "DataError",
    "InvalidDateError",
    "OutputError",
    "SchemaVersionError",
    "StoreError",
    "SyriamapError",
    "TooComplexError",
    "UnknownActorError",
    "UnknownPlaceError",
    "VocabularyError",
]


class SyriamapError(Exception):
    """Base class of every error syriamap raises on purpose."""


class DataError(SyriamapError, ValueError):
    """Input data is malformed.

    Parameters
    ----------
    message
        What is wrong, in one line.
    path
        The file the data came from, if any.
    line
        The 1-based line number in that file, if known.
    value
        The offending value, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        path: object | None = None,
        line: int | None = None,
        value: object | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.value = value
        super().__init__(self._format())

    def _format(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        return f"{where}{self.message}"


class InvalidDateError(DataError):
    """A date string that cannot be parsed, or a date range in the wrong order."""


class TooComplexError(DataError):
    """A document that would cost more than the extractor's per-document work budget.

    See :data:`syriamap.extract.pipeline.MAX_WORK`.
    """


class VocabularyError(SyriamapError, ValueError):
    """A value outside a closed vocabulary (relation, stance, side, format, ...).

    Attributes
    ----------
    value
        The value that was given.
    allowed
        The valid values, sorted.
    """

    def __init__(self, what: str, value: object, allowed: Iterable[str]) -> None:
        self.what = what
        self.value = value
        self.allowed = tuple(sorted(allowed))
        super().__init__(f"unknown {what} {value!r}; expected one of: {', '.join(self.allowed)}")


class UnknownPlaceError(SyriamapError, LookupError):
    """A place name or id that resolves to nothing.

    Attributes
    ----------
    query
        The name or id that was looked up.
    suggestions
        Close names that do exist ("did you mean"), best first.
    """

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown place {query!r}{hint}")

    def __str__(self) -> str:  # LookupError would quote the message otherwise
        return str(self.args[0])


class UnknownActorError(SyriamapError, LookupError):
    """An actor name or id that is not in the actor lexicon."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown actor {query!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class StoreError(SyriamapError):
    """The store cannot be opened, read or written."""


class SchemaVersionError(StoreError):
    """The store's schema is newer than this version of syriamap understands."""


class OutputError(SyriamapError, OSError):
    """An output file or folder cannot be written."""
