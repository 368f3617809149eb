"""The public render contract: the multi-format writer is the library's, the CLI only calls it.

Also the layers of the exports: claims about a whole area are polygons of their own
``areas`` layer (never centroid points among the places), and what changed each day is a
``changes`` layer in GeoJSON as in the GeoPackage.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pyogrio
import pytest
from render_synthetic import make_input
from shapely.geometry import Point, shape

import syriamap
from syriamap.errors import OutputError, VocabularyError
from syriamap.render import (
    RenderInput,
    load,
    output_files,
    parse_formats,
    plan_outputs,
    render_files,
    write_outputs,
)
from syriamap.render.geojson import areas_geojson, changes_geojson, places_geojson
from syriamap.render.gpkg import write_gpkg
from syriamap.render.qml import areas_qml, changes_qml
from syriamap.render.style import AREA_KINDS, side_colours

CLI = Path(syriamap.__file__).parent / "cli"


def _render_imports(path: Path) -> list[str]:
    """Every name a module imports from ``syriamap.render`` (dotted, relative resolved)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # inside syriamap.cli: ``..render`` is syriamap.render
                module = "syriamap." + module if node.level == 2 else "syriamap.cli." + module
            if module.startswith("syriamap.render"):
                found += [f"{module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("syriamap.render")]
    return found


def test_the_cli_imports_no_private_render_module():
    imports = {p.name: _render_imports(p) for p in sorted(CLI.glob("*.py"))}
    assert any(imports.values()), "the CLI should import syriamap.render"
    private = [
        (name, dotted)
        for name, found in imports.items()
        for dotted in found
        if any(part.startswith("_") for part in dotted.split(".")[1:])
    ]
    assert private == []


def test_the_cli_render_command_only_calls_the_library():
    tree = ast.parse((CLI / "_render.py").read_text("utf-8"))
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert defined == {"render"}  # no writer, no target planning of its own
    assert _render_imports(CLI / "_render.py") == ["syriamap.render.render_files"]


def test_public_names_are_typed():
    import inspect
    import typing

    hints = typing.get_type_hints(write_outputs)
    assert hints["data"] is RenderInput and "return" in hints
    assert inspect.signature(render_files).return_annotation == "RenderResult"
    assert inspect.signature(render_files).parameters["out"].kind is inspect.Parameter.KEYWORD_ONLY


def test_formats_and_files():
    assert parse_formats(["geojson,HTML", "pdf"]) == ["html", "geojson", "pdf"]
    with pytest.raises(VocabularyError, match="kml"):
        parse_formats(["kml"])
    names = [n for _, n in output_files("m", ["geojson"])]
    assert names == [
        f"m-{layer}.{ext}"
        for layer in ("places", "areas", "governorates", "changes")
        for ext in ("geojson", "qml")
    ]


def test_plan_refuses_a_file_where_a_folder_is_needed(tmp_path):
    with pytest.raises(OutputError, match="needs a folder"):
        plan_outputs(tmp_path / "x.geojson", "m", ["geojson"])
    plan = plan_outputs(tmp_path / "new", "m", ["html", "gpkg"])
    assert plan.create == tmp_path / "new"
    assert plan.targets == {"html": tmp_path / "new/m.html", "gpkg": tmp_path / "new/m.gpkg"}


def test_write_outputs_writes_all_or_nothing(tmp_path):
    data = make_input(12, hostile=False)
    good = tmp_path / "m.html"
    with pytest.raises(OutputError, match="missing"):
        write_outputs(data, {"html": good, "gpkg": tmp_path / "missing" / "m.gpkg"})
    assert list(tmp_path.iterdir()) == []  # the page that could be written was not left
    targets = dict(plan_outputs(tmp_path, "m", ["html", "geojson", "gpkg"]).targets)
    summary = write_outputs(data, targets)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in targets.values())
    assert summary["places"] == len(data.days[-1].places)


def test_render_files_from_the_library(tmp_path):
    result = render_files("2024-12-07", out=tmp_path / "maps", formats=["geojson"])
    assert set(result.files) == {
        k
        for layer in ("places", "areas", "governorates", "changes")
        for k in (layer, layer + "_qml")
    }
    assert all(p.is_file() for p in result.files.values())
    assert result.summary_line().startswith("2024-12-07: ")


# -- areas ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> RenderInput:
    return load("2024-12-07", districts=False)


def test_area_claims_are_polygons_not_places(seeds, tmp_path):
    places = places_geojson(seeds)["features"]
    areas = areas_geojson(seeds)["features"]
    assert areas and all(f["geometry"]["type"] == "MultiPolygon" for f in areas)
    assert all(f["geometry"]["type"] == "Point" for f in places)
    assert not any(f["properties"]["kind"] in AREA_KINDS for f in places)
    expected = seeds.days[-1].places
    ids = [f["properties"]["place_id"] for f in places + areas]
    assert sorted(ids) == sorted(expected["place_id"])  # every place once, in one layer
    # the same properties, and each polygon is the area whose centroid the point was
    assert list(areas[0]["properties"]) == list(places[0]["properties"])
    points = dict(zip(expected["place_id"], expected.geometry, strict=True))
    for feature in areas:
        props = feature["properties"]
        assert props["kind"] in AREA_KINDS and props["side"] and props["status"]
        polygon = shape(feature["geometry"])
        centroid = points[props["place_id"]]
        assert polygon.distance(Point(centroid.x, centroid.y)) < 0.05, props["name"]
        assert polygon.area > 0.05  # a governorate or district, not a dot
    # the GeoPackage has the same areas layer
    gpkg = pyogrio.read_dataframe(write_gpkg(seeds, tmp_path / "a.gpkg"), layer="areas")
    assert sorted(gpkg["place_id"]) == sorted(f["properties"]["place_id"] for f in areas)
    assert set(gpkg.geometry.geom_type) == {"MultiPolygon"}
    assert pyogrio.read_info(tmp_path / "a.gpkg", layer="places")["features"] == len(places)


