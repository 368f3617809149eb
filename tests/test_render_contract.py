"""One contract for every output format: the same places, sides and statuses.

Untrusted text comes back verbatim from the data formats and escaped in the HTML.
"""

from __future__ import annotations

import html
import json
import re

import pyogrio
import pytest
from render_synthetic import HOSTILE_NAME, HOSTILE_PUBLISHER, make_input

from syriamap.render.geojson import dumps, places_geojson
from syriamap.render.gpkg import write_gpkg
from syriamap.render.html import build_page


def _s(value):
    return value if isinstance(value, str) and value else None


def _from_html(data, tmp_path):
    page = build_page(data)
    text = page.html
    payload = json.loads(re.search(r'id="syriamap-data">(.*?)</script>', text, re.S).group(1))
    day = payload["days"][-1]
    rows = {}
    for feature in payload["places"]["features"]:
        i = feature["properties"]["i"]
        side, status, confirmed = payload["codes"][day["s"][i]][:3]
        rows[feature["properties"]["id"]] = {
            "side": side or None,
            "status": status,
            "confirmed": confirmed,
            "name": html.unescape(feature["properties"]["n"]),
            "lonlat": tuple(feature["geometry"]["coordinates"]),
        }
    assert HOSTILE_PUBLISHER not in text and HOSTILE_NAME not in text
    return rows


def _from_geojson(data, tmp_path):
    path = tmp_path / "p.geojson"
    path.write_text(dumps(places_geojson(data)), encoding="utf-8")
    fc = json.loads(path.read_text("utf-8"))
    return {
        f["properties"]["place_id"]: {
            "side": f["properties"]["side"],
            "status": f["properties"]["status"],
            "confirmed": f["properties"]["confirmed"],
            "name": f["properties"]["name"],
            "lonlat": tuple(f["geometry"]["coordinates"]),
        }
        for f in fc["features"]
    }


def _from_gpkg(data, tmp_path):
    frame = pyogrio.read_dataframe(write_gpkg(data, tmp_path / "p.gpkg"), layer="places")
    return {
        row.place_id: {
            "side": _s(row.side),
            "status": row.status,
            "confirmed": bool(row.confirmed),
            "name": row.name,
            "lonlat": (row.geometry.x, row.geometry.y),
        }
        for row in frame.itertuples()
    }


@pytest.mark.parametrize(
    "reader", [_from_html, _from_geojson, _from_gpkg], ids=["html", "geojson", "gpkg"]
)
def test_every_format_maps_the_same_places(tmp_path, reader):
    data = make_input(70)
    expected = data.days[-1].places
    got = reader(data, tmp_path)
    assert set(got) == set(expected["place_id"])
    for rec in expected.itertuples():
        row = got[rec.place_id]
        assert row["side"] == _s(rec.side)
        assert row["status"] == rec.status
        assert row["confirmed"] == bool(rec.confirmed)
        assert row["name"] == rec.name  # hostile name round-trips (escaped only in HTML)
        assert row["lonlat"] == pytest.approx((rec.geometry.x, rec.geometry.y), abs=1e-5)


def test_each_day_as_reported_by_that_day_drops_hindsight():
    """``as_reported_by="each"``: day D of a timeline uses only sources published by D."""
    from syriamap.fusion import control_at
    from syriamap.render._frames import load

    each = load(start="2024-12-05", end="2024-12-07", as_reported_by="each", districts=False)
    hindsight = load(start="2024-12-05", end="2024-12-07", districts=False)
    assert each.reported_each_day and not hindsight.reported_each_day
    for state in each.days:
        expected = control_at(state.date, as_reported_by=state.date)
        assert sorted(state.places["place_id"]) == sorted(expected["place_id"])
    # On 6 December only the 6 December article was out; hindsight also knows the
    # articles of the 7th, which date some events to the 6th.
    day6 = {s.date.isoformat(): s for s in each.days}["2024-12-06"]
    day6_hindsight = {s.date.isoformat(): s for s in hindsight.days}["2024-12-06"]
    assert set(day6.places["place_id"]) < set(day6_hindsight.places["place_id"])


def test_each_day_is_said_on_the_page():
    from syriamap.render import render_html

    page = render_html(start="2024-12-06", end="2024-12-07", as_reported_by="each")
    assert "each day as reported by that day" in page.html
