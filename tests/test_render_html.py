"""The HTML page without a browser: self-contained, escaped, CSP, MapPage behaviour."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re

import pytest
from render_synthetic import HOSTILE_NAME, HOSTILE_PUBLISHER, make_input

from syriamap.errors import OutputError, VocabularyError
from syriamap.render.html import MapPage, build_page, render_html

DATA_RE = re.compile(r'<script type="application/json" id="syriamap-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def page():
    return build_page(make_input(40, districts=True))


def payload(page: MapPage) -> dict:
    return json.loads(DATA_RE.search(page.html).group(1))


def test_self_contained(page):
    text = page.html
    assert not re.search(r"<script[^>]*\bsrc=", text)
    assert not re.search(r"<link[^>]*stylesheet", text)
    assert not re.search(r"url\((?!data:)[^)#]", text.split("<style>", 1)[1].split("</style>")[0])
    assert "tile.openstreetmap" not in text  # no basemap unless asked for
    assert not re.search(r"\bsrc=[\"']?(https?:)?//", text)
    data = payload(page)
    assert data["tiles"] is None
    assert "preferCanvas: true" in text
    assert "Leaflet 1.9.4, a JS library" in text  # the copyright header stays with the code


def test_csp_allows_exactly_the_inline_scripts(page):
    text = page.html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "default-src 'none'" in csp
    assert "connect-src" not in csp  # falls back to default-src 'none'
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "img-src data:;" in csp


def test_hostile_text_is_escaped(page):
    text = page.html
    assert HOSTILE_PUBLISHER not in text
    assert "<img src=x" not in text
    assert 'href="javascript' not in text
    assert "</script><script>window" not in text
    data = payload(page)
    assert html.escape(HOSTILE_PUBLISHER) in data["attribution"]
    names = [f["properties"]["n"] for f in data["places"]["features"]]
    assert html.escape(HOSTILE_NAME) in names
    quotes = " ".join(e[5] for e in data["ev"])
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in quotes
    assert any("javascript:window.__pwned=1</code>" in s for s in data["src"])


def test_payload_is_consistent(page):
    data = payload(page)
    features = data["places"]["features"]
    assert [f["properties"]["i"] for f in features] == list(range(len(features)))
    assert len(data["days"]) == 1
    day = data["days"][0]
    assert all(len(day[k]) == len(features) for k in "scet")
    assert all(v >= 0 for v in day["s"])
    assert data["districts"]["features"]
    assert len(data["govdays"][0]) == len(data["governorates"]["features"]) == 14
    assert "Who's On First" in data["attribution"] and "GeoNames" in data["attribution"]


def test_timeline_payload():
    days = [dt.date(2024, 12, 1) + dt.timedelta(days=i) for i in range(5)]
    page = build_page(make_input(50, days))
    data = payload(page)
    assert data["dates"] == [d.isoformat() for d in days]
    assert page.dates == tuple(days)
    # some places appear later: hidden (-1) before
    assert any(-1 in d["s"] for d in data["days"][:-1])
    assert data["days"][0]["s"] != data["days"][-1]["s"]


def test_map_page_save_and_repr(tmp_path, page):
    path = page.save(tmp_path / "m.html")
    assert path.read_text(encoding="utf-8") == page.html
    with pytest.raises(OutputError):
        page.save(tmp_path / "missing" / "m.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.html"]
    frame = page._repr_html_()
    assert frame.startswith('<iframe srcdoc="')
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', frame).group(1)
    assert html.unescape(srcdoc) == page.html
    assert "2024-12-07" in repr(page)


def test_tiles_opt_in():
    page = build_page(make_input(5, hostile=False), tiles="openstreetmap")
    data = payload(page)
    assert data["tiles"]["url"].startswith("https://tile.openstreetmap.org/")
    assert "img-src data: https://tile.openstreetmap.org;" in page.html
    with pytest.raises(VocabularyError, match="OpenStreetMap"):
        build_page(make_input(5, hostile=False), tiles="google")


def test_render_html_from_seeds():
    page = render_html("2024-12-07")
    assert len(page.html) < 1_500_000
    assert page.summary["places"] > 0
    assert payload(page)["places"]["features"]
    assert "as reported" not in page.html.split("<body>")[1].split("</h1>")[0]
    reported = render_html("2024-12-07", as_reported_by="2024-12-08")
    assert "as reported by 8 December 2024" in reported.html
