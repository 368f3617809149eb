"""Maps: the self-contained HTML page, GeoJSON and GeoPackage exports, QGIS styles.

Pure renderers take frames (:class:`RenderInput`: the days' control states, the claims and
sources, area polygons, capitals; build one with :func:`load` or by hand) and write a page
(:func:`build_page`), a GeoPackage (:func:`write_gpkg`) or a static map
(:func:`write_static`); the ``render_html``/``to_*`` functions compute the frames with
:mod:`syriamap.fusion` first. :func:`render_files` is the multi-format writer behind
``syriamap render`` (checks, then all files or none); :func:`write_outputs` writes the
same files from frames.
"""

from __future__ import annotations

from ._frames import DayState, RenderInput, date_span, load, reported_each_day
from .folium_map import to_folium
from .geojson import to_geojson, write_geojson
from .gpkg import to_gpkg, write_gpkg
from .html import MapPage, build_page, render_html
from .outputs import (
    DATA_FORMATS,
    FORMATS,
    PRINT_FORMATS,
    OutputPlan,
    RenderResult,
    output_files,
    parse_formats,
    plan_outputs,
    render_files,
    write_outputs,
)
from .static import write_static

__all__ = [
    "DATA_FORMATS",
    "FORMATS",
    "PRINT_FORMATS",
    "DayState",
    "MapPage",
    "OutputPlan",
    "RenderInput",
    "RenderResult",
    "build_page",
    "date_span",
    "load",
    "output_files",
    "parse_formats",
    "plan_outputs",
    "render_files",
    "render_html",
    "reported_each_day",
    "to_folium",
    "to_geojson",
    "to_gpkg",
    "write_geojson",
    "write_gpkg",
    "write_outputs",
    "write_static",
]
