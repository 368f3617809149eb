"""The HTML page without a browser: self-contained, escaped, CSP, MapPage behaviour."""

from __future__ import annotations

import base64
import dataclasses
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


def test_title_panel_says_how_old_the_newest_evidence_is():
    same_day = render_html("2024-12-07").html
    assert "newest evidence: 7 December 2024<" in same_day
    assert "before this map's date" not in same_day
    # the seeds' newest claim is from 7 December: an 8 December map says so
    later = render_html("2024-12-08", districts=False).html
    assert "newest evidence: 7 December 2024 (1 day before this map's date)" in later
    assert 'class="sm-more stale"' in later


def test_timeline_payload_has_newest_evidence_per_day():
    days = [dt.date(2024, 12, 1) + dt.timedelta(days=i) for i in range(5)]
    data = make_input(30, days, hostile=False)
    out = payload(build_page(data))
    records = data.assertion_records()
    for state, day in zip(data.days, out["days"], strict=True):
        ids = [a for row in state.places.itertuples() for a in (*row.supporting, *row.conflicting)]
        newest = max(records[a]["event_date"] for a in ids).isoformat()
        assert day["n"] == newest
        lag = (state.date - dt.date.fromisoformat(newest)).days
        assert day["stale"] is (lag > 0)
        assert day["f"].startswith("newest evidence: ")
        assert (f"({lag} day" in day["f"]) is (lag > 0)
    empty = payload(build_page(make_input(0, hostile=False)))
    assert empty["days"][0]["f"] == "newest evidence: none"


def test_attribution_cleans_publishers_and_counts_unknown_ones():
    base = make_input(20, hostile=False)
    sources = base.sources.copy()
    sources.loc[0, "publisher"] = "unknown"
    sources.loc[1, "publisher"] = ""
    sources.loc[2, "publisher"] = "\x1b[31mRED\x1b[0m \u202eNews"
    data = dataclasses.replace(base, sources=sources, _index={})
    attribution = payload(build_page(data))["attribution"]
    sources_part = attribution.split("Sources: ", 1)[1]
    assert "unknown," not in sources_part and "s001" not in sources_part
    assert "2 sources of unknown publisher" in sources_part
    assert "RED \ufffdNews" in sources_part
    assert "\x1b" not in attribution and "[31m" not in attribution and "\u202e" not in attribution


def test_no_control_or_bidi_characters_reach_the_page():
    base = make_input(12, hostile=False)
    evil = "\x1b[31m\u202eevil\u202c\u2066 \x07"
    assertions = base.assertions.copy()
    assertions["quote"] = assertions["quote"] + " " + evil
    assertions["claimant"] = evil
    sources = base.sources.copy()
    sources["title"] = evil
    sources["publisher"] = sources["publisher"] + evil
    data = dataclasses.replace(base, assertions=assertions, sources=sources, _index={})
    page = build_page(data)
    text = page.html.split('<script type="application/json"', 1)[1].split("</script>", 1)[0]
    decoded = json.dumps(payload(page), ensure_ascii=False)
    for bad in ("\x1b", "\u202e", "\u202c", "\u2066", "\x07"):
        assert bad not in decoded and bad not in text
    assert "<mark>" in decoded  # place names still highlighted
