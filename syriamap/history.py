"""Compare the map with what is known to have happened: a table of (date, place, side) rows.

The shared corpus ships such a table (``history.csv``: ``date, place, governorate, side,
note``); :func:`compare_with_history` reads each row's place on its date from a store and
says whether the map is right, wrong or has no holder (unknown).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from ._types import PathLike
from .errors import DataError

if TYPE_CHECKING:
    import pandas as pd

    from .gazetteer import Gazetteer
    from .store import Store

#: The columns of :func:`compare_with_history`.
HISTORY_COLUMNS: tuple[str, ...] = (
    "date",
    "place",
    "governorate",
    "place_id",
    "expected",
    "side",
    "status",
    "confidence",
    "disputed",
    "verdict",
)

_AREA_KINDS = ("governorate", "district", "region", "country")


def history_place(gazetteer: Gazetteer, name: str, governorate: str) -> str:
    """Return the place id a history row means.

    A governorate capital's name means the capital; any other name, the best-ranked town
    of that name in the governorate named (the best-ranked town anywhere if none is there).

    Raises
    ------
    DataError
        If nothing of that name is a town.
    """
    for place in gazetteer.capitals().values():
        if place.name.casefold() == name.casefold():
            return place.place_id
    iso = next(
        (
            p.admin1_iso
            for p in gazetteer.governorates()
            if p.name.casefold() == governorate.casefold()
        ),
        None,
    )
    towns = [m.place for m in gazetteer.resolve(name) if m.place.kind not in _AREA_KINDS]
    if iso is not None:
        towns = [p for p in towns if p.admin1_iso == iso] or towns
    if not towns:
        raise DataError(f"history: cannot resolve place {name!r} ({governorate})", value=name)
    return towns[0].place_id


def compare_with_history(
    path: PathLike,
    *,
    store: Store | None = None,
    as_reported: bool = False,
) -> pd.DataFrame:
    """Read each history row's place on its date and judge the map.

    Parameters
    ----------
    path
        A CSV file with ``date, place, governorate, side`` columns.
    store
        The store to read (default: :func:`syriamap.store.open_store`).
    as_reported
        Read each row as reported by its own date (no hindsight).

    Returns
    -------
    pandas.DataFrame
        :data:`HISTORY_COLUMNS`; ``verdict`` is ``right``, ``wrong`` or ``unknown`` (no
        holder shown). A place shown ``contested`` with a holder counts as that holder's.
    """
    import pandas as pd

    from .fusion import control_state
    from .gazetteer import Gazetteer

    g = Gazetteer.default()
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    records = []
    for line, r in enumerate(rows, start=2):
        missing = [c for c in ("date", "place", "governorate", "side") if not r.get(c)]
        if missing:
            raise DataError(f"{path}:{line}: missing {', '.join(missing)}", value=r)
        pid = history_place(g, r["place"], r["governorate"])
        state = control_state(
            pid, r["date"], as_reported_by=r["date"] if as_reported else None, store=store
        )
        verdict = "unknown" if not state.side else "right" if state.side == r["side"] else "wrong"
        records.append(
            (
                r["date"],
                r["place"],
                r["governorate"],
                pid,
                r["side"],
                state.side,
                state.status,
                state.confidence,
                state.disputed,
                verdict,
            )
        )
    return pd.DataFrame.from_records(records, columns=list(HISTORY_COLUMNS))
