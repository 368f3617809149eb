"""The page template: HTML skeleton, CSS and JavaScript of the map page.

Kept as Python strings (not package data files) so that the page can never lose its
template in an installation. Placeholders are ``<!--@NAME@-->`` and are filled in one pass
by :func:`syriamap.render.html.fill`.

The JavaScript reads one JSON block (``#syriamap-data``), draws all places as circle
markers of ONE ``L.geoJSON`` layer on a shared canvas renderer (``preferCanvas``), and
restyles them when the date slider moves. It never inserts source text itself: every HTML
fragment in the data was escaped on the server (``syriamap.render._evidence``); the only
strings it builds are from closed vocabularies, and those go through ``esc`` too.
"""

from __future__ import annotations

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="<!--@CSP@-->">
<meta name="generator" content="syriamap <!--@VERSION@-->">
<link rel="icon" href="data:,">
<title><!--@TITLE@--></title>
<style><!--@LEAFLET_CSS@--></style>
<style><!--@PAGE_CSS@--></style>
</head>
<body>
<div id="map" data-marker-count="0" data-date=""></div>
<div id="panel" class="sm-panel">
  <button id="sm-panel-toggle" class="sm-toggle" type="button" aria-expanded="true"
    aria-label="show or hide details" title="show or hide details">&#8722;</button>
  <h1><!--@HEADING@--></h1>
  <div id="sm-when"><span id="sm-date"><!--@DATE_TEXT@--></span>
    <span id="sm-reported" class="sm-more"><!--@REPORTED_TEXT@--></span>
    <span id="sm-fresh" class="sm-more <!--@FRESH_CLASS@-->"
      data-newest="<!--@FRESH_NEWEST@-->"><!--@FRESH_TEXT@--></span></div>
  <div id="sm-find"><input id="sm-search" type="search" placeholder="Find a place…"
    aria-label="find a place on the map" autocomplete="off" spellcheck="false">
    <ul id="sm-results" role="listbox" hidden></ul></div>
  <div id="sm-timeline" hidden>
    <button id="sm-play" type="button" aria-label="play">&#9654;</button>
    <div id="sm-track"><input id="sm-slider" type="range" min="0" max="0" step="1" value="0"
      aria-label="date"><div id="sm-ticks" aria-hidden="true"></div></div>
  </div>
  <div id="sm-summary" class="sm-more"></div>
  <details id="sm-changes" class="sm-more" hidden><summary id="sm-changes-head"></summary>
    <ul id="sm-changes-list"></ul></details>
  <label id="sm-names" class="sm-more"><input type="checkbox" id="sm-arabic"> Arabic names
    <span lang="ar" dir="rtl">(الأسماء بالعربية)</span></label>
</div>
<div id="legend" class="sm-panel"><button id="sm-legend-toggle" class="sm-toggle"
  type="button" aria-expanded="true" aria-controls="sm-legend-body">Legend</button>
  <div id="sm-legend-body"><!--@LEGEND@--></div></div>
<noscript>This map needs JavaScript. The same data is available as GeoJSON:
run <code>syriamap render --format geojson</code>.</noscript>
<script type="application/json" id="syriamap-data"><!--@DATA@--></script>
<script><!--@LEAFLET_JS@--></script>
<script><!--@PAGE_JS@--></script>
</body>
</html>
"""

PAGE_CSS = """
html, body { height: 100%; margin: 0; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
  sans-serif; color: #1c1c1c; }
#map { position: absolute; inset: 0; background: #dfe6ea; }
.sm-panel { background: rgba(255,255,255,.94); border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); }
#panel { max-width: 360px; position: relative; }
.sm-toggle { font: 12px system-ui, sans-serif; cursor: pointer; border: 1px solid #bbb;
  border-radius: 4px; background: #fff; padding: 1px 6px; }
#sm-panel-toggle { position: absolute; top: 6px; right: 6px; width: 24px; }
#panel h1 { padding-right: 28px; }
#panel.collapsed .sm-more { display: none !important; }
#panel.collapsed h1 { font-size: 13px; }
#legend #sm-legend-toggle { float: right; margin: -2px -4px 4px 6px; }
#legend.collapsed { padding: 4px; }
#legend.collapsed #sm-legend-toggle { float: none; margin: 0; }
#legend.collapsed #sm-legend-body { display: none; }
@media (max-width: 700px) {
  .leaflet-control-attribution { font-size: 10px; line-height: 1.25; }
  #panel { max-width: calc(100vw - 80px); padding: 6px 8px; }
  #panel h1 { font-size: 14px; }
  #legend { max-width: calc(100vw - 40px); max-height: 45vh; }
  .leaflet-popup-content { margin: 8px 10px; }
}
.leaflet-popup-content { overflow-wrap: anywhere; }
#panel h1 { font-size: 16px; margin: 0 0 4px; }
#sm-when { font-size: 13px; }
#sm-date { font-weight: 600; }
#sm-reported { color: #555; display: block; }
#sm-fresh { color: #555; display: block; }
#sm-fresh.stale { color: #8a4b00; }
#sm-timeline { display: flex; gap: 6px; align-items: center; margin-top: 6px; }
#sm-timeline[hidden] { display: none; }
#sm-track { flex: 1; min-width: 160px; position: relative; }
#sm-slider { width: 100%; margin: 0; }
#sm-ticks { position: relative; height: 18px; font-size: 10px; color: #555; }
#sm-ticks .tk { position: absolute; top: 0; width: 1px; height: 5px; background: #888; }
#sm-ticks .tk.chg { width: 3px; height: 7px; margin-left: -1px; background: #111; }
#sm-ticks .tl { position: absolute; top: 6px; transform: translateX(-50%);
  white-space: nowrap; }
