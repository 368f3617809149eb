"""The syriamap layers on a folium map, offline: for notebook users who compose maps.

:func:`to_folium` returns a :class:`folium.Map` (or adds the layers to one you pass):
governorates shaded by the leading side, claims about whole areas as outlines, places as
circle markers in the page's colours and symbols, with popups that give the state and
the best quote. The map works without network: folium's default CDN assets (Leaflet,
jQuery, Bootstrap, Font Awesome) are replaced by the Leaflet vendored in the package,
inlined as ``data:`` URIs, and no tile layer is added unless asked for.

Every string from a source is escaped here (folium's popups insert properties as HTML).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from .._types import DateLike
from ._evidence import esc
from ._frames import RenderInput, load, place_rows
from .style import (
    AREA_KINDS,
    AREA_STYLES,
    GOV_FILL_BASE,
    GOV_FILL_GAIN,
    GOV_SHADING,
    GOV_SHADING_DETAIL,
    MARKER_STYLES,
    UNKNOWN_COLOUR,
    marker_class,
    radius,
    side_colours,
    side_label,
    state_text,
)

if TYPE_CHECKING:  # pragma: no cover
    import folium

__all__ = ["add_layers", "offline_assets", "to_folium"]


def _data_uri(text: str, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def offline_assets(m: folium.Map) -> folium.Map:
    """Make a folium map load nothing from the network: Leaflet inlined, no CDN assets.

    Replaces the map's default JavaScript and CSS (Leaflet, jQuery, Bootstrap, Font
    Awesome from CDNs) by the Leaflet 1.9.4 vendored in syriamap, as ``data:`` URIs.
    Plain Leaflet layers (GeoJSON, circle markers, popups, tooltips) keep working;
    folium plugins that need Bootstrap or Font Awesome icons do not.

    Returns
    -------
    folium.Map
        ``m`` itself.
    """
    from .html import _leaflet

    js, css = _leaflet()
    m.default_js = [("leaflet", _data_uri(js, "text/javascript"))]
    m.default_css = [("leaflet_css", _data_uri(css, "text/css"))]
    return m


def _popup(row: dict[str, Any]) -> str:
    state = state_text(row["status"], row["side"], row["actor"], row["confirmed"])
    parts = [f"<b>{esc(row['name'] or row['place_id'])}</b>"]
    if row["name_ar"]:
        parts.append(f'<span dir="rtl" lang="ar">{esc(row["name_ar"])}</span>')
    parts.append(esc(" · ".join(p for p in (row["kind"], row["governorate"]) if p)))
    line = esc(state)
    if row["confidence"] is not None:
        line += f" · confidence {row['confidence']:.2f}"
    parts.append(line)
    if row["quote"]:
        parts.append(f"<i>“{esc(row['quote'])}”</i>")
    if row["sources"]:
        parts.append("Sources: " + esc(row["sources"]))
    return "<br>".join(parts)


def add_layers(m: Any, data: RenderInput) -> Any:
    """Add the syriamap layers of the last day of ``data`` to a folium map or group.

    Parameters
    ----------
    m
        A :class:`folium.Map` (or any folium element layers can be added to).
    data
        The control state (:func:`syriamap.render._frames.load` or synthetic frames).

    Returns
    -------
    folium.Map
        ``m``, with three layers: "Governorates (leading side)", "Area claims", "Places".
    """
    import folium

    from .geojson import feature_collection
    from .html import _area_outlines

    colours = side_colours()
    state = data.days[-1]

    # governorates: fill by the leading side, opacity by its share (as on the page)
    gov = state.governorates
    gov_fc = feature_collection(
        gov[
            [c for c in ("name", "dominant_side", "dominant_share", "n_places") if c in gov.columns]
            + [gov.geometry.name]
        ]
    )
    for feature in gov_fc["features"]:
        props = feature["properties"]
        side = props.get("dominant_side") or ""
        held = bool(side) and int(props.get("n_places") or 0) > 0
        props["_style"] = {
            "color": "#555555",
            "weight": 0.8,
            "fill": held,
            "fillColor": colours.get(side, UNKNOWN_COLOUR),
            "fillOpacity": GOV_FILL_BASE + GOV_FILL_GAIN * float(props.get("dominant_share") or 0),
        }
        share = float(props.get("dominant_share") or 0)
        props["tip"] = esc(props.get("name")) + (
            f": {esc(side_label(side))} leads; {GOV_SHADING} ({share:.0%}: "
            f"{esc(GOV_SHADING_DETAIL)})"
            if held
            else ": no claims"
        )
    from .html import PLACE_ATTRIBUTION

    folium.GeoJson(
        gov_fc,
        name="Governorates (leading side)",
        attribution=PLACE_ATTRIBUTION,
        style_function=lambda f: f["properties"]["_style"],
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)

    rows = place_rows(data, state)
    areas = {r["place_id"] for r in rows if r["kind"] in AREA_KINDS}
    outlines = _area_outlines(data, [r for r in rows if r["place_id"] in areas])
    area_features = []
    point_features = []
    for row in rows:
        key = marker_class(row["status"], row["confirmed"])
        colour = (
            UNKNOWN_COLOUR if key == "unknown" else colours.get(row["side"] or "", UNKNOWN_COLOUR)
        )
        props = {"popup": _popup(row), "tip": esc(row["name"] or row["place_id"])}
        if row["place_id"] in outlines:
            a = AREA_STYLES[key]
            props["_style"] = {
                "color": colour,
                "weight": a["weight"],
                "opacity": a["opacity"],
                "dashArray": a["dash"],
                "fill": False,
            }
            area_features.append(
                {"type": "Feature", "geometry": outlines[row["place_id"]], "properties": props}
            )
            continue
        s = MARKER_STYLES[key]
        conf = row["confidence"] or 0.0
        props["_style"] = {
            "radius": max(2, radius(row["kind"]) + s["radius_delta"]),
            "color": s["stroke"] or colour,
            "weight": s["weight"],
            "dashArray": s["dash"],
            "fill": True,
            "fillColor": colour,
            "fillOpacity": min(1.0, s["fill_opacity"] + s["confidence_gain"] * conf),
        }
        point_features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": props,
            }
        )
    if area_features:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": area_features},
            name="Area claims",
            style_function=lambda f: f["properties"]["_style"],
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
            popup=folium.GeoJsonPopup(fields=["popup"], labels=False),
        ).add_to(m)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": point_features},
        name="Places",
        marker=folium.CircleMarker(radius=5),
        style_function=lambda f: f["properties"]["_style"],
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=420),
    ).add_to(m)
    return m


def to_folium(
    date: DateLike,
    *,
    m: folium.Map | None = None,
    as_reported_by: DateLike | None = None,
    store: Any = None,
    offline: bool = True,
    layer_control: bool = True,
) -> folium.Map:
    """Return a folium map of the control state on ``date`` (or add it to your map ``m``).

    Parameters
    ----------
    date
        The date to map.
    m
        A folium map to add the layers to (default: a new one, fitted to Syria, with no
        tiles).
    as_reported_by
        Use only what had been published by this date.
    store
        A store, a path to one, or None for ``$SYRIAMAP_STORE`` or the bundled seeds.
    offline
        Replace folium's CDN assets by the vendored Leaflet (see :func:`offline_assets`);
        tiles you added to ``m`` still come from the network.
    layer_control
        Add a layer control (to switch the syriamap layers on and off).

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> m = to_folium("2024-12-07")  # doctest: +SKIP
    >>> m.save("syriamap.html")  # doctest: +SKIP
    """
    import folium

    data = load(date, as_reported_by=as_reported_by, store=store, districts=False)
    created = m is None
    if m is None:
        m = folium.Map(tiles=None, zoom_control=True, control_scale=True)
    if offline:
        offline_assets(m)
    add_layers(m, data)
    if created:
        minx, miny, maxx, maxy = data.days[-1].governorates.total_bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]])
    if layer_control:
        folium.LayerControl(collapsed=True).add_to(m)
    return m
