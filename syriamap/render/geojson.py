"""GeoJSON export (RFC 7946) of places, areas, governorates and changes, with QGIS styles.

Layers: ``places`` (points), ``areas`` (claims about a whole governorate or district, as
its polygon, with the same properties as places), ``governorates`` (per-side shares) and
``changes`` (what changed each day since the day before, at the place's point).

Coordinates are longitude/latitude (WGS 84) rounded to 6 decimals (about 0.1 m), exterior
rings are counter-clockwise and holes clockwise, there is no ``crs`` member, and properties
are flat and typed (dates are ``YYYY-MM-DD`` strings). A timeline export has one feature per
place and unchanged state with ``valid_from`` (first day) and ``valid_to`` (the day after
the last day), for QGIS's Temporal Controller ("Separate fields for start and end",
"Include start, exclude end").
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .._io import atomic_write
from .._types import DateLike, PathLike
from ..errors import VocabularyError
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
    import geopandas as gpd

__all__ = [
    "LAYERS",
    "areas_geojson",
    "changes_geojson",
    "feature_collection",
    "governorates_geojson",
    "places_geojson",
    "to_geojson",
    "write_geojson",
]

LAYERS = ("places", "areas", "governorates", "changes")
PRECISION = 6


def _value(value: Any) -> Any:
    """Return a JSON-ready scalar: numpy → Python, NaN/NA → None, dates → ISO strings."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (str, bool, int)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _geometry(geom: Any) -> dict[str, Any] | None:
    """RFC 7946 geometry: rounded to 6 decimals, then oriented (exterior CCW)."""
    import numpy as np
    import shapely
    from shapely.geometry import mapping

    if geom is None or geom.is_empty:
        return None
    geom = shapely.transform(geom, lambda c: np.round(c, PRECISION))
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    return json.loads(json.dumps(mapping(geom)))  # tuples → lists


def feature_collection(table: gpd.GeoDataFrame, *, id_field: str | None = None) -> dict:
    """Turn a flat GeoDataFrame into an RFC 7946 FeatureCollection (a dict).

    Parameters
    ----------
    table
        Flat columns plus a geometry column, in EPSG:4326.
    id_field
        Use this column as each feature's ``id``.
    """
    geometry_name = table.geometry.name
    columns = [c for c in table.columns if c != geometry_name]
    features = []
    records = table[columns].to_dict("records")
    for rec, geom in zip(records, table.geometry.values, strict=True):
        props = {k: _value(v) for k, v in rec.items()}
        feature: dict[str, Any] = {"type": "Feature"}
        if id_field:
            feature["id"] = props[id_field]
        feature["geometry"] = _geometry(geom)
        feature["properties"] = props
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def places_geojson(data: RenderInput) -> dict:
    """Places as a FeatureCollection: the last day's state, or state intervals for a timeline."""
    table = place_intervals(data) if data.is_timeline else place_table(data)
    return feature_collection(table)


def areas_geojson(data: RenderInput) -> dict:
    """Claims about whole governorates or districts as (Multi)Polygons of those areas.

    Same properties as :func:`places_geojson` (one state per area, or state intervals for
    a timeline); the geometry is the area's outline instead of its centroid.
    """
    table = place_intervals(data, layer="areas") if data.is_timeline else area_table(data)
    return feature_collection(table)


def changes_geojson(data: RenderInput) -> dict:
    """Return what changed each day since the day before: one point per place and day.

    Properties: ``date``, ``place_id``, ``name``, ``kind``, ``change`` (``holder``,
    ``status``, ``new``, ``dropped``), ``before_*``/``after_*`` side, actor and status, and
    ``claims`` (the assertion ids behind the change); a timeline adds ``valid_from`` and
    ``valid_to`` (the day and the day after).
    """
    return feature_collection(change_table(data))


def governorates_geojson(data: RenderInput) -> dict:
    """Governorates with per-side shares: the last day, or one feature per day for a timeline."""
    import datetime as dt

    import pandas as pd

    if not data.is_timeline:
        table = governorate_table(data.days[-1])
        table.insert(len(table.columns) - 1, "date", data.days[-1].date.isoformat())
        return feature_collection(table)
    parts = []
    for day in data.days:
        table = governorate_table(day)
        table["valid_from"] = day.date.isoformat()
        table["valid_to"] = (day.date + dt.timedelta(days=1)).isoformat()
        parts.append(table)
    merged = pd.concat(parts, ignore_index=True)
    return feature_collection(merged.set_geometry(parts[0].geometry.name))