#sm-find { position: relative; margin-top: 6px; }
#sm-search { width: 100%; box-sizing: border-box; font: inherit; font-size: 13px;
  padding: 3px 6px; border: 1px solid #aaa; border-radius: 4px; }
#sm-results { position: absolute; left: 0; right: 0; z-index: 10; margin: 2px 0 0;
  padding: 2px 0; list-style: none; background: #fff; border: 1px solid #bbb;
  border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.25); max-height: 40vh; overflow: auto; }
#sm-results[hidden] { display: none; }
#sm-results li { padding: 3px 8px; cursor: pointer; font-size: 13px; }
#sm-results li.on, #sm-results li:hover { background: #e8f0fb; }
#sm-results .m { color: #666; font-size: 11px; }
#sm-changes { font-size: 12px; margin-top: 4px; }
#sm-changes summary { cursor: pointer; }
#sm-changes ul { margin: 4px 0 0; padding-left: 8px; list-style: none; max-height: 28vh;
  overflow: auto; }
#sm-changes li { margin: 1px 0; }
#sm-changes li.h { color: #666; font-style: italic; margin-top: 3px; }
#sm-changes button { font: inherit; text-align: left; border: 0; padding: 0; background: none;
  color: #0b4f8a; cursor: pointer; }
#sm-changes button:disabled { color: #333; cursor: default; }

#sm-play { width: 32px; height: 26px; cursor: pointer; }
#sm-summary { font-size: 12px; color: #333; margin-top: 4px; }
#legend { max-width: 300px; max-height: 60vh; overflow: auto; font-size: 12px; }
#legend h2 { font-size: 13px; margin: 2px 0 4px; }
#legend ul { list-style: none; margin: 0 0 6px; padding: 0; }
#legend li { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
#legend svg { flex: none; }
#legend details { margin-top: 4px; }
#legend summary { cursor: pointer; font-weight: 600; }
#legend p { margin: 4px 0; }
.sm-ramp { display: inline-block; width: 60px; height: 10px;
  background: linear-gradient(to right, rgba(0,0,0,.1), rgba(0,0,0,.6)); }
