"""The HTML page in a real browser: Debian's chromium driven by Playwright, offline.

Skipped when chromium or Playwright is missing, unless SYRIAMAP_REQUIRE_BROWSER=1 (CI),
which turns the skip into a failure (``requires("browser")``, see ``conftest.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

import pytest
from render_synthetic import HOSTILE_PUBLISHER, make_input

from syriamap.render.geojson import places_geojson, to_geojson
from syriamap.render.html import build_page, freshness, render_html

pytestmark = [pytest.mark.browser, pytest.mark.requires("browser")]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # there: requires("browser")

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Opened:
    """A page opened from file:// with every non-file request blocked and recorded."""

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 860}, bypass_csp=bypass_csp
        )
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.goto(path.resolve().as_uri())
        self.wait_until("() => document.getElementById('map').dataset.ready === '1'")

    def wait_until(self, predicate: str, timeout: float = 30.0):
        """Poll ``predicate`` (a JS function) from Python: the page's CSP forbids eval,
        which Playwright's wait_for_function relies on."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(predicate):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {predicate}")
            self.page.wait_for_timeout(50)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def eval(self, script, arg=None):
        return self.page.evaluate(script, arg)

    def assert_clean(self):
        assert self.requests == [], "the page tried to reach the network"
        assert self.errors == []

    def isolated_markers(self):
        """Screen points of markers that no other marker or panel covers."""
        return self.eval(
            """() => {
              const s = window.syriamap, rect = s.map.getContainer().getBoundingClientRect();
              const pts = s.places.getLayers().map(m => {
                const p = s.map.latLngToContainerPoint(m.getLatLng());
                return {id: m.feature.properties.id, x: p.x + rect.left, y: p.y + rect.top};
              });
              return pts.filter(a => {
                const el = document.elementFromPoint(a.x, a.y);
                if (!el || el.tagName !== 'CANVAS') return false;
                return pts.every(b => b === a || Math.hypot(a.x - b.x, a.y - b.y) > 14);
              });
            }"""
        )

    def close(self):
        self.context.close()


@pytest.fixture
def opened(browser, tmp_path):
    pages = []

    def open_(page, name="map.html", **kw):
        path = page.save(tmp_path / name)
        result = Opened(browser, path, **kw)
        pages.append(result)
        return result

    yield open_
    for page in pages:
        page.close()


def popup_text(o: Opened) -> str:
    o.page.wait_for_selector(".leaflet-popup-content")
    return o.page.inner_text(".leaflet-popup-content")


def test_seed_map_offline_markers_and_popup(opened):
    o = opened(render_html("2024-12-07"))
    o.assert_clean()
    assert o.eval("typeof L === 'object' && L.version") == "1.9.4"
    assert o.eval("!!document.querySelector('.leaflet-container canvas')")
    expected = len(to_geojson("2024-12-07")["features"])
    assert expected > 0
    assert o.eval("window.syriamap.markerCount") == expected
    assert o.eval("+document.getElementById('map').dataset.markerCount") == expected
    assert o.eval("document.querySelectorAll('path.leaflet-interactive').length") == 0
    # click a marker that nothing else covers: its popup shows its quote
    quotes = {
        f["properties"]["place_id"]: f["properties"]["quote"]
        for f in to_geojson("2024-12-07")["features"]
    }
    targets = [p for p in o.isolated_markers() if quotes.get(p["id"])]
    assert targets
    target = targets[0]
    o.page.mouse.click(target["x"], target["y"])
    text = popup_text(o)
    assert " ".join(quotes[target["id"]].split())[:60] in " ".join(text.split())
    assert o.page.inner_html(".leaflet-popup-content").count("<mark>") >= 1
    assert "December 2024" in o.page.inner_text("#sm-date")
    o.assert_clean()


def test_synthetic_map_marker_count_and_popup_quote(opened):
    data = make_input(60, districts=True)
    o = opened(build_page(data))
    o.assert_clean()
    features = places_geojson(data)["features"]
    assert o.eval("window.syriamap.markerCount") == len(features)
    by_id = {f["properties"]["place_id"]: f["properties"] for f in features}
    target = next(p for p in o.isolated_markers() if "Kafr Test" in by_id[p["id"]]["name"])
    o.page.mouse.click(target["x"], target["y"])
    text = popup_text(o)
    assert by_id[target["id"]]["name"] in text
    assert by_id[target["id"]]["quote"] in text
    o.assert_clean()


#: A terminal colour escape and a right-to-left override: neither may reach the reader.
ANSI = "\x1b[31mRED\x1b[0m"
RLO = "\u202e"
INVISIBLE = ("\x1b", RLO, "\u2066", "\u2069", "[31m", "[0m")


def hostile_input(n: int):
    """The synthetic hostile state, plus ANSI escapes and bidi overrides in source text."""
    data = make_input(n, districts=True)
    sources = data.sources.copy()
    evil = sources["source_id"] == "evil"
    sources.loc[evil, "publisher"] = HOSTILE_PUBLISHER + f" {ANSI} {RLO}gro.live"
    sources.loc[evil, "title"] = f"{RLO}title\u2066x\u2069"
    assertions = data.assertions.copy()
    hostile = assertions["source_id"] == "evil"
    assertions.loc[hostile, "quote"] = assertions.loc[hostile, "quote"] + f" {RLO}{ANSI}"
    assertions.loc[hostile, "claimant"] = f"SO{RLO}HR {ANSI}"
    days = []
    for day in data.days:
        places = day.places.copy()
        places.loc[places.index[:1], "name"] = places["name"].iloc[0] + f" {RLO}{ANSI}"
        days.append(dataclasses.replace(day, places=places))
    return dataclasses.replace(
        data, days=tuple(days), sources=sources, assertions=assertions, _index={}
    )


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp", "escaping-only"])
def test_hostile_source_runs_nothing(opened, bypass_csp):
    data = hostile_input(20)
    o = opened(build_page(data), bypass_csp=bypass_csp)
    texts = o.eval(
        """() => {
          const out = [];
          window.syriamap.places.eachLayer(m => {
            m.fire('click', {latlng: m.getLatLng()}, true);  // propagates to the layer's popup
            out.push(document.querySelector('.leaflet-popup-content').innerText);
            m.fire('mouseover', {latlng: m.getLatLng()}, true);
            out.push(document.querySelector('.leaflet-tooltip').innerText);
          });
          window.syriamap.governorates.eachLayer(g => {
            g.fire('mouseover', {latlng: g.getBounds().getCenter()}, true);
          });
          return out;
        }"""
    )
    o.page.wait_for_timeout(200)
    assert o.eval("window.__pwned") is None
    joined = "\n".join(texts)
    assert HOSTILE_PUBLISHER in joined  # shown as text
    assert '<img src=x onerror="window.__pwned=1">' in joined
    assert "javascript:window.__pwned=1" in joined
    assert o.eval("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    injected = "document.querySelectorAll('.leaflet-popup-content img, script[src]').length"
    assert o.eval(injected) == 0
    attribution = o.page.inner_text(".leaflet-control-attribution")
    assert HOSTILE_PUBLISHER in attribution
    # terminal escapes and bidi controls are gone from popups, tooltips and attribution;
    # a replacement character shows where a reordering character was
    assert "RED" in joined and "RED" in attribution
    assert "\ufffdgro.live" in attribution
    titles = o.eval("Array.from(document.querySelectorAll('[title]')).map(e => e.title)")
    for bad in INVISIBLE:
        assert bad not in joined, repr(bad)
        assert bad not in attribution, repr(bad)
        assert all(bad not in title for title in titles), repr(bad)
    assert "<mark>" in o.eval("document.querySelector('.leaflet-popup-content').innerHTML")
    o.assert_clean()


def test_timeline_slider_changes_date_and_styles(opened):
    days = [dt.date(2024, 12, 1) + dt.timedelta(days=i) for i in range(6)]
    data = make_input(80, days)
    o = opened(build_page(data))
    o.assert_clean()
    assert o.eval("window.syriamap.date") == "2024-12-06"
    assert o.eval("window.syriamap.markerCount") == len(data.days[-1].places)
    styles = "() => window.syriamap.places.getLayers().map(m => m.options.fillColor + m.options.dashArray)"  # noqa: E501
    before = o.eval(styles)
    records = data.assertion_records()

    def fresh(state):
        ids = [a for r in state.places.itertuples() for a in (*r.supporting, *r.conflicting)]
        return freshness(max(records[a]["event_date"] for a in ids).isoformat(), state.date)

    assert o.page.inner_text("#sm-fresh") == fresh(data.days[-1])
    o.page.focus("#sm-slider")
    o.page.keyboard.press("Home")
    assert o.eval("window.syriamap.date") == "2024-12-01"
    assert o.page.inner_text("#sm-date") == "1 December 2024"
    assert o.page.inner_text("#sm-fresh") == "newest evidence: 1 December 2024"
    assert o.eval("document.getElementById('map').dataset.date") == "2024-12-01"
    assert o.eval("window.syriamap.markerCount") == len(data.days[0].places)
    assert o.eval(styles) != before
    for k, state in enumerate(data.days):  # the panel follows the slider, day by day
        o.eval("k => window.syriamap.setDay(k)", k)
        assert o.page.inner_text("#sm-fresh") == fresh(state), state.date
    o.page.click("#sm-play")
    o.wait_until("() => window.syriamap.day >= 2", timeout=5)
    o.page.click("#sm-play")  # pause
    o.assert_clean()


def test_stale_map_says_how_old_its_newest_evidence_is(opened):
    # the seeds' newest claim is from 7 December; the map of 8 December must say so
    o = opened(render_html(start="2024-12-07", end="2024-12-08", districts=False))
    stale = "newest evidence: 7 December 2024 (1 day before this map's date)"
    assert o.page.inner_text("#sm-fresh") == stale
    assert o.eval("document.getElementById('sm-fresh').className") == "stale"
    o.page.focus("#sm-slider")
    o.page.keyboard.press("Home")
    assert o.page.inner_text("#sm-fresh") == "newest evidence: 7 December 2024"
    assert o.eval("document.getElementById('sm-fresh').className") == ""
    o.assert_clean()


def test_ten_thousand_places(opened):
    data = make_input(10_000, hostile=False)
    page = build_page(data)
    assert len(page.html) < 6_000_000
    o = opened(page)
    assert o.eval("window.syriamap.markerCount") == 10_000
    o.assert_clean()


def test_empty_state(opened):
    o = opened(build_page(make_input(0, hostile=False)))
    assert o.eval("window.syriamap.markerCount") == 0
    assert "0 places" in o.page.inner_text("#sm-summary")
    o.assert_clean()


def test_notebook_iframe_displays_the_map(browser, tmp_path):
    page = build_page(make_input(12, hostile=False))
    host = tmp_path / "notebook.html"
    host.write_text(
        "<!DOCTYPE html><html><body>" + page._repr_html_() + "</body></html>", encoding="utf-8"
    )
    context = browser.new_context()
    try:
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(host.as_uri())
        deadline = time.monotonic() + 30
        counts: list[int] = []
        probe = (
            "() => document.getElementById('map') && "
            "document.getElementById('map').dataset.ready === '1' ? "
            "window.syriamap.markerCount : null"
        )
        while not counts and time.monotonic() < deadline:
            tab.wait_for_timeout(50)
            for frame in tab.frames[1:]:
                try:
                    count = frame.evaluate(probe)
                except Exception:  # the frame is still navigating
                    continue
                if count is not None:
                    counts.append(count)
        assert counts == [12]
        assert errors == []
    finally:
        context.close()


def test_attribution_credits_leaflet_and_the_place_data(opened):
    o = opened(render_html("2024-12-07", districts=False))
    o.assert_clean()
    text = o.page.inner_text(".leaflet-control-attribution")
    assert "Leaflet" in text and "Who's On First" in text and "GeoNames" in text
    assert "<svg" not in o.page.inner_html(".leaflet-control-attribution")  # no flag
