"""GeoPackage export for QGIS: ``places``, ``areas``, ``governorates``, ``changes``, ``assertions``.

``places`` are points; ``areas`` are the claims about a whole governorate or district, as
that area's polygon with the same fields as places; ``changes`` is what changed each day
since the day before (a point per place and day).

Dates are real GeoPackage ``DATE`` columns (QGIS and GDAL read them as dates), and each
spatial layer carries its default QGIS style in the ``layer_styles`` table (QGIS's own
schema, registered in ``gpkg_contents`` as ``attributes``), so the file opens with the
same colours as the HTML map. For a timeline the styles also switch on the layers'
temporal properties (``valid_from``/``valid_to``) for the Temporal Controller.

The interval bounds ``valid_from``/``valid_to`` are ``DATETIME`` columns holding
``YYYY-MM-DDT00:00:00.000`` (midnight, no time zone): QGIS compiles its temporal filter
(``"valid_from" < make_datetime(…)``) into the provider's SQL, where SQLite compares
text with the literal ``'YYYY-MM-DDT00:00:00.000'``. A plain ``DATE`` (``2024-12-07``)
sorts before that literal of the same day, so the next day's features slipped through;
midnight in exactly the literal's form compares like the dates it stands for, in SQL
and in QGIS's own expression engine alike (both read it as local midnight).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._io import atomic_path
from .._types import DateLike, PathLike
from ._frames import (
    RenderInput,
    area_table,
    change_table,
    governorate_table,
    load,
    place_intervals,
    place_table,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["to_gpkg", "write_gpkg"]

_LAYER_STYLES_SQL = """
CREATE TABLE IF NOT EXISTS "layer_styles" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "f_table_catalog" TEXT(256),
    "f_table_schema" TEXT(256),
    "f_table_name" TEXT(256),
    "f_geometry_column" TEXT(256),
    "styleName" TEXT(30),
    "styleQML" TEXT,
    "styleSLD" TEXT,
    "useAsDefault" BOOLEAN,
    "description" TEXT,
    "owner" TEXT(30),
    "ui" TEXT(30),
    "update_time" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
"""

_ASSERTION_DATES = ("event_date", "source_published")
_PLACE_DATES = ("as_of", "last_change", "valid_from", "valid_to", "date")
#: Interval bounds stored as DATETIME at midnight, in the text form QGIS compiles to.
_INTERVAL = ("valid_from", "valid_to")
MIDNIGHT = "T00:00:00.000"


def _dates_last(frame: Any, date_columns: tuple[str, ...]) -> tuple[Any, list[str]]:
    """Move date columns to the end and turn them into ISO strings (or None)."""
    from ._evidence import iso_date

    present = [c for c in frame.columns if c in date_columns]
    others = [c for c in frame.columns if c not in present]
    out = frame[others + present].copy()
    for column in present:
        out[column] = [iso_date(v) for v in out[column]]
    if hasattr(out, "geometry") and getattr(out, "_geometry_column_name", None):
        out = out.set_geometry(frame.geometry.name)
    return out, present


def _noop(*_args: Any) -> None:
    return None


def _retype_dates(con: sqlite3.Connection, table: str, columns: list[str]) -> None:
    """Re-declare TEXT columns as ``DATE`` (``DATETIME`` at midnight for interval bounds)."""
    for column in columns:
        tmp = f"_{column}_date"
        if column in _INTERVAL:
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{tmp}" DATETIME')
            con.execute(f'UPDATE "{table}" SET "{tmp}" = "{column}" || ?', (MIDNIGHT,))
        else:
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN "{tmp}" DATE')
            con.execute(f'UPDATE "{table}" SET "{tmp}" = "{column}"')
        con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        con.execute(f'ALTER TABLE "{table}" RENAME COLUMN "{tmp}" TO "{column}"')


def _add_styles(con: sqlite3.Connection, styles: dict[str, tuple[str, str]]) -> None:
    """Create QGIS's ``layer_styles`` table with a default style per layer."""
    con.execute(_LAYER_STYLES_SQL)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    con.execute(
        "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description,"
        " last_change) VALUES ('layer_styles', 'attributes', 'layer_styles',"
        " 'QGIS layer styles', ?)",
        (now,),
    )
    for table, (geometry_column, qml) in styles.items():
        con.execute(
            'INSERT INTO "layer_styles" ("f_table_catalog", "f_table_schema", "f_table_name",'
            ' "f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault",'
            ' "description", "owner", "ui") VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
            (
                "",
                "",
                table,
                geometry_column,
                table,
                qml,
                "",
                "syriamap default style",
                "syriamap",
                "",
            ),
        )


