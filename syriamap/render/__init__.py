"""Maps: the self-contained HTML page, GeoJSON and GeoPackage exports, QGIS styles.

Pure renderers take frames (:class:`~syriamap.render._frames.RenderInput`); the public
functions below compute those frames with :mod:`syriamap.fusion` first.
"""

from __future__ import annotations

from .folium_map import to_folium
from .geojson import to_geojson, write_geojson
from .gpkg import to_gpkg
from .html import MapPage, render_html

__all__ = ["MapPage", "render_html", "to_folium", "to_geojson", "to_gpkg", "write_geojson"]
