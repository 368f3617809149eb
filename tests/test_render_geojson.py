"""GeoJSON export: RFC 7946 shape, flat typed properties, read back with pyogrio."""

from __future__ import annotations

import datetime as dt
import json
import re

import pyogrio
import pytest
import shapely
from geojson_pydantic import FeatureCollection
from render_synthetic import HOSTILE_NAME, make_input
from shapely.geometry import shape

from syriamap.render._frames import PLACE_FIELDS, date_span
from syriamap.render.geojson import (
    dumps,
    governorates_geojson,
    places_geojson,
    to_geojson,
    write_geojson,
)
from syriamap.render.style import sides

DAYS = [dt.date(2024, 12, 1) + dt.timedelta(days=i) for i in range(6)]


@pytest.fixture(scope="module")
def state():
    return make_input(60)


@pytest.fixture(scope="module")
def timeline():
    return make_input(45, DAYS)


def _coords(obj):
    if isinstance(obj, (int, float)):
        yield obj
    else:
        for item in obj:
            yield from _coords(item)


@pytest.mark.parametrize("layer", ["places", "governorates"])
def test_rfc7946(state, layer):
    fc = places_geojson(state) if layer == "places" else governorates_geojson(state)
    FeatureCollection.model_validate(fc)
    assert "crs" not in fc
    text = dumps(fc)
    assert json.loads(text) == fc
    for feature in fc["features"]:
        coords = list(_coords(feature["geometry"]["coordinates"]))
        for value in coords:
            assert round(value, 6) == value  # at most 6 decimals
        lons, lats = coords[0::2], coords[1::2]
        assert all(35 < x < 43 for x in lons) and all(32 < y < 38 for y in lats)  # lon, lat


def test_exterior_rings_counter_clockwise(state):
    fc = governorates_geojson(state)
    for feature in fc["features"]:
        geom = shape(feature["geometry"])
        polygons = getattr(geom, "geoms", [geom])
        for polygon in polygons:
            assert polygon.exterior.is_ccw
            assert all(not ring.is_ccw for ring in polygon.interiors)


def test_hole_is_clockwise():
    from syriamap.render.geojson import _geometry

    donut = shapely.Polygon(
        [(36, 33), (36, 34), (37, 34), (37, 33)],  # clockwise shell
        [[(36.2, 33.2), (36.8, 33.2), (36.8, 33.8), (36.2, 33.8)]],  # ccw hole
    )
    geom = shape(_geometry(donut))
    assert geom.exterior.is_ccw and not geom.interiors[0].is_ccw


def test_place_properties_are_flat_and_typed(state):
    fc = places_geojson(state)
    assert len(fc["features"]) == len(state.days[0].places)
    types = {"str": str, "int": int, "float": float, "bool": bool, "date": str}
    for feature in fc["features"]:
        props = feature["properties"]
        assert list(props) == list(PLACE_FIELDS)
        for name, kind in PLACE_FIELDS.items():
            value = props[name]
            if value is None:
                continue
            assert isinstance(value, types[kind]), (name, value)
            if kind == "int":
                assert not isinstance(value, bool)
            if kind == "date":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
        assert props["status"] in {"held", "contested", "unknown"}
    hostile = next(f for f in fc["features"] if f["properties"]["name"] == HOSTILE_NAME)
    assert "</script>" in hostile["properties"]["quote"]  # data stays verbatim in GeoJSON


def test_governorates_carry_shares(state):
    fc = governorates_geojson(state)
    assert len(fc["features"]) == 14
    for feature in fc["features"]:
        props = feature["properties"]
        for side in sides():
            assert 0.0 <= props[f"share_{side}"] <= 1.0
            assert 0.0 <= props[f"pop_share_{side}"] <= 1.0
        assert props["date"] == "2024-12-07"
        if props["n_places"]:
            assert props["dominant_side"] in sides()


def test_timeline_intervals_cover_each_day_once(timeline):
    fc = places_geojson(timeline)
    by_place = {}
    for feature in fc["features"]:
        p = feature["properties"]
        assert p["valid_from"] < p["valid_to"]
        by_place.setdefault(p["place_id"], []).append((p["valid_from"], p["valid_to"]))
    for day in timeline.days:
        iso = day.date.isoformat()
        present = set(day.places["place_id"])
        for pid, spans in by_place.items():
            n = sum(1 for a, b in spans if a <= iso < b)
            assert n == (1 if pid in present else 0), (pid, iso)
    # a place whose side changed has more than one interval, with the sides in order
    assert any(len(spans) > 1 for spans in by_place.values())
    gov = governorates_geojson(timeline)
    assert len(gov["features"]) == 14 * len(DAYS)


@pytest.mark.parametrize("layer", ["places", "governorates"])
def test_read_back_with_pyogrio(tmp_path, state, layer):
    fc = places_geojson(state) if layer == "places" else governorates_geojson(state)
    path = write_geojson(fc, tmp_path / f"x-{layer}.geojson")
    assert path.with_suffix(".qml").is_file()
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == len(fc["features"])
    assert frame.crs.to_epsg() == 4326
    if layer == "places":
        assert str(frame["confidence"].dtype) == "float64"
        assert frame["confirmed"].dtype == bool
        assert frame["n_sources"].dtype.kind == "i"
        assert frame["as_of"].dtype.kind == "M"  # GDAL recognises the ISO dates
        assert list(frame["place_id"]) == [f["properties"]["place_id"] for f in fc["features"]]
    else:
        assert frame["share_government"].dtype == "float64"
        assert frame["n_places"].dtype.kind == "i"


@pytest.mark.parametrize("layer", ["places", "governorates"])
def test_write_geojson_timeline_style_is_temporal(tmp_path, state, timeline, layer):
    make = places_geojson if layer == "places" else governorates_geojson
    qml = write_geojson(make(timeline), tmp_path / "t.geojson").with_suffix(".qml")
    text = qml.read_text(encoding="utf-8")
    assert '<temporal enabled="1" mode="2" startField="valid_from" endField="valid_to"' in text
    single = write_geojson(make(state), tmp_path / "s.geojson").with_suffix(".qml")
    assert "<temporal" not in single.read_text(encoding="utf-8")


def test_write_geojson_is_atomic_on_bad_folder(tmp_path, state):
    from syriamap.errors import OutputError

    with pytest.raises(OutputError):
        write_geojson(places_geojson(state), tmp_path / "missing" / "x.geojson")
    assert list(tmp_path.iterdir()) == []


def test_to_geojson_from_seeds():
    fc = to_geojson("2024-12-07")
    FeatureCollection.model_validate(fc)
    assert fc["features"], "the bundled seeds map at least one place"
    gov = to_geojson("2024-12-07", layer="governorates")
    assert len(gov["features"]) == 14


def test_to_geojson_rejects_bad_layer_and_dates():
    from syriamap.errors import InvalidDateError, VocabularyError

    with pytest.raises(VocabularyError, match="governorates, places"):
        to_geojson("2024-12-07", layer="roads")
    with pytest.raises(InvalidDateError):
        to_geojson("2024-02-30")
    with pytest.raises(InvalidDateError, match="before"):
        date_span(start="2024-12-08", end="2024-12-01")
    with pytest.raises(InvalidDateError):
        date_span()
    with pytest.raises(InvalidDateError):
        date_span(start="2024-12-01")
