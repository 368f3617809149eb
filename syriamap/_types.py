"""Type aliases and small parsing helpers shared across modules."""

from __future__ import annotations

import datetime as _dt
import os
from typing import TypeAlias

from .errors import InvalidDateError

DateLike: TypeAlias = "str | _dt.date | _dt.datetime"
PathLike: TypeAlias = "str | os.PathLike[str]"
LatLon: TypeAlias = "tuple[float, float]"

__all__ = ["DateLike", "LatLon", "PathLike", "parse_date", "parse_optional_date"]


def parse_date(value: DateLike, *, what: str = "date") -> _dt.date:
    """Turn a ``YYYY-MM-DD`` string, a date or a datetime into a :class:`datetime.date`.

    Parameters
    ----------
    value
        The value to parse.
    what
        How to name the value in an error message (``"--date"``, ``"published"``...).

    Returns
    -------
    datetime.date

    Raises
    ------
    InvalidDateError
        If the value is not an ISO date.

    Examples
    --------
    >>> parse_date("2024-12-07")
    datetime.date(2024, 12, 7)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 10 and text[10] in "T ":  # a timestamp: keep its date
            text = text[:10]
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidDateError(f"invalid {what} {value!r}: expected YYYY-MM-DD", value=value)


def parse_optional_date(value: DateLike | None, *, what: str = "date") -> _dt.date | None:
    """Like :func:`parse_date`, but ``None`` and ``""`` give ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, what=what)
