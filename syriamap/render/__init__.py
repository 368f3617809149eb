"""Maps: the self-contained HTML page, GeoJSON and GeoPackage exports, QGIS styles.

Pure renderers take frames (:class:`RenderInput`: the days' control states, the claims and
sources, area polygons, capitals; build one with :func:`load` or by hand) and write a page
(:func:`build_page`), a GeoPackage (:func:`write_gpkg`) or a static map
(:func:`write_static`); the ``render_html``/``to_*`` functions compute the frames with
:mod:`syriamap.fusion` first.
"""

from __future__ import annotations

from ._frames import DayState, RenderInput, load
from .folium_map import to_folium
from .geojson import to_geojson, write_geojson
from .gpkg import to_gpkg, write_gpkg
from .html import MapPage, build_page, render_html
from .static import write_static

__all__ = [
    "DayState",
    "MapPage",
    "RenderInput",
    "build_page",
    "load",
    "render_html",
    "to_folium",
    "to_geojson",
    "to_gpkg",
    "write_geojson",
    "write_gpkg",
    "write_static",
]