def to_geojson(
    date: DateLike | None = None,
    *,
    layer: Literal["places", "areas", "governorates", "changes"] = "places",
    start: DateLike | None = None,
    end: DateLike | None = None,
    as_reported_by: DateLike | Literal["each"] | None = None,
    store: Any = None,
) -> dict:
    """Return the control state on ``date`` (or over ``start``..``end``) as GeoJSON.

    Parameters
    ----------
    date
        The date to map (``YYYY-MM-DD`` or a date).
    layer
        ``"places"`` (points), ``"areas"`` (claims about whole governorates or districts,
        as polygons), ``"governorates"`` (polygons with per-side shares) or ``"changes"``
        (what changed each day, as points).
    start, end
        An inclusive date range instead of ``date``: features carry ``valid_from`` and
        ``valid_to`` (exclusive) for QGIS's Temporal Controller.
    as_reported_by
        Use only what had been published by this date; or ``"each"``: each day of a
        timeline as reported by that day (no hindsight).
    store
        A store, a path to one, or None for ``$SYRIAMAP_STORE`` or the bundled seeds.

    Returns
    -------
    dict
        An RFC 7946 FeatureCollection.

    Raises
    ------
    InvalidDateError
        For a bad date or range.
    VocabularyError
        For an unknown layer.

    See Also
    --------
    write_geojson : write it to a file with a QGIS style beside it.
    """
    if layer not in LAYERS:
        raise VocabularyError("layer", layer, LAYERS)
    data = load(
        date, start=start, end=end, as_reported_by=as_reported_by, store=store, districts=False
    )
    make = {
        "places": places_geojson,
        "areas": areas_geojson,
        "governorates": governorates_geojson,
        "changes": changes_geojson,
    }[layer]
    return make(data)


def dumps(collection: Mapping[str, Any]) -> str:
    """Compact UTF-8 JSON text of a FeatureCollection."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def is_temporal(collection: Mapping[str, Any]) -> bool:
    """Tell whether features carry ``valid_from``/``valid_to`` (a timeline export)."""
    first = next(iter(collection.get("features", [])), None)
    props = (first or {}).get("properties") or {}
    return "valid_from" in props and "valid_to" in props


def write_geojson(
    collection: Mapping[str, Any],
    path: PathLike,
    *,
    layer: str | None = None,
    temporal: bool | None = None,
) -> Path:
    """Write a FeatureCollection atomically, with a ``.qml`` QGIS style of the same base name.

    Parameters
    ----------
    collection
        What :func:`to_geojson` returned.
    path
        The ``.geojson`` file to write.
    layer
        ``"places"``, ``"areas"``, ``"governorates"`` or ``"changes"`` selects the style
        (default: guessed from the features: ``change`` → changes, a point → places,
        ``dominant_side`` → governorates, else areas); ``""`` writes no style.
    temporal
        Put temporal properties (``valid_from``/``valid_to``) into the style (default:
        when the features carry those fields, i.e. a timeline).

    Returns
    -------
    pathlib.Path
        The GeoJSON file written.
    """
    from .qml import LAYER_STYLES

    target = Path(path)
    if layer is None:
        first = next(iter(collection.get("features", [])), None) or {}
        kind = (first.get("geometry") or {}).get("type", "Point")
        props = first.get("properties") or {}
        if "change" in props:
            layer = "changes"
        elif kind == "Point":
            layer = "places"
        else:
            layer = "governorates" if "dominant_side" in props else "areas"
    elif layer and layer not in LAYERS:
        raise VocabularyError("layer", layer, LAYERS)
    with atomic_write(target) as fh:
        fh.write(dumps(collection))
    if temporal is None:
        temporal = is_temporal(collection)
    if layer:
        qml = LAYER_STYLES[layer](temporal=temporal)
        with atomic_write(target.with_suffix(".qml")) as fh:
            fh.write(qml)
    return target
