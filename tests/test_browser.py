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
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
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

    def __init__(self, browser, path: Path, *, bypass_csp: bool = False, phone: bool = False):
        self.requests: list[str] = []
        self.errors: list[str] = []
        size = PHONE if phone else DESKTOP
        self.context = browser.new_context(
            viewport=size,
            bypass_csp=bypass_csp,
            is_mobile=phone,
            has_touch=phone,
            device_scale_factor=2 if phone else 1,
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
              const pts = s.places.getLayers().filter(m => m.getRadius).map(m => {
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

    def open_(page, name="map.html", **kw):  # kw: bypass_csp, phone
        path = page.save(tmp_path / name)
        result = Opened(browser, path, **kw)
        pages.append(result)
        return result

    yield open_
    for page in pages:
        page.close()


def _mapped(date: str) -> list[dict]:
    """Every mapped claim's feature: places (points) and area claims (polygons)."""
    return to_geojson(date)["features"] + to_geojson(date, layer="areas")["features"]


def popup_text(o: Opened) -> str:
    o.page.wait_for_selector(".leaflet-popup-content")
    return o.page.inner_text(".leaflet-popup-content")


def test_seed_map_offline_markers_and_popup(opened):
    o = opened(render_html("2024-12-07"))
    o.assert_clean()
    assert o.eval("typeof L === 'object' && L.version") == "1.9.4"
    assert o.eval("!!document.querySelector('.leaflet-container canvas')")
    expected = len(_mapped("2024-12-07"))
    assert expected > 0
    assert o.eval("window.syriamap.markerCount") == expected
    assert o.eval("+document.getElementById('map').dataset.markerCount") == expected
    assert o.eval("document.querySelectorAll('path.leaflet-interactive').length") == 0
    # click a marker that nothing else covers: its popup shows its quote
    quotes = {f["properties"]["place_id"]: f["properties"]["quote"] for f in _mapped("2024-12-07")}
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
    assert o.eval("document.getElementById('sm-fresh').classList.contains('stale')")
    o.page.focus("#sm-slider")
    o.page.keyboard.press("Home")
    assert o.page.inner_text("#sm-fresh") == "newest evidence: 7 December 2024"
    assert not o.eval("document.getElementById('sm-fresh').classList.contains('stale')")
    o.assert_clean()


def test_ten_thousand_places(opened):
    data = make_input(10_000, hostile=False)
    page = build_page(data)
    assert len(page.html) < 6_000_000
    o = opened(page)
    assert o.eval("window.syriamap.markerCount") == 10_000
    # at the full extent crowded places are clusters with counts, not a solid mass
    clusters = o.eval("window.syriamap.clusterCount")
    assert 0 < clusters < 2_000
    drawn = o.eval("window.syriamap.places.getLayers().length")
    assert drawn < 10_000
    assert o.eval("+document.querySelector('.sm-l.clu').innerText") > 4
    # they expand as you zoom in
    o.eval("() => window.syriamap.map.setView([33.5, 36.3], 11, {animate: false})")
    assert o.eval("window.syriamap.clusterCount") == 0
    assert o.eval("window.syriamap.places.getLayers().length") == 10_000
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
        # in a notebook's frame the title panel and legend start collapsed
        frame = next(f for f in tab.frames[1:] if f.evaluate("!!window.syriamap"))
        assert frame.evaluate("document.getElementById('legend').classList.contains('collapsed')")
        assert frame.evaluate("document.getElementById('panel').classList.contains('collapsed')")
        assert errors == []
    finally:
        context.close()


def test_attribution_credits_leaflet_and_the_place_data(opened):
    o = opened(render_html("2024-12-07", districts=False))
    o.assert_clean()
    text = o.page.inner_text(".leaflet-control-attribution")
    assert "Leaflet" in text and "Who's On First" in text and "GeoNames" in text
    assert "<svg" not in o.page.inner_html(".leaflet-control-attribution")  # no flag


def test_symbol_popup_and_export_tell_one_state(opened):
    """Jaramana and Darayya drawn contested must not read "holder unknown" (issue 10.4)."""
    from syriamap.render.style import marker_class

    o = opened(render_html("2024-12-07", districts=False))
    exported = {f["properties"]["place_id"]: f["properties"] for f in _mapped("2024-12-07")}
    shown = o.eval(
        """() => {
          const out = {};
          window.syriamap.places.eachLayer(m => {
            m.fire('click', {latlng: m.getLatLng ? m.getLatLng() : m.getCenter()}, true);
            const st = document.querySelector('.leaflet-popup-content .st');
            out[m.feature.properties.id] = {
              cls: st.className, text: st.innerText, dash: m.options.dashArray || null};
          });
          return out;
        }"""
    )
    assert set(shown) == set(exported)
    contested = [pid for pid, p in exported.items() if p["status"] == "contested"]
    assert contested  # the seeds have contested places (Jaramana, Darayya...)
    for pid, props in exported.items():
        key = marker_class(props["status"], props["confirmed"])
        assert shown[pid]["cls"] == f"st st-{key}", pid
        if props["status"] == "contested":
            assert shown[pid]["text"].startswith("contested"), (pid, shown[pid])
            assert shown[pid]["dash"]  # drawn dashed, as the legend says
        elif props["status"] == "unknown":
            assert shown[pid]["text"] == "holder unknown"
    o.assert_clean()


def test_area_claims_are_outlines_not_dots(opened):
    """Claims about a governorate or district are drawn as the area, with a legend entry."""
    o = opened(render_html("2024-12-07", districts=False))
    kinds = {f["properties"]["place_id"]: f["properties"]["kind"] for f in _mapped("2024-12-07")}
    areas = {pid for pid, kind in kinds.items() if kind in ("governorate", "district")}
    assert areas  # the seeds claim Latakia, Tartus, Idlib... governorates
    drawn = o.eval(
        """() => {
          const out = {};
          window.syriamap.places.eachLayer(m => {
            out[m.feature.properties.id] = m.getRadius ? 'dot' : 'outline';
          });
          return out;
        }"""
    )
    assert {pid for pid, how in drawn.items() if how == "outline"} == areas
    assert {pid for pid, how in drawn.items() if how == "dot"} == set(kinds) - areas
    assert "Claims about a whole area" in o.page.inner_text("#legend")
    # its popup says what it is
    o.eval(
        "id => { const m = window.syriamap.markerFor(id);"
        " m.fire('click', {latlng: m.getCenter()}, true); }",
        sorted(areas)[0],
    )
    assert "a claim about the whole" in popup_text(o)
    o.assert_clean()


def _label_boxes(o: Opened):
    return o.eval(
        """() => Array.from(document.querySelectorAll('.sm-l')).map(e => {
          const r = e.getBoundingClientRect();
          return {text: e.innerText, cls: e.className, x: r.left, y: r.top, w: r.width,
                  h: r.height};
        })"""
    )


def test_capitals_and_governorates_are_named_and_places_labelled_without_overlap(opened):
    from syriamap import Gazetteer

    o = opened(render_html("2024-12-07", districts=False))
    capitals = {p.name for p in Gazetteer.default().capitals().values()}
    assert len(capitals) == 14
    boxes = _label_boxes(o)
    size = o.eval("[innerWidth, innerHeight]")
    caps = {b["text"] for b in boxes if "cap" in b["cls"]}
    assert caps == capitals  # all 14 at the default zoom, whatever the claims
    for b in boxes:  # inside the viewport
        assert 0 <= b["x"] and b["x"] + b["w"] <= size[0] and 0 <= b["y"] <= size[1], b
    govs = {b["text"].casefold() for b in boxes if "gov" in b["cls"]}
    assert {"rif dimashq", "homs", "aleppo", "deir ez-zor", "raqqa"} <= govs
    # other places never overlap another label
    places = [b for b in boxes if "plc" in b["cls"]]
    assert places
    for a in places:
        for b in boxes:
            if a is not b:
                overlap = (
                    a["x"] < b["x"] + b["w"] - 1
                    and b["x"] < a["x"] + a["w"] - 1
                    and a["y"] < b["y"] + b["h"] - 1
                    and b["y"] < a["y"] + a["h"] - 1
                )
                assert not overlap, (a, b)
    # zoomed in on Damascus, the suburbs are named too
    o.eval("() => window.syriamap.map.setView([33.5, 36.3], 10, {animate: false})")
    o.wait_until("() => window.syriamap.labels.some(l => l.text === 'Jaramana')")
    texts = {b["text"] for b in _label_boxes(o)}
    assert {"Damascus", "Jaramana", "Darayya"} <= texts
    # Arabic names as an option
    o.page.check("#sm-arabic")
    texts = {b["text"] for b in _label_boxes(o)}
    assert "دمشق" in texts
    o.assert_clean()


def test_changes_list_marks_and_ticks_match_syriamap_changes(opened):
    import syriamap

    o = opened(render_html(start="2024-12-05", end="2024-12-08", districts=False))
    day = o.eval("window.syriamap.dates").index("2024-12-07")
    o.eval("k => window.syriamap.setDay(k)", day)
    expected = syriamap.changes("2024-12-06", "2024-12-07")
    shown = o.eval("window.syriamap.changes")
    assert [(c["id"], c["change"]) for c in shown] == list(
        zip(expected["place_id"], expected["change"], strict=True)
    )
    head = o.page.inner_text("#sm-changes-head")
    holder = int((expected["change"] == "holder").sum())
    assert head.startswith("Since 6 Dec: ") and f"{holder} changed hands" in head
    o.page.click("#sm-changes-head")
    items = o.page.locator("#sm-changes-list button")
    assert items.count() == len(expected)
    # an item zooms to its place and opens its popup
    homs = o.page.locator("#sm-changes-list button", has_text="Homs: Government")
    homs.click()
    assert "Homs" in popup_text(o)
    assert o.eval("window.syriamap.map.getZoom()") >= 10
    # dated ticks under the slider, the days with changes of holder marked
    assert o.eval("document.querySelectorAll('#sm-ticks .tk').length") == 4
    assert o.eval("document.querySelectorAll('#sm-ticks .tk.chg').length") >= 1
    assert "7 Dec" in o.page.inner_text("#sm-ticks") or "8 Dec" in o.page.inner_text("#sm-ticks")
    o.assert_clean()


def test_single_day_page_says_what_changed_since_the_day_before(opened):
    import syriamap

    o = opened(render_html("2024-12-07", districts=False))
    expected = syriamap.changes("2024-12-06", "2024-12-07")
    assert o.page.inner_text("#sm-changes-head").startswith("Since 6 December 2024: ")
    assert len(o.eval("window.syriamap.changes")) == len(expected)
    o.assert_clean()


def _screenshot(o: Opened, path: Path) -> Path:
    o.page.screenshot(path=str(path))
    assert path.stat().st_size > 20_000  # a drawn map, not a blank page
    return path


def _rect(o: Opened, selector: str) -> dict:
    return o.eval(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return {x: r.left, y: r.top, w: r.width, h: r.height}; }",
        selector,
    )


def test_phone_legend_collapsed_popup_fits_and_syria_stays_in_view(opened, tmp_path):
    o = opened(render_html("2024-12-07", districts=False), phone=True)
    _screenshot(o, tmp_path / "phone-2024-12-07.png")
    # the legend and the title panel start collapsed, and stay small
    assert o.eval("document.getElementById('legend').classList.contains('collapsed')")
    assert o.eval("document.getElementById('panel').classList.contains('collapsed')")
    screen = PHONE["width"] * PHONE["height"]
    for selector in ("#legend", "#panel"):
        r = _rect(o, selector)
        assert r["w"] * r["h"] < 0.12 * screen, (selector, r)
    o.page.tap("#sm-legend-toggle")  # and open on demand
    assert not o.eval("document.getElementById('legend').classList.contains('collapsed')")
    o.page.tap("#sm-legend-toggle")
    # a tap on Damascus opens Damascus, not a suburb drawn on top of it
    damascus = "wof:421202165"
    point = o.eval(
        """id => { const s = window.syriamap, m = s.markerFor(id);
          const p = s.map.latLngToContainerPoint(m.getLatLng());
          const r = s.map.getContainer().getBoundingClientRect();
          return [p.x + r.left, p.y + r.top]; }""",
        damascus,
    )
    center_before = o.eval("() => window.syriamap.map.getCenter()")
    o.page.touchscreen.tap(point[0] + 1, point[1] + 1)
    o.wait_until("() => !!document.querySelector('.leaflet-popup-content h3')")
    assert o.page.inner_text(".leaflet-popup-content h3") == "Damascus"
    assert o.eval("document.getElementById('map').dataset.popupFor") == damascus
    o.page.wait_for_timeout(700)  # the autopan animation
    box = _rect(o, ".leaflet-popup")
    assert box["x"] >= 0 and box["x"] + box["w"] <= PHONE["width"], box
    assert box["y"] >= 0 and box["y"] + box["h"] <= PHONE["height"], box
    _screenshot(o, tmp_path / "phone-popup.png")
    o.page.tap(".leaflet-popup-close-button")
    o.wait_until("() => !document.querySelector('.leaflet-popup')")
    # Syria is still in view: the view came back to where the tap was made
    after = o.eval("() => window.syriamap.map.getCenter()")
    assert abs(after["lat"] - center_before["lat"]) < 1e-6
    assert abs(after["lng"] - center_before["lng"]) < 1e-6
    assert o.eval(
        "() => { const s = window.syriamap; return s.map.getBounds().contains("
        "s.governorates.getBounds().getCenter()); }"
    )
    o.assert_clean()


def test_desktop_screenshot_panels_open(opened, tmp_path):
    o = opened(render_html("2024-12-07", districts=False))
    assert not o.eval("document.getElementById('legend').classList.contains('collapsed')")
    assert not o.eval("document.getElementById('panel').classList.contains('collapsed')")
    _screenshot(o, tmp_path / "desktop-2024-12-07.png")
    o.assert_clean()


def test_search_finds_places_in_any_spelling_the_gazetteer_knows(opened):
    o = opened(render_html("2024-12-07", districts=False))
    # a spelling that is neither the name nor on the page: the city As-Suwayda
    assert "wof:421192811" in o.eval("q => window.syriamap.search(q)", "Sweida")
    o.page.fill("#sm-search", "Sweida")
    assert "As-Suwayda" in o.page.inner_text("#sm-results")
    o.page.press("#sm-search", "Enter")
    assert popup_text(o).startswith("As-Suwayda")
    assert o.eval("window.syriamap.map.getZoom()") >= 10 or o.eval(
        "document.getElementById('map').dataset.popupFor"
    ).startswith("wof:85678385")
    o.eval("() => window.syriamap.map.closePopup()")
    # Arabic script
    o.page.fill("#sm-search", "حمص")
    o.page.press("#sm-search", "Enter")
    assert o.eval("document.getElementById('map').dataset.popupFor") == "wof:421168647"
    assert popup_text(o).startswith("Homs")
    # the page folds what is typed exactly as the server folded the gazetteer's spellings
    from syriamap.render._frames import place_aliases
    from syriamap.render.html import search_key

    ids = [f["properties"]["place_id"] for f in _mapped("2024-12-07")]
    spellings = sorted({a for names in place_aliases(ids).values() for a in names})
    assert len(spellings) > 100
    folded = o.eval("names => names.map(n => window.syriamap.fold(n))", spellings)
    assert folded == [search_key(n) for n in spellings]
    o.assert_clean()


def test_search_key_folds_like_the_page():
    from syriamap.render.html import search_key

    assert search_key("As-Suwayda") == search_key("al-Suwayda") == "suwayda"
    assert search_key("Soueïda") == "soueida"
    assert search_key("السويداء") == search_key("سويداء")
    assert search_key("إدلب") == search_key("ادلب")


def test_folium_map_offline_in_the_browser(browser, tmp_path):
    import folium

    import syriamap
    from syriamap.render.folium_map import add_layers, offline_assets

    path = tmp_path / "folium.html"
    syriamap.to_folium("2024-12-07").save(str(path))
    o = Opened.__new__(Opened)
    o.requests, o.errors = [], []
    o.context = browser.new_context(viewport=DESKTOP)
    try:
        o.page = o.context.new_page()
        o.page.route("**/*", o._route)
        o.page.on("pageerror", lambda exc: o.errors.append(f"pageerror: {exc}"))
        o.page.goto(path.as_uri())
        o.wait_until("() => typeof L === 'object'")
        counts = o.eval(
            """() => {
              const map = Object.keys(window).filter(k => k.startsWith('map_'))
                .map(k => window[k])[0];
              let dots = 0, lines = 0;
              map.eachLayer(l => {
                if (l instanceof L.CircleMarker) dots += 1;
                else if (l instanceof L.Polyline && !(l instanceof L.Polygon)) lines += 1;
              });
              return [dots, lines];
            }"""
        )
        features = _mapped("2024-12-07")
        areas = [f for f in features if f["properties"]["kind"] in ("governorate", "district")]
        assert counts[0] == len(features) - len(areas)
        assert counts[1] >= len(areas)
        assert o.requests == [] and o.errors == []
        # hostile source text stays text in popups
        m = offline_assets(folium.Map(tiles=None))
        add_layers(m, make_input(20))
        hostile = tmp_path / "hostile.html"
        m.save(str(hostile))
        o.page.goto(hostile.as_uri())
        o.wait_until("() => typeof L === 'object'")
        text = o.eval(
            """() => {
              const map = Object.keys(window).filter(k => k.startsWith('map_'))
                .map(k => window[k])[0];
              const out = [];
              map.eachLayer(l => {
                if (l instanceof L.CircleMarker) {
                  l.fire('click', {latlng: l.getLatLng()}, true);
                  const el = document.querySelector('.leaflet-popup-content');
                  if (el) out.push(el.innerText);
                }
              });
              return out.join('\\n');
            }"""
        )
        o.page.wait_for_timeout(200)
        assert o.eval("window.__pwned") is None
        assert HOSTILE_PUBLISHER in text or "<img src=x" in text
        assert o.requests == []
    finally:
        o.context.close()


def test_hostile_names_stay_text_in_labels_changes_and_search(opened):
    """The new panels (labels, list of changes, search results) insert no source markup."""
    days = [dt.date(2024, 12, 1) + dt.timedelta(days=i) for i in range(3)]
    data = make_input(30, days)  # place 0 is named HOSTILE_NAME and changes hands
    o = opened(build_page(data), bypass_csp=True)  # escaping alone must hold
    o.eval("() => window.syriamap.map.setView([36.0, 36.4], 9, {animate: false})")
    for k in range(len(days)):
        o.eval("k => window.syriamap.setDay(k)", k)
        o.eval("() => { document.getElementById('sm-changes').open = true; }")
    o.page.fill("#sm-search", "Tell")
    results = o.page.inner_text("#sm-results")
    assert "</script>" in results  # the hostile name, shown as text
    panel = o.page.inner_text("#panel") + o.page.inner_text("#map")
    assert o.eval("window.__pwned") is None
    assert o.eval("document.querySelectorAll('#panel script, #map script').length") == 0
    assert "window.__pwned" in panel  # the name is displayed, not run
    o.assert_clean()
