"""The exports open in a real QGIS with the same styles as the HTML map.

Runs Debian's QGIS (package python3-qgis, driven by the system Python). Skipped when QGIS
is not installed, unless SYRIAMAP_REQUIRE_QGIS=1 (set by .ci/run), where it must run.
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
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
result = {}
for name, uri in json.loads(sys.argv[1]).items():
    layer = QgsVectorLayer(uri, name, "ogr")
    renderer = layer.renderer()
    categorized = renderer is not None and renderer.type() == "categorizedSymbol"
    result[name] = {
        "valid": layer.isValid(),
        "features": layer.featureCount(),
        "renderer": renderer.type() if renderer else None,
        "attribute": renderer.classAttribute() if categorized else None,
        "categories": {
            str(c.value()): c.symbol().color().name() for c in renderer.categories()
        } if categorized else {},
        "fields": {f.name(): f.typeName() for f in layer.fields()},
    }
    del layer
print(json.dumps(result))
sys.stdout.flush()
os._exit(0)  # QGIS may crash while tearing down; the answer is already out
"""


def _qgis_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, check=False
    )
    return probe.returncode == 0


if not _qgis_available():
    if os.environ.get("SYRIAMAP_REQUIRE_QGIS") == "1":
        raise RuntimeError("SYRIAMAP_REQUIRE_QGIS=1 but python3-qgis is not installed")
    pytest.skip("QGIS (python3-qgis) is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    out = tmp_path_factory.mktemp("qgis")
    assert main(["render", "--date", "2024-12-07", "--format", "all", "--out", str(out)]) == 0
    gpkg = out / "syriamap-2024-12-07.gpkg"
    layers = {
        "gpkg_places": f"{gpkg}|layername=places",
        "gpkg_governorates": f"{gpkg}|layername=governorates",
        "gpkg_assertions": f"{gpkg}|layername=assertions",
        "geojson_places": str(out / "syriamap-2024-12-07-places.geojson"),
        "geojson_governorates": str(out / "syriamap-2024-12-07-governorates.geojson"),
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(out)}
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", _PROBE, json.dumps(layers)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), out


@pytest.mark.slow
@pytest.mark.parametrize(
    "layer", ["gpkg_places", "gpkg_governorates", "geojson_places", "geojson_governorates"]
)
def test_spatial_layers_load_with_the_default_style(opened, layer):
    result, _ = opened
    info = result[layer]
    assert info["valid"]
    assert info["features"] > 0
    # The .qml beside the GeoJSON / the layer_styles row of the GeoPackage was applied.
    assert info["renderer"] == "categorizedSymbol"
    assert info["attribute"] in {"side", "dominant_side"}
    assert set(SIDES) <= set(info["categories"])


@pytest.mark.slow
def test_qgis_colours_match_the_html_map(opened):
    from syriamap.actors import side_colour

    result, _ = opened
    for layer in ("gpkg_places", "geojson_places"):
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