.leaflet-popup-content { margin: 10px 12px; }
.dimmed { opacity: 0.12; pointer-events: none; transition: opacity 0.2s; }
.pp h3 { font-size: 14px; margin: 0; }
.pp .ar { font-size: 13px; color: #444; }
.pp .meta { color: #555; font-size: 12px; }
.pp .state { margin: 4px 0; font-size: 12px; }
.pp ol { margin: 4px 0; padding-left: 18px; }
.pp ol.con li { color: #5a5a5a; }
.pp .evh { font-size: 12px; color: #333; }
.pp blockquote { margin: 2px 0 6px; padding: 2px 6px; border-left: 3px solid #bbb;
  font-size: 12px; background: #f7f7f7; white-space: pre-wrap; }
.pp mark { background: #ffe45c; padding: 0 1px; }
.pp code.url { font-size: 11px; color: #666; word-break: break-all; }
.pp .more { font-size: 11px; color: #666; }
.pp h4 { font-size: 12px; margin: 6px 0 0; }
.sm-l { position: absolute; left: 0; top: 0; white-space: nowrap; pointer-events: none;
  font: 12px/14px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial,
  sans-serif; color: #161616;
  text-shadow: -1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff,
  0 0 3px #fff; }
.sm-l.cap { font-weight: 700; }
.sm-l.gov { font-size: 11px; letter-spacing: .08em; text-transform: uppercase;
  color: #4a4a4a; font-weight: 600; }
.sm-l.plc { font-size: 11px; color: #262626; }
.sm-l.clu { font-size: 11px; font-weight: 700; color: #111; }
.sm-dot { position: absolute; left: 0; top: 0; width: 5px; height: 5px; margin: -3px 0 0 -3px;
  border-radius: 50%; background: #222; border: 1px solid #fff; pointer-events: none; }
.sm-hidden { display: none; }
#sm-names { font-size: 11px; margin-left: 6px; cursor: pointer; }
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("syriamap-data").textContent);
  var mapEl = document.getElementById("map");
  var ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"};
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }
  function colour(side) { return D.colours[side] || D.unknown; }
  function label(side) { return D.labels[side] || side || "unknown"; }

  var map = L.map(mapEl, { preferCanvas: true, zoomSnap: 0.25, worldCopyJump: false });
  var renderer = L.canvas({ padding: 0.5 });
  var baseLayers = {};
  if (D.tiles) {
    var tiles = L.tileLayer(D.tiles.url, { attribution: D.tiles.attribution, maxZoom: 18 });
    baseLayers[D.tiles.name] = tiles.addTo(map);
    baseLayers["No basemap"] = L.layerGroup();
  }
  var outline = L.geoJSON(D.outline, {
    interactive: false, renderer: renderer,
    style: { color: "#333", weight: 1.6, fill: true, fillColor: "#ffffff",
             fillOpacity: D.tiles ? 0 : 1 }
  }).addTo(map);
  // a plain credit for Leaflet (its default prefix carries a national flag)
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution(D.attribution);

  var day = 0, shownCount = 0;
  function govStyle(f) {
    var g = D.govdays[day][f.properties.i];
    if (!g[0]) { return { color: "#666", weight: 0.8, fill: false }; }
    return { color: "#555", weight: 0.8, fill: true, fillColor: colour(g[0]),
             fillOpacity: D.gov.base + D.gov.gain * g[1] };
  }
  var governorates = L.geoJSON(D.governorates, { style: govStyle, renderer: renderer });
  governorates.bindTooltip(function (layer) {
    return D.govdays[day][layer.feature.properties.i][2];
  }, { sticky: true });
  governorates.addTo(map);
  var districts = null;
  if (D.districts) {
    districts = L.geoJSON(D.districts, {
      renderer: renderer,
      style: { color: "#7a7a7a", weight: 0.7, dashArray: "2 3", fill: false }
    });
    districts.bindTooltip(function (layer) { return layer.feature.properties.n; },
                          { sticky: true });
  }

  var markers = [];
  var places = L.geoJSON(D.places, {
    renderer: renderer,
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, { renderer: renderer, radius: feature.properties.r });
    },
    // area claims (governorates, districts) are outlines, registered like the dots
    onEachFeature: function (feature, layer) { markers[feature.properties.i] = layer; }
  });
  places.bindTooltip(function (layer) { return layer.feature.properties.n; },
                     { direction: "top", offset: [0, -4] });
  places.addTo(map);

  // ---- popups: sized to the screen, opened on the nearest visible place ----
  var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  var TOLERANCE = touch ? 14 : 5;  // px around a dot that still selects it
  var viewBefore = null;
  function popupOptions() {
    var w = mapEl.clientWidth, h = mapEl.clientHeight;
    var pan = document.getElementById("panel").getBoundingClientRect();
    var box = mapEl.getBoundingClientRect(), narrow = w < 700;
    // keep popups clear of the title panel (controls always draw above popups)
    var topLeft = narrow ? L.point(10, Math.min(pan.bottom - box.top + 10, h / 3)) :
      L.point(Math.min(pan.right - box.left + 14, w / 3), 20);
    return { maxWidth: Math.min(440, w - 60), minWidth: Math.min(200, w - 60),
             maxHeight: Math.max(140, Math.min(380, h * 0.5)), autoPanPadding: [10, 10],
             autoPanPaddingTopLeft: topLeft };
  }
  // the visible dot nearest to a screen point, within its radius + TOLERANCE
  function nearest(point) {
    var best = null, bestD = Infinity, d = D.days[day];
    for (var i = 0; i < markers.length; i++) {
      var m = markers[i];
      if (!m.getLatLng || d.s[i] < 0 || clustered[i]) { continue; }
      var p = map.latLngToContainerPoint(m.getLatLng());
      var dist = Math.sqrt((p.x - point.x) * (p.x - point.x) + (p.y - point.y) * (p.y - point.y));
      if (dist <= m.options.radius + TOLERANCE && dist < bestD) { best = m; bestD = dist; }
    }
    return best;
  }
  var shared = L.popup();  // one popup, reused: its content follows the place opened
  function openFor(layer, latlng) {
    if (!map.hasLayer(shared)) { viewBefore = { center: map.getCenter(), zoom: map.getZoom() }; }
    var at = layer.getLatLng ? layer.getLatLng() : latlng;
    L.setOptions(shared, popupOptions());
    shared.setLatLng(at).setContent(popup(layer)).openOn(map);
    mapEl.dataset.popupFor = layer.feature.properties.id;
  }
  places.on("click", function (e) {
    L.DomEvent.stop(e);
    // (Leaflet snaps a small marker's event point to its centre: use the real one)
    var at = e.originalEvent && e.originalEvent.clientX !== undefined ?
      map.mouseEventToContainerPoint(e.originalEvent) : null;
    var target = (at && nearest(at)) || e.layer || e.propagatedFrom;
    if (target) { openFor(target, e.latlng); }
  });
  map.on("click", function (e) {  // a tap just beside a dot still opens it
    var target = nearest(e.containerPoint);
    if (target) { openFor(target, e.latlng); }
  });
  // closing a popup returns to the view it was opened from (autopan may have moved the
  // country off a small screen)
  map.on("popupclose", function () {
    var v = viewBefore;
    viewBefore = null;
    if (v && map.getZoom() === v.zoom) { map.panTo(v.center, { animate: false }); }
    delete mapEl.dataset.popupFor;
  });

  function markerStyle(i, d) {
    var c = D.codes[d.s[i]], key = c[4], s = D.styles[key];
    var fillColour = key === "unknown" ? D.unknown : colour(c[0]);
    if (D.places.features[i].properties.ar) {
      var a = D.areaStyles[key];
      return { color: fillColour, weight: a.weight, opacity: a.opacity, dashArray: a.dash,
               fill: false };
    }
    var conf = d.c[i] < 0 ? 0 : d.c[i] / 100;
    return {
      radius: Math.max(2, D.places.features[i].properties.r + s.radius_delta),
      color: s.stroke || fillColour, weight: s.weight, opacity: 1,
      dashArray: s.dash, fill: true, fillColor: fillColour,
      fillOpacity: Math.min(1, s.fill_opacity + s.confidence_gain * conf)
    };
  }

  function list(ids, cls, limit) {
    if (!ids.length) { return ""; }
    var shown = ids.slice(0, limit).map(evidence).join("");
    var more = ids.length > limit ? '<div class="more">… and ' + (ids.length - limit) +
      " more claims (see the GeoPackage's assertions table)</div>" : "";
    return '<ol class="' + cls + '">' + shown + "</ol>" + more;
  }

  // D.ev[k] = [source, date, stance, claimant, what, quote]: fragments escaped on the server
  function evidence(k) {
    var e = D.ev[k];
    return '<li><div class="evh"><span class="d">' + e[1] + "</span> · " + D.src[e[0]] +
      ' · <span class="stance">' + e[2] + "</span>" + (e[3] ? " · " + e[3] : "") +
      ' · <span class="what">' + e[4] + "</span></div><blockquote>" + e[5] +
      "</blockquote></li>";
  }

  function header(p) {
    var meta = [D.kinds[p.k], D.govnames[p.g]].filter(Boolean).join(" · ");
    return "<h3>" + p.n + "</h3>" +
      (p.a ? '<div class="ar" dir="rtl" lang="ar">' + p.a + "</div>" : "") +
      '<div class="meta">' + meta + "</div>" +
      (p.ar ? '<div class="meta area">a claim about the whole ' + esc(D.kinds[p.k]) +
        ", drawn as its outline</div>" : "");
  }

  function popup(layer) {
    var i = layer.feature.properties.i, d = D.days[day];
    if (d.s[i] < 0) { return '<div class="pp">' + header(layer.feature.properties) + "</div>"; }
    var c = D.codes[d.s[i]], st = D.stamps[d.t[i]], set = D.evsets[d.e[i]];
    var state = '<span class="st st-' + c[4] + '">' + c[5] + "</span>";
    if (d.c[i] >= 0) { state += " · confidence " + (d.c[i] / 100).toFixed(2); }
    state += "<br>as of " + esc(st[0] || "?") + " · last change " + esc(st[1] || "?");
    return '<div class="pp">' + header(layer.feature.properties) +
      '<div class="state">' + state + "</div>" +
      "<h4>Evidence</h4>" + list(set[0], "sup", 12) +
      (set[1].length ? "<h4>Conflicting claims</h4>" + list(set[1], "con", 6) : "") +
      "</div>";
  }

  var dateEl = document.getElementById("sm-date");
  var freshEl = document.getElementById("sm-fresh");
  var summaryEl = document.getElementById("sm-summary");
  var slider = document.getElementById("sm-slider");
  var play = document.getElementById("sm-play");

  function setDay(k) {
    day = Math.max(0, Math.min(D.days.length - 1, k | 0));
    var d = D.days[day], counts = {}, contested = 0, unconfirmed = 0, n = 0;
    for (var i = 0; i < markers.length; i++) {
      var m = markers[i];
      if (d.s[i] < 0) { continue; }
      m.setStyle(markerStyle(i, d));
      var c = D.codes[d.s[i]];
      n += 1;
      if (c[1] === "contested") { contested += 1; }
      else if (c[1] === "held") {
        counts[c[0]] = (counts[c[0]] || 0) + 1;
        if (!c[2]) { unconfirmed += 1; }
      }
    }
    governorates.setStyle(govStyle);
    map.closePopup();
    showChanges();
    var text = D.dateLabels[day];
    dateEl.textContent = text;
    freshEl.textContent = d.f;
    freshEl.classList.toggle("stale", !!d.stale);
    freshEl.dataset.newest = d.n || "";
    document.title = D.title + " — " + D.dates[day];
    slider.value = String(day);
    var parts = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })
      .map(function (s) { return label(s) + " " + counts[s]; });
    summaryEl.textContent = n + " places: " + (parts.join(" · ") || "none held") +
      " · " + contested + " contested" + (unconfirmed ? " · " + unconfirmed + " only claimed" : "");
    shownCount = n;
    mapEl.dataset.markerCount = String(n);
    mapEl.dataset.date = D.dates[day];
    if (map._loaded) { density(); relabel(); }
  }

  // ---- what changed since the day before: list, marks and slider ticks ----
  var changesBox = document.getElementById("sm-changes");
  var changesHead = document.getElementById("sm-changes-head");
  var changesList = document.getElementById("sm-changes-list");
  var rings = L.layerGroup().addTo(map);
  var KIND_TEXT = ["changed hands", "changed status", "newly mapped", "no longer mapped"];
  function showChanges() {
    var d = D.days[day], ch = d.ch;
    rings.clearLayers();
    if (!ch) { changesBox.hidden = true; return; }
    changesBox.hidden = false;
    var since = day > 0 ? D.shortDates[day - 1] : D.previousLabel, counts = [0, 0, 0, 0];
    var items = [], last = -1;
    ch.forEach(function (c, k) {
      counts[c[1]] += 1;
      if (items.length < 300) {
        if (c[1] !== last) { items.push('<li class="h">' + KIND_TEXT[c[1]] + "</li>"); }
        last = c[1];
        items.push('<li><button type="button" data-k="' + k + '"' +
          (c[0] < 0 || d.s[c[0]] < 0 ? " disabled" : "") + "><b>" + c[2] + "</b>: " +
          c[3] + " → " + c[4] + "</button></li>");
      }
      var f = c[0] >= 0 ? D.places.features[c[0]] : null;
      if (c[1] < 2 && f && d.s[c[0]] >= 0 && f.geometry.type === "Point") {
        rings.addLayer(L.circleMarker(L.latLng(f.geometry.coordinates[1],
          f.geometry.coordinates[0]), { renderer: renderer, radius: f.properties.r + 5,
          color: "#111", weight: 2, fill: false, interactive: false }));
      }
    });
    var parts = [];
    counts.forEach(function (n, k) { if (n) { parts.push(n + " " + KIND_TEXT[k]); } });
    changesHead.textContent = "Since " + since + ": " + (parts.join(" · ") || "no change");
    changesList.innerHTML = items.join("");
    changesBox.dataset.count = String(ch.length);
  }
  function zoomTo(i) {
    var m = markers[i];
    if (!m) { return; }
    var at = m.getLatLng ? m.getLatLng() : m.getBounds().getCenter();
    if (m.getLatLng) { map.setView(at, Math.max(map.getZoom(), 10), { animate: false }); }
    else { map.fitBounds(m.getBounds(), { animate: false }); }
    m.fire("click", { latlng: at }, true);
  }
  changesList.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button") : null;
    if (!button || button.disabled) { return; }
    zoomTo(D.days[day].ch[+button.dataset.k][0]);
  });
  if (D.days.length > 1) {
    var ticks = [], n = D.days.length, every = Math.max(1, Math.ceil(n / 5));
    D.days.forEach(function (d, k) {
      var left = "calc(" + (k / (n - 1)) + " * (100% - 16px) + 8px)";
      var changed = d.ch && d.ch.some(function (c) { return c[1] < 2; });
      ticks.push('<span class="tk' + (changed ? " chg" : "") + '" style="left:' + left +
        '" title="' + esc(D.shortDates[k]) + '"></span>');
      if (k % every === 0 || k === n - 1) {
        ticks.push('<span class="tl" style="left:' + left + '">' + esc(D.shortDates[k]) +
          "</span>");
      }
    });
    document.getElementById("sm-ticks").innerHTML = ticks.join("");
  }

  // ---- place search: any spelling the gazetteer knows, offline (the page's own data) ----
  function fold(text) {
    var f = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/\u0640/g, "").replace(/[أإآٱ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي")
      .trim().replace(/^(?:al|el|as|ad|ar|an|at|az|ash|ed|es|er)[\s'\u2019-]+/, "");
    if (f.indexOf("ال") === 0) { f = f.slice(2); }
    return f.replace(/[^\p{L}\p{N}]/gu, "");
  }
  var searchEl = document.getElementById("sm-search");
  var resultsEl = document.getElementById("sm-results");
  var found = [], chosen = 0;
  function entryInfo(e) {
    if (e[0] >= 0) {
      var p = D.places.features[e[0]].properties;
      return { name: p.n, ar: p.a || "", meta: [D.kinds[p.k], D.govnames[p.g]]
        .filter(Boolean).join(" · "), w: p.w, shown: D.days[day].s[e[0]] >= 0 };
    }
    var c = D.names.cap[-1 - e[0]];
    return { name: c[0], ar: c[1], meta: "governorate capital (no claim)", w: 0, shown: true };
  }
  function search(query) {
    var q = fold(query);
    if (!q) { return []; }
    var hits = [];
    D.search.forEach(function (e) {
      var rank = -1;
      for (var k = 1; k < e.length; k++) {
        var r = e[k] === q ? 3 : e[k].indexOf(q) === 0 ? 2 : e[k].indexOf(q) > 0 ? 1 : -1;
        if (r > rank) { rank = r; }
      }
      if (rank >= 0) { hits.push({ e: e, rank: rank, info: entryInfo(e) }); }
    });
    hits.sort(function (a, b) {
      return (b.info.shown - a.info.shown) || (b.rank - a.rank) || (b.info.w - a.info.w);
    });
    return hits.slice(0, 8);
  }
  function showResults() {
    found = search(searchEl.value);
    chosen = 0;
    resultsEl.hidden = !found.length;
    resultsEl.innerHTML = found.map(function (h, k) {
      return '<li role="option" data-k="' + k + '"' + (k === 0 ? ' class="on"' : "") + ">" +
        "<b>" + h.info.name + "</b>" + (h.info.ar ? ' <span dir="rtl" lang="ar">' + h.info.ar +
        "</span>" : "") + '<br><span class="m">' + h.info.meta + "</span></li>";
    }).join("");
  }
  function go(h) {
    resultsEl.hidden = true;
    if (!h) { return; }
    if (h.e[0] >= 0) { zoomTo(h.e[0]); return; }
    var c = D.names.cap[-1 - h.e[0]];
    map.setView([c[3], c[2]], Math.max(map.getZoom(), 10), { animate: false });
  }
  searchEl.addEventListener("input", showResults);
  searchEl.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
      if (!found.length) { showResults(); }
      go(found[chosen]);
    }
    else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var step = e.key === "ArrowDown" ? 1 : found.length - 1;
      chosen = (chosen + step) % Math.max(1, found.length);
      Array.prototype.forEach.call(resultsEl.children, function (li, k) {
        li.className = k === chosen ? "on" : "";
      });
    } else if (e.key === "Escape") { resultsEl.hidden = true; }
  });
  resultsEl.addEventListener("click", function (e) {
    var li = e.target.closest ? e.target.closest("li") : null;
    if (li) { go(found[+li.dataset.k]); }
  });

  var timer = null;
  function stop() { if (timer) { clearInterval(timer); timer = null; play.innerHTML = "&#9654;"; } }
  if (D.days.length > 1) {
    document.getElementById("sm-timeline").hidden = false;
    slider.max = String(D.days.length - 1);
    slider.addEventListener("input", function () { stop(); setDay(+slider.value); });
    play.addEventListener("click", function () {
      if (timer) { stop(); return; }
      if (day >= D.days.length - 1) { setDay(0); }
      play.innerHTML = "&#10074;&#10074;";
      timer = setInterval(function () {
        if (day >= D.days.length - 1) { stop(); return; }
        setDay(day + 1);
      }, 800);
    });
  }

  function panel(id, position) {
    var ctl = L.control({ position: position });
    ctl.onAdd = function () {
      var el = document.getElementById(id);
      L.DomEvent.disableClickPropagation(el);
      L.DomEvent.disableScrollPropagation(el);
      return el;
    };
    return ctl.addTo(map);
  }
  panel("panel", "topleft");
  panel("legend", "bottomright");
  // collapsible title panel and legend: collapsed at first on narrow screens and in
  // frames (a notebook's output cell), where they would cover much of the map
  function collapsible(id, buttonId, openText, closedText) {
    var el = document.getElementById(id), button = document.getElementById(buttonId);
    function set(open) {
      el.classList.toggle("collapsed", !open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.innerHTML = open ? openText : closedText;
    }
    button.addEventListener("click", function () { set(el.classList.contains("collapsed")); });
    return set;
  }
  var inFrame = false;
  try { inFrame = window.self !== window.top; } catch (err) { inFrame = true; }
  var compact = mapEl.clientWidth < 700 || inFrame;
  collapsible("panel", "sm-panel-toggle", "&#8722;", "+")(!compact);
  collapsible("legend", "sm-legend-toggle", "Hide legend", "Legend")(!compact);
  // a tall popup can still reach the panels: fade them while a popup is open
  ["popupopen", "popupclose"].forEach(function (type) {
    map.on(type, function () {
      ["panel", "legend"].forEach(function (id) {
        document.getElementById(id).classList.toggle("dimmed", type === "popupopen");
      });
    });
  });
  var overlays = {};
  overlays["Governorates (leading side)"] = governorates;
  if (districts) { overlays["District boundaries"] = districts; }
  overlays["Places"] = places;
  L.control.layers(baseLayers, overlays,
                   { collapsed: window.innerWidth < 700, position: "topright" }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  // ---- density: at low zoom, crowded places are drawn as clusters with counts by side ----
  var CLUSTER_MIN_PLACES = 300, CLUSTER_MAX_ZOOM = 10, CELL = 44, CELL_MAX = 4;
  var clustered = new Uint8Array(markers.length), clusters = [];
  var clusterLayer = L.layerGroup().addTo(map);
  function density() {
    var d = D.days[day], size = map.getSize(), active = 0, i;
    clustered.fill(0);
    clusters = [];
    clusterLayer.clearLayers();
    for (i = 0; i < markers.length; i++) { if (d.s[i] >= 0) { active += 1; } }
    if (active >= CLUSTER_MIN_PLACES && map.getZoom() < CLUSTER_MAX_ZOOM) {
      var cells = {};
      for (i = 0; i < markers.length; i++) {
        if (d.s[i] < 0 || !markers[i].getLatLng) { continue; }
        var p = map.latLngToContainerPoint(markers[i].getLatLng());
        if (p.x < -CELL || p.y < -CELL || p.x > size.x + CELL || p.y > size.y + CELL) {
          continue;
        }
        var key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
        (cells[key] = cells[key] || []).push(i);
      }
      Object.keys(cells).forEach(function (key) {
        var members = cells[key];
        if (members.length <= CELL_MAX) { return; }
        var bySide = {}, lat = 0, lng = 0;
        members.forEach(function (j) {
          clustered[j] = 1;
          var c = D.codes[d.s[j]];
          var what = c[1] === "held" && c[0] ? c[0] : c[1] === "contested" ? "contested" :
            "unknown";
          bySide[what] = (bySide[what] || 0) + 1;
          var ll = markers[j].getLatLng();
          lat += ll.lat; lng += ll.lng;
        });
        var sidesHere = Object.keys(bySide).sort(function (a, b) { return bySide[b] - bySide[a]; });
        var top = sidesHere[0], at = L.latLng(lat / members.length, lng / members.length);
        var fill = top === "contested" || top === "unknown" ? D.unknown : colour(top);
        var circle = L.circleMarker(at, {
          renderer: renderer, radius: 8 + 2 * Math.log(members.length) / Math.LN2,
          color: "#fff", weight: 2, fillColor: fill, fillOpacity: 0.8
        });
        var text = "<b>" + members.length + " places</b>" + sidesHere.map(function (sd) {
          return "<br>" + esc(sd === "contested" || sd === "unknown" ? sd : label(sd)) + ": " +
            bySide[sd];
        }).join("") + "<br><i>zoom in to see them</i>";
        circle.bindTooltip(text, { direction: "top" });
        circle.on("click", function () {
          map.setView(at, Math.min(map.getZoom() + 2, CLUSTER_MAX_ZOOM));
        });
        clusterLayer.addLayer(circle);
        clusters.push({ n: members.length, at: at, bySide: bySide });
      });
    }
    for (i = 0; i < markers.length; i++) {
      var want = d.s[i] >= 0 && !clustered[i], has = places.hasLayer(markers[i]);
      if (want && !has) { places.addLayer(markers[i]); }
      else if (!want && has) { places.removeLayer(markers[i]); }
    }
    mapEl.dataset.clusterCount = String(clusters.length);
  }

  // ---- labels: governorate names and capitals always, other places by importance ----
  var labelPane = map.createPane("sm-labels");
  labelPane.style.zIndex = 450;
  labelPane.style.pointerEvents = "none";
  var govLayers = [];
  governorates.eachLayer(function (l) { govLayers[l.feature.properties.i] = l; });
  var arabic = false, placed = [], shownLabels = [];
  var measure = document.createElement("canvas").getContext("2d");
  var widths = {};
  function textWidth(text, cls) {
    var key = cls + "|" + text;
    if (widths[key] === undefined) {
      measure.font = (cls === "cap" ? "700 12px" : cls === "gov" ? "600 11px" : "11px") +
        " system-ui, sans-serif";
      var plain = text.replace(/&[#\w]+;/g, "x");
      widths[key] = measure.measureText(cls === "gov" ? plain.toUpperCase() : plain).width +
        (cls === "gov" ? plain.length * 0.9 : 0) + 4;
    }
    return widths[key];
  }
  function collides(b) {
    var size = map.getSize();  // off the screen counts as taken
    if (b[0] < 2 || b[1] < 2 || b[0] + b[2] > size.x - 2 || b[1] + b[3] > size.y - 2) {
      return true;
    }
    for (var k = 0; k < placed.length; k++) {
      var o = placed[k];
      if (b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]) {
        return true;
      }
    }
    return false;
  }
  // candidate boxes around an anchor point: right, left, above, below
  function spots(pt, w, h, gap) {
    return [[pt.x + gap, pt.y - h / 2], [pt.x - gap - w, pt.y - h / 2],
            [pt.x - w / 2, pt.y - gap - h], [pt.x - w / 2, pt.y + gap]];
  }
  function name(en, ar) { return arabic && ar ? ar : en; }
  var byImportance = D.places.features.map(function (f) { return f.properties.i; })
    .sort(function (a, b) {
      return D.places.features[b].properties.w - D.places.features[a].properties.w;
    });
  var capitalIndex = {};
  D.names.cap.forEach(function (c) { if (c[4] >= 0) { capitalIndex[c[4]] = true; } });
  var MAX_LABELS = 250;
  function relabel() {
    placed = [];
    var html = [], shown = [];
    var d = D.days[day], size = map.getSize();
    function emit(text, cls, box, title) {
      placed.push(box);
      shown.push({ text: text, cls: cls });
      var origin = map.containerPointToLayerPoint([box[0], box[1]]);
      html.push('<div class="sm-l ' + cls + '" dir="auto" style="transform:translate(' +
        Math.round(origin.x) + "px," + Math.round(origin.y) + 'px)">' + text + "</div>");
    }
    clusters.forEach(function (cl) {  // cluster counts, centred on their circles
      var pt = map.latLngToContainerPoint(cl.at), text = String(cl.n);
      var w = textWidth(text, "plc"), h = 13;
      var origin = map.containerPointToLayerPoint([pt.x - w / 2, pt.y - h / 2]);
      html.push('<div class="sm-l clu" style="transform:translate(' + Math.round(origin.x) +
        "px," + Math.round(origin.y) + 'px)">' + text + "</div>");
    });
    // capitals first: always drawn, at the first free side of their point
    D.names.cap.forEach(function (c) {
      var pt = map.latLngToContainerPoint([c[3], c[2]]);
      var text = name(c[0], c[1]), w = textWidth(text, "cap"), h = 14;
      var options = spots(pt, w, h, 6), box = null;
      for (var k = 0; k < options.length && !box; k++) {
        var b = [options[k][0], options[k][1], w, h];
        if (!collides(b)) { box = b; }
      }
      placed.push([pt.x - 3, pt.y - 3, 6, 6]);
      if (c[4] < 0 || d.s[c[4]] < 0) {  // no claim about the capital: a reference dot
        var lp = map.latLngToLayerPoint([c[3], c[2]]);
        html.push('<div class="sm-dot" style="transform:translate(' + Math.round(lp.x) + "px," +
          Math.round(lp.y) + 'px)"></div>');
      }
      emit(text, "cap", box || [options[0][0], options[0][1], w, h]);
    });
    // governorate names: always, unless the governorate is too small on screen to hold
    // its name and its capital of the same name already names it (Damascus)
    D.names.gov.forEach(function (g) {
      var text = name(g[0], g[1]), w = textWidth(text, "gov"), h = 13;
      var layer = govLayers[g[5]];
      if (g[4] === g[0] && layer) {
        var b = layer.getBounds();
        var span = map.latLngToContainerPoint(b.getNorthEast()).x -
          map.latLngToContainerPoint(b.getSouthWest()).x;
        if (span < w + 10) { return; }
      }
      var pt = map.latLngToContainerPoint([g[3], g[2]]);
      var tries = [0, 14, -14, 28, -28], box = null;
      for (var k = 0; k < tries.length && !box; k++) {
        var cand = [pt.x - w / 2, pt.y - h / 2 + tries[k], w, h];
        if (!collides(cand)) { box = cand; }
      }
      // crowded (a phone, a small frame): the capitals' names come first
      if (box) { emit(text, "gov", box); }
    });
    // other places, most important first, where they fit
    var attempts = 0, count = 0;
    for (var n = 0; n < byImportance.length && count < MAX_LABELS && attempts < 4000; n++) {
      var i = byImportance[n], f = D.places.features[i], p = f.properties;
      if (d.s[i] < 0 || p.ar || capitalIndex[i] || clustered[i]) { continue; }
      var c = f.geometry.coordinates;
      var pt = map.latLngToContainerPoint([c[1], c[0]]);
      if (pt.x < -50 || pt.y < -20 || pt.x > size.x + 50 || pt.y > size.y + 20) { continue; }
      attempts += 1;
      var text = name(p.n, p.a), w = textWidth(text, "plc"), h = 13;
      var options = spots(pt, w, h, p.r + 2).slice(0, 2);
      for (var k = 0; k < options.length; k++) {
        var b = [options[k][0], options[k][1], w, h];
        if (!collides(b)) { emit(text, "plc", b); count += 1; break; }
      }
    }
    labelPane.innerHTML = html.join("");
    labelPane.dataset.count = String(shown.length);
    shownLabels = shown;
  }
  map.on("zoomstart", function () { labelPane.classList.add("sm-hidden"); });
  map.on("moveend", function () {
    labelPane.classList.remove("sm-hidden");
    density();
    relabel();
  });
  document.getElementById("sm-arabic").addEventListener("change", function (e) {
    arabic = e.target.checked;
    relabel();
  });

  map.fitBounds(outline.getBounds(), { padding: [10, 10] });
  setDay(D.days.length - 1);

  window.syriamap = {
    map: map, places: places, governorates: governorates, districts: districts,
    dates: D.dates, setDay: setDay,
    get day() { return day; },
    get date() { return D.dates[day]; },
    // places drawn on this day, one by one or inside a cluster
    get markerCount() { return shownCount; },
    get clusterCount() { return clusters.length; },
    get featureCount() { return D.places.features.length; },
    get labels() { return shownLabels.slice(); },
    get changes() {
      return (D.days[day].ch || []).map(function (c) {
        return { id: c[0] >= 0 ? D.places.features[c[0]].properties.id : null,
                 change: ["holder", "status", "new", "dropped"][c[1]] };
      });
    },
    fold: fold,
    search: function (query) {
      return search(query).map(function (h) {
        return h.e[0] >= 0 ? D.places.features[h.e[0]].properties.id : "capital:" +
          D.names.cap[-1 - h.e[0]][0];
      });
    },
    zoomTo: function (placeId) {
      for (var i = 0; i < markers.length; i++) {
        if (D.places.features[i].properties.id === placeId) { zoomTo(i); return true; }
      }
      return false;
    },
    relabel: function () { relabel(); },
    markerFor: function (placeId) {
      for (var i = 0; i < markers.length; i++) {
        if (D.places.features[i].properties.id === placeId) { return markers[i]; }
      }
      return null;
    }
  };
  mapEl.dataset.ready = "1";
})();
"""
