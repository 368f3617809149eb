"""Access to the data-driven pattern lexicon (``data/lexicon/*.csv``).

The lexicon files are reviewable data, not code; they live once, in ``data/lexicon/``, and
the build copies them into the wheel (:func:`syriamap.data.path` finds them either way).
Rows whose first column starts with ``#`` are comments.
"""

from __future__ import annotations

import csv
import io
from functools import cache

from ..data import path
from ..errors import DataError

__all__ = ["read_lexicon"]


@cache
def _read(name: str) -> tuple[dict[str, str], ...]:
    try:
        data = path(f"lexicon/{name}").read_text("utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"missing lexicon file {name}", path=name) from exc
    rows = []
    for row in csv.DictReader(io.StringIO(data)):
        first = next(iter(row.values()), "") or ""
        if first.startswith("#"):
            continue
        rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return tuple(rows)


def read_lexicon(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of ``data/lexicon/<name>`` as dictionaries (cached)."""
    return _read(name)
