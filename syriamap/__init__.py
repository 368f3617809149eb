"""syriamap: news reporting about the war in Syria turned into dated control maps.

text → assertions → maps, with every coloured dot traceable to a quote and a source.

The five-minute tour::

    import syriamap

    syriamap.resolve("Saasaa")                    # ranked gazetteer matches
    store = syriamap.open_store()                 # bundled seed claims, or $SYRIAMAP_STORE
    store.assertions_frame(place_id=...)          # the claims, as a DataFrame
    syriamap.control_at("2024-12-07")             # GeoDataFrame: who holds what, and why
    syriamap.capitals("2024-12-07")               # the 14 governorate capitals
    syriamap.explain(place_id, "2024-12-07")      # the weighted claims behind one row
    syriamap.changes("2024-12-06", "2024-12-07")  # what changed, and the claims behind it
    syriamap.render_html("2024-12-07")            # a map that displays inline
    syriamap.to_gpkg("2024-12-07", "map.gpkg")    # for QGIS (or to_geojson + write_geojson)
    syriamap.extract(text, published="2024-12-07")  # candidate claims from an article
    syriamap.ingest("articles/", store="claims.sqlite", workers=2)  # a corpus, in parallel

Heavy libraries (geopandas, pyogrio, folium) load only when a function needs them.
"""

from __future__ import annotations

from .actors import SIDES, Actor, actors, get_actor, side_colour
from .assertions import Assertion, DatePrecision, PlacePrecision, Relation, Source, Stance
from .boundaries import districts, governorates
from .changes import changes
from .errors import (
    DataError,
    InvalidDateError,
    OutputError,
    SchemaVersionError,
    StoreError,
    SyriamapError,
    UnknownActorError,
    UnknownPlaceError,
    VocabularyError,
)
from .extract import ExtractWarning, extract
from .fusion import ControlState, capitals, control_at, explain, governorate_summary
from .gazetteer import Gazetteer, Match, Place, resolve
from .ingest import IngestSummary, ingest
from .render import MapPage, render_html, to_folium, to_geojson, to_gpkg, write_geojson
from .store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Assertion",
    "ControlState",
    "DataError",
    "DatePrecision",
    "ExtractWarning",
    "Gazetteer",
    "IngestSummary",
    "InvalidDateError",
    "MapPage",
    "Match",
    "OutputError",
    "Place",
    "PlacePrecision",
    "Relation",
    "SIDES",
    "SchemaVersionError",
    "Source",
    "Stance",
    "Store",
    "StoreError",
    "SyriamapError",
    "UnknownActorError",
    "UnknownPlaceError",
    "VocabularyError",
    "__version__",
    "actors",
    "capitals",
    "changes",
    "control_at",
    "districts",
    "explain",
    "extract",
    "get_actor",
    "governorate_summary",
    "governorates",
    "ingest",
    "open_store",
    "render_html",
    "resolve",
    "side_colour",
    "to_folium",
    "to_geojson",
    "to_gpkg",
    "write_geojson",
]
