"""Governorate and district polygons of Syria (EPSG:4326 GeoDataFrames).

The polygons come from Who's On First, simplified as one coverage by
``scripts/build_gazetteer.py`` (neighbours share edges; no gaps, no overlaps), and ship as
``syriamap/data/governorates.geojson`` and ``syriamap/data/districts.geojson``. The
governorates are the unions of their districts, so both layers agree. Files are read once
and cached; every call returns a fresh copy.
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["districts", "governorates"]

_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()
_COLUMNS = {
    "governorates.geojson": ["place_id", "name", "name_ar", "iso"],
    "districts.geojson": ["place_id", "name", "name_ar", "admin1_iso"],
}


def _load(name: str) -> gpd.GeoDataFrame:
    frame = _CACHE.get(name)
    if frame is None:
        with _LOCK:
            frame = _CACHE.get(name)
            if frame is None:
                import geopandas as gpd

                data = json.loads(resources.files("syriamap.data").joinpath(name).read_bytes())
                frame = gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
                frame = frame[[*_COLUMNS[name], "geometry"]]
                _CACHE[name] = frame
    return frame.copy()


def governorates() -> gpd.GeoDataFrame:
    """Return the 14 governorates.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``place_id, name, name_ar, iso, geometry`` (EPSG:4326), sorted by ``iso``
        (ISO 3166-2: ``SY-DI``, ``SY-DR``, ...).

    Examples
    --------
    >>> len(governorates())
    14
    """
    return _load("governorates.geojson")


def districts() -> gpd.GeoDataFrame:
    """Return the districts (manatiq) with the ISO 3166-2 code of their governorate.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``place_id, name, name_ar, admin1_iso, geometry`` (EPSG:4326).

    Examples
    --------
    >>> sorted(set(districts().admin1_iso)) == sorted(governorates().iso)
    True
    """
    return _load("districts.geojson")
