"""The exports open in a real QGIS with the same styles as the HTML map.

Runs Debian's QGIS (package python3-qgis, driven by the system Python). Skipped when QGIS
is not installed, unless SYRIAMAP_REQUIRE_QGIS=1 (set by .ci/run), where it must run
(``requires("qgis")``, see ``conftest.py``).
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

from syriamap.actors import SIDES
from syriamap.cli import main

SYSTEM_PYTHON = "/usr/bin/python3"

_PROBE = r"""
import json, os, sys
from qgis.core import (
    QgsApplication, QgsDateTimeRange, QgsFeatureRequest, QgsVectorLayer,
    QgsVectorLayerTemporalContext, QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
app = QgsApplication([], False)
app.initQgis()
result = {}
for name, uri in json.loads(sys.argv[1]).items():
    # As QGIS desktop adds a layer (QgisApp / QgsAppLayerHandling): create it without its
    # default style, then load that style (.qml beside the file / gpkg layer_styles). The
    # constructor's own style loading is followed by provider temporal defaults that
    # overwrite a style's temporal properties.
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(uri, name, "ogr", options)
    _, style_loaded = layer.loadDefaultStyle()
    renderer = layer.renderer()
    categorized = renderer is not None and renderer.type() == "categorizedSymbol"
    temporal = layer.temporalProperties()
    # what the Temporal Controller shows on each day: the filter string QGIS itself builds
    # for a one-day frame [day, day + 1), run through the provider as QGIS runs it
    per_day = {}
    if temporal.isActive():
        context = QgsVectorLayerTemporalContext()
        context.setLayer(layer)
        for day in json.loads(sys.argv[2]):
            d = QDate.fromString(day, "yyyy-MM-dd")
            frame = QgsDateTimeRange(
                QDateTime(d, QTime(0, 0, 0)), QDateTime(d.addDays(1), QTime(0, 0, 0)),
                True, False)
            expression = temporal.createFilterString(context, frame)
            request = QgsFeatureRequest().setFilterExpression(expression)
            per_day[day] = sum(1 for _ in layer.getFeatures(request))
    labeling = layer.labeling()
    result[name] = {
        "per_day": per_day,
        "labels": bool(layer.labelsEnabled()) and labeling is not None,
        "label_field": labeling.settings().fieldName
        if labeling is not None and labeling.type() == "simple" else None,
        "valid": layer.isValid(),
        "style_loaded": bool(style_loaded),
        "features": layer.featureCount(),
        "geometry": QgsWkbTypes.geometryDisplayString(layer.geometryType()),
        "renderer": renderer.type() if renderer else None,
        "attribute": renderer.classAttribute() if categorized else None,
        "categories": {
            str(c.value()): c.symbol().color().name() for c in renderer.categories()
        } if categorized else {},
        "fields": {f.name(): f.typeName() for f in layer.fields()},
        "temporal": {
            "active": temporal.isActive(),
            "mode": int(temporal.mode()),
            "start": temporal.startField(),
            "end": temporal.endField(),
            "limit": int(temporal.limitMode()),
        },
    }
    del layer
print(json.dumps(result))
sys.stdout.flush()
os._exit(0)  # QGIS may crash while tearing down; the answer is already out
"""


pytestmark = pytest.mark.requires("qgis")


def _probe(layers: dict[str, str], workdir: Path, days: list[str] = ()) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(workdir)}
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", _PROBE, json.dumps(layers), json.dumps(list(days))],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _export(out: Path, args: list[str], stem: str) -> dict[str, str]:
    assert main(["render", *args, "--format", "all", "--out", str(out)]) == 0
    gpkg = out / f"{stem}.gpkg"
    layers = {f"gpkg_{k}": f"{gpkg}|layername={k}" for k in (*KINDS, "assertions")}
    layers.update({f"geojson_{k}": str(out / f"{stem}-{k}.geojson") for k in KINDS})
    return layers


#: The spatial layers of the exports (GeoPackage layers and GeoJSON files).
KINDS = ("places", "areas", "governorates", "changes")


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    out = tmp_path_factory.mktemp("qgis")
    layers = _export(out, ["--date", "2024-12-07"], "syriamap-2024-12-07")
    return _probe(layers, out), out


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    out = tmp_path_factory.mktemp("qgis_timeline")
    layers = _export(
        out, ["--from", "2024-11-27", "--to", "2024-12-08"], "syriamap-2024-11-27_2024-12-08"
    )
    return _probe(layers, out, TIMELINE_DAYS)


TIMELINE_DAYS = [f"2024-11-{d}" for d in (27, 28, 29, 30)] + [
    f"2024-12-{d:02d}" for d in range(1, 9)
]


SPATIAL = [f"{fmt}_{kind}" for fmt in ("gpkg", "geojson") for kind in KINDS]
CLASS_FIELD = {
    "places": "side",
    "areas": "side",
    "governorates": "dominant_side",
    "changes": "after_side",
}


@pytest.mark.slow
@pytest.mark.parametrize("layer", SPATIAL)
def test_spatial_layers_load_with_the_default_style(opened, layer):
    result, _ = opened
    info = result[layer]
    assert info["valid"]
    assert info["features"] > 0
    # The .qml beside the GeoJSON / the layer_styles row of the GeoPackage was applied.
    assert info["style_loaded"]
    assert info["renderer"] == "categorizedSymbol"
    assert info["attribute"] == CLASS_FIELD[layer.split("_", 1)[1]]
    assert set(SIDES) <= set(info["categories"])


@pytest.mark.slow
def test_area_claims_are_polygons_and_places_points(opened):
    """Claims about whole governorates/districts are their own polygon layer."""
    from syriamap import control_at

    result, _ = opened
    for fmt in ("gpkg", "geojson"):
        assert result[f"{fmt}_areas"]["geometry"] == "Polygon", fmt
        assert result[f"{fmt}_places"]["geometry"] == "Point", fmt
        both = result[f"{fmt}_areas"]["features"] + result[f"{fmt}_places"]["features"]
        assert both == len(control_at("2024-12-07")), fmt


@pytest.mark.slow
def test_qgis_colours_match_the_html_map(opened):
    from syriamap.actors import side_colour

    result, _ = opened
    layers = [f"{fmt}_{kind}" for fmt in ("gpkg", "geojson") for kind in ("places", "areas")]
    for layer in [*layers, "gpkg_changes", "geojson_changes"]:
        colours = result[layer]["categories"]
        for side in SIDES:
            assert colours[side].lower() == side_colour(side).lower(), (layer, side)


@pytest.mark.slow
def test_dates_are_date_fields_in_qgis(opened):
    result, _ = opened
    assert result["gpkg_places"]["fields"]["as_of"] == "Date"
    assert result["gpkg_places"]["fields"]["last_change"] == "Date"
    assert result["gpkg_assertions"]["fields"]["event_date"] == "Date"
    assert result["geojson_places"]["fields"]["last_change"] == "Date"


@pytest.mark.slow
def test_assertions_table_has_every_claim(opened):
    result, _ = opened
    from syriamap.store import open_store

    assert result["gpkg_assertions"]["valid"]
    assert result["gpkg_assertions"]["features"] == len(open_store().assertions_frame())


@pytest.mark.slow
@pytest.mark.parametrize("layer", SPATIAL)
def test_timeline_layers_load_with_temporal_properties(timeline, layer):
    """The style switches on the Temporal Controller with valid_from/valid_to (half-open)."""
    info = timeline[layer]
    assert info["valid"] and info["style_loaded"]
    assert info["renderer"] == "categorizedSymbol"  # symbology still applied
    # midnight DATETIMEs: QGIS compiles its temporal filter to text comparisons with
    # 'YYYY-MM-DDT00:00:00.000' in the GeoPackage's SQL (see syriamap.render.gpkg)
    expected = "DateTime" if layer.startswith("gpkg") else "Date"
    assert info["fields"]["valid_from"] == expected
    assert info["fields"]["valid_to"] == expected
    assert info["temporal"] == {
        "active": True,
        "mode": 2,  # Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields
        "start": "valid_from",
        "end": "valid_to",  # not QGIS's own guess, last_change
        "limit": 0,  # Qgis.VectorTemporalLimitMode.IncludeBeginExcludeEnd
    }


@pytest.mark.slow
def test_timeline_governorates_have_one_feature_per_day(timeline):
    days = 12  # 2024-11-27 .. 2024-12-08
    for layer in ("gpkg_governorates", "geojson_governorates"):
        assert timeline[layer]["features"] == days * 14, layer


@pytest.mark.slow
@pytest.mark.parametrize("layer", SPATIAL)
def test_single_date_layers_have_no_temporal_properties(opened, layer):
    result, _ = opened
    assert result[layer]["style_loaded"]
    assert result[layer]["temporal"]["active"] is False


@pytest.mark.slow
def test_temporal_filter_shows_each_day_the_same_features_in_gpkg_and_geojson(timeline):
    """Issue 10.7: with QGIS 3.22's own day filter the GeoPackage let the next day through."""
    from syriamap import changes, control_at

    for kind in KINDS:
        gpkg, geojson = timeline[f"gpkg_{kind}"]["per_day"], timeline[f"geojson_{kind}"]["per_day"]
        assert list(gpkg) == TIMELINE_DAYS
        assert gpkg == geojson, kind
    for day, before in (("2024-12-06", "2024-12-05"), ("2024-12-07", "2024-12-06")):
        shown = timeline["gpkg_places"]["per_day"][day] + timeline["gpkg_areas"]["per_day"][day]
        assert shown == len(control_at(day)), day
        assert timeline["gpkg_areas"]["per_day"][day] > 0, day
        assert timeline["gpkg_governorates"]["per_day"][day] == 14, day
        assert timeline["gpkg_changes"]["per_day"][day] == len(changes(before, day)), day


@pytest.mark.slow
@pytest.mark.parametrize("layer", SPATIAL)
def test_layers_are_labelled_by_name(opened, layer):
    result, _ = opened
    assert result[layer]["labels"], layer
    assert result[layer]["label_field"] == "name", layer
