"""GeoPackage export: layers, real Date fields, QGIS default styles in layer_styles."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess

import pyogrio
import pytest
from render_synthetic import make_input

from syriamap.errors import OutputError
from syriamap.render.gpkg import to_gpkg, write_gpkg

DAYS = [dt.date(2024, 12, 5) + dt.timedelta(days=i) for i in range(4)]


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    data = make_input(50)
    path = write_gpkg(data, tmp_path_factory.mktemp("gpkg") / "x.gpkg")
    return data, path


def test_layers(gpkg):
    data, path = gpkg
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers["places"] == "Point"
    assert layers["governorates"] == "MultiPolygon"
    assert layers["assertions"] is None  # non-spatial
    assert pyogrio.read_info(path, layer="places")["features"] == len(data.days[0].places)
    assert pyogrio.read_info(path, layer="assertions")["features"] == len(data.assertions)


@pytest.mark.parametrize(
    "layer, columns",
    [
        ("places", ["as_of", "last_change"]),
        ("governorates", ["date"]),
        ("assertions", ["event_date", "source_published"]),
    ],
)
def test_dates_are_dates(gpkg, layer, columns):
    _, path = gpkg
    info = pyogrio.read_info(path, layer=layer)
    types = dict(zip(info["fields"], info["ogr_types"], strict=True))
    for column in columns:
        assert types[column] == "OFTDate", (column, types[column])
    frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    for column in columns:
        assert frame[column].dtype.kind == "M"
        values = frame[column].dropna()
        assert len(values)
        assert (values == values.dt.normalize()).all()  # no time part


@pytest.mark.requires("ogrinfo")
def test_dates_with_ogrinfo(gpkg):
    _, path = gpkg
    out = subprocess.run(
        ["ogrinfo", "-so", str(path), "places"], capture_output=True, text=True, check=True
    ).stdout
    assert "as_of: Date" in out
    assert "confirmed: Integer(Boolean)" in out


def test_layer_styles_are_default(gpkg):
    _, path = gpkg
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT f_table_name, f_geometry_column, styleName, useAsDefault, styleQML"
            " FROM layer_styles ORDER BY f_table_name"
        ).fetchall()
        contents = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
        columns = [r[1] for r in con.execute("PRAGMA table_info(layer_styles)")]
    finally:
        con.close()
    assert columns == [
        "id",
        "f_table_catalog",
        "f_table_schema",
        "f_table_name",
        "f_geometry_column",
        "styleName",
        "styleQML",
        "styleSLD",
        "useAsDefault",
        "description",
        "owner",
        "ui",
        "update_time",
    ]
    assert contents["layer_styles"] == "attributes"
    assert contents["assertions"] == "attributes"
    assert contents["places"] == "features"
    assert [r[0] for r in rows] == ["areas", "changes", "governorates", "places"]
    for table, geometry, name, default, qml in rows:
        assert geometry == "geom" and name == table and default == 1
        assert "categorizedSymbol" in qml
    # GDAL still reads the file, and sees layer_styles as a table
    assert "layer_styles" in {n for n, _ in pyogrio.list_layers(path)}


def test_timeline_gpkg(tmp_path):
    data = make_input(30, DAYS)
    path = write_gpkg(data, tmp_path / "t.gpkg")
    places = pyogrio.read_dataframe(path, layer="places")
    assert {"valid_from", "valid_to"} <= set(places.columns)
    assert (places["valid_from"] < places["valid_to"]).all()
    gov = pyogrio.read_dataframe(path, layer="governorates")
    assert len(gov) == 14 * len(DAYS)
    with sqlite3.connect(path) as con:
        styles = dict(con.execute('SELECT f_table_name, styleQML FROM "layer_styles"'))
    for table in ("places", "governorates"):
        assert 'styleCategories="Symbology|Labeling|Temporal"' in styles[table]
        assert 'startField="valid_from"' in styles[table]
        assert 'endField="valid_to"' in styles[table]


def test_single_date_gpkg_styles_are_not_temporal(gpkg):
    _, path = gpkg
    with sqlite3.connect(path) as con:
        styles = [qml for (qml,) in con.execute('SELECT styleQML FROM "layer_styles"')]
    assert len(styles) == 4
    assert all("<temporal" not in qml for qml in styles)


def test_overwrites_and_fails_cleanly(tmp_path):
    data = make_input(10, hostile=False)
    path = tmp_path / "x.gpkg"
    path.write_text("not a geopackage")
    write_gpkg(data, path)
    assert pyogrio.read_info(path, layer="places")["features"] == 10
    with pytest.raises(OutputError):
        write_gpkg(data, tmp_path / "nope" / "x.gpkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.gpkg"]


def test_empty_state_keeps_layer_types(tmp_path):
    data = make_input(0, hostile=False)
    path = write_gpkg(data, tmp_path / "empty.gpkg")
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers["places"] == "Point" and layers["governorates"] == "MultiPolygon"
    assert pyogrio.read_info(path, layer="places")["features"] == 0


def test_to_gpkg_from_seeds(tmp_path):
    path = to_gpkg("2024-12-07", tmp_path / "seeds.gpkg")
    assert pyogrio.read_info(path, layer="places")["features"] > 0


def test_timeline_intervals_pass_qgis_sql_day_filter_like_the_geojson(tmp_path):
    """QGIS 3.22 compiles its temporal day filter to text comparisons in the GeoPackage's SQL.

    For the frame [D, D+1) OGR receives (seen with CPL_DEBUG):
    ``("valid_from" < 'D+1T00:00:00.000' OR "valid_from" IS NULL) AND ("valid_to" >
    'DT00:00:00.000' OR "valid_to" IS NULL)``. Each day must pass exactly that day's places.
    """
    import datetime as dt

    data = make_input(60, DAYS)
    path = write_gpkg(data, tmp_path / "t.gpkg")
    sql = (
        'SELECT count(*) FROM "{t}" WHERE ("valid_from" < ? OR "valid_from" IS NULL)'
        ' AND ("valid_to" > ? OR "valid_to" IS NULL)'
    )
    with sqlite3.connect(path) as con:
        types = {r[1]: r[2] for r in con.execute('PRAGMA table_info("places")')}
        assert types["valid_from"] == types["valid_to"] == "DATETIME"
        for state in data.days:
            begin = state.date.isoformat() + "T00:00:00.000"
            end = (state.date + dt.timedelta(days=1)).isoformat() + "T00:00:00.000"
            (n,) = con.execute(sql.format(t="places"), (end, begin)).fetchone()
            assert n == len(state.places), state.date
            (g,) = con.execute(sql.format(t="governorates"), (end, begin)).fetchone()
            assert g == 14, state.date
    # GDAL reads the bounds back as datetimes at midnight
    places = pyogrio.read_dataframe(path, layer="places")
    assert (places["valid_from"].dt.hour == 0).all()


def test_changes_layer_matches_syriamap_changes(tmp_path):
    import syriamap

    path = to_gpkg("2024-12-07", tmp_path / "seeds.gpkg")
    layer = pyogrio.read_dataframe(path, layer="changes")
    expected = syriamap.changes("2024-12-06", "2024-12-07")
    assert list(layer["place_id"]) == list(expected["place_id"])
    assert list(layer["change"]) == list(expected["change"])
    assert (layer["date"].dt.strftime("%Y-%m-%d") == "2024-12-07").all()
    homs = layer[layer["place_id"] == "wof:421168647"].iloc[0]
    assert (homs["before_side"], homs["after_side"]) == ("government", "opposition")
    assert homs["claims"]


def test_timeline_changes_layer_has_a_row_per_change_and_day(tmp_path):
    data = make_input(40, DAYS, hostile=False)
    path = write_gpkg(data, tmp_path / "t.gpkg")
    layer = pyogrio.read_dataframe(path, layer="changes")
    from syriamap.changes import compare

    expected = sum(
        len(compare(a.places, b.places, start=a.date))
        for a, b in zip(data.days, data.days[1:], strict=False)
    )
    assert len(layer) == expected > 0
