"""QGIS styles: well-formed QML, one category per side, the HTML map's colours."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from syriamap.render.qml import governorates_qml, places_qml
from syriamap.render.style import MARKER_STYLES, side_colours, sides


def _rgb(colour: str) -> str:
    c = colour.lstrip("#")
    return ",".join(str(int(c[i : i + 2], 16)) for i in (0, 2, 4))


@pytest.mark.parametrize(
    "qml, attr, kind", [(places_qml, "side", "marker"), (governorates_qml, "dominant_side", "fill")]
)
def test_categories_per_side_with_html_colours(qml, attr, kind):
    root = ET.fromstring(qml().split("\n", 1)[1])  # skip the DOCTYPE line
    renderer = root.find("renderer-v2")
    assert renderer.get("type") == "categorizedSymbol"
    assert renderer.get("attr") == attr
    categories = {c.get("value"): c.get("symbol") for c in renderer.iter("category")}
    assert set(sides()) <= set(categories)
    assert "" in categories  # places with no known holder
    symbols = {s.get("name"): s for s in renderer.find("symbols")}
    for side in sides():
        symbol = symbols[categories[side]]
        assert symbol.get("type") == kind
        colour = symbol.find("layer/Option/Option[@name='color']").get("value")
        assert colour.startswith(_rgb(side_colours()[side]) + ",")


def test_places_symbols_differ_by_status():
    text = places_qml()
    root = ET.fromstring(text.split("\n", 1)[1])
    layer = root.find(".//symbol/layer")
    props = {
        o.get("name"): o
        for o in layer.find("data_defined_properties/Option/Option[@name='properties']")
    }
    assert {"fillColor", "outlineColor", "outlineStyle", "outlineWidth", "size"} <= set(props)
    style_expr = props["outlineStyle"].find("Option[@name='expression']").get("value")
    for key, style in MARKER_STYLES.items():
        assert f"'{key}'" in style_expr
        assert f"'{style['qgis_stroke']}'" in style_expr
    assert "'contested'" in style_expr and '"confirmed"' in style_expr


@pytest.mark.parametrize("qml", [places_qml, governorates_qml])
def test_timeline_styles_switch_on_temporal_properties(qml):
    root = ET.fromstring(qml(temporal=True).split("\n", 1)[1])
    # QGIS only applies the <temporal> element when its category is listed
    assert set(root.get("styleCategories").split("|")) == {"Symbology", "Labeling", "Temporal"}
    temporal = root.find("temporal")
    assert temporal.get("enabled") == "1"
    assert temporal.get("mode") == "2"  # start and end from separate fields
    assert temporal.get("startField") == "valid_from"
    assert temporal.get("endField") == "valid_to"
    assert temporal.get("limitMode") == "0"  # include start, exclude end
    assert root.find("renderer-v2") is not None


@pytest.mark.parametrize("qml", [places_qml, governorates_qml])
def test_single_date_styles_have_no_temporal_properties(qml):
    root = ET.fromstring(qml().split("\n", 1)[1])
    assert root.get("styleCategories") == "Symbology|Labeling"
    assert root.find("temporal") is None


@pytest.mark.parametrize("qml", [places_qml, governorates_qml])
def test_styles_label_places_and_governorates_by_name(qml):
    root = ET.fromstring(qml().split("\n", 1)[1])
    assert root.get("labelsEnabled") == "1"
    assert root.find("labeling/settings/text-style").get("fieldName") == "name"
    priority = root.find(".//dd_properties//Option[@name='Priority']")
    assert priority is not None