def test_timeline_areas_carry_intervals():
    data = load(start="2024-12-06", end="2024-12-07", districts=False)
    areas = areas_geojson(data)["features"]
    assert areas
    for day in ("2024-12-06", "2024-12-07"):
        shown = [
            f for f in areas if f["properties"]["valid_from"] <= day < f["properties"]["valid_to"]
        ]
        state = {s.date.isoformat(): s for s in data.days}[day].places
        assert len(shown) == int(state["kind"].isin(AREA_KINDS).sum()), day


def test_areas_style_is_an_outline_in_the_side_colours():
    qml = areas_qml()
    assert 'attr="side"' in qml and "<layerGeometryType>2</layerGeometryType>" in qml
    assert '<prop k="style" v="no"' in qml  # outline only: the governorate shading shows
    for colour in side_colours().values():
        r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
        assert f'k="outline_color" v="{r},{g},{b},' in qml
    assert "'dash'" in qml and "'dot'" in qml  # contested / only claimed
    assert "<temporal" in areas_qml(temporal=True)


# -- changes -------------------------------------------------------------------------------


def test_changes_geojson_matches_syriamap_changes(seeds):
    features = changes_geojson(seeds)["features"]
    expected = syriamap.changes("2024-12-06", "2024-12-07")
    assert [f["properties"]["place_id"] for f in features] == list(expected["place_id"])
    assert [f["properties"]["change"] for f in features] == list(expected["change"])
    assert all(f["properties"]["date"] == "2024-12-07" for f in features)
    assert all(f["geometry"]["type"] == "Point" for f in features)
    homs = next(f for f in features if f["properties"]["place_id"] == "wof:421168647")
    assert (homs["properties"]["before_side"], homs["properties"]["after_side"]) == (
        "government",
        "opposition",
    )
    assert homs["properties"]["claims"]


def test_timeline_changes_show_on_their_day(tmp_path):
    data = load(start="2024-12-05", end="2024-12-07", districts=False)
    features = changes_geojson(data)["features"]
    for f in features:
        p = f["properties"]
        assert p["valid_from"] == p["date"] < p["valid_to"]
    gpkg = pyogrio.read_dataframe(write_gpkg(data, tmp_path / "t.gpkg"), layer="changes")
    assert len(gpkg) == len(features) > 0
    per_day = json.dumps(sorted(p["properties"]["date"] for p in features))
    assert "2024-12-07" in per_day and "2024-12-06" in per_day


def test_changes_style_marks_the_new_holder(tmp_path):
    qml = changes_qml()
    assert 'attr="after_side"' in qml and "<layerGeometryType>0</layerGeometryType>" in qml
    for side, colour in side_colours().items():
        assert f'value="{side}"' in qml
        r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
        assert f'k="color" v="{r},{g},{b},255"' in qml
    import sqlite3

    path = write_gpkg(make_input(10, hostile=False), tmp_path / "s.gpkg")
    with sqlite3.connect(path) as con:
        styled = dict(con.execute('SELECT f_table_name, styleQML FROM "layer_styles"'))
    assert styled["changes"] == changes_qml() and styled["areas"] == areas_qml()


# -- the governorate shading is described alike everywhere ------------------------------------


def test_every_legend_describes_the_shading_alike(seeds, tmp_path):
    """``dominant_share`` (share × coverage): page, print, folium and QGIS say the same."""
    import html as html_lib

    from syriamap.render import build_page, to_folium
    from syriamap.render.qml import governorates_qml
    from syriamap.render.static import write_static
    from syriamap.render.style import GOV_SHADING

    page = html_lib.unescape(build_page(seeds).html)
    assert page.count(GOV_SHADING) >= 2  # the legend entry and "How to read this map"
    assert "of mapped places" not in page
    svg = html_lib.unescape(write_static(seeds, tmp_path / "m.svg").read_text("utf-8"))
    assert GOV_SHADING in svg
    folium_html = html_lib.unescape(to_folium("2024-12-07").get_root().render())
    assert GOV_SHADING in folium_html and "of mapped places" not in folium_html
    qml = governorates_qml()
    assert qml.count(GOV_SHADING) == len(side_colours())  # one label per side


def test_to_geojson_and_write_geojson_know_the_new_layers(tmp_path):
    areas = syriamap.to_geojson("2024-12-07", layer="areas")
    changes = syriamap.to_geojson("2024-12-07", layer="changes")
    assert areas["features"] and changes["features"]
    syriamap.write_geojson(areas, tmp_path / "a.geojson")  # style guessed from the features
    syriamap.write_geojson(changes, tmp_path / "c.geojson")
    assert (tmp_path / "a.qml").read_text("utf-8") == areas_qml()
    assert (tmp_path / "c.qml").read_text("utf-8") == changes_qml()
    with pytest.raises(VocabularyError):
        syriamap.to_geojson("2024-12-07", layer="front")