def write_gpkg(data: RenderInput, path: PathLike) -> Path:
    """Write a GeoPackage from frames (pure: no fusion or store access). Atomic.

    Parameters
    ----------
    data
        The states to write (one day, or a timeline with ``valid_from``/``valid_to``).
    path
        The ``.gpkg`` file; it is replaced, not appended to.

    Returns
    -------
    pathlib.Path
    """
    import pandas as pd
    import pyogrio

    from .qml import LAYER_STYLES

    target = Path(path)
    if data.is_timeline:
        places = place_intervals(data)
        areas = place_intervals(data, layer="areas")
        parts = []
        for day in data.days:
            table = governorate_table(day)
            table["valid_from"] = day.date
            table["valid_to"] = day.date + dt.timedelta(days=1)
            parts.append(table)
        governorates = pd.concat(parts, ignore_index=True).set_geometry("geometry")
    else:
        places = place_table(data)
        areas = area_table(data)
        governorates = governorate_table(data.days[-1])
        governorates["date"] = data.days[-1].date
    governorates = governorates.set_crs("EPSG:4326", allow_override=True)
    assertions = _assertions_table(data)

    with atomic_path(target, suffix=".gpkg") as tmp:
        tmp.unlink()  # GDAL creates the file itself
        written: dict[str, list[str]] = {}
        for layer, frame, dates, options in (
            (
                "places",
                places,
                _PLACE_DATES,
                # GeoPackage 1.2: the newest version that the GDAL of current LTS QGIS
                # releases opens without a "partially supported" warning.
                {"geometry_type": "Point", "dataset_options": {"VERSION": "1.2"}},
            ),
            (
                "areas",
                areas,
                _PLACE_DATES,
                {"geometry_type": "MultiPolygon", "promote_to_multi": True},
            ),
            (
                "governorates",
                governorates,
                _PLACE_DATES,
                {"geometry_type": "MultiPolygon", "promote_to_multi": True},
            ),
            # what changed each day since the day before (holder, status, new, dropped)
            ("changes", change_table(data), _PLACE_DATES, {"geometry_type": "Point"}),
            ("assertions", assertions, _ASSERTION_DATES, {}),
        ):
            out, date_columns = _dates_last(frame, dates)
            pyogrio.write_dataframe(out, tmp, layer=layer, driver="GPKG", append=False, **options)
            written[layer] = date_columns
        con = sqlite3.connect(tmp)
        try:
            # GeoPackage triggers call these; they are never reached here (no geometry or
            # fid changes), but SQLite wants them defined to re-check the schema.
            for fn in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
                con.create_function(fn, 1, _noop, deterministic=True)
            with con:
                for layer, date_columns in written.items():
                    _retype_dates(con, layer, date_columns)
                geometry = {
                    name: column
                    for name, column in con.execute(
                        "SELECT table_name, column_name FROM gpkg_geometry_columns"
                    )
                }
                _add_styles(
                    con,
                    {
                        layer: (
                            geometry.get(layer, "geom"),
                            LAYER_STYLES[layer](temporal=data.is_timeline),
                        )
                        for layer in ("places", "areas", "governorates", "changes")
                    },
                )
        finally:
            con.close()
    return target


def _assertions_table(data: RenderInput) -> pd.DataFrame:
    """Return the assertions table with each source's publisher, url and date."""
    frame = data.assertions.copy()
    sources = data.sources
    if len(sources):
        extra = sources[["source_id", "publisher", "url", "published"]].rename(
            columns={"published": "source_published"}
        )
        frame = frame.merge(extra, on="source_id", how="left")
    else:
        for column in ("publisher", "url", "source_published"):
            frame[column] = None
    for column in frame.columns:
        if frame[column].dtype == object:
            with contextlib.suppress(TypeError, ValueError):
                frame[column] = frame[column].where(frame[column].notna(), None)
    return frame


def to_gpkg(
    date: DateLike | None,
    path: PathLike,
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    as_reported_by: DateLike | Literal["each"] | None = None,
    store: Any = None,
) -> Path:
    """Write the control state on ``date`` (or over ``start``..``end``) to a GeoPackage.

    Parameters
    ----------
    date
        The date to map, or None with ``start`` and ``end``.
    path
        The ``.gpkg`` file to write (replaced atomically).
    start, end
        An inclusive date range: places carry ``valid_from``/``valid_to`` intervals and
        governorates one row per day.
    as_reported_by
        Use only what had been published by this date; or ``"each"``: each day of a
        timeline as reported by that day (no hindsight).
    store
        A store, a path to one, or None for ``$SYRIAMAP_STORE`` or the bundled seeds.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    InvalidDateError
        For a bad date or range.
    OutputError
        If the file cannot be written.
    """
    data = load(
        date, start=start, end=end, as_reported_by=as_reported_by, store=store, districts=False
    )
    return write_gpkg(data, path)
